// simulateExperiment: the world runs behind an A/B test and the reading assembled from them.
//
// Runs, on two threads where they are independent (a world run is const and thread-safe):
//   main thread                                   worker thread
//   baseline over the history, logging events     baseline over the whole span, no events:
//   (stopped at the test's start), then the       the untreated truth of the test period and
//   ranker trained on them                        the pre-period's order revenues (the cap)
//   the A/B test itself: shoppers split           every shopper treated: the treated truth
// An A/A test needs no history and no treated run: its truth is the untreated one.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <future>

#include "experiment/experiment_notes.h"
#include "experiment/split_policy.h"
#include "experiment/test_reading.h"
#include "experiment/training_history.h"
#include "merch/experiment.h"
#include "merch/messaging_policy.h"
#include "merch/ranking.h"
#include "merch/ranking_policy.h"
#include "merch/shopper_world.h"

namespace merch {

using namespace experiment;

namespace {

// Totals of the test period per metric for one run (for the true lift).
struct RunTotals {
    double sessions = 0;
    double values[kMetrics] = {0, 0, 0};
    std::vector<double> preOrderRevenues; // order revenues of the pre-period (outliers applied)
};

constexpr std::uint64_t kOutlierSalt = 0x0D, kNoveltySalt = 0x0E, kTrackingSalt = 0x0F;

double outlierRevenue(const VisitOutcome& v, std::uint64_t index, std::uint64_t seed,
                      const ExperimentPitfalls& p) {
    if (!v.purchased || p.outlierRate <= 0)
        return v.revenue;
    return unitHash(index, seed, kOutlierSalt) < p.outlierRate ? v.revenue * p.outlierMultiplier
                                                               : v.revenue;
}

double percentile(std::vector<double> values, double pct) {
    if (values.empty())
        return 0;
    const std::size_t k =
        std::min(values.size() - 1, std::size_t(std::floor(pct / 100.0 * double(values.size()))));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}

// Runs `policy` over the whole span, totalling the test period's visits.
Result<RunTotals> runTotals(const ShopperWorld& world, const ListPolicy& policy,
                            const MessagingPolicy& messaging, const ExperimentParams& params,
                            std::uint64_t seed, bool collectPreOrders, const RunControl& control) {
    RunTotals totals;
    std::uint64_t index = 0;
    auto run = world.run(
        policy, messaging, {},
        [&](const VisitOutcome& v) {
            ++index;
            if (v.day < params.historyDays) {
                if (collectPreOrders && v.purchased)
                    totals.preOrderRevenues.push_back(
                        outlierRevenue(v, index, seed ^ 0x9E37, params.pitfalls));
                return;
            }
            totals.sessions += 1;
            for (int k = 0; k < kMetrics; ++k)
                totals.values[k] += metricValue(v, k);
        },
        control);
    if (!run)
        return run.status();
    return totals;
}

// Applies the visit-level pitfalls to the A/B run's visits; the dropped ones are not recorded.
std::vector<RecordedVisit> recordVisits(const std::vector<VisitOutcome>& visits,
                                        const ExperimentParams& params, std::uint64_t seed,
                                        double untreatedCartRate, double cap, std::int64_t& lost) {
    const ExperimentPitfalls& p = params.pitfalls;
    std::vector<RecordedVisit> out;
    out.reserve(visits.size());
    const double c = std::clamp(untreatedCartRate, 0.0, 0.999);
    for (std::size_t i = 0; i < visits.size(); ++i) {
        RecordedVisit r{visits[i], armOf(visits[i].shopper, seed, params.split)};
        VisitOutcome& v = r.outcome;
        v.day -= params.historyDays;
        if (r.arm == 1 && p.noveltyLift > 0 && !v.carted) {
            const double boost = p.noveltyLift * std::exp2(-double(v.day) / p.noveltyHalfLifeDays);
            v.carted = unitHash(i, seed, kNoveltySalt) < std::min(1.0, boost * c / (1.0 - c));
        }
        if (r.arm == 1 && p.trackingLoss > 0 && !v.carted &&
            unitHash(i, seed, kTrackingSalt) < p.trackingLoss) {
            ++lost;
            continue;
        }
        v.revenue = outlierRevenue(v, i, seed, p);
        if (cap > 0)
            v.revenue = std::min(v.revenue, cap);
        out.push_back(r);
    }
    return out;
}

AggregateModel aggregateModel(const TestReading& reading, const ExperimentParams& params) {
    AggregateModel model;
    model.dailySessions = reading.dailySessions;
    model.alpha = params.alpha;
    model.windowDays = params.vendorWindowDays;
    model.replicates = params.replicates;
    for (int k = 0; k < kMetrics; ++k) {
        const MetricReading& m = reading.metrics[std::size_t(k)];
        AggregateMetricModel metric;
        metric.metric = m.metric;
        double mean[2], var[2], n[2];
        for (int arm = 0; arm < 2; ++arm) {
            n[arm] = std::max(2.0, double(reading.sessions[arm]));
            mean[arm] = reading.sessionSum[k][arm] / n[arm];
            var[arm] =
                std::max(0.0, reading.sessionSumSquares[k][arm] / n[arm] - mean[arm] * mean[arm]) *
                n[arm] / (n[arm] - 1);
        }
        // Design effect: the shopper-level delta-method variance of the lift over the one that
        // treats sessions as independent.
        double designEffect = 1.0;
        if (mean[0] > 0) {
            const double naive = var[1] / (mean[0] * mean[0] * n[1]) +
                                 var[0] * mean[1] * mean[1] / std::pow(mean[0], 4) / n[0];
            if (naive > 0 && m.test.se > 0)
                designEffect = std::clamp(m.test.se * m.test.se / naive, 0.5, 10.0);
        }
        metric.controlMean = mean[0];
        metric.controlVariance = var[0] * designEffect;
        metric.treatmentVariance = var[1] * designEffect;
        metric.trueLift = m.trueLift;
        const ExperimentPitfalls& p = params.pitfalls;
        if (k == 0 && p.noveltyLift > 0) {
            for (std::size_t d = 0; d < model.dailySessions.size(); ++d)
                metric.dailyEffect.push_back(
                    1.0 + p.noveltyLift * std::exp2(-double(d) / p.noveltyHalfLifeDays));
        }
        model.metrics.push_back(std::move(metric));
    }
    return model;
}

void fillVendor(MetricReading& m, const ReplicateMetric* replicate, int windowDays) {
    VendorReading& v = m.vendor;
    v.windowDays = windowDays;
    for (const DailyReading& d : m.daily)
        if (d.day == windowDays) {
            v.windowLift = d.lift;
            v.windowPValue = d.pValue;
        }
    v.reportedLift = v.windowLift;
    if (replicate) {
        v.replicateMeanLift = replicate->windowMeanLift;
        v.publishedShare = replicate->windowWinShare;
        v.publishedLift = replicate->windowMeanSignificantLift;
        if (v.publishedShare > 0)
            v.reportedLift = v.publishedLift;
    }
}

} // namespace

bool ExperimentPitfalls::any() const {
    return peeking || noveltyLift > 0 || trackingLoss > 0 || contamination > 0 || outlierRate > 0 ||
           revenueCapPercentile > 0;
}

Status ExperimentPitfalls::validate() const {
    if (!(noveltyLift >= 0 && noveltyLift <= 2))
        return Status::invalidArgument("pitfalls.noveltyLift must be between 0 and 2");
    if (!(noveltyHalfLifeDays >= 0.5 && noveltyHalfLifeDays <= 60))
        return Status::invalidArgument("pitfalls.noveltyHalfLifeDays must be between 0.5 and 60");
    if (!(trackingLoss >= 0 && trackingLoss <= 0.5))
        return Status::invalidArgument("pitfalls.trackingLoss must be between 0 and 0.5");
    if (!(contamination >= 0 && contamination <= 1))
        return Status::invalidArgument("pitfalls.contamination must be between 0 and 1");
    if (!(outlierRate >= 0 && outlierRate <= 0.05))
        return Status::invalidArgument("pitfalls.outlierRate must be between 0 and 0.05");
    if (!(outlierMultiplier >= 2 && outlierMultiplier <= 1000))
        return Status::invalidArgument("pitfalls.outlierMultiplier must be between 2 and 1000");
    if (!(revenueCapPercentile == 0 ||
          (revenueCapPercentile >= 50 && revenueCapPercentile <= 99.99)))
        return Status::invalidArgument(
            "pitfalls.revenueCapPercentile must be 0 (off) or between 50 and 99.99");
    return Status::ok();
}

Status ExperimentParams::validate() const {
    if (treatment != "ranking" && treatment != "messaging" && treatment != "aa")
        return Status::invalidArgument("treatment must be ranking, messaging or aa "
                                       "(recommendations and search arrive with their world "
                                       "hooks)");
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
    if (auto status = pitfalls.validate(); !status)
        return status;
    if (vendorWindowDays < 1 || vendorWindowDays > weeks * 7)
        return Status::invalidArgument("vendorWindowDays must be between 1 and the runway (" +
                                       std::to_string(weeks * 7) + " days)");
    if (replicates < 0 || replicates > 200000)
        return Status::invalidArgument("replicates must be between 0 and 200000");
    return Status::ok();
}

Result<ExperimentResult> simulateExperiment(const ExperimentParams& params,
                                            const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    const int testDays = params.weeks * 7;
    const bool aa = params.treatment == "aa";
    const bool messaging = params.treatment == "messaging";
    WorldParams worldParams;
    worldParams.products = params.products;
    worldParams.days = params.historyDays + testDays;
    worldParams.sessionsPerDay = params.sessionsPerDay;
    auto created = ShopperWorld::create(worldParams, control.seed);
    if (!created)
        return created.status();
    const ShopperWorld& world = **created;
    const auto baseline = world.baselinePolicy();
    const auto fixedMessaging = world.baselineMessagingPolicy(); // the store's 1/24/72 h emails
    const std::uint64_t seed = control.seed;
    // The messaging treatment: predictive emails from the test's first day (outlive the runs).
    std::unique_ptr<MessagingPolicy> predictive, predictiveFromTest;

    // The worker thread's runs stop when `stop` is set (cancel, or an error on this thread).
    std::unique_ptr<ListPolicy> treatment; // outlives the worker's runs that use it
    std::atomic<bool> stop{false};
    RunControl worker;
    worker.seed = seed;
    worker.progress = [&stop](double, std::string_view) { return !stop.load(); };
    struct StopOnExit {
        std::atomic<bool>& flag;
        ~StopOnExit() { flag = true; }
    };
    auto untreatedJob = std::async(std::launch::async, [&] {
        return runTotals(world, *baseline, *fixedMessaging, params, seed,
                         params.pitfalls.revenueCapPercentile > 0, worker);
    });
    std::future<Result<RunTotals>> treatedJob;
    const StopOnExit stopWorkers{stop}; // destroyed before the futures, which then join
    const double splitFrom = aa ? 0.0 : 0.45;

    // 1. The history the treatment's model learns from: the baseline's logs up to the test.
    double clickThenBuyShare = 0;
    if (aa) {
        treatment = world.baselinePolicy(); // an A/A test: the same policy in both arms
    } else if (messaging) {
        // Category pages stay the baseline in both arms; the messaging models learn from the
        // baseline's logs up to the test, as a store would train them.
        treatment = world.baselinePolicy();
        std::vector<Event> history;
        const std::int64_t historyEnd =
            worldParams.startTime + std::int64_t(params.historyDays) * 86400;
        bool historyDone = false;
        auto logged = world.run(
            *baseline,
            [&](const Event& e) {
                if (e.timestamp >= historyEnd) {
                    historyDone = true;
                    return Status::cancelled();
                }
                history.push_back(e);
                return Status::ok();
            },
            control.scaled(0.0, 0.35 * worldParams.days / params.historyDays));
        if (!logged && !historyDone)
            return logged.status();
        auto models = trainMessagingModels(history, world.products(), MessagingParams{});
        if (!models)
            return models.status();
        std::vector<Event>().swap(history);
        std::vector<std::string> productIds;
        for (const Product& product : world.products())
            productIds.push_back(product.id);
        predictive = std::make_unique<PredictiveMessagingPolicy>(
            std::make_shared<const MessagingModels>(std::move(models).value()),
            std::move(productIds), PredictivePolicyParams{});
        predictiveFromTest = std::make_unique<SwitchingMessagingPolicy>(
            *fixedMessaging, *predictive, params.historyDays);
        treatedJob = std::async(std::launch::async, [&] {
            return runTotals(world, *baseline, *predictiveFromTest, params, seed, false, worker);
        });
    } else {
        RankerParams rankerParams;
        std::vector<Event> trainingEvents;
        {
            experiment::TrainingHistory history(world.products(),
                                                std::size_t(rankerParams.maxImpressions), seed);
            const std::int64_t historyEnd =
                worldParams.startTime + std::int64_t(params.historyDays) * 86400;
            bool historyDone = false;
            auto logged = world.run(
                *baseline,
                [&](const Event& e) {
                    if (e.timestamp >= historyEnd) {
                        historyDone = true;
                        return Status::cancelled(); // the test starts: no more logs needed
                    }
                    history.add(e);
                    return Status::ok();
                },
                control.scaled(0.0, 0.35 * worldParams.days / params.historyDays));
            if (!logged && !historyDone)
                return logged.status();
            clickThenBuyShare = history.clickThenBuyRevenueShare();
            trainingEvents = history.events(); // the compact log is freed before training
        }
        auto ranker = PersonalizedRanker::train(world.products(), trainingEvents, rankerParams,
                                                control.scaled(0.35, 0.45));
        std::vector<Event>().swap(trainingEvents);
        if (!ranker)
            return ranker.status();
        treatment = makeRankingPolicy(*ranker);
        // 2. The truth with every shopper treated, over the same test period.
        treatedJob = std::async(std::launch::async, [&] {
            SplitPolicy everyone(*baseline, treatment.get(), params.historyDays, seed, params.split,
                                 0.0, true);
            return runTotals(world, everyone, *fixedMessaging, params, seed, false, worker);
        });
    }

    // 3. The A/B test itself: shoppers split (contaminated control shoppers see the treatment).
    std::vector<VisitOutcome> visits;
    SplitPolicy split(*baseline, treatment.get(), params.historyDays, seed, params.split,
                      params.pitfalls.contamination, false);
    // Messaging splits by the same arms (contaminated control shoppers get it too).
    const ShopperSplitMessagingPolicy messagingSplit(
        *fixedMessaging, predictiveFromTest ? *predictiveFromTest : *fixedMessaging,
        [&params, seed](int shopper) {
            return armOf(shopper, seed, params.split) == 1 ||
                   contaminated(shopper, seed, params.pitfalls.contamination);
        });
    auto run = world.run(
        split, messagingSplit, {},
        [&](const VisitOutcome& v) {
            if (v.day >= params.historyDays)
                visits.push_back(v);
        },
        control.scaled(splitFrom, 0.9));
    if (!run)
        return run.status();
    auto untreated = untreatedJob.get();
    if (!untreated)
        return untreated.status();
    Result<RunTotals> treated = aa ? Result<RunTotals>(*untreated) : treatedJob.get();
    if (!treated)
        return treated.status();
    if (!control.report(0.9, "reading the test"))
        return Status::cancelled();

    ExperimentResult result;
    result.params = params;
    result.seed = seed;
    if (params.pitfalls.revenueCapPercentile > 0)
        result.revenueCap =
            percentile(untreated->preOrderRevenues, params.pitfalls.revenueCapPercentile);
    const double untreatedCartRate = untreated->values[0] / std::max(1.0, untreated->sessions);
    const auto recorded =
        recordVisits(visits, params, seed, untreatedCartRate, result.revenueCap, result.visitsLost);
    TestReading reading = readTest(recorded, testDays, params.alpha);
    for (int k = 0; k < kMetrics; ++k) {
        MetricReading& m = reading.metrics[std::size_t(k)];
        const double none = untreated->values[k] / std::max(1.0, untreated->sessions);
        const double all = treated->values[k] / std::max(1.0, treated->sessions);
        m.trueLift = none > 0 ? all / none - 1.0 : 0.0;
        m.reportedLift = m.test.lift;
        m.reportedDay = testDays;
        if (params.pitfalls.peeking && m.daysToSignificance > 0) {
            for (const DailyReading& d : m.daily)
                if (d.day == m.daysToSignificance)
                    m.reportedLift = d.lift;
            m.reportedDay = m.daysToSignificance;
        }
    }
    if (params.pitfalls.contamination > 0) {
        std::vector<bool> seen;
        for (const RecordedVisit& r : recorded) {
            const auto s = std::size_t(r.outcome.shopper);
            if (s >= seen.size())
                seen.resize(s + 1, false);
            if (!seen[s] && r.arm == 0 &&
                contaminated(r.outcome.shopper, seed, params.pitfalls.contamination))
                ++result.contaminatedShoppers;
            seen[s] = true;
        }
    }

    // 4. Replicates of the test from its measured rates and variances.
    if (params.replicates > 0) {
        auto replicates =
            simulateReplicates(aggregateModel(reading, params), control.scaled(0.9, 1.0));
        if (!replicates && replicates.status().code() == StatusCode::Cancelled)
            return replicates.status();
        if (replicates) // a metric with no variance (a tiny world) leaves the replicates out
            result.replicates = std::move(*replicates);
    }
    for (int k = 0; k < kMetrics; ++k) {
        const ReplicateMetric* replicate = std::size_t(k) < result.replicates.metrics.size()
                                               ? &result.replicates.metrics[std::size_t(k)]
                                               : nullptr;
        fillVendor(reading.metrics[std::size_t(k)], replicate, params.vendorWindowDays);
    }

    result.controlShoppers = reading.shoppers[0];
    result.treatmentShoppers = reading.shoppers[1];
    result.controlSessions = reading.sessions[0];
    result.treatmentSessions = reading.sessions[1];
    result.metrics = std::move(reading.metrics);
    stats::SrmParams srm;
    srm.counts = {result.controlShoppers, result.treatmentShoppers};
    srm.weights = {1.0 - params.split, params.split};
    if (auto check = stats::sampleRatioMismatch(srm))
        result.srm = *check;

    AttributionReading& attribution = result.attribution;
    attribution.clickThenBuyShare = clickThenBuyShare;
    attribution.treatmentRevenue = reading.sessionSum[2][1];
    attribution.attributedRevenue = clickThenBuyShare * attribution.treatmentRevenue;
    const double t = result.metrics[2].trueLift;
    attribution.incrementalRevenue = attribution.treatmentRevenue * t / (1.0 + t);
    const double unattributed = attribution.treatmentRevenue - attribution.attributedRevenue;
    attribution.claimedLift = unattributed > 0 ? attribution.attributedRevenue / unattributed : 0;

    result.verdict = experimentVerdict(result);
    result.pitfallNotes = pitfallNotes(result);
    control.report(1.0, "done");
    return result;
}

} // namespace merch
