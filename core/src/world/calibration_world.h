// Builds a WorldState from a WorldCalibration: the imported catalog with the logs' popularity,
// the fitted traffic shape and position bias, and shoppers drawn to match the fitted
// distributions. Internal to core/src/world (ShopperWorld::createCalibrated calls it).
#pragma once

#include "merch/shopper_world.h"
#include "merch/status.h"
#include "world/world_state.h"

namespace merch {
struct WorldCalibration;
}

namespace merch::world {

// Fills `state` (state.seed set by the caller). From `params` only days, sessionsPerDay and
// startTime are used; the rest comes from the calibration.
Status buildCalibratedState(WorldState& state, const WorldCalibration& calibration,
                            const WorldParams& params);

} // namespace merch::world
