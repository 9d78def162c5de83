// The honest lift for the cost model: the Lift simulator's personalized-ranking test on the
// store's world, read as a LiftAssumption (the world's true revenue-per-session lift, with the
// measured test's confidence interval as its range).
#pragma once

#include <cstdint>
#include <string>

#include "merch/cost_model.h"
#include "merch/experiment.h"
#include "merch/run_control.h"
#include "merch/status.h"
#include "merch/use_case_priority.h"

namespace merch {

class Workspace;

// The default A/B test for a workspace's store: ExperimentParams defaults on the demo world the
// store was generated from (with its seed), or, for an imported store, on a world calibrated from
// its catalog and events (merch/world_calibration.h, seed 42; takes seconds to a minute).
struct WorkspaceExperiment {
    ExperimentParams params;
    std::uint64_t seed = 42;
};
Result<WorkspaceExperiment> workspaceExperiment(const Workspace& workspace,
                                                const RunControl& control);

// From a finished experiment: revenue_per_session's true lift, range widened to contain it.
Result<LiftAssumption> liftFromExperiment(const ExperimentResult& experiment);

// Runs `setup`'s experiment with `treatment` (an ExperimentParams treatment such as "ranking" or
// "messaging"), without replicates, and reads its lift.
Result<LiftAssumption> simulateTreatmentLift(const WorkspaceExperiment& setup,
                                             const std::string& treatment,
                                             const RunControl& control);
// The same on workspaceExperiment(workspace).
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
