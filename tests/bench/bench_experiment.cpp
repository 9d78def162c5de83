// A/B simulation benchmarks on the 2-core machine:
//  1. one agent-level 4-week test at 5,000 sessions a day (target at most 5 s), with the
//     baseline history its ranker trains on and the two counterfactual runs that give the true
//     lift, timed by stage (wall and process CPU: two stages run on a second thread);
//  2. 10,000 aggregate Monte Carlo replicate tests of that scenario (target at most 1 s), with
//     the same call at 1,000 replicates as the in-process reference for the scaling.
#include <ctime>

#include <cstdio>
#include <string>

#include "bench_support.h"
#include "merch/experiment.h"

using namespace merch;

namespace {

double cpuSeconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + double(t.tv_nsec) * 1e-9;
}

AggregateModel replicateModel(int replicates) {
    AggregateModel model;
    model.dailySessions.assign(28, {2850, 2850}); // 5,000 sessions a day, grown over 60 days
    model.replicates = replicates;
    model.metrics = {{"add_to_cart_rate", 0.17, 0.141, 0.141, 0.03, {}},
                     {"conversion_rate", 0.055, 0.052, 0.052, 0.03, {}},
                     {"revenue_per_session", 4.1, 610.0, 610.0, 0.03, {}}};
    return model;
}

} // namespace

int main() {
    ExperimentParams params;
    params.sessionsPerDay = 5000;
    params.weeks = 4;
    RunControl control;
    control.seed = 42;
    std::string stage;
    bench::Stopwatch watch;
    const double cpu0 = cpuSeconds();
    control.progress = [&](double, std::string_view now) {
        if (stage != now) {
            std::printf("  %6.2f s wall %6.2f s CPU: %.*s\n", watch.seconds(), cpuSeconds() - cpu0,
                        int(now.size()), now.data());
            stage = std::string(now);
        }
        return true;
    };
    auto result = simulateExperiment(params, control);
    const double seconds = watch.seconds();
    const double cpu = cpuSeconds() - cpu0;
    if (!result) {
        std::fprintf(stderr, "%s\n", result.status().toString().c_str());
        return 1;
    }
    const auto& atc = result->metrics.front();
    std::printf("4-week A/B test of ranking at 5000 sessions/day (60 days of history, %d "
                "replicates): %.3f s wall, %.3f s CPU (target <= 5 s)\n",
                params.replicates, seconds, cpu);
    std::printf("  shoppers %lld + %lld, sessions %lld + %lld; add-to-cart lift %+.2f%% "
                "[%+.2f%%, %+.2f%%], true %+.2f%%\n",
                static_cast<long long>(result->controlShoppers),
                static_cast<long long>(result->treatmentShoppers),
                static_cast<long long>(result->controlSessions),
                static_cast<long long>(result->treatmentSessions), 100 * atc.test.lift,
                100 * atc.test.ciLow, 100 * atc.test.ciHigh, 100 * atc.trueLift);
    std::printf("  peak memory %.1f MiB\n", bench::peakMemoryMiB());

    double perReplicate[2] = {0, 0};
    const int counts[2] = {1000, 10000};
    for (int i = 0; i < 2; ++i) {
        bench::Stopwatch replicateWatch;
        auto replicates = simulateReplicates(replicateModel(counts[i]), control);
        const double s = replicateWatch.seconds();
        if (!replicates) {
            std::fprintf(stderr, "%s\n", replicates.status().toString().c_str());
            return 1;
        }
        perReplicate[i] = s / counts[i];
        const auto& m = replicates->metrics.front();
        std::printf("%d aggregate replicates (28 days, 3 metrics, with A/A): %.3f s (target <= 1 "
                    "s for 10000); add-to-cart power %.3f, A/A false positives: end %.3f, daily "
                    "peek %.3f, sequential %.3f\n",
                    counts[i], s, m.power, m.falsePositiveFixed, m.falsePositivePeeking,
                    m.falsePositiveSequential);
    }
    std::printf("  time per replicate, 10000 vs 1000 replicates: ratio %.2f\n",
                perReplicate[1] / perReplicate[0]);
    return 0;
}
