#include "experiment/experiment_notes.h"

#include <cstdarg>
#include <cstdio>

namespace merch::experiment {

namespace {

std::string format(const char* pattern, ...) {
    char buffer[600];
    va_list args;
    va_start(args, pattern);
    std::vsnprintf(buffer, sizeof buffer, pattern, args);
    va_end(args);
    return buffer;
}

const DailyReading* readingOnDay(const MetricReading& m, int day) {
    for (const DailyReading& d : m.daily)
        if (d.day == day)
            return &d;
    return nullptr;
}

} // namespace

std::string experimentVerdict(const ExperimentResult& result) {
    const MetricReading& atc = result.metrics.front();
    if (result.srm.mismatch)
        return format("Sample-ratio mismatch (shoppers %lld vs %lld, p = %.2g): the arms are not "
                      "the split that was set, so the reading cannot be trusted. Find the cause "
                      "(tracking, redirects, bots) before reading any lift.",
                      static_cast<long long>(result.controlShoppers),
                      static_cast<long long>(result.treatmentShoppers), result.srm.pValue);
    if (!atc.test.significant())
        return format("Not significant after %d weeks (p = %.3f): run longer or with more "
                      "traffic before deciding.",
                      result.params.weeks, atc.test.pValue);
    if (atc.test.lift < 0.05)
        return format("Measured add-to-cart lift %+.1f%% is under 5%%: fix the data first (the "
                      "brief's rule), then test again.",
                      100 * atc.test.lift);
    return format("Measured add-to-cart lift %+.1f%% (95%% CI %+.1f%% to %+.1f%%) is "
                  "significant and above 5%%: worth rolling out.",
                  100 * atc.test.lift, 100 * atc.test.ciLow, 100 * atc.test.ciHigh);
}

std::vector<std::string> pitfallNotes(const ExperimentResult& result) {
    std::vector<std::string> notes;
    const ExperimentPitfalls& p = result.params.pitfalls;
    const MetricReading& atc = result.metrics.front();
    const MetricReading& rps = result.metrics.back();
    const ReplicateMetric* aa =
        result.replicates.metrics.empty() ? nullptr : &result.replicates.metrics.front();
    if (p.peeking) {
        std::string note =
            atc.reportedDay < result.params.weeks * 7
                ? format("Daily peeking: the add-to-cart test was stopped on day %d at %+.1f%%; "
                         "the full runway reads %+.1f%% (true %+.1f%%).",
                         atc.reportedDay, 100 * atc.reportedLift, 100 * atc.test.lift,
                         100 * atc.trueLift)
                : format("Daily peeking: p never fell below %.2g, so the peeker ran the full "
                         "runway.",
                         result.params.alpha);
        if (aa)
            note += format(" Over %d A/A replicates, stopping at the first daily p < %.2g "
                           "declares a winner in %.1f%% of tests with no effect, against %.1f%% "
                           "for one look at the end and %.1f%% for the sequential interval read "
                           "every day.",
                           result.replicates.replicates, result.params.alpha,
                           100 * aa->falsePositivePeeking, 100 * aa->falsePositiveFixed,
                           100 * aa->falsePositiveSequential);
        notes.push_back(note);
    }
    if (p.noveltyLift > 0) {
        const DailyReading* week = readingOnDay(atc, 7);
        notes.push_back(format(
            "Novelty: +%.0f%% extra add-to-cart on day 1, halving every %.1f days. Week 1 reads "
            "%+.1f%%, the full runway %+.1f%%, the lasting effect is %+.1f%%.",
            100 * p.noveltyLift, p.noveltyHalfLifeDays, week ? 100 * week->lift : 0.0,
            100 * atc.test.lift, 100 * atc.trueLift));
    }
    if (p.trackingLoss > 0)
        notes.push_back(format(
            "Tracking loss: %lld treatment visits without an add-to-cart were not recorded. "
            "The sample-ratio test %s (p = %.2g) and add-to-cart reads %+.1f%% against a true "
            "%+.1f%%: losing non-buyers inflates every rate in that arm.",
            static_cast<long long>(result.visitsLost),
            result.srm.mismatch ? "fires" : "does not fire", result.srm.pValue, 100 * atc.test.lift,
            100 * atc.trueLift));
    if (p.contamination > 0)
        notes.push_back(format("Contamination: %lld control shoppers saw the treatment. The "
                               "control arm is part-treated, so add-to-cart reads %+.1f%% "
                               "against a true %+.1f%% (diluted toward 0).",
                               static_cast<long long>(result.contaminatedShoppers),
                               100 * atc.test.lift, 100 * atc.trueLift));
    if (p.outlierRate > 0)
        notes.push_back(format("Outlier orders: %.2g%% of orders are worth %.0fx. Revenue per "
                               "session reads %+.1f%% with a 95%% interval %.1f points wide "
                               "(true %+.1f%%).",
                               100 * p.outlierRate, p.outlierMultiplier, 100 * rps.test.lift,
                               100 * (rps.test.ciHigh - rps.test.ciLow), 100 * rps.trueLift));
    if (p.revenueCapPercentile > 0)
        notes.push_back(format("Capping: each visit's revenue is capped at %.2f (the %.2fth "
                               "percentile of pre-period orders). Revenue per session reads "
                               "%+.1f%% with a 95%% interval %.1f points wide.",
                               result.revenueCap, p.revenueCapPercentile, 100 * rps.test.lift,
                               100 * (rps.test.ciHigh - rps.test.ciLow)));
    return notes;
}

} // namespace merch::experiment
