// The rules every real deployment puts between a model and the page: no out-of-stock items,
// nothing just bought, a cap per category for variety, pinned and buried products, and a kill
// switch per model that falls back to the baseline.
#pragma once

#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "merch/product.h"
#include "merch/recommender.h"
#include "merch/status.h"

namespace merch {

struct BusinessRules {
    bool excludeOutOfStock = true;    // drop products whose every variant has inventory <= 0
    bool excludeJustPurchased = true; // drop products in `purchased` (the visitor's recent
                                      // orders, supplied per request)
    int maxPerCategory = 0;           // at most this many per (sub)category; 0 = no cap; 0..100
    std::vector<std::string> pinned;  // product ids placed first, in this order, if eligible
    std::unordered_set<std::string> buried;       // product ids moved to the end of the list
    std::unordered_set<std::string> killedModels; // models switched off: the baseline answers

    Status validate() const;
};

// The catalog facts rules need, by the recommender's item index.
struct RuleCatalog {
    std::vector<std::string> productIds; // item index -> product id
    std::vector<std::string> category;   // "" when unknown (events without a catalog)
    std::vector<bool> inStock;           // true when unknown

    // Builds the facts for a recommender's items from the catalog (missing products: unknown).
    static RuleCatalog from(const SessionData& data, const std::vector<Product>& catalog);
};

struct RuledItem {
    int item = 0;
    double score = 0;
    std::string note; // "pinned", "buried", or empty
};

// Applies the rules to a model's ranked list and returns at most `count` items. `fallback` is
// used instead of `ranked` when `modelName` is killed. Items removed are never re-added.
std::vector<RuledItem> applyBusinessRules(const std::vector<ScoredItem>& ranked,
                                          const std::vector<ScoredItem>& fallback,
                                          const std::string& modelName, int count,
                                          const BusinessRules& rules, const RuleCatalog& catalog,
                                          std::span<const int> purchased);

} // namespace merch
