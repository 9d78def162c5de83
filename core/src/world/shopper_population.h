// Draws the shopper population: tastes, category interests, price sensitivity, accounts.
#pragma once

#include "util/rng.h"
#include "world/world_state.h"

namespace merch::world {

// Number of distinct shoppers to pre-draw for a run of params (new shoppers arrive from it).
int populationSize(const WorldParams& params);

void generateShoppers(WorldState& state, Rng& rng);

// The world's weekday traffic factor (0 = Monday), averaging 1 over a week.
double weekdayFactor(int weekday);
// Share of a day's sessions starting in each hour (UTC), summing to 1.
const std::vector<double>& hourlyProfile();

} // namespace merch::world
