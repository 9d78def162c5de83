// File > Import History…: the open store's import log, newest first, and the rows the selected
// import rejected, with line, column and reason, read in the background.
#include <QAction>
#include <QPointer>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "dialogs/import_history_dialog.h"
#include "import_controller.h"
#include "import_test_support.h"
#include "main_window.h"
#include "merch/event_importers.h"
#include "merch/import_store.h"
#include "merch/workspace.h"
#include "models/import_log_model.h"
#include "models/rejected_rows_model.h"
#include "window_test_support.h"

#include <sstream>

using merch::ui::ImportHistoryDialog;
using merch::ui::ImportLogModel;
using merch::ui::RejectedRowsModel;

namespace {

constexpr int kReadTimeoutMs = 30000;

bool waitFor(QSignalSpy& spy) {
    return !spy.isEmpty() || spy.wait(kReadTimeoutMs);
}

// Appends the generic events fixture to the workspace at `path` as "events.csv".
bool importEvents(const QString& path) {
    auto workspace = merch::Workspace::open(path.toStdString());
    if (!workspace)
        return false;
    std::istringstream in(merch::test::kEventsCsv);
    merch::ImportOptions options;
    options.fileName = "events.csv";
    auto events = merch::importGenericEvents(in, options, {});
    return events && merch::saveEventImport(**workspace, *events, merch::ImportMode::Append, {});
}

} // namespace

class TestImportHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void listsImportsAndTheirRejectedRows();
    void emptyLogSaysSo();
    void menuOpensTheOpenStoresHistory();

private:
    QTemporaryDir m_dir;
};

void TestImportHistory::initTestCase() {
    merch::test::isolateSettings();
    merch::test::applyScreenshotStyle();
    QVERIFY(m_dir.isValid());
}

void TestImportHistory::listsImportsAndTheirRejectedRows() {
    const auto store = merch::test::newStore(m_dir.filePath(QStringLiteral("history.merchsim")),
                                             merch::test::kShopifyCsv);
    QVERIFY(store);
    QVERIFY(importEvents(store->path));

    ImportHistoryDialog dialog(store->path);
    QSignalSpy loaded(&dialog, &ImportHistoryDialog::logLoaded);
    QSignalSpy rows(&dialog, &ImportHistoryDialog::rejectedRowsLoaded);
    dialog.show();
    QVERIFY(waitFor(loaded));
    const QAbstractItemModel* log = dialog.importTable()->model();
    QCOMPARE(log->rowCount(), 2);
    // Newest first: the events, then the catalog with its bad price.
    QCOMPARE(log->index(0, ImportLogModel::File).data().toString(), QStringLiteral("events.csv"));
    QCOMPARE(log->index(0, ImportLogModel::Kind).data().toString(), QStringLiteral("events"));
    QCOMPARE(log->index(1, ImportLogModel::File).data().toString(), QStringLiteral("catalog.csv"));
    QCOMPARE(log->index(1, ImportLogModel::Rejected).data().toString(), QStringLiteral("1"));

    QVERIFY(waitFor(rows)); // the newest is selected first: it rejected nothing
    QCOMPARE(dialog.rejectedTable()->model()->rowCount(), 0);
    QVERIFY(dialog.rejectedCaption().contains(QStringLiteral("no rows were rejected")));

    rows.clear();
    const QModelIndex catalog = log->index(1, ImportLogModel::File);
    QTest::mouseClick(dialog.importTable()->viewport(), Qt::LeftButton, {},
                      dialog.importTable()->visualRect(catalog).center());
    QVERIFY(waitFor(rows));
    const QAbstractItemModel* rejected = dialog.rejectedTable()->model();
    QCOMPARE(rejected->rowCount(), 1);
    QCOMPARE(rejected->index(0, RejectedRowsModel::Line).data(Qt::UserRole).toLongLong(), 4);
    QVERIFY(rejected->index(0, RejectedRowsModel::Column).data(Qt::UserRole).toInt() > 1);
    QVERIFY(rejected->index(0, RejectedRowsModel::Reason)
                .data()
                .toString()
                .contains(QStringLiteral("price")));
    QVERIFY(dialog.rejectedCaption().contains(QStringLiteral("catalog.csv rejected (1)")));
    merch::test::saveShot(&dialog, QStringLiteral("import-5-history"));
}

void TestImportHistory::emptyLogSaysSo() {
    const auto store = merch::test::newStore(m_dir.filePath(QStringLiteral("empty.merchsim")));
    QVERIFY(store);
    ImportHistoryDialog dialog(store->path);
    QSignalSpy loaded(&dialog, &ImportHistoryDialog::logLoaded);
    QVERIFY(waitFor(loaded));
    QCOMPARE(dialog.importTable()->model()->rowCount(), 0);
    QCOMPARE(dialog.rejectedTable()->model()->rowCount(), 0);
    QVERIFY(!dialog.isLoading());
}

void TestImportHistory::menuOpensTheOpenStoresHistory() {
    merch::ui::MainWindow window;
    window.setRecordRecentFiles(false);
    auto* action = window.findChild<QAction*>(QStringLiteral("importHistoryAction"));
    QVERIFY(action);
    QVERIFY(!action->isEnabled()); // no store open yet
    const auto store = merch::test::newStore(m_dir.filePath(QStringLiteral("menu.merchsim")),
                                             merch::test::kShopifyCsv);
    QVERIFY(store);
    window.show();
    QVERIFY(merch::test::runAndWaitForLoad(window, [&] { window.openWorkspace(store->path); }));
    QVERIFY(action->isEnabled());
    action->trigger();
    QPointer<ImportHistoryDialog> dialog = window.imports()->history();
    QVERIFY(dialog);
    QSignalSpy loaded(dialog.data(), &ImportHistoryDialog::logLoaded);
    QVERIFY(waitFor(loaded));
    QCOMPARE(dialog->importTable()->model()->rowCount(), 1);
    dialog->close();
    QTRY_VERIFY(!dialog); // deleted on close
}

QTEST_MAIN(TestImportHistory)
#include "tst_import_history.moc"
