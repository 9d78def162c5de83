// merchsim-cli evaluate recs / recommend: session recommenders on the workspace's sessions.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "merch/import_formats.h"
#include "merch/rec_evaluation.h"
#include "merch/workspace.h"

namespace merch::cli {

namespace {

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            out.push_back(part);
    return out;
}

// Sessions of a workspace, and its catalog (empty when it holds events only).
Result<SessionData> workspaceSessions(const std::string& path, std::vector<Product>& catalog) {
    auto workspace = Workspace::open(path);
    if (!workspace)
        return workspace.status();
    auto events = (*workspace)->loadEvents();
    if (!events)
        return events.status();
    auto products = (*workspace)->loadProducts();
    if (!products)
        return products.status();
    catalog = std::move(products).value();
    return SessionData::fromEvents(*events);
}

Result<SessionData> fileSessions(const std::string& path, const std::string& format) {
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
    return SessionData::fromEvents(imported->events);
}

} // namespace

CommandSpec evaluateRecsSpec() {
    return {
        "evaluate recs",
        "Evaluates the recommenders offline (session-rec protocol: every position of every "
        "test session is a case) against the baselines.",
        {{"workspace", "FILE", "the workspace whose sessions train (and test) the models", true},
         {"k", "N", "list length, 1..1000 (default 20)"},
         {"test-days", "D",
          "without --test-events: the last D days are the test set "
          "(default 7)"},
         {"test-events", "PATH", "train on the whole workspace, test on this file's sessions"},
         {"format", "F", "format of --test-events (default generic)"},
         {"models", "LIST",
          "comma-separated (default all: random, best_seller, spop, "
          "item_knn, vsknn, sknn_plus, and content, hybrid when there is a catalog)"},
         {"no-current-item", "", "do not count items already in the session as hits"},
         {"json", "", "print JSON"}},
        ""};
}

int runEvaluateRecs(const ParsedArgs& args) {
    std::string error;
    EvaluationParams evaluation;
    const auto k = intOption(args, "k", evaluation.k, 1, 1000, error);
    const auto days = doubleOption(args, "test-days", evaluation.testDays, 0.01, 3650, error);
    if (!k || !days) {
        printError(error);
        std::cerr << usage(evaluateRecsSpec());
        return kExitUsage;
    }
    evaluation.k = int(*k);
    evaluation.testDays = *days;
    evaluation.allowCurrentItem = !args.has("no-current-item");
    std::vector<Product> catalog;
    auto data = workspaceSessions(*args.value("workspace"), catalog);
    if (!data) {
        printError(data.status().message());
        return kExitFailure;
    }
    // Content models step aside when the workspace has no catalog.
    const auto models = args.value("models") ? splitList(*args.value("models"))
                                             : recommenderNames(!catalog.empty());
    Result<EvaluationResult> result = Status::error(StatusCode::Internal, "not run");
    if (const auto testPath = args.value("test-events")) {
        auto test = fileSessions(*testPath, args.value("format").value_or("generic"));
        if (!test) {
            printError(test.status().message());
            return kExitFailure;
        }
        result = evaluateRecommenders(*data, *test, models, {}, evaluation, {}, &catalog);
    } else {
        result = evaluateRecommenders(*data, models, {}, evaluation, {}, &catalog);
    }
    if (!result) {
        printError(result.status().message());
        return result.status().code() == StatusCode::InvalidArgument ? kExitUsage : kExitFailure;
    }
    if (args.has("json")) {
        nlohmann::ordered_json json;
        json["k"] = evaluation.k;
        json["train_sessions"] = result->trainSessions;
        json["test_sessions"] = result->testSessions;
        json["items"] = result->items;
        auto list = nlohmann::ordered_json::array();
        for (const auto& m : result->models)
            list.push_back({{"name", m.name},
                            {"hr_at_k", m.hitRate},
                            {"mrr_at_k", m.mrr},
                            {"ndcg_at_k", m.ndcg},
                            {"coverage", m.coverage},
                            {"popularity_bias", m.popularityBias},
                            {"cases", m.cases},
                            {"train_seconds", m.trainSeconds},
                            {"predict_micros", m.predictMicros}});
        json["models"] = list;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("%lld training sessions, %lld test sessions, %lld items; k = %d\n\n",
                static_cast<long long>(result->trainSessions),
                static_cast<long long>(result->testSessions), static_cast<long long>(result->items),
                evaluation.k);
    std::printf("%-12s %8s %8s %8s %9s %9s %9s %10s\n", "model", "HR@k", "MRR@k", "NDCG@k",
                "coverage", "pop.bias", "cases", "us/query");
    for (const auto& m : result->models)
        std::printf("%-12s %8.4f %8.4f %8.4f %9.3f %9.3f %9lld %10.1f\n", m.name.c_str(), m.hitRate,
                    m.mrr, m.ndcg, m.coverage, m.popularityBias, static_cast<long long>(m.cases),
                    m.predictMicros);
    return kExitOk;
}

CommandSpec recommendSpec() {
    return {"recommend",
            "Shows what a model recommends after a product, with the reason for each item.",
            {{"workspace", "FILE", "the workspace whose sessions train the model", true},
             {"item", "ID", "the product just viewed (a comma-separated history also works)", true},
             {"model", "M",
              "random|best_seller|spop|item_knn|vsknn|sknn_plus|content|hybrid (default "
              "sknn_plus)"},
             {"n", "N", "how many, 1..100 (default 10)"},
             {"json", "", "print JSON"}},
            ""};
}

int runRecommend(const ParsedArgs& args) {
    std::string error;
    const auto n = intOption(args, "n", 10, 1, 100, error);
    if (!n) {
        printError(error);
        std::cerr << usage(recommendSpec());
        return kExitUsage;
    }
    std::vector<Product> catalog;
    auto data = workspaceSessions(*args.value("workspace"), catalog);
    if (!data) {
        printError(data.status().message());
        return kExitFailure;
    }
    auto model = makeRecommender(args.value("model").value_or("sknn_plus"), {}, &catalog);
    if (!model) {
        printError(model.status().message());
        return kExitUsage;
    }
    if (auto status = (*model)->train(*data, {}); !status) {
        printError(status.message());
        return kExitFailure;
    }
    std::vector<int> history;
    for (const auto& id : splitList(*args.value("item"))) {
        const int index = data->itemIndex(id);
        if (index < 0) {
            printError("no session of this workspace touched product '" + id + "'");
            return kExitFailure;
        }
        history.push_back(index);
    }
    std::vector<ScoredItem> list;
    (*model)->recommend(history, int(*n), list);
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& s : list) {
        std::string why = (*model)->explain(history, s.item);
        // Name the product the reason refers to instead of its internal index.
        const auto at = why.find("item ");
        if (at != std::string::npos) {
            const auto end = why.find(' ', at + 5);
            const int index = std::stoi(why.substr(at + 5, end - at - 5));
            why.replace(at, end - at, data->itemId(index));
        }
        if (args.has("json"))
            json.push_back(
                {{"product_id", data->itemId(s.item)}, {"score", s.score}, {"why", why}});
        else
            std::printf("%-48s %8.4f  %s\n", data->itemId(s.item).c_str(), s.score, why.c_str());
    }
    if (args.has("json"))
        std::cout << json.dump(2) << "\n";
    return kExitOk;
}

} // namespace merch::cli
