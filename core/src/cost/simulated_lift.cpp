#include "merch/simulated_lift.h"

#include <algorithm>
#include <cstdio>

#include "merch/demo_store.h"
#include "merch/workspace.h"
#include "merch/world_calibration.h"

namespace merch {
namespace {

std::string treatmentLabel(const std::string& treatment) {
    if (treatment == "ranking")
        return "personalized category ranking";
    if (treatment == "messaging")
        return "predictive messaging";
    if (treatment == "recs")
        return "a personalized recommendations block";
    return treatment;
}

std::string treatmentLabel(const ExperimentParams& params) {
    if (params.treatment == "search")
        return (params.searchMethod == "hybrid_clicks" ? std::string("hybrid search with clicks "
                                                                     "learned from the logs")
                                                       : params.searchMethod + " search") +
               " instead of the store's native search";
    return treatmentLabel(params.treatment);
}

} // namespace

Result<LiftAssumption> liftFromExperiment(const ExperimentResult& experiment) {
    const auto metric = std::find_if(
        experiment.metrics.begin(), experiment.metrics.end(),
        [](const MetricReading& reading) { return reading.metric == "revenue_per_session"; });
    if (metric == experiment.metrics.end())
        return Status::invalidArgument("the experiment has no revenue_per_session reading");
    LiftAssumption lift;
    lift.revenueLift = std::clamp(metric->trueLift, -0.5, 2.0);
    lift.low = std::clamp(std::min(metric->test.ciLow, lift.revenueLift), -0.5, lift.revenueLift);
    lift.high = std::clamp(std::max(metric->test.ciHigh, lift.revenueLift), lift.revenueLift, 2.0);
    lift.affectedRevenueShare = 1.0; // the world's lift is on the whole store's revenue
    char source[384];
    const char* world =
        experiment.params.calibration ? " on a world calibrated from the store's logs" : "";
    std::snprintf(source, sizeof source,
                  "Lift simulator: true revenue-per-session lift of %s, %d-week %.0f/%.0f test%s "
                  "(measured %+.1f%%, CI %+.1f%% to %+.1f%%)",
                  treatmentLabel(experiment.params).c_str(), experiment.params.weeks,
                  (1 - experiment.params.split) * 100, experiment.params.split * 100, world,
                  metric->test.lift * 100, metric->test.ciLow * 100, metric->test.ciHigh * 100);
    lift.source = source;
    return lift;
}

Result<LiftAssumption> simulateTreatmentLift(const Workspace& workspace,
                                             const std::string& treatment,
                                             const RunControl& control) {
    auto setup = workspaceExperiment(workspace, control.scaled(0, 0.5));
    if (!setup)
        return setup.status();
    return simulateTreatmentLift(*setup, treatment, control.scaled(0.5, 1));
}

Result<WorkspaceExperiment> workspaceExperiment(const Workspace& workspace,
                                                const RunControl& control) {
    auto demo = readDemoWorldSettings(workspace);
    if (!demo)
        return demo.status();
    WorkspaceExperiment setup;
    if (*demo) {
        setup.params.products = (*demo)->world.products;
        setup.params.sessionsPerDay = (*demo)->world.sessionsPerDay;
        setup.seed = (*demo)->seed;
        control.report(1.0, "demo world");
        return setup;
    }
    RunControl calibrating = control;
    calibrating.seed = setup.seed;
    auto calibration = calibrateWorkspace(workspace, CalibrationParams{}, calibrating);
    if (!calibration) {
        if (calibration.status().code() == StatusCode::Cancelled)
            return calibration.status();
        return Status::error(calibration.status().code(),
                             "cannot calibrate a world from this imported store: " +
                                 calibration.status().message());
    }
    setup.params.sessionsPerDay = std::max(10.0, calibration->tuning.arrivalsPerDay);
    setup.params.calibration =
        std::make_shared<const WorldCalibration>(std::move(calibration).value());
    return setup;
}

Result<LiftAssumption> simulateTreatmentLift(const WorkspaceExperiment& setup,
                                             const std::string& treatment,
                                             const RunControl& control) {
    ExperimentParams params = setup.params;
    params.treatment = treatment;
    // Search: what a store with search logs would deploy (the catalog-only methods lose to the
    // native best-seller order in the world; see README, Experiments).
    if (treatment == "search")
        params.searchMethod = "hybrid_clicks";
    params.replicates = 0; // the cost model reads the true lift and the test's interval only
    RunControl run = control;
    run.seed = setup.seed;
    auto experiment = simulateExperiment(params, run);
    if (!experiment)
        return experiment.status();
    return liftFromExperiment(*experiment);
}

const char* treatmentForUseCase(UseCase useCase) {
    switch (useCase) {
    case UseCase::CategoryRanking:
        return "ranking";
    case UseCase::Messaging:
        return "messaging";
    case UseCase::Recommendations:
        return "recs";
    case UseCase::Search:
        return "search";
    }
    return nullptr;
}

Result<UseCaseLifts> simulateUseCaseLifts(const Workspace& workspace, const RunControl& control) {
    std::vector<UseCase> testable;
    for (UseCase useCase : allUseCases()) {
        if (treatmentForUseCase(useCase))
            testable.push_back(useCase);
    }
    auto setup = workspaceExperiment(workspace, control.scaled(0, 0.3));
    if (!setup)
        return setup.status();
    UseCaseLifts lifts;
    for (std::size_t i = 0; i < testable.size(); ++i) {
        const double from = 0.3 + 0.7 * double(i) / double(testable.size());
        const double to = 0.3 + 0.7 * double(i + 1) / double(testable.size());
        auto lift = simulateTreatmentLift(*setup, treatmentForUseCase(testable[i]),
                                          control.scaled(from, to));
        if (!lift)
            return lift.status();
        lifts[static_cast<std::size_t>(testable[i])] = std::move(lift).value();
    }
    return lifts;
}

} // namespace merch
