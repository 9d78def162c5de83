// Product search: BM25 against an independent reference, typo correction, run-together words and
// acronyms, synonyms (listed and learned from clicks), rank fusion, filters and facets, the
// zero-result fallback, evaluation metrics against hand-computed values, malformed input, and the
// Best Buy data when ../shared/data is there.
#include <QTest>

#include <cmath>
#include <fstream>
#include <map>

#include "merch/catalog_importers.h"
#include "merch/event_importers.h"
#include "merch/search_evaluation.h"
#include "test_support.h"

using namespace merch;

namespace {

Product product(const std::string& id, const std::string& title,
                const std::string& description = {}, const std::string& category = {},
                double price = 0, const std::string& color = {}) {
    Product p;
    p.id = id;
    p.title = title;
    p.description = description;
    p.category = category;
    p.price = price;
    p.color = color;
    return p;
}

std::vector<Product> outdoorCatalog() {
    return {
        product("tent1", "Trailblazer 2 Person Dome Tent", "A light dome tent for two.", "Tents",
                189, "Green"),
        product("tent2", "Summit Ultralight Backpacking Tent", "One person, 900 g.", "Tents", 329,
                "Orange"),
        product("bag1", "Alpine Down Sleeping Bag", "Goose down, -10 C.", "Sleeping", 259, "Blue"),
        product("bag2", "Synthetic Sleeping Bag for Kids", "Warm and washable.", "Sleeping", 59,
                "Red"),
        product("pack1", "Trekker 45L Hiking Backpack", "Rain cover included.", "Packs", 139,
                "Green"),
        product("pack2", "Daypack 20L Backpack", "For short hikes.", "Packs", 49, "Black"),
        product("stove", "Titanium Camping Stove", "Weighs 45 g.", "Cooking", 69, "Grey"),
        product("lantern", "Great Trail Adventure Lantern", "LED, 300 lumen.", "Lighting", 35,
                "Black")};
}

std::shared_ptr<const SearchIndex> buildIndex(const std::vector<Product>& catalog,
                                              const SearchParams& params = {},
                                              const std::vector<SynonymRule>& synonyms = {},
                                              const std::vector<SearchCase>& clicks = {}) {
    auto index = SearchIndex::build(catalog, synonyms, clicks, params, {});
    if (!index)
        qWarning("%s", index.status().toString().c_str());
    return index ? *index : nullptr;
}

SearchResponse run(const SearchIndex& index, const std::string& text, SearchMethod method,
                   int n = 10) {
    SearchQuery q;
    q.text = text;
    q.method = method;
    q.n = n;
    q.fallback = false; // each method as it is; the fallback has its own tests
    auto r = index.search(q);
    if (!r)
        qWarning("%s", r.status().toString().c_str());
    return r ? *r : SearchResponse{};
}

std::string topId(const SearchIndex& index, const SearchResponse& r) {
    return r.hits.empty() ? std::string() : index.catalog()[std::size_t(r.hits[0].product)].id;
}

} // namespace

class TestSearch : public QObject {
    Q_OBJECT

private slots:
    void bm25MatchesAnIndependentReference();
    void typosAreCorrected_data();
    void typosAreCorrected();
    void shortWordsAndNumbersAreNotCorrected();
    void synonymListExpandsQueries();
    void synonymListRejectsMalformedLines_data();
    void synonymListRejectsMalformedLines();
    void synonymsAreLearnedFromClicks();
    void hybridIsTheReciprocalRankFusion();
    void filtersFacetsAndRelaxation();
    void keywordFallsBackToSemantic();
    void semanticIsDeterministicAndTypoTolerant();
    void metricsMatchHandComputedValues();
    void zeroResultRateIsPerSearchAndPerQuery();
    void fixtureLogEvaluatesEveryMethod();
    void badParametersNameTheField_data();
    void badParametersNameTheField();
    void badQueriesAreRefused();
    void cancelStopsTheBuild();
    void bestBuyBeatsTheFts5Baselines();
};

void TestSearch::bm25MatchesAnIndependentReference() {
    // Description field only (title and attributes weigh 0), k1 = 1.2, b = 0.75, Lucene's idf.
    // Reference: a plain Python BM25 over the same whitespace-split words (the words are chosen
    // so that the light stemmer leaves them alone):
    //   docs = ['red wool hat with red trim', 'blue cotton hat',
    //           'red rain jacket for hiking in the red hill', 'wool sock']
    //   idf(t) = log(1 + (N - df + .5) / (df + .5)); score = sum idf * tf (k1 + 1) /
    //            (tf + k1 (1 - b + b len / avglen)) for t in ['red', 'wool']
    // gives 1.543046058061198, 0, 0.7780223455264692, 0.9186287935131804.
    // Tolerance 1e-5 relative: postings keep the normalised term frequency as a float.
    std::vector<Product> catalog = {product("a", "", "red wool hat with red trim"),
                                    product("b", "", "blue cotton hat"),
                                    product("c", "", "red rain jacket for hiking in the red hill"),
                                    product("d", "", "wool sock")};
    SearchParams params;
    params.titleWeight = 0;
    params.attributeWeight = 0;
    params.descriptionWeight = 1;
    params.maxEdits = 0;
    const auto index = buildIndex(catalog, params);
    QVERIFY(index);
    const auto r = run(*index, "red wool", SearchMethod::Keyword);
    const std::map<std::string, double> expected = {
        {"a", 1.543046058061198}, {"c", 0.7780223455264692}, {"d", 0.9186287935131804}};
    QCOMPARE(r.hits.size(), std::size_t(3)); // "b" matches no word
    QCOMPARE(r.totalMatches, std::int64_t(3));
    for (const auto& hit : r.hits) {
        const std::string id = index->catalog()[std::size_t(hit.product)].id;
        QVERIFY2(expected.count(id), id.c_str());
        QVERIFY2(std::abs(hit.score - expected.at(id)) < 1e-5 * expected.at(id), id.c_str());
    }
    QCOMPARE(topId(*index, r), std::string("a"));
    QCOMPARE(r.hits[0].matchedTerms, (std::vector<std::string>{"red", "wool"}));
}

void TestSearch::typosAreCorrected_data() {
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("corrected");
    QTest::addColumn<QString>("top");
    QTest::newRow("transposition") << "tnet"
                                   << "tent"
                                   << "tent1";
    QTest::newRow("missing letter") << "backpak"
                                    << "backpack"
                                    << "pack2";
    QTest::newRow("two edits in a long word") << "ulrtalihgt"
                                              << "ultralight"
                                              << "tent2";
    QTest::newRow("run together") << "trailblazertent"
                                  << "trailblazer tent"
                                  << "tent1";
    QTest::newRow("acronym needs no correction") << "gta"
                                                 << ""
                                                 << "lantern";
    QTest::newRow("known words stay") << "camping stove"
                                      << ""
                                      << "stove";
}

void TestSearch::typosAreCorrected() {
    QFETCH(QString, query);
    QFETCH(QString, corrected);
    QFETCH(QString, top);
    const auto index = buildIndex(outdoorCatalog());
    QVERIFY(index);
    const auto r = run(*index, query.toStdString(), SearchMethod::Keyword);
    QCOMPARE(QString::fromStdString(r.correctedQuery), corrected);
    QVERIFY(!r.hits.empty());
    QCOMPARE(QString::fromStdString(topId(*index, r)), top);
}

void TestSearch::shortWordsAndNumbersAreNotCorrected() {
    const auto index = buildIndex(outdoorCatalog());
    QVERIFY(index);
    // "tnt" is one edit from "tent" but shorter than the 4-letter minimum; "46" is a number.
    QVERIFY(run(*index, "tnt", SearchMethod::Keyword).hits.empty());
    QVERIFY(run(*index, "46", SearchMethod::Keyword).hits.empty());
    SearchParams off;
    off.maxEdits = 0;
    const auto strict = buildIndex(outdoorCatalog(), off);
    QVERIFY(strict);
    QVERIFY(run(*strict, "tnet", SearchMethod::Keyword).hits.empty());
}

void TestSearch::synonymListExpandsQueries() {
    auto rules = parseSynonyms("# outdoor words\nshelter, tent\n\nflashlight => lantern, lamp\n");
    MERCH_VERIFY_OK(rules);
    QCOMPARE(rules->size(), std::size_t(2));
    QVERIFY(!(*rules)[0].oneWay);
    QVERIFY((*rules)[1].oneWay);
    QCOMPARE((*rules)[1].terms, (std::vector<std::string>{"flashlight", "lantern", "lamp"}));
    const auto index = buildIndex(outdoorCatalog(), {}, *rules);
    QVERIFY(index);
    const auto shelter = run(*index, "shelter", SearchMethod::Keyword);
    QCOMPARE(shelter.expandedSynonyms, std::vector<std::string>{"tent"});
    QCOMPARE(shelter.hits.size(), std::size_t(2));
    const auto flashlight = run(*index, "flashlight", SearchMethod::Keyword);
    QCOMPARE(topId(*index, flashlight), std::string("lantern"));
    // One way: "lantern" does not expand to "flashlight" (the catalog has no flashlight anyway,
    // so the expansion list is what shows it).
    QVERIFY(run(*index, "lantern", SearchMethod::Keyword).expandedSynonyms.empty());
    // Without the list nothing is found for "shelter".
    const auto plain = buildIndex(outdoorCatalog());
    QVERIFY(run(*plain, "shelter", SearchMethod::Keyword).hits.empty());
}

void TestSearch::synonymListRejectsMalformedLines_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message");
    QTest::newRow("one term") << "tent, shelter\nlantern\n"
                              << "line 2";
    QTest::newRow("arrow without target") << "flashlight =>"
                                          << "line 1";
    QTest::newRow("two sources") << "a, b => c"
                                 << "one term before =>";
}

void TestSearch::synonymListRejectsMalformedLines() {
    QFETCH(QString, text);
    QFETCH(QString, message);
    const auto rules = parseSynonyms(text.toStdString());
    QVERIFY(!rules);
    QCOMPARE(rules.status().code(), StatusCode::InvalidArgument);
    QVERIFY2(QString::fromStdString(rules.status().message()).contains(message),
             rules.status().message().c_str());
}

void TestSearch::synonymsAreLearnedFromClicks() {
    // Shoppers who typed "bivvy" (a word the catalog lacks) clicked the ultralight tent.
    std::vector<SearchCase> clicks;
    for (int i = 0; i < 4; ++i)
        clicks.push_back({1000 + i, "bivvy", "tent2"});
    clicks.push_back({2000, "bivvy", "tent1"});
    const auto index = buildIndex(outdoorCatalog(), {}, {}, clicks);
    QVERIFY(index);
    QVERIFY(index->hasClicks());
    // 5 of 5 clicks land on products with "tent" (kept), 4 of 5 on "summit", "ultralight",
    // "backpacking" (0.8 >= 0.6, kept), 1 of 5 on "trailblazer" (dropped).
    bool found = false;
    for (const auto& rule : index->learnedSynonyms()) {
        if (rule.terms.front() != "bivvy")
            continue;
        found = true;
        QVERIFY(rule.oneWay);
        const std::vector<std::string> to(rule.terms.begin() + 1, rule.terms.end());
        QVERIFY(std::find(to.begin(), to.end(), "tent") != to.end());
        QVERIFY(std::find(to.begin(), to.end(), "ultralight") != to.end());
        QVERIFY(std::find(to.begin(), to.end(), "trailblazer") == to.end());
    }
    QVERIFY(found);
    const auto r = run(*index, "bivvy", SearchMethod::HybridClicks);
    QCOMPARE(topId(*index, r), std::string("tent2"));
    // The catalog-only index knows nothing about "bivvy".
    const auto plain = buildIndex(outdoorCatalog());
    QVERIFY(run(*plain, "bivvy", SearchMethod::Keyword).hits.empty());
    QVERIFY(plain->learnedSynonyms().empty());
}

void TestSearch::hybridIsTheReciprocalRankFusion() {
    SearchParams params;
    params.rrfK = 10;
    params.keywordFusionWeight = 1.0;
    params.semanticFusionWeight = 0.5;
    const auto index = buildIndex(outdoorCatalog(), params);
    QVERIFY(index);
    const std::string q = "hiking backpack";
    const auto k = run(*index, q, SearchMethod::Keyword, 100);
    const auto s = run(*index, q, SearchMethod::Semantic, 100);
    const auto h = run(*index, q, SearchMethod::Hybrid, 100);
    QVERIFY(!k.hits.empty());
    QVERIFY(!s.hits.empty());
    std::map<int, double> expected;
    for (std::size_t r = 0; r < k.hits.size(); ++r)
        expected[k.hits[r].product] += 1.0 / (10.0 + double(r + 1));
    for (std::size_t r = 0; r < s.hits.size(); ++r)
        expected[s.hits[r].product] += 0.5 / (10.0 + double(r + 1));
    QCOMPARE(h.hits.size(), expected.size());
    for (std::size_t r = 0; r < h.hits.size(); ++r) {
        QVERIFY(std::abs(h.hits[r].score - expected.at(h.hits[r].product)) < 1e-12);
        if (r > 0)
            QVERIFY(h.hits[r - 1].score >= h.hits[r].score);
    }
}

void TestSearch::filtersFacetsAndRelaxation() {
    const auto index = buildIndex(outdoorCatalog());
    QVERIFY(index);
    SearchQuery q;
    q.text = "tent backpack sleeping bag";
    q.method = SearchMethod::Keyword;
    q.facets = true;
    auto all = index->search(q);
    MERCH_VERIFY_OK(all);
    QCOMPARE(all->totalMatches, std::int64_t(6)); // 2 tents (one is "backpacking"), 2 bags, 2 packs
    QCOMPARE(all->categoryFacets.size(), std::size_t(3));
    for (const auto& f : all->categoryFacets)
        QCOMPARE(f.count, 2);
    q.filters.category = "packs"; // case-insensitive
    auto packs = index->search(q);
    MERCH_VERIFY_OK(packs);
    QCOMPARE(packs->totalMatches, std::int64_t(2));
    q.filters.category.clear();
    q.filters.maxPrice = 100;
    auto cheap = index->search(q);
    MERCH_VERIFY_OK(cheap);
    QCOMPARE(cheap->totalMatches, std::int64_t(2)); // bag2 59, pack2 49
    QVERIFY(!cheap->relaxedFilters);
    // Nothing purple: the filters are relaxed rather than showing nothing...
    q.filters = {};
    q.filters.color = "Purple";
    auto purple = index->search(q);
    MERCH_VERIFY_OK(purple);
    QVERIFY(purple->relaxedFilters);
    QCOMPARE(purple->totalMatches, std::int64_t(6));
    // ...unless the caller turns the fallback off.
    q.fallback = false;
    auto strict = index->search(q);
    MERCH_VERIFY_OK(strict);
    QVERIFY(strict->hits.empty());
}

void TestSearch::keywordFallsBackToSemantic() {
    const auto index = buildIndex(outdoorCatalog());
    QVERIFY(index);
    // "backpackerish" is more than 2 edits from any catalog word and splits into no two.
    SearchQuery q;
    q.text = "backpackerish";
    q.method = SearchMethod::Keyword;
    q.fallback = false;
    auto none = index->search(q);
    MERCH_VERIFY_OK(none);
    QVERIFY(none->hits.empty());
    q.fallback = true;
    auto some = index->search(q);
    MERCH_VERIFY_OK(some);
    QVERIFY(some->usedSemanticFallback);
    QVERIFY(!some->hits.empty());
    const std::string top = index->catalog()[std::size_t(some->hits[0].product)].id;
    QVERIFY2(top == "pack1" || top == "pack2" || top == "tent2", top.c_str());
    // Nothing shares enough with "zzqx": still no result, and no pretending.
    q.text = "zzqx";
    auto nothing = index->search(q);
    MERCH_VERIFY_OK(nothing);
    QVERIFY(nothing->hits.empty());
    QVERIFY(!nothing->usedSemanticFallback);
}

void TestSearch::semanticIsDeterministicAndTypoTolerant() {
    const auto a = buildIndex(outdoorCatalog());
    const auto b = buildIndex(outdoorCatalog());
    QVERIFY(a && b);
    const auto ra = run(*a, "titanium stove", SearchMethod::Semantic);
    const auto rb = run(*b, "titanium stove", SearchMethod::Semantic);
    QCOMPARE(ra.hits.size(), rb.hits.size());
    for (std::size_t i = 0; i < ra.hits.size(); ++i) {
        QCOMPARE(ra.hits[i].product, rb.hits[i].product);
        QCOMPARE(ra.hits[i].score, rb.hits[i].score);
    }
    QCOMPARE(topId(*a, ra), std::string("stove"));
    QVERIFY(ra.hits[0].score > 0.5 && ra.hits[0].score <= 1.0 + 1e-5);
    // Character n-grams carry a misspelling that correction leaves alone (two edits, short word).
    SearchParams noTypos;
    noTypos.maxEdits = 0;
    const auto c = buildIndex(outdoorCatalog(), noTypos);
    QCOMPARE(topId(*c, run(*c, "lanturn", SearchMethod::Semantic)), std::string("lantern"));
    QVERIFY(run(*c, "lanturn", SearchMethod::Keyword).hits.empty());
}

void TestSearch::metricsMatchHandComputedValues() {
    const std::vector<std::string> ranked = {"c", "a", "x", "b", "y", "z"};
    QCOMPARE(averagePrecisionAtK(ranked, "c", 5), 1.0);
    QCOMPARE(averagePrecisionAtK(ranked, "b", 5), 0.25);
    QCOMPARE(averagePrecisionAtK(ranked, "z", 5), 0.0); // rank 6 is past the cut
    QCOMPARE(reciprocalRankAtK(ranked, "z", 10), 1.0 / 6);
    QCOMPARE(reciprocalRankAtK(ranked, "q", 10), 0.0);
    // Graded: gains a=3, b=2, c=1. DCG = (2^1-1)/log2 2 + (2^3-1)/log2 3 + 0 + (2^2-1)/log2 5
    // = 1 + 4.416508275 + 1.292029674 = 6.708537949; ideal (a, b, c) = 7 + 3/log2 3 + 1/2
    // = 7 + 1.892789261 + 0.5 = 9.392789261; NDCG = 0.714222130 (python3, math.log2).
    const double ndcg = ndcgAtK(ranked, {{"a", 3}, {"b", 2}, {"c", 1}}, 10);
    QVERIFY(std::abs(ndcg - 0.7142221296584441) < 1e-12);
    QCOMPARE(ndcgAtK(ranked, {{"c", 1}}, 10), 1.0);
    QCOMPARE(ndcgAtK(ranked, {{"q", 1}}, 10), 0.0);
}

void TestSearch::zeroResultRateIsPerSearchAndPerQuery() {
    // Three searches for a query nothing matches, one that finds the stove: 3 of 4 searches but
    // 1 of 2 distinct queries have no result.
    const std::vector<SearchCase> test = {{10, "zzqx", "stove"},
                                          {11, "ZZQX", "stove"},
                                          {12, " zzqx ", "stove"},
                                          {13, "camping stove", "stove"}};
    SearchEvaluationParams ev;
    ev.methods = {SearchMethod::Keyword};
    ev.fts5Baselines = true;
    auto r = evaluateSearch(outdoorCatalog(), {}, {}, test, {}, ev, {});
    MERCH_VERIFY_OK(r);
    QCOMPARE(r->methods.size(), std::size_t(3)); // keyword, fts5 all words, fts5 any word
    for (const auto& m : r->methods) {
        QCOMPARE(m.searches, std::int64_t(4));
        QCOMPARE(m.distinctQueries, std::int64_t(2));
        QCOMPARE(m.zeroResultRateSearches, 0.75);
        QCOMPARE(m.zeroResultRateQueries, 0.5);
        QCOMPARE(m.mapAt5, 0.25); // the stove first for "camping stove"
    }
}

void TestSearch::fixtureLogEvaluatesEveryMethod() {
    std::ifstream products(MERCH_TEST_DATA_DIR "/search/products.csv", std::ios::binary);
    std::ifstream log(MERCH_TEST_DATA_DIR "/search/searches.csv", std::ios::binary);
    QVERIFY(products && log);
    auto catalog = importBestBuyProducts(products, {}, {});
    auto events = importBestBuySearchLog(log, {}, {});
    MERCH_VERIFY_OK(catalog);
    MERCH_VERIFY_OK(events);
    const auto cases = searchCasesFromEvents(events->events);
    QCOMPARE(cases.size(), std::size_t(107));
    for (std::size_t i = 1; i < cases.size(); ++i)
        QVERIFY(cases[i - 1].timestamp <= cases[i].timestamp);
    SearchEvaluationParams ev;
    ev.testFraction = 0.3;
    auto r = evaluateSearchSplit(catalog->products, {}, cases, {}, ev, {});
    MERCH_VERIFY_OK(r);
    QCOMPARE(r->trainSearches + r->testSearches, std::int64_t(107));
    QVERIFY(r->testSearches >= 30);
    std::map<std::string, SearchMethodEvaluation> by;
    for (const auto& m : r->methods)
        by[m.name] = m;
    for (const char* name :
         {"keyword", "semantic", "hybrid", "hybrid_clicks", "fts5_all_words", "fts5_any_word"})
        QVERIFY2(by.count(name), name);
    // "zzqx" finds nothing in the catalog alone; with click feedback it does.
    QVERIFY(by["keyword"].zeroResultRateSearches > 0);
    QCOMPARE(by["hybrid_clicks"].zeroResultRateSearches, 0.0);
    // Typos and "bivvy": the engine beats FTS5, clicks beat the catalog alone.
    QVERIFY(by["hybrid"].mapAt5 > by["fts5_any_word"].mapAt5);
    QVERIFY(by["hybrid_clicks"].mapAt5 > by["hybrid"].mapAt5);
    QVERIFY(by["fts5_all_words"].zeroResultRateSearches >=
            by["fts5_any_word"].zeroResultRateSearches);
}

void TestSearch::badParametersNameTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::newRow("k1") << "k1";
    QTest::newRow("b") << "b";
    QTest::newRow("maxEdits") << "maxEdits";
    QTest::newRow("maxNgram") << "maxNgram";
    QTest::newRow("dimensions") << "dimensions";
    QTest::newRow("rrfK") << "rrfK";
    QTest::newRow("titleWeight") << "titleWeight";
    QTest::newRow("clickHalfLifeDays") << "clickHalfLifeDays";
}

void TestSearch::badParametersNameTheField() {
    QFETCH(QString, field);
    SearchParams p;
    if (field == "k1")
        p.k1 = -1;
    else if (field == "b")
        p.b = 1.5;
    else if (field == "maxEdits")
        p.maxEdits = 3;
    else if (field == "maxNgram")
        p.maxNgram = p.minNgram - 1;
    else if (field == "dimensions")
        p.dimensions = 4;
    else if (field == "rrfK")
        p.rrfK = 0;
    else if (field == "titleWeight")
        p.titleWeight = std::nan("");
    else if (field == "clickHalfLifeDays")
        p.clickHalfLifeDays = -2;
    const Status s = p.validate();
    QCOMPARE(s.code(), StatusCode::InvalidArgument);
    QVERIFY2(s.message().rfind(field.toStdString() + " ", 0) == 0, s.message().c_str());
    auto built = SearchIndex::build(outdoorCatalog(), {}, {}, p, {});
    QVERIFY(!built);
}

void TestSearch::badQueriesAreRefused() {
    const auto index = buildIndex(outdoorCatalog());
    QVERIFY(index);
    SearchQuery q;
    q.text = "tent";
    q.n = 0;
    QCOMPARE(index->search(q).status().code(), StatusCode::InvalidArgument);
    q.n = 5;
    q.filters.minPrice = 100;
    q.filters.maxPrice = 50;
    QVERIFY(index->search(q).status().message().find("maxPrice") != std::string::npos);
    q.filters = {};
    q.method = SearchMethod::HybridClicks;
    QVERIFY(index->search(q).status().message().find("needs search logs") != std::string::npos);
    // Empty, punctuation-only and binary queries give no result, not an error.
    for (const std::string& text :
         {std::string(), std::string("?!-"), std::string("\x01\xff\xfe", 3)}) {
        q.method = SearchMethod::Hybrid;
        q.text = text;
        auto r = index->search(q);
        MERCH_VERIFY_OK(r);
    }
    QVERIFY(!searchMethodFromName("fuzzy"));
    QCOMPARE(*searchMethodFromName("hybrid_clicks"), SearchMethod::HybridClicks);
    // Evaluation without test searches or products.
    SearchEvaluationParams ev;
    QCOMPARE(evaluateSearch(outdoorCatalog(), {}, {}, {}, {}, ev, {}).status().code(),
             StatusCode::InvalidArgument);
    QCOMPARE(evaluateSearch({}, {}, {}, {{1, "tent", "tent1"}}, {}, ev, {}).status().code(),
             StatusCode::InvalidArgument);
    ev.testFraction = 0.95;
    QVERIFY(ev.validate().message().find("testFraction") == 0);
}

void TestSearch::cancelStopsTheBuild() {
    RunControl control;
    control.progress = [](double fraction, std::string_view) { return fraction < 0.05; };
    auto built = SearchIndex::build(outdoorCatalog(), {}, {}, {}, control);
    QVERIFY(!built);
    QCOMPARE(built.status().code(), StatusCode::Cancelled);
}

void TestSearch::bestBuyBeatsTheFts5Baselines() {
    const std::string dir = MERCH_SHARED_DATA_DIR "/search";
    std::ifstream products(dir + "/small_product_data.csv", std::ios::binary);
    std::ifstream log(dir + "/mytrain.csv", std::ios::binary);
    if (!products || !log)
        QSKIP("../shared/data/search is absent: the Best Buy search evaluation is not checked");
    auto catalog = importBestBuyProducts(products, {}, {});
    auto events = importBestBuySearchLog(log, {}, {});
    MERCH_VERIFY_OK(catalog);
    MERCH_VERIFY_OK(events);
    SearchEvaluationParams ev;
    ev.maxTestCases = 3000; // evenly sampled, for speed
    auto r = evaluateSearchSplit(catalog->products, {}, searchCasesFromEvents(events->events), {},
                                 ev, {});
    MERCH_VERIFY_OK(r);
    std::map<std::string, SearchMethodEvaluation> by;
    for (const auto& m : r->methods) {
        by[m.name] = m;
        qInfo("%-15s MAP@5 %.4f zero/search %.4f", m.name.c_str(), m.mapAt5,
              m.zeroResultRateSearches);
    }
    // Relations the engine must keep on real data (the figures themselves are in the README).
    QVERIFY(by["fts5_all_words"].zeroResultRateSearches >
            by["fts5_any_word"].zeroResultRateSearches);
    QVERIFY(by["hybrid"].mapAt5 > by["fts5_any_word"].mapAt5);
    QVERIFY(by["hybrid"].zeroResultRateSearches < by["fts5_any_word"].zeroResultRateSearches);
    QVERIFY(by["hybrid_clicks"].mapAt5 > by["hybrid"].mapAt5 + 0.05);
    QVERIFY(by["hybrid_clicks"].zeroResultRateSearches <= 0.01);
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
