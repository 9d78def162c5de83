#include "startup.h"

#include <QApplication>
#include <QFileInfo>
#include <QPixmap>
#include <QSettings>
#include <QTextStream>
#include <QTimer>

#include "app_style.h"
#include "jobs/store_loader.h"
#include "main_window.h"
#include "page_catalog.h"
#include "recent_files.h"
#include "resources.h"

#ifndef MERCH_VERSION
#define MERCH_VERSION "0.0.0"
#endif

namespace merch::ui {
namespace {

void printError(const QString& message) {
    QTextStream(stderr) << "merchsim: " << message << '\n';
}

// The first load: the requested workspace, else (interactively) the most recent one, else the
// demo store in the app's data folder (built on first start).
void startFirstLoad(MainWindow& window, const StartupOptions& options, bool interactive) {
    if (!options.workspace.isEmpty()) {
        window.openWorkspace(options.workspace);
        return;
    }
    if (interactive) {
        const QStringList recent = RecentFiles::list();
        if (!recent.isEmpty()) {
            window.openWorkspace(recent.front());
            return;
        }
    }
    window.openOrBuildDemo(MainWindow::defaultDemoPath());
}

const QString kGeometryKey = QStringLiteral("window/geometry");
constexpr int kIdlePollMs = 50;
constexpr int kIdleTimeoutMs = 120000;

// Waits until no page is still computing what it shows (the audit), then lets layouts and
// charts settle and saves the window.
void grabWhenIdle(MainWindow& window, const QString& file, int waitedMs) {
    if (window.pagesBusy() && waitedMs < kIdleTimeoutMs) {
        QTimer::singleShot(kIdlePollMs, &window, [&window, file, waitedMs] {
            grabWhenIdle(window, file, waitedMs + kIdlePollMs);
        });
        return;
    }
    QTimer::singleShot(300, &window, [&window, file] {
        const QPixmap shot = window.grab();
        if (shot.isNull() || !shot.save(file, "PNG")) {
            printError(QStringLiteral("could not write %1").arg(file));
            QCoreApplication::exit(1);
            return;
        }
        QCoreApplication::exit(0);
    });
}

int runScreenshot(QApplication& app, MainWindow& window, const StartupOptions& options) {
    if (pageIndex(options.page) < 0) {
        printError(
            QStringLiteral("unknown page \"%1\"; pages are %2").arg(options.page, pageNameList()));
        return 2;
    }
    window.setRecordRecentFiles(false);
    window.setErrorReporter([](const ErrorReport& report) {
        printError(report.title + QStringLiteral(": ") + report.message);
    });
    QObject::connect(
        &window, &MainWindow::loadFinished, &window,
        [&window, options](bool ok) {
            if (!ok) {
                QCoreApplication::exit(1);
                return;
            }
            window.showPage(options.page);
            grabWhenIdle(window, options.screenshot, 0);
        },
        Qt::SingleShotConnection);
    window.resize(options.screenshotSize);
    window.show();
    startFirstLoad(window, options, false);
    return app.exec();
}

} // namespace

void setApplicationIdentity() {
    QCoreApplication::setOrganizationName(QStringLiteral("MerchSim"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("merchsim.app"));
    QCoreApplication::setApplicationName(QStringLiteral("MerchSim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MERCH_VERSION));
    QGuiApplication::setDesktopFileName(QStringLiteral("merchsim"));
}

int runApplication(QApplication& app, const StartupOptions& options) {
    applyAppStyle(app);
    QApplication::setWindowIcon(appIcon());
    MainWindow window;
    if (!options.screenshot.isEmpty())
        return runScreenshot(app, window, options);

    if (!window.showPage(options.page)) {
        printError(
            QStringLiteral("unknown page \"%1\"; pages are %2").arg(options.page, pageNameList()));
        return 2;
    }
    // The window comes back where the user left it (size, position, maximized or not).
    if (!window.restoreGeometry(QSettings().value(kGeometryKey).toByteArray()))
        window.resize(1400, 900);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &window,
                     [&window] { QSettings().setValue(kGeometryKey, window.saveGeometry()); });
    window.show();
    startFirstLoad(window, options, true);
    return app.exec();
}

} // namespace merch::ui
