#include "merch/simulated_lift.h"

#include <algorithm>
#include <cstdio>

#include "merch/demo_store.h"
#include "merch/workspace.h"

namespace merch {
namespace {

std::string treatmentLabel(const std::string& treatment) {
    if (treatment == "ranking")
        return "personalized category ranking";
    if (treatment == "messaging")
        return "predictive messaging";
    if (treatment == "recs")
        return "a personalized recommendations block";
    if (treatment == "search")
        return "semantic search";
    return treatment;
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
    char source[256];
    std::snprintf(source, sizeof source,
                  "Lift simulator: true revenue-per-session lift of %s, %d-week %.0f/%.0f test "
                  "(measured %+.1f%%, CI %+.1f%% to %+.1f%%)",
                  treatmentLabel(experiment.params.treatment).c_str(), experiment.params.weeks,
                  (1 - experiment.params.split) * 100, experiment.params.split * 100,
                  metric->test.lift * 100, metric->test.ciLow * 100, metric->test.ciHigh * 100);
    lift.source = source;
    return lift;
}

Result<LiftAssumption> simulateTreatmentLift(const Workspace& workspace,
                                             const std::string& treatment,
                                             const RunControl& control) {
    auto demo = readDemoWorldSettings(workspace);
    if (!demo)
        return demo.status();
    if (!*demo)
        return Status::invalidArgument("the lift is simulated on a demo store's world; this store "
                                       "was imported, so enter the lift instead");
    ExperimentParams params;
    params.treatment = treatment;
    params.products = (*demo)->world.products;
    params.sessionsPerDay = (*demo)->world.sessionsPerDay;
    params.replicates = 0; // the cost model reads the true lift and the test's interval only
    RunControl run = control;
    run.seed = (*demo)->seed;
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
    case UseCase::Search:
        return nullptr; // the world has no recommendation block or search hook yet
    }
    return nullptr;
}

Result<UseCaseLifts> simulateUseCaseLifts(const Workspace& workspace, const RunControl& control) {
    std::vector<UseCase> testable;
    for (UseCase useCase : allUseCases()) {
        if (treatmentForUseCase(useCase))
            testable.push_back(useCase);
    }
    UseCaseLifts lifts;
    for (std::size_t i = 0; i < testable.size(); ++i) {
        const double from = double(i) / double(testable.size());
        const double to = double(i + 1) / double(testable.size());
        auto lift = simulateTreatmentLift(workspace, treatmentForUseCase(testable[i]),
                                          control.scaled(from, to));
        if (!lift)
            return lift.status();
        lifts[static_cast<std::size_t>(testable[i])] = std::move(lift).value();
    }
    return lifts;
}

} // namespace merch
