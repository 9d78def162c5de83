#include "experiment/test_reading.h"

#include <algorithm>

namespace merch::experiment {

const char* const kMetricNames[kMetrics] = {"add_to_cart_rate", "conversion_rate",
                                            "revenue_per_session"};

double metricValue(const VisitOutcome& v, int k) {
    return k == 0 ? (v.carted ? 1.0 : 0.0) : k == 1 ? (v.purchased ? 1.0 : 0.0) : v.revenue;
}

namespace {

// Per-arm sums for a ratio metric over shoppers: M = the metric's count, D = sessions.
struct ArmSums {
    std::int64_t units = 0;
    double m = 0, m2 = 0, d = 0, d2 = 0, md = 0;
    stats::RatioSample sample() const { return {units, m, m2, d, d2, md}; }
};

struct ShopperTotals {
    double sessions = 0;
    double values[kMetrics] = {0, 0, 0};
    bool seen = false;
};

} // namespace

TestReading readTest(const std::vector<RecordedVisit>& visits, int testDays, double alpha) {
    TestReading out;
    stats::TestOptions fixed;
    fixed.alpha = alpha;
    stats::TestOptions sequential = fixed;
    sequential.sequential = true;
    for (int k = 0; k < kMetrics; ++k) {
        MetricReading reading;
        reading.metric = kMetricNames[k];
        out.metrics.push_back(std::move(reading));
    }
    out.dailySessions.assign(std::size_t(testDays), {0, 0});
    std::vector<ShopperTotals> shoppers;
    ArmSums sums[kMetrics][2];
    std::size_t next = 0;
    for (int day = 0; day < testDays; ++day) {
        for (; next < visits.size() && visits[next].outcome.day <= day; ++next) {
            const VisitOutcome& v = visits[next].outcome;
            const int arm = visits[next].arm;
            if (std::size_t(v.shopper) >= shoppers.size())
                shoppers.resize(std::size_t(v.shopper) + 1);
            ShopperTotals& t = shoppers[std::size_t(v.shopper)];
            ++out.sessions[arm];
            ++out.dailySessions[std::size_t(day)][std::size_t(arm)];
            for (int k = 0; k < kMetrics; ++k) {
                const double x = metricValue(v, k);
                out.sessionSum[k][arm] += x;
                out.sessionSumSquares[k][arm] += x * x;
                ArmSums& s = sums[k][arm];
                const double m0 = t.values[k], d0 = t.sessions;
                const double m1 = m0 + x, d1 = d0 + 1;
                if (!t.seen)
                    ++s.units;
                s.m += m1 - m0;
                s.m2 += m1 * m1 - m0 * m0;
                s.d += 1;
                s.d2 += d1 * d1 - d0 * d0;
                s.md += m1 * d1 - m0 * d0;
                t.values[k] = m1;
            }
            t.sessions += 1;
            t.seen = true;
        }
        for (int k = 0; k < kMetrics; ++k) {
            MetricReading& reading = out.metrics[std::size_t(k)];
            auto test = stats::compareRatios(sums[k][0].sample(), sums[k][1].sample(), fixed);
            if (!test)
                continue; // too few shoppers yet on the first day
            auto seq = stats::compareRatios(sums[k][0].sample(), sums[k][1].sample(), sequential);
            if (!seq)
                continue;
            reading.daily.push_back({day + 1, test->lift, test->ciLow, test->ciHigh, test->pValue,
                                     seq->ciLow, seq->ciHigh});
            if (reading.daysToSignificance < 0 && test->significant())
                reading.daysToSignificance = day + 1;
            if (reading.daysToSequentialSignificance < 0 && (seq->ciLow > 0 || seq->ciHigh < 0))
                reading.daysToSequentialSignificance = day + 1;
            if (day + 1 == testDays) {
                reading.test = *test;
                reading.control = sums[k][0].m / std::max(1.0, sums[k][0].d);
                reading.treatment = sums[k][1].m / std::max(1.0, sums[k][1].d);
            }
        }
    }
    out.shoppers[0] = sums[0][0].units;
    out.shoppers[1] = sums[0][1].units;
    return out;
}

} // namespace merch::experiment
