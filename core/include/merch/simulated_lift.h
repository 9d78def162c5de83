// The honest lift for the cost model: the Lift simulator's personalized-ranking test on the
// store's world, read as a LiftAssumption (the world's true revenue-per-session lift, with the
// measured test's confidence interval as its range).
#pragma once

#include <string>

#include "merch/cost_model.h"
#include "merch/experiment.h"
#include "merch/run_control.h"
#include "merch/status.h"
#include "merch/use_case_priority.h"

namespace merch {

class Workspace;

// From a finished experiment: revenue_per_session's true lift, range widened to contain it.
Result<LiftAssumption> liftFromExperiment(const ExperimentResult& experiment);

// Runs the default experiment of `treatment` (an ExperimentParams treatment such as "ranking" or
// "messaging"; defaults otherwise) on the demo world the workspace was generated from.
// InvalidArgument for an imported store, which has no world until worlds can be calibrated.
Result<LiftAssumption> simulateTreatmentLift(const Workspace& workspace,
                                             const std::string& treatment,
                                             const RunControl& control);
inline Result<LiftAssumption> simulateRankingLift(const Workspace& workspace,
                                                  const RunControl& control) {
    return simulateTreatmentLift(workspace, "ranking", control);
}

// The experiment treatment that tests a use case, or nullptr while the simulator cannot test it.
const char* treatmentForUseCase(UseCase useCase);

// simulateTreatmentLift for every use case the simulator can test, in UseCase order.
Result<UseCaseLifts> simulateUseCaseLifts(const Workspace& workspace, const RunControl& control);

} // namespace merch
