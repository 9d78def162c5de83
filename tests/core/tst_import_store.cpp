// Saving imports: one transaction with the import log and rejected rows; append and replace;
// the same events file twice; cancel leaves the workspace as it was.
#include <QTemporaryDir>
#include <QTest>

#include <sstream>

#include "merch/catalog_importers.h"
#include "merch/event_importers.h"
#include "merch/import_store.h"
#include "test_support.h"

using namespace merch;

namespace {

CatalogImport catalogFrom(const std::string& csv, const std::string& name = "products.csv") {
    std::istringstream in(csv);
    ImportOptions options;
    options.fileName = name;
    auto import = importShopifyCatalog(in, options, {});
    return import ? std::move(import).value() : CatalogImport{};
}

EventImport eventsFrom(const std::string& csv, const std::string& name = "events.csv") {
    std::istringstream in(csv);
    ImportOptions options;
    options.fileName = name;
    auto import = importGenericEvents(in, options, {});
    return import ? std::move(import).value() : EventImport{};
}

const std::string kCatalog = "Handle,Title,Variant Price\ntee,Tee,5\nmug,Mug,abc\ncap,Cap,9\n";
const std::string kEvents =
    "timestamp,session_id,event,product_id\n100,s1,view,tee\n200,s1,view,ghost\n"
    "300,s1,teleport,tee\n";

} // namespace

class TestImportStore : public QObject {
    Q_OBJECT

private slots:
    void init();
    void catalogImportIsLoggedWithItsRejectedRows();
    void appendingTheSameCatalogDoesNotDuplicate();
    void replaceMakesTheFileTheCatalog();
    void theSameEventsFileIsNotAppendedTwice();
    void unknownProductsAreKeptAndCounted();
    void cancelledSaveLeavesTheWorkspaceAsItWas();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_workspace;
    int m_counter = 0;
};

void TestImportStore::init() {
    auto workspace =
        Workspace::create(test::stdPath(m_dir.filePath(QString("w%1.merchsim").arg(++m_counter))));
    QVERIFY(workspace.isOk());
    m_workspace = std::move(workspace).value();
}

void TestImportStore::catalogImportIsLoggedWithItsRejectedRows() {
    auto saved = saveCatalogImport(*m_workspace, catalogFrom(kCatalog), ImportMode::Append, {});
    MERCH_VERIFY_OK(saved);
    QCOMPARE(saved->imported, std::int64_t(2));
    QCOMPARE(saved->rejected, std::int64_t(1));
    auto log = m_workspace->imports();
    MERCH_VERIFY_OK(log);
    QCOMPARE(log->size(), std::size_t(1));
    QCOMPARE(log->front().entry.file, std::string("products.csv"));
    QCOMPARE(log->front().entry.kind, std::string("catalog"));
    QCOMPARE(log->front().entry.encoding, std::string("UTF-8"));
    auto rows = m_workspace->rejectedRows(saved->importId);
    MERCH_VERIFY_OK(rows);
    QCOMPARE(rows->size(), std::size_t(1));
    QCOMPARE(rows->front().line, std::int64_t(3));
    QCOMPARE(rows->front().column, 9);
    QCOMPARE(rows->front().raw, std::string("mug,Mug,abc"));
    QCOMPARE(rows->front().file, std::string("products.csv"));
    QVERIFY(rows->front().reason.find("'abc' is not a number") != std::string::npos);
}

void TestImportStore::appendingTheSameCatalogDoesNotDuplicate() {
    MERCH_VERIFY_OK(saveCatalogImport(*m_workspace, catalogFrom(kCatalog), ImportMode::Append, {}));
    MERCH_VERIFY_OK(saveCatalogImport(
        *m_workspace, catalogFrom("Handle,Title,Variant Price\ntee,Tee v2,6\nhat,Hat,3\n"),
        ImportMode::Append, {}));
    auto products = m_workspace->loadProducts();
    MERCH_VERIFY_OK(products);
    QCOMPARE(products->size(), std::size_t(3)); // tee updated, cap kept, hat added
    QCOMPARE(products->front().title, std::string("Tee v2"));
    QCOMPARE(products->front().variants.size(), std::size_t(1));
}

void TestImportStore::replaceMakesTheFileTheCatalog() {
    MERCH_VERIFY_OK(saveCatalogImport(*m_workspace, catalogFrom(kCatalog), ImportMode::Append, {}));
    MERCH_VERIFY_OK(saveCatalogImport(*m_workspace,
                                      catalogFrom("Handle,Title,Variant Price\nhat,Hat,3\n"),
                                      ImportMode::Replace, {}));
    auto products = m_workspace->loadProducts();
    MERCH_VERIFY_OK(products);
    QCOMPARE(products->size(), std::size_t(1));
    QCOMPARE(products->front().id, std::string("hat"));
}

void TestImportStore::theSameEventsFileIsNotAppendedTwice() {
    MERCH_VERIFY_OK(saveEventImport(*m_workspace, eventsFrom(kEvents), ImportMode::Append, {}));
    auto again =
        saveEventImport(*m_workspace, eventsFrom(kEvents, "copy.csv"), ImportMode::Append, {});
    QVERIFY(!again.isOk());
    QVERIFY2(again.status().message().find("already imported") != std::string::npos,
             again.status().message().c_str());
    auto replaced = saveEventImport(*m_workspace, eventsFrom(kEvents), ImportMode::Replace, {});
    MERCH_VERIFY_OK(replaced);
    auto summary = m_workspace->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->events, std::int64_t(2));
}

void TestImportStore::unknownProductsAreKeptAndCounted() {
    MERCH_VERIFY_OK(saveCatalogImport(*m_workspace, catalogFrom(kCatalog), ImportMode::Append, {}));
    auto saved = saveEventImport(*m_workspace, eventsFrom(kEvents), ImportMode::Append, {});
    MERCH_VERIFY_OK(saved);
    QCOMPARE(saved->imported, std::int64_t(2));
    QCOMPARE(saved->rejected, std::int64_t(1));
    QCOMPARE(saved->eventsForUnknownProducts, std::int64_t(1));
    auto events = m_workspace->loadEvents();
    MERCH_VERIFY_OK(events);
    QCOMPARE(events->back().productId, std::string("ghost"));
}

void TestImportStore::cancelledSaveLeavesTheWorkspaceAsItWas() {
    MERCH_VERIFY_OK(saveEventImport(*m_workspace, eventsFrom(kEvents), ImportMode::Append, {}));
    std::string big = "timestamp,session_id,event,product_id\n";
    for (int i = 0; i < 50000; ++i)
        big += std::to_string(1000 + i) + ",b" + std::to_string(i / 10) + ",view,tee\n";
    RunControl control;
    control.progress = [](double fraction, std::string_view) { return fraction < 0.5; };
    auto saved = saveEventImport(*m_workspace, eventsFrom(big), ImportMode::Replace, control);
    QCOMPARE(saved.status().code(), StatusCode::Cancelled);
    auto summary = m_workspace->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->events, std::int64_t(2));
    QCOMPARE(summary->sessions, std::int64_t(1));
    auto log = m_workspace->imports();
    MERCH_VERIFY_OK(log);
    QCOMPARE(log->size(), std::size_t(1));
}

QTEST_GUILESS_MAIN(TestImportStore)
#include "tst_import_store.moc"
