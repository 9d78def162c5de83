// Builds the demo catalog: exported product rows, their ground truth and deliberate defects.
#pragma once

#include "util/rng.h"
#include "world/world_state.h"

namespace merch::world {

// Fills products, items, defects, subcategory tables and prior sales of `state` from
// state.params, drawing from `rng`.
void generateCatalog(WorldState& state, Rng& rng);

// Lower-case word tokens of a text, split on anything that is not a letter or digit.
std::vector<std::string> tokenize(std::string_view text);

} // namespace merch::world
