// merchsim-cli search / evaluate search: product search on a workspace's catalog and logs.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/import_formats.h"
#include "merch/search_evaluation.h"
#include "merch/workspace.h"

namespace merch::cli {

namespace {

struct WorkspaceSearchData {
    std::vector<Product> catalog;
    std::vector<SynonymRule> synonyms;
    std::vector<SearchCase> cases;
};

Result<WorkspaceSearchData> loadSearchData(const std::string& path) {
    auto workspace = Workspace::open(path);
    if (!workspace)
        return workspace.status();
    WorkspaceSearchData data;
    auto products = (*workspace)->loadProducts();
    if (!products)
        return products.status();
    data.catalog = std::move(products).value();
    auto events = (*workspace)->loadEvents();
    if (!events)
        return events.status();
    data.cases = searchCasesFromEvents(*events);
    if (auto text = (*workspace)->meta(kSynonymsMetaKey)) {
        auto rules = parseSynonyms(*text);
        if (!rules)
            return Status::invalidArgument("the workspace's synonym list: " +
                                           rules.status().message());
        data.synonyms = std::move(rules).value();
    }
    return data;
}

Result<std::vector<SearchCase>> fileCases(const std::string& path, const std::string& format) {
    const ImportFormat* importer = findImportFormat(format, ImportKind::Events);
    if (!importer)
        return Status::invalidArgument("--format must name an events format (got '" + format +
                                       "')");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status::error(StatusCode::NotFound, "cannot open " + path);
    ImportOptions options;
    options.fileName = path;
    auto imported = importer->importEvents(in, options, {});
    if (!imported)
        return imported.status();
    return searchCasesFromEvents(imported->events);
}

int failure(const Status& status) {
    printError(status.message());
    return status.code() == StatusCode::InvalidArgument ? kExitUsage : kExitFailure;
}

} // namespace

CommandSpec searchSpec() {
    return {"search",
            "Searches the workspace's catalog (keyword, semantic or hybrid; with the workspace's "
            "search logs as click feedback when it has them).",
            {{"workspace", "FILE", "the workspace whose catalog is searched", true},
             {"method", "M",
              "keyword|semantic|hybrid|hybrid_clicks (default hybrid; hybrid_clicks needs "
              "search logs)"},
             {"n", "N", "how many results, 1..1000 (default 10)"},
             {"json", "", "print JSON"}},
            "QUERY"};
}

int runSearch(const ParsedArgs& args) {
    std::string error;
    const auto n = intOption(args, "n", 10, 1, 1000, error);
    const std::string methodName = args.value("method").value_or("hybrid");
    const auto method = searchMethodFromName(methodName);
    if (!n || !method || args.positional.empty()) {
        printError(!n ? error
                   : !method
                       ? "--method must be keyword, semantic, hybrid or hybrid_clicks (got '" +
                             methodName + "')"
                       : "give the QUERY to search for");
        std::cerr << usage(searchSpec());
        return kExitUsage;
    }
    std::string text;
    for (const auto& word : args.positional)
        text += (text.empty() ? "" : " ") + word;
    auto data = loadSearchData(*args.value("workspace"));
    if (!data)
        return failure(data.status());
    if (data->catalog.empty()) {
        printError("the workspace has no products to search");
        return kExitFailure;
    }
    // Logs only feed the index when the method uses them.
    const bool clicks = *method == SearchMethod::HybridClicks;
    if (clicks && data->cases.empty()) {
        printError("--method hybrid_clicks needs search logs; this workspace has no product views "
                   "from searches");
        return kExitFailure;
    }
    auto index = SearchIndex::build(data->catalog, data->synonyms,
                                    clicks ? data->cases : std::vector<SearchCase>{}, {}, {});
    if (!index)
        return failure(index.status());
    SearchQuery query;
    query.text = text;
    query.method = *method;
    query.n = int(*n);
    auto response = (*index)->search(query);
    if (!response)
        return failure(response.status());
    const auto& catalog = (*index)->catalog();
    if (args.has("json")) {
        nlohmann::ordered_json json;
        json["query"] = text;
        json["method"] = searchMethodName(*method);
        json["corrected_query"] = response->correctedQuery;
        json["synonyms"] = response->expandedSynonyms;
        json["semantic_fallback"] = response->usedSemanticFallback;
        json["total_matches"] = response->totalMatches;
        json["approximate_neighbours"] = (*index)->approximateNeighbours();
        auto results = nlohmann::ordered_json::array();
        for (const auto& h : response->hits) {
            const auto& p = catalog[std::size_t(h.product)];
            results.push_back({{"product_id", p.id},
                               {"title", p.title},
                               {"score", h.score},
                               {"matched_terms", h.matchedTerms}});
        }
        json["results"] = results;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    if (!response->correctedQuery.empty())
        std::printf("Showing results for: %s\n", response->correctedQuery.c_str());
    if (response->usedSemanticFallback)
        std::printf("No keyword match; showing semantic matches.\n");
    if (response->hits.empty())
        std::printf("No results for '%s'.\n", text.c_str());
    int rank = 0;
    for (const auto& h : response->hits) {
        const auto& p = catalog[std::size_t(h.product)];
        std::string matched;
        for (const auto& t : h.matchedTerms)
            matched += (matched.empty() ? "" : ",") + t;
        std::printf("%3d  %-14s %9.4f  %s%s\n", ++rank, p.id.c_str(), h.score, p.title.c_str(),
                    matched.empty() ? "" : ("  [" + matched + "]").c_str());
    }
    return kExitOk;
}

CommandSpec evaluateSearchSpec() {
    return {"evaluate search",
            "Evaluates keyword, semantic, hybrid and hybrid with click feedback against logged "
            "searches and the product clicked after each, next to SQLite FTS5 baselines.",
            {{"workspace", "FILE", "the workspace whose catalog (and logs) train the search", true},
             {"test-log", "PATH",
              "train on the whole workspace, test on this search log (default: a time-ordered "
              "split of the workspace's own searches)"},
             {"format", "F",
              "events format of --test-log (default generic; bestbuy for the "
              "Best Buy search log)"},
             {"test-fraction", "X",
              "without --test-log: the latest share of searches tested, 0.01..0.9 (default 0.2)"},
             {"json", "", "print JSON"}},
            ""};
}

int runEvaluateSearch(const ParsedArgs& args) {
    std::string error;
    SearchEvaluationParams evaluation;
    const auto fraction =
        doubleOption(args, "test-fraction", evaluation.testFraction, 0.01, 0.9, error);
    if (!fraction) {
        printError(error);
        std::cerr << usage(evaluateSearchSpec());
        return kExitUsage;
    }
    evaluation.testFraction = *fraction;
    auto data = loadSearchData(*args.value("workspace"));
    if (!data)
        return failure(data.status());
    Result<SearchEvaluation> result = Status::error(StatusCode::Internal, "not run");
    if (const auto testLog = args.value("test-log")) {
        auto test = fileCases(*testLog, args.value("format").value_or("generic"));
        if (!test)
            return failure(test.status());
        result =
            evaluateSearch(data->catalog, data->synonyms, data->cases, *test, {}, evaluation, {});
    } else {
        result =
            evaluateSearchSplit(data->catalog, data->synonyms, data->cases, {}, evaluation, {});
    }
    if (!result)
        return failure(result.status());
    if (args.has("json")) {
        nlohmann::ordered_json json;
        json["products"] = result->products;
        json["train_searches"] = result->trainSearches;
        json["test_searches"] = result->testSearches;
        json["test_clicked_unknown"] = result->testClickedUnknown;
        json["mode"] = args.value("test-log") ? "test_log" : "time_split";
        json["build_seconds"] = result->buildSeconds;
        auto list = nlohmann::ordered_json::array();
        for (const auto& m : result->methods)
            list.push_back({{"name", m.name},
                            {"map_at_5", m.mapAt5},
                            {"mrr_at_10", m.mrrAt10},
                            {"ndcg_at_10", m.ndcgAt10},
                            {"zero_result_rate_searches", m.zeroResultRateSearches},
                            {"zero_result_rate_queries", m.zeroResultRateQueries},
                            {"searches", m.searches},
                            {"distinct_queries", m.distinctQueries},
                            {"uses_clicks", m.usesClicks},
                            {"latency_p50_us", m.latencyP50Micros},
                            {"latency_p99_us", m.latencyP99Micros}});
        json["methods"] = list;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("%lld products, %lld training searches, %lld test searches (%s)\n",
                static_cast<long long>(result->products),
                static_cast<long long>(result->trainSearches),
                static_cast<long long>(result->testSearches),
                args.value("test-log") ? "test log" : "time-ordered split");
    std::printf("zero results: share of test searches / of distinct test queries\n\n");
    std::printf("%-15s %7s %8s %8s %12s %12s %9s\n", "method", "MAP@5", "MRR@10", "NDCG@10",
                "zero/search", "zero/query", "searches");
    for (const auto& m : result->methods)
        std::printf("%-15s %7.4f %8.4f %8.4f %11.2f%% %11.2f%% %9lld\n", m.name.c_str(), m.mapAt5,
                    m.mrrAt10, m.ndcgAt10, 100 * m.zeroResultRateSearches,
                    100 * m.zeroResultRateQueries, static_cast<long long>(m.searches));
    return kExitOk;
}

} // namespace merch::cli
