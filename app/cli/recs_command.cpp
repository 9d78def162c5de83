// merchsim-cli evaluate recs / recommend: session recommenders on the workspace's sessions.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/rule_options.h"
#include "merch/business_rules.h"
#include "merch/import_formats.h"
#include "merch/rec_evaluation.h"
#include "merch/workspace.h"

namespace merch::cli {

namespace {

// Sessions of a workspace, and its catalog (empty when it holds events only); its events too
// when `keepEvents` is given.
Result<SessionData> workspaceSessions(const std::string& path, std::vector<Product>& catalog,
                                      std::vector<Event>* keepEvents = nullptr) {
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
    SessionData data = SessionData::fromEvents(*events);
    if (keepEvents)
        *keepEvents = std::move(events).value();
    return data;
}

// "item 12" in a model's reason becomes the product id of session item 12.
std::string nameItems(std::string why, const SessionData& data) {
    const auto at = why.find("item ");
    if (at == std::string::npos)
        return why;
    const auto end = why.find(' ', at + 5);
    const std::string digits = why.substr(at + 5, end == std::string::npos ? end : end - at - 5);
    if (digits.empty() || digits.find_first_not_of("0123456789") != std::string::npos)
        return why;
    const int index = std::stoi(digits);
    if (index >= 0 && index < data.itemCount())
        why.replace(at, end == std::string::npos ? end : end - at, data.itemId(index));
    return why;
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
    const auto models = args.value("models") ? splitIdList(*args.value("models"))
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
    CommandSpec spec{
        "recommend",
        "Shows what a model recommends after a product, with the reason for each item, after "
        "the business rules asked for.",
        {{"workspace", "FILE", "the workspace whose sessions train the model", true},
         {"item", "ID", "the product just viewed (a comma-separated history also works)", true},
         {"model", "M",
          "random|best_seller|spop|item_knn|vsknn|stan|sknn_plus|content|hybrid (default "
          "sknn_plus)"},
         {"n", "N", "how many, 1..100 (default 10)"},
         {"json", "", "print JSON"}},
        ""};
    for (auto& option : ruleOptionSpecs("the list"))
        spec.options.push_back(std::move(option));
    return spec;
}

int runRecommend(const ParsedArgs& args) {
    std::string error;
    const auto n = intOption(args, "n", 10, 1, 100, error);
    const std::string modelName = args.value("model").value_or("sknn_plus");
    const auto rules = n ? parseRuleOptions(args, modelName, error) : std::nullopt;
    if (!n || !rules) {
        printError(error);
        std::cerr << usage(recommendSpec());
        return kExitUsage;
    }
    std::vector<Product> catalog;
    std::vector<Event> events;
    auto data = workspaceSessions(*args.value("workspace"), catalog, &events);
    if (!data) {
        printError(data.status().message());
        return kExitFailure;
    }
    auto model = makeRecommender(modelName, {}, &catalog);
    if (!model) {
        printError(model.status().message());
        return kExitUsage;
    }
    if (auto status = (*model)->train(*data, {}); !status) {
        printError(status.message());
        return kExitFailure;
    }
    std::vector<int> history;
    for (const auto& id : splitIdList(*args.value("item"))) {
        const int index = data->itemIndex(id);
        if (index < 0) {
            printError("no session of this workspace touched product '" + id + "'");
            return kExitFailure;
        }
        history.push_back(index);
    }
    // Pinned and buried products must be ones the models know.
    for (const auto& id : rules->pinned)
        if (data->itemIndex(id) < 0) {
            printError("--pin: no session of this workspace touched product '" + id + "'");
            return kExitFailure;
        }
    for (const auto& id : rules->buried)
        if (data->itemIndex(id) < 0) {
            printError("--bury: no session of this workspace touched product '" + id + "'");
            return kExitFailure;
        }
    std::vector<int> purchased;
    if (const auto customer = args.value("exclude-purchased-by")) {
        const bool known = std::any_of(events.begin(), events.end(), [&](const Event& e) {
            return e.customerId == *customer || e.visitorId == *customer;
        });
        if (!known) {
            printError("--exclude-purchased-by: no event of this workspace has customer or "
                       "visitor '" +
                       *customer + "'");
            return kExitFailure;
        }
        for (const auto& id : recentPurchases(events, *customer))
            if (const int index = data->itemIndex(id); index >= 0)
                purchased.push_back(index);
    }
    // Ask the model for more than shown: the rules may drop some.
    const int asked = int(*n) * 4 + 50;
    std::vector<ScoredItem> list, fallback;
    const bool killed = rules->killedModels.count(modelName) > 0;
    std::unique_ptr<Recommender> baseline;
    if (killed) {
        baseline = std::move(makeRecommender("best_seller", {}, &catalog)).value();
        if (auto status = baseline->train(*data, {}); !status) {
            printError(status.message());
            return kExitFailure;
        }
        baseline->recommend(history, asked, fallback);
    } else {
        (*model)->recommend(history, asked, list);
    }
    RuleCounts counts;
    const RuleCatalog facts = RuleCatalog::from(*data, catalog);
    const auto ruled =
        applyBusinessRules(list, fallback, modelName, int(*n), *rules, facts, purchased, counts);
    const Recommender& answering = killed ? *baseline : **model;
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    for (const auto& r : ruled) {
        const std::string why =
            ruledReason(r, killed, nameItems(answering.explain(history, r.item), *data));
        if (args.has("json"))
            json.push_back({{"product_id", data->itemId(r.item)},
                            {"score", r.score},
                            {"category", facts.category[std::size_t(r.item)]},
                            {"in_stock", bool(facts.inStock[std::size_t(r.item)])},
                            {"rule", r.note},
                            {"why", why}});
        else
            std::printf("%-48s %8.4f  %s\n", data->itemId(r.item).c_str(), r.score, why.c_str());
    }
    if (args.has("json")) {
        std::cout << json.dump(2) << "\n";
    } else if (const std::string summary = describeRuleCounts(counts); !summary.empty()) {
        std::printf("rules: %s\n", summary.c_str());
    }
    return kExitOk;
}

} // namespace merch::cli
