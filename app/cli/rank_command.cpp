// merchsim-cli rank: a category page in best-seller order and personalized for a history.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.h"
#include "merch/ranking.h"
#include "merch/workspace.h"

namespace merch::cli {

CommandSpec rankSpec() {
    return {
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
}

int runRank(const ParsedArgs& args) {
    std::string error;
    const auto n = intOption(args, "n", 24, 1, 200, error);
    if (!n) {
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
    const auto positionIn = [](const std::vector<int>& order, int item) {
        return int(std::find(order.begin(), order.end(), item) - order.begin()) + 1;
    };
    const std::size_t shown = std::min<std::size_t>(page.size(), std::size_t(*n));
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
            json.push_back({{"position", i + 1},
                            {"best_seller", base.id},
                            {"personalized", mine.id},
                            {"personalized_was_at", from},
                            {"score", (*ranker)->score(history, personal[i])}});
        } else {
            std::printf("%4zu  %-40.40s  %-40.40s  %s\n", i + 1, base.title.c_str(),
                        mine.title.c_str(),
                        move > 0   ? ("up " + std::to_string(move)).c_str()
                        : move < 0 ? ("down " + std::to_string(-move)).c_str()
                                   : "=");
        }
    }
    if (args.has("json"))
        std::cout << json.dump(2) << "\n";
    return kExitOk;
}

} // namespace merch::cli
