#include "merch/simulated_lift.h"

#include <algorithm>
#include <cstdio>

#include "merch/demo_store.h"
#include "merch/workspace.h"

namespace merch {

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
    std::snprintf(
        source, sizeof source,
        "Lift simulator: true revenue-per-session lift of %s, %d-week %.0f/%.0f test "
        "(measured %+.1f%%, CI %+.1f%% to %+.1f%%)",
        experiment.params.treatment == "ranking"     ? "personalized category ranking"
        : experiment.params.treatment == "messaging" ? "predictive messaging"
                                                     : experiment.params.treatment.c_str(),
        experiment.params.weeks, (1 - experiment.params.split) * 100, experiment.params.split * 100,
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

} // namespace merch
