// Shared between the calibration's fitting (calibration.cpp) and its simulation steps
// (calibration_tuning.cpp). Internal to core/src/world.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "merch/run_control.h"
#include "merch/world_calibration.h"
#include "world/calibration_measure.h"

namespace merch::world {

// The logs' figures the tuned world must reproduce, measured like a simulated run's.
struct TuningTargets {
    double sessionsPerDay = 0;
    double returningShare = 0; // over the first tuning days of the logs (the world starts empty)
    double viewsPerSession = 0;
    double addToCartRate = 0;
    double cartToPurchase = 0;
    // Clicks per impression at positions 1-3 of randomized pages; -1 when the logs have too few
    // (then the click intercept follows views a session and the appeal scale the top-10% view
    // share; else the intercept follows this and the appeal scale views a session, so the
    // store's ordering beats random order by as much as in the logs).
    double randomCtr = -1;
};

// Pooled clicks per impression at positions 1-3 (of randomized pages when the logs have them).
double topPositionsCtr(const LogMeasures& m, std::int64_t minClicks);

// Runs the calibrated world's baseline for `days` at `arrivals` a day and measures its logs.
Result<LogMeasures> simulateBaseline(const WorldCalibration& calibration, int days, double arrivals,
                                     std::uint64_t seed, const RunControl& control);

// Damped fixed-point steps on short runs until the simulated figures match `targets`; fills
// calibration.tuning.
Status tuneWorld(WorldCalibration& calibration, const TuningTargets& targets,
                 const LogMeasures& logged, const CalibrationParams& params,
                 const RunControl& control);

// Replays the tuned baseline with another seed and compares with the logs.
Result<CalibrationValidation> replayWorld(const WorldCalibration& calibration,
                                          const LogMeasures& logged,
                                          const std::vector<Event>& events,
                                          const CalibrationParams& params,
                                          const RunControl& control);

// The logs' first `days` days only (sessions starting before then).
std::vector<Event> firstDays(const std::vector<Event>& events, std::int64_t firstDay, int days);

// Share of views on the top `share` of products over a random sample of `sampleSessions`
// sessions (all when larger than the logs), and a bootstrap 95% interval over such samples.
Interval sampledTopShare(const LogMeasures& m, int itemCount, double share,
                         std::int64_t sampleSessions, int resamples, std::uint64_t seed);

std::unordered_map<std::string, int> productIndex(const WorldCalibration& calibration);

} // namespace merch::world
