// Workspace: round trip, migration, refusal of foreign or damaged files, rollback, crash safety.
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>

#include "merch/workspace.h"
#include "test_support.h"

using namespace merch;

namespace {

Product sampleProduct(const std::string& id, double price) {
    Product p;
    p.id = id;
    p.title = "Relaxed Organic Cotton Hoodie " + id;
    p.description = "A heavyweight hoodie.";
    p.category = "Apparel";
    p.subcategory = "Hoodies";
    p.brand = "Northwind";
    p.color = "Navy";
    p.material = "Organic Cotton";
    p.tags = "hoodies, relaxed";
    p.price = price;
    p.variants = {{id + "-S", "Navy", "S", price, 4}, {id + "-M", "Navy", "M", price, 0}};
    return p;
}

Event sampleEvent(std::int64_t ts, const std::string& session, const std::string& visitor,
                  const std::string& customer, EventType type, const std::string& product = {}) {
    Event e;
    e.timestamp = ts;
    e.sessionId = session;
    e.visitorId = visitor;
    e.customerId = customer;
    e.type = type;
    e.productId = product;
    if (type == EventType::Purchase) {
        e.price = 65.0;
        e.quantity = 2;
        e.orderId = "o1";
    }
    return e;
}

std::unique_ptr<Workspace> createWith(const std::string& path, int products, int events) {
    auto workspace = Workspace::create(path);
    if (!workspace)
        return nullptr;
    auto writer = (*workspace)->beginWrite();
    for (int i = 0; i < products; ++i)
        (void)(*writer)->addProduct(sampleProduct("p" + std::to_string(i), 10.0 + i));
    for (int i = 0; i < events; ++i)
        (void)(*writer)->addEvent(sampleEvent(1'700'000'000 + i, "s" + std::to_string(i / 10), "v1",
                                              "", EventType::View, "p0"));
    if (!(*writer)->commit().isOk())
        return nullptr;
    return std::move(workspace).value();
}

std::int64_t countRows(const std::string& path, const char* table) {
    auto workspace = Workspace::open(path);
    if (!workspace)
        return -1;
    sqlite3_stmt* statement = nullptr;
    const std::string query = std::string("SELECT count(*) FROM ") + table;
    sqlite3_prepare_v2((*workspace)->handle(), query.c_str(), -1, &statement, nullptr);
    std::int64_t count = -1;
    if (sqlite3_step(statement) == SQLITE_ROW)
        count = sqlite3_column_int64(statement, 0);
    sqlite3_finalize(statement);
    return count;
}

} // namespace

class TestWorkspace : public QObject {
    Q_OBJECT

private slots:
    void roundTripKeepsEveryField();
    void sessionsAndIdentitiesAreDerivedFromEvents();
    void appendingToAnExistingSessionExtendsIt();
    void migratesAnOlderSchemaAndKeepsData_data();
    void migratesAnOlderSchemaAndKeepsData();
    void refusesFilesItCannotOpen_data();
    void refusesFilesItCannotOpen();
    void createRefusesAnExistingFile();
    void duplicateProductRollsBackTheWholeWrite();
    void writerWithoutCommitRollsBack();
    void replaceOptionsClearOnlyTheirTables();
    void killedWriterLeavesPreviousState();
    void saveCopyAsWritesAnOpenableCopy();
    void metaRoundTrip();

private:
    QString path(const char* name) const { return m_dir.filePath(QString::fromUtf8(name)); }
    QTemporaryDir m_dir;
};

void TestWorkspace::roundTripKeepsEveryField() {
    const std::string file = test::stdPath(path("roundtrip.merchsim"));
    Product original = sampleProduct("hoodie-1", 64.95);
    original.imageUrl = "https://cdn.example/hoodie.jpg";
    original.gtin = "0860001000012";
    original.consumable = true;
    {
        auto workspace = Workspace::create(file);
        MERCH_VERIFY_OK(workspace);
        QCOMPARE((*workspace)->schemaVersion(), Workspace::kSchemaVersion);
        auto writer = (*workspace)->beginWrite();
        MERCH_VERIFY_OK(writer);
        MERCH_VERIFY_OK((*writer)->addProduct(original));
        Event purchase =
            sampleEvent(1'700'000'100, "s1", "v1", "c1", EventType::Purchase, "hoodie-1");
        purchase.list = "category:Hoodies";
        purchase.position = 3;
        purchase.query = "navy hoodie";
        MERCH_VERIFY_OK((*writer)->addEvent(purchase));
        MERCH_VERIFY_OK((*writer)->commit());
    }
    auto reopened = Workspace::open(file);
    MERCH_VERIFY_OK(reopened);
    auto products = (*reopened)->loadProducts();
    MERCH_VERIFY_OK(products);
    QCOMPARE(products->size(), std::size_t(1));
    const Product& p = products->front();
    QCOMPARE(p.id, original.id);
    QCOMPARE(p.title, original.title);
    QCOMPARE(p.description, original.description);
    QCOMPARE(p.category, original.category);
    QCOMPARE(p.subcategory, original.subcategory);
    QCOMPARE(p.brand, original.brand);
    QCOMPARE(p.color, original.color);
    QCOMPARE(p.material, original.material);
    QCOMPARE(p.tags, original.tags);
    QCOMPARE(p.imageUrl, original.imageUrl);
    QCOMPARE(p.gtin, original.gtin);
    QCOMPARE(p.price, original.price);
    QCOMPARE(p.consumable, true);
    QCOMPARE(p.variants.size(), std::size_t(2));
    QCOMPARE(p.variants[1].sku, std::string("hoodie-1-M"));
    QCOMPARE(p.variants[1].size, std::string("M"));
    QCOMPARE(p.variants[1].inventory, std::int64_t(0));

    auto events = (*reopened)->loadEvents();
    MERCH_VERIFY_OK(events);
    QCOMPARE(events->size(), std::size_t(1));
    const Event& e = events->front();
    QCOMPARE(e.timestamp, std::int64_t(1'700'000'100));
    QCOMPARE(e.sessionId, std::string("s1"));
    QCOMPARE(e.customerId, std::string("c1"));
    QCOMPARE(e.type, EventType::Purchase);
    QCOMPARE(e.list, std::string("category:Hoodies"));
    QCOMPARE(e.position, 3);
    QCOMPARE(e.query, std::string("navy hoodie"));
    QCOMPARE(e.price, 65.0);
    QCOMPARE(e.quantity, 2);
    QCOMPARE(e.orderId, std::string("o1"));

    auto summary = (*reopened)->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->orders, std::int64_t(1));
    QCOMPARE(summary->revenue, 130.0);
    QCOMPARE(summary->eventsOfType(EventType::Purchase), std::int64_t(1));
}

void TestWorkspace::sessionsAndIdentitiesAreDerivedFromEvents() {
    const std::string file = test::stdPath(path("sessions.merchsim"));
    auto workspace = Workspace::create(file);
    MERCH_VERIFY_OK(workspace);
    auto writer = (*workspace)->beginWrite();
    MERCH_VERIFY_OK(writer);
    // Visitor v1 browses anonymously, then logs in as c7 in the same session; v2 is c7's phone.
    MERCH_VERIFY_OK((*writer)->addEvent(sampleEvent(1000, "s1", "v1", "", EventType::View, "a")));
    MERCH_VERIFY_OK(
        (*writer)->addEvent(sampleEvent(1300, "s1", "v1", "c7", EventType::AddToCart, "a")));
    MERCH_VERIFY_OK(
        (*writer)->addEvent(sampleEvent(90000, "s2", "v2", "c7", EventType::View, "b")));
    MERCH_VERIFY_OK(
        (*writer)->addEvent(sampleEvent(5000, "", "v1", "c7", EventType::EmailSend, "a")));
    MERCH_VERIFY_OK((*writer)->commit());

    auto summary = (*workspace)->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->sessions, std::int64_t(2));
    QCOMPARE(summary->events, std::int64_t(4));
    QCOMPARE(summary->visitors, std::int64_t(2));
    QCOMPARE(summary->customers, std::int64_t(1));
    QCOMPARE(summary->sessionsPerDay.size(), std::size_t(2));
    QCOMPARE(summary->sessionsPerDay[0].sessions, std::int64_t(1));
    QCOMPARE(countRows(file, "identities"), std::int64_t(2));

    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2((*workspace)->handle(),
                       "SELECT started_at, ended_at, event_count, customer_id FROM sessions "
                       "WHERE session_key = 's1'",
                       -1, &statement, nullptr);
    QCOMPARE(sqlite3_step(statement), SQLITE_ROW);
    QCOMPARE(sqlite3_column_int64(statement, 0), 1000);
    QCOMPARE(sqlite3_column_int64(statement, 1), 1300);
    QCOMPARE(sqlite3_column_int64(statement, 2), 2);
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(sqlite3_column_text(statement, 3))),
             QByteArray("c7"));
    sqlite3_finalize(statement);
}

void TestWorkspace::appendingToAnExistingSessionExtendsIt() {
    const std::string file = test::stdPath(path("append.merchsim"));
    auto workspace = Workspace::create(file);
    MERCH_VERIFY_OK(workspace);
    for (std::int64_t ts : {2000, 1000, 3000}) {
        auto writer = (*workspace)->beginWrite();
        MERCH_VERIFY_OK(writer);
        MERCH_VERIFY_OK((*writer)->addEvent(sampleEvent(ts, "s1", "v1", "", EventType::View, "a")));
        MERCH_VERIFY_OK((*writer)->commit());
    }
    auto summary = (*workspace)->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->sessions, std::int64_t(1));
    QCOMPARE(summary->firstEvent, std::int64_t(1000));
    QCOMPARE(summary->lastEvent, std::int64_t(3000));
}

void TestWorkspace::migratesAnOlderSchemaAndKeepsData_data() {
    QTest::addColumn<int>("fromVersion");
    for (int version = 1; version < Workspace::kSchemaVersion; ++version)
        QTest::addRow("from schema %d", version) << version;
}

void TestWorkspace::migratesAnOlderSchemaAndKeepsData() {
    QFETCH(int, fromVersion);
    const std::string file =
        test::stdPath(path(qPrintable(QString("v%1.merchsim").arg(fromVersion))));
    {
        // Rows as a build of that version wrote them: only the columns it had.
        auto old = Workspace::createAtVersion(file, fromVersion);
        MERCH_VERIFY_OK(old);
        QCOMPARE((*old)->schemaVersion(), fromVersion);
        QCOMPARE(sqlite3_exec((*old)->handle(),
                              "INSERT INTO products(product_key, title, price) "
                              "VALUES ('kept', 'Kept Hoodie', 12.0);"
                              "INSERT INTO variants(product_id, sku, price) VALUES (1, 'K-1', 12);"
                              "INSERT INTO sessions(session_key, started_at, ended_at, "
                              "event_count) VALUES ('s1', 100, 100, 1);"
                              "INSERT INTO events(ts, session_id, type, product_key) "
                              "VALUES (100, 1, 1, 'kept');",
                              nullptr, nullptr, nullptr),
                 SQLITE_OK);
    }
    auto migrated = Workspace::open(file);
    MERCH_VERIFY_OK(migrated);
    QCOMPARE((*migrated)->schemaVersion(), Workspace::kSchemaVersion);
    auto products = (*migrated)->loadProducts();
    MERCH_VERIFY_OK(products);
    QCOMPARE(products->size(), std::size_t(1));
    QCOMPARE(products->front().id, std::string("kept"));
    QCOMPARE(products->front().variants.size(), std::size_t(1));
    QVERIFY(products->front().taxonomy.empty());
    auto events = (*migrated)->loadEvents();
    MERCH_VERIFY_OK(events);
    QCOMPARE(events->size(), std::size_t(1));
    QCOMPARE(events->front().sessionId, std::string("s1"));
    // Tables and columns of later versions exist and accept rows.
    QCOMPARE(sqlite3_exec((*migrated)->handle(),
                          "INSERT INTO scenarios(kind, name, params_json, updated_at) "
                          "VALUES ('cost', 'base', '{}', 0)",
                          nullptr, nullptr, nullptr),
             SQLITE_OK);
    auto writer = (*migrated)->beginWrite();
    MERCH_VERIFY_OK(writer);
    MERCH_VERIFY_OK((*writer)->addProduct(sampleProduct("new", 3)));
    MERCH_VERIFY_OK((*writer)->commit());
}

void TestWorkspace::refusesFilesItCannotOpen_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("expectedCode");
    QTest::newRow("text file") << "text" << int(StatusCode::NotAWorkspace);
    QTest::newRow("empty file") << "empty" << int(StatusCode::NotAWorkspace);
    QTest::newRow("binary garbage") << "garbage" << int(StatusCode::NotAWorkspace);
    QTest::newRow("another program's SQLite database")
        << "foreign" << int(StatusCode::NotAWorkspace);
    QTest::newRow("newer schema") << "newer" << int(StatusCode::NewerSchema);
    QTest::newRow("damaged pages") << "corrupt" << int(StatusCode::Corrupted);
    QTest::newRow("missing file") << "missing" << int(StatusCode::NotFound);
}

void TestWorkspace::refusesFilesItCannotOpen() {
    QFETCH(QString, kind);
    QFETCH(int, expectedCode);
    const QString qpath = path(qPrintable("refuse-" + kind + ".merchsim"));
    const std::string file = test::stdPath(qpath);
    if (kind == "text") {
        std::ofstream(file) << "Handle,Title,Body (HTML)\nhoodie,Hoodie,<p>Warm</p>\n";
    } else if (kind == "empty") {
        std::ofstream{file};
    } else if (kind == "garbage") {
        std::ofstream out(file, std::ios::binary);
        for (int i = 0; i < 8192; ++i)
            out.put(char((i * 7919) % 251));
    } else if (kind == "foreign") {
        sqlite3* db = nullptr;
        sqlite3_open(file.c_str(), &db);
        sqlite3_exec(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1);", nullptr, nullptr,
                     nullptr);
        sqlite3_close(db);
    } else if (kind == "newer") {
        auto workspace = createWith(file, 1, 0);
        QVERIFY(workspace);
        sqlite3_exec(workspace->handle(), "PRAGMA user_version = 99", nullptr, nullptr, nullptr);
    } else if (kind == "corrupt") {
        {
            auto workspace = createWith(file, 400, 4000);
            QVERIFY(workspace);
        }
        // Overwrite the middle of the file (b-tree pages) and leave the header intact.
        std::fstream io(file, std::ios::in | std::ios::out | std::ios::binary);
        io.seekp(0, std::ios::end);
        const auto size = std::streamoff(io.tellp());
        QVERIFY(size > 64 * 1024);
        io.seekp(size / 2);
        for (int i = 0; i < 32 * 1024; ++i)
            io.put(char(0xA5 ^ (i * 31)));
    }
    const QByteArray before = test::fileHash(qpath);
    auto workspace = Workspace::open(file);
    QVERIFY(!workspace.isOk());
    QCOMPARE(int(workspace.status().code()), expectedCode);
    QVERIFY2(workspace.status().message().find(file) != std::string::npos,
             "the message names the file");
    QCOMPARE(test::fileHash(qpath), before); // nothing changed
    QVERIFY(!QFile::exists(qpath + "-wal"));
}

void TestWorkspace::createRefusesAnExistingFile() {
    const std::string file = test::stdPath(path("exists.merchsim"));
    std::ofstream(file) << "keep me";
    auto workspace = Workspace::create(file);
    QVERIFY(!workspace.isOk());
    QCOMPARE(workspace.status().code(), StatusCode::InvalidArgument);
    std::ifstream in(file);
    std::string content;
    std::getline(in, content);
    QCOMPARE(content, std::string("keep me"));
}

void TestWorkspace::duplicateProductRollsBackTheWholeWrite() {
    const std::string file = test::stdPath(path("duplicate.merchsim"));
    auto workspace = createWith(file, 3, 20);
    QVERIFY(workspace);
    auto writer = workspace->beginWrite();
    MERCH_VERIFY_OK(writer);
    MERCH_VERIFY_OK((*writer)->addProduct(sampleProduct("new-1", 5)));
    MERCH_VERIFY_OK((*writer)->addEvent(sampleEvent(5, "s-new", "v9", "", EventType::View)));
    const Status duplicate = (*writer)->addProduct(sampleProduct("p1", 5));
    QCOMPARE(duplicate.code(), StatusCode::InvalidArgument);
    QVERIFY(duplicate.message().find("p1") != std::string::npos);
    (*writer)->rollback();
    auto summary = workspace->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->products, std::int64_t(3));
    QCOMPARE(summary->variants, std::int64_t(6));
    QCOMPARE(summary->events, std::int64_t(20));
    QCOMPARE(summary->sessions, std::int64_t(2));
}

void TestWorkspace::writerWithoutCommitRollsBack() {
    const std::string file = test::stdPath(path("nocommit.merchsim"));
    auto workspace = createWith(file, 2, 0);
    QVERIFY(workspace);
    {
        auto writer = workspace->beginWrite({.replaceCatalog = true});
        MERCH_VERIFY_OK(writer);
        MERCH_VERIFY_OK((*writer)->addProduct(sampleProduct("temporary", 1)));
        auto second = workspace->beginWrite();
        QVERIFY2(!second.isOk(), "only one writer at a time");
    }
    auto products = workspace->loadProducts();
    MERCH_VERIFY_OK(products);
    QCOMPARE(products->size(), std::size_t(2));
    QCOMPARE(products->front().id, std::string("p0"));
    MERCH_VERIFY_OK(workspace->beginWrite()); // the writer slot is free again
}

void TestWorkspace::replaceOptionsClearOnlyTheirTables() {
    const std::string file = test::stdPath(path("replace.merchsim"));
    auto workspace = createWith(file, 4, 30);
    QVERIFY(workspace);
    {
        auto writer = workspace->beginWrite({.replaceEvents = true});
        MERCH_VERIFY_OK(writer);
        MERCH_VERIFY_OK((*writer)->addEvent(sampleEvent(1, "only", "v", "", EventType::Search)));
        MERCH_VERIFY_OK((*writer)->commit());
    }
    auto summary = workspace->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->products, std::int64_t(4));
    QCOMPARE(summary->events, std::int64_t(1));
    QCOMPARE(summary->sessions, std::int64_t(1));
}

void TestWorkspace::killedWriterLeavesPreviousState() {
    const std::string file = test::stdPath(path("killed.merchsim"));
    {
        auto workspace = createWith(file, 5, 50);
        QVERIFY(workspace);
    }
    int ready[2];
    QCOMPARE(::pipe(ready), 0);
    const pid_t child = ::fork();
    if (child == 0) {
        // The child writes without end and is killed mid-transaction by the parent.
        ::close(ready[0]);
        auto workspace = Workspace::open(file);
        if (!workspace)
            ::_exit(3);
        auto writer = (*workspace)->beginWrite({.replaceCatalog = true, .replaceEvents = true});
        if (!writer)
            ::_exit(4);
        for (std::int64_t i = 0;; ++i) {
            (void)(*writer)->addEvent(sampleEvent(i, "crash-" + std::to_string(i / 50), "v", "",
                                                  EventType::ListView, "p1"));
            if (i == 20000) {
                const char signal = 'w';
                (void)!::write(ready[1], &signal, 1);
            }
        }
    }
    ::close(ready[1]);
    char signal = 0;
    QCOMPARE(::read(ready[0], &signal, 1), ssize_t(1));
    ::close(ready[0]);
    ::kill(child, SIGKILL);
    int status = 0;
    ::waitpid(child, &status, 0);
    QVERIFY(WIFSIGNALED(status));

    auto workspace = Workspace::open(file); // also runs the integrity check
    MERCH_VERIFY_OK(workspace);
    auto summary = (*workspace)->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->products, std::int64_t(5));
    QCOMPARE(summary->events, std::int64_t(50));
}

void TestWorkspace::saveCopyAsWritesAnOpenableCopy() {
    const std::string file = test::stdPath(path("original.merchsim"));
    const std::string copy = test::stdPath(path("copy.merchsim"));
    auto workspace = createWith(file, 7, 70);
    QVERIFY(workspace);
    MERCH_VERIFY_OK(workspace->saveCopyAs(copy));
    QCOMPARE(workspace->saveCopyAs(file).code(), StatusCode::InvalidArgument);
    auto reopened = Workspace::open(copy);
    MERCH_VERIFY_OK(reopened);
    auto summary = (*reopened)->summary();
    MERCH_VERIFY_OK(summary);
    QCOMPARE(summary->products, std::int64_t(7));
    QCOMPARE(summary->events, std::int64_t(70));
    MERCH_VERIFY_OK(workspace->saveCopyAs(copy)); // replacing an existing copy works too
}

void TestWorkspace::metaRoundTrip() {
    const std::string file = test::stdPath(path("meta.merchsim"));
    auto workspace = Workspace::create(file);
    MERCH_VERIFY_OK(workspace);
    QCOMPARE((*workspace)->meta("demo.seed").status().code(), StatusCode::NotFound);
    MERCH_VERIFY_OK((*workspace)->setMeta("demo.seed", "42"));
    MERCH_VERIFY_OK((*workspace)->setMeta("demo.seed", "43"));
    auto value = (*workspace)->meta("demo.seed");
    MERCH_VERIFY_OK(value);
    QCOMPARE(*value, std::string("43"));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
