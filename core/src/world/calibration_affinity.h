// Products' taste directions from the logs: an embedding of the co-view graph, so that the
// calibrated world's shoppers view together what the store's shoppers viewed together.
// Internal to core/src/world.
#pragma once

#include <cstdint>
#include <vector>

#include "world/calibration_measure.h"

namespace merch::world {

struct CoViewEmbedding {
    int dimensions = 0;
    std::vector<std::vector<float>> vectors; // per product: unit length, or empty (too few
                                             // co-views to place it)
    std::int64_t pairs = 0;                  // distinct co-viewed pairs counted
    int embedded = 0;                        // products with a vector
};

// Positive pointwise mutual information of products viewed in one session (each session's
// first 30 distinct products), reduced to `dimensions` by subspace iteration on the PPMI
// matrix (12 rounds, QR each round). Products with fewer than `minCoViews` co-views stay
// without a vector. Deterministic in `seed`.
CoViewEmbedding coViewEmbedding(const LogMeasures& m, int itemCount, int dimensions, int minCoViews,
                                std::uint64_t seed);

} // namespace merch::world
