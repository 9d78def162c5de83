// The predictive messaging policy and the training of the models it decides from.
#include <algorithm>
#include <cmath>
#include <ctime>

#include "merch/messaging_policy.h"

namespace merch {

namespace {

constexpr std::int64_t kHour = 3600;
constexpr double kDay = 86400.0;

} // namespace

std::vector<std::int64_t> cartEmailPlan(double hours, int emails, double factor) {
    // One email at the delay; two: the delay and a follow-up; three: one before, one at and
    // one after it, each `factor` apart. Never sooner than an hour.
    double at = emails >= 3 ? hours / factor : hours;
    std::vector<std::int64_t> delays;
    for (int k = 0; k < emails; ++k) {
        delays.push_back(std::int64_t(std::max(1.0, at) * double(kHour)));
        at *= factor;
    }
    std::sort(delays.begin(), delays.end());
    return delays;
}

Status PredictivePolicyParams::validate() const {
    if (!(minRecoveryProbability >= 0 && minRecoveryProbability <= 1))
        return Status::invalidArgument("minRecoveryProbability must be between 0 and 1");
    if (emailsPerCart < 1 || emailsPerCart > 3)
        return Status::invalidArgument("emailsPerCart must be between 1 and 3");
    if (!(followUpFactor >= 1.5 && followUpFactor <= 10))
        return Status::invalidArgument("followUpFactor must be between 1.5 and 10");
    if (!(reminderLeadDays >= 0 && reminderLeadDays <= 30))
        return Status::invalidArgument("reminderLeadDays must be between 0 and 30");
    if (maxMessagesPer30Days < 1 || maxMessagesPer30Days > 100)
        return Status::invalidArgument("maxMessagesPer30Days must be between 1 and 100");
    return Status::ok();
}

Result<MessagingModels> trainMessagingModels(const std::vector<Event>& events,
                                             const std::vector<Product>& products,
                                             const MessagingParams& params) {
    if (auto status = params.validate(); !status)
        return status;
    MessagingModels models;
    for (const Event& e : events)
        models.trainedUntil = std::max(models.trainedUntil, e.timestamp);
    const std::vector<AbandonedCart> carts =
        extractAbandonedCarts(events, params.recoveryWindowDays);
    models.carts = int(carts.size());
    if (auto recovery = RecoveryModel::train(carts, params.l2)) {
        models.recovery = std::move(*recovery);
        models.hasRecoveryModel = true;
    }
    models.timing = trainSendTiming(carts, params.timingPriorWeight);
    std::vector<std::string> consumables;
    for (const Product& p : products) {
        if (p.consumable)
            consumables.push_back(p.id);
    }
    models.replenishment = trainReplenishment(events, consumables, params.minProductIntervals);
    models.fatigue = trainFatigue(events);
    models.histories = visitorHistories(events);
    return models;
}

PredictiveMessagingPolicy::PredictiveMessagingPolicy(std::shared_ptr<const MessagingModels> models,
                                                     std::vector<std::string> productIds,
                                                     PredictivePolicyParams params)
    : m_models(std::move(models))
    , m_productIds(std::move(productIds))
    , m_params(params) {}

AbandonedCart PredictiveMessagingPolicy::describe(const CartAbandonment& cart) const {
    AbandonedCart c;
    c.key = cart.customerId.empty() ? "visitor:" + cart.visitorId : cart.customerId;
    c.identified = cart.identified;
    c.time = cart.time;
    for (int item : cart.items)
        c.productIds.push_back(m_productIds[std::size_t(item)]);
    c.value = cart.cartValue;
    c.items = int(cart.items.size());
    if (const auto h = m_models->histories.find(c.key); h != m_models->histories.end()) {
        c.priorSessions = h->second.sessions;
        c.priorOrders = h->second.orders;
        c.daysSinceLastVisit = std::max(0.0, double(cart.time - h->second.lastSeen) / kDay);
    }
    const std::time_t t = std::time_t(cart.time);
    std::tm utc{};
    gmtime_r(&t, &utc);
    c.hour = utc.tm_hour;
    c.weekday = (utc.tm_wday + 6) % 7;
    return c;
}

std::vector<std::int64_t>
PredictiveMessagingPolicy::cartEmailDelays(const CartAbandonment& cart) const {
    if (!cart.identified || cart.unsubscribed)
        return {};
    if (cart.messagesLast30Days >= m_params.maxMessagesPer30Days)
        return {};
    if (m_models->hasRecoveryModel && m_params.minRecoveryProbability > 0 &&
        m_models->recovery.probability(describe(cart)) < m_params.minRecoveryProbability)
        return {};
    return cartEmailPlan(m_models->timing.hoursFor(cart.customerId), m_params.emailsPerCart,
                         m_params.followUpFactor);
}

std::vector<std::int64_t>
PredictiveMessagingPolicy::reminderDelays(const ConsumableOrder& order) const {
    if (!order.identified || order.unsubscribed)
        return {};
    const std::string& product = m_productIds[std::size_t(order.product)];
    const double days = m_models->replenishment.predictedDays(order.customerId, product) -
                        m_params.reminderLeadDays;
    return {std::int64_t(std::max(1.0, days) * kDay)};
}

bool PredictiveMessagingPolicy::sendReminder(const ReminderDue& due) const {
    return !due.reorderedSince && due.messagesLast30Days < m_params.maxMessagesPer30Days;
}

} // namespace merch
