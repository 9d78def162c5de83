// Business rules between a model and the page.
#include <QTest>

#include "merch/business_rules.h"
#include "test_support.h"

using namespace merch;

namespace {

RuleCatalog catalog() {
    RuleCatalog c;
    c.productIds = {"tee", "hoodie", "cap", "mug", "sold-out", "socks"};
    c.category = {"Tops", "Tops", "Hats", "Home", "Tops", "Tops"};
    c.inStock = {true, true, true, true, false, true};
    return c;
}

std::vector<ScoredItem> ranked() {
    return {{4, 9}, {0, 8}, {1, 7}, {5, 6}, {2, 5}, {3, 4}};
}

std::vector<std::string> ids(const std::vector<RuledItem>& list) {
    std::vector<std::string> out;
    for (const auto& r : list)
        out.push_back(catalog().productIds[std::size_t(r.item)]);
    return out;
}

} // namespace

class TestBusinessRules : public QObject {
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void killSwitchFallsBackToTheBaseline();
    void countsSayWhatEachRuleDid();
    void reasonsNameTheRule_data();
    void reasonsNameTheRule();
    void recentPurchasesOfACustomer();
    void catalogFactsByCatalogIndex();
    void validation();
};

void TestBusinessRules::rules_data() {
    QTest::addColumn<int>("rule");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("out of stock dropped") << 0 << QStringList{"tee", "hoodie", "socks", "cap"};
    QTest::newRow("just purchased dropped") << 1 << QStringList{"hoodie", "socks", "cap", "mug"};
    QTest::newRow("two per category") << 2 << QStringList{"tee", "hoodie", "cap", "mug"};
    QTest::newRow("pinned first") << 3 << QStringList{"mug", "tee", "hoodie", "socks"};
    QTest::newRow("buried last") << 4 << QStringList{"hoodie", "socks", "cap", "mug", "tee"};
}

void TestBusinessRules::rules() {
    QFETCH(int, rule);
    QFETCH(QStringList, expected);
    BusinessRules rules;
    std::vector<int> purchased;
    if (rule == 1)
        purchased = {0};
    if (rule == 2)
        rules.maxPerCategory = 2;
    if (rule == 3)
        rules.pinned = {"mug", "sold-out"}; // an out-of-stock pin is skipped
    if (rule == 4)
        rules.buried = {"tee"};
    const int count = rule == 4 ? 6 : 4; // buried items show only after all others
    const auto list =
        applyBusinessRules(ranked(), {}, "item_knn", count, rules, catalog(), purchased);
    QStringList got;
    for (const auto& id : ids(list))
        got << QString::fromStdString(id);
    QCOMPARE(got, expected);
    if (rule == 3)
        QCOMPARE(QString::fromStdString(list.front().note), QString("pinned"));
}

void TestBusinessRules::killSwitchFallsBackToTheBaseline() {
    BusinessRules rules;
    rules.killedModels = {"item_knn"};
    const std::vector<ScoredItem> baseline = {{3, 1}, {2, 1}};
    const auto list = applyBusinessRules(ranked(), baseline, "item_knn", 4, rules, catalog(), {});
    QCOMPARE(ids(list), (std::vector<std::string>{"mug", "cap"}));
    const auto other = applyBusinessRules(ranked(), baseline, "vsknn", 2, rules, catalog(), {});
    QCOMPARE(ids(other), (std::vector<std::string>{"tee", "hoodie"}));
}

void TestBusinessRules::countsSayWhatEachRuleDid() {
    BusinessRules rules;
    rules.maxPerCategory = 2;
    rules.pinned = {"mug"};
    rules.buried = {"cap"};
    const std::vector<int> purchased = {1};
    RuleCounts counts;
    // ranked: sold-out (out of stock), tee, hoodie (purchased), socks, cap (buried), mug (pinned)
    const auto list =
        applyBusinessRules(ranked(), {}, "item_knn", 6, rules, catalog(), purchased, counts);
    QCOMPARE(ids(list), (std::vector<std::string>{"mug", "tee", "socks", "cap"}));
    QCOMPARE(counts.outOfStock, 1);
    QCOMPARE(counts.purchased, 1);
    QCOMPARE(counts.capped, 0); // tee and socks: two Tops, the cap is not exceeded
    QCOMPARE(counts.pinned, 1);
    QCOMPARE(counts.buried, 1);
    QVERIFY(!counts.killed);
    QCOMPARE(QString::fromStdString(describeRuleCounts(counts)),
             QString("1 out of stock hidden, 1 just purchased hidden, 1 pinned, 1 buried"));
    rules.maxPerCategory = 1;
    applyBusinessRules(ranked(), {}, "item_knn", 6, rules, catalog(), purchased, counts);
    QCOMPARE(counts.capped, 1); // socks: a second Tops
    QCOMPARE(QString::fromStdString(describeRuleCounts(RuleCounts{})), QString());
}

void TestBusinessRules::reasonsNameTheRule_data() {
    QTest::addColumn<QString>("note");
    QTest::addColumn<bool>("killed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("model only") << "" << false << "viewed together with tee in 5 sessions";
    QTest::newRow("pinned") << "pinned" << false << "pinned by the merchandiser";
    QTest::newRow("buried") << "buried" << false
                            << "buried by the merchandiser (moved to the end); viewed together "
                               "with tee in 5 sessions";
    QTest::newRow("kill switch") << "" << true
                                 << "fell back to best-seller: kill switch on; viewed together "
                                    "with tee in 5 sessions";
}

void TestBusinessRules::reasonsNameTheRule() {
    QFETCH(QString, note);
    QFETCH(bool, killed);
    QFETCH(QString, expected);
    const RuledItem item{0, 1.0, note.toStdString()};
    QCOMPARE(
        QString::fromStdString(ruledReason(item, killed, "viewed together with tee in 5 sessions")),
        expected);
}

void TestBusinessRules::recentPurchasesOfACustomer() {
    const auto event = [](std::int64_t day, const char* customer, const char* visitor,
                          EventType type, const char* product) {
        Event e;
        e.timestamp = day * 86400;
        e.customerId = customer;
        e.visitorId = visitor;
        e.type = type;
        e.productId = product;
        return e;
    };
    const std::vector<Event> events = {
        event(1, "c1", "v1", EventType::Purchase, "old"), // 39 days before the end
        event(20, "c1", "v1", EventType::Purchase, "mug"),
        event(21, "", "v1", EventType::View, "tee"),
        event(25, "", "v1", EventType::Purchase, "cap"),   // anonymous, same visitor id asked
        event(30, "c1", "v2", EventType::Purchase, "mug"), // repeated: listed once
        event(40, "c2", "v3", EventType::Purchase, "socks")};
    QCOMPARE(recentPurchases(events, "c1"), (std::vector<std::string>{"mug"}));
    QCOMPARE(recentPurchases(events, "v1"), (std::vector<std::string>{"mug", "cap"}));
    QCOMPARE(recentPurchases(events, "c1", 45), (std::vector<std::string>{"old", "mug"}));
    QVERIFY(recentPurchases(events, "nobody").empty());
    QVERIFY(recentPurchases(events, "").empty());
}

void TestBusinessRules::catalogFactsByCatalogIndex() {
    std::vector<Product> products(2);
    products[0].id = "a";
    products[0].category = "Apparel";
    products[0].subcategory = "Hoodies";
    products[0].variants.resize(2); // both at 0 units: out of stock
    products[1].id = "b";
    products[1].category = "Home";
    products[1].variants.resize(1);
    products[1].variants[0].inventory = 3;
    const RuleCatalog facts = RuleCatalog::fromProducts(products);
    QCOMPARE(facts.productIds, (std::vector<std::string>{"a", "b"}));
    QCOMPARE(facts.category, (std::vector<std::string>{"Apparel > Hoodies", "Home"}));
    QCOMPARE(facts.inStock, (std::vector<bool>{false, true}));
}

void TestBusinessRules::validation() {
    BusinessRules rules;
    rules.maxPerCategory = -1;
    QVERIFY(QString::fromStdString(rules.validate().message()).startsWith("maxPerCategory"));
}

QTEST_GUILESS_MAIN(TestBusinessRules)
#include "tst_business_rules.moc"
