// The honest lift for the cost model: the Lift simulator's personalized-ranking test on the
// store's world, read as a LiftAssumption (the world's true revenue-per-session lift, with the
// measured test's confidence interval as its range).
#pragma once

#include <string>

#include "merch/cost_model.h"
#include "merch/experiment.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

class Workspace;

// From a finished experiment: revenue_per_session's true lift, range widened to contain it.
Result<LiftAssumption> liftFromExperiment(const ExperimentResult& experiment);

// Runs the default experiment of `treatment` ("ranking" or "messaging"; ExperimentParams
// defaults otherwise) on the demo world the workspace was generated from. InvalidArgument for
// an imported store, which has no world until worlds can be calibrated.
Result<LiftAssumption> simulateTreatmentLift(const Workspace& workspace,
                                             const std::string& treatment,
                                             const RunControl& control);
inline Result<LiftAssumption> simulateRankingLift(const Workspace& workspace,
                                                  const RunControl& control) {
    return simulateTreatmentLift(workspace, "ranking", control);
}

} // namespace merch
