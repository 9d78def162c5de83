#include <algorithm>
#include <cmath>

#include "merch/distributions.h"
#include "merch/experiment_replicates.h"
#include "merch/stats.h"
#include "util/rng.h"

namespace merch {

namespace {

constexpr std::uint64_t kReplicateStream = 0xAB5EED;

struct Reading {
    double lift = 0, se = 0;
    bool ok = false;
};

// The relative lift and its delta-method standard error from cumulative sums, with the model's
// per-session variances (what the engine's compareMoments computes from the sample moments).
Reading readArms(double sumC, double nC, double sumT, double nT, double varC, double varT) {
    if (nC < 2 || nT < 2)
        return {};
    const double mc = sumC / nC, mt = sumT / nT;
    if (!(mc > 0))
        return {};
    const double var = varT / (mc * mc * nT) + varC * mt * mt / (mc * mc * mc * mc * nC);
    if (!(var > 0))
        return {};
    return {mt / mc - 1.0, std::sqrt(var), true};
}

struct ScenarioTally {
    std::vector<double> lifts;
    std::vector<int> daysToSignificance;
    int significantEnd = 0, significantWins = 0, significantAnyDay = 0, sequentialAnyDay = 0,
        covered = 0;
    double sumSignificantLift = 0;
    double windowSumLift = 0, windowSumSignificantLift = 0;
    int windowSignificant = 0;
};

// One scenario (the treatment's effect, or none) over all replicates of one metric.
ScenarioTally runScenario(const AggregateModel& model, const AggregateMetricModel& metric,
                          bool withEffect, Rng& rng, double zCritical) {
    const int days = int(model.dailySessions.size());
    const int replicates = model.replicates;
    const double meanC = metric.controlMean;
    const double varC = metric.controlVariance;
    const double varT = withEffect ? metric.treatmentVariance : metric.controlVariance;
    const double truth = withEffect ? metric.trueLift : 0.0;
    std::vector<double> meanT(std::size_t(days), meanC);
    for (int d = 0; d < days; ++d) {
        const double daily = withEffect && std::size_t(d) < metric.dailyEffect.size()
                                 ? metric.dailyEffect[std::size_t(d)]
                                 : 1.0;
        meanT[std::size_t(d)] = meanC * (1.0 + truth) * daily;
    }
    std::vector<double> sdC(static_cast<std::size_t>(days)), sdT(static_cast<std::size_t>(days));
    for (int d = 0; d < days; ++d) {
        sdC[std::size_t(d)] = std::sqrt(double(model.dailySessions[std::size_t(d)][0]) * varC);
        sdT[std::size_t(d)] = std::sqrt(double(model.dailySessions[std::size_t(d)][1]) * varT);
    }
    ScenarioTally tally;
    tally.lifts.reserve(std::size_t(replicates));
    for (int r = 0; r < replicates; ++r) {
        double sumC = 0, sumT = 0, nC = 0, nT = 0;
        bool anyFixed = false, anySequential = false;
        int firstDay = -1;
        Reading last;
        for (int d = 0; d < days; ++d) {
            const auto& sessions = model.dailySessions[std::size_t(d)];
            const double dc = double(sessions[0]), dt = double(sessions[1]);
            sumC += dc * meanC + sdC[std::size_t(d)] * rng.normal();
            sumT += dt * meanT[std::size_t(d)] + sdT[std::size_t(d)] * rng.normal();
            nC += dc;
            nT += dt;
            const Reading now = readArms(sumC, nC, sumT, nT, varC, varT);
            if (!now.ok)
                continue;
            last = now;
            const bool fixed = std::abs(now.lift) > zCritical * now.se;
            if (fixed && !anyFixed)
                firstDay = d + 1;
            anyFixed = anyFixed || fixed;
            if (!anySequential)
                anySequential =
                    std::abs(now.lift) > stats::sequentialHalfwidth(now.se, nC + nT, model.alpha,
                                                                    model.sequentialTuning);
            if (d + 1 == model.windowDays) {
                tally.windowSumLift += now.lift;
                if (fixed && now.lift > 0) {
                    ++tally.windowSignificant;
                    tally.windowSumSignificantLift += now.lift;
                }
            }
        }
        tally.lifts.push_back(last.lift);
        const bool significant = last.ok && std::abs(last.lift) > zCritical * last.se;
        tally.significantEnd += significant ? 1 : 0;
        if (significant && last.lift > 0) {
            ++tally.significantWins;
            tally.sumSignificantLift += last.lift;
        }
        tally.covered += last.ok && std::abs(last.lift - truth) <= zCritical * last.se ? 1 : 0;
        tally.significantAnyDay += anyFixed ? 1 : 0;
        tally.sequentialAnyDay += anySequential ? 1 : 0;
        if (firstDay > 0)
            tally.daysToSignificance.push_back(firstDay);
    }
    return tally;
}

} // namespace

Status AggregateModel::validate() const {
    if (dailySessions.empty())
        return Status::invalidArgument("dailySessions must have at least one day");
    for (const auto& day : dailySessions)
        if (day[0] < 0 || day[1] < 0)
            return Status::invalidArgument("dailySessions must not be negative");
    if (metrics.empty())
        return Status::invalidArgument("metrics must have at least one metric");
    for (const auto& m : metrics) {
        if (!(m.controlMean > 0) || !std::isfinite(m.controlMean))
            return Status::invalidArgument("metrics.controlMean must be positive (" + m.metric +
                                           ")");
        if (!(m.controlVariance > 0) || !(m.treatmentVariance > 0) ||
            !std::isfinite(m.controlVariance) || !std::isfinite(m.treatmentVariance))
            return Status::invalidArgument("metrics.variance must be positive (" + m.metric + ")");
        if (!(m.trueLift > -1) || !std::isfinite(m.trueLift))
            return Status::invalidArgument("metrics.trueLift must be above -1 (" + m.metric + ")");
    }
    if (!(alpha >= 0.001 && alpha <= 0.2))
        return Status::invalidArgument("alpha must be between 0.001 and 0.2");
    if (!(sequentialTuning >= 1))
        return Status::invalidArgument("sequentialTuning must be at least 1");
    if (windowDays < 1 || windowDays > int(dailySessions.size()))
        return Status::invalidArgument("windowDays must be between 1 and the days modelled");
    if (replicates < 1 || replicates > 200000)
        return Status::invalidArgument("replicates must be between 1 and 200000");
    return Status::ok();
}

Result<ReplicateSummary> simulateReplicates(const AggregateModel& model,
                                            const RunControl& control) {
    if (auto status = model.validate(); !status)
        return status;
    const double zCritical = stats::normalQuantile(1.0 - model.alpha / 2.0);
    ReplicateSummary summary;
    summary.replicates = model.replicates;
    summary.days = int(model.dailySessions.size());
    summary.windowDays = model.windowDays;
    const double steps = double(model.metrics.size());
    for (std::size_t k = 0; k < model.metrics.size(); ++k) {
        if (!control.report(double(k) / steps, "Monte Carlo replicates"))
            return Status::cancelled();
        const AggregateMetricModel& metric = model.metrics[k];
        Rng rng = Rng::derive(control.seed, kReplicateStream, k);
        ScenarioTally effect = runScenario(model, metric, true, rng, zCritical);
        const ScenarioTally none = runScenario(model, metric, false, rng, zCritical);
        const double n = double(model.replicates);
        ReplicateMetric out;
        out.metric = metric.metric;
        out.trueLift = metric.trueLift;
        double sum = 0;
        for (double lift : effect.lifts)
            sum += lift;
        out.meanLift = sum / n;
        out.power = effect.significantEnd / n;
        out.meanSignificantLift =
            effect.significantWins ? effect.sumSignificantLift / effect.significantWins : 0.0;
        out.coverage = effect.covered / n;
        if (!effect.daysToSignificance.empty()) {
            auto& days = effect.daysToSignificance;
            std::nth_element(days.begin(), days.begin() + std::ptrdiff_t(days.size() / 2),
                             days.end());
            out.medianDaysToSignificance = days[days.size() / 2];
        }
        out.windowMeanLift = effect.windowSumLift / n;
        out.windowWinShare = effect.windowSignificant / n;
        out.windowMeanSignificantLift =
            effect.windowSignificant ? effect.windowSumSignificantLift / effect.windowSignificant
                                     : 0.0;
        out.falsePositiveFixed = none.significantEnd / n;
        out.falsePositivePeeking = none.significantAnyDay / n;
        out.falsePositiveSequential = none.sequentialAnyDay / n;
        out.lifts = std::move(effect.lifts);
        summary.metrics.push_back(std::move(out));
    }
    control.report(1.0, "Monte Carlo replicates");
    return summary;
}

} // namespace merch
