// simulateExperiment: the world runs behind an A/B test and the reading assembled from them.
//
// The history is simulated once under the store's policies and paused at the test's first day
// (treatments.cpp trains the treatment's model on its logs). Three runs then continue that
// snapshot over the test period, two of them on worker threads (a world run is const and
// thread-safe): every shopper untreated and every shopper treated (the true lift), and the A/B
// test itself with shoppers split. An A/A test needs no treated run: its truth is the untreated.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <future>

#include "experiment/experiment_notes.h"
#include "experiment/split_policy.h"
#include "experiment/test_reading.h"
#include "experiment/training_history.h"
#include "experiment/treatments.h"
#include "merch/experiment.h"
#include "merch/recommender.h"
#include "merch/search.h"
#include "merch/shopper_world.h"
#include "merch/world_calibration.h"

namespace merch {

using namespace experiment;

namespace {

// Totals of the test period per metric for one run (for the true lift).
struct RunTotals {
    double sessions = 0;
    double values[kMetrics] = {0, 0, 0};
    TrueArmOutcome truth;
};

TrueArmOutcome testPeriodTruth(const WorldOutcome& end, const WorldOutcome& start, int firstDay) {
    TrueArmOutcome t;
    t.sessions = end.sessions - start.sessions;
    const double sessions = double(std::max<std::int64_t>(1, t.sessions));
    t.conversionRate = double(end.sessionsWithPurchase - start.sessionsWithPurchase) / sessions;
    t.revenuePerSession = (end.revenue - start.revenue) / sessions;
    t.searchSessions = end.sessionsWithSearch - start.sessionsWithSearch;
    const double searching = double(std::max<std::int64_t>(1, t.searchSessions));
    t.searchConversionRate =
        double(end.searchSessionsWithPurchase - start.searchSessionsWithPurchase) / searching;
    t.revenuePerSearchSession = (end.searchSessionRevenue - start.searchSessionRevenue) / searching;
    t.searches = end.searches - start.searches;
    t.zeroResultRate = double(end.searchesWithoutResults - start.searchesWithoutResults) /
                       double(std::max<std::int64_t>(1, t.searches));
    t.recommendationBlocks = end.recommendationBlocks - start.recommendationBlocks;
    t.recommendationClicks = end.recommendationClicks - start.recommendationClicks;
    MessagingOutcome messaging;
    for (std::size_t d = std::size_t(firstDay); d < end.messagingByDay.size(); ++d)
        messaging.add(end.messagingByDay[d]);
    t.cartsAbandoned = messaging.cartsAbandoned;
    t.cartsRecovered = messaging.cartsRecovered;
    t.cartEmails = messaging.cartEmails;
    t.reminderEmails = messaging.reminderEmails;
    t.reorders = messaging.reorders;
    t.unsubscribes = messaging.unsubscribes;
    return t;
}

constexpr std::uint64_t kNoveltySalt = 0x0E, kTrackingSalt = 0x0F;

double percentile(std::vector<double> values, double pct) {
    if (values.empty())
        return 0;
    const std::size_t k =
        std::min(values.size() - 1, std::size_t(std::floor(pct / 100.0 * double(values.size()))));
    std::nth_element(values.begin(), values.begin() + std::ptrdiff_t(k), values.end());
    return values[k];
}

// Continues the history's snapshot under `policies` to the end, totalling the test's visits.
Result<RunTotals> runTotals(const ShopperWorld& world, const WorldPolicies& policies,
                            const WorldSnapshot& history, const RunControl& control) {
    RunTotals totals;
    auto run = world.run(
        policies, {},
        [&](const VisitOutcome& v) {
            totals.sessions += 1;
            for (int k = 0; k < kMetrics; ++k)
                totals.values[k] += metricValue(v, k);
        },
        control, &history);
    if (!run)
        return run.status();
    totals.truth = testPeriodTruth(*run, history.outcome(), history.day());
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
    static const char* const kTreatments[] = {"ranking",     "recs",          "search", "messaging",
                                              "abandonment", "replenishment", "aa"};
    if (std::find(std::begin(kTreatments), std::end(kTreatments), treatment) ==
        std::end(kTreatments))
        return Status::invalidArgument("treatment must be ranking, recs, search, messaging, "
                                       "abandonment, replenishment or aa");
    if (!searchMethodFromName(searchMethod))
        return Status::invalidArgument(
            "searchMethod must be keyword, semantic, hybrid or hybrid_clicks");
    const auto models = recommenderNames(true);
    if (std::find(models.begin(), models.end(), recommender) == models.end()) {
        std::string names;
        for (const auto& name : models)
            names += (names.empty() ? "" : ", ") + name;
        return Status::invalidArgument("recommender must be one of " + names);
    }
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
    WorldParams worldParams;
    worldParams.products = params.products;
    worldParams.days = params.historyDays + testDays;
    worldParams.sessionsPerDay = params.sessionsPerDay;
    auto created = params.calibration ? ShopperWorld::createCalibrated(*params.calibration,
                                                                       worldParams, control.seed)
                                      : ShopperWorld::create(worldParams, control.seed);
    if (!created)
        return created.status();
    const ShopperWorld& world = **created;
    const std::uint64_t seed = control.seed;

    // 1. The history under the store's policies, paused at the test's first day, and the
    // treatment's model trained on it.
    // The untreated truth needs only the store's policies: it starts on a worker thread as
    // soon as the history is paused, while the treatment trains. Worker runs stop when `stop`
    // is set (cancel, or an error here).
    std::atomic<bool> stop{false};
    RunControl worker;
    worker.seed = seed;
    worker.progress = [&stop](double, std::string_view) { return !stop.load(); };
    struct StopOnExit {
        std::atomic<bool>& flag;
        ~StopOnExit() { flag = true; }
    };
    std::future<Result<RunTotals>> untreatedJob, treatedJob;
    const StopOnExit stopWorkers{stop}; // destroyed before the futures, which then join
    auto planned = planTreatment(
        world, params, seed, params.pitfalls.revenueCapPercentile > 0, control,
        [&world, &worker, &untreatedJob](const TreatmentPlan& soFar) {
            // Copies: the job may outlive the plan when the training fails.
            untreatedJob =
                std::async(std::launch::async, [&world, &worker, owned = soFar.owned,
                                                store = soFar.control, snapshot = soFar.snapshot] {
                    return runTotals(world, store, *snapshot, worker);
                });
        });
    if (!planned)
        return planned.status();
    if (!untreatedJob.valid())
        return Status::error(StatusCode::Internal, "the history did not reach the test");
    const TreatmentPlan& plan = *planned;
    const WorldSnapshot& history = *plan.snapshot;

    // The store's baseline objects, for the hooks the control leaves to the world.
    const auto baselineList = world.baselinePolicy();
    const auto baselineMessaging = world.baselineMessagingPolicy();
    const auto nativeSearch = world.nativeSearchPolicy();
    const ListPolicy& controlList = plan.control.list ? *plan.control.list : *baselineList;
    const MessagingPolicy& controlMessaging =
        plan.control.messaging ? *plan.control.messaging : *baselineMessaging;
    const SearchPolicy& controlSearch = plan.control.search ? *plan.control.search : *nativeSearch;

    // Every hook the treatment changes, split by arm (the others stay the store's).
    struct Split {
        std::unique_ptr<SplitPolicy> list;
        std::unique_ptr<SplitMessagingPolicy> messaging;
        std::unique_ptr<SplitSearchPolicy> search;
        std::unique_ptr<SplitRecommendationPolicy> recommendations;
        WorldPolicies policies;
    };
    const auto makeSplit = [&](const ArmSplit& arms) {
        auto split = std::make_unique<Split>();
        split->policies = plan.control;
        if (plan.treated.list) {
            split->list = std::make_unique<SplitPolicy>(controlList, plan.treated.list,
                                                        arms.firstDay, arms.seed, arms.split,
                                                        arms.contamination, arms.everyone);
            split->policies.list = split->list.get();
        }
        if (plan.treated.messaging) {
            split->messaging = std::make_unique<SplitMessagingPolicy>(
                controlMessaging, *plan.treated.messaging, arms);
            split->policies.messaging = split->messaging.get();
        }
        if (plan.treated.search) {
            split->search =
                std::make_unique<SplitSearchPolicy>(controlSearch, *plan.treated.search, arms);
            split->policies.search = split->search.get();
        }
        if (plan.treated.recommendations) {
            split->recommendations = std::make_unique<SplitRecommendationPolicy>(
                plan.control.recommendations, *plan.treated.recommendations, arms);
            split->policies.recommendations = split->recommendations.get();
        }
        return split;
    };
    const ArmSplit abArms{params.historyDays, seed, params.split, params.pitfalls.contamination,
                          false};
    const ArmSplit allArms{params.historyDays, seed, params.split, 0.0, true};
    const auto abSplit = makeSplit(abArms);
    const auto everyone = makeSplit(allArms);

    // 2. The test period from the same snapshot: untreated (started above) and all-treated
    // (the truth, on worker threads) and the A/B test itself (contaminated control shoppers
    // see the treatment).
    if (!aa)
        treatedJob = std::async(std::launch::async, [&] {
            return runTotals(world, everyone->policies, history, worker);
        });
    // On an early return the jobs are stopped and joined here, before the policies they read
    // (declared above) go.
    struct JoinOnExit {
        std::atomic<bool>& flag;
        std::future<Result<RunTotals>>& first;
        std::future<Result<RunTotals>>& second;
        ~JoinOnExit() {
            flag = true;
            for (auto* job : {&first, &second})
                if (job->valid())
                    job->wait();
        }
    };
    const JoinOnExit joinWorkers{stop, untreatedJob, treatedJob};

    std::vector<VisitOutcome> visits;
    auto run = world.run(
        abSplit->policies, {}, [&](const VisitOutcome& v) { visits.push_back(v); },
        control.scaled(0.45, 0.9), &history);
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
    const double clickThenBuyShare = plan.clickThenBuyShare;

    ExperimentResult result;
    result.params = params;
    result.seed = seed;
    result.trueUntreated = untreated->truth;
    result.trueTreated = treated->truth;
    result.searchCases = plan.searchCases;
    result.trainingSessions = plan.trainingSessions;
    if (params.pitfalls.revenueCapPercentile > 0)
        result.revenueCap = percentile(plan.preOrderRevenues, params.pitfalls.revenueCapPercentile);
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
