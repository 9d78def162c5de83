#include "window_test_support.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>

#include "main_window.h"
#include "recent_files.h"

namespace merch::test {

merch::DemoStoreParams smallDemoParams() {
    merch::DemoStoreParams params;
    params.world.products = 200;
    params.world.days = 7;
    params.world.sessionsPerDay = 60;
    return params;
}

merch::Result<merch::StoreSummary> writeSmallDemo(const QString& path, std::uint64_t seed) {
    merch::RunControl control;
    control.seed = seed;
    return merch::writeDemoStore(path.toStdString(), smallDemoParams(), control);
}

bool runAndWaitForLoad(merch::ui::MainWindow& window, const std::function<void()>& start,
                       int timeoutMs) {
    QSignalSpy spy(&window, &merch::ui::MainWindow::loadFinished);
    start();
    if (spy.isEmpty() && !spy.wait(timeoutMs))
        return false;
    return spy.constFirst().constFirst().toBool();
}

void isolateSettings() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("MerchSimTests"));
    QCoreApplication::setApplicationName(QStringLiteral("MerchSimTests"));
    merch::ui::RecentFiles::clear();
}

} // namespace merch::test
