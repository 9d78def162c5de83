// Messaging on a store's own data: the models trained on the log before a time split and
// evaluated after it (recovery AUC and calibration, send delays, replenishment interval error,
// fatigue), the at-risk carts of the test period ranked, and for a demo store the simulated
// fixed-vs-predictive comparison on its world.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "merch/messaging_policy.h"
#include "merch/workspace.h"

namespace merch {

struct MessagingAnalysisParams {
    MessagingParams models;
    PredictivePolicyParams policy;
    bool simulate = true; // run the comparison on the demo store's world
    int historyDays = 60; // comparison: 14..365
    int testDays = 28;    // comparison: 7..365
    int replicates = 4;   // comparison: 1..50
    bool includeOracle = true;
    int atRiskLimit = 200; // at-risk carts listed; 1..100000

    Status validate() const;
};

struct RecoveryEvaluation {
    bool available = false; // false without carts of both outcomes on both sides of the split
    std::int64_t splitTime = 0;
    int trainCarts = 0, testCarts = 0;
    double trainRecoveryRate = 0, testRecoveryRate = 0;
    double auc = 0.5;
    double brier = 0;
    double baseRateBrier = 0; // Brier score of predicting the training rate for every cart
    std::vector<CalibrationBin> calibration;
    std::vector<std::pair<std::string, double>> weights; // standardized coefficients
};

struct AtRiskCart {
    std::string key, sessionId;
    std::int64_t time = 0;
    double value = 0;
    int items = 0;
    double probability = 0;
    bool identified = false;
    double sendHours = 0;         // planned delay after the abandonment
    std::int64_t plannedSend = 0; // unix seconds
    bool ownTiming = false;       // false: the store's delay (a customer without history)
    bool recovered = false;       // what the log shows happened
};

struct ReplenishmentEvaluation {
    int products = 0; // consumables with intervals
    int trainIntervals = 0, testIntervals = 0;
    int excludedReminderIntervals = 0;
    double sigma = 0, tau = 0; // within- and between-customer sd of log days
    // Mean absolute error in days on the test intervals, predicting with:
    double maeProduct = 0;   // the product's interval only
    double maeCustomer = 0;  // the customer's own mean (product's when they have none)
    double maeShrunk = 0;    // the shrunk estimate
    int testWithHistory = 0; // test intervals whose customer had training intervals
    struct Curve {
        std::string productId, title;
        double productDays = 0;
        int customers = 0, intervals = 0;
        // Predicted interval against the number of the customer's own intervals, for a
        // customer who reorders every `ownDays`: how the estimate leaves the product's.
        double ownDays = 0;
        std::vector<double> shrunkDays; // for 0..6 own intervals
    };
    std::vector<Curve> curves; // the most-bought consumables (up to 6)
};

struct MessagingAnalysis {
    std::string workspace;
    bool demoStore = false;
    std::int64_t events = 0;
    RecoveryEvaluation recovery;
    SendTimingModel timing;
    int customersWithOwnTiming = 0;
    ReplenishmentEvaluation replenishment;
    FatigueModel fatigue;
    std::vector<AtRiskCart> atRisk; // test-period carts by recovery probability
    std::optional<MessagingComparison> comparison;
    std::vector<std::string> notes;
};

Result<MessagingAnalysis> analyzeMessaging(const Workspace& workspace,
                                           const MessagingAnalysisParams& params,
                                           const RunControl& control);

} // namespace merch
