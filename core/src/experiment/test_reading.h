// Reading an A/B test from its recorded visits, day by day: per-shopper ratio metrics (the
// shopper is the randomisation unit, sessions the denominator) tested with the statistics
// engine's delta method, fixed-horizon and sequential; plus the per-session moments and daily
// session counts the aggregate Monte Carlo model is built from.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "merch/experiment.h"
#include "merch/shopper_world.h"

namespace merch::experiment {

constexpr int kMetrics = 3; // add-to-cart rate, conversion rate, revenue per session
extern const char* const kMetricNames[kMetrics];

// A visit's value of metric k: carted, purchased (0/1) or revenue.
double metricValue(const VisitOutcome& v, int k);

struct RecordedVisit {
    VisitOutcome outcome; // after the pitfalls; outcome.day is the 0-based test day
    int arm = 0;          // 0 control, 1 treatment
};

struct TestReading {
    std::vector<MetricReading> metrics; // daily readings, final test, arm values
    std::int64_t shoppers[2] = {0, 0};
    std::int64_t sessions[2] = {0, 0};
    std::vector<std::array<std::int64_t, 2>> dailySessions;
    // Per-session sums over the runway: [metric][arm].
    double sessionSum[kMetrics][2] = {};
    double sessionSumSquares[kMetrics][2] = {};
};

// `visits` in time order; days 0..testDays-1.
TestReading readTest(const std::vector<RecordedVisit>& visits, int testDays, double alpha);

} // namespace merch::experiment
