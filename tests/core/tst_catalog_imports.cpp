// WooCommerce, Google Merchant Center, generic CSV (with a column mapping) and Best Buy catalog
// imports: field mapping and variant grouping on fixtures written here, malformed input of every
// kind per format, and the real files in ../shared/data when they are there.
#include <QTest>

#include <fstream>
#include <map>
#include <sstream>

#include "merch/catalog_importers.h"
#include "test_support.h"

using namespace merch;

namespace {

Result<CatalogImport> guessedCsv(std::istream& in, const ImportOptions& o, const RunControl& c) {
    return importGenericCatalogCsv(in, o, c);
}

Result<CatalogImport> importAs(const QString& format, const std::string& bytes,
                               RunControl control = {}) {
    std::istringstream in(bytes);
    ImportOptions options;
    options.fileName = "products." + format.toStdString();
    options.maxFieldBytes = 4096;
    if (format == "woocommerce")
        return importWooCommerceCatalog(in, options, control);
    if (format == "gmc")
        return importGoogleMerchantFeed(in, options, control);
    if (format == "csv")
        return guessedCsv(in, options, control);
    return importBestBuyProducts(in, options, control);
}

const Product* find(const CatalogImport& import, const std::string& id) {
    for (const auto& p : import.products) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

QString messages(const std::vector<std::string>& texts) {
    QStringList list;
    for (const auto& t : texts)
        list << QString::fromStdString(t);
    return list.join(" | ");
}

// Every rejected row as "line: reason", for failure messages.
std::string rejectedText(const CatalogImport& import) {
    std::string text;
    for (const auto& r : import.report.rejected)
        text += "line " + std::to_string(r.line) + ": " + r.reason + "; ";
    return text;
}

// A CSV line from fields written as they appear in the file (quotes included).
std::string line(std::initializer_list<std::string_view> fields) {
    std::string out;
    for (const auto f : fields)
        out += (out.empty() ? "" : ",") + std::string(f);
    return out + "\n";
}

const std::string kWooHeader =
    "\xEF\xBB\xBFID,Type,SKU,Name,Published,Short description,Description,Regular price,"
    "Sale price,Categories,Tags,Images,Parent,Grouped products,Stock,In stock?,Brands,"
    "\"GTIN, UPC, EAN, or ISBN\",Attribute 1 name,Attribute 1 value(s),Attribute 2 name,"
    "Attribute 2 value(s)\n";

// The same three items (two variants of TEE, one MUG) in the feed's three shapes.
const std::string kGmcTsv =
    "id\ttitle\tdescription\tlink\timage_link\tavailability\tprice\tsale_price\tbrand\tgtin\t"
    "google_product_category\tproduct_type\tcolor\tsize\tmaterial\titem_group_id\n"
    "TEE-R-M\tTee Red M\tSoft tee\thttps://x/t\thttps://x/t.jpg\tin_stock\t25.00 USD\t\tAcme\t\t"
    "Apparel & Accessories > Clothing\tMen > Shirts > Tees\tRed\tM\tCotton\tTEE\n"
    "TEE-B-L\tTee Blue L\tSoft tee\thttps://x/t\thttps://x/t2.jpg\tout_of_stock\tUSD 25.00\t"
    "19.99 USD\tAcme\t\tApparel & Accessories > Clothing\tMen > Shirts > Tees\tBlue\tL\tCotton\t"
    "TEE\n"
    "MUG-1\tStoneware Mug\tHeavy mug\thttps://x/m\thttps://x/m.jpg\tin_stock\t12.5 USD\t\tClayCo\t"
    "4006381333931\t2169\tHome > Kitchen\t\t\tStoneware\t\n";
const std::string kGmcRss =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:g=\"http://base.google.com/ns/1.0\">\n"
    "<channel><title>Store</title><link>https://x</link>\n"
    "<item><g:id>TEE-R-M</g:id><title>Tee Red M</title><description><![CDATA[Soft "
    "tee]]></description>\n"
    "<link>https://x/t</link><g:image_link>https://x/t.jpg</g:image_link><g:price>25.00 "
    "USD</g:price>\n"
    "<g:brand>Acme</g:brand><g:google_product_category>Apparel &amp; Accessories &gt; "
    "Clothing</g:google_product_category>\n"
    "<g:product_type>Men &gt; Shirts &gt; "
    "Tees</g:product_type><g:color>Red</g:color><g:size>M</g:size>\n"
    "<g:material>Cotton</g:material><g:item_group_id>TEE</g:item_group_id>\n"
    "<g:shipping><g:country>US</g:country><g:price>4.95 USD</g:price></g:shipping></item>\n"
    "<item><g:id>TEE-B-L</g:id><g:title>Tee Blue L</g:title><title>ignored: g:title wins</title>\n"
    "<g:description>Soft tee</g:description><g:price>USD 25.00</g:price><g:sale_price>19.99 "
    "USD</g:sale_price>\n"
    "<g:color>Blue</g:color><g:size>L</g:size><g:item_group_id>TEE</g:item_group_id></item>\n"
    "<item><g:id>MUG-1</g:id><g:title>Stoneware Mug</g:title><g:description>Heavy "
    "mug</g:description>\n"
    "<g:image_link>https://x/m.jpg</g:image_link><g:price>12.5 "
    "USD</g:price><g:brand>ClayCo</g:brand>\n"
    "<g:gtin>4006381333931</g:gtin><g:google_product_category>2169</g:google_product_category>\n"
    "<g:product_type>Home &gt; Kitchen</g:product_type><g:material>Stoneware</g:material></item>\n"
    "</channel></rss>\n";
const std::string kGmcAtom =
    "<?xml version=\"1.0\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:google=\"http://base.google.com/ns/1.0\">\n"
    "<title>Store</title><id>tag:x,2026:feed</id>\n"
    "<entry><id>tag:x,2026:1</id><google:id>TEE-R-M</google:id><title>Tee Red M</title>\n"
    "<summary>Soft tee</summary><link "
    "href=\"https://x/t\"/><google:image_link>https://x/t.jpg</google:image_link>\n"
    "<google:price>25.00 USD</google:price><google:brand>Acme</google:brand>\n"
    "<google:google_product_category>Apparel &amp; Accessories &gt; "
    "Clothing</google:google_product_category>\n"
    "<google:product_type>Men &gt; Shirts &gt; "
    "Tees</google:product_type><google:color>Red</google:color>\n"
    "<google:size>M</google:size><google:material>Cotton</google:material>\n"
    "<google:item_group_id>TEE</google:item_group_id></entry>\n"
    "<entry><google:id>TEE-B-L</google:id><title>Tee Blue L</title><summary>Soft tee</summary>\n"
    "<google:price>USD 25.00</google:price><google:sale_price>19.99 USD</google:sale_price>\n"
    "<google:color>Blue</google:color><google:size>L</google:size><google:item_group_id>TEE</"
    "google:item_group_id></entry>\n"
    "<entry><google:id>MUG-1</google:id><title>Stoneware Mug</title><summary>Heavy mug</summary>\n"
    "<google:image_link>https://x/m.jpg</google:image_link><google:price>12.5 USD</google:price>\n"
    "<google:brand>ClayCo</google:brand><google:gtin>4006381333931</google:gtin>\n"
    "<google:google_product_category>2169</google:google_product_category>\n"
    "<google:product_type>Home &gt; "
    "Kitchen</google:product_type><google:material>Stoneware</google:material></entry>\n"
    "</feed>\n";

} // namespace

class TestCatalogImports : public QObject {
    Q_OBJECT

private slots:
    void wooCommerceFieldsAndVariations();
    void googleMerchantFeedShapes_data();
    void googleMerchantFeedShapes();
    void googleMerchantXmlItemsAreRejected();
    void genericCsvWithMapping();
    void genericCsvWithoutHeader();
    void guessMapping_data();
    void guessMapping();
    void mappingJson_data();
    void mappingJson();
    void bestBuyList();
    void fileLevelErrors_data();
    void fileLevelErrors();
    void badRowsAreRejected_data();
    void badRowsAreRejected();
    void encodingsQuotesAndLineEndings_data();
    void encodingsQuotesAndLineEndings();
    void cancelStops_data();
    void cancelStops();
    void realWooCommerceSample();
    void realBestBuyProducts();
};

void TestCatalogImports::wooCommerceFieldsAndVariations() {
    const std::string csv =
        kWooHeader +
        // A variation before its parent, pointing to it by ID.
        line({"11",         "variation",
              "HOOD-RED-M", "Hoodie - Red M",
              "1",          "",
              "",           "45",
              "39",         "",
              "",           "",
              "id:10",      "",
              "3",          "1",
              "",           "4006381333931",
              "Colour",     "Red",
              "Size",       "M"}) +
        line({"10",
              "variable",
              "HOOD",
              "Hoodie",
              "1",
              "Warm",
              "Line one\\nLine two",
              "",
              "",
              "\"Clothing > Hoodies, Clothing\"",
              "\"winter, sale\"",
              "\"https://x/h1.jpg, https://x/h2.jpg\"",
              "",
              "",
              "",
              "1",
              "Acme",
              "",
              "Colour",
              "\"Red, Blue\"",
              "Size",
              "\"M, L\""}) +
        // A variation pointing to its parent by SKU.
        line({"12",
              "variation",
              "HOOD-BLUE-L",
              "Hoodie - Blue L",
              "1",
              "",
              "",
              "49",
              "",
              "",
              "",
              "",
              "HOOD",
              "",
              "0",
              "0",
              "",
              "",
              "Colour",
              "Blue",
              "Size",
              "L"}) +
        line({"20",       "simple",
              "BEANIE",   "Beanie",
              "-1",       "Knit cap",
              "",         "20",
              "18",       "\"Clothing > Accessories\\, Hats\"",
              "",         "https://x/b.jpg",
              "",         "",
              "7",        "1",
              "",         "",
              "Material", "Wool",
              "pa_color", "Grey"}) +
        line({"30", "grouped",         "SET", "Winter Set", "1", "", "", "", "", "Clothing", "", "",
              "",   "\"HOOD, id:20\"", "",    "1",          "",  "", "", "", "", ""}) +
        line({"40", "external", "", "Pennant", "0", "", "", "11.05", "", "Decor", "",
              "",   "",         "", "",        "1", "", "", "",      "", "",      ""}) +
        line({"13", "variation", "GONE-1", "Ghost", "1", "", "", "5", "", "", "",
              "",   "id:99",     "",       "",      "1", "", "", "",  "", "", ""});
    auto import = importAs("woocommerce", csv);
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.encoding, std::string("UTF-8 with BOM"));
    QCOMPARE(import->report.rowsRead, std::int64_t(7));
    QCOMPARE(import->products.size(), std::size_t(4));
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    const RejectedRow& orphan = import->report.rejected.front();
    QCOMPARE(orphan.line, std::int64_t(8));
    QVERIFY2(orphan.reason.find("parent 'id:99' is not in the file") != std::string::npos,
             orphan.reason.c_str());
    QVERIFY(orphan.column > 0);

    const Product* hoodie = find(*import, "HOOD");
    QVERIFY(hoodie);
    QCOMPARE(hoodie->title, std::string("Hoodie"));
    QCOMPARE(hoodie->description, std::string("Line one\nLine two"));
    QCOMPARE(hoodie->category, std::string("Clothing")); // the deepest listed path
    QCOMPARE(hoodie->subcategory, std::string("Hoodies"));
    QCOMPARE(hoodie->tags, std::string("winter, sale"));
    QCOMPARE(hoodie->imageUrl, std::string("https://x/h1.jpg"));
    QCOMPARE(hoodie->brand, std::string("Acme"));
    QCOMPARE(hoodie->gtin, std::string("4006381333931")); // from its variation
    QCOMPARE(hoodie->status, std::string("active"));
    QCOMPARE(hoodie->variants.size(), std::size_t(2));
    QCOMPARE(hoodie->variants[0].sku, std::string("HOOD-RED-M"));
    QCOMPARE(hoodie->variants[0].color, std::string("Red"));
    QCOMPARE(hoodie->variants[0].size, std::string("M"));
    QCOMPARE(hoodie->variants[0].price, 39.0); // the sale price
    QCOMPARE(hoodie->variants[0].inventory, std::int64_t(3));
    QCOMPARE(hoodie->variants[1].color, std::string("Blue"));
    QCOMPARE(hoodie->variants[1].price, 49.0);
    QCOMPARE(hoodie->price, 39.0); // the lowest variant price
    QCOMPARE(hoodie->color, std::string("Red"));

    const Product* beanie = find(*import, "BEANIE");
    QVERIFY(beanie);
    QCOMPARE(beanie->status, std::string("draft"));
    QCOMPARE(beanie->subcategory, std::string("Accessories, Hats")); // "\," is not a separator
    QCOMPARE(beanie->material, std::string("Wool"));
    QCOMPARE(beanie->color, std::string("Grey")); // "pa_color": a global attribute
    QCOMPARE(beanie->price, 18.0);
    QCOMPARE(beanie->variants.size(), std::size_t(1));
    QCOMPARE(beanie->variants[0].inventory, std::int64_t(7));

    const Product* set = find(*import, "SET");
    QVERIFY(set);
    QVERIFY(set->variants.empty());
    QCOMPARE(set->price, 18.0);                   // its cheapest child, the beanie
    const Product* pennant = find(*import, "40"); // no SKU: the ID
    QVERIFY(pennant);
    QCOMPARE(pennant->price, 11.05);
    QCOMPARE(pennant->status, std::string("draft"));
}

void TestCatalogImports::googleMerchantFeedShapes_data() {
    QTest::addColumn<QString>("feed");
    QTest::newRow("TSV") << QString::fromStdString(kGmcTsv);
    QTest::newRow("RSS 2.0") << QString::fromStdString(kGmcRss);
    QTest::newRow("Atom, other prefix") << QString::fromStdString(kGmcAtom);
    QTest::newRow("TSV with g: headers, CRLF") << QString::fromStdString(kGmcTsv)
                                                      .replace("\n", "\r\n")
                                                      .replace("\tprice\t", "\tg:price\t");
}

void TestCatalogImports::googleMerchantFeedShapes() {
    QFETCH(QString, feed);
    auto import = importAs("gmc", feed.toStdString());
    MERCH_VERIFY_OK(import);
    QVERIFY2(import->report.rejected.empty(), rejectedText(*import).c_str());
    QCOMPARE(import->report.rowsRead, std::int64_t(3));
    QCOMPARE(import->products.size(), std::size_t(2));
    const Product* tee = find(*import, "TEE");
    QVERIFY2(tee, "items sharing item_group_id are one product named after the group");
    QCOMPARE(tee->title, std::string("Tee Red M"));
    QCOMPARE(tee->description, std::string("Soft tee"));
    QCOMPARE(tee->brand, std::string("Acme"));
    QCOMPARE(tee->imageUrl, std::string("https://x/t.jpg"));
    QCOMPARE(tee->taxonomy, std::string("Apparel & Accessories > Clothing"));
    QCOMPARE(tee->category, std::string("Men"));
    QCOMPARE(tee->subcategory, std::string("Tees"));
    QCOMPARE(tee->material, std::string("Cotton"));
    QCOMPARE(tee->variants.size(), std::size_t(2));
    QCOMPARE(tee->variants[0].sku, std::string("TEE-R-M"));
    QCOMPARE(tee->variants[0].price, 25.0);
    QCOMPARE(tee->variants[1].sku, std::string("TEE-B-L"));
    QCOMPARE(tee->variants[1].color, std::string("Blue"));
    QCOMPARE(tee->variants[1].size, std::string("L"));
    QCOMPARE(tee->variants[1].price, 19.99); // sale_price when set
    QCOMPARE(tee->price, 19.99);
    QCOMPARE(tee->color, std::string("Red"));
    const Product* mug = find(*import, "MUG-1");
    QVERIFY(mug);
    QCOMPARE(mug->gtin, std::string("4006381333931"));
    QCOMPARE(mug->taxonomy, std::string("2169"));
    QCOMPARE(mug->category, std::string("Home"));
    QCOMPARE(mug->subcategory, std::string("Kitchen"));
    QCOMPARE(mug->price, 12.5);
    QCOMPARE(mug->variants.size(), std::size_t(1));
}

void TestCatalogImports::googleMerchantXmlItemsAreRejected() {
    const std::string rss =
        "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n"
        "<item><g:id>A</g:id><title>Alpha</title><g:price>5 USD</g:price></item>\n"
        "<item><title>No id</title></item>\n"
        "  <item><g:id>B</g:id><g:price>-2 USD</g:price></item>\n"
        "<item><g:id>A</g:id><title>Other</title></item>\n"
        "<item><g:id>A</g:id><title>Alpha</title><g:price>5 USD</g:price></item>\n"
        "<item><g:id>C</g:id><g:description>" +
        std::string(5000, 'x') + "</g:description></item>\n</channel></rss>\n";
    auto import = importAs("gmc", rss);
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->products.size(), std::size_t(1));
    QCOMPARE(import->report.rowsRead, std::int64_t(6));
    const auto& rejected = import->report.rejected;
    QCOMPARE(rejected.size(), std::size_t(4));
    QCOMPARE(rejected[0].line, std::int64_t(3));
    QCOMPARE(rejected[0].reason, std::string("the item has no id"));
    QCOMPARE(rejected[0].raw, std::string("<item><title>No id</title></item>"));
    QCOMPARE(rejected[1].line, std::int64_t(4));
    QCOMPARE(rejected[1].column, 23); // the <g:price> element
    QCOMPARE(rejected[1].reason, std::string("price -2 USD is negative"));
    QCOMPARE(rejected[2].line, std::int64_t(5));
    QVERIFY(rejected[2].reason.find("id A is already used by the row on line 2") !=
            std::string::npos);
    QCOMPARE(rejected[3].line, std::int64_t(7));
    QCOMPARE(rejected[3].reason, std::string("<description> is longer than 4 KiB"));
    QCOMPARE(rejected[3].raw.size(), std::size_t(4096)); // the raw text is cut as well
    QVERIFY(messages(import->report.warnings).contains("1 row repeats an earlier row exactly"));
    auto mixed = importAs("gmc", "id\ttitle\tprice\nA\tA\t5 USD\nB\tB\t5 EUR\n");
    MERCH_VERIFY_OK(mixed);
    QVERIFY2(
        messages(mixed->report.warnings)
            .contains("the feed mixes currencies: EUR (first on line 3), USD (first on line 2)"),
        qPrintable(messages(mixed->report.warnings)));
}

void TestCatalogImports::genericCsvWithMapping() {
    CatalogColumnMapping mapping; // the names of the example in the issue
    mapping.id = "sku";
    mapping.title = "name";
    mapping.price = "price_eur";
    mapping.category = "cat";
    mapping.groupId = "parent";
    mapping.color = "colour";
    const std::string csv = "sku,name,price_eur,cat,parent,colour,ignored\n"
                            "T-1,Tee,\"12,50\",Tops > Tees,TEE,Red,x\n"
                            "T-2,Tee,11.00 EUR,Tops > Tees,TEE,Blue,y\n"
                            "M-1,Mug,8,Kitchen,,,z\n"
                            ",Tee,13,Tops > Tees,TEE,Green,w\n"; // a variant without a SKU
    std::istringstream in(csv);
    auto import = importGenericCatalogCsv(in, mapping, {}, {});
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.format, std::string("csv"));
    QCOMPARE(import->products.size(), std::size_t(2));
    const Product* tee = find(*import, "TEE");
    QVERIFY(tee);
    QCOMPARE(tee->variants.size(), std::size_t(3));
    QCOMPARE(tee->variants[0].sku, std::string("T-1"));
    QCOMPARE(tee->variants[2].sku, std::string());
    QCOMPARE(tee->variants[2].color, std::string("Green"));
    QCOMPARE(tee->variants[0].price, 12.5);
    QCOMPARE(tee->price, 11.0);
    QCOMPARE(tee->category, std::string("Tops"));
    QCOMPARE(tee->subcategory, std::string("Tees"));
    QCOMPARE(tee->color, std::string("Red"));
    QVERIFY(find(*import, "M-1"));

    mapping.price = "preis";
    std::istringstream again(csv);
    auto missing = importGenericCatalogCsv(again, mapping, {"p.csv"}, {});
    QVERIFY(!missing.isOk());
    QVERIFY2(QString::fromStdString(missing.status().message())
                 .contains("p.csv, line 1: the mapping's column 'preis' (for price) is not in the "
                           "header (sku, name,"),
             missing.status().message().c_str());
}

void TestCatalogImports::genericCsvWithoutHeader() {
    CatalogColumnMapping mapping;
    mapping.hasHeader = false;
    mapping.id = "#1";
    mapping.title = "#2";
    mapping.price = "#3";
    std::istringstream in("A;Alpha;5\nB;Beta;6\n");
    auto import = importGenericCatalogCsv(in, mapping, {}, {});
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->products.size(), std::size_t(2));
    QCOMPARE(import->products[0].title, std::string("Alpha"));
    mapping.price = "#4";
    std::istringstream again("A;Alpha;5\n");
    auto tooFar = importGenericCatalogCsv(again, mapping, {}, {});
    QVERIFY(!tooFar.isOk());
    QVERIFY(QString::fromStdString(tooFar.status().message()).contains("the file has 3 columns"));
}

void TestCatalogImports::guessMapping_data() {
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("expected"); // id|title|price|category|group|error
    QTest::newRow("English abbreviations") << "sku,name,price_eur,cat"
                                           << "sku|name|price_eur|cat||";
    QTest::newRow("product id and SKU") << "Product ID,SKU,Title,Price"
                                        << "SKU|Title|Price||Product ID|";
    QTest::newRow("German") << "Artikelnummer;Bezeichnung;Preis (EUR);Kategorie;Farbe"
                            << "Artikelnummer|Bezeichnung|Preis (EUR)|Kategorie||";
    QTest::newRow("French") << "Référence;Désignation;Prix TTC;Catégorie"
                            << "Référence|Désignation|Prix TTC|Catégorie||";
    QTest::newRow("Spanish") << "Código,Nombre,Precio,Categoría"
                             << "Código|Nombre|Precio|Categoría||";
    QTest::newRow("Google feed") << "id,title,price,product_type,item_group_id"
                                 << "id|title|price|product_type|item_group_id|";
    QTest::newRow("no id") << "foo,name"
                           << "|||||no column looks like an id";
    QTest::newRow("no title") << "sku,price"
                              << "|||||no column looks like a title";
}

void TestCatalogImports::guessMapping() {
    QFETCH(QString, header);
    QFETCH(QString, expected);
    const QStringList want = expected.split('|');
    std::vector<std::string> names;
    for (const auto& n : header.split(header.contains(';') ? ';' : ','))
        names.push_back(n.toStdString());
    auto mapping = guessCatalogMapping(names);
    if (!want[5].isEmpty()) {
        QVERIFY(!mapping.isOk());
        QVERIFY2(QString::fromStdString(mapping.status().message()).contains(want[5]),
                 mapping.status().message().c_str());
        return;
    }
    MERCH_VERIFY_OK(mapping);
    QCOMPARE(QString::fromStdString(mapping->id), want[0]);
    QCOMPARE(QString::fromStdString(mapping->title), want[1]);
    QCOMPARE(QString::fromStdString(mapping->price), want[2]);
    QCOMPARE(QString::fromStdString(mapping->category), want[3]);
    QCOMPARE(QString::fromStdString(mapping->groupId), want[4]);
}

void TestCatalogImports::mappingJson_data() {
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("error"); // empty: reads
    QTest::newRow("saved form")
        << "{\"format\":\"merchsim-catalog-mapping\",\"version\":1,\n"
           "        "
           "\"header\":true,\"columns\":{\"id\":\"sku\",\"title\":\"name\",\"image_url\":\"img\"}}"
        << "";
    QTest::newRow("not JSON") << "{\"columns\": "
                              << "not valid JSON (at byte";
    QTest::newRow("typo in a field")
        << "{\"columns\":{\"id\":\"a\",\"title\":\"b\",\"prise\":\"c\"}}"
        << "unknown field \"prise\" (fields: id, title, group_id";
    QTest::newRow("number for a column") << "{\"columns\":{\"id\":1,\"title\":\"b\"}}"
                                         << "field \"id\" must name a column as a string";
    QTest::newRow("id missing") << "{\"columns\":{\"title\":\"b\"}}"
                                << "id names no column";
    QTest::newRow("names without a header")
        << "{\"header\":false,\"columns\":{\"id\":\"#1\",\"title\":\"name\"}}"
        << "title names the column 'name', but the file has no header";
    QTest::newRow("newer version") << "{\"version\":2,\"columns\":{}}"
                                   << "\"version\" 2";
}

void TestCatalogImports::mappingJson() {
    QFETCH(QString, json);
    QFETCH(QString, error);
    auto mapping = mappingFromJson(json.toStdString());
    if (!error.isEmpty()) {
        QVERIFY(!mapping.isOk());
        QVERIFY2(QString::fromStdString(mapping.status().message()).contains(error),
                 mapping.status().message().c_str());
        return;
    }
    MERCH_VERIFY_OK(mapping);
    QCOMPARE(mapping->imageUrl, std::string("img"));
    // Saved and read back, it is the same mapping.
    auto again = mappingFromJson(mappingToJson(*mapping));
    MERCH_VERIFY_OK(again);
    QCOMPARE(mappingToJson(*again, -1), mappingToJson(*mapping, -1));
    QCOMPARE(again->title, std::string("name"));
}

void TestCatalogImports::bestBuyList() {
    const std::string csv = "\"1004622\",\"Sniper: Ghost Warrior - Xbox 360\",\"2010-05-17\",\n"
                            "\"1010544\",\"Monopoly Streets, Deluxe\",\"soon\",\n"
                            "\"1004622\",\"Sniper: Ghost Warrior - Xbox 360\",\"2010-05-17\",\n"
                            "\"1004622\",\"Another name\",\"2010-05-17\",\n"
                            "\"1011067\",\"MySims: SkyHeroes - Xbox 360\",\"2010-05-18\"\n";
    auto import = importAs("bestbuy", csv);
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rowsRead, std::int64_t(5));
    QCOMPARE(import->products.size(), std::size_t(3)); // the bad date kept its product
    QCOMPARE(import->products[1].title, std::string("Monopoly Streets, Deluxe"));
    QCOMPARE(import->products[1].variants.front().sku, std::string("1010544"));
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    QCOMPARE(import->report.rejected[0].line, std::int64_t(4));
    QVERIFY(import->report.rejected[0].reason.find("SKU 1004622 is already used by the row on "
                                                   "line 1") != std::string::npos);
    const QString warnings = messages(import->report.warnings);
    QVERIFY2(warnings.contains("1 row has a release date that is not a date (first: line 2: "
                               "'soon'); the products were kept"),
             qPrintable(warnings));
    QVERIFY2(warnings.contains("1 row repeats an earlier row exactly and was skipped (the first: "
                               "line 3 repeats line 1)"),
             qPrintable(warnings));
    auto header = importAs("bestbuy", "sku,name,release date\n\"1\",\"A\",\"2010-01-01\",\n");
    MERCH_VERIFY_OK(header);
    QCOMPARE(header->products.size(), std::size_t(1));
    QCOMPARE(header->report.rowsRead, std::int64_t(1));
}

void TestCatalogImports::fileLevelErrors_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    for (const QString format : {"woocommerce", "gmc", "csv", "bestbuy"}) {
        QTest::addRow("%s: empty file", qPrintable(format)) << format << QByteArray() << "is empty";
        QTest::addRow("%s: binary garbage", qPrintable(format))
            << format << png << "looks like a binary file";
        QTest::addRow("%s: blank lines", qPrintable(format))
            << format << QByteArray("\r\n\n") << "holds no data";
    }
    QTest::newRow("woocommerce: missing columns")
        << "woocommerce" << QByteArray("Type,Regular price\nsimple,5\n")
        << "products.woocommerce, line 1: missing required columns ID (or SKU), Name";
    QTest::newRow("gmc: TSV without price")
        << "gmc" << QByteArray("id\ttitle\n1\tMug\n") << "line 1: missing required column price";
    QTest::newRow("gmc: unclosed tag")
        << "gmc"
        << QByteArray("<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\n<item>\n"
                      "<g:id>1</g:id>\n  <title>Mug</item>\n</channel></rss>\n")
        << "products.gmc, line 4, column 15: the XML is malformed (Start-end tags mismatch)";
    QTest::newRow("gmc: truncated XML")
        << "gmc" << QByteArray("<rss><channel><item><g:id>1</g:id>") << "line 1, column";
    QTest::newRow("gmc: not a feed")
        << "gmc" << QByteArray("<html><body/></html>") << "the XML root element is <html>";
    QTest::newRow("csv: nothing to guess from")
        << "csv" << QByteArray("foo,bar\n1,2\n")
        << "products.csv, line 1: no column looks like an id";
}

void TestCatalogImports::fileLevelErrors() {
    QFETCH(QString, format);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    auto import = importAs(format, bytes.toStdString());
    QVERIFY(!import.isOk());
    QCOMPARE(import.status().code(), StatusCode::InvalidArgument);
    QVERIFY2(QString::fromStdString(import.status().message()).contains(message),
             import.status().message().c_str());
}

void TestCatalogImports::badRowsAreRejected_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("bad"); // the row between two good ones
    QTest::addColumn<int>("column");  // 0: not checked (the whole row)
    QTest::addColumn<QString>("reason");
    const QString huge(5000, 'x');
    const auto add = [](const char* name, const char* format, const QString& bad, int column,
                        const char* reason) {
        QTest::addRow("%s: %s", format, name) << format << bad << column << reason;
    };
    // WooCommerce, header ID,Type,SKU,Name,Regular price,Stock.
    add("non-numeric price", "woocommerce", "2,simple,B,Beta,abc,1", 17,
        "regular price 'abc' is not a number");
    add("negative price", "woocommerce", "2,simple,B,Beta,-5,1", 17,
        "regular price -5 is negative");
    add("ragged row", "woocommerce", "2,simple,B", 0, "row has 3 fields, the header has 6");
    add("bad stock", "woocommerce", "2,simple,B,Beta,5,lots", 19, "stock 'lots' is not a whole");
    add("duplicate SKU", "woocommerce", "2,simple,A,Other,5,1", 10,
        "SKU A is already used by the row on line 2");
    add("duplicate ID", "woocommerce", "1,simple,B,Other,5,1", 1,
        "ID 1 is already used by the row on line 2");
    add("no ID or SKU", "woocommerce", ",simple,,Nameless,5,1", 1, "neither an ID nor a SKU");
    add("variation without parent", "woocommerce", "2,variation,B,Beta,5,1", 0,
        "the variation names no parent product");
    add("huge field", "woocommerce", "2,simple,B," + huge + ",5,1", 0, "longer than 4 KiB");
    add("unterminated quote", "woocommerce", "2,simple,B,\"Beta,5,1", 0, "never closed");
    // Google Merchant Center TSV, header id, title, price, item_group_id.
    add("non-numeric price", "gmc", "B\tBeta\tabc USD\t", 8, "price 'abc USD' is not a number");
    add("negative price", "gmc", "B\tBeta\t-3 USD\t", 8, "price -3 USD is negative");
    add("ragged row", "gmc", "B\tBeta", 0, "row has 2 fields, the header has 4");
    add("duplicate id", "gmc", "A\tOther\t5 USD\t", 1, "id A is already used by the row on line 2");
    add("no id", "gmc", "\tNameless\t5 USD\t", 1, "the item has no id");
    add("group id taken by an item", "gmc", "A-1\tVariant\t5 USD\tA", 19,
        "item_group_id A is also the id of the item on line 2");
    add("huge field", "gmc", "B\t" + huge + "\t5 USD\t", 0, "longer than 4 KiB");
    // Generic CSV, header sku, name, price, stock (mapping guessed).
    add("non-numeric price", "csv", "B,Beta,abc,1", 8, "price 'abc' is not a number");
    add("negative price", "csv", "B,Beta,-5,1", 8, "price -5 is negative");
    add("ragged row", "csv", "B,Beta", 0, "row has 2 fields, the header has 4");
    add("duplicate id", "csv", "A,Other,5,1", 1, "id A is already used by the row on line 2");
    add("no id", "csv", ",Nameless,5,1", 1, "the row has no id (column sku)");
    add("bad inventory", "csv", "B,Beta,5,many", 10, "inventory 'many' is not a whole number");
    add("huge field", "csv", "B," + huge + ",5,1", 0, "longer than 4 KiB");
    add("text after a closing quote", "csv", "B,\"Beta \"x,5,1", 0,
        "unexpected text after the closing quote");
    // Best Buy, no header.
    add("ragged row", "bestbuy", "\"B\",\"Beta\"", 0, "row has 2 fields; expected sku, name");
    add("extra field", "bestbuy", "\"B\",\"Beta\",\"2010-01-01\",\"x\"", 25, "row has 4 fields");
    add("no SKU", "bestbuy", "\"\",\"Beta\",\"2010-01-01\",", 1, "the row has no SKU");
    add("duplicate SKU", "bestbuy", "\"A\",\"Other\",\"2010-01-01\",", 1,
        "SKU A is already used by the row on line 1");
    add("huge field", "bestbuy", "\"B\",\"" + huge + "\",\"2010-01-01\",", 0, "longer than 4 KiB");
}

void TestCatalogImports::badRowsAreRejected() {
    QFETCH(QString, format);
    QFETCH(QString, bad);
    QFETCH(int, column);
    QFETCH(QString, reason);
    struct Shape {
        std::string header, good, after;
    };
    const std::map<QString, Shape> shapes = {
        {"woocommerce",
         {"ID,Type,SKU,Name,Regular price,Stock\n", "1,simple,A,Alpha,5,1\n",
          "9,simple,Z,Zulu,6,1\n"}},
        {"gmc", {"id\ttitle\tprice\titem_group_id\n", "A\tAlpha\t5 USD\t\n", "Z\tZulu\t6 USD\t\n"}},
        {"csv", {"sku,name,price,stock\n", "A,Alpha,5,1\n", "Z,Zulu,6,1\n"}},
        {"bestbuy", {"", "\"A\",\"Alpha\",\"2010-01-01\",\n", "\"Z\",\"Zulu\",\"2010-01-02\",\n"}}};
    const Shape& shape = shapes.at(format);
    // An unterminated quote swallows the rest of the file, so nothing follows it.
    const bool swallows = reason.contains("never closed");
    auto import = importAs(format, shape.header + shape.good + bad.toStdString() + "\n" +
                                       (swallows ? "" : shape.after));
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rejected.size(), std::size_t(1));
    const RejectedRow& r = import->report.rejected.front();
    QCOMPARE(r.line, std::int64_t(shape.header.empty() ? 2 : 3));
    if (column > 0)
        QCOMPARE(r.column, column);
    QVERIFY2(QString::fromStdString(r.reason).contains(reason), r.reason.c_str());
    QVERIFY(QString::fromStdString(r.raw).startsWith(bad.left(10)));
    QVERIFY(find(*import, "A"));
    if (!swallows)
        QVERIFY2(find(*import, "Z"), "rows after a bad row are still read");
}

void TestCatalogImports::encodingsQuotesAndLineEndings_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("title");
    const QString cafe = "Café Crème";
    QTest::newRow("woocommerce: BOM and CRLF")
        << "woocommerce"
        << QByteArray("\xEF\xBB\xBFID,Type,SKU,Name,Regular price\r\n"
                      "1,simple,C,Caf\xC3\xA9 Cr\xC3\xA8me,5\r\n")
        << "UTF-8 with BOM" << cafe;
    QTest::newRow("woocommerce: Windows-1252")
        << "woocommerce" << QByteArray("ID,SKU,Name,Regular price\n1,C,Caf\xE9 Cr\xE8me,5\n")
        << "Windows-1252" << cafe;
    QTest::newRow("woocommerce: quotes and a line break in a field")
        << "woocommerce"
        << QByteArray("ID,SKU,Name,Regular price\n1,C,\"The \"\"Best\"\"\nMug\",5\n") << "UTF-8"
        << "The \"Best\"\nMug";
    QTest::newRow("gmc: TSV in Windows-1252")
        << "gmc" << QByteArray("id\ttitle\tprice\nC\tCaf\xE9 Cr\xE8me\t5.00 EUR\n")
        << "Windows-1252" << cafe;
    QTest::newRow("gmc: XML with BOM, CRLF, Latin-1 declaration")
        << "gmc"
        << QByteArray("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\r\n"
                      "<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel>\r\n<item><g:id>C"
                      "</g:id><g:title>Caf\xC3\xA9 Cr\xC3\xA8me</g:title><g:price>5 EUR</g:price>"
                      "</item></channel></rss>\r\n")
        << "UTF-8 with BOM" << cafe;
    QTest::newRow("gmc: XML in Windows-1252")
        << "gmc"
        << QByteArray("<rss xmlns:g=\"http://base.google.com/ns/1.0\"><channel><item><g:id>C"
                      "</g:id><title>Caf\xE9 Cr\xE8me</title><g:price>5</g:price></item>"
                      "</channel></rss>")
        << "Windows-1252" << cafe;
    QTest::newRow("csv: Windows-1252, semicolons, decimal comma")
        << "csv" << QByteArray("Artikelnummer;Bezeichnung;Preis\nC;Caf\xE9 Cr\xE8me;5,00\n")
        << "Windows-1252" << cafe;
    QTest::newRow("csv: BOM, CRLF, quoted line break")
        << "csv"
        << QByteArray("\xEF\xBB\xBFsku,name,price\r\nC,\"Two\r\nlines, \"\"quoted\"\"\",5\r\n")
        << "UTF-8 with BOM"
        << "Two\r\nlines, \"quoted\"";
    QTest::newRow("bestbuy: Windows-1252")
        << "bestbuy" << QByteArray("\"C\",\"Caf\xE9 Cr\xE8me\",\"2010-01-01\",\n") << "Windows-1252"
        << cafe;
    QTest::newRow("bestbuy: quotes and CRLF")
        << "bestbuy" << QByteArray("\"C\",\"12\"\" Pan, \"\"Pro\"\"\",\"2011-01-01\",\r\n")
        << "UTF-8"
        << "12\" Pan, \"Pro\"";
}

void TestCatalogImports::encodingsQuotesAndLineEndings() {
    QFETCH(QString, format);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, title);
    auto import = importAs(format, bytes.toStdString());
    MERCH_VERIFY_OK(import);
    QCOMPARE(QString::fromStdString(import->report.encoding), encoding);
    QVERIFY2(import->report.rejected.empty(), rejectedText(*import).c_str());
    QCOMPARE(import->products.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(import->products.front().title), title);
    if (format != "bestbuy")
        QCOMPARE(import->products.front().price, 5.0);
}

void TestCatalogImports::cancelStops_data() {
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("row"); // %1: the row number
    QTest::addColumn<QString>("footer");
    QTest::newRow("woocommerce") << "woocommerce"
                                 << "ID,Name\n"
                                 << "%1,Product %1\n"
                                 << "";
    QTest::newRow("gmc TSV") << "gmc"
                             << "id\ttitle\tprice\n"
                             << "%1\tProduct %1\t5 USD\n"
                             << "";
    QTest::newRow("gmc RSS") << "gmc"
                             << "<rss><channel>\n"
                             << "<item><g:id>%1</g:id><title>P</title></item>\n"
                             << "</channel></rss>\n";
    QTest::newRow("csv") << "csv"
                         << "id,title\n"
                         << "%1,Product %1\n"
                         << "";
    QTest::newRow("bestbuy") << "bestbuy"
                             << ""
                             << "\"%1\",\"Product %1\",\"2010-01-01\",\n"
                             << "";
}

void TestCatalogImports::cancelStops() {
    QFETCH(QString, format);
    QFETCH(QString, header);
    QFETCH(QString, row);
    QFETCH(QString, footer);
    QString text = header;
    for (int i = 0; i < 10000; ++i)
        text += row.arg(i);
    text += footer;
    RunControl control;
    control.progress = [](double, std::string_view) { return false; };
    auto import = importAs(format, text.toStdString(), control);
    QCOMPARE(import.status().code(), StatusCode::Cancelled);
    auto finished = importAs(format, text.toStdString());
    MERCH_VERIFY_OK(finished);
    QCOMPARE(finished->products.size(), std::size_t(10000));
}

// WooCommerce's sample export (internal use only: read from ../shared/data, never copied).
// Counts from Python's csv module, not from this importer:
//   r = list(csv.DictReader(open(f, encoding='utf-8-sig')))
//   len(r) == 25; len([x for x in r if x['Type'] != 'variation']) == 18 products;
//   sum(x['Type'] not in ('variable', 'grouped') for x in r) == 22 variants;
//   woo-vneck-tee: 3 variations, lowest (Sale or Regular) price 15; woo-hoodie: 4, lowest 42;
//   logo-collection groups woo-hoodie-with-logo 45, woo-tshirt 18, woo-beanie 18 (sale) -> 18.
void TestCatalogImports::realWooCommerceSample() {
    const QString path =
        QStringLiteral(MERCH_SHARED_DATA_DIR) + "/catalogs/woocommerce_sample_products.csv";
    if (!QFile::exists(path))
        QSKIP(
            qPrintable("../shared/data is absent (" + path + "); WooCommerce sample not checked"));
    std::ifstream in(path.toStdString(), std::ios::binary);
    ImportOptions options;
    options.fileName = "woocommerce_sample_products.csv";
    auto import = importWooCommerceCatalog(in, options, {});
    MERCH_VERIFY_OK(import);
    QVERIFY2(import->report.rejected.empty(), rejectedText(*import).c_str());
    QCOMPARE(import->report.rowsRead, std::int64_t(25));
    QCOMPARE(import->products.size(), std::size_t(18));
    std::size_t variants = 0;
    for (const auto& p : import->products) {
        variants += p.variants.size();
        QVERIFY2(!p.category.empty(), p.id.c_str());
        QVERIFY2(p.price > 0, p.id.c_str());
    }
    QCOMPARE(variants, std::size_t(22));
    const Product* tee = find(*import, "woo-vneck-tee");
    QVERIFY(tee);
    QCOMPARE(tee->variants.size(), std::size_t(3));
    QCOMPARE(tee->price, 15.0);
    QCOMPARE(tee->subcategory, std::string("Tshirts"));
    const Product* hoodie = find(*import, "woo-hoodie");
    QVERIFY(hoodie);
    QCOMPARE(hoodie->variants.size(), std::size_t(4));
    QCOMPARE(hoodie->price, 42.0);
    QCOMPARE(find(*import, "logo-collection")->price, 18.0);
}

// Best Buy small product list (competition data, internal use only). Python's csv module:
//   rows = list(csv.reader(open(f, encoding='utf-8', newline='')))
//   len(rows) == 874; {len(r) for r in rows} == {4}; {r[3] for r in rows} == {''};
//   len({r[0] for r in rows}) == 437 and len({tuple(r) for r in rows}) == 437: every row is
//   listed exactly twice, so 874 rows are 437 products; every release date parses.
void TestCatalogImports::realBestBuyProducts() {
    const QString path = QStringLiteral(MERCH_SHARED_DATA_DIR) + "/search/small_product_data.csv";
    if (!QFile::exists(path))
        QSKIP(qPrintable("../shared/data is absent (" + path + "); Best Buy list not checked"));
    std::ifstream in(path.toStdString(), std::ios::binary);
    ImportOptions options;
    options.fileName = "small_product_data.csv";
    auto import = importBestBuyProducts(in, options, {});
    MERCH_VERIFY_OK(import);
    QCOMPARE(import->report.rowsRead, std::int64_t(874));
    QCOMPARE(import->products.size(), std::size_t(437));
    QVERIFY2(import->report.rejected.empty(), rejectedText(*import).c_str());
    QCOMPARE(import->report.warnings.size(), std::size_t(1));
    QVERIFY(QString::fromStdString(import->report.warnings.front())
                .startsWith("437 rows repeat an earlier row exactly"));
    for (const auto& p : import->products)
        QVERIFY2(!p.title.empty(), p.id.c_str());
}

QTEST_GUILESS_MAIN(TestCatalogImports)
#include "tst_catalog_imports.moc"
