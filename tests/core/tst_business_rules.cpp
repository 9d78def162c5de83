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

void TestBusinessRules::validation() {
    BusinessRules rules;
    rules.maxPerCategory = -1;
    QVERIFY(QString::fromStdString(rules.validate().message()).startsWith("maxPerCategory"));
}

QTEST_GUILESS_MAIN(TestBusinessRules)
#include "tst_business_rules.moc"
