// The format table: every format is registered once, and files are recognised by their first
// lines (shipped fixtures always; the real exports in ../shared/data when present).
#include <QFile>
#include <QTest>

#include <set>

#include "merch/import_formats.h"
#include "test_support.h"

using namespace merch;

class TestImportFormats : public QObject {
    Q_OBJECT

private slots:
    void everyFormatIsComplete();
    void recognisesFiles_data();
    void recognisesFiles();
};

void TestImportFormats::everyFormatIsComplete() {
    std::set<std::pair<std::string, int>> names;
    for (const auto& format : importFormats()) {
        QVERIFY2(names.insert({format.name, int(format.kind)}).second, format.name.c_str());
        QVERIFY(!format.label.empty());
        QVERIFY(format.recognise);
        QVERIFY(bool(format.importCatalog) != bool(format.importEvents));
        QCOMPARE(format.kind == ImportKind::Catalog, bool(format.importCatalog));
        QCOMPARE(findImportFormat(format.name, format.kind), &format);
    }
    QVERIFY(names.size() >= 13);
}

void TestImportFormats::recognisesFiles_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    const QString shipped = QStringLiteral(MERCH_TEST_DATA_DIR);
    const QString shared = QStringLiteral(MERCH_SHARED_DATA_DIR);
    QTest::newRow("Shopify legacy")
        << shipped + "/catalogs/shopify-published/shopify_partners_apparel.csv"
        << "shopify";
    QTest::newRow("Shopify 2025")
        << shipped + "/catalogs/shopify-published/shopify_product_template_2025.csv"
        << "shopify";
    QTest::newRow("OTTO") << shipped + "/sessions/otto-sample/train.jsonl"
                          << "otto";
    QTest::newRow("Online Retail") << shipped + "/sessions/online-retail-head/OnlineRetail.csv"
                                   << "online-retail";
    QTest::newRow("WooCommerce") << shared + "/catalogs/woocommerce_sample_products.csv"
                                 << "woocommerce";
    QTest::newRow("GA4") << shared + "/sessions/ga4_obfuscated_sample_item_events_by_type.csv"
                         << "ga4";
    QTest::newRow("Diginetica") << shared +
                                       "/sessions/diginetica-sample/sample_train-item-views.csv"
                                << "diginetica";
    QTest::newRow("Best Buy products") << shared + "/search/small_product_data.csv"
                                       << "bestbuy";
    QTest::newRow("Best Buy searches") << shared + "/search/mytrain.csv"
                                       << "bestbuy";
}

void TestImportFormats::recognisesFiles() {
    QFETCH(QString, path);
    QFETCH(QString, format);
    QFile file(path);
    if (!file.exists())
        QSKIP(qPrintable("../shared/data is absent (" + path + ")"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray head = file.read(64 * 1024);
    const auto detected = detectImportFormat(
        path.toStdString(), std::string_view(head.constData(), std::size_t(head.size())));
    QVERIFY2(detected.format, qPrintable(path));
    QCOMPARE(QString::fromStdString(detected.format->name), format);
    QVERIFY(detected.confidence >= 0.7);
}

QTEST_GUILESS_MAIN(TestImportFormats)
#include "tst_import_formats.moc"
