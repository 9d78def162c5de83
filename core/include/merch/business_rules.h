// The rules every real deployment puts between a model and the page: no out-of-stock items,
// nothing just bought, a cap per category for variety, pinned and buried products, and a kill
// switch per model that falls back to the baseline.
#pragma once

#include <span>
#include <string>
#include <unordered_set>
#include <vector>

#include "merch/event.h"
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
    // The facts by catalog index (for category pages, whose items are catalog indexes).
    static RuleCatalog fromProducts(const std::vector<Product>& catalog);
};

// What the rules did to one list, for "2 out-of-stock products hidden".
struct RuleCounts {
    int outOfStock = 0;  // items of the model's list dropped as out of stock
    int purchased = 0;   // dropped as just purchased
    int capped = 0;      // skipped by the cap per category
    int pinned = 0;      // pinned items placed first
    int buried = 0;      // buried items moved to the end (shown or not)
    bool killed = false; // the kill switch was on: the fallback answered
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
// The same, counting what each rule did.
std::vector<RuledItem> applyBusinessRules(const std::vector<ScoredItem>& ranked,
                                          const std::vector<ScoredItem>& fallback,
                                          const std::string& modelName, int count,
                                          const BusinessRules& rules, const RuleCatalog& catalog,
                                          std::span<const int> purchased, RuleCounts& counts);

// The reason shown for a ruled item: the rule that placed it, then the model's own reason
// ("pinned by the merchandiser", "buried by the merchandiser (moved to the end); viewed
// together with ...", "fell back to best-seller: kill switch on; best-seller of the last 14
// days").
std::string ruledReason(const RuledItem& item, bool killSwitchOn, const std::string& modelReason,
                        const std::string& fallbackName = "best-seller");

// One line summing up what the rules removed or moved ("2 out of stock hidden, 1 capped"); empty
// when they changed nothing.
std::string describeRuleCounts(const RuleCounts& counts);

// Products `customer` (a customer id or a visitor id) bought in the `days` days before the last
// event of `events`, most recent last, without repeats. Empty when they bought nothing then.
std::vector<std::string> recentPurchases(const std::vector<Event>& events,
                                         const std::string& customer, double days = 30);

} // namespace merch
