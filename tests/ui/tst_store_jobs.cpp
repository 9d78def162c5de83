// The background jobs behind the window: first-start demo, Cancel, stale results, Save As, an
// empty workspace and the recent-files list.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "charts/sessions_per_day_chart.h"
#include "jobs/job_progress_widget.h"
#include "jobs/store_loader.h"
#include "main_window.h"
#include "merch/workspace.h"
#include "pages/product_browser.h"
#include "pages/store_page.h"
#include "pages/store_stats_panel.h"
#include "recent_files.h"
#include "window_test_support.h"

using merch::ui::MainWindow;
using merch::ui::StoreLoader;

class TestStoreJobs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void loadSignalsInOrder();
    void firstStartBuildsThenReusesDemo();
    void cancelDemoLeavesNothing();
    void staleResultsAreDropped_data();
    void staleResultsAreDropped();
    void saveAsSwitchesToCopy();
    void emptyWorkspaceOpens();
    void recentFiles_data();
    void recentFiles();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
    QString m_storeA;
    QString m_storeB;
    merch::StoreSummary m_summaryA;
    merch::StoreSummary m_summaryB;
    std::unique_ptr<MainWindow> m_window;
    QStringList m_errors;
};

void TestStoreJobs::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_storeA = file(QStringLiteral("a.merchsim"));
    m_storeB = file(QStringLiteral("b.merchsim"));
    auto a = merch::test::writeSmallDemo(m_storeA, 7);
    QVERIFY2(a.isOk(), a.status().toString().c_str());
    auto b = merch::test::writeSmallDemo(m_storeB, 8);
    QVERIFY2(b.isOk(), b.status().toString().c_str());
    m_summaryA = *a;
    m_summaryB = *b;
}

void TestStoreJobs::init() {
    m_errors.clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter(
        [this](const merch::ui::ErrorReport& report) { m_errors << report.message; });
    m_window->show();
}

void TestStoreJobs::cleanup() {
    m_window.reset();
}

void TestStoreJobs::loadSignalsInOrder() {
    StoreLoader* loader = m_window->loader();
    QSignalSpy started(loader, &StoreLoader::jobStarted);
    QSignalSpy loaded(loader, &StoreLoader::storeLoaded);
    QSignalSpy finished(m_window.get(), &MainWindow::loadFinished);
    m_window->openWorkspace(m_storeA);
    QCOMPARE(started.count(), 1);
    QVERIFY(loader->isBusy());
    QVERIFY(finished.wait(60000));
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.constFirst().constFirst().toBool(), true);
    QVERIFY(!loader->isBusy());
    QCOMPARE(m_window->snapshot()->summary.sessions, m_summaryA.sessions);
}

void TestStoreJobs::firstStartBuildsThenReusesDemo() {
    const QString path = file(QStringLiteral("app-data/demo-store.merchsim"));
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(merch::test::runAndWaitForLoad(
        *m_window, [&] { m_window->openOrBuildDemo(path, merch::test::smallDemoParams()); }));
    QVERIFY(QFileInfo::exists(path));
    QCOMPARE(m_window->snapshot()->path, path);
    QCOMPARE(m_window->snapshot()->summary.products, 200);
    const QDateTime written = QFileInfo(path).lastModified();

    MainWindow second;
    QVERIFY(merch::test::runAndWaitForLoad(
        second, [&] { second.openOrBuildDemo(path, merch::test::smallDemoParams()); }));
    QCOMPARE(second.snapshot()->summary.sessions, m_window->snapshot()->summary.sessions);
    QCOMPARE(QFileInfo(path).lastModified(), written); // opened, not rebuilt
    QVERIFY(m_errors.isEmpty());
}

void TestStoreJobs::cancelDemoLeavesNothing() {
    QVERIFY(merch::test::runAndWaitForLoad(*m_window, [&] { m_window->openWorkspace(m_storeA); }));
    const auto before = m_window->snapshot();
    const QString path = file(QStringLiteral("cancelled/demo.merchsim"));

    auto* progress =
        m_window->findChild<merch::ui::JobProgressWidget*>(QStringLiteral("statusJobProgress"));
    QVERIFY(progress);
    QSignalSpy cancelled(m_window->loader(), &StoreLoader::jobCancelled);
    QSignalSpy finished(m_window.get(), &MainWindow::loadFinished);
    // Click Cancel on the status bar as soon as the engine reports progress.
    QMetaObject::Connection clickOnProgress =
        connect(m_window->loader(), &StoreLoader::progressChanged, progress, [&] {
            if (progress->cancelButton()->isEnabled())
                QTest::mouseClick(progress->cancelButton(), Qt::LeftButton);
        });
    merch::ui::DemoRequest request;
    request.path = path.toStdString(); // the full default demo: long enough to cancel
    m_window->buildDemo(request);
    QVERIFY(progress->isVisible());
    QVERIFY(progress->cancelButton()->isVisible());
    QVERIFY(finished.wait(300000));
    disconnect(clickOnProgress);

    QCOMPARE(finished.constFirst().constFirst().toBool(), false);
    QCOMPARE(cancelled.count(), 1);
    QVERIFY(m_errors.isEmpty());
    QVERIFY(!QFileInfo::exists(path));
    const QDir folder(QFileInfo(path).absolutePath());
    QCOMPARE(folder.entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    QCOMPARE(m_window->snapshot(), before);
    QVERIFY(!progress->isVisible());
}

void TestStoreJobs::staleResultsAreDropped_data() {
    QTest::addColumn<bool>("firstDoneBeforeSecond");
    QTest::newRow("second open while the first runs") << false;
    // The first job has finished but its result is still queued for the UI thread when the
    // second starts: exactly the result the generation token must drop.
    QTest::newRow("first result queued, not yet delivered") << true;
}

void TestStoreJobs::staleResultsAreDropped() {
    QFETCH(bool, firstDoneBeforeSecond);
    StoreLoader* loader = m_window->loader();
    QSignalSpy loaded(loader, &StoreLoader::storeLoaded);
    QSignalSpy finished(m_window.get(), &MainWindow::loadFinished);
    m_window->openWorkspace(m_storeA);
    const quint64 first = loader->generation();
    if (firstDoneBeforeSecond)
        loader->waitForIdle(); // blocks without delivering the queued result
    m_window->openWorkspace(m_storeB);
    QCOMPARE(loader->generation(), first + 1);
    QVERIFY(finished.wait(60000));
    loader->waitForIdle();
    QTest::qWait(200); // a stale result, if any, would arrive now
    QCOMPARE(finished.count(), 1);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(m_window->snapshot()->path, m_storeB);
    QCOMPARE(m_window->snapshot()->summary.sessions, m_summaryB.sessions);
}

void TestStoreJobs::saveAsSwitchesToCopy() {
    QVERIFY(merch::test::runAndWaitForLoad(*m_window, [&] { m_window->openWorkspace(m_storeA); }));
    const auto original = m_window->snapshot();
    const QString copy = file(QStringLiteral("copy.merchsim"));
    QVERIFY(merch::test::runAndWaitForLoad(*m_window,
                                           [&] { m_window->loader()->saveCopy(original, copy); }));
    QVERIFY(QFileInfo::exists(copy));
    QCOMPARE(m_window->snapshot()->path, copy);
    QCOMPARE(m_window->snapshot()->products, original->products); // shared, not re-read
    QCOMPARE(m_window->windowTitle(), QStringLiteral("MerchSim — copy.merchsim"));

    MainWindow reopened;
    QVERIFY(merch::test::runAndWaitForLoad(reopened, [&] { reopened.openWorkspace(copy); }));
    QCOMPARE(reopened.snapshot()->summary.products, m_summaryA.products);
    QCOMPARE(reopened.snapshot()->summary.events, m_summaryA.events);
}

void TestStoreJobs::emptyWorkspaceOpens() {
    const QString path = file(QStringLiteral("empty-store.merchsim"));
    {
        auto created = merch::Workspace::create(path.toStdString());
        QVERIFY2(created.isOk(), created.status().toString().c_str());
    }
    QVERIFY(merch::test::runAndWaitForLoad(*m_window, [&] { m_window->openWorkspace(path); }));
    QVERIFY(m_window->snapshot()->isEmpty());
    merch::ui::StorePage* page = m_window->storePage();
    QCOMPARE(page->browser()->table()->model()->rowCount(), 0);
    QCOMPARE(page->chart()->pointCount(), 0);
    const auto* notice = page->findChild<QLabel*>(QStringLiteral("notice"));
    QVERIFY(notice && !notice->isHidden());
    QVERIFY(notice->text().contains(QStringLiteral("File > Import")));
    QCOMPARE(page->stats()->value(QStringLiteral("Sessions")), QStringLiteral("0"));
    QCOMPARE(m_window->windowTitle(), QStringLiteral("MerchSim — empty-store.merchsim"));
}

void TestStoreJobs::recentFiles_data() {
    QTest::addColumn<int>("files");
    QTest::addColumn<int>("deleted");
    QTest::addColumn<int>("expected");
    QTest::newRow("three files") << 3 << 0 << 3;
    QTest::newRow("ten files keep eight") << 10 << 0 << 8;
    QTest::newRow("missing files pruned") << 5 << 2 << 3;
}

void TestStoreJobs::recentFiles() {
    QFETCH(int, files);
    QFETCH(int, deleted);
    QFETCH(int, expected);
    merch::ui::RecentFiles::clear();
    QStringList paths;
    for (int i = 0; i < files; ++i) {
        const QString path = file(QStringLiteral("recent-%1.merchsim").arg(i));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        paths << path;
        merch::ui::RecentFiles::add(path);
    }
    for (int i = 0; i < deleted; ++i)
        QVERIFY(QFile::remove(paths[files - 1 - i])); // the most recent ones
    const QStringList list = merch::ui::RecentFiles::list();
    QCOMPARE(list.size(), expected);
    QCOMPARE(list.front(), QFileInfo(paths[files - 1 - deleted]).absoluteFilePath());
    for (int i = 0; i < files; ++i)
        QFile::remove(paths[i]);
    merch::ui::RecentFiles::clear();
}

QTEST_MAIN(TestStoreJobs)
#include "tst_store_jobs.moc"
