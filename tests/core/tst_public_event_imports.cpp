// Importers of public event datasets and analytics exports: GA4, OTTO, DIGINETICA,
// RetailRocket, YooChoose, UCI Online Retail and the Best Buy search log. Field mapping on
// small fixtures written here, malformed input for every format, and the real files.
#include <QFile>
#include <QTest>

#include <fstream>
#include <set>
#include <sstream>

#include "merch/event_importers.h"
#include "test_support.h"

using namespace merch;

namespace {

using Importer = Result<EventImport> (*)(std::istream&, const ImportOptions&, const RunControl&);

const std::map<QString, Importer>& importers() {
    static const std::map<QString, Importer> map = {{"ga4", importGa4Events},
                                                    {"otto", importOttoEvents},
                                                    {"diginetica", importDigineticaEvents},
                                                    {"retailrocket", importRetailRocketEvents},
                                                    {"yoochoose", importYoochooseEvents},
                                                    {"online-retail", importOnlineRetailInvoices},
                                                    {"bestbuy", importBestBuySearchLog}};
    return map;
}

Result<EventImport> importText(const QString& format, const std::string& text,
                               const RunControl& control = {}) {
    std::istringstream in(text);
    ImportOptions options;
    options.fileName = "events.txt";
    return importers().at(format)(in, options, control);
}

std::string str(const QByteArray& bytes) {
    return bytes.toStdString();
}

std::size_t sessionCount(const std::vector<Event>& events) {
    std::set<std::string> ids;
    for (const auto& e : events)
        ids.insert(e.sessionId);
    return ids.size();
}

bool hasWarning(const ImportReport& report, const QString& text) {
    for (const auto& warning : report.warnings) {
        if (QString::fromStdString(warning).contains(text))
            return true;
    }
    return false;
}

// A small valid file per format (two events or more), for tests that only need one.
const std::map<QString, QByteArray>& validSamples() {
    static const std::map<QString, QByteArray> map = {
        {"ga4", "event_timestamp,event_name,user_pseudo_id,item_id\n"
                "1767607200000000,view_item,u1,tee\n1767607300000000,view_item,u1,cap\n"},
        {"otto", "{\"session\":1,\"events\":[{\"aid\":2,\"ts\":1659304800025,\"type\":\"clicks\"},"
                 "{\"aid\":3,\"ts\":1659304900025,\"type\":\"carts\"}]}\n"},
        {"diginetica", "session_id;user_id;item_id;timeframe;eventdate\n"
                       "1;NA;81766;526309;2016-05-09\n1;NA;31331;1031018;2016-05-09\n"},
        {"retailrocket", "timestamp,visitorid,event,itemid,transactionid\n"
                         "1433221332117,257597,view,355908,\n1433221999827,257597,view,2486,\n"},
        {"yoochoose", "1,2014-04-07T10:51:09.277Z,214536502,0\n"
                      "1,2014-04-07T10:54:09.868Z,214536500,S\n"},
        {"online-retail", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
                          "CustomerID,Country\n"
                          "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,UK\n"},
        {"bestbuy", "u1,2078113,abcat0701002,xbox,2011-10-19 22:02:39.259,"
                    "2011-10-19 22:01:57.656\n"}};
    return map;
}

} // namespace

class TestPublicEventImports : public QObject {
    Q_OBJECT

private slots:
    void ga4MapsEcommerceEvents();
    void ottoMapsClicksCartsOrders();
    void ottoNumberOverflowIsARejectedLine();
    void digineticaMapsViewsAndPurchases();
    void retailRocketMapsAndSessionizes();
    void yoochooseLayouts_data();
    void yoochooseLayouts();
    void onlineRetailMapsInvoiceLines();
    void bestBuyGivesSearchThenView_data();
    void bestBuyGivesSearchThenView();
    void badRowsAreRejected_data();
    void badRowsAreRejected();
    void encodingsAndLineEnds_data();
    void encodingsAndLineEnds();
    void embeddedQuotesAndNewlines();
    void fileLevelErrors_data();
    void fileLevelErrors();
    void cancelStopsEveryImporter();
    void realFiles_data();
    void realFiles();
};

void TestPublicEventImports::ga4MapsEcommerceEvents() {
    auto import = importText(
        "ga4", "event_date,event_timestamp,event_name,user_pseudo_id,user_id,ga_session_id,item_id,"
               "item_list_name,item_list_index,price,quantity,transaction_id,search_term\n"
               "20260105,1767607200000000,view_item_list,u1,,77,tee,Tees,0,25,,,\n"
               "20260105,1767607201000000,select_item,u1,,77,tee,Tees,0,25,,,\n"
               "20260105,1767607203000000,view_item,u1,,77,tee,(not set),,25,,,\n"
               "20260105,1767607210000000,add_to_cart,u1,c9,77,tee,,,25.5,,,\n"
               "20260105,1767607220000000,page_view,u1,,77,,,,,,,\n"
               "20260105,1767607230000000,begin_checkout,u1,c9,77,tee,,,25.5,2,(not set),\n"
               "20260105,1767607240000000,purchase,u1,c9,77,tee,,,25.5,2,T-1,\n"
               "20260105,1767607250000000,view_search_results,u1,,77,,,,,,,navy tee\n"
               "20260105,1767607260000000,remove_from_cart,u2,,,cap,,,9,1,,\n"
               "20260105,1767607270000000,session_start,u2,,,,,,,,,\n");
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    const auto& e = import->events;
    QCOMPARE(e.size(), std::size_t(7)); // 10 rows - 2 skipped - 1 view_item merged
    QCOMPARE(e[0].type, EventType::ListView);
    QCOMPARE(e[0].timestamp, std::int64_t(1767607200));
    QCOMPARE(e[0].sessionId, std::string("u1:77"));
    QCOMPARE(e[0].visitorId, std::string("u1"));
    QCOMPARE(e[0].position, 1); // GA4's index 0 is our position 1
    QCOMPARE(e[1].type, EventType::View);
    QCOMPARE(e[1].list, std::string("Tees"));
    QCOMPARE(e[1].position, 1);
    QCOMPARE(e[2].type, EventType::AddToCart);
    QCOMPARE(e[2].customerId, std::string("c9"));
    QCOMPARE(e[2].price, 25.5);
    QCOMPARE(e[2].quantity, 1); // no quantity: one unit
    QCOMPARE(e[3].type, EventType::Checkout);
    QCOMPARE(e[3].orderId, std::string()); // "(not set)"
    QCOMPARE(e[4].type, EventType::Purchase);
    QCOMPARE(e[4].quantity, 2);
    QCOMPARE(e[4].orderId, std::string("T-1"));
    QCOMPARE(e[5].type, EventType::Search);
    QCOMPARE(e[5].query, std::string("navy tee"));
    QCOMPARE(e[6].type, EventType::RemoveFromCart);
    QCOMPARE(e[6].sessionId, std::string("u2#1")); // no ga_session_id: sessionized
    QCOMPARE(import->sessionized, std::int64_t(1));
    QVERIFY(hasWarning(import->report, "2 GA4 events that are not product interactions were "
                                       "skipped: page_view (1), session_start (1)"));
    QVERIFY(hasWarning(import->report, "1 view_item events came within a minute"));
}

void TestPublicEventImports::ottoMapsClicksCartsOrders() {
    auto import =
        importText("otto", "{\"session\": 5, \"events\": ["
                           "{\"aid\": 11, \"ts\": 1659304800025, \"type\": \"clicks\"},"
                           "{\"aid\": 12, \"ts\": 1659304900000, \"type\": \"carts\"},"
                           "{\"aid\": 12, \"ts\": 1659305000999, \"type\": \"orders\"}]}\n"
                           "\n{\"session\":6,\"events\":[{\"aid\":13,\"ts\":1659304800000,"
                           "\"type\":\"clicks\"}]}");
    MERCH_VERIFY_OK(import);
    const auto& e = import->events;
    QCOMPARE(e.size(), std::size_t(4));
    QCOMPARE(import->report.rowsRead, std::int64_t(2));
    QCOMPARE(e[0].type, EventType::View);
    QCOMPARE(e[0].timestamp, std::int64_t(1659304800));
    QCOMPARE(e[0].sessionId, std::string("5"));
    QCOMPARE(e[0].productId, std::string("11"));
    QVERIFY(e[0].visitorId.empty());
    QCOMPARE(e[1].type, EventType::AddToCart);
    QCOMPARE(e[1].quantity, 1);
    QCOMPARE(e[2].type, EventType::Purchase);
    QCOMPARE(e[2].orderId, std::string("5@1659305000999"));
    QCOMPARE(e[3].sessionId, std::string("6"));
    QCOMPARE(import->sessionized, std::int64_t(0));
}

void TestPublicEventImports::digineticaMapsViewsAndPurchases() {
    auto views = importText("diginetica", "session_id;user_id;item_id;timeframe;eventdate\n"
                                          "1;NA;81766;526309;2016-05-09\n"
                                          "2;42;9654;0;2016-05-10\n");
    MERCH_VERIFY_OK(views);
    QCOMPARE(views->events.size(), std::size_t(2));
    const Event& a = views->events[0];
    QCOMPARE(a.type, EventType::View);
    QCOMPARE(a.timestamp, std::int64_t(1462752000 + 526)); // the day plus 526.309 s
    QCOMPARE(a.sessionId, std::string("1"));
    QCOMPARE(a.productId, std::string("81766"));
    QVERIFY(a.customerId.empty()); // "NA"
    QCOMPARE(views->events[1].customerId, std::string("42"));
    QCOMPARE(views->events[1].timestamp, std::int64_t(1462838400));

    auto purchases = importText("diginetica", "sessionId;userId;timeframe;eventdate;ordernumber;"
                                              "itemId\n150;NA;1000;2016-05-09;17;2222\n");
    MERCH_VERIFY_OK(purchases);
    QCOMPARE(purchases->events.size(), std::size_t(1));
    QCOMPARE(purchases->events[0].type, EventType::Purchase);
    QCOMPARE(purchases->events[0].orderId, std::string("17"));
    QCOMPARE(purchases->events[0].productId, std::string("2222"));
    QCOMPARE(purchases->events[0].quantity, 1);
}

void TestPublicEventImports::retailRocketMapsAndSessionizes() {
    auto import = importText("retailrocket", "timestamp,visitorid,event,itemid,transactionid\n"
                                             "1433221332117,257597,view,355908,\n"
                                             "1433224214164,992329,addtocart,248676,\n"
                                             "1433224614164,992329,transaction,248676,4000\n"
                                             "1433221999827,257597,view,248676,\n"
                                             "1433231999827,257597,view,248676,\n");
    MERCH_VERIFY_OK(import);
    const auto& e = import->events;
    QCOMPARE(e.size(), std::size_t(5));
    QCOMPARE(e[0].timestamp, std::int64_t(1433221332));
    QCOMPARE(e[0].visitorId, std::string("257597"));
    QCOMPARE(e[1].type, EventType::AddToCart);
    QCOMPARE(e[2].type, EventType::Purchase);
    QCOMPARE(e[2].orderId, std::string("4000"));
    QCOMPARE(e[2].quantity, 1);
    QCOMPARE(import->sessionized, std::int64_t(5));
    QCOMPARE(e[0].sessionId, e[3].sessionId);  // 11 minutes apart
    QVERIFY(e[4].sessionId != e[3].sessionId); // 2.8 hours later
    QCOMPARE(e[1].sessionId, e[2].sessionId);
    QCOMPARE(sessionCount(e), std::size_t(3));
}

void TestPublicEventImports::yoochooseLayouts_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<qint64>("timestamp");
    QTest::addColumn<double>("price");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<QString>("product");
    QTest::newRow("clicks, no header")
        << QByteArray("1,2014-04-07T10:51:09.277Z,214536502,0\n"
                      "1,2014-04-07T10:54:09.868Z,214536500,S\n"
                      "2,2014-04-07T13:56:37.614Z,214662742,2053\n")
        << int(EventType::View) << qint64(1396867869) << 0.0 << 2 << "214536502";
    QTest::newRow("buys, no header")
        << QByteArray("420374,2014-04-06T18:44:58.314Z,214537888,12462,1\n"
                      "420374,2014-04-06T18:44:58.325Z,214537850,0,0\n")
        << int(EventType::Purchase) << qint64(1396809898) << 12462.0 << 1 << "214537888";
    QTest::newRow("session-rec TSV")
        << QByteArray("SessionId\tItemId\tTime\n1\t214536502\t1396867869.277\n"
                      "1\t214536500\t1396868049.868\n3\t214536500\t1396869049\n")
        << int(EventType::View) << qint64(1396867869) << 0.0 << 2 << "214536502";
}

void TestPublicEventImports::yoochooseLayouts() {
    QFETCH(QByteArray, text);
    QFETCH(int, type);
    QFETCH(qint64, timestamp);
    QFETCH(double, price);
    QFETCH(int, sessions);
    QFETCH(QString, product);
    auto import = importText("yoochoose", str(text));
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    const Event& e = import->events.front();
    QCOMPARE(int(e.type), type);
    QCOMPARE(qint64(e.timestamp), timestamp);
    QCOMPARE(QString::fromStdString(e.productId), product);
    QCOMPARE(e.price, price);
    QCOMPARE(int(sessionCount(import->events)), sessions);
    if (e.type == EventType::Purchase) {
        QCOMPARE(e.orderId, e.sessionId);
        QCOMPARE(import->events[1].quantity, 1); // 0 means unknown
    }
}

void TestPublicEventImports::onlineRetailMapsInvoiceLines() {
    auto import = importText(
        "online-retail",
        "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\r\n"
        "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850,UK\r\n"
        "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850.0,UK\r\n"
        "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,0,,UK\r\n"
        "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,UK\r\n"
        "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/1/2010 8:34,0,,UK\r\n");
    MERCH_VERIFY_OK(import);
    const auto& e = import->events;
    QCOMPARE(e.size(), std::size_t(4));
    QCOMPARE(e[0].type, EventType::Purchase);
    QCOMPARE(e[0].timestamp, std::int64_t(1291191960)); // 2010-12-01 08:26 UTC
    QCOMPARE(e[0].orderId, std::string("536365"));
    QCOMPARE(e[0].productId, std::string("85123A"));
    QCOMPARE(e[0].customerId, std::string("17850"));
    QCOMPARE(e[0].sessionId, std::string("17850/536365"));
    QCOMPARE(e[0].quantity, 6);
    QCOMPARE(e[0].price, 2.55);
    QCOMPARE(e[1].customerId, std::string("17850")); // "17850.0" from a spreadsheet
    QCOMPARE(e[2].sessionId, std::string("536367")); // no customer
    QCOMPARE(e[2].price, 0.0);
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    QCOMPARE(import->report.rejected[0].line, std::int64_t(5));
    QVERIFY(hasWarning(import->report, "1 cancellation rows"));
    QVERIFY(hasWarning(import->report, "1 rows repeat an earlier row exactly"));
}

void TestPublicEventImports::bestBuyGivesSearchThenView_data() {
    QTest::addColumn<QString>("header");
    QTest::newRow("with header") << "user,sku,category,query,click_time,query_time\n";
    QTest::newRow("without header (as mytrain.csv)") << "";
}

void TestPublicEventImports::bestBuyGivesSearchThenView() {
    QFETCH(QString, header);
    auto import = importText("bestbuy", header.toStdString() +
                                            "u1,2078113,abcat0701002,xbox,2011-10-19 22:02:39.259,"
                                            "2011-10-19 22:01:57.656\n"
                                            "u1,9540428,abcat0701002,Midnight club la,2011-10-19 "
                                            "22:40:00.000,2011-10-19 22:39:00.5\n");
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rowsRead, std::int64_t(2));
    const auto& e = import->events;
    QCOMPARE(e.size(), std::size_t(4));
    QCOMPARE(e[0].type, EventType::Search);
    QCOMPARE(e[0].timestamp, std::int64_t(1319061717));
    QCOMPARE(e[0].query, std::string("xbox"));
    QCOMPARE(e[0].visitorId, std::string("u1"));
    QCOMPARE(e[1].type, EventType::View);
    QCOMPARE(e[1].timestamp, std::int64_t(1319061759));
    QCOMPARE(e[1].productId, std::string("2078113"));
    QCOMPARE(e[1].list, std::string("search"));
    QCOMPARE(e[1].query, std::string("xbox"));
    QCOMPARE(e[0].sessionId, e[1].sessionId);
    QVERIFY(e[2].sessionId != e[1].sessionId); // 36 minutes without events
    QCOMPARE(import->sessionized, std::int64_t(4));
}

void TestPublicEventImports::badRowsAreRejected_data() {
    // Each file is header + first + bad + last; the bad row is rejected, the others import.
    // `at` is where the rejected column points: the text there (empty: the whole row, column
    // 0; "<end>": the empty last field).
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("bad");
    QTest::addColumn<QString>("last");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("imported");
    const QString ga4H = "event_timestamp,event_name,user_pseudo_id,ga_session_id,item_id,price,"
                         "quantity,transaction_id";
    const QString ga4 = "1767607200000000,add_to_cart,u1,7,tee,25,1,";
    const QString buy = "1767607200000000,purchase,u1,7,tee,25,1,T-1";
    const auto row = [](const char* name, QString f, QString h, QString first, QString bad,
                        QString last, QString at, QString reason, int imported) {
        QTest::newRow(name) << f << h << first << bad << last << at << reason << imported;
    };
    row("ga4 non-numeric price", "ga4", ga4H, ga4,
        "1767607200000000,add_to_cart,u1,7,tee,12 usd,1,", ga4, "12 usd",
        "price '12 usd' is not a number", 2);
    row("ga4 negative price", "ga4", ga4H, ga4, "1767607200000000,add_to_cart,u1,7,tee,-3,1,", ga4,
        "-3,", "price '-3' is negative", 2);
    row("ga4 negative timestamp", "ga4", ga4H, ga4, "-5,add_to_cart,u1,7,tee,25,1,", ga4, "-5",
        "before 1970", 2);
    row("ga4 text timestamp", "ga4", ga4H, ga4, "soon,add_to_cart,u1,7,tee,25,1,", ga4, "soon",
        "neither microseconds since 1970 nor ISO 8601", 2);
    row("ga4 no item", "ga4", ga4H, ga4, "1767607200000000,add_to_cart,u1,7,,25,1,", ga4, ",25,",
        "item_id is empty", 2);
    row("ga4 ragged", "ga4", ga4H, ga4, "1767607200000000,add_to_cart,u1", ga4, "",
        "row has 3 fields, expected 8", 2);
    const QString huge(2 << 20, 'x');
    row("ga4 huge field", "ga4", ga4H, ga4, "1767607200000000,add_to_cart,u1,7," + huge + ",25,1,",
        ga4, "", "field 5 at line 3, column 35 is longer than 1024 KiB", 2);
    row("ga4 purchase sent twice", "ga4", ga4H, buy, "1767607500000000,purchase,u1,7,tee,25,1,T-1",
        buy, "T-1", "repeats transaction_id 'T-1' for item 'tee' already imported from line 2", 2);
    const QString otto1 =
        R"({"session":1,"events":[{"aid":2,"ts":1659304800025,"type":"clicks"}]})";
    const QString otto2 = R"({"session":2,"events":[{"aid":2,"ts":1659304800025,"type":"carts"}]})";
    row("otto bad JSON", "otto", "", otto1, R"({"session":3,"events":[{"aid":1,"ts":x}]})", otto2,
        "x}", "not valid JSON: parse error at line 1, column 38", 2);
    row("otto negative ts", "otto", "", otto1,
        R"({"session":3,"events":[{"aid":1,"ts":-5,"type":"clicks"}]})", otto2, "",
        "event 1: 'ts' is missing or not a whole number", 2);
    row("otto unknown type", "otto", "", otto1,
        R"({"session":3,"events":[{"aid":1,"ts":5,"type":"likes"}]})", otto2, "",
        R"(event 1: 'type' is "likes" (expected "clicks", "carts" or "orders"))", 2);
    row("otto fractional aid", "otto", "", otto1,
        R"({"session":3,"events":[{"aid":1.5,"ts":5,"type":"clicks"}]})", otto2, "", "'aid'", 2);
    row("otto duplicate session", "otto", "", otto1, otto1, otto2, "",
        "session 1 already appeared on line 1", 2);
    row("otto huge line", "otto", "", otto1,
        R"({"session":3,"events":[{"aid":1,"ts":5,"type":")" + huge + R"("}]})", otto2, "",
        "the line is longer than 1024 KiB", 2);
    row("otto not an object", "otto", "", otto1, "[1, 2]", otto2, "", "not a JSON object", 2);
    row("otto no events", "otto", "", otto1, R"({"session":3,"events":[]})", otto2, "",
        "'events' is empty", 2);
    const QString digH = "session_id;user_id;item_id;timeframe;eventdate";
    const QString dig = "1;NA;81766;526309;2016-05-09";
    row("diginetica negative timeframe", "diginetica", digH, dig, "1;NA;81766;-5;2016-05-09", dig,
        "-5", "timeframe (milliseconds) '-5' is negative", 2);
    row("diginetica bad date", "diginetica", digH, dig, "1;NA;81766;5;09.05.2016", dig, "09.05",
        "eventdate '09.05.2016' is not a date like 2016-05-09", 2);
    row("diginetica no item", "diginetica", digH, dig, "1;NA;;5;2016-05-09", dig, ";5;",
        "item_id is empty", 2);
    row("diginetica ragged", "diginetica", digH, dig, "1;NA;81766", dig, "",
        "row has 3 fields, expected 5", 2);
    const QString rrH = "timestamp,visitorid,event,itemid,transactionid";
    const QString rr = "1433221332117,257597,view,355908,";
    row("retailrocket unknown event", "retailrocket", rrH, rr, "1433221332117,257597,like,3559,",
        rr, "like", "event 'like' is not one of view, addtocart, transaction", 2);
    row("retailrocket transaction without id", "retailrocket", rrH, rr,
        "1433221332117,257597,transaction,355908,", rr, "<end>",
        "transactionid of a transaction is empty", 2);
    row("retailrocket ISO timestamp", "retailrocket", rrH, rr, "2015-06-02,257597,view,355908,", rr,
        "2015", "timestamp (unix milliseconds) '2015-06-02' is not a whole number", 2);
    row("retailrocket ragged", "retailrocket", rrH, rr, "1433221332117,257597,view", rr, "",
        "row has 3 fields, expected 5", 2);
    row("retailrocket negative timestamp", "retailrocket", rrH, rr,
        "-1433221332117,257597,view,355908,", rr, "-1433", "is negative", 2);
    const QString yc1 = "1,2014-04-07T10:51:09.277Z,214536502,0";
    const QString yc2 = "2,2014-04-07T10:51:09.277Z,214536502,0";
    row("yoochoose impossible month", "yoochoose", "", yc1, "1,2014-13-07T10:51:09Z,214536502,0",
        yc2, "2014-13", "timestamp '2014-13-07T10:51:09Z' is neither", 2);
    row("yoochoose negative timestamp", "yoochoose", "", yc1, "1,-5,214536502,0", yc2, "-5",
        "timestamp '-5' is before 1970", 2);
    row("yoochoose ragged", "yoochoose", "", yc1, "1,2014-04-07T10:51:09.277Z", yc2, "",
        "row has 2 fields, expected 4", 2);
    row("yoochoose no item", "yoochoose", "", yc1, "1,2014-04-07T10:51:09.277Z,,0", yc2, ",0",
        "item is empty", 2);
    row("yoochoose buys negative price", "yoochoose", "",
        "420374,2014-04-06T18:44:58.314Z,214537888,12462,1",
        "420374,2014-04-06T18:44:58.314Z,214537888,-3,1",
        "420375,2014-04-06T18:44:58.314Z,214537888,12462,1", "-3", "price '-3' is negative", 2);
    row("yoochoose buys text price", "yoochoose", "",
        "420374,2014-04-06T18:44:58.314Z,214537888,12462,1",
        "420374,2014-04-06T18:44:58.314Z,214537888,free,1",
        "420375,2014-04-06T18:44:58.314Z,214537888,12462,1", "free", "price 'free' is not a number",
        2);
    const QString orH =
        "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country";
    const QString orRow = "536365,85123A,WHITE HANGING HEART,6,12/1/2010 8:26,2.55,17850,UK";
    row("online-retail cancellation", "online-retail", orH, orRow,
        "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,UK", orRow, "C536379",
        "invoice C536379 cancels an earlier order", 2);
    row("online-retail negative price", "online-retail", orH, orRow,
        "A563185,B,Adjust bad debt,1,8/12/2011 14:51,-11062.06,,UK", orRow, "-11062",
        "UnitPrice '-11062.06' is negative", 2);
    row("online-retail non-numeric price", "online-retail", orH, orRow,
        "536365,85123A,X,6,12/1/2010 8:26,two,17850,UK", orRow, "two",
        "UnitPrice 'two' is not a number", 2);
    row("online-retail negative quantity", "online-retail", orH, orRow,
        "536365,85123A,X,-6,12/1/2010 8:26,2.55,17850,UK", orRow, "-6",
        "Quantity '-6' is not a whole number from 1", 2);
    row("online-retail day/month swapped", "online-retail", orH, orRow,
        "536365,85123A,X,6,31/12/2010 8:26,2.55,17850,UK", orRow, "31/12",
        "InvoiceDate '31/12/2010 8:26' is not a date", 2);
    row("online-retail huge description", "online-retail", orH, orRow,
        "536365,85123A,\"" + huge + "\",6,12/1/2010 8:26,2.55,17850,UK", orRow, "",
        "field 3 at line 3, column 15 is longer than 1024 KiB", 2);
    row("online-retail ragged", "online-retail", orH, orRow, "536365,85123A,X,6", orRow, "",
        "row has 4 fields, expected 8", 2);
    const QString bb = "u1,2078113,abcat0701002,xbox,2011-10-19 22:02:39.259,2011-10-19 22:01:57";
    const QString bbH = "user,sku,category,query,click_time,query_time";
    row("bestbuy bad click time", "bestbuy", bbH, bb,
        "u1,2078113,abcat0701002,xbox,soon,2011-10-19 22:01:57.656", bb, "soon",
        "click_time 'soon' is neither", 4);
    row("bestbuy empty query", "bestbuy", bbH, bb,
        "u1,2078113,abcat0701002,,2011-10-19 22:02:39.259,2011-10-19 22:01:57.656", bb, ",2011",
        "query is empty", 4);
    row("bestbuy huge query", "bestbuy", bbH, bb,
        "u1,2078113,abcat0701002," + huge + ",2011-10-19 22:02:39.259,2011-10-19 22:01:57.656", bb,
        "", "is longer than 1024 KiB", 4);
    row("bestbuy ragged", "bestbuy", bbH, bb, "u1,2078113,abcat0701002,xbox", bb, "",
        "row has 4 fields, expected 6", 4);
}

void TestPublicEventImports::badRowsAreRejected() {
    QFETCH(QString, format);
    QFETCH(QString, header);
    QFETCH(QString, first);
    QFETCH(QString, bad);
    QFETCH(QString, last);
    QFETCH(QString, at);
    QFETCH(QString, reason);
    QFETCH(int, imported);
    const QString text = (header.isEmpty() ? "" : header + "\n") + first + "\n" + bad + "\n" + last;
    auto import = importText(format, text.toStdString());
    MERCH_VERIFY_OK(import);
    QCOMPARE(int(import->events.size()), imported);
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    const RejectedRow& r = import->report.rejected.front();
    QCOMPARE(r.line, std::int64_t(header.isEmpty() ? 2 : 3));
    const int column = at.isEmpty()    ? 0
                       : at == "<end>" ? int(bad.size()) + 1
                                       : int(bad.indexOf(at)) + 1;
    QVERIFY(column >= 0);
    QCOMPARE(r.column, column);
    QVERIFY2(QString::fromStdString(r.reason).contains(reason), r.reason.c_str());
    QCOMPARE(QString::fromStdString(r.raw), bad);
}

void TestPublicEventImports::encodingsAndLineEnds_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("value"); // the first event's product id, or query for bestbuy
    const QByteArray bom = "\xEF\xBB\xBF";
    for (const auto& [format, sample] : validSamples()) {
        QByteArray crlf = sample;
        crlf.replace("\n", "\r\n");
        const std::map<QString, QString> first = {{"ga4", "tee"},
                                                  {"otto", "2"},
                                                  {"diginetica", "81766"},
                                                  {"retailrocket", "355908"},
                                                  {"yoochoose", "214536502"},
                                                  {"online-retail", "85123A"},
                                                  {"bestbuy", "xbox"}};
        const QString product = first.at(format);
        QTest::newRow(qPrintable(format + " BOM + CRLF"))
            << format << bom + crlf << "UTF-8 with BOM" << product;
        QByteArray utf16 = "\xFF\xFE";
        for (char c : sample)
            utf16.append(c).append('\0');
        QTest::newRow(qPrintable(format + " UTF-16LE")) << format << utf16 << "UTF-16LE" << product;
        // A Windows-1252 "é" (0xE9) after the first product id (OTTO: in an extra string field,
        // as its product ids are numbers).
        QByteArray cp1252 = sample;
        if (format == "otto")
            cp1252.replace("]}", "],\"note\":\"caf\xE9\"}");
        else
            cp1252.replace(cp1252.indexOf(product.toUtf8()), product.size(),
                           product.toUtf8() + "\xE9");
        QTest::newRow(qPrintable(format + " Windows-1252"))
            << format << cp1252 << "Windows-1252"
            << (format == "otto" ? product : product + QString::fromUtf8("é"));
    }
    QTest::newRow("bestbuy Windows-1252 query")
        << "bestbuy"
        << QByteArray("u1,1,c,caf\xE9 \x93noir\x94,2011-10-19 22:02:39,2011-10-19 "
                      "22:01:57\n")
        << "Windows-1252" << QString::fromUtf8("café “noir”");
}

void TestPublicEventImports::encodingsAndLineEnds() {
    QFETCH(QString, format);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, value);
    auto import = importText(format, str(bytes));
    MERCH_VERIFY_OK(import);
    QCOMPARE(QString::fromStdString(import->report.encoding), encoding);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    QVERIFY(!import->events.empty());
    const Event& e = import->events.front();
    QCOMPARE(QString::fromStdString(format == "bestbuy" ? e.query : e.productId), value);
    for (const Event& event : import->events) {
        for (const std::string* text : {&event.sessionId, &event.productId, &event.orderId,
                                        &event.customerId, &event.visitorId, &event.query})
            QVERIFY2(text->find_first_of("\r\n") == std::string::npos, text->c_str());
    }
}

void TestPublicEventImports::embeddedQuotesAndNewlines() {
    // A quoted description spans two lines: the rows after it keep their own line numbers.
    auto retail = importText("online-retail",
                             "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,"
                             "CustomerID,Country\n"
                             "536366,22633,\"HAND WARMER \"\"UNION JACK\"\"\nRED, WHITE\",6,"
                             "12/1/2010 8:28,1.85,17850,UK\n"
                             "C536379,D,Discount,-1,12/1/2010 9:41,27.5,14527,UK\n"
                             "536367,84879,\"never closed,32,12/1/2010 8:34,1.69,13047,UK\n");
    MERCH_VERIFY_OK(retail);
    QCOMPARE(retail->events.size(), std::size_t(1));
    QCOMPARE(retail->events[0].productId, std::string("22633"));
    QCOMPARE(retail->report.rejected.size(), std::size_t(2));
    QCOMPARE(retail->report.rejected[0].line, std::int64_t(4));
    QCOMPARE(retail->report.rejected[1].line, std::int64_t(5));
    QVERIFY(QString::fromStdString(retail->report.rejected[1].reason).contains("never closed"));

    auto search = importText("bestbuy", "u1,1,c,\"Midnight club, \"\"LA\"\"\",2011-10-19 22:02:39,"
                                        "2011-10-19 22:01:57\n");
    MERCH_VERIFY_OK(search);
    QCOMPARE(search->events[0].query, std::string("Midnight club, \"LA\""));

    auto ga4 = importText("ga4", "event_timestamp,event_name,user_pseudo_id,item_id,item_list_name,"
                                 "item_list_index\n1767607200000000,view_item_list,u1,tee,"
                                 "\"Tees, \"\"Men\"\"\",3\n");
    MERCH_VERIFY_OK(ga4);
    QCOMPARE(ga4->events[0].list, std::string("Tees, \"Men\""));
    QCOMPARE(ga4->events[0].position, 3); // no index 0 in the file: indexes count from 1
}

void TestPublicEventImports::fileLevelErrors_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const auto row = [](const QString& name, const QString& format, const QByteArray& bytes,
                        const QString& message) {
        QTest::newRow(qPrintable(format + " " + name)) << format << bytes << message;
    };
    row("missing columns", "ga4", "event_name,user_pseudo_id,item_id\nview_item,u1,tee\n",
        "events.txt, line 1: missing required column(s) event_timestamp (or event_time)");
    row("missing columns", "diginetica", "session_id;user_id;eventdate\n1;NA;2016-05-09\n",
        "events.txt, line 1: missing required column(s) item_id, timeframe");
    row("missing columns", "retailrocket", "timestamp,visitorid,itemid\n1,2,3\n",
        "events.txt, line 1: missing required column(s) event");
    row("missing columns", "yoochoose", "SessionId\tTime\n1\t5\n",
        "events.txt, line 1: missing required column(s) ItemId");
    row("missing columns", "online-retail",
        "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,CustomerID\n1,2,3,4,5,6\n",
        "events.txt, line 1: missing required column(s) UnitPrice");
    row("missing columns", "bestbuy", "user,sku,category,click_time,query_time\n1,2,3,4,5\n",
        "events.txt, line 1: missing required column(s) query");
    row("no session on any line", "otto", "{\"session\": 1}\n{\"events\": []}\n",
        "events.txt, line 1: no line is an OTTO session");
    row("huge header field", "ga4", "event_name,\"" + QByteArray(2 << 20, 'x') + "\"\n",
        "events.txt, line 1: the header row could not be read (field 2");
    QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20);
    for (const auto& [format, sample] : validSamples()) {
        row("empty", format, "", "events.txt is empty");
        row("blank lines", format, "\n\r\n  \n", "events.txt holds no data");
        row("binary", format, png, "events.txt looks like a binary file");
        row("prose", format, "Dear customer,\nthanks for your order.\n", "events.txt, line 1");
    }
}

void TestPublicEventImports::fileLevelErrors() {
    QFETCH(QString, format);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    auto import = importText(format, str(bytes));
    QVERIFY(!import.isOk());
    QCOMPARE(import.status().code(), StatusCode::InvalidArgument);
    QVERIFY2(QString::fromStdString(import.status().message()).contains(message),
             import.status().message().c_str());
}

void TestPublicEventImports::cancelStopsEveryImporter() {
    for (const auto& [format, sample] : validSamples()) {
        double last = 0;
        RunControl watch;
        watch.progress = [&](double fraction, std::string_view) {
            last = fraction;
            return true;
        };
        MERCH_VERIFY_OK(importText(format, str(sample), watch));
        QCOMPARE(last, 1.0);
        RunControl cancel;
        cancel.progress = [](double, std::string_view) { return false; };
        auto import = importText(format, str(sample), cancel);
        QVERIFY2(!import.isOk(), qPrintable(format));
        QCOMPARE(import.status().code(), StatusCode::Cancelled);
    }
}

void TestPublicEventImports::realFiles_data() {
    // Expected counts computed independently with Python's csv/json modules:
    // - OTTO: 20 lines, 862 events (800 clicks, 52 carts, 10 orders).
    // - Online Retail head: 1,071 rows, 10 with InvoiceNo starting with C; the other 1,061
    //   form 64 distinct (CustomerID, InvoiceNo) pairs.
    // - GA4 sample: 80 rows (20 each of view_item, add_to_cart, begin_checkout, purchase),
    //   18 distinct (user_pseudo_id, ga_session_id) pairs.
    // - DIGINETICA sample: 12,391 rows, 2,986 distinct session_id.
    // - Best Buy mytrain.csv: 29,655 rows -> 59,310 events; per user, times floored to seconds
    //   and sorted, a gap over 1,800 s starts a session: 28,230 sessions.
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("events");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<int>("purchases");
    QTest::addColumn<int>("rejected");
    const QString tests = QStringLiteral(MERCH_TEST_DATA_DIR) + "/sessions/";
    const QString shared = QStringLiteral(MERCH_SHARED_DATA_DIR) + "/";
    QTest::newRow("OTTO sample (ships)") << tests + "otto-sample/train.jsonl"
                                         << "otto" << 862 << 20 << 10 << 0;
    QTest::newRow("Online Retail head (ships)") << tests + "online-retail-head/OnlineRetail.csv"
                                                << "online-retail" << 1061 << 64 << 1061 << 10;
    QTest::newRow("GA4 obfuscated sample")
        << shared + "sessions/ga4_obfuscated_sample_item_events_by_type.csv"
        << "ga4" << 80 << 18 << 20 << 0;
    QTest::newRow("DIGINETICA sample")
        << shared + "sessions/diginetica-sample/sample_train-item-views.csv"
        << "diginetica" << 12391 << 2986 << 0 << 0;
    QTest::newRow("Best Buy search log") << shared + "search/mytrain.csv"
                                         << "bestbuy" << 59310 << 28230 << 0 << 0;
}

void TestPublicEventImports::realFiles() {
    QFETCH(QString, path);
    QFETCH(QString, format);
    QFETCH(int, events);
    QFETCH(int, sessions);
    QFETCH(int, purchases);
    QFETCH(int, rejected);
    if (!QFile::exists(path)) {
        QVERIFY2(!path.startsWith(QStringLiteral(MERCH_TEST_DATA_DIR)), qPrintable(path));
        QSKIP(qPrintable("../shared/data is absent (" + path + "); this real file is not checked"));
    }
    std::ifstream in(path.toStdString(), std::ios::binary);
    ImportOptions options;
    options.fileName = path.toStdString();
    auto import = importers().at(format)(in, options, {});
    MERCH_VERIFY_OK(import);
    QCOMPARE(int(import->report.rejected.size()), rejected);
    QCOMPARE(int(import->events.size()), events);
    QCOMPARE(int(sessionCount(import->events)), sessions);
    const auto bought = std::count_if(import->events.begin(), import->events.end(),
                                      [](const Event& e) { return e.type == EventType::Purchase; });
    QCOMPARE(int(bought), purchases);
}

// Regression (found by fuzz_otto_events): a number too large for 64 bits escaped as an
// exception instead of rejecting its line.
void TestPublicEventImports::ottoNumberOverflowIsARejectedLine() {
    const std::string text =
        "{\"session\":1,\"events\":[{\"aid\":5,\"ts\":1659304800025,\"type\":\"clicks\"}]}\n"
        "{\"session\":2,\"events\":[{\"aid\":80e3544,\"ts\":1,\"type\":\"clicks\"}]}\n";
    auto import = importText("otto", text);
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->events.size(), std::size_t(1));
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    QCOMPARE(import->report.rejected.front().line, std::int64_t(2));
}

QTEST_GUILESS_MAIN(TestPublicEventImports)
#include "tst_public_event_imports.moc"
