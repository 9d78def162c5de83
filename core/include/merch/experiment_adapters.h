// The store's models as ShopperWorld policies, so the world can say what shoppers would truly
// have done with them: the search engine (merch/search.h) answering the world's searches, and
// a trained recommender (merch/recommender.h) filling product pages' recommendation block.
// Both are trained on the world's exported catalog, whose indexes are the world's products.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "merch/recommender.h"
#include "merch/search.h"
#include "merch/shopper_world.h"

namespace merch {

// Answers each search with the index's first `resultsShown` hits of `method` (the world shows
// 24; default 24, 1..1000). The index must be built on the world's products() in order.
// Results depend on the query alone and are cached per query (thread-safe).
std::unique_ptr<SearchPolicy> makeEngineSearchPolicy(std::shared_ptr<const SearchIndex> index,
                                                     SearchMethod method, int resultsShown = 24);

// Fills the block from `model` (trained on sessions whose item ids are the world's product
// ids) given the visitor's recent products, leaving out the products of that history; when
// the model has fewer than kRecommendationBlockSize items (an unknown product, a cold
// session), the rest comes from `fallback` (the store's best-seller block), as a deployment's
// fallback rule would. `itemIds[i]` is the model's id of its item i; `productIds[p]` the
// store's id of world product p. Calls to the model are serialised (thread-safe).
std::unique_ptr<RecommendationPolicy>
makeRecommenderBlockPolicy(std::shared_ptr<const Recommender> model,
                           const std::vector<std::string>& itemIds,
                           const std::vector<std::string>& productIds,
                           std::shared_ptr<const RecommendationPolicy> fallback);

} // namespace merch
