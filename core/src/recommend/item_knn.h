// Item-to-item co-occurrence (item-kNN) with shrinkage and time decay.
#pragma once

#include "merch/recommender.h"

namespace merch::recommend {

std::unique_ptr<Recommender> makeItemKnn(const RecommenderParams& params);

} // namespace merch::recommend
