#include "experiment/treatments.h"

#include "experiment/split_policy.h"
#include "experiment/training_history.h"
#include "merch/experiment_adapters.h"
#include "merch/messaging_policy.h"
#include "merch/ranking.h"
#include "merch/ranking_policy.h"
#include "merch/session_data.h"

namespace merch::experiment {

namespace {

constexpr std::uint64_t kOutlierSalt = 0x0D;

// Cart emails from one policy, replenishment reminders from another.
class CombinedMessagingPolicy final : public MessagingPolicy {
public:
    CombinedMessagingPolicy(std::shared_ptr<const MessagingPolicy> carts,
                            std::shared_ptr<const MessagingPolicy> reminders, std::string name)
        : m_carts(std::move(carts))
        , m_reminders(std::move(reminders))
        , m_name(std::move(name)) {}
    std::string name() const override { return m_name; }
    std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const override {
        return m_carts->cartEmailDelays(cart);
    }
    std::vector<std::int64_t> reminderDelays(const ConsumableOrder& order) const override {
        return m_reminders->reminderDelays(order);
    }
    bool sendReminder(const ReminderDue& due) const override {
        return m_reminders->sendReminder(due);
    }

private:
    std::shared_ptr<const MessagingPolicy> m_carts, m_reminders;
    std::string m_name;
};

template <typename T>
const T* keep(TreatmentPlan& plan, std::shared_ptr<const T> policy) {
    plan.owned.push_back(policy);
    return policy.get();
}

std::vector<std::string> productIds(const ShopperWorld& world) {
    std::vector<std::string> ids;
    ids.reserve(world.products().size());
    for (const Product& product : world.products())
        ids.push_back(product.id);
    return ids;
}

// An event stripped to what SessionData reads (views, carts and purchases).
Event sessionEvent(const Event& e) {
    Event out;
    out.timestamp = e.timestamp;
    out.sessionId = e.sessionId;
    out.type = e.type;
    out.productId = e.productId;
    return out;
}

} // namespace

double outlierRevenue(const VisitOutcome& v, std::uint64_t index, std::uint64_t seed,
                      const ExperimentPitfalls& p) {
    if (!v.purchased || p.outlierRate <= 0)
        return v.revenue;
    return unitHash(index, seed, kOutlierSalt) < p.outlierRate ? v.revenue * p.outlierMultiplier
                                                               : v.revenue;
}

Result<TreatmentPlan> planTreatment(const ShopperWorld& world, const ExperimentParams& params,
                                    std::uint64_t seed, bool collectPreOrders,
                                    const RunControl& control,
                                    const std::function<void(const TreatmentPlan&)>& historyDone) {
    TreatmentPlan plan;
    const std::string& t = params.treatment;
    const bool ranking = t == "ranking";
    const bool messaging = t == "messaging" || t == "abandonment" || t == "replenishment";
    const bool search = t == "search";
    const bool recs = t == "recs";

    // The store as it is. A recommendations test compares blocks: the store shows its
    // best-seller block before and during the test (the demo store's logs have none).
    if (recs)
        plan.control.recommendations = keep(plan, std::shared_ptr<const RecommendationPolicy>(
                                                      world.bestSellerRecommendationPolicy()));

    // 1. The history, logged under the store's policies up to the test's first day.
    const std::int64_t historyEnd =
        world.params().startTime + std::int64_t(params.historyDays) * 86400;
    RankerParams rankerParams;
    std::unique_ptr<TrainingHistory> rankingLog;
    if (ranking)
        rankingLog = std::make_unique<TrainingHistory>(
            world.products(), std::size_t(rankerParams.maxImpressions), seed);
    std::vector<Event> events;     // messaging: the whole log; recs: views, carts, purchases
    std::vector<SearchCase> cases; // search: views reached from a search list, with the query
    EventSink sink;
    if (ranking || messaging || search || recs) {
        sink = [&](const Event& e) {
            if (e.timestamp >= historyEnd)
                return Status::ok(); // the day's last sessions run past the test's start
            if (ranking) {
                rankingLog->add(e);
            } else if (messaging) {
                events.push_back(e);
            } else if (search) {
                if (e.type == EventType::View && e.list == "search" && !e.query.empty())
                    cases.push_back({e.timestamp, e.query, e.productId});
            } else if (e.type == EventType::View || e.type == EventType::AddToCart ||
                       e.type == EventType::Purchase) {
                events.push_back(sessionEvent(e));
            }
            return Status::ok();
        };
    }
    std::uint64_t visitIndex = 0;
    VisitObserver observer;
    if (collectPreOrders) {
        observer = [&](const VisitOutcome& v) {
            ++visitIndex;
            if (v.purchased)
                plan.preOrderRevenues.push_back(
                    outlierRevenue(v, visitIndex, seed ^ 0x9E37, params.pitfalls));
        };
    }
    const double historyShare = 0.35 * world.params().days / params.historyDays;
    auto logged = world.run(plan.control, sink, observer, control.scaled(0.0, historyShare),
                            nullptr, params.historyDays, &plan.snapshot);
    if (!logged)
        return logged.status();
    if (historyDone)
        historyDone(plan);
    const RunControl training = control.scaled(0.35, 0.45);

    // 2. The treatment, trained on that history.
    if (t == "aa") {
        return plan; // both arms keep the store's policies
    } else if (ranking) {
        plan.clickThenBuyShare = rankingLog->clickThenBuyRevenueShare();
        std::vector<Event> trainingEvents = rankingLog->events();
        rankingLog.reset(); // the compact log is freed before training
        auto ranker =
            PersonalizedRanker::train(world.products(), trainingEvents, rankerParams, training);
        if (!ranker)
            return ranker.status();
        plan.treated.list =
            keep(plan, std::shared_ptr<const ListPolicy>(makeRankingPolicy(*ranker)));
    } else if (messaging) {
        auto models = trainMessagingModels(events, world.products(), MessagingParams{});
        if (!models)
            return models.status();
        std::vector<Event>().swap(events);
        auto predictive = std::make_shared<const PredictiveMessagingPolicy>(
            std::make_shared<const MessagingModels>(std::move(models).value()), productIds(world),
            PredictivePolicyParams{});
        if (t == "messaging") {
            plan.treated.messaging = keep(plan, std::shared_ptr<const MessagingPolicy>(predictive));
        } else {
            std::shared_ptr<const MessagingPolicy> fixed = world.baselineMessagingPolicy();
            const bool carts = t == "abandonment";
            plan.treated.messaging =
                keep(plan, std::shared_ptr<const MessagingPolicy>(
                               std::make_shared<const CombinedMessagingPolicy>(
                                   carts ? predictive : fixed, carts ? fixed : predictive,
                                   carts ? "predictive cart-email timing"
                                         : "predictive replenishment reminders")));
        }
    } else if (search) {
        const auto method = searchMethodFromName(params.searchMethod);
        if (!method)
            return Status::invalidArgument("searchMethod must be keyword, semantic, hybrid or "
                                           "hybrid_clicks");
        plan.searchCases = std::int64_t(cases.size());
        if (*method != SearchMethod::HybridClicks)
            cases.clear(); // the catalog-only methods learn nothing from the logs
        auto index = SearchIndex::build(world.products(), {}, cases, SearchParams{}, training);
        if (!index)
            return index.status();
        plan.treated.search = keep(
            plan, std::shared_ptr<const SearchPolicy>(makeEngineSearchPolicy(*index, *method)));
    } else if (recs) {
        const SessionData data = SessionData::fromEvents(events);
        std::vector<Event>().swap(events);
        plan.trainingSessions = std::int64_t(data.sessions().size());
        auto model = makeRecommender(params.recommender, RecommenderParams{}, &world.products());
        if (!model)
            return model.status();
        if (auto status = (*model)->train(data, training); !status)
            return status;
        std::vector<std::string> itemIds;
        for (int i = 0; i < data.itemCount(); ++i)
            itemIds.push_back(data.itemId(i));
        std::shared_ptr<const Recommender> trained = std::move(model).value();
        std::shared_ptr<const RecommendationPolicy> fallback =
            world.bestSellerRecommendationPolicy();
        plan.owned.push_back(fallback);
        plan.treated.recommendations =
            keep(plan, std::shared_ptr<const RecommendationPolicy>(makeRecommenderBlockPolicy(
                           trained, itemIds, productIds(world), fallback)));
    }
    return plan;
}

} // namespace merch::experiment
