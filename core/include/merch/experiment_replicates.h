// Monte Carlo replicates of an A/B test from an aggregate model: per-arm daily session counts
// and per-session metric moments measured by one agent-level run on the ShopperWorld, redrawn
// thousands of times. Each replicate draws every day's per-arm metric sum from a normal with the
// measured mean and variance (sessions are the unit; the variance is scaled by the design effect
// of shoppers with several sessions, measured in the agent run), accumulates the days, and reads
// the test every day as the agent run does (relative lift by the delta method with the model's
// variances, a two-sided z test - the Welch t of the engine at these sample sizes - and the
// engine's asymptotic confidence sequence). Metrics are drawn independently of each other.
//
// It answers what one run cannot: the false-positive rate of daily-peeked fixed tests against
// the sequential interval (A/A replicates, no effect), the power, the distribution of measured
// lifts around the true one, and the winner's curse of publishing only significant results.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

struct AggregateMetricModel {
    std::string metric;
    double controlMean = 0;       // per session; > 0
    double controlVariance = 0;   // per session, design effect included; > 0
    double treatmentVariance = 0; // per session, design effect included; > 0
    double trueLift = 0;          // relative effect the treatment arm is drawn with; > -1
    // Optional multiplier on the treatment mean per test day (a novelty effect); empty = 1.
    std::vector<double> dailyEffect;
};

struct AggregateModel {
    // Sessions per test day: {control, treatment}; each >= 0, at least one day.
    std::vector<std::array<std::int64_t, 2>> dailySessions;
    std::vector<AggregateMetricModel> metrics; // at least one
    double alpha = 0.05;                       // two-sided significance level; 0.001..0.2
    double sequentialTuning = 5000.0;          // N* of the confidence sequence; >= 1
    int windowDays = 7;                        // the short window also read; 1..days
    int replicates = 10000;                    // 1..200000

    Status validate() const; // names the field
};

struct ReplicateMetric {
    std::string metric;
    double trueLift = 0;       // the effect drawn with
    std::vector<double> lifts; // measured lift at the end of the runway, one per replicate
    double meanLift = 0;
    double power = 0;               // share significant at the end (fixed test)
    double meanSignificantLift = 0; // mean lift of the significant wins (p < alpha, lift > 0):
                                    // what gets published (winner's curse); 0 when none
    double coverage = 0;            // share of end-of-runway CIs that contain trueLift
    double medianDaysToSignificance = -1; // of replicates reaching p < alpha on some day; -1 none
    // Read after windowDays instead of the full runway.
    double windowMeanLift = 0;
    double windowWinShare = 0;            // share of significant wins after windowDays
    double windowMeanSignificantLift = 0; // their mean lift; 0 when none
    // A/A replicates (the treatment drawn as the control): false-positive rates.
    double falsePositiveFixed = 0;      // p < alpha at the end of the runway
    double falsePositivePeeking = 0;    // p < alpha on any day (stop at the first)
    double falsePositiveSequential = 0; // the confidence sequence excludes 0 on any day
};

struct ReplicateSummary {
    int replicates = 0; // 0: not run
    int days = 0;
    int windowDays = 0;
    std::vector<ReplicateMetric> metrics;
};

Result<ReplicateSummary> simulateReplicates(const AggregateModel& model, const RunControl& control);

} // namespace merch
