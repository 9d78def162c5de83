// Messaging models trained and evaluated on a workspace's own log, plus the simulated policy
// comparison for a demo store.
#include "merch/messaging_analysis.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "merch/demo_store.h"

namespace merch {

namespace {

constexpr std::int64_t kDay = 86400;

RecoveryEvaluation evaluateRecovery(const std::vector<AbandonedCart>& carts, std::int64_t split,
                                    std::int64_t logEnd, const MessagingParams& params,
                                    std::vector<AbandonedCart>& train,
                                    std::vector<AbandonedCart>& test,
                                    std::optional<RecoveryModel>& model) {
    RecoveryEvaluation eval;
    eval.splitTime = split;
    const std::int64_t window = std::int64_t(params.recoveryWindowDays) * kDay;
    for (const AbandonedCart& c : carts) {
        // Labels must be complete: a cart needs its whole window inside its side of the log.
        if (c.time + window <= split)
            train.push_back(c);
        else if (c.time >= split && c.time + window <= logEnd)
            test.push_back(c);
    }
    eval.trainCarts = int(train.size());
    eval.testCarts = int(test.size());
    double trainRate = 0;
    for (const auto& c : train)
        trainRate += c.recovered ? 1.0 / double(train.size()) : 0.0;
    eval.trainRecoveryRate = trainRate;
    auto trained = RecoveryModel::train(train, params.l2);
    if (!trained || test.empty())
        return eval;
    model = std::move(*trained);
    std::vector<double> scores;
    std::vector<int> labels;
    for (const auto& c : test) {
        scores.push_back(model->probability(c));
        labels.push_back(c.recovered ? 1 : 0);
    }
    double rate = 0, brier = 0, baseBrier = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        rate += labels[i];
        brier += (scores[i] - labels[i]) * (scores[i] - labels[i]);
        baseBrier += (trainRate - labels[i]) * (trainRate - labels[i]);
    }
    const double n = double(scores.size());
    eval.testRecoveryRate = rate / n;
    eval.brier = brier / n;
    eval.baseRateBrier = baseBrier / n;
    eval.auc = rocAuc(scores, labels);
    eval.calibration = calibrationCurve(scores, labels, params.calibrationBins);
    for (std::size_t j = 0; j < RecoveryModel::featureNames().size(); ++j)
        eval.weights.emplace_back(RecoveryModel::featureNames()[j],
                                  model->weights()(Eigen::Index(j)));
    eval.available = rate > 0 && rate < n;
    return eval;
}

ReplenishmentEvaluation evaluateReplenishment(const std::vector<Event>& all,
                                              const std::vector<Event>& train,
                                              const std::vector<Product>& products,
                                              std::int64_t split, const MessagingParams& params) {
    ReplenishmentEvaluation eval;
    std::vector<std::string> consumables;
    std::map<std::string, std::string> titles;
    for (const Product& p : products) {
        titles[p.id] = p.title;
        if (p.consumable)
            consumables.push_back(p.id);
    }
    const ReplenishmentModel model =
        trainReplenishment(train, consumables, params.minProductIntervals);
    eval.excludedReminderIntervals = model.excludedReminderIntervals;
    eval.sigma = std::sqrt(model.sigma2);
    eval.tau = std::sqrt(model.tau2);
    for (const auto& [id, cycle] : model.products) {
        eval.products += cycle.intervals > 0 ? 1 : 0;
        eval.trainIntervals += cycle.intervals;
    }
    double product = 0, customer = 0, shrunk = 0;
    for (const ReorderInterval& interval : reorderIntervals(all, consumables)) {
        if (interval.next < split || interval.reminderDriven)
            continue;
        const double actual = interval.days();
        const auto p = model.products.find(interval.productId);
        const double productDays =
            p != model.products.end() ? p->second.days() : std::exp(model.storeMeanLogDays);
        double own = productDays;
        const auto c = model.customers.find(interval.key + "|" + interval.productId);
        if (c != model.customers.end() && c->second.intervals > 0) {
            own = std::exp(c->second.sumLogDays / c->second.intervals);
            ++eval.testWithHistory;
        }
        product += std::abs(productDays - actual);
        customer += std::abs(own - actual);
        shrunk += std::abs(model.predictedDays(interval.key, interval.productId) - actual);
        ++eval.testIntervals;
    }
    if (eval.testIntervals > 0) {
        eval.maeProduct = product / eval.testIntervals;
        eval.maeCustomer = customer / eval.testIntervals;
        eval.maeShrunk = shrunk / eval.testIntervals;
    }
    std::vector<std::pair<std::string, ReplenishmentModel::ProductCycle>> ranked(
        model.products.begin(), model.products.end());
    std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.second.intervals != b.second.intervals ? a.second.intervals > b.second.intervals
                                                        : a.first < b.first;
    });
    for (std::size_t i = 0; i < ranked.size() && i < 6; ++i) {
        const auto& [id, cycle] = ranked[i];
        if (cycle.intervals == 0)
            break;
        ReplenishmentEvaluation::Curve curve;
        curve.productId = id;
        curve.title = titles.count(id) ? titles[id] : id;
        curve.productDays = cycle.days();
        curve.customers = cycle.customers;
        curve.intervals = cycle.intervals;
        curve.ownDays = curve.productDays * 1.4; // a customer who uses it up more slowly
        for (int n = 0; n <= 6; ++n) {
            const double w = n * cycle.tau2 / (n * cycle.tau2 + model.sigma2);
            curve.shrunkDays.push_back(
                std::exp(w * std::log(curve.ownDays) + (1 - w) * cycle.meanLogDays));
        }
        eval.curves.push_back(std::move(curve));
    }
    return eval;
}

} // namespace

Status MessagingAnalysisParams::validate() const {
    if (auto status = models.validate(); !status)
        return status;
    if (auto status = policy.validate(); !status)
        return status;
    if (historyDays < 14 || historyDays > 365)
        return Status::invalidArgument("historyDays must be between 14 and 365");
    if (testDays < 7 || testDays > 365)
        return Status::invalidArgument("testDays must be between 7 and 365");
    if (replicates < 1 || replicates > 50)
        return Status::invalidArgument("replicates must be between 1 and 50");
    if (atRiskLimit < 1 || atRiskLimit > 100000)
        return Status::invalidArgument("atRiskLimit must be between 1 and 100000");
    return Status::ok();
}

Result<MessagingAnalysis> analyzeMessaging(const Workspace& workspace,
                                           const MessagingAnalysisParams& params,
                                           const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    if (!control.report(0.0, "loading events"))
        return Status::cancelled();
    auto events = workspace.loadEvents();
    if (!events)
        return events.status();
    auto products = workspace.loadProducts();
    if (!products)
        return products.status();
    MessagingAnalysis analysis;
    analysis.workspace = workspace.path();
    analysis.events = std::int64_t(events->size());
    if (events->empty())
        return Status::invalidArgument("workspace: " + workspace.path() + " holds no events");
    std::int64_t first = events->front().timestamp, last = first;
    for (const Event& e : *events) {
        first = std::min(first, e.timestamp);
        last = std::max(last, e.timestamp);
    }
    const std::int64_t split =
        std::max(first + 1, last - std::int64_t(params.models.testDays) * kDay);
    std::vector<Event> train;
    for (const Event& e : *events) {
        if (e.timestamp < split)
            train.push_back(e);
    }
    if (!control.report(0.05, "training messaging models"))
        return Status::cancelled();

    const auto carts = extractAbandonedCarts(*events, params.models.recoveryWindowDays);
    std::vector<AbandonedCart> trainCarts, testCarts;
    std::optional<RecoveryModel> model;
    analysis.recovery =
        evaluateRecovery(carts, split, last, params.models, trainCarts, testCarts, model);
    if (carts.empty())
        analysis.notes.push_back("No abandoned carts in this log (no add_to_cart events, or "
                                 "every cart was bought): cart recovery is not evaluated.");
    else if (!analysis.recovery.available)
        analysis.notes.push_back("Too few carts of both outcomes on each side of the time split "
                                 "to evaluate the recovery model.");
    analysis.timing = trainSendTiming(trainCarts, params.models.timingPriorWeight);
    analysis.customersWithOwnTiming = int(analysis.timing.customers.size());
    if (model) {
        for (const AbandonedCart& c : testCarts) {
            AtRiskCart a;
            a.key = c.key;
            a.sessionId = c.sessionId;
            a.time = c.time;
            a.value = c.value;
            a.items = c.items;
            a.identified = c.identified;
            a.probability = model->probability(c);
            a.ownTiming = analysis.timing.customers.count(c.key) > 0;
            a.sendHours = analysis.timing.hoursFor(c.key);
            a.plannedSend = c.time + std::int64_t(a.sendHours * 3600);
            a.recovered = c.recovered;
            analysis.atRisk.push_back(std::move(a));
        }
        std::stable_sort(
            analysis.atRisk.begin(), analysis.atRisk.end(),
            [](const AtRiskCart& a, const AtRiskCart& b) { return a.probability > b.probability; });
        if (int(analysis.atRisk.size()) > params.atRiskLimit)
            analysis.atRisk.resize(std::size_t(params.atRiskLimit));
    }
    if (!control.report(0.12, "replenishment intervals"))
        return Status::cancelled();
    analysis.replenishment = evaluateReplenishment(*events, train, *products, split, params.models);
    if (analysis.replenishment.testIntervals == 0)
        analysis.notes.push_back("No consumable reorders after the time split: replenishment "
                                 "intervals are not evaluated.");
    analysis.fatigue = trainFatigue(train);

    auto demo = readDemoWorldSettings(workspace);
    if (!demo)
        return demo.status();
    analysis.demoStore = demo->has_value();
    if (!analysis.demoStore) {
        analysis.notes.push_back("Imported store: the fixed-vs-predictive comparison needs a "
                                 "world calibrated from this store's sessions, which MerchSim "
                                 "cannot build yet; the models above are trained on the real "
                                 "log.");
    } else if (params.simulate) {
        MessagingComparisonParams comparison;
        comparison.world = (*demo)->world;
        comparison.historyDays = params.historyDays;
        comparison.testDays = params.testDays;
        comparison.replicates = params.replicates;
        comparison.includeOracle = params.includeOracle;
        comparison.models = params.models;
        comparison.policy = params.policy;
        RunControl sub = control.scaled(0.15, 1.0);
        sub.seed = (*demo)->seed;
        auto compared = compareMessagingPolicies(comparison, sub);
        if (!compared)
            return compared.status();
        analysis.comparison = std::move(*compared);
    }
    if (!control.report(1.0, "done"))
        return Status::cancelled();
    return analysis;
}

} // namespace merch
