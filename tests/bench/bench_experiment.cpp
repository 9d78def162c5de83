// A/B simulation benchmark: one agent-level 4-week test at 5,000 sessions a day (target at
// most 5 s), with the baseline history its ranker trains on and the two counterfactual runs
// that give the true lift, on the 2-core machine.
#include <cstdio>

#include "bench_support.h"
#include "merch/experiment.h"

using namespace merch;

int main() {
    ExperimentParams params;
    params.sessionsPerDay = 5000;
    params.weeks = 4;
    RunControl control;
    control.seed = 42;
    bench::Stopwatch watch;
    auto result = simulateExperiment(params, control);
    const double seconds = watch.seconds();
    if (!result) {
        std::fprintf(stderr, "%s\n", result.status().toString().c_str());
        return 1;
    }
    const auto& atc = result->metrics.front();
    std::printf("4-week A/B test of ranking at 5000 sessions/day (60 days of history): %.3f s "
                "(target <= 5 s)\n",
                seconds);
    std::printf("  shoppers %lld + %lld, sessions %lld + %lld; add-to-cart lift %+.2f%% "
                "[%+.2f%%, %+.2f%%], true %+.2f%%\n",
                static_cast<long long>(result->controlShoppers),
                static_cast<long long>(result->treatmentShoppers),
                static_cast<long long>(result->controlSessions),
                static_cast<long long>(result->treatmentSessions), 100 * atc.test.lift,
                100 * atc.test.ciLow, 100 * atc.test.ciHigh, 100 * atc.trueLift);
    std::printf("  peak memory %.1f MiB\n", bench::peakMemoryMiB());
    return 0;
}
