// Triggered messaging models: abandoned carts and their recovery likelihood, the send delay per
// customer, consumption intervals for replenishment reminders, and email fatigue. All of them
// learn from logged events only (what a store can export), never from a world's truth.
#pragma once

#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include <Eigen/Dense>

#include "merch/event.h"
#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

struct MessagingParams {
    int testDays = 14;              // last days of the log held out for evaluation; 1..180
    int recoveryWindowDays = 7;     // a cart counts as recovered when its owner buys one of its
                                    // products within this many days; 1..30
    double l2 = 1.0;                // ridge penalty of the recovery model (standardized features);
                                    // 0..1000
    int calibrationBins = 10;       // equal-count bins of the calibration curve; 2..50
    double timingPriorWeight = 2.0; // pseudo-returns pulling a customer's send delay toward the
                                    // store's; 0..100
    int minProductIntervals = 5;    // a product's interval needs this many observed reorder
                                    // intervals before it stands on its own; 1..1000

    Status validate() const; // names the first field out of range
};

// A browsing session that ended with products in the cart and no purchase.
struct AbandonedCart {
    std::string key;         // the owner: customer id (stitched from the visitor) or visitor id
    bool identified = false; // the owner has a customer id (the store can email them)
    std::string sessionId;
    std::int64_t time = 0; // unix seconds of the session's last event
    std::vector<std::string> productIds;
    double value = 0; // sum of price x quantity of the products left in the cart
    int items = 0;
    int priorSessions = 0;          // the owner's sessions before this one
    int priorOrders = 0;            // of those, sessions with a purchase
    double daysSinceLastVisit = -1; // -1 for a first visit
    int hour = 0;                   // 0..23 UTC of `time`
    int weekday = 0;                // 0 Monday .. 6 Sunday
    // Truth from the log, for training and evaluation:
    bool recovered = false; // the owner bought a product of the cart within the window
    double hoursToRecovery = -1;
    double recoveredRevenue = 0;
    // The owner's later sessions within the window, until the recovery: hours after the
    // abandonment and whether that session bought from the cart (what send timing learns).
    std::vector<std::pair<double, bool>> returns;
};

// Abandoned carts in time order. Visitors seen with a customer id are stitched to it.
std::vector<AbandonedCart> extractAbandonedCarts(const std::vector<Event>& events,
                                                 int recoveryWindowDays);

// What the store knows about a shopper's past visits (by customer id or visitor id).
struct VisitorHistory {
    int sessions = 0;
    int orders = 0;
    std::int64_t lastSeen = 0; // end of the last session
};
std::unordered_map<std::string, VisitorHistory> visitorHistories(const std::vector<Event>& events);

// Logistic regression of recovery on cart value, items, the owner's history, recency, hour and
// weekday (standardized, ridge-penalized, fitted by Newton's method).
class RecoveryModel {
public:
    static const std::vector<std::string>& featureNames();
    static Eigen::VectorXd features(const AbandonedCart& cart);
    // Needs both outcomes among the carts; InvalidArgument otherwise.
    static Result<RecoveryModel> train(const std::vector<AbandonedCart>& carts, double l2);

    double probability(const AbandonedCart& cart) const;
    // Coefficients on the standardized features, in featureNames() order, and the intercept.
    const Eigen::VectorXd& weights() const { return m_weights; }
    double intercept() const { return m_intercept; }
    int iterations() const { return m_iterations; }

private:
    Eigen::VectorXd m_mean, m_scale, m_weights;
    double m_intercept = 0;
    int m_iterations = 0;
};

// Ridge logistic regression by Newton's method (intercept unpenalized): what RecoveryModel and
// the send-time curve fit. Returns the weights with the intercept last.
Eigen::VectorXd fitLogistic(const Eigen::MatrixXd& x, const Eigen::VectorXd& y, double l2,
                            int* iterations = nullptr);

// Area under the ROC curve (ties count one half); 0.5 when one class is missing.
double rocAuc(const std::vector<double>& scores, const std::vector<int>& labels);

struct CalibrationBin {
    double meanPredicted = 0;
    double observedRate = 0;
    int count = 0;
};
// Equal-count bins of the predictions, in increasing order.
std::vector<CalibrationBin> calibrationCurve(const std::vector<double>& scores,
                                             const std::vector<int>& labels, int bins);

// The delay after abandonment at which a reminder works best, per customer.
struct SendTimingModel {
    struct Bin {
        double fromHours = 0, toHours = 0;
        int returns = 0, bought = 0;
    };
    double storeHours = 24;      // the store's best delay (peak of the fitted curve)
    double curve[3] = {0, 0, 0}; // P(buy | return after h hours) = logistic(c0 + c1 ln h +
                                 // c2 ln^2 h)
    std::vector<Bin> bins;       // observed returns by delay, for charts
    struct Customer {
        double hours = 24;     // shrunk estimate
        int buyingReturns = 0; // own evidence
    };
    std::unordered_map<std::string, Customer> customers;
    double priorWeight = 2;

    // The customer's delay, or the store's for a customer without buying returns.
    double hoursFor(const std::string& key) const;
    double buyProbability(double hours) const;
};
SendTimingModel trainSendTiming(const std::vector<AbandonedCart>& carts, double priorWeight);

// Consumption intervals per customer and product, shrunk toward the product's (empirical Bayes
// on log days: within-customer and between-customer variances estimated from the log).
struct ReplenishmentModel {
    struct ProductCycle {
        double meanLogDays = 0; // product's mean log interval (itself shrunk to the store's)
        double tau2 = 0;        // between-customer variance of the log interval
        int intervals = 0;
        int customers = 0;
        double days() const;
    };
    struct CustomerCycle {
        int intervals = 0;
        double sumLogDays = 0;
        std::int64_t lastOrder = 0;
    };
    std::unordered_map<std::string, ProductCycle> products;
    std::unordered_map<std::string, CustomerCycle> customers; // key "customer|product"
    double storeMeanLogDays = std::log(30.0);
    double sigma2 = 0.1; // within-customer variance of the log interval
    double tau2 = 0.1;   // store-wide between-customer variance
    int minProductIntervals = 5;
    int excludedReminderIntervals = 0; // intervals ending in a reminder-driven order (left out)

    bool knowsProduct(const std::string& productId) const;
    // Predicted days between orders and the weight given to the customer's own intervals.
    double predictedDays(const std::string& key, const std::string& productId,
                         double* customerWeight = nullptr) const;
};
// `consumables` names the products to model; empty means every product bought twice or more
// by one customer.
ReplenishmentModel trainReplenishment(const std::vector<Event>& events,
                                      const std::vector<std::string>& consumables,
                                      int minProductIntervals);

// A consumable reorder interval: the unit the replenishment evaluation predicts.
struct ReorderInterval {
    std::string key, productId;
    std::int64_t previous = 0, next = 0;
    bool reminderDriven = false;
    double days() const { return double(next - previous) / 86400.0; }
};
std::vector<ReorderInterval> reorderIntervals(const std::vector<Event>& events,
                                              const std::vector<std::string>& consumables);

// Unsubscribe risk per email against the emails received in the 30 days before. Unsubscribes
// are not logged, so they are inferred: a customer whose later abandoned carts (while signed in)
// get no cart email within 3 days although earlier ones did is taken to have left after the last
// email they were sent.
struct FatigueModel {
    struct Bucket {
        int fromMessages = 0, toMessages = 0; // inclusive range of emails in the prior 30 days
        int sends = 0, unsubscribes = 0;
        double rate() const { return sends ? double(unsubscribes) / sends : 0; }
    };
    std::vector<Bucket> buckets;
    double coefficients[2] = {0, 0}; // logit(risk) = c0 + c1 * messages in the prior 30 days
    int emailedCustomers = 0;
    int inferredUnsubscribes = 0;
    double riskPerMessage(int messagesLast30Days) const;
};
FatigueModel trainFatigue(const std::vector<Event>& events);

} // namespace merch
