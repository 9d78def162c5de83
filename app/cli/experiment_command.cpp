// merchsim-cli experiment: the simulated A/B test of a treatment on the store's world.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/demo_store.h"
#include "merch/experiment.h"
#include "merch/experiment_search.h"
#include "merch/recommender.h"
#include "merch/workspace.h"

namespace merch::cli {

namespace {

nlohmann::ordered_json vendorJson(const VendorReading& v) {
    nlohmann::ordered_json json;
    json["window_days"] = v.windowDays;
    json["window_lift"] = v.windowLift;
    json["window_p_value"] = v.windowPValue;
    json["replicate_mean_lift"] = v.replicateMeanLift;
    json["published_share"] = v.publishedShare;
    json["published_lift"] = v.publishedLift;
    return json;
}

nlohmann::ordered_json pitfallsJson(const ExperimentResult& result) {
    const ExperimentPitfalls& p = result.params.pitfalls;
    nlohmann::ordered_json json;
    json["peeking"] = p.peeking;
    json["novelty_lift"] = p.noveltyLift;
    json["novelty_half_life_days"] = p.noveltyHalfLifeDays;
    json["tracking_loss"] = p.trackingLoss;
    json["contamination"] = p.contamination;
    json["outlier_rate"] = p.outlierRate;
    json["outlier_multiplier"] = p.outlierMultiplier;
    json["revenue_cap_percentile"] = p.revenueCapPercentile;
    json["revenue_cap"] = result.revenueCap;
    json["visits_lost"] = result.visitsLost;
    json["contaminated_shoppers"] = result.contaminatedShoppers;
    json["notes"] = result.pitfallNotes;
    return json;
}

nlohmann::ordered_json attributionJson(const AttributionReading& a) {
    nlohmann::ordered_json json;
    json["click_then_buy_share"] = a.clickThenBuyShare;
    json["treatment_revenue"] = a.treatmentRevenue;
    json["attributed_revenue"] = a.attributedRevenue;
    json["incremental_revenue"] = a.incrementalRevenue;
    json["claimed_lift"] = a.claimedLift;
    return json;
}

nlohmann::ordered_json replicatesJson(const ReplicateSummary& summary) {
    if (summary.replicates == 0)
        return nullptr;
    nlohmann::ordered_json json;
    json["count"] = summary.replicates;
    json["days"] = summary.days;
    json["window_days"] = summary.windowDays;
    auto metrics = nlohmann::ordered_json::object();
    for (const auto& m : summary.metrics) {
        nlohmann::ordered_json entry;
        entry["true_lift"] = m.trueLift;
        entry["mean_lift"] = m.meanLift;
        entry["power"] = m.power;
        entry["mean_significant_lift"] = m.meanSignificantLift;
        entry["coverage"] = m.coverage;
        entry["median_days_to_significance"] =
            m.medianDaysToSignificance < 0 ? nlohmann::ordered_json(nullptr)
                                           : nlohmann::ordered_json(m.medianDaysToSignificance);
        entry["window_mean_lift"] = m.windowMeanLift;
        entry["window_win_share"] = m.windowWinShare;
        entry["window_mean_significant_lift"] = m.windowMeanSignificantLift;
        entry["false_positive_fixed"] = m.falsePositiveFixed;
        entry["false_positive_peeking"] = m.falsePositivePeeking;
        entry["false_positive_sequential"] = m.falsePositiveSequential;
        metrics[m.metric] = entry;
    }
    json["metrics"] = metrics;
    return json;
}

nlohmann::ordered_json truthJson(const TrueArmOutcome& t) {
    nlohmann::ordered_json json;
    json["sessions"] = t.sessions;
    json["conversion_rate"] = t.conversionRate;
    json["revenue_per_session"] = t.revenuePerSession;
    json["search_sessions"] = t.searchSessions;
    json["search_conversion_rate"] = t.searchConversionRate;
    json["revenue_per_search_session"] = t.revenuePerSearchSession;
    json["searches"] = t.searches;
    json["zero_result_rate"] = t.zeroResultRate;
    json["recommendation_blocks"] = t.recommendationBlocks;
    json["recommendation_clicks"] = t.recommendationClicks;
    json["carts_abandoned"] = t.cartsAbandoned;
    json["carts_recovered"] = t.cartsRecovered;
    json["cart_emails"] = t.cartEmails;
    json["reminder_emails"] = t.reminderEmails;
    json["reorders"] = t.reorders;
    json["unsubscribes"] = t.unsubscribes;
    return json;
}

// --compare-methods: the true search conversion of every method on the store's world.
int runSearchComparison(const SearchComparisonParams& params, std::uint64_t seed, bool json) {
    RunControl control;
    control.seed = seed;
    auto comparison = compareSearchMethods(params, control);
    if (!comparison) {
        printError(comparison.status().message());
        return kExitFailure;
    }
    if (json) {
        nlohmann::ordered_json out;
        out["treatment"] = "search";
        out["history_days"] = params.historyDays;
        out["test_days"] = params.testDays;
        out["sessions_per_day"] = params.sessionsPerDay;
        out["seed"] = seed;
        out["history_search_cases"] = comparison->historySearchCases;
        auto methods = nlohmann::ordered_json::array();
        for (const auto& m : comparison->methods) {
            nlohmann::ordered_json entry;
            entry["name"] = m.method;
            entry["sessions"] = m.sessions;
            entry["search_sessions"] = m.searchSessions;
            entry["searches"] = m.searches;
            entry["zero_result_rate"] = m.zeroResultRate;
            entry["search_conversion_rate"] = m.searchConversionRate;
            entry["revenue_per_search_session"] = m.revenuePerSearchSession;
            entry["search_revenue"] = m.searchRevenue;
            entry["conversion_rate"] = m.conversionRate;
            entry["revenue_per_session"] = m.revenuePerSession;
            entry["search_conversion_lift"] = m.searchConversionLift;
            entry["search_revenue_lift"] = m.searchRevenueLift;
            methods.push_back(entry);
        }
        out["methods"] = methods;
        std::cout << out.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("True search conversion on the store's world: %d days under native search, "
                "then %d days\nof the same shoppers and draws under each method "
                "(%.0f sessions/day, seed %llu; hybrid_clicks\nlearned from %lld logged "
                "searches)\n\n",
                params.historyDays, params.testDays, params.sessionsPerDay,
                static_cast<unsigned long long>(seed),
                static_cast<long long>(comparison->historySearchCases));
    std::printf("%-14s %9s %9s %10s %10s %9s %11s %9s\n", "method", "searching", "no result",
                "converted", "vs native", "rev/srch", "vs native", "store CR");
    for (const auto& m : comparison->methods)
        std::printf("%-14s %9lld %8.1f%% %9.2f%% %+9.1f%% %9.2f %+10.1f%% %8.2f%%\n",
                    m.method.c_str(), static_cast<long long>(m.searchSessions),
                    100 * m.zeroResultRate, 100 * m.searchConversionRate,
                    100 * m.searchConversionLift, m.revenuePerSearchSession,
                    100 * m.searchRevenueLift, 100 * m.conversionRate);
    std::printf("\nSearching sessions and their purchases are the world's truth (no test noise: "
                "the same\nshoppers live the period once per method). The brief's reference: "
                "semantic search lifted\nsearch revenue 22%%.\n");
    return kExitOk;
}

} // namespace

CommandSpec experimentSpec() {
    return {"experiment",
            "Simulates the A/B test of a treatment on the demo store's world: the lift a clean "
            "test would measure, with its interval and p-value, beside the true lift.",
            {{"workspace", "FILE",
              "a demo-store workspace (its world's settings are used), or an imported store "
              "(the test runs on a world calibrated from its catalog and events: see "
              "calibrate)",
              true},
             {"treatment", "T",
              "ranking (personalized category pages), recs (a trained recommender's block on "
              "product pages vs a same-category best-seller block), search (the search "
              "engine vs the native keyword search), messaging (predictive cart and "
              "replenishment emails), abandonment (predictive cart-email timing only), "
              "replenishment (predictive reminders only), or aa (an A/A test)",
              true},
             {"search-method", "M",
              "search: keyword, semantic, hybrid or hybrid_clicks (clicks learned from the "
              "history's search logs) (default hybrid)"},
             {"recommender", "M", "recs: item_knn, hybrid, ... (default item_knn)"},
             {"compare-methods", "",
              "search: instead of the A/B test, the true search conversion of native search "
              "and every method over the same shoppers"},
             {"weeks", "N", "runway in weeks, 1..52 (default 4)"},
             {"split", "X", "share of shoppers in the treatment, 0.05..0.95 (default 0.5)"},
             {"sessions-per-day", "N", "traffic during the test (default: the store's)"},
             {"seed", "S", "assignment and world seed (default: the store's)"},
             {"peeking", "", "pitfall: read p every day and stop at the first p < 0.05"},
             {"novelty", "X", "pitfall: extra relative add-to-cart lift on day 1, 0..2 (0)"},
             {"novelty-half-life", "D", "days for the novelty to halve, 0.5..60 (7)"},
             {"tracking-loss", "X",
              "pitfall: share of the treatment's non-carting visits unrecorded, 0..0.5 (0)"},
             {"contamination", "X",
              "pitfall: share of control shoppers shown the treatment, "
              "0..1 (0)"},
             {"outliers", "X", "pitfall: share of orders that are bulk outliers, 0..0.05 (0)"},
             {"outlier-multiplier", "X", "an outlier order's revenue multiple, 2..1000 (20)"},
             {"cap-percentile", "P",
              "cap each visit's revenue at this percentile of the "
              "pre-period's orders, 50..99.99 (0 = off)"},
             {"vendor-window", "D", "days the vendor reads the test over, 1..runway (7)"},
             {"replicates", "N", "aggregate Monte Carlo replicate tests, 0..200000 (10000)"},
             {"json", "", "print JSON"}},
            ""};
}

int runExperiment(const ParsedArgs& args) {
    std::string error;
    ExperimentParams params;
    params.treatment = *args.value("treatment");
    if (auto method = args.value("search-method"))
        params.searchMethod = *method;
    if (auto model = args.value("recommender"))
        params.recommender = *model;
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto demo = readDemoWorldSettings(**workspace);
    if (!demo) {
        printError(demo.status().message());
        return kExitFailure;
    }
    if (!*demo) {
        // An imported store: the test runs on a world calibrated from its catalog and events.
        auto calibrated = calibrateWorkspace(**workspace, CalibrationParams{}, 42);
        if (!calibrated) {
            printError("cannot calibrate a world from this imported store: " +
                       calibrated.status().message());
            return kExitFailure;
        }
        params.calibration = *calibrated;
    } else {
        params.products = (*demo)->world.products;
    }
    const auto weeks = intOption(args, "weeks", params.weeks, 1, 52, error);
    const auto split = doubleOption(args, "split", params.split, 0.05, 0.95, error);
    const auto traffic =
        doubleOption(args, "sessions-per-day",
                     *demo ? (*demo)->world.sessionsPerDay
                           : std::max(10.0, params.calibration->tuning.arrivalsPerDay),
                     10, 200000, error);
    const auto seed = intOption(args, "seed", *demo ? static_cast<long long>((*demo)->seed) : 42, 0,
                                9'007'199'254'740'991LL, error);
    ExperimentPitfalls& p = params.pitfalls;
    const auto novelty = doubleOption(args, "novelty", p.noveltyLift, 0, 2, error);
    const auto halfLife =
        doubleOption(args, "novelty-half-life", p.noveltyHalfLifeDays, 0.5, 60, error);
    const auto loss = doubleOption(args, "tracking-loss", p.trackingLoss, 0, 0.5, error);
    const auto contamination = doubleOption(args, "contamination", p.contamination, 0, 1, error);
    const auto outliers = doubleOption(args, "outliers", p.outlierRate, 0, 0.05, error);
    const auto multiplier =
        doubleOption(args, "outlier-multiplier", p.outlierMultiplier, 2, 1000, error);
    const auto cap = doubleOption(args, "cap-percentile", p.revenueCapPercentile, 0, 99.99, error);
    const auto window = intOption(args, "vendor-window", params.vendorWindowDays, 1, 364, error);
    const auto replicates = intOption(args, "replicates", params.replicates, 0, 200000, error);
    if (!weeks || !split || !traffic || !seed || !novelty || !halfLife || !loss || !contamination ||
        !outliers || !multiplier || !cap || !window || !replicates) {
        printError(error);
        std::cerr << usage(experimentSpec());
        return kExitUsage;
    }
    params.weeks = int(*weeks);
    params.split = *split;
    params.sessionsPerDay = *traffic;
    p.peeking = args.has("peeking");
    p.noveltyLift = *novelty;
    p.noveltyHalfLifeDays = *halfLife;
    p.trackingLoss = *loss;
    p.contamination = *contamination;
    p.outlierRate = *outliers;
    p.outlierMultiplier = *multiplier;
    p.revenueCapPercentile = *cap;
    params.vendorWindowDays = int(*window);
    params.replicates = int(*replicates);
    if (auto status = params.validate(); !status) {
        printError(status.message());
        std::cerr << usage(experimentSpec());
        return kExitUsage;
    }
    RunControl control;
    control.seed = std::uint64_t(*seed);
    if (args.has("compare-methods")) {
        if (params.treatment != "search") {
            printError("--compare-methods goes with --treatment search");
            std::cerr << usage(experimentSpec());
            return kExitUsage;
        }
        if (params.calibration) {
            printError("--compare-methods runs on a demo store's world only");
            return kExitFailure;
        }
        SearchComparisonParams compare;
        compare.products = params.products;
        compare.sessionsPerDay = params.sessionsPerDay;
        compare.historyDays = params.historyDays;
        compare.testDays = params.weeks * 7;
        return runSearchComparison(compare, control.seed, args.has("json"));
    }
    auto result = simulateExperiment(params, control);
    if (!result) {
        printError(result.status().message());
        return kExitFailure;
    }
    if (args.has("json")) {
        nlohmann::ordered_json json;
        json["treatment"] = params.treatment;
        json["world"] = params.calibration ? "calibrated" : "demo";
        json["weeks"] = params.weeks;
        json["split"] = params.split;
        json["sessions_per_day"] = params.sessionsPerDay;
        if (params.treatment == "search")
            json["search_method"] = params.searchMethod;
        if (params.treatment == "recs")
            json["recommender"] = params.recommender;
        json["control_shoppers"] = result->controlShoppers;
        json["treatment_shoppers"] = result->treatmentShoppers;
        json["srm_p_value"] = result->srm.pValue;
        json["srm_mismatch"] = result->srm.mismatch;
        auto metrics = nlohmann::ordered_json::object();
        for (const auto& m : result->metrics) {
            nlohmann::ordered_json entry;
            entry["control"] = m.control;
            entry["treatment"] = m.treatment;
            entry["true_lift"] = m.trueLift;
            entry["measured_lift"] = m.test.lift;
            entry["ci_low"] = m.test.ciLow;
            entry["ci_high"] = m.test.ciHigh;
            entry["p_value"] = m.test.pValue;
            entry["vendor_reported_lift"] = m.vendor.reportedLift;
            entry["days_to_significance"] = m.daysToSignificance < 0
                                                ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(m.daysToSignificance);
            entry["days_to_sequential_significance"] =
                m.daysToSequentialSignificance < 0
                    ? nlohmann::ordered_json(nullptr)
                    : nlohmann::ordered_json(m.daysToSequentialSignificance);
            entry["reported_lift"] = m.reportedLift;
            entry["reported_day"] = m.reportedDay;
            entry["vendor"] = vendorJson(m.vendor);
            metrics[m.metric] = entry;
        }
        json["metrics"] = metrics;
        json["pitfalls"] = pitfallsJson(*result);
        json["attribution"] = attributionJson(result->attribution);
        json["replicates"] = replicatesJson(result->replicates);
        nlohmann::ordered_json truth;
        truth["untreated"] = truthJson(result->trueUntreated);
        truth["treated"] = truthJson(result->trueTreated);
        json["truth"] = truth;
        json["verdict"] = result->verdict;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("A/B test of %s: %d weeks, %.0f%% treated, %.0f sessions/day\n",
                params.treatment.c_str(), params.weeks, params.split * 100, params.sessionsPerDay);
    if (params.calibration)
        std::printf("on a world calibrated from the store's %lld logged sessions over %d days "
                    "(merchsim-cli calibrate shows its parameters and replay)\n",
                    static_cast<long long>(params.calibration->sessions), params.calibration->days);
    std::printf("shoppers: control %lld, treatment %lld (sample-ratio p %.3f)\n\n",
                static_cast<long long>(result->controlShoppers),
                static_cast<long long>(result->treatmentShoppers), result->srm.pValue);
    std::printf("%-20s %9s %9s %9s %21s %8s %9s %6s\n", "metric", "control", "treatment",
                "measured", "95% CI", "p", "true lift", "day<.05");
    for (const auto& m : result->metrics)
        std::printf("%-20s %9.4f %9.4f %+8.1f%% [%+7.1f%%, %+7.1f%%] %8.4f %+8.1f%% %6s\n",
                    m.metric.c_str(), m.control, m.treatment, 100 * m.test.lift, 100 * m.test.ciLow,
                    100 * m.test.ciHigh, m.test.pValue, 100 * m.trueLift,
                    m.daysToSignificance < 0 ? "never"
                                             : std::to_string(m.daysToSignificance).c_str());
    std::printf("\nVendor's report (read after %d days, only significant wins published):\n",
                params.vendorWindowDays);
    for (const auto& m : result->metrics)
        std::printf("  %-20s vendor %+7.1f%%  full runway %+7.1f%%  true %+7.1f%%  (%.0f%% of "
                    "replicates published)\n",
                    m.metric.c_str(), 100 * m.vendor.reportedLift, 100 * m.test.lift,
                    100 * m.trueLift, 100 * m.vendor.publishedShare);
    const auto& a = result->attribution;
    if (a.clickThenBuyShare > 0)
        std::printf("  click-then-buy attribution at gross revenue: %.0f%% of revenue credited, "
                    "a claimed %+.1f%% (true revenue lift %+.1f%%)\n",
                    100 * a.clickThenBuyShare, 100 * a.claimedLift,
                    100 * result->metrics.back().trueLift);
    if (!result->replicates.metrics.empty()) {
        const auto& r = result->replicates.metrics.front();
        std::printf("\n%d replicate tests (add-to-cart): power %.2f, mean lift %+.1f%%, "
                    "significant wins average %+.1f%%;\nA/A false positives: one look %.1f%%, "
                    "daily peeking %.1f%%, sequential %.1f%%\n",
                    result->replicates.replicates, r.power, 100 * r.meanLift,
                    100 * r.meanSignificantLift, 100 * r.falsePositiveFixed,
                    100 * r.falsePositivePeeking, 100 * r.falsePositiveSequential);
    }
    for (const auto& note : result->pitfallNotes)
        std::printf("\n%s\n", note.c_str());
    std::printf("\n%s\n", result->verdict.c_str());
    return kExitOk;
}

} // namespace merch::cli
