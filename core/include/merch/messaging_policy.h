// Messaging policies the ShopperWorld can run: the predictive policy built from the messaging
// models (trained on logged events only), and the fixed-vs-predictive comparison simulated on
// worlds. Both policies are MessagingPolicy objects, so an A/B simulation can use them too.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/messaging.h"
#include "merch/shopper_world.h"

namespace merch {

// Everything the predictive policy decides from, trained on one log.
struct MessagingModels {
    bool hasRecoveryModel = false; // false when the log had no carts of both outcomes
    RecoveryModel recovery;
    SendTimingModel timing;
    ReplenishmentModel replenishment;
    FatigueModel fatigue;
    std::unordered_map<std::string, VisitorHistory> histories; // what the store knew of each
    std::int64_t trainedUntil = 0;                             // last event time of the log
    int carts = 0;                                             // abandoned carts it saw
};

// `products` gives the consumable flags (may be empty: repeat-bought products are used).
Result<MessagingModels> trainMessagingModels(const std::vector<Event>& events,
                                             const std::vector<Product>& products,
                                             const MessagingParams& params);

struct PredictivePolicyParams {
    double minRecoveryProbability = 0.0; // carts scored below are not emailed; 0..1
    int emailsPerCart = 3;         // cart emails per abandonment (the fixed schedule's count);
                                   // 1..3
    double followUpFactor = 3.0;   // emails go this factor apart around the customer's delay
                                   // (3 emails: d/f, d, d*f); 1.5..10
    double reminderLeadDays = 3.0; // reminder this many days before the predicted run-out;
                                   // 0..30
    int maxMessagesPer30Days = 8;  // fatigue cap: no email to a shopper who got this many in
                                   // the last 30 days; 1..100

    Status validate() const; // names the first field out of range
};

// Cart emails at the customer's own delay (the store's for a new customer) for carts the
// recovery model scores high enough; one reminder shortly before the predicted run-out,
// skipped when the store sees a reorder; a cap on emails per 30 days against fatigue.
class PredictiveMessagingPolicy final : public MessagingPolicy {
public:
    // `productIds[i]` is the store's id of product i of the world (its products()).
    PredictiveMessagingPolicy(std::shared_ptr<const MessagingModels> models,
                              std::vector<std::string> productIds, PredictivePolicyParams params);
    std::string name() const override { return "predictive"; }
    std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const override;
    std::vector<std::int64_t> reminderDelays(const ConsumableOrder& order) const override;
    bool sendReminder(const ReminderDue& due) const override;

    // The cart as the recovery model sees it, from what the store knows at `cart.time`.
    AbandonedCart describe(const CartAbandonment& cart) const;

private:
    std::shared_ptr<const MessagingModels> m_models;
    std::vector<std::string> m_productIds;
    PredictivePolicyParams m_params;
};

// Cart email delays in seconds around a delay of `hours`: 1 email at it, 2 at it and `factor`
// times it, 3 at hours/factor, hours and hours*factor; none sooner than an hour.
std::vector<std::int64_t> cartEmailPlan(double hours, int emails, double factor);

// `before` up to day `switchDay` (exclusive), `after` from it: a test period after a history.
class SwitchingMessagingPolicy final : public MessagingPolicy {
public:
    SwitchingMessagingPolicy(const MessagingPolicy& before, const MessagingPolicy& after,
                             int switchDay)
        : m_before(before)
        , m_after(after)
        , m_switchDay(switchDay) {}
    std::string name() const override { return m_after.name(); }
    std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const override {
        return (cart.day < m_switchDay ? m_before : m_after).cartEmailDelays(cart);
    }
    std::vector<std::int64_t> reminderDelays(const ConsumableOrder& order) const override {
        return (order.day < m_switchDay ? m_before : m_after).reminderDelays(order);
    }
    bool sendReminder(const ReminderDue& due) const override {
        return (due.day < m_switchDay ? m_before : m_after).sendReminder(due);
    }

private:
    const MessagingPolicy& m_before;
    const MessagingPolicy& m_after;
    int m_switchDay;
};

// An A/B split of messaging: shoppers for whom `treated(shopper)` is true get `treatment`, the
// others `control` (the shopper index is the world's randomisation unit, as in ListContext).
// `treated` must be deterministic; it is called from the world's thread.
class ShopperSplitMessagingPolicy final : public MessagingPolicy {
public:
    ShopperSplitMessagingPolicy(const MessagingPolicy& control, const MessagingPolicy& treatment,
                                std::function<bool(int shopper)> treated)
        : m_control(control)
        , m_treatment(treatment)
        , m_treated(std::move(treated)) {}
    std::string name() const override { return m_treatment.name() + " (split)"; }
    std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const override {
        return arm(cart.shopper).cartEmailDelays(cart);
    }
    std::vector<std::int64_t> reminderDelays(const ConsumableOrder& order) const override {
        return arm(order.shopper).reminderDelays(order);
    }
    bool sendReminder(const ReminderDue& due) const override {
        return arm(due.shopper).sendReminder(due);
    }

private:
    const MessagingPolicy& arm(int shopper) const {
        return m_treated(shopper) ? m_treatment : m_control;
    }
    const MessagingPolicy& m_control;
    const MessagingPolicy& m_treatment;
    std::function<bool(int)> m_treated;
};

struct MessagingComparisonParams {
    WorldParams world;         // products, sessions per day, defect rate; `days` is set from below
    int historyDays = 60;      // baseline days logged for training; 14..365
    int testDays = 28;         // days both policies then run; 7..365
    int replicates = 4;        // worlds (seeds seed, seed+1, ...) simulated; 1..50
    bool includeOracle = true; // also run the truth-timed oracle, as the upper reference
    MessagingParams models;
    PredictivePolicyParams policy;
    // Seed comes from RunControl::seed.

    Status validate() const;
};

struct ComparisonMetric {
    std::string key;   // "reactivation_rate", "recovered_revenue", "cart_emails",
                       // "recoveries_per_cart_email", "reorders", "reminder_emails",
                       // "unsubscribes", "messages_sent"
    std::string label; // for people
    double fixed = 0, predictive = 0, oracle = 0; // means over replicates (oracle: 0 if not run)
    double lift = 0;              // mean relative change predictive vs fixed over replicates
    double ciLow = 0, ciHigh = 0; // 95% t interval of that mean (equal to lift with 1 replicate)
    bool hasReference = false;    // the brief's figure, shown beside, never tuned to
    double referenceLow = 0, referenceHigh = 0;
    std::string reference;
};

struct DailyMessagingPoint {
    int day = 0; // 1-based day of the test period
    std::int64_t fixedMessages = 0, predictiveMessages = 0;
    std::int64_t fixedPurchases = 0, predictivePurchases = 0; // recovered carts + reorders
};

struct MessagingComparison {
    MessagingComparisonParams params;
    std::vector<std::uint64_t> seeds;
    std::vector<MessagingOutcome> fixedRuns, predictiveRuns, oracleRuns; // test period totals
    std::vector<ComparisonMetric> metrics;
    std::vector<DailyMessagingPoint> timeline; // the first replicate's test period
    double trainSeconds = 0, simulateSeconds = 0;
};

Result<MessagingComparison> compareMessagingPolicies(const MessagingComparisonParams& params,
                                                     const RunControl& control);

} // namespace merch
