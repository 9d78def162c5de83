// Offline search evaluation (see merch/search_evaluation.h).
#include "merch/search_evaluation.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <unordered_map>

#include "search/fts5_baseline.h"
#include "search/text_analysis.h"

namespace merch {

std::vector<SearchCase> searchCasesFromEvents(const std::vector<Event>& events) {
    std::vector<SearchCase> out;
    for (const auto& e : events)
        if (e.type == EventType::View && e.list == "search" && !e.query.empty() &&
            !e.productId.empty())
            out.push_back({e.timestamp, e.query, e.productId});
    std::stable_sort(out.begin(), out.end(), [](const SearchCase& a, const SearchCase& b) {
        return a.timestamp < b.timestamp;
    });
    return out;
}

double averagePrecisionAtK(const std::vector<std::string>& ranked, const std::string& relevant,
                           int k) {
    for (std::size_t i = 0; i < ranked.size() && int(i) < k; ++i)
        if (ranked[i] == relevant)
            return 1.0 / double(i + 1);
    return 0.0;
}

double reciprocalRankAtK(const std::vector<std::string>& ranked, const std::string& relevant,
                         int k) {
    return averagePrecisionAtK(ranked, relevant, k); // equal when one product is relevant
}

double ndcgAtK(const std::vector<std::string>& ranked,
               const std::vector<std::pair<std::string, double>>& gains, int k) {
    const auto gain = [&](const std::string& id) {
        for (const auto& [g, value] : gains)
            if (g == id)
                return value;
        return 0.0;
    };
    double dcg = 0;
    for (std::size_t i = 0; i < ranked.size() && int(i) < k; ++i)
        dcg += (std::pow(2.0, gain(ranked[i])) - 1.0) / std::log2(double(i) + 2.0);
    std::vector<double> ideal;
    for (const auto& [id, value] : gains)
        ideal.push_back(value);
    std::sort(ideal.rbegin(), ideal.rend());
    double idcg = 0;
    for (std::size_t i = 0; i < ideal.size() && int(i) < k; ++i)
        idcg += (std::pow(2.0, ideal[i]) - 1.0) / std::log2(double(i) + 2.0);
    return idcg > 0 ? dcg / idcg : 0.0;
}

Status SearchEvaluationParams::validate() const {
    if (!(testFraction >= 0.01 && testFraction <= 0.9))
        return Status::invalidArgument("testFraction must be in [0.01, 0.9] (got " +
                                       std::to_string(testFraction) + ")");
    if (maxTestCases < 1 || maxTestCases > 100000000)
        return Status::invalidArgument("maxTestCases must be in [1, 100000000] (got " +
                                       std::to_string(maxTestCases) + ")");
    if (methods.empty() && !fts5Baselines)
        return Status::invalidArgument("methods is empty: nothing to evaluate");
    return Status::ok();
}

namespace {

double percentile(std::vector<double> values, double q) {
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t at = std::min(values.size() - 1, std::size_t(q * double(values.size())));
    return values[at];
}

// Scores one method given a function from query to ranked product ids (empty: no result).
template <typename Search>
Result<SearchMethodEvaluation> score(const std::string& name, const std::vector<SearchCase>& test,
                                     Search&& run, const RunControl& control) {
    SearchMethodEvaluation m;
    m.name = name;
    std::unordered_map<std::string, bool> zeroByQuery;
    std::vector<double> micros;
    micros.reserve(test.size());
    std::int64_t zero = 0;
    for (std::size_t i = 0; i < test.size(); ++i) {
        if (i % 256 == 0 && !control.report(double(i) / double(test.size()), name))
            return Status::cancelled();
        const auto& c = test[i];
        const auto start = std::chrono::steady_clock::now();
        auto ranked = run(c.query);
        micros.push_back(
            std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start)
                .count());
        if (!ranked)
            return ranked.status();
        const bool none = ranked->empty();
        zero += none ? 1 : 0;
        zeroByQuery[search::normalizedQuery(c.query)] = none;
        m.mapAt5 += averagePrecisionAtK(*ranked, c.productId, 5);
        m.mrrAt10 += reciprocalRankAtK(*ranked, c.productId, 10);
        m.ndcgAt10 += ndcgAtK(*ranked, {{c.productId, 1.0}}, 10);
    }
    const double count = double(std::max<std::size_t>(test.size(), 1));
    m.searches = std::int64_t(test.size());
    m.mapAt5 /= count;
    m.mrrAt10 /= count;
    m.ndcgAt10 /= count;
    m.zeroResultRateSearches = double(zero) / count;
    std::int64_t zeroQueries = 0;
    for (const auto& [q, none] : zeroByQuery)
        zeroQueries += none ? 1 : 0;
    m.distinctQueries = std::int64_t(zeroByQuery.size());
    m.zeroResultRateQueries =
        zeroByQuery.empty() ? 0.0 : double(zeroQueries) / double(zeroByQuery.size());
    m.latencyP50Micros = percentile(micros, 0.5);
    m.latencyP99Micros = percentile(micros, 0.99);
    return m;
}

} // namespace

Result<SearchEvaluation>
evaluateSearch(const std::vector<Product>& catalog, const std::vector<SynonymRule>& synonyms,
               const std::vector<SearchCase>& train, const std::vector<SearchCase>& testAll,
               const SearchParams& params, const SearchEvaluationParams& evaluation,
               const RunControl& control) {
    if (auto s = params.validate(); !s)
        return s;
    if (auto s = evaluation.validate(); !s)
        return s;
    if (catalog.empty())
        return Status::invalidArgument("the workspace has no products to search");
    if (testAll.empty())
        return Status::invalidArgument("there are no labelled test searches (product views "
                                       "from a search with their query)");
    std::vector<SearchCase> test;
    if (int(testAll.size()) > evaluation.maxTestCases) {
        const double step = double(testAll.size()) / double(evaluation.maxTestCases);
        for (int i = 0; i < evaluation.maxTestCases; ++i)
            test.push_back(testAll[std::size_t(double(i) * step)]);
    } else {
        test = testAll;
    }
    SearchEvaluation out;
    out.products = std::int64_t(catalog.size());
    out.trainSearches = std::int64_t(train.size());
    out.testSearches = std::int64_t(test.size());
    out.splitTimestamp = test.front().timestamp;

    const bool wantClicks = std::find(evaluation.methods.begin(), evaluation.methods.end(),
                                      SearchMethod::HybridClicks) != evaluation.methods.end();
    const double buildShare = wantClicks ? 0.3 : 0.15;
    auto start = std::chrono::steady_clock::now();
    auto plain = SearchIndex::build(catalog, synonyms, {}, params, control.scaled(0, 0.1));
    if (!plain)
        return plain.status();
    out.buildSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::shared_ptr<const SearchIndex> withClicks;
    if (wantClicks && !train.empty()) {
        start = std::chrono::steady_clock::now();
        auto built =
            SearchIndex::build(catalog, synonyms, train, params, control.scaled(0.1, buildShare));
        if (!built)
            return built.status();
        withClicks = *built;
        out.buildClicksSeconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    for (const auto& c : test)
        out.testClickedUnknown += (*plain)->productIndex(c.productId) < 0 ? 1 : 0;

    std::vector<
        std::pair<std::string, std::function<Result<std::vector<std::string>>(const std::string&)>>>
        runs;
    for (const auto method : evaluation.methods) {
        const bool clicks = method == SearchMethod::HybridClicks;
        if (clicks && !withClicks)
            continue; // no training searches: nothing to learn from
        const SearchIndex* index = clicks ? withClicks.get() : plain->get();
        runs.emplace_back(
            searchMethodName(method),
            [index, method](const std::string& q) -> Result<std::vector<std::string>> {
                SearchQuery query;
                query.text = q;
                query.method = method;
                query.n = 10;
                // Keyword is measured as it is, without the semantic fallback.
                query.fallback = method != SearchMethod::Keyword;
                auto r = index->search(query);
                if (!r)
                    return r.status();
                std::vector<std::string> ids;
                for (const auto& h : r->hits)
                    ids.push_back(index->catalog()[std::size_t(h.product)].id);
                return ids;
            });
    }
    std::shared_ptr<search::Fts5Baseline> fts;
    if (evaluation.fts5Baselines) {
        fts = std::make_shared<search::Fts5Baseline>();
        if (auto s = fts->build(catalog); !s)
            return s;
        for (bool all : {true, false})
            runs.emplace_back(
                all ? "fts5_all_words" : "fts5_any_word",
                [fts, all, &catalog](const std::string& q) -> Result<std::vector<std::string>> {
                    auto r = fts->search(q, all, 10);
                    if (!r)
                        return r.status();
                    std::vector<std::string> ids;
                    for (int i : *r)
                        ids.push_back(catalog[std::size_t(i)].id);
                    return ids;
                });
    }
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const double from = buildShare + (1 - buildShare) * double(i) / double(runs.size());
        const double to = buildShare + (1 - buildShare) * double(i + 1) / double(runs.size());
        auto m = score(runs[i].first, test, runs[i].second, control.scaled(from, to));
        if (!m)
            return m.status();
        m->usesClicks = runs[i].first == "hybrid_clicks";
        out.methods.push_back(*m);
    }
    if (!control.report(1.0, "evaluated"))
        return Status::cancelled();
    return out;
}

Result<SearchEvaluation>
evaluateSearchSplit(const std::vector<Product>& catalog, const std::vector<SynonymRule>& synonyms,
                    std::vector<SearchCase> cases, const SearchParams& params,
                    const SearchEvaluationParams& evaluation, const RunControl& control) {
    if (auto s = evaluation.validate(); !s)
        return s;
    if (cases.size() < 2)
        return Status::invalidArgument("the workspace has " + std::to_string(cases.size()) +
                                       " labelled searches; a time split needs at least 2");
    std::stable_sort(cases.begin(), cases.end(), [](const SearchCase& a, const SearchCase& b) {
        return a.timestamp < b.timestamp;
    });
    std::size_t cut =
        std::size_t(std::llround(double(cases.size()) * (1 - evaluation.testFraction)));
    cut = std::clamp<std::size_t>(cut, 1, cases.size() - 1);
    // Searches at the same second as the first test search go to the test set too.
    while (cut > 1 && cases[cut - 1].timestamp == cases[cut].timestamp)
        --cut;
    const std::vector<SearchCase> train(cases.begin(), cases.begin() + long(cut));
    const std::vector<SearchCase> test(cases.begin() + long(cut), cases.end());
    return evaluateSearch(catalog, synonyms, train, test, params, evaluation, control);
}

} // namespace merch
