// Baselines: random, best-seller of the last N days, and session popularity (S-POP).
#pragma once

#include "merch/recommender.h"

namespace merch::recommend {

std::unique_ptr<Recommender> makeRandom(const RecommenderParams& params);
std::unique_ptr<Recommender> makeBestSeller(const RecommenderParams& params);
std::unique_ptr<Recommender> makeSessionPopularity(const RecommenderParams& params);

// Indexes of the `count` largest values, best first (ties by lower index).
void topItems(const std::vector<double>& scores, int count, std::vector<ScoredItem>& out);

} // namespace merch::recommend
