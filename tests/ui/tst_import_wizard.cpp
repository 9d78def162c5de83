// The import wizard driven like a user would: detection and the format override, a Shopify
// catalog with a bad price (the result lists the rejected row with the engine's line, column and
// reason), generic events, a file that cannot be imported at all, replace asking first, Cancel
// leaving the store as it was, a new store when none is open, and a CSV dropped on the window
// (then File > Import…). With MERCH_SCREENSHOT_DIR set, the wizard's pages are saved there.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <fstream>
#include <sstream>

#include "dialogs/import_file_page.h"
#include "dialogs/import_mode_page.h"
#include "dialogs/import_progress_page.h"
#include "dialogs/import_result_page.h"
#include "dialogs/import_wizard.h"
#include "format.h"
#include "import_controller.h"
#include "import_test_support.h"
#include "jobs/store_snapshot.h"
#include "main_window.h"
#include "merch/catalog_importers.h"
#include "models/rejected_rows_model.h"
#include "widgets/progress_panel.h"
#include "widgets/stat_tile.h"
#include "window_test_support.h"

using merch::ui::ImportWizard;
using merch::ui::RejectedRowsModel;
using namespace merch::test;

namespace {

constexpr int kImportTimeoutMs = 120000;

} // namespace

class TestImportWizard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void detectsTheFormat_data();
    void detectsTheFormat();
    void listsEveryFormatOfTheTable();
    void importsShopifyAndListsTheBadPriceRow();
    void importsGenericEvents();
    void fileThatCannotBeImportedShowsTheEngineMessage();
    void replaceAsksFirst_data();
    void replaceAsksFirst();
    void cancelLeavesTheStoreAsItWas_data();
    void cancelLeavesTheStoreAsItWas();
    void noStoreOpenCreatesOne();
    void droppedCsvOpensTheWizardAndReloads();

private:
    QString write(const QString& name, const QByteArray& content);
    merch::ui::SnapshotPtr newStore(const QString& name, const char* catalog = nullptr) {
        return merch::test::newStore(m_dir.filePath(name), catalog);
    }
    void clickNext(ImportWizard& wizard);
    void clickImport(ImportWizard& wizard);
    bool waitForResult(ImportWizard& wizard);

    QTemporaryDir m_dir;
    QString m_shopify;
    QString m_events;
    QString m_notes;
    QString m_bigEvents;
};

void TestImportWizard::initTestCase() {
    merch::test::isolateSettings();
    merch::test::applyScreenshotStyle();
    QVERIFY(m_dir.isValid());
    m_shopify = write(QStringLiteral("products.csv"), kShopifyCsv);
    m_events = write(QStringLiteral("events.csv"), kEventsCsv);
    m_notes = write(QStringLiteral("notes.txt"), "Meeting notes\nCall the client on Monday\n");

    // Large enough that Cancel always arrives while the engine is still working.
    m_bigEvents = m_dir.filePath(QStringLiteral("big-events.csv"));
    std::ofstream big(m_bigEvents.toStdString(), std::ios::binary);
    big << "timestamp,session_id,visitor_id,event,product_id\n";
    for (int i = 0; i < 400000; ++i)
        big << 1767607200 + i << ",s" << i / 8 << ",v" << i / 40 << ",view,p" << i % 500 << "\n";
    QVERIFY(big.good());
}

QString TestImportWizard::write(const QString& name, const QByteArray& content) {
    const QString path = m_dir.filePath(name);
    return writeFile(path, content) ? path : QString();
}

void TestImportWizard::clickNext(ImportWizard& wizard) {
    QAbstractButton* next = wizard.button(QWizard::NextButton);
    QVERIFY(next->isVisible() && next->isEnabled());
    QTest::mouseClick(next, Qt::LeftButton);
}

void TestImportWizard::clickImport(ImportWizard& wizard) {
    QAbstractButton* import = wizard.button(QWizard::CommitButton);
    QVERIFY(import->isVisible() && import->isEnabled());
    QCOMPARE(import->text(), QStringLiteral("Import"));
    QTest::mouseClick(import, Qt::LeftButton);
}

bool TestImportWizard::waitForResult(ImportWizard& wizard) {
    return QTest::qWaitFor([&] { return wizard.currentId() == ImportWizard::ResultPageId; },
                           kImportTimeoutMs);
}

void TestImportWizard::detectsTheFormat_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("format"); // empty: not recognised
    QTest::addColumn<int>("previewRows");
    QTest::addColumn<QString>("firstColumn");
    QTest::newRow("Shopify product CSV") << "products.csv"
                                         << "shopify" << 4 << "Handle";
    QTest::newRow("generic events CSV") << "events.csv"
                                        << "generic" << 5 << "timestamp";
    QTest::newRow("not a store export") << "notes.txt"
                                        << "" << 2 << "Line";
}

void TestImportWizard::detectsTheFormat() {
    QFETCH(QString, file);
    QFETCH(QString, format);
    QFETCH(int, previewRows);
    QFETCH(QString, firstColumn);
    ImportWizard wizard(newStore(QStringLiteral("detect.merchsim")));
    wizard.setFile(m_dir.filePath(file));
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    merch::ui::ImportFilePage* page = wizard.filePage();

    // What the engine's table recognises in the first 64 KiB is what the wizard shows.
    QFile data(m_dir.filePath(file));
    QVERIFY(data.open(QIODevice::ReadOnly));
    const QByteArray head = data.read(64 * 1024);
    const merch::DetectedFormat detected =
        merch::detectImportFormat(file.toStdString(), head.toStdString());
    QCOMPARE(detected.format ? QString::fromStdString(detected.format->name) : QString(), format);
    QCOMPARE(wizard.state().format, detected.format);
    if (detected.format) {
        QVERIFY(page->detectedText().contains(QString::fromStdString(detected.format->label)));
        QVERIFY(page->formatCombo()->currentText().contains(
            QString::fromStdString(detected.format->label)));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    } else {
        QCOMPARE(page->formatCombo()->currentIndex(), -1);
        QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
        // Overriding the format lets the user go on; the engine will judge the file.
        QVERIFY(page->chooseFormat(QStringLiteral("generic"), merch::ImportKind::Events));
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    }
    const QAbstractItemModel* preview = page->previewTable()->model();
    QCOMPARE(preview->rowCount(), previewRows);
    QCOMPARE(preview->headerData(0, Qt::Horizontal).toString(), firstColumn);
    if (format == QStringLiteral("shopify"))
        saveShot(&wizard, QStringLiteral("import-1-file"));
}

void TestImportWizard::listsEveryFormatOfTheTable() {
    ImportWizard wizard(nullptr);
    const QComboBox* combo = wizard.filePage()->formatCombo();
    for (const merch::ImportFormat& format : merch::importFormats()) {
        QVERIFY2(wizard.filePage()->chooseFormat(QString::fromStdString(format.name), format.kind),
                 format.name.c_str());
        QCOMPARE(wizard.state().format, &format);
        QVERIFY(combo->currentText().contains(QString::fromStdString(format.label)));
    }
}

void TestImportWizard::importsShopifyAndListsTheBadPriceRow() {
    // What the engine makes of the file, to compare the wizard's result with.
    std::ifstream in(m_shopify.toStdString(), std::ios::binary);
    merch::ImportOptions options;
    options.fileName = "products.csv";
    auto expected = merch::importShopifyCatalog(in, options, {});
    QVERIFY(expected.isOk());
    QCOMPARE(expected->report.rejected.size(), std::size_t(1));
    const merch::RejectedRow& bad = expected->report.rejected.front();
    QCOMPARE(bad.line, std::int64_t(4));
    QVERIFY(bad.column > 1);

    const auto store = newStore(QStringLiteral("shopify.merchsim"));
    ImportWizard wizard(store);
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    wizard.setFile(m_shopify);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    clickNext(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ModePageId));
    QVERIFY(wizard.modePage()->appendButton()->isChecked());
    saveShot(&wizard, QStringLiteral("import-2-mode"));
    clickImport(wizard);
    QVERIFY(waitForResult(wizard));
    saveShot(&wizard, QStringLiteral("import-4-result"));

    merch::ui::ImportResultPage* result = wizard.resultPage();
    const int products = static_cast<int>(expected->products.size());
    QCOMPARE(result->headline(),
             QStringLiteral("Imported %1 products from products.csv").arg(products));
    QCOMPARE(result->importedTile()->value(), QString::number(products));
    QCOMPARE(result->rejectedTile()->value(), QStringLiteral("1"));
    QCOMPARE(result->warningsTile()->value(),
             QString::number(wizard.state().outcome->saved.warnings));
    QCOMPARE(result->warningsList()->count(),
             static_cast<int>(wizard.state().outcome->saved.warningTexts.size()));

    const QAbstractItemModel* rows = result->rejectedTable()->model();
    QVERIFY(result->rejectedTable()->isVisible());
    QCOMPARE(rows->rowCount(), 1);
    QCOMPARE(rows->index(0, RejectedRowsModel::Line).data(Qt::UserRole).toLongLong(), bad.line);
    QCOMPARE(rows->index(0, RejectedRowsModel::Column).data(Qt::UserRole).toInt(), bad.column);
    QCOMPARE(rows->index(0, RejectedRowsModel::Reason).data().toString(),
             QString::fromStdString(bad.reason));
    QVERIFY(rows->index(0, RejectedRowsModel::Reason)
                .data()
                .toString()
                .contains(QStringLiteral("price")));
    QVERIFY(rows->index(0, RejectedRowsModel::Raw)
                .data()
                .toString()
                .startsWith(QStringLiteral("mug,Stoneware Mug")));

    QCOMPARE(imported.count(), 1);
    QCOMPARE(imported.constFirst().constFirst().toString(), store->path);
    QCOMPARE(productCount(store->path), products);
    QCOMPARE(importCount(store->path), 1);
    QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(!wizard.isVisible());
}

void TestImportWizard::importsGenericEvents() {
    const auto store = newStore(QStringLiteral("events.merchsim"), kShopifyCsv);
    QVERIFY(store);
    ImportWizard wizard(store);
    wizard.setFile(m_events);
    wizard.show();
    QCOMPARE(wizard.state().format->kind, merch::ImportKind::Events);
    clickNext(wizard);
    QVERIFY(wizard.modePage()->appendButton()->text().contains(QStringLiteral("events")));
    clickImport(wizard);
    QVERIFY(waitForResult(wizard));
    const auto outcome = wizard.state().outcome;
    QVERIFY(outcome && outcome->status.isOk());
    QCOMPARE(outcome->saved.imported, std::int64_t(5));
    QCOMPARE(wizard.resultPage()->headline(), QStringLiteral("Imported 5 events from events.csv"));
    QCOMPARE(eventCount(store->path), std::int64_t(5));
    QVERIFY(wizard.resultPage()->message().contains(QStringLiteral("not in the catalog")));
}

void TestImportWizard::fileThatCannotBeImportedShowsTheEngineMessage() {
    // The events file read as a Shopify catalog: the engine refuses it as a whole.
    std::ifstream in(m_events.toStdString(), std::ios::binary);
    merch::ImportOptions options;
    options.fileName = "events.csv";
    const auto refused = merch::importShopifyCatalog(in, options, {});
    QVERIFY(!refused.isOk());

    const auto store = newStore(QStringLiteral("refused.merchsim"));
    ImportWizard wizard(store);
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    wizard.setFile(m_events);
    wizard.show();
    QVERIFY(wizard.filePage()->chooseFormat(QStringLiteral("shopify"), merch::ImportKind::Catalog));
    clickNext(wizard);
    clickImport(wizard);
    QVERIFY(waitForResult(wizard));
    QCOMPARE(wizard.resultPage()->headline(), QStringLiteral("Could not import events.csv"));
    QString message = QString::fromStdString(refused.status().message());
    message[0] = message[0].toUpper();
    QVERIFY2(wizard.resultPage()->message().startsWith(message),
             qPrintable(wizard.resultPage()->message()));
    QVERIFY(!wizard.resultPage()->rejectedTable()->isVisible());
    QCOMPARE(imported.count(), 0);
    QCOMPARE(importCount(store->path), 0);
}

void TestImportWizard::replaceAsksFirst_data() {
    QTest::addColumn<bool>("confirm");
    QTest::newRow("user says no") << false;
    QTest::newRow("user says replace") << true;
}

void TestImportWizard::replaceAsksFirst() {
    QFETCH(bool, confirm);
    const auto store = newStore(QStringLiteral("replace.merchsim"), kShopifyCsv);
    QVERIFY(store);
    const int before = productCount(store->path);
    QVERIFY(before >= 2);
    const QString other = write(QStringLiteral("other.csv"), kOtherShopifyCsv);

    ImportWizard wizard(store);
    QStringList asked;
    wizard.setConfirmer([&](const QString& title, const QString& text) {
        asked << title << text;
        return confirm;
    });
    wizard.setFile(other);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    clickNext(wizard);
    QRadioButton* replace = wizard.modePage()->replaceButton();
    QTest::mouseClick(replace, Qt::LeftButton, {}, QPoint(10, replace->height() / 2));
    QVERIFY(wizard.modePage()->replaceButton()->isChecked());
    QCOMPARE(wizard.state().mode, merch::ImportMode::Replace);
    clickImport(wizard);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(asked[0], QStringLiteral("Replace the catalog?"));
    QVERIFY(asked[1].contains(QStringLiteral("%1 products").arg(before)));
    if (!confirm) {
        QCOMPARE(wizard.currentId(), int(ImportWizard::ModePageId));
        QCOMPARE(productCount(store->path), before);
        QCOMPARE(importCount(store->path), 1);
        return;
    }
    QVERIFY(waitForResult(wizard));
    QCOMPARE(productCount(store->path), 1); // the file became the catalog
    QVERIFY(wizard.resultPage()->message().contains(QStringLiteral("replacing its catalog")));
}

void TestImportWizard::cancelLeavesTheStoreAsItWas_data() {
    QTest::addColumn<bool>("storeOpen");
    QTest::newRow("into the open store") << true;
    QTest::newRow("into a new store") << false;
}

void TestImportWizard::cancelLeavesTheStoreAsItWas() {
    QFETCH(bool, storeOpen);
    const auto store = storeOpen ? newStore(QStringLiteral("cancel.merchsim"), kShopifyCsv)
                                 : merch::ui::SnapshotPtr();
    const QString newPath = m_dir.filePath(QStringLiteral("cancelled-new.merchsim"));
    QFile::remove(newPath);
    const std::int64_t eventsBefore = store ? eventCount(store->path) : 0;
    const int importsBefore = store ? importCount(store->path) : 0;

    ImportWizard wizard(store);
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    wizard.setFile(m_bigEvents);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    clickNext(wizard);
    if (!storeOpen)
        wizard.modePage()->newStorePathEdit()->setText(newPath);
    clickImport(wizard);
    QCOMPARE(wizard.currentId(), int(ImportWizard::ProgressPageId));
    QVERIFY(wizard.progressPage()->isRunning());
    if (storeOpen && !qEnvironmentVariableIsEmpty("MERCH_SCREENSHOT_DIR")) {
        QVERIFY(
            QTest::qWaitFor([&] { return wizard.progressPage()->panel()->bar()->value() > 0; }));
        saveShot(&wizard, QStringLiteral("import-3-progress"));
    }
    QCOMPARE(wizard.button(QWizard::CancelButton)->text(), QStringLiteral("Cancel Import"));
    // The wizard's Cancel stops the import and keeps the wizard open to say so.
    QTest::mouseClick(wizard.button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(wizard.isVisible());
    QVERIFY(waitForResult(wizard));
    QVERIFY(wizard.state().outcome->cancelled());
    QCOMPARE(wizard.resultPage()->headline(), QStringLiteral("Import cancelled"));
    QVERIFY(wizard.resultPage()->message().startsWith(QStringLiteral("Nothing was written")));
    QCOMPARE(imported.count(), 0);
    if (storeOpen) {
        QCOMPARE(eventCount(store->path), eventsBefore);
        QCOMPARE(importCount(store->path), importsBefore);
    } else {
        QVERIFY(!QFileInfo::exists(newPath));
    }
}

void TestImportWizard::noStoreOpenCreatesOne() {
    ImportWizard wizard(nullptr);
    QSignalSpy imported(&wizard, &ImportWizard::imported);
    wizard.setFile(m_shopify);
    wizard.show();
    clickNext(wizard);
    QLineEdit* path = wizard.modePage()->newStorePathEdit();
    QVERIFY(path->isVisible());
    QVERIFY(path->text().endsWith(QStringLiteral("products.merchsim")));
    // Never over an existing file.
    path->setText(m_shopify);
    QVERIFY(!wizard.modePage()->pathProblem().isEmpty());
    QVERIFY(!wizard.button(QWizard::CommitButton)->isEnabled());
    const QString target = m_dir.filePath(QStringLiteral("new-store.merchsim"));
    path->setText(target);
    QVERIFY(wizard.modePage()->pathProblem().isEmpty());
    saveShot(&wizard, QStringLiteral("import-2-new-store"));
    clickImport(wizard);
    QVERIFY(waitForResult(wizard));
    QVERIFY(wizard.state().outcome->createdWorkspace);
    QCOMPARE(imported.count(), 1);
    QCOMPARE(imported.constFirst().constFirst().toString(), target);
    QVERIFY(productCount(target) >= 2);
    QVERIFY(wizard.resultPage()->message().contains(QStringLiteral("new store")));
}

void TestImportWizard::droppedCsvOpensTheWizardAndReloads() {
    const auto store = newStore(QStringLiteral("dropped.merchsim"));
    merch::ui::MainWindow window;
    window.setRecordRecentFiles(false);
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(merch::test::runAndWaitForLoad(window, [&] { window.openWorkspace(store->path); }));
    QCOMPARE(window.snapshot()->summary.products, 0);

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_shopify)});
    const QPoint position(700, 450);
    QDragEnterEvent enter(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);

    QPointer<ImportWizard> wizard = window.imports()->wizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    QCOMPARE(QDir::fromNativeSeparators(wizard->filePage()->pathEdit()->text()), m_shopify);
    QVERIFY(wizard->state().format);
    QCOMPARE(wizard->state().format->name, std::string("shopify"));

    // Through to the end: the window reloads the store with the imported products.
    clickNext(*wizard);
    QVERIFY(merch::test::runAndWaitForLoad(window, [&] { clickImport(*wizard); }));
    QVERIFY(window.snapshot()->summary.products >= 2);
    QTRY_COMPARE(wizard->currentId(), int(ImportWizard::ResultPageId));
    wizard->accept();
    QTRY_VERIFY(!wizard); // deleted on close

    // File > Import… (Ctrl+I) opens it too.
    auto* action = window.findChild<QAction*>(QStringLiteral("importAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+I")));
    action->trigger();
    QVERIFY(window.imports()->wizard());
    window.imports()->wizard()->reject();
}

QTEST_MAIN(TestImportWizard)
#include "tst_import_wizard.moc"
