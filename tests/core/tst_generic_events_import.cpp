// Generic events CSV: parsing, sessionization, malformed rows, and the export round trip.
#include <QTest>

#include <sstream>

#include "merch/event_importers.h"
#include "merch/shopper_world.h"
#include "test_support.h"

using namespace merch;

namespace {

const std::string kHeader = "timestamp,session_id,visitor_id,customer_id,event,product_id,list,"
                            "position,query,price,quantity,order_id\n";

Result<EventImport> importText(const std::string& text) {
    std::istringstream in(text);
    ImportOptions options;
    options.fileName = "events.csv";
    return importGenericEvents(in, options, {});
}

} // namespace

class TestGenericEventsImport : public QObject {
    Q_OBJECT

private slots:
    void readsEveryField();
    void timestamps_data();
    void timestamps();
    void onlyRequiredColumns();
    void sessionizesAfterThirtyMinutes();
    void badRowsAreRejectedWithLineAndColumn_data();
    void badRowsAreRejectedWithLineAndColumn();
    void missingRequiredColumnsIsAnError_data();
    void missingRequiredColumnsIsAnError();
    void exportRoundTripsTheDemoStore();
};

void TestGenericEventsImport::readsEveryField() {
    auto import =
        importText(kHeader + "2026-01-05T10:00:00Z,s1,v1,c1,purchase,tee,\"category:Tees, Men\",3,"
                             "\"navy \"\"tee\"\"\",25.5,2,o-9\r\n");
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->events.size(), std::size_t(1));
    const Event& e = import->events.front();
    QCOMPARE(e.timestamp, std::int64_t(1767607200));
    QCOMPARE(e.sessionId, std::string("s1"));
    QCOMPARE(e.visitorId, std::string("v1"));
    QCOMPARE(e.customerId, std::string("c1"));
    QCOMPARE(e.type, EventType::Purchase);
    QCOMPARE(e.productId, std::string("tee"));
    QCOMPARE(e.list, std::string("category:Tees, Men"));
    QCOMPARE(e.position, 3);
    QCOMPARE(e.query, std::string("navy \"tee\""));
    QCOMPARE(e.price, 25.5);
    QCOMPARE(e.quantity, 2);
    QCOMPARE(e.orderId, std::string("o-9"));
}

void TestGenericEventsImport::timestamps_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("expected");
    QTest::newRow("unix seconds") << "1767607200" << qint64(1767607200);
    QTest::newRow("unix milliseconds") << "1767607200123" << qint64(1767607200);
    QTest::newRow("ISO Z") << "2026-01-05T10:00:00Z" << qint64(1767607200);
    QTest::newRow("ISO with fraction") << "2026-01-05T10:00:00.750Z" << qint64(1767607200);
    QTest::newRow("ISO with offset") << "2026-01-05T12:00:00+02:00" << qint64(1767607200);
    QTest::newRow("ISO compact offset") << "2026-01-05T05:00:00-0500" << qint64(1767607200);
    QTest::newRow("space, no zone is UTC") << "2026-01-05 10:00:00" << qint64(1767607200);
    QTest::newRow("minutes only") << "2026-01-05T10:00" << qint64(1767607200);
    QTest::newRow("date only") << "2026-01-05" << qint64(1767571200);
    QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800);
}

void TestGenericEventsImport::timestamps() {
    QFETCH(QString, text);
    QFETCH(qint64, expected);
    auto import = importText(kHeader + text.toStdString() + ",s1,,,view,p,,,,,,\n");
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    QCOMPARE(qint64(import->events.front().timestamp), expected);
}

void TestGenericEventsImport::onlyRequiredColumns() {
    auto import = importText("event,visitor_id,timestamp\nview,v1,100\nadd_to_cart,v1,200\n");
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->events.size(), std::size_t(2));
    QCOMPARE(import->events[1].type, EventType::AddToCart);
    QCOMPARE(import->events[1].quantity, 1); // a cart row without quantity is one unit
    QCOMPARE(import->events[0].sessionId, import->events[1].sessionId);
}

void TestGenericEventsImport::sessionizesAfterThirtyMinutes() {
    auto import = importText(kHeader + "1000,,v1,,view,a,,,,,,\n"
                                       "2000,,v1,,view,b,,,,,,\n" // 16 min later: same session
                                       "3801,,v1,,view,c,,,,,,\n" // 30 min + 1 s: a new session
                                       "1500,,v2,,view,a,,,,,,\n" // another visitor
                                       "1600,given,v1,,view,d,,,,,,\n" // keeps its own session id
                                       "2100,,v1,c1,email_send,a,,,,,,\n"); // emails stay outside
    MERCH_VERIFY_OK(import);
    const auto& e = import->events;
    QCOMPARE(import->sessionized, std::int64_t(4));
    QCOMPARE(e[0].sessionId, e[1].sessionId);
    QVERIFY(e[2].sessionId != e[1].sessionId);
    QVERIFY(e[3].sessionId != e[0].sessionId);
    QCOMPARE(e[4].sessionId, std::string("given"));
    QVERIFY(e[5].sessionId.empty());
    QCOMPARE(import->report.warnings.size(), std::size_t(1));
}

void TestGenericEventsImport::badRowsAreRejectedWithLineAndColumn_data() {
    QTest::addColumn<QString>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");
    QTest::newRow("bad timestamp") << "yesterday,s1,,,view,p,,,,,," << 1
                                   << "timestamp 'yesterday' is neither ISO 8601 nor unix seconds";
    QTest::newRow("impossible date") << "2026-13-45,s1,,,view,p,,,,,," << 1 << "timestamp";
    // Regression (found by fuzz_yoochoose_events): a huge number overflowed the conversion.
    QTest::newRow("huge number") << "1e300,s1,,,view,p,,,,,," << 1 << "timestamp '1e300'";
    QTest::newRow("unknown event")
        << "100,s1,,,like,p,,,,,," << 10 << "unknown event 'like' (expected one of list_view";
    QTest::newRow("no session or visitor")
        << "100,,,,view,p,,,,,," << 5 << "neither a session_id nor a visitor_id";
    QTest::newRow("non-numeric price")
        << "100,s1,,,purchase,p,,,,12 dollars,1,o" << 24 << "price '12 dollars' is not a number";
    QTest::newRow("negative price")
        << "100,s1,,,purchase,p,,,,-3,1,o" << 24 << "price '-3' is negative";
    QTest::newRow("fractional quantity")
        << "100,s1,,,purchase,p,,,,3,1.5,o" << 26 << "quantity '1.5'";
    QTest::newRow("bad position") << "100,s1,,,list_view,p,cat,first,,,," << 26
                                  << "position 'first'";
    QTest::newRow("ragged") << "100,s1,,,view" << 0 << "row has 5 fields, the header has 12";
}

void TestGenericEventsImport::badRowsAreRejectedWithLineAndColumn() {
    QFETCH(QString, row);
    QFETCH(int, column);
    QFETCH(QString, reason);
    auto import = importText(kHeader + "100,s1,,,view,p,,,,,,\n" + row.toStdString() +
                             "\n200,s1,,,view,q,,,,,,\n");
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->events.size(), std::size_t(2));
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    const RejectedRow& r = import->report.rejected.front();
    QCOMPARE(r.line, std::int64_t(3));
    QCOMPARE(r.column, column);
    QVERIFY2(QString::fromStdString(r.reason).contains(reason), r.reason.c_str());
    QCOMPARE(QString::fromStdString(r.raw), row);
}

void TestGenericEventsImport::missingRequiredColumnsIsAnError_data() {
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("missing");
    QTest::newRow("no timestamp") << "session_id,event"
                                  << "timestamp";
    QTest::newRow("no event") << "timestamp,visitor_id"
                              << "event";
    QTest::newRow("no session or visitor") << "timestamp,event,product_id"
                                           << "session_id or visitor_id";
}

void TestGenericEventsImport::missingRequiredColumnsIsAnError() {
    QFETCH(QString, header);
    QFETCH(QString, missing);
    auto import = importText(header.toStdString() + "\n1,2,3\n");
    QVERIFY(!import.isOk());
    QVERIFY2(QString::fromStdString(import.status().message())
                 .contains("line 1: missing required column(s) " + missing),
             import.status().message().c_str());
}

void TestGenericEventsImport::exportRoundTripsTheDemoStore() {
    WorldParams params;
    params.products = 100;
    params.days = 3;
    params.sessionsPerDay = 60;
    auto world = ShopperWorld::create(params, 4);
    MERCH_VERIFY_OK(world);
    std::vector<Event> events;
    auto baseline = (*world)->baselinePolicy();
    MERCH_VERIFY_OK((*world)->run(*baseline,
                                  [&](const Event& e) {
                                      events.push_back(e);
                                      return Status::ok();
                                  },
                                  {}));
    QVERIFY(events.size() > 500);
    std::ostringstream out;
    writeGenericEventsCsv(out, events);
    auto import = importText(out.str());
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    QCOMPARE(import->events.size(), events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& a = events[i];
        const Event& b = import->events[i];
        QCOMPARE(b.timestamp, a.timestamp);
        QCOMPARE(b.sessionId, a.sessionId);
        QCOMPARE(b.visitorId, a.visitorId);
        QCOMPARE(b.customerId, a.customerId);
        QCOMPARE(b.type, a.type);
        QCOMPARE(b.productId, a.productId);
        QCOMPARE(b.list, a.list);
        QCOMPARE(b.position, a.position);
        QCOMPARE(b.query, a.query);
        QCOMPARE(b.price, a.price);
        QCOMPARE(b.quantity, a.quantity);
        QCOMPARE(b.orderId, a.orderId);
    }
}

QTEST_GUILESS_MAIN(TestGenericEventsImport)
#include "tst_generic_events_import.moc"
