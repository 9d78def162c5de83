// The A/B test a store would run, simulated on a ShopperWorld: shoppers are randomised into
// control (the baseline policy) and treatment, the test's reading is computed with the
// statistics engine day by day, and the world's counterfactual gives the true lift beside it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "merch/run_control.h"
#include "merch/stats.h"
#include "merch/status.h"

namespace merch {

struct ExperimentParams {
    std::string treatment = "ranking"; // "ranking" (personalized category pages), or "aa" (an
                                       // A/A test: both arms get the baseline, to check the
                                       // reading); the other treatments arrive with their models
    double split = 0.5;                // share of shoppers in the treatment; 0.05..0.95
    int weeks = 4;                     // runway; 1..52
    int historyDays = 60;        // days of baseline logs the treatment's model trains on; 7..365
    int products = 2000;         // the world's catalog; 50..200000
    double sessionsPerDay = 620; // mean daily sessions; 10..200000
    double alpha = 0.05;         // significance level; 0.001..0.2
    // Seed comes from RunControl::seed: the world and the assignment of shoppers to arms.

    Status validate() const;
};

struct DailyReading {
    int day = 0;      // 1-based day of the test
    double lift = 0;  // cumulative relative lift up to this day
    double ciLow = 0; // fixed-horizon confidence interval (what a daily peek shows)
    double ciHigh = 0;
    double pValue = 1;
    double sequentialLow = 0; // confidence sequence: valid to read every day
    double sequentialHigh = 0;
};

struct MetricReading {
    std::string metric; // "add_to_cart_rate", "conversion_rate", "revenue_per_session"
    double control = 0; // the arm's value over the runway
    double treatment = 0;
    double trueLift = 0;         // from the world: all shoppers treated vs none, same period
    stats::TestResult test;      // measured relative lift, CI, p (delta method over shoppers)
    int daysToSignificance = -1; // first day p < alpha (fixed test, peeking); -1 never
    int daysToSequentialSignificance = -1; // first day the confidence sequence excludes 0
    std::vector<DailyReading> daily;
};

struct ExperimentResult {
    ExperimentParams params;
    std::uint64_t seed = 0;
    std::int64_t controlShoppers = 0, treatmentShoppers = 0;
    std::int64_t controlSessions = 0, treatmentSessions = 0;
    stats::SrmResult srm;
    std::vector<MetricReading> metrics;
    std::string verdict; // the brief's rule: a lift under 5% means fix the data first
};

Result<ExperimentResult> simulateExperiment(const ExperimentParams& params,
                                            const RunControl& control);

} // namespace merch
