// Shopify product CSV import: every header dialect, and malformed input of every kind.
#include <QDir>
#include <QTest>

#include <fstream>
#include <sstream>

#include "merch/catalog_importers.h"
#include "test_support.h"

using namespace merch;

namespace {

Result<CatalogImport> importText(const std::string& text, RunControl control = {}) {
    std::istringstream in(text);
    ImportOptions options;
    options.fileName = "products.csv";
    options.maxFieldBytes = 4096;
    return importShopifyCatalog(in, options, control);
}

const Product* find(const CatalogImport& import, const std::string& id) {
    for (const auto& p : import.products) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const char* kLegacyHeader = "Handle,Title,Body (HTML),Vendor,Type,Tags,Published,Option1 Name,"
                            "Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,"
                            "Variant Inventory Qty,Variant Barcode,Image Src\n";

} // namespace

class TestShopifyImport : public QObject {
    Q_OBJECT

private slots:
    void dialects_data();
    void dialects();
    void variantsAndImagesGroupByHandle();
    void metafieldsMatchOnTheKeyInAnyLanguage();
    void badRowsAreRejectedWithLineAndColumn_data();
    void badRowsAreRejectedWithLineAndColumn();
    void fileLevelErrors_data();
    void fileLevelErrors();
    void encodingsAndLineEndings_data();
    void encodingsAndLineEndings();
    void duplicateSkusAreWarnedAbout();
    void cancelStops();
    void publishedFixturesImport_data();
    void publishedFixturesImport();
    void realStoreExportsImport_data();
    void realStoreExportsImport();
};

void TestShopifyImport::dialects_data() {
    QTest::addColumn<QString>("csv");
    QTest::addColumn<QString>("color");
    QTest::addColumn<QString>("size");
    QTest::addColumn<QString>("taxonomy");
    QTest::newRow("legacy")
        << QString(kLegacyHeader) +
               "tee,Cotton Tee,<p>Soft</p>,Acme,Shirts,summer,TRUE,Color,Navy,Size,M,T-1,25.00,3,"
               "123,https://x/t.jpg\n"
        << "Navy"
        << "M"
        << "";
    QTest::newRow("2023 with Product Category")
        << QString("Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Option1 Name,"
                   "Option1 Value,Variant SKU,Variant Price\n"
                   "tee,Cotton Tee,Soft,Acme,Apparel & Accessories > Clothing > Shirts & Tops,"
                   "Shirts,,Colour,Navy,T-1,25\n")
        << "Navy"
        << ""
        << "Apparel & Accessories > Clothing > Shirts & Tops";
    QTest::newRow("2024 with Linked To and metafields")
        << QString("Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Option1 Name,"
                   "Option1 Value,Option1 Linked To,Option2 Name,Option2 Value,"
                   "Option2 Linked To,Variant SKU,Variant Price,"
                   "Color (product.metafields.shopify.color-pattern)\n"
                   "tee,Cotton Tee,Soft,Acme,Apparel & Accessories > Clothing,Shirts,,Size,L,"
                   "product.metafields.shopify.size,Color,Navy,"
                   "product.metafields.shopify.color-pattern,T-1,25,navy\n")
        << "navy"
        << "L"
        << "Apparel & Accessories > Clothing";
    QTest::newRow("2025 template")
        << QString("Title,URL handle,Description,Vendor,Product category,Type,Tags,SKU,"
                   "Option1 name,Option1 value,Price,Inventory quantity,Product image URL\n"
                   "Cotton Tee,tee,Soft,Acme,Apparel & Accessories > Clothing,Shirts,,T-1,Size,"
                   "S,25.00,4,https://x/t.jpg\n")
        << ""
        << "S"
        << "Apparel & Accessories > Clothing";
}

void TestShopifyImport::dialects() {
    QFETCH(QString, csv);
    QFETCH(QString, color);
    QFETCH(QString, size);
    QFETCH(QString, taxonomy);
    auto import = importText(csv.toStdString());
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    QCOMPARE(import->products.size(), std::size_t(1));
    const Product& p = import->products.front();
    QCOMPARE(p.id, std::string("tee"));
    QCOMPARE(p.title, std::string("Cotton Tee"));
    QCOMPARE(p.brand, std::string("Acme"));
    QCOMPARE(p.category, std::string("Shirts"));
    QCOMPARE(p.price, 25.0);
    QCOMPARE(QString::fromStdString(p.color), color);
    QCOMPARE(QString::fromStdString(p.variants.front().size), size);
    QCOMPARE(QString::fromStdString(p.taxonomy), taxonomy);
    QCOMPARE(p.variants.front().sku, std::string("T-1"));
}

void TestShopifyImport::variantsAndImagesGroupByHandle() {
    const std::string csv = std::string(kLegacyHeader) +
                            "tee,Cotton Tee,Soft,Acme,Shirts,,TRUE,Color,Navy,Size,S,T-1,25,3,,\n"
                            "tee,,,,,,,,Navy,,M,T-2,27,0,,\n"
                            "tee,,,,,,,,Red,,S,T-3,24,1,,\n"
                            "tee,,,,,,,,,,,,,,,https://x/tee-back.jpg\n"
                            "mug,Stoneware Mug,Heavy,Acme,Mugs,,TRUE,Title,Default Title,,,M-1,"
                            "18,9,4006381333931,\n"
                            "tee,,,,,,,,Red,,M,T-4,24,1,,\n";
    auto import = importText(csv);
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->products.size(), std::size_t(2));
    const Product* tee = find(*import, "tee");
    QVERIFY(tee);
    QCOMPARE(tee->variants.size(), std::size_t(4)); // the image row is not a variant
    QCOMPARE(tee->price, 24.0);                     // the lowest variant price
    QCOMPARE(tee->color, std::string("Navy"));
    QCOMPARE(tee->imageUrl, std::string("https://x/tee-back.jpg"));
    QCOMPARE(tee->variants[1].inventory, std::int64_t(0));
    const Product* mug = find(*import, "mug");
    QVERIFY(mug);
    QCOMPARE(mug->gtin, std::string("4006381333931"));
    QCOMPARE(mug->variants.size(), std::size_t(1));
}

void TestShopifyImport::metafieldsMatchOnTheKeyInAnyLanguage() {
    const std::string csv =
        "Handle,Title,Variant Price,Farbe (product.metafields.shopify.color-pattern),"
        "Materiaal (product.metafields.custom.material),Stof (product.metafields.shopify.fabric)\n"
        "jas,Wollen Jas,120,\"[\"\"Olijf\"\"]\",Wol,\n";
    auto import = importText(csv);
    MERCH_VERIFY_OK(import);
    const Product& p = import->products.front();
    QCOMPARE(p.color, std::string("Olijf"));
    QCOMPARE(p.material, std::string("Wol"));
}

void TestShopifyImport::badRowsAreRejectedWithLineAndColumn_data() {
    QTest::addColumn<QString>("row");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("reason");
    // The header is kLegacyHeader; "Variant Price" is field 13, at character column 50 below.
    QTest::newRow("non-numeric price")
        << "bad,Bad Tee,x,Acme,Shirts,,TRUE,,,,,B-1,abc,1,," << 41 << "price 'abc' is not a number";
    QTest::newRow("negative price")
        << "bad,Bad Tee,x,Acme,Shirts,,TRUE,,,,,B-1,-5,1,," << 41 << "price -5 is negative";
    QTest::newRow("ragged row") << "bad,Bad Tee,x" << 0 << "row has 3 fields, the header has 16";
    QTest::newRow("too many fields")
        << "bad,Bad Tee,x,Acme,Shirts,,TRUE,,,,,B-1,5,1,,,extra" << 0 << "row has 17 fields";
    QTest::newRow("no handle") << ",Bad Tee,x,Acme,Shirts,,TRUE,,,,,B-1,5,1,," << 1
                               << "the row has no handle";
    QTest::newRow("non-numeric inventory")
        << "bad,Bad Tee,x,Acme,Shirts,,TRUE,,,,,B-1,5,lots,," << 43 << "inventory quantity 'lots'";
    QTest::newRow("huge field") << "bad,Bad Tee," + QString(5000, 'x') + ",Acme,,,,,,,,B,5,1,," << 0
                                << "longer than 4 KiB";
    QTest::newRow("unterminated quote") << "bad,\"Bad Tee,x,Acme" << 0 << "never closed";
}

void TestShopifyImport::badRowsAreRejectedWithLineAndColumn() {
    QFETCH(QString, row);
    QFETCH(int, column);
    QFETCH(QString, reason);
    const std::string good = "ok,Good Tee,x,Acme,Shirts,,TRUE,,,,,G-1,5,1,,\n";
    // An unterminated quote swallows the rest of the file, so nothing follows it.
    const bool swallows = reason.contains("never closed");
    const std::string after = swallows ? "" : "ok2,Other,x,Acme,,,,,,,,O-1,6,1,,\n";
    const std::string csv = std::string(kLegacyHeader) + good + row.toStdString() + "\n" + after;
    auto import = importText(csv);
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    const RejectedRow& r = import->report.rejected.front();
    QCOMPARE(r.line, std::int64_t(3));
    if (column > 0)
        QCOMPARE(r.column, column);
    QVERIFY2(QString::fromStdString(r.reason).contains(reason), r.reason.c_str());
    QVERIFY(QString::fromStdString(r.raw).startsWith(row.left(10)));
    QVERIFY(find(*import, "ok"));
    if (!swallows)
        QVERIFY2(find(*import, "ok2"), "rows after a bad row are still read");
}

void TestShopifyImport::fileLevelErrors_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty file") << QByteArray() << "products.csv is empty";
    QTest::newRow("only blank lines") << QByteArray("\n\r\n  \n") << "holds no data";
    QTest::newRow("missing Handle column")
        << QByteArray("Title,Price\nTee,5\n") << "line 1: missing required column Handle";
    QTest::newRow("missing both columns")
        << QByteArray("sku,name\n1,x\n")
        << "missing required columns Handle (or URL handle), Title";
    QTest::newRow("binary garbage")
        << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) << "looks like a binary file";
}

void TestShopifyImport::fileLevelErrors() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    auto import = importText(bytes.toStdString());
    QVERIFY(!import.isOk());
    QCOMPARE(import.status().code(), StatusCode::InvalidArgument);
    QVERIFY2(QString::fromStdString(import.status().message()).contains(message),
             import.status().message().c_str());
}

void TestShopifyImport::encodingsAndLineEndings_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("title");
    const QByteArray body = "Handle,Title,Variant Price\r\ncafe,Caf\xC3\xA9 Cr\xC3\xA8me,5\r\n";
    QTest::newRow("UTF-8 CRLF") << body << "UTF-8"
                                << "Café Crème";
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBF") + body << "UTF-8 with BOM"
                               << "Café Crème";
    QTest::newRow("Windows-1252") << QByteArray(
                                         "Handle,Title,Variant Price\ncafe,Caf\xE9 Cr\xE8me,5\n")
                                  << "Windows-1252"
                                  << "Café Crème";
    QByteArray utf16("\xFF\xFE", 2);
    for (QChar c : QString::fromUtf8(body)) {
        utf16.append(char(c.unicode() & 0xFF));
        utf16.append(char(c.unicode() >> 8));
    }
    QTest::newRow("UTF-16LE from Excel") << utf16 << "UTF-16LE"
                                         << "Café Crème";
    QTest::newRow("semicolons and decimal commas")
        << QByteArray("Handle;Title;Variant Price\ncafe;Caf\xC3\xA9 Cr\xC3\xA8me;5,00\n") << "UTF-8"
        << "Café Crème";
}

void TestShopifyImport::encodingsAndLineEndings() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, title);
    auto import = importText(bytes.toStdString());
    MERCH_VERIFY_OK(import);
    QCOMPARE(QString::fromStdString(import->report.encoding), encoding);
    QCOMPARE(import->products.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(import->products.front().title), title);
    QCOMPARE(import->products.front().price, 5.0);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
}

void TestShopifyImport::duplicateSkusAreWarnedAbout() {
    const std::string csv = "Handle,Title,Variant SKU,Variant Price\na,A,SKU-1,5\nb,B,SKU-1,6\n";
    auto import = importText(csv);
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->products.size(), std::size_t(2));
    QCOMPARE(import->report.warnings.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(import->report.warnings.front())
                .contains("SKU SKU-1 on line 3 also appears on line 2"));
}

void TestShopifyImport::cancelStops() {
    std::string csv = "Handle,Title,Variant Price\n";
    for (int i = 0; i < 10000; ++i)
        csv += "p" + std::to_string(i) + ",Product " + std::to_string(i) + ",5\n";
    RunControl control;
    control.progress = [](double, std::string_view) { return false; };
    auto import = importText(csv, control);
    QCOMPARE(import.status().code(), StatusCode::Cancelled);
}

void TestShopifyImport::publishedFixturesImport_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("products");
    QTest::addColumn<int>("variants"); // rows with an option value, SKU or price (counted with
                                       // Python's csv module; image-only rows excluded)
    QTest::newRow("Shopify partners apparel (legacy)")
        << "shopify_partners_apparel.csv" << 20 << 22;
    QTest::newRow("2023 template") << "shopify_product_template_2023.csv" << 3 << 16;
    QTest::newRow("2025 template") << "shopify_product_template_2025.csv" << 2 << 15;
}

void TestShopifyImport::publishedFixturesImport() {
    QFETCH(QString, file);
    QFETCH(int, products);
    QFETCH(int, variants);
    const QString path =
        QStringLiteral(MERCH_TEST_DATA_DIR) + "/catalogs/shopify-published/" + file;
    std::ifstream in(path.toStdString(), std::ios::binary);
    QVERIFY2(in, qPrintable(path));
    ImportOptions options;
    options.fileName = file.toStdString();
    auto import = importShopifyCatalog(in, options, {});
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    QCOMPARE(int(import->products.size()), products);
    int total = 0;
    for (const auto& p : import->products) {
        QVERIFY2(!p.title.empty(), p.id.c_str());
        QVERIFY(p.price > 0);
        total += int(p.variants.size());
    }
    QCOMPARE(total, variants);
}

void TestShopifyImport::realStoreExportsImport_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("products");
    QTest::newRow("earth-revibe (21 metafield columns)")
        << "shopify_export_real_apparel_earth-revibe.csv" << 23;
    QTest::newRow("citrixclothes (Linked To)")
        << "shopify_export_real_apparel_citrixclothes.csv" << 3;
    QTest::newRow("ronne2406 (81 columns, 12 markets)")
        << "shopify_export_real_jewelry_ronne2406.csv" << 196;
}

void TestShopifyImport::realStoreExportsImport() {
    QFETCH(QString, file);
    QFETCH(int, products);
    const QString path = QStringLiteral(MERCH_SHARED_DATA_DIR) + "/catalogs/" + file;
    if (!QFile::exists(path))
        QSKIP(qPrintable("../shared/data is absent (" + path + "); real exports not checked"));
    std::ifstream in(path.toStdString(), std::ios::binary);
    ImportOptions options;
    options.fileName = file.toStdString();
    auto import = importShopifyCatalog(in, options, {});
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(0));
    QCOMPARE(int(import->products.size()), products);
    int withColor = 0;
    for (const auto& p : import->products)
        withColor += p.color.empty() ? 0 : 1;
    QVERIFY2(withColor > 0, "colors come from options or the color metafield");
}

QTEST_GUILESS_MAIN(TestShopifyImport)
#include "tst_shopify_import.moc"
