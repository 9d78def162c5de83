#include <algorithm>
#include <cmath>
#include <cstdio>

#include "merch/experiment.h"
#include "merch/ranking.h"
#include "merch/ranking_policy.h"
#include "merch/shopper_world.h"

namespace merch {

namespace {

constexpr int kMetrics = 3; // add-to-cart rate, conversion rate, revenue per session
const char* const kMetricNames[kMetrics] = {"add_to_cart_rate", "conversion_rate",
                                            "revenue_per_session"};

// Deterministic arm of a shopper: 1 treatment, 0 control.
int armOf(int shopper, std::uint64_t seed, double split) {
    std::uint64_t x =
        std::uint64_t(shopper) * 0x9E3779B97F4A7C15ULL ^ (seed + 0x5851F42D4C957F2DULL);
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return double(x >> 11) * 0x1.0p-53 < split ? 1 : 0;
}

// Treatment for shoppers in the treatment arm from `firstDay` on; control otherwise.
class SplitPolicy final : public ListPolicy {
public:
    SplitPolicy(const ListPolicy& control, const ListPolicy* treatment, int firstDay,
                std::uint64_t seed, double split, bool everyone)
        : m_control(control)
        , m_treatment(treatment)
        , m_firstDay(firstDay)
        , m_seed(seed)
        , m_split(split)
        , m_everyone(everyone) {}
    std::string name() const override { return "A/B split"; }
    void order(const ListContext& context, std::vector<int>& candidates) const override {
        const bool treated = m_treatment && context.day >= m_firstDay &&
                             (m_everyone || armOf(context.shopper, m_seed, m_split) == 1);
        (treated ? *m_treatment : m_control).order(context, candidates);
    }

private:
    const ListPolicy& m_control;
    const ListPolicy* m_treatment;
    int m_firstDay;
    std::uint64_t m_seed;
    double m_split;
    bool m_everyone;
};

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

double value(const VisitOutcome& v, int metric) {
    return metric == 0   ? (v.carted ? 1.0 : 0.0)
           : metric == 1 ? (v.purchased ? 1.0 : 0.0)
                         : v.revenue;
}

// Totals of the experiment period per metric for a whole run (for the true lift).
struct RunTotals {
    double sessions = 0;
    double values[kMetrics] = {0, 0, 0};
};

} // namespace

Status ExperimentParams::validate() const {
    if (treatment != "ranking" && treatment != "aa")
        return Status::invalidArgument("treatment must be ranking or aa (recommendations, "
                                       "search, abandonment and replenishment arrive with their "
                                       "models)");
    if (!(split >= 0.05 && split <= 0.95))
        return Status::invalidArgument("split must be between 0.05 and 0.95");
    if (weeks < 1 || weeks > 52)
        return Status::invalidArgument("weeks must be between 1 and 52");
    if (historyDays < 7 || historyDays > 365)
        return Status::invalidArgument("historyDays must be between 7 and 365");
    if (products < 50 || products > 200000)
        return Status::invalidArgument("products must be between 50 and 200000");
    if (!(sessionsPerDay >= 10 && sessionsPerDay <= 200000))
        return Status::invalidArgument("sessionsPerDay must be between 10 and 200000");
    if (!(alpha >= 0.001 && alpha <= 0.2))
        return Status::invalidArgument("alpha must be between 0.001 and 0.2");
    return Status::ok();
}

Result<ExperimentResult> simulateExperiment(const ExperimentParams& params,
                                            const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    const int testDays = params.weeks * 7;
    WorldParams worldParams;
    worldParams.products = params.products;
    worldParams.days = params.historyDays + testDays;
    worldParams.sessionsPerDay = params.sessionsPerDay;
    auto world = ShopperWorld::create(worldParams, control.seed);
    if (!world)
        return world.status();
    // 1. The store under the baseline for the whole span: its history is what the treatment's
    // model learns from, and its test period is the truth with no shopper treated.
    auto baseline = (*world)->baselinePolicy();
    const std::int64_t historyEnd =
        worldParams.startTime + std::int64_t(params.historyDays) * 86400;
    std::vector<Event> history;
    RunTotals untreated;
    auto logged = (*world)->run(
        *baseline,
        [&](const Event& e) {
            if (e.timestamp < historyEnd)
                history.push_back(e);
            return Status::ok();
        },
        [&](const VisitOutcome& v) {
            if (v.day < params.historyDays)
                return;
            untreated.sessions += 1;
            for (int k = 0; k < kMetrics; ++k)
                untreated.values[k] += value(v, k);
        },
        control.scaled(0.0, 0.3));
    if (!logged)
        return logged.status();
    std::unique_ptr<ListPolicy> treatment;
    if (params.treatment == "aa") {
        treatment = (*world)->baselinePolicy(); // an A/A test: the same policy in both arms
    } else {
        auto ranker =
            PersonalizedRanker::train((*world)->products(), history, {}, control.scaled(0.2, 0.3));
        if (!ranker)
            return ranker.status();
        treatment = makeRankingPolicy(*ranker);
    }

    // 2. The truth with every shopper treated, over the same test period.
    const auto treatedTotals = [&](double from, double to) -> Result<RunTotals> {
        RunTotals totals;
        SplitPolicy policy(*baseline, treatment.get(), params.historyDays, control.seed,
                           params.split, true);
        auto run = (*world)->run(
            policy, {},
            [&](const VisitOutcome& v) {
                if (v.day < params.historyDays)
                    return;
                totals.sessions += 1;
                for (int k = 0; k < kMetrics; ++k)
                    totals.values[k] += value(v, k);
            },
            control.scaled(from, to));
        if (!run)
            return run.status();
        return totals;
    };
    const RunTotals* none = &untreated;
    auto all = treatedTotals(0.4, 0.7);
    if (!all)
        return all.status();

    // 3. The A/B test itself: shoppers split, visits collected by day.
    std::vector<VisitOutcome> visits;
    SplitPolicy split(*baseline, treatment.get(), params.historyDays, control.seed, params.split,
                      false);
    auto run = (*world)->run(
        split, {},
        [&](const VisitOutcome& v) {
            if (v.day >= params.historyDays)
                visits.push_back(v);
        },
        control.scaled(0.7, 0.95));
    if (!run)
        return run.status();

    ExperimentResult result;
    result.params = params;
    result.seed = control.seed;
    stats::TestOptions fixed;
    fixed.alpha = params.alpha;
    stats::TestOptions sequential = fixed;
    sequential.sequential = true;

    std::vector<ShopperTotals> shoppers;
    ArmSums sums[kMetrics][2];
    std::int64_t sessions[2] = {0, 0};
    std::size_t next = 0;
    for (int k = 0; k < kMetrics; ++k) {
        MetricReading reading;
        reading.metric = kMetricNames[k];
        const double controlTruth = none->values[k] / std::max(1.0, none->sessions);
        const double treatedTruth = all->values[k] / std::max(1.0, all->sessions);
        reading.trueLift = controlTruth > 0 ? treatedTruth / controlTruth - 1.0 : 0.0;
        result.metrics.push_back(std::move(reading));
    }
    for (int day = 0; day < testDays; ++day) {
        for (; next < visits.size() && visits[next].day - params.historyDays <= day; ++next) {
            const VisitOutcome& v = visits[next];
            if (std::size_t(v.shopper) >= shoppers.size())
                shoppers.resize(std::size_t(v.shopper) + 1);
            ShopperTotals& t = shoppers[std::size_t(v.shopper)];
            const int arm = armOf(v.shopper, control.seed, params.split);
            ++sessions[arm];
            for (int k = 0; k < kMetrics; ++k) {
                ArmSums& s = sums[k][arm];
                const double m0 = t.values[k], d0 = t.sessions;
                const double m1 = m0 + value(v, k), d1 = d0 + 1;
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
            MetricReading& reading = result.metrics[std::size_t(k)];
            auto test = stats::compareRatios(sums[k][0].sample(), sums[k][1].sample(), fixed);
            auto seq = stats::compareRatios(sums[k][0].sample(), sums[k][1].sample(), sequential);
            if (!test || !seq)
                continue; // too few shoppers yet on the first day
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
    result.controlShoppers = sums[0][0].units;
    result.treatmentShoppers = sums[0][1].units;
    result.controlSessions = sessions[0];
    result.treatmentSessions = sessions[1];
    stats::SrmParams srm;
    srm.counts = {result.controlShoppers, result.treatmentShoppers};
    srm.weights = {1.0 - params.split, params.split};
    if (auto check = stats::sampleRatioMismatch(srm))
        result.srm = *check;

    const MetricReading& atc = result.metrics.front();
    char verdict[400];
    if (!atc.test.significant())
        std::snprintf(verdict, sizeof verdict,
                      "Not significant after %d weeks (p = %.3f): run longer or with more "
                      "traffic before deciding.",
                      params.weeks, atc.test.pValue);
    else if (atc.test.lift < 0.05)
        std::snprintf(verdict, sizeof verdict,
                      "Measured add-to-cart lift %.1f%% is under 5%%: fix the data first (the "
                      "brief's rule), then test again.",
                      100 * atc.test.lift);
    else
        std::snprintf(verdict, sizeof verdict,
                      "Measured add-to-cart lift %+.1f%% (95%% CI %+.1f%% to %+.1f%%) is "
                      "significant and above 5%%: worth rolling out.",
                      100 * atc.test.lift, 100 * atc.test.ciLow, 100 * atc.test.ciHigh);
    result.verdict = verdict;
    control.report(1.0, "done");
    return result;
}

} // namespace merch
