// Fixed vs predictive messaging, simulated: each replicate world logs a baseline history, the
// models train on that log only, and the same shoppers then live through the test period under
// the fixed schedule, the predictive policy and (optionally) the truth-timed oracle.
#include <chrono>
#include <cmath>
#include <functional>

#include "merch/distributions.h"
#include "merch/messaging_policy.h"

namespace merch {

namespace {

constexpr std::int64_t kDay = 86400;

MessagingOutcome testPeriod(const WorldOutcome& outcome, int from) {
    MessagingOutcome total;
    for (std::size_t d = std::size_t(from); d < outcome.messagingByDay.size(); ++d)
        total.add(outcome.messagingByDay[d]);
    return total;
}

struct MetricDef {
    const char* key;
    const char* label;
    std::function<double(const MessagingOutcome&)> value;
    bool hasReference;
    double low, high;
    const char* reference;
};

const std::vector<MetricDef>& metricDefs() {
    static const std::vector<MetricDef> defs = {
        {"reactivation_rate", "Carts recovered (of emailable abandoned carts)",
         [](const MessagingOutcome& m) {
             return m.cartsAbandonedEmailable
                        ? double(m.cartsRecoveredEmailable) / double(m.cartsAbandonedEmailable)
                        : 0.0;
         },
         true, 0.30, 0.40, "+30 to 40% reactivation (brief)"},
        {"recovered_revenue", "Revenue of recovered carts",
         [](const MessagingOutcome& m) { return m.recoveredRevenue; }, false, 0, 0, ""},
        {"cart_emails", "Cart emails sent",
         [](const MessagingOutcome& m) { return double(m.cartEmails); }, false, 0, 0, ""},
        {"recoveries_per_cart_email", "Carts recovered by email per cart email",
         [](const MessagingOutcome& m) {
             return m.cartEmails ? double(m.cartsRecoveredByEmail) / double(m.cartEmails) : 0.0;
         },
         false, 0, 0, ""},
        {"reorders", "Consumable reorders",
         [](const MessagingOutcome& m) { return double(m.reorders); }, true, 0.18, 0.18,
         "+18% reorders (brief)"},
        {"reminder_emails", "Replenishment reminders sent",
         [](const MessagingOutcome& m) { return double(m.reminderEmails); }, false, 0, 0, ""},
        {"unsubscribes", "Unsubscribes",
         [](const MessagingOutcome& m) { return double(m.unsubscribes); }, true, -1.0, 0.0,
         "fewer unsubscribes (brief)"},
        {"messages_sent", "Emails sent (cart + reminder)",
         [](const MessagingOutcome& m) { return double(m.cartEmails + m.reminderEmails); }, false,
         0, 0, ""},
    };
    return defs;
}

} // namespace

Status MessagingComparisonParams::validate() const {
    WorldParams check = world;
    check.days = historyDays + testDays;
    if (historyDays < 14 || historyDays > 365)
        return Status::invalidArgument("historyDays must be between 14 and 365");
    if (testDays < 7 || testDays > 365)
        return Status::invalidArgument("testDays must be between 7 and 365");
    if (replicates < 1 || replicates > 50)
        return Status::invalidArgument("replicates must be between 1 and 50");
    if (auto status = check.validate(); !status)
        return status;
    if (auto status = models.validate(); !status)
        return status;
    return policy.validate();
}

Result<MessagingComparison> compareMessagingPolicies(const MessagingComparisonParams& params,
                                                     const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    using Clock = std::chrono::steady_clock;
    MessagingComparison result;
    result.params = params;
    WorldParams worldParams = params.world;
    worldParams.days = params.historyDays + params.testDays;
    const int runsPerReplicate = params.includeOracle ? 3 : 2;
    const double share = 1.0 / params.replicates;
    for (int r = 0; r < params.replicates; ++r) {
        const std::uint64_t seed = control.seed + std::uint64_t(r);
        result.seeds.push_back(seed);
        const double base = r * share;
        auto stage = [&](int k) {
            return control.scaled(base + share * k / (runsPerReplicate + 0.2),
                                  base + share * (k + 1) / (runsPerReplicate + 0.2));
        };
        auto world = ShopperWorld::create(worldParams, seed);
        if (!world)
            return world.status();
        const ShopperWorld& w = **world;
        auto list = w.baselinePolicy();
        auto fixed = w.baselineMessagingPolicy();
        const std::int64_t historyEnd =
            worldParams.startTime + std::int64_t(params.historyDays) * kDay;
        std::vector<Event> history;
        auto started = Clock::now();
        auto fixedRun = w.run(
            *list, *fixed,
            [&](const Event& e) {
                if (e.timestamp < historyEnd)
                    history.push_back(e);
                return Status::ok();
            },
            VisitObserver{}, stage(0));
        if (!fixedRun)
            return fixedRun.status();
        result.simulateSeconds += std::chrono::duration<double>(Clock::now() - started).count();
        if (!control.report(base + share * 1.1 / (runsPerReplicate + 0.2), "training models"))
            return Status::cancelled();
        started = Clock::now();
        auto models = trainMessagingModels(history, w.products(), params.models);
        if (!models)
            return models.status();
        result.trainSeconds += std::chrono::duration<double>(Clock::now() - started).count();
        std::vector<std::string> ids;
        for (const Product& p : w.products())
            ids.push_back(p.id);
        PredictiveMessagingPolicy predictive(
            std::make_shared<const MessagingModels>(std::move(*models)), ids, params.policy);
        SwitchingMessagingPolicy switched(*fixed, predictive, params.historyDays);
        started = Clock::now();
        auto predictiveRun = w.run(*list, switched, EventSink{}, VisitObserver{}, stage(1));
        if (!predictiveRun)
            return predictiveRun.status();
        result.fixedRuns.push_back(testPeriod(*fixedRun, params.historyDays));
        result.predictiveRuns.push_back(testPeriod(*predictiveRun, params.historyDays));
        if (params.includeOracle) {
            auto oracle = w.oracleMessagingPolicy();
            SwitchingMessagingPolicy oracleSwitched(*fixed, *oracle, params.historyDays);
            auto oracleRun = w.run(*list, oracleSwitched, EventSink{}, VisitObserver{}, stage(2));
            if (!oracleRun)
                return oracleRun.status();
            result.oracleRuns.push_back(testPeriod(*oracleRun, params.historyDays));
        }
        result.simulateSeconds += std::chrono::duration<double>(Clock::now() - started).count();
        if (r == 0) {
            for (int d = 0; d < params.testDays; ++d) {
                const std::size_t day = std::size_t(params.historyDays + d);
                const MessagingOutcome& f = fixedRun->messagingByDay[day];
                const MessagingOutcome& p = predictiveRun->messagingByDay[day];
                result.timeline.push_back(
                    {d + 1, f.cartEmails + f.reminderEmails, p.cartEmails + p.reminderEmails,
                     f.cartsRecovered + f.reorders, p.cartsRecovered + p.reorders});
            }
        }
    }
    const int n = params.replicates;
    const double t = n > 1 ? stats::studentTQuantile(0.975, n - 1) : 0.0;
    for (const MetricDef& def : metricDefs()) {
        ComparisonMetric metric;
        metric.key = def.key;
        metric.label = def.label;
        metric.hasReference = def.hasReference;
        metric.referenceLow = def.low;
        metric.referenceHigh = def.high;
        metric.reference = def.reference;
        std::vector<double> lifts;
        for (int r = 0; r < n; ++r) {
            const double f = def.value(result.fixedRuns[std::size_t(r)]);
            const double p = def.value(result.predictiveRuns[std::size_t(r)]);
            metric.fixed += f / n;
            metric.predictive += p / n;
            if (params.includeOracle)
                metric.oracle += def.value(result.oracleRuns[std::size_t(r)]) / n;
            lifts.push_back(f > 0 ? (p - f) / f : 0.0);
        }
        double mean = 0, ss = 0;
        for (double l : lifts)
            mean += l / n;
        for (double l : lifts)
            ss += (l - mean) * (l - mean);
        const double se = n > 1 ? std::sqrt(ss / (n - 1) / n) : 0.0;
        metric.lift = mean;
        metric.ciLow = mean - t * se;
        metric.ciHigh = mean + t * se;
        result.metrics.push_back(std::move(metric));
    }
    if (!control.report(1.0, "comparing policies"))
        return Status::cancelled();
    return result;
}

} // namespace merch
