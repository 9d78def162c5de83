// The store's built-in policies for search and product-page blocks, as the world runs them.
// Internal to core/src/world (the public factories are on ShopperWorld).
#pragma once

#include <memory>

#include "merch/shopper_world.h"
#include "world/world_state.h"

namespace merch::world {

// Every query word must appear in the exported row (a plural "s" or "es" allowed either way);
// the matches ordered by trailing best-sellers.
std::unique_ptr<SearchPolicy> makeNativeSearchPolicy(const WorldState& world);

// The viewed product's exported subcategory (its category when the subcategory is missing) by
// trailing best-sellers, the viewed product left out; no block for a product without either.
std::unique_ptr<RecommendationPolicy> makeBestSellerBlockPolicy(const WorldState& world);

} // namespace merch::world
