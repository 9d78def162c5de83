// Catalog audit: coverage with its scope, the score's parts, tag clusters, the fix list, CSV
// escaping, and, on the demo world, that it finds the defects the world planted.
#include <QTest>

#include <map>
#include <set>

#include "merch/audit.h"
#include "merch/google_taxonomy.h"
#include "merch/shopper_world.h"
#include "test_support.h"

using namespace merch;

namespace {

Product product(const std::string& id, const std::string& category, const std::string& color,
                const std::string& size, double price) {
    Product p;
    p.id = id;
    p.title = "Product " + id;
    p.category = category;
    p.color = color;
    p.brand = "Acme";
    p.material = category == "Coffee" ? "" : "Cotton";
    p.imageUrl = "https://x/" + id + ".jpg";
    p.gtin = "0000000000000";
    p.description = "A long enough description of this product with plenty of words that tell a "
                    "shopper what it is, what it is made of and why they might want it today.";
    p.price = price;
    p.variants.push_back({id + "-1", color, size, price, 3});
    return p;
}

const FieldCoverage& coverageOf(const AuditResult& result, const std::string& field) {
    for (const auto& c : result.coverage) {
        if (c.field == field)
            return c;
    }
    static FieldCoverage none;
    return none;
}

const AuditIssue* issueOf(const AuditResult& result, const std::string& id) {
    for (const auto& issue : result.fixes) {
        if (issue.id == id)
            return &issue;
    }
    return nullptr;
}

} // namespace

class TestCatalogAudit : public QObject {
    Q_OBJECT

private slots:
    void coverageIsScopedToCategoriesThatUseTheField();
    void scoreAddsItsExplainedParts();
    void tagSpellingsAreClustered_data();
    void tagSpellingsAreClustered();
    void qualityIssuesAreFound();
    void fixListCsvIsSpreadsheetSafe();
    void paramsAreValidated_data();
    void paramsAreValidated();
    void findsTheDefectsTheWorldPlanted();
    void googleCategoriesAreSuggested_data();
    void googleCategoriesAreSuggested();
    void googleSuggestionsMatchTheWorldsTruth();
};

void TestCatalogAudit::coverageIsScopedToCategoriesThatUseTheField() {
    std::vector<Product> products;
    for (int i = 0; i < 9; ++i)
        products.push_back(product("tee" + std::to_string(i), "Tees", "Navy", "M", 25));
    products.push_back(product("tee-nocolor", "Tees", "", "M", 25));
    for (int i = 0; i < 5; ++i)
        products.push_back(product("bean" + std::to_string(i), "Coffee", "", "", 18));
    auto result = auditCatalog(products, {}, {});
    MERCH_VERIFY_OK(result);
    const FieldCoverage& color = coverageOf(*result, "color");
    QCOMPARE(color.applicable, std::int64_t(10)); // coffee does not use color
    QCOMPARE(color.filled, std::int64_t(9));
    QCOMPARE(color.share(), 0.9);
    QVERIFY(color.scope.find("1 categories") != std::string::npos);
    QCOMPARE(coverageOf(*result, "size").applicable, std::int64_t(10));
    QCOMPARE(coverageOf(*result, "price").applicable, std::int64_t(15));
    QVERIFY(!result->ready); // color 90% < 95%
    const AuditIssue* missing = issueOf(*result, "missing_color");
    QVERIFY(missing);
    QCOMPARE(missing->productIds, std::vector<std::string>{"tee-nocolor"});
    QVERIFY(missing->title.find("below the 95.0% target") != std::string::npos);
}

void TestCatalogAudit::scoreAddsItsExplainedParts() {
    std::vector<Product> products;
    for (int i = 0; i < 10; ++i)
        products.push_back(product("p" + std::to_string(i), "Tees", "Navy", "M", 25));
    auto clean = auditCatalog(products, {}, {});
    MERCH_VERIFY_OK(clean);
    QCOMPARE(clean->score, 100.0);
    QVERIFY(clean->ready);
    QVERIFY(clean->fixes.empty());
    // Half the images gone: the other-fields part loses 20 * 0.5 / 4 = 2.5 points.
    for (int i = 0; i < 5; ++i)
        products[std::size_t(i)].imageUrl.clear();
    auto result = auditCatalog(products, {}, {});
    MERCH_VERIFY_OK(result);
    QCOMPARE(result->score, 97.5);
    QVERIFY(result->scoreExplanation.find("17.5 of 20") != std::string::npos);
}

void TestCatalogAudit::tagSpellingsAreClustered_data() {
    QTest::addColumn<QStringList>("tags");
    QTest::addColumn<int>("clusters");
    QTest::addColumn<QString>("suggested");
    QTest::newRow("case, spacing and plural")
        << QStringList{"Hoodie", "Hoodie", "hoodies ", "HOODIES", "Hoodie"} << 1 << "Hoodie";
    QTest::newRow("a swapped letter")
        << QStringList{"sweater", "sweater", "sweatre"} << 1 << "sweater";
    QTest::newRow("a word and its extension stay apart")
        << QStringList{"chocolate", "chocolatey"} << 0 << "";
    QTest::newRow("short tags do not merge on one letter") << QStringList{"tee", "tea"} << 0 << "";
    QTest::newRow("consistent tags") << QStringList{"summer", "summer", "linen"} << 0 << "";
}

void TestCatalogAudit::tagSpellingsAreClustered() {
    QFETCH(QStringList, tags);
    QFETCH(int, clusters);
    QFETCH(QString, suggested);
    std::vector<Product> products;
    for (int i = 0; i < tags.size(); ++i) {
        products.push_back(product("p" + std::to_string(i), "Tees", "Navy", "M", 25));
        products.back().tags = "basics, " + tags[i].toStdString();
    }
    auto result = auditCatalog(products, {}, {});
    MERCH_VERIFY_OK(result);
    QCOMPARE(int(result->tagClusters.size()), clusters);
    if (clusters > 0) {
        QCOMPARE(QString::fromStdString(result->tagClusters.front().suggested), suggested);
        QVERIFY(issueOf(*result, "inconsistent_tags"));
    }
}

void TestCatalogAudit::qualityIssuesAreFound() {
    std::vector<Product> products;
    for (int i = 0; i < 8; ++i)
        products.push_back(product("p" + std::to_string(i), "Tees", "Navy", "M", 25));
    products[0].description = "Nice tee.";
    products[1].description = "<div><img src=\"tee.jpg\"></div>";
    products[2].title = products[3].title;
    products[4].variants.front().sku = products[5].variants.front().sku;
    products[6].price = 2500; // a missing decimal point
    products[7].variants.push_back({"p7-2", "Navy", "", 25, 1});
    auto result = auditCatalog(products, {}, {});
    MERCH_VERIFY_OK(result);
    const std::map<std::string, std::set<std::string>> expected = {
        {"thin_description", {"p0"}},       {"html_only_description", {"p1"}},
        {"duplicate_titles", {"p2", "p3"}}, {"duplicate_skus", {"p4", "p5"}},
        {"price_outliers", {"p6"}},         {"variants_missing_options", {"p7"}}};
    for (const auto& [id, products_] : expected) {
        const AuditIssue* issue = issueOf(*result, id);
        QVERIFY2(issue, id.c_str());
        QCOMPARE(std::set<std::string>(issue->productIds.begin(), issue->productIds.end()),
                 products_);
        QVERIFY(!issue->whyItMatters.empty());
    }
    for (std::size_t i = 1; i < result->fixes.size(); ++i)
        QVERIFY(result->fixes[i - 1].impact >= result->fixes[i].impact);
}

void TestCatalogAudit::fixListCsvIsSpreadsheetSafe() {
    std::vector<Product> products = {product("=HYPERLINK(\"x\")", "Tees", "", "M", 25),
                                     product("ok", "Tees", "Navy", "M", 25)};
    auto result = auditCatalog(products, {}, {});
    MERCH_VERIFY_OK(result);
    const std::string csv = fixListCsv(*result);
    QVERIFY(csv.rfind("rank,issue,title,affected_skus", 0) == 0);
    QVERIFY2(csv.find("\"'=HYPERLINK(\"\"x\"\")\"") != std::string::npos, csv.c_str());
    QVERIFY(csv.find(",=") == std::string::npos);
}

void TestCatalogAudit::paramsAreValidated_data() {
    QTest::addColumn<QString>("field");
    QTest::newRow("target") << "readinessTarget";
    QTest::newRow("thin words") << "thinDescriptionWords";
    QTest::newRow("outlier factor") << "priceOutlierFactor";
    QTest::newRow("use share") << "attributeUseShare";
}

void TestCatalogAudit::paramsAreValidated() {
    QFETCH(QString, field);
    AuditParams params;
    if (field == "readinessTarget")
        params.readinessTarget = 0.2;
    else if (field == "thinDescriptionWords")
        params.thinDescriptionWords = 0;
    else if (field == "priceOutlierFactor")
        params.priceOutlierFactor = 1.5;
    else
        params.attributeUseShare = 2;
    auto result = auditCatalog({}, params, {});
    QCOMPARE(result.status().code(), StatusCode::InvalidArgument);
    QVERIFY(QString::fromStdString(result.status().message()).startsWith(field));
}

void TestCatalogAudit::findsTheDefectsTheWorldPlanted() {
    auto world = ShopperWorld::create(WorldParams{}, 42);
    MERCH_VERIFY_OK(world);
    const auto& products = (*world)->products();
    auto result = auditCatalog(products, {}, {});
    MERCH_VERIFY_OK(result);
    std::map<std::string, std::set<std::string>> found;
    for (const auto& issue : result->fixes)
        found[issue.id].insert(issue.productIds.begin(), issue.productIds.end());
    const std::map<std::string, std::string> issueForDefect = {
        {"missing_material", "missing_material"},
        {"thin_description", "thin_description"},
        {"html_only_description", "html_only_description"},
        {"missing_image", "missing_image"},
        {"missing_category", "missing_category"},
        {"missing_gtin", "missing_gtin"},
        {"missing_brand", "missing_brand"},
        {"inconsistent_tags", "inconsistent_tags"}};
    std::map<std::string, std::pair<int, int>> recall; // found, planted
    for (const auto& defect : (*world)->defects()) {
        const auto mapped = issueForDefect.find(defect.kind);
        if (mapped == issueForDefect.end())
            continue; // missing_color: variants still carry colors, so SKUs are covered
        const std::string& id = products[std::size_t(defect.product)].id;
        auto& r = recall[defect.kind];
        ++r.second;
        r.first += found[mapped->second].count(id) ? 1 : 0;
    }
    for (const auto& [kind, r] : recall) {
        qInfo("%s: found %d of %d planted", kind.c_str(), r.first, r.second);
        QVERIFY2(r.second > 0, kind.c_str());
        QCOMPARE(r.first, r.second);
    }
    QVERIFY2(!result->ready, "the demo's materials are below the 95% target");
    QVERIFY(coverageOf(*result, "material").share() < 0.95);
    // Suggestions for the products that lost their category name the true one.
    std::map<std::string, std::string> truth;
    for (const auto& defect : (*world)->defects()) {
        if (defect.kind == "missing_category")
            truth[products[std::size_t(defect.product)].id] = "";
    }
    int right = 0, total = 0;
    for (const auto& s : result->categorySuggestions) {
        if (!truth.count(s.productId))
            continue;
        ++total;
        // The product's title names its subcategory noun; the suggestion's path should match
        // the path of products sharing that noun.
        const std::string title = [&] {
            for (const auto& p : products)
                if (p.id == s.productId)
                    return p.title;
            return std::string();
        }();
        right += s.because.find(title.substr(title.rfind(' ') + 1)) != std::string::npos ? 1 : 0;
    }
    qInfo("category suggestions: %d of %d name a product with the same noun", right, total);
    QVERIFY(total >= int(truth.size()) * 9 / 10);
    QVERIFY(right >= total * 8 / 10);
}

void TestCatalogAudit::googleCategoriesAreSuggested_data() {
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("expected"); // empty: no suggestion
    QTest::newRow("a sweater is not a table linen")
        << "Heavyweight Linen Sweater"
        << "Apparel & Accessories > Clothing > Shirts & Tops";
    QTest::newRow("sneakers are shoes") << "Waterproof Leather Sneakers"
                                        << "Apparel & Accessories > Shoes";
    QTest::newRow("a word of the taxonomy")
        << "Stainless Steel Tea Kettle"
        << "Home & Garden > Kitchen & Dining > Kitchen Appliances > Electric Kettles";
    QTest::newRow("no head noun in the taxonomy") << "Mystery Gizmo Thing"
                                                  << "";
}

void TestCatalogAudit::googleCategoriesAreSuggested() {
    QFETCH(QString, title);
    QFETCH(QString, expected);
    QCOMPARE(googleTaxonomy().size(), std::size_t(5595)); // every "id - path" line
    Product p;
    p.title = title.toStdString();
    const TaxonomyMatch match = suggestGoogleCategory(p);
    if (expected.isEmpty()) {
        QVERIFY(!match.entry);
        return;
    }
    QVERIFY(match.entry);
    // The kettle is matched on words alone: any category ending in "Kettles" is right.
    if (title.contains("Kettle"))
        QVERIFY2(QString::fromStdString(match.entry->path).endsWith("Kettles"),
                 match.entry->path.c_str());
    else
        QCOMPARE(QString::fromStdString(match.entry->path), expected);
}

void TestCatalogAudit::googleSuggestionsMatchTheWorldsTruth() {
    // The same world without defects still has the taxonomy the defects removed.
    WorldParams clean;
    clean.catalogDefectRate = 0;
    auto truthWorld = ShopperWorld::create(clean, 42);
    auto world = ShopperWorld::create(WorldParams{}, 42);
    MERCH_VERIFY_OK(truthWorld);
    MERCH_VERIFY_OK(world);
    auto result = auditCatalog((*world)->products(), {}, {});
    MERCH_VERIFY_OK(result);
    std::map<std::string, std::string> truth;
    for (const auto& p : (*truthWorld)->products())
        truth[p.id] = p.taxonomy;
    int right = 0, total = 0;
    for (const auto& s : result->categorySuggestions) {
        ++total;
        right += s.googleCategory == truth[s.productId] ? 1 : 0;
    }
    qInfo("Google category suggestions: %d of %d equal the category the defect removed", right,
          total);
    QVERIFY(total > 5);
    QVERIFY(right >= total * 7 / 10);
}

QTEST_GUILESS_MAIN(TestCatalogAudit)
#include "tst_catalog_audit.moc"
