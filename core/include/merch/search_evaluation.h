// Offline evaluation of product search against logged searches and the product clicked after
// each: MAP@5, MRR@10, NDCG@10 and the zero-result rate, per search and per distinct query.
#pragma once

#include <string>
#include <vector>

#include "merch/event.h"
#include "merch/search.h"

namespace merch {

// Labelled searches of an event log: every product view reached from a search list
// (`list == "search"`) that carries its query, timed at the click. Ordered by time.
std::vector<SearchCase> searchCasesFromEvents(const std::vector<Event>& events);

// Average precision at k of a ranked list with one relevant product: 1/rank when the product
// is within the first k, else 0 (the Best Buy competition's MAP@5 per search).
double averagePrecisionAtK(const std::vector<std::string>& ranked, const std::string& relevant,
                           int k);
// Reciprocal rank within the first k (0 when absent).
double reciprocalRankAtK(const std::vector<std::string>& ranked, const std::string& relevant,
                         int k);
// NDCG at k with graded relevance (`gains` by product id, others 0): DCG = sum (2^g - 1) /
// log2(rank + 1), divided by the DCG of the ideal order.
double ndcgAtK(const std::vector<std::string>& ranked,
               const std::vector<std::pair<std::string, double>>& gains, int k);

struct SearchEvaluationParams {
    double testFraction = 0.2;  // without a test log: the latest share of the labelled searches
                                // is the test set; default 0.2, 0.01..0.9
    int maxTestCases = 1000000; // evenly sampled cap on test searches; default 1e6, 1..1e8
    bool fts5Baselines = true;  // also run SQLite FTS5 BM25 (all words, any word) on the
                                // same queries; default true
    std::vector<SearchMethod> methods = {SearchMethod::Keyword, SearchMethod::Semantic,
                                         SearchMethod::Hybrid, SearchMethod::HybridClicks};

    Status validate() const;
};

struct SearchMethodEvaluation {
    std::string name; // keyword, semantic, hybrid, hybrid_clicks, fts5_all_words, fts5_any_word
    double mapAt5 = 0;
    double mrrAt10 = 0;
    double ndcgAt10 = 0; // binary relevance (the clicked product) since the logs carry no grades
    double zeroResultRateSearches = 0; // share of test searches with no result
    double zeroResultRateQueries = 0;  // share of distinct (normalised) test queries with none
    std::int64_t searches = 0;
    std::int64_t distinctQueries = 0;
    double latencyP50Micros = 0;
    double latencyP99Micros = 0;
    bool usesClicks = false; // trained on the training searches' clicks
};

struct SearchEvaluation {
    std::int64_t products = 0;
    std::int64_t trainSearches = 0;
    std::int64_t testSearches = 0;
    std::int64_t testClickedUnknown = 0; // test searches whose clicked product the catalog lacks
                                         // (counted as misses)
    std::int64_t splitTimestamp = 0;     // first test click (split mode), unix seconds
    double buildSeconds = 0;             // catalog-only index
    double buildClicksSeconds = 0;       // index with click feedback
    std::vector<SearchMethodEvaluation> methods;
};

// Trains on `train` (clicks and learned synonyms; the catalog-only methods ignore them) and
// scores every method on `test`.
Result<SearchEvaluation>
evaluateSearch(const std::vector<Product>& catalog, const std::vector<SynonymRule>& synonyms,
               const std::vector<SearchCase>& train, const std::vector<SearchCase>& test,
               const SearchParams& params, const SearchEvaluationParams& evaluation,
               const RunControl& control);

// Time-ordered split of `cases` (the latest testFraction is the test set), then evaluateSearch.
Result<SearchEvaluation>
evaluateSearchSplit(const std::vector<Product>& catalog, const std::vector<SynonymRule>& synonyms,
                    std::vector<SearchCase> cases, const SearchParams& params,
                    const SearchEvaluationParams& evaluation, const RunControl& control);

} // namespace merch
