// The item models and helpers under the Store page, without a window: ProductTableModel and its
// filter proxy (checked by QAbstractItemModelTester), EventCountsModel, number formatting and
// page names.
#include <QAbstractItemModelTester>
#include <QTest>

#include "format.h"
#include "models/event_counts_model.h"
#include "models/product_filter_proxy.h"
#include "models/product_table_model.h"
#include "page_catalog.h"

using merch::ui::ProductFilterProxy;
using merch::ui::ProductTableModel;

namespace {

merch::Product product(const char* id, const char* title, const char* category, double price,
                       int variants, const char* brand = "Northwind") {
    merch::Product p;
    p.id = id;
    p.title = title;
    p.category = category;
    p.brand = brand;
    p.price = price;
    p.variants.resize(static_cast<std::size_t>(variants));
    return p;
}

// Prices and variant counts whose text order differs from their numeric order.
std::shared_ptr<const std::vector<merch::Product>> catalog() {
    return std::make_shared<const std::vector<merch::Product>>(std::vector<merch::Product>{
        product("p1", "Trail Hoodie", "Apparel", 100.0, 12),
        product("p2", "Wool Socks", "Apparel", 9.5, 2, "Fjord"),
        product("p3", "Espresso Beans", "Coffee", 10.0, 1),
        product("p4", "Pour-over Kettle", "Coffee", 1000.0, 3, "Fjord"),
        product("p5", "Gift Card", "", 25.0, 0),
    });
}

} // namespace

class TestStoreModels : public QObject {
    Q_OBJECT

private slots:
    void productModelPassesTester();
    void eventModelPassesTester();
    void sortIsNumeric_data();
    void sortIsNumeric();
    void filter_data();
    void filter();
    void formatting_data();
    void formatting();
    void pageNames_data();
    void pageNames();
};

void TestStoreModels::productModelPassesTester() {
    ProductTableModel model;
    ProductFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    model.setProducts(catalog());
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.columnCount(), int(ProductTableModel::ColumnCount));
    proxy.setText(QStringLiteral("fjord"));
    proxy.sort(ProductTableModel::Price);
    proxy.setCategory(QStringLiteral("Coffee"));
    proxy.clearCategory();
    proxy.setText({});
    model.setProducts(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestStoreModels::eventModelPassesTester() {
    merch::ui::EventCountsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto summary = std::make_shared<merch::StoreSummary>();
    summary->events = 40;
    summary->eventsByType[static_cast<std::size_t>(merch::EventType::View)] = 30;
    summary->eventsByType[static_cast<std::size_t>(merch::EventType::AddToCart)] = 10;
    model.setSummary(summary);
    QCOMPARE(model.rowCount(), merch::kEventTypeCount);
    const int view = static_cast<int>(merch::EventType::View);
    QCOMPARE(model.index(view, merch::ui::EventCountsModel::Count).data().toString(),
             QStringLiteral("30"));
    QCOMPARE(model.index(view, merch::ui::EventCountsModel::Share).data().toString(),
             QStringLiteral("75.0%"));
    QCOMPARE(merch::ui::EventCountsModel::typeLabel(merch::EventType::AddToCart),
             QStringLiteral("Add to cart"));
    model.setSummary(nullptr);
    QCOMPARE(model.rowCount(), 0);
}

void TestStoreModels::sortIsNumeric_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("order");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("price ascending") << int(ProductTableModel::Price) << int(Qt::AscendingOrder)
                                     << QStringList{"p2", "p3", "p5", "p1", "p4"};
    QTest::newRow("price descending") << int(ProductTableModel::Price) << int(Qt::DescendingOrder)
                                      << QStringList{"p4", "p1", "p5", "p3", "p2"};
    QTest::newRow("variants ascending")
        << int(ProductTableModel::Variants) << int(Qt::AscendingOrder)
        << QStringList{"p5", "p3", "p2", "p4", "p1"};
    QTest::newRow("title, case-insensitive")
        << int(ProductTableModel::Title) << int(Qt::AscendingOrder)
        << QStringList{"p3", "p5", "p4", "p1", "p2"};
}

void TestStoreModels::sortIsNumeric() {
    QFETCH(int, column);
    QFETCH(int, order);
    QFETCH(QStringList, ids);
    ProductTableModel model;
    model.setProducts(catalog());
    ProductFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.sort(column, static_cast<Qt::SortOrder>(order));
    QStringList sorted;
    for (int row = 0; row < proxy.rowCount(); ++row)
        sorted << proxy.index(row, ProductTableModel::Id).data().toString();
    QCOMPARE(sorted, ids);
}

void TestStoreModels::filter_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("category"); // "*" keeps every category
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("nothing") << ""
                             << "*" << QStringList{"p1", "p2", "p3", "p4", "p5"};
    QTest::newRow("title word") << "hoodie"
                                << "*" << QStringList{"p1"};
    QTest::newRow("brand, any case") << "FJORD"
                                     << "*" << QStringList{"p2", "p4"};
    QTest::newRow("product id") << "p3"
                                << "*" << QStringList{"p3"};
    QTest::newRow("category") << ""
                              << "Coffee" << QStringList{"p3", "p4"};
    QTest::newRow("category and text") << "fjord"
                                       << "Coffee" << QStringList{"p4"};
    QTest::newRow("uncategorized") << ""
                                   << "" << QStringList{"p5"};
    QTest::newRow("surrounding spaces") << "  socks "
                                        << "*" << QStringList{"p2"};
    QTest::newRow("no match") << "zzz"
                              << "*" << QStringList{};
}

void TestStoreModels::filter() {
    QFETCH(QString, text);
    QFETCH(QString, category);
    QFETCH(QStringList, ids);
    ProductTableModel model;
    model.setProducts(catalog());
    ProductFilterProxy proxy;
    proxy.setSourceModel(&model);
    proxy.setText(text);
    if (category != QStringLiteral("*"))
        proxy.setCategory(category);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown << proxy.index(row, ProductTableModel::Id).data().toString();
    QCOMPARE(shown, ids);
}

void TestStoreModels::formatting_data() {
    QTest::addColumn<QString>("actual");
    QTest::addColumn<QString>("expected");
    QTest::newRow("count") << merch::ui::formatCount(59812) << "59,812";
    QTest::newRow("compact small") << merch::ui::formatCompact(812) << "812";
    QTest::newRow("compact thousands") << merch::ui::formatCompact(45210) << "45.2k";
    QTest::newRow("compact millions") << merch::ui::formatCompact(1234567) << "1.23M";
    QTest::newRow("money") << merch::ui::formatMoney(1234.5) << "1,234.50";
    QTest::newRow("percent") << merch::ui::formatPercent(0.1234) << "12.3%";
    // 2026-01-05 and 2026-04-04, 00:00 UTC.
    QTest::newRow("day range") << merch::ui::formatDayRange(1767571200, 1775260800)
                               << "Jan 5 – Apr 4, 2026";
    QTest::newRow("single day") << merch::ui::formatDayRange(1767571200, 1767571200)
                                << "Jan 5, 2026";
    QTest::newRow("no events") << merch::ui::formatDayRange(0, 0) << "—";
}

void TestStoreModels::formatting() {
    QFETCH(QString, actual);
    QFETCH(QString, expected);
    QCOMPARE(actual, expected);
}

void TestStoreModels::pageNames_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("index");
    QTest::newRow("store") << "store" << 0;
    QTest::newRow("AUDIT") << "AUDIT" << 1;
    QTest::newRow("Messaging before Lift") << "Messaging" << 4;
    QTest::newRow("padded") << " lift " << 5;
    QTest::newRow("report is last") << "Report" << 7;
    QTest::newRow("unknown") << "dashboard" << -1;
}

void TestStoreModels::pageNames() {
    QFETCH(QString, name);
    QFETCH(int, index);
    QCOMPARE(merch::ui::pageIndex(name), index);
    QCOMPARE(merch::ui::pageCatalog().size(), std::size_t(8));
}

QTEST_MAIN(TestStoreModels)
#include "tst_store_models.moc"
