// Approximate nearest neighbours in product search: above SearchParams::annMinProducts the
// semantic list comes from an HNSW graph; checked against the exact list (brute force over every
// product) of the same index, which is the independent reference here. Below the threshold the
// lists are the exact ones; filters still scan every product; builds are deterministic; bad
// graph parameters are refused by name.
#include <QTest>

#include <random>
#include <set>

#include "merch/search.h"
#include "test_support.h"

using namespace merch;

namespace {

std::string syllableWord(std::mt19937_64& rng) {
    static const char* syllables[] = {"ka", "lo",  "mi", "ter", "van", "sol", "ri", "pex", "dor",
                                      "na", "bel", "tu", "gra", "fen", "os",  "lu", "zer", "qui"};
    std::uniform_int_distribution<int> count(2, 3), pick(0, 17);
    std::string w;
    for (int i = count(rng); i > 0; --i)
        w += syllables[pick(rng)];
    return w;
}

// A generated catalog (brand, adjective, noun, model number, color) and queries of two title
// words, one in four with two letters swapped.
struct Generated {
    std::vector<Product> catalog;
    std::vector<std::string> queries;
};

Generated generate(int products, int queries, unsigned seed) {
    std::mt19937_64 rng(seed);
    std::vector<std::string> brands, adjectives, nouns;
    for (int i = 0; i < 60; ++i)
        brands.push_back(syllableWord(rng));
    for (int i = 0; i < 80; ++i)
        adjectives.push_back(syllableWord(rng));
    for (int i = 0; i < 400; ++i)
        nouns.push_back(syllableWord(rng));
    const std::vector<std::string> colors{"black", "white", "red", "blue", "green"};
    const auto any = [&](const std::vector<std::string>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    Generated g;
    for (int i = 0; i < products; ++i) {
        Product p;
        p.id = "P" + std::to_string(i);
        p.brand = any(brands);
        p.color = any(colors);
        p.category = i % 2 == 0 ? "Even" : "Odd";
        p.price = double(5 + i % 100);
        p.title = p.brand + " " + any(adjectives) + " " + any(nouns) + " " +
                  std::to_string(100 + i % 900) + " " + p.color;
        p.description = "The " + any(adjectives) + " " + any(nouns) + " made with " + any(nouns);
        g.catalog.push_back(std::move(p));
    }
    for (int q = 0; q < queries; ++q) {
        const auto& p =
            g.catalog[std::uniform_int_distribution<std::size_t>(0, g.catalog.size() - 1)(rng)];
        const auto first = p.title.find(' ');
        const auto second = p.title.find(' ', first + 1);
        const auto third = p.title.find(' ', second + 1);
        std::string text = p.title.substr(first + 1, third - first - 1); // adjective noun
        if (q % 4 == 0)
            std::swap(text[1], text[2]);
        g.queries.push_back(text);
    }
    return g;
}

std::vector<int> semanticIds(const SearchIndex& index, const std::string& text, bool exact,
                             const SearchFilters& filters = {}) {
    SearchQuery q;
    q.text = text;
    q.method = SearchMethod::Semantic;
    q.n = 10;
    q.fallback = false;
    q.exactNeighbours = exact;
    q.filters = filters;
    auto r = index.search(q);
    std::vector<int> ids;
    if (!r) {
        qWarning("%s", r.status().toString().c_str());
        return ids;
    }
    for (const auto& h : r->hits)
        ids.push_back(h.product);
    return ids;
}

std::shared_ptr<const SearchIndex> build(const std::vector<Product>& catalog,
                                         const SearchParams& params) {
    auto index = SearchIndex::build(catalog, {}, {}, params, {});
    if (!index)
        qWarning("%s", index.status().toString().c_str());
    return index ? *index : nullptr;
}

} // namespace

class TestSearchAnn : public QObject {
    Q_OBJECT
private slots:
    void graphFindsTheExactNeighbours();
    void belowTheThresholdListsAreExact();
    void filteredSearchesScanEveryProduct();
    void graphBuildIsDeterministic();
    void badGraphParametersNameTheField_data();
    void badGraphParametersNameTheField();
};

void TestSearchAnn::graphFindsTheExactNeighbours() {
    const auto g = generate(3000, 200, 11);
    SearchParams params;
    params.annMinProducts = 1000;
    const auto index = build(g.catalog, params);
    QVERIFY(index);
    if (!index->approximateNeighbours())
        QSKIP("merch_core was built without hnswlib (libhnswlib-dev): no graph to check");
    // Recall@10 of the graph against brute force over the same embeddings. HNSW with 32 links
    // and a 100-candidate search list finds nearly all of them on 3,000 products; 0.95 leaves
    // room for near-ties without letting a broken graph (recall ~0.003 at random) pass.
    double recall = 0;
    int differentOrders = 0;
    for (const auto& text : g.queries) {
        const auto exact = semanticIds(*index, text, true);
        const auto approximate = semanticIds(*index, text, false);
        QVERIFY(!exact.empty());
        const std::set<int> found(approximate.begin(), approximate.end());
        int hits = 0;
        for (int id : exact)
            hits += found.count(id) ? 1 : 0;
        recall += double(hits) / double(exact.size());
        differentOrders += exact != approximate ? 1 : 0;
    }
    recall /= double(g.queries.size());
    qInfo("recall@10 %.4f, %d of %d top-10 lists differ", recall, differentOrders,
          int(g.queries.size()));
    QVERIFY2(recall >= 0.95, qPrintable(QString("recall@10 %1").arg(recall)));
}

void TestSearchAnn::belowTheThresholdListsAreExact() {
    const auto g = generate(3000, 40, 12);
    SearchParams params;
    params.annMinProducts = 3001; // one more than the catalog
    const auto index = build(g.catalog, params);
    QVERIFY(index);
    QVERIFY(!index->approximateNeighbours());
    for (const auto& text : g.queries)
        QCOMPARE(semanticIds(*index, text, false), semanticIds(*index, text, true));
    params.annMinProducts = 0; // never
    const auto never = build(g.catalog, params);
    QVERIFY(never);
    QVERIFY(!never->approximateNeighbours());
}

void TestSearchAnn::filteredSearchesScanEveryProduct() {
    const auto g = generate(3000, 40, 13);
    SearchParams params;
    params.annMinProducts = 1000;
    const auto index = build(g.catalog, params);
    QVERIFY(index);
    SearchFilters odd;
    odd.category = "odd";
    odd.maxPrice = 30;
    for (const auto& text : g.queries) {
        const auto ids = semanticIds(*index, text, false, odd);
        QCOMPARE(ids, semanticIds(*index, text, true, odd));
        QVERIFY(!ids.empty());
        for (int id : ids) {
            const auto& p = index->catalog()[std::size_t(id)];
            QCOMPARE(p.category, std::string("Odd"));
            QVERIFY(p.price <= 30);
        }
    }
}

void TestSearchAnn::graphBuildIsDeterministic() {
    const auto g = generate(2500, 60, 14);
    SearchParams params;
    params.annMinProducts = 1000;
    const auto a = build(g.catalog, params);
    const auto b = build(g.catalog, params);
    QVERIFY(a && b);
    for (const auto& text : g.queries) {
        SearchQuery q;
        q.text = text;
        q.method = SearchMethod::Hybrid;
        const auto ra = a->search(q), rb = b->search(q);
        QVERIFY(ra && rb);
        QCOMPARE(ra->hits.size(), rb->hits.size());
        for (std::size_t i = 0; i < ra->hits.size(); ++i) {
            QCOMPARE(ra->hits[i].product, rb->hits[i].product);
            QCOMPARE(ra->hits[i].score, rb->hits[i].score);
        }
    }
}

void TestSearchAnn::badGraphParametersNameTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("value");
    QTest::newRow("annMinProducts negative") << "annMinProducts" << -1;
    QTest::newRow("annM too small") << "annM" << 1;
    QTest::newRow("annM too large") << "annM" << 101;
    QTest::newRow("annEfConstruction too small") << "annEfConstruction" << 9;
    QTest::newRow("annEfSearch too small") << "annEfSearch" << 9;
    QTest::newRow("annEfSearch too large") << "annEfSearch" << 10001;
}

void TestSearchAnn::badGraphParametersNameTheField() {
    QFETCH(QString, field);
    QFETCH(int, value);
    SearchParams params;
    if (field == "annMinProducts")
        params.annMinProducts = value;
    else if (field == "annM")
        params.annM = value;
    else if (field == "annEfConstruction")
        params.annEfConstruction = value;
    else
        params.annEfSearch = value;
    const Status s = params.validate();
    QVERIFY(!s);
    QVERIFY2(QString::fromStdString(s.message()).contains(field),
             qPrintable(QString::fromStdString(s.message())));
    const auto g = generate(20, 1, 15);
    QVERIFY(!SearchIndex::build(g.catalog, {}, {}, params, {}));
}

QTEST_GUILESS_MAIN(TestSearchAnn)
#include "tst_search_ann.moc"
