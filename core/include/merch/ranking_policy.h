// The personalized ranker as a world list policy, so the world can say what shoppers would
// truly have done with personalized category pages (trained on the world's exported catalog,
// whose indexes are the world's product indexes).
#pragma once

#include <memory>

#include "merch/ranking.h"
#include "merch/shopper_world.h"

namespace merch {

std::unique_ptr<ListPolicy> makeRankingPolicy(std::shared_ptr<const PersonalizedRanker> ranker);

} // namespace merch
