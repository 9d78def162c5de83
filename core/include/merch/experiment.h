// The A/B test a store would run, simulated on a ShopperWorld: shoppers are randomised into
// control (the baseline policy) and treatment, the test's reading is computed with the
// statistics engine day by day, and the world's counterfactual gives the true lift beside it.
//
// Pitfalls are switches (ExperimentPitfalls); each changes the reading the way it would in a
// real store, while the true lift stays the world's. Novelty, tracking loss, outlier orders and
// capping act at the experiment layer on each visit's outcome (the world has no such hooks; the
// model assumptions are stated per field). Contamination acts in the world run itself: the
// contaminated control shoppers are shown the treatment. The vendor's report beside the clean
// test and the Monte Carlo replicates are in VendorReading and merch/experiment_replicates.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "merch/experiment_replicates.h"
#include "merch/run_control.h"
#include "merch/stats.h"
#include "merch/status.h"

namespace merch {

struct ExperimentPitfalls {
    // Daily peeking: the tester reads the fixed-horizon p-value every day and stops at the first
    // p < alpha; the reported lift becomes that day's. Off: the reading at the end of the runway.
    bool peeking = false;
    // Novelty effect: the treatment's add-to-cart rate is raised by noveltyLift (relative, e.g.
    // 0.2 = +20%) on the first test day, halving every noveltyHalfLifeDays. Assumption: novelty
    // moves engagement (add-to-cart) only, not orders or revenue; each treated visit without an
    // add-to-cart gains one with probability b·c/(1 - c), c = the untreated add-to-cart rate.
    double noveltyLift = 0.0;         // 0 = off; valid 0..2
    double noveltyHalfLifeDays = 7.0; // days; default 7; valid 0.5..60
    // Sample-ratio mismatch from tracking loss: this share of the treatment arm's visits that
    // did not add to cart is never recorded (a broken tag on the new page drops bounces), so the
    // arms' shopper counts drift apart and the recorded rates rise. 0 = off; valid 0..0.5.
    double trackingLoss = 0.0;
    // Holdout contamination: this share of the control arm's shoppers is shown the treatment
    // (a cached page, a shared device) but still counted as control. 0 = off; valid 0..1.
    double contamination = 0.0;
    // Outlier orders: this share of orders is a bulk order worth outlierMultiplier times the
    // order (a reseller, a corporate gift), in both arms and the pre-period. 0 = off; 0..0.05.
    double outlierRate = 0.0;
    double outlierMultiplier = 20.0; // times the order's revenue; default 20; valid 2..1000
    // Capping (winsorizing): each visit's revenue is capped at this percentile of the
    // pre-period's order revenues (computed before the test, so no peeking at the test data).
    // 0 = off; else valid 50..99.99.
    double revenueCapPercentile = 0.0;

    bool any() const;
    Status validate() const; // names the field, e.g. "pitfalls.trackingLoss must be ..."
};

struct ExperimentParams {
    // "ranking" (personalized category pages), "recs" (product pages' block from a trained
    // recommender vs the store's same-category best-seller block), "search" (the search
    // engine's searchMethod vs the store's native keyword search), "messaging" (predictive
    // cart-email timing and replenishment reminders), "abandonment" (the predictive cart-email
    // timing alone), "replenishment" (the predictive reminders alone), all trained on the
    // history; or "aa" (an A/A test: both arms get the baseline, to check the reading).
    std::string treatment = "ranking";
    std::string searchMethod = "hybrid";  // search: keyword | semantic | hybrid | hybrid_clicks
                                          // (hybrid plus clicks learned from the history's
                                          // search logs); default hybrid
    std::string recommender = "item_knn"; // recs: a recommenderNames(true) model; default
                                          // item_knn (item-to-item co-occurrence)
    double split = 0.5;                   // share of shoppers in the treatment; 0.05..0.95
    int weeks = 4;                        // runway; 1..52
    int historyDays = 60;        // days of baseline logs the treatment's model trains on; 7..365
    int products = 2000;         // the world's catalog; 50..200000
    double sessionsPerDay = 620; // mean daily sessions; 10..200000
    // A world calibrated from an imported store (merch/world_calibration.h): when set, the test
    // runs on it (its catalog; `products` is ignored, sessionsPerDay is its arrivals a day).
    std::shared_ptr<const struct WorldCalibration> calibration;
    double alpha = 0.05;         // significance level; 0.001..0.2
    ExperimentPitfalls pitfalls; // all off by default: the clean test
    int vendorWindowDays = 7;    // the short window a vendor reads the test over; days;
                                 // 1..weeks*7; default 7
    int replicates = 10000;      // aggregate Monte Carlo replicate tests (peeking false-positive
                                 // rate, power, distribution of lifts, winner's curse); 0 = off;
                                 // valid 0..200000
    // Seed comes from RunControl::seed: the world and the assignment of shoppers to arms.

    Status validate() const;
};

struct DailyReading {
    int day = 0;      // 1-based day of the test
    double lift = 0;  // cumulative relative lift up to this day
    double ciLow = 0; // fixed-horizon confidence interval (what a daily peek shows)
    double ciHigh = 0;
    double pValue = 1;
    double sequentialLow = 0; // confidence sequence: valid to read every day
    double sequentialHigh = 0;
};

// What the vendor of the treatment would publish for one metric, beside the clean test.
struct VendorReading {
    int windowDays = 7;    // the short window read
    double windowLift = 0; // this run's measured lift after windowDays (fixed test)
    double windowPValue = 1;
    // Over the replicate tests read after windowDays: the mean measured lift, the share that
    // came out significant and the mean lift of those alone (the published ones).
    double replicateMeanLift = 0;
    double publishedShare = 0;
    double publishedLift = 0;
    // The vendor's headline: publishedLift (short window and only significant results), or
    // windowLift when replicates are off or none came out significant.
    double reportedLift = 0;
};

struct MetricReading {
    std::string metric; // "add_to_cart_rate", "conversion_rate", "revenue_per_session"
    double control = 0; // the arm's value over the runway
    double treatment = 0;
    double trueLift = 0;         // from the world: all shoppers treated vs none, same period
    stats::TestResult test;      // measured relative lift, CI, p (delta method over shoppers)
    int daysToSignificance = -1; // first day p < alpha (fixed test, peeking); -1 never
    int daysToSequentialSignificance = -1; // first day the confidence sequence excludes 0
    std::vector<DailyReading> daily;
    // The lift the tester reports: the peeked day's when pitfalls.peeking stopped the test
    // early, else test.lift; reportedDay is the day it was read.
    double reportedLift = 0;
    int reportedDay = 0;
    VendorReading vendor;
};

// Same-session click-then-buy attribution at gross revenue, as a vendor's dashboard counts it.
struct AttributionReading {
    // Share of the pre-period's order revenue in sessions where the bought product had been
    // clicked on a category page earlier in the same session (measured in the world's logs).
    double clickThenBuyShare = 0;
    double treatmentRevenue = 0;   // the treatment arm's revenue over the runway
    double attributedRevenue = 0;  // clickThenBuyShare x treatmentRevenue: credited at gross
    double incrementalRevenue = 0; // what the treatment truly added: revenue x t / (1 + t),
                                   // t = the true revenue-per-session lift
    // The lift implied by calling the credited revenue incremental: attributed / (revenue -
    // attributed). Assumption: the click-then-buy share of the baseline carries over.
    double claimedLift = 0;
};

// What the world's shoppers truly did over the test period with every shopper untreated, or
// every shopper treated (the runs the true lift comes from).
struct TrueArmOutcome {
    std::int64_t sessions = 0;
    double conversionRate = 0;             // sessions with a purchase / sessions
    double revenuePerSession = 0;          // store currency
    std::int64_t searchSessions = 0;       // sessions that typed at least one search
    double searchConversionRate = 0;       // of those, the share that bought
    double revenuePerSearchSession = 0;    // revenue of searching sessions / searching sessions
    std::int64_t searches = 0;             // searches typed
    double zeroResultRate = 0;             // share of searches answered with nothing
    std::int64_t recommendationBlocks = 0; // product pages' blocks shown
    std::int64_t recommendationClicks = 0; // products opened from a block
    // Triggered emails: carts counted on the day they were abandoned, emails and reorders on
    // the day they happened (test days only).
    std::int64_t cartsAbandoned = 0;
    std::int64_t cartsRecovered = 0;
    std::int64_t cartEmails = 0;
    std::int64_t reminderEmails = 0;
    std::int64_t reorders = 0;
    std::int64_t unsubscribes = 0;
};

struct ExperimentResult {
    ExperimentParams params;
    std::uint64_t seed = 0;
    std::int64_t controlShoppers = 0, treatmentShoppers = 0;
    std::int64_t controlSessions = 0, treatmentSessions = 0;
    stats::SrmResult srm; // on recorded shoppers (tracking loss makes it fire)
    std::vector<MetricReading> metrics;
    AttributionReading attribution;
    double revenueCap = 0;       // per-visit revenue cap applied (0 = none), from the pre-period
    std::int64_t visitsLost = 0; // treatment visits not recorded (tracking loss)
    std::int64_t contaminatedShoppers = 0; // control shoppers shown the treatment
    ReplicateSummary replicates;           // empty when params.replicates == 0
    TrueArmOutcome trueUntreated;          // the test period, nobody treated
    TrueArmOutcome trueTreated;            // the test period, everybody treated (A/A: = untreated)
    std::int64_t searchCases = 0;          // search: labelled searches in the history's logs
    std::int64_t trainingSessions = 0;     // recs: history sessions the recommender trained on
    std::string verdict; // the brief's rule: a lift under 5% means fix the data first
    std::vector<std::string> pitfallNotes; // what each switched-on pitfall did to the reading
};

Result<ExperimentResult> simulateExperiment(const ExperimentParams& params,
                                            const RunControl& control);

} // namespace merch
