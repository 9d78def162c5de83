// merchsim-cli rank: a category page in best-seller order and personalized for a history.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "cli/rule_options.h"
#include "merch/business_rules.h"
#include "merch/ranking.h"
#include "merch/workspace.h"

namespace merch::cli {

CommandSpec rankSpec() {
    CommandSpec spec{
        "rank",
        "Reorders a category page for a visitor's recent products: best-seller order and "
        "personalized order side by side, with each product's move.",
        {{"workspace", "FILE", "the workspace whose catalog and sessions train the ranker", true},
         {"category", "C", "a category or subcategory name (\"Hoodies\")", true},
         {"history", "IDS", "the visitor's recent product ids, oldest first, comma-separated",
          true},
         {"n", "N", "how many positions to show, 1..200 (default 24)"},
         {"json", "", "print JSON"}},
        ""};
    // The rules apply to the personalized column; the best-seller column stays the baseline.
    for (auto& option : ruleOptionSpecs("the page"))
        spec.options.push_back(std::move(option));
    return spec;
}

int runRank(const ParsedArgs& args) {
    std::string error;
    const auto n = intOption(args, "n", 24, 1, 200, error);
    const auto rules = n ? parseRuleOptions(args, "ranking", error) : std::nullopt;
    if (!n || !rules) {
        printError(error);
        std::cerr << usage(rankSpec());
        return kExitUsage;
    }
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto products = (*workspace)->loadProducts();
    auto events =
        products ? (*workspace)->loadEvents() : Result<std::vector<Event>>(products.status());
    if (!products || !events) {
        printError((products ? events.status() : products.status()).message());
        return kExitFailure;
    }
    auto ranker = PersonalizedRanker::train(*products, *events, {}, {});
    if (!ranker) {
        printError(ranker.status().message());
        return kExitFailure;
    }
    const std::string category = *args.value("category");
    std::vector<int> page;
    for (int i = 0; i < int(products->size()); ++i) {
        const Product& p = (*products)[std::size_t(i)];
        if (p.category == category || p.subcategory == category)
            page.push_back(i);
    }
    if (page.empty()) {
        printError("no product has category or subcategory '" + category + "'");
        return kExitFailure;
    }
    std::vector<int> history;
    std::stringstream list(*args.value("history"));
    for (std::string id; std::getline(list, id, ',');) {
        const int index = (*ranker)->catalogIndex(id);
        if (index < 0) {
            printError("unknown product '" + id + "' in --history");
            return kExitFailure;
        }
        history.push_back(index);
    }
    // Best-seller order: the ranker's popularity feature alone.
    std::vector<int> bestSellers = page;
    std::stable_sort(bestSellers.begin(), bestSellers.end(), [&](int a, int b) {
        return (*ranker)->features({}, a)[0] > (*ranker)->features({}, b)[0];
    });
    std::vector<int> personal = page;
    (*ranker)->rank(history, personal);
    // Pins must be on this page; buried and pinned ids must exist.
    for (const auto& id : rules->pinned) {
        const int index = (*ranker)->catalogIndex(id);
        if (index < 0 || std::find(page.begin(), page.end(), index) == page.end()) {
            printError("--pin: product '" + id + "' is not on the '" + category + "' page");
            return kExitFailure;
        }
    }
    for (const auto& id : rules->buried) {
        if ((*ranker)->catalogIndex(id) < 0) {
            printError("--bury: unknown product '" + id + "'");
            return kExitFailure;
        }
    }
    std::vector<int> purchased;
    if (const auto customer = args.value("exclude-purchased-by")) {
        const bool known = std::any_of(events->begin(), events->end(), [&](const Event& e) {
            return e.customerId == *customer || e.visitorId == *customer;
        });
        if (!known) {
            printError("--exclude-purchased-by: no event of this workspace has customer or "
                       "visitor '" +
                       *customer + "'");
            return kExitFailure;
        }
        for (const auto& id : recentPurchases(*events, *customer))
            if (const int index = (*ranker)->catalogIndex(id); index >= 0)
                purchased.push_back(index);
    }
    const auto scoredList = [&](const std::vector<int>& order) {
        std::vector<ScoredItem> out;
        for (int item : order)
            out.push_back({item, (*ranker)->score(history, item)});
        return out;
    };
    const bool killed = !rules->killedModels.empty();
    RuleCounts counts;
    const auto ruled =
        applyBusinessRules(killed ? std::vector<ScoredItem>{} : scoredList(personal),
                           scoredList(bestSellers), "ranking", int(page.size()), *rules,
                           RuleCatalog::fromProducts(*products), purchased, counts);
    personal.clear();
    for (const auto& r : ruled)
        personal.push_back(r.item);
    const auto positionIn = [](const std::vector<int>& order, int item) {
        return int(std::find(order.begin(), order.end(), item) - order.begin()) + 1;
    };
    const std::size_t shown =
        std::min<std::size_t>(std::min(page.size(), personal.size()), std::size_t(*n));
    nlohmann::ordered_json json = nlohmann::ordered_json::array();
    if (!args.has("json"))
        std::printf("%4s  %-40s  %-40s  %s\n", "pos", "best-seller order", "personalized order",
                    "move");
    for (std::size_t i = 0; i < shown; ++i) {
        const Product& base = (*products)[std::size_t(bestSellers[i])];
        const Product& mine = (*products)[std::size_t(personal[i])];
        const int from = positionIn(bestSellers, personal[i]);
        const int move = from - int(i + 1);
        if (args.has("json")) {
            json.push_back(
                {{"position", i + 1},
                 {"best_seller", base.id},
                 {"personalized", mine.id},
                 {"personalized_was_at", from},
                 {"score", (*ranker)->score(history, personal[i])},
                 {"rule", ruled[i].note},
                 {"why",
                  ruledReason(ruled[i], killed,
                              move > 0   ? "up " + std::to_string(move) + " for this visitor"
                              : move < 0 ? "down " + std::to_string(-move) + " for this visitor"
                                         : "",
                              "best-seller order")}});
        } else {
            const std::string moved = move > 0   ? "up " + std::to_string(move)
                                      : move < 0 ? "down " + std::to_string(-move)
                                                 : "=";
            std::printf("%4zu  %-40.40s  %-40.40s  %s%s\n", i + 1, base.title.c_str(),
                        mine.title.c_str(), moved.c_str(),
                        ruled[i].note.empty() ? "" : ("  (" + ruled[i].note + ")").c_str());
        }
    }
    if (args.has("json"))
        std::cout << json.dump(2) << "\n";
    else if (const std::string summary = describeRuleCounts(counts); !summary.empty())
        std::printf("rules: %s\n", summary.c_str());
    return kExitOk;
}

} // namespace merch::cli
