// Search benchmark.
//
// Best Buy mode (default): the ACM SF hackathon "small" data (874 products, ~30k searches with the
// clicked SKU). Time-ordered split of mytrain.csv (the latest 20% are the test set); every method
// and the SQLite FTS5 BM25 baselines (all words, any word) run on the same test queries in the
// same process. --validation carves the latest 20% of the training part as the test set instead
// (what parameters are tuned on; the test split is not read).
//
//   bench_search [--data DIR] [--validation] [--set name=value ...]
//
// MERCH_SEARCH_MISSES=N (and MERCH_SEARCH_METHOD=keyword|semantic|hybrid|hybrid_clicks,
// MERCH_SEARCH_ZERO=1 for searches with no result only) prints N searches of the evaluated part
// that the method does not rank first, with its top 3: what tuning on --validation looked at.
//
// Synthetic mode: a generated catalog of N products; index build time, query latency p50/p99 per
// method and FTS5 on the same queries, peak memory.
//
//   bench_search --synthetic 100000 [--queries 2000]
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <string>

#include "bench_support.h"
#include "merch/catalog_importers.h"
#include "merch/event_importers.h"
#include "merch/search_evaluation.h"

using namespace merch;

namespace {

bool setParam(SearchParams& p, const std::string& assignment) {
    const auto eq = assignment.find('=');
    if (eq == std::string::npos)
        return false;
    const std::string name = assignment.substr(0, eq);
    const double v = std::atof(assignment.c_str() + eq + 1);
    std::map<std::string, double*> doubles{{"titleWeight", &p.titleWeight},
                                           {"descriptionWeight", &p.descriptionWeight},
                                           {"attributeWeight", &p.attributeWeight},
                                           {"k1", &p.k1},
                                           {"b", &p.b},
                                           {"correctedWeight", &p.correctedWeight},
                                           {"synonymWeight", &p.synonymWeight},
                                           {"minSimilarity", &p.minSimilarity},
                                           {"rrfK", &p.rrfK},
                                           {"keywordFusionWeight", &p.keywordFusionWeight},
                                           {"semanticFusionWeight", &p.semanticFusionWeight},
                                           {"clickQueryFieldWeight", &p.clickQueryFieldWeight},
                                           {"clickExactWeight", &p.clickExactWeight},
                                           {"clickWordWeight", &p.clickWordWeight},
                                           {"clickSmoothing", &p.clickSmoothing},
                                           {"clickHalfLifeDays", &p.clickHalfLifeDays},
                                           {"clickPopularityWeight", &p.clickPopularityWeight},
                                           {"learnedSynonymShare", &p.learnedSynonymShare}};
    std::map<std::string, int*> ints{{"maxEdits", &p.maxEdits},
                                     {"minWordLengthForTypo", &p.minWordLengthForTypo},
                                     {"minWordLengthForTwoEdits", &p.minWordLengthForTwoEdits},
                                     {"minNgram", &p.minNgram},
                                     {"maxNgram", &p.maxNgram},
                                     {"dimensions", &p.dimensions},
                                     {"fusionDepth", &p.fusionDepth},
                                     {"learnedSynonymMinClicks", &p.learnedSynonymMinClicks},
                                     {"annMinProducts", &p.annMinProducts},
                                     {"annM", &p.annM},
                                     {"annEfConstruction", &p.annEfConstruction},
                                     {"annEfSearch", &p.annEfSearch}};
    if (auto it = doubles.find(name); it != doubles.end()) {
        *it->second = v;
        return true;
    }
    if (auto it = ints.find(name); it != ints.end()) {
        *it->second = int(v);
        return true;
    }
    return false;
}

void printEvaluation(const SearchEvaluation& e) {
    std::printf("%lld products, %lld training searches, %lld test searches (%lld clicked a "
                "product the catalog lacks)\n",
                static_cast<long long>(e.products), static_cast<long long>(e.trainSearches),
                static_cast<long long>(e.testSearches),
                static_cast<long long>(e.testClickedUnknown));
    std::printf("index build: catalog only %.3f s, with clicks %.3f s\n\n", e.buildSeconds,
                e.buildClicksSeconds);
    std::printf("%-15s %7s %8s %8s %12s %12s %9s %9s\n", "method", "MAP@5", "MRR@10", "NDCG@10",
                "zero/search", "zero/query", "p50 us", "p99 us");
    for (const auto& m : e.methods)
        std::printf("%-15s %7.4f %8.4f %8.4f %11.2f%% %11.2f%% %9.1f %9.1f\n", m.name.c_str(),
                    m.mapAt5, m.mrrAt10, m.ndcgAt10, 100 * m.zeroResultRateSearches,
                    100 * m.zeroResultRateQueries, m.latencyP50Micros, m.latencyP99Micros);
}

int bestBuy(const std::string& dir, bool validation, const SearchParams& params) {
    std::ifstream products(dir + "/small_product_data.csv", std::ios::binary);
    std::ifstream log(dir + "/mytrain.csv", std::ios::binary);
    if (!products || !log) {
        std::fprintf(stderr,
                     "bench_search: no Best Buy data in %s (small_product_data.csv, "
                     "mytrain.csv)\n",
                     dir.c_str());
        return 1;
    }
    ImportOptions options;
    options.fileName = "small_product_data.csv";
    auto catalog = importBestBuyProducts(products, options, {});
    options.fileName = "mytrain.csv";
    auto events = importBestBuySearchLog(log, options, {});
    if (!catalog || !events) {
        std::fprintf(stderr, "bench_search: import failed: %s\n",
                     (!catalog ? catalog.status() : events.status()).toString().c_str());
        return 1;
    }
    auto cases = searchCasesFromEvents(events->events);
    SearchEvaluationParams evaluation;
    if (validation) {
        // Only the training part (the earliest 80%) exists here; its latest 20% is validation.
        cases.resize(std::size_t(double(cases.size()) * (1 - evaluation.testFraction)));
        std::printf("VALIDATION split (inside the training part; the test split is not read)\n");
    } else {
        std::printf("TEST split (latest %.0f%% of the searches by click time)\n",
                    100 * evaluation.testFraction);
    }
    if (const char* misses = std::getenv("MERCH_SEARCH_MISSES")) {
        // Debugging aid: the first N validation/test searches a method misses at rank 1.
        const std::size_t cut = std::size_t(double(cases.size()) * (1 - evaluation.testFraction));
        const std::vector<SearchCase> train(cases.begin(), cases.begin() + long(cut));
        const auto method = searchMethodFromName(
            std::getenv("MERCH_SEARCH_METHOD") ? std::getenv("MERCH_SEARCH_METHOD") : "keyword");
        auto index = SearchIndex::build(
            catalog->products, {},
            method == SearchMethod::HybridClicks ? train : std::vector<SearchCase>{}, params, {});
        int shown = 0;
        for (std::size_t i = cut; i < cases.size() && shown < std::atoi(misses); i += 7) {
            SearchQuery q;
            q.text = cases[i].query;
            q.method = method.value_or(SearchMethod::Keyword);
            q.n = 3;
            auto r = (*index)->search(q);
            const int want = (*index)->productIndex(cases[i].productId);
            if (!r->hits.empty() &&
                (r->hits[0].product == want || std::getenv("MERCH_SEARCH_ZERO")))
                continue;
            ++shown;
            std::printf("Q '%s' (corrected '%s') clicked: %s\n", q.text.c_str(),
                        r->correctedQuery.c_str(),
                        want >= 0 ? (*index)->catalog()[std::size_t(want)].title.c_str() : "?");
            for (const auto& h : r->hits)
                std::printf("     %.3f %s\n", h.score,
                            (*index)->catalog()[std::size_t(h.product)].title.c_str());
        }
    }
    bench::Stopwatch clock;
    auto result = evaluateSearchSplit(catalog->products, {}, cases, params, evaluation, {});
    if (!result) {
        std::fprintf(stderr, "bench_search: %s\n", result.status().toString().c_str());
        return 1;
    }
    printEvaluation(*result);
    std::printf("\ntotal %.1f s, peak memory %.0f MiB\n", clock.seconds(), bench::peakMemoryMiB());
    return 0;
}

} // namespace

int syntheticBenchmark(int products, int queries, const SearchParams& params);

int main(int argc, char** argv) {
    std::string dir = "../shared/data/search";
    bool validation = false;
    int synthetic = 0, queries = 2000;
    SearchParams params;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--data" && i + 1 < argc)
            dir = argv[++i];
        else if (a == "--validation")
            validation = true;
        else if (a == "--synthetic" && i + 1 < argc)
            synthetic = std::atoi(argv[++i]);
        else if (a == "--queries" && i + 1 < argc)
            queries = std::atoi(argv[++i]);
        else if (a == "--set" && i + 1 < argc && setParam(params, argv[i + 1]))
            ++i;
        else {
            std::fprintf(stderr, "bench_search: unknown argument '%s'\n", a.c_str());
            return 2;
        }
    }
    if (auto s = params.validate(); !s) {
        std::fprintf(stderr, "bench_search: %s\n", s.message().c_str());
        return 2;
    }
    if (synthetic > 0)
        return syntheticBenchmark(synthetic, queries, params);
    return bestBuy(dir, validation, params);
}
