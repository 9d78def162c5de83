// merchsim-cli messaging: cart recovery, send timing, replenishment and fatigue models on the
// workspace's log, and for a demo store the simulated fixed-vs-predictive comparison.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "merch/messaging_analysis.h"

namespace merch::cli {

namespace {

nlohmann::ordered_json outcomeJson(const MessagingOutcome& m) {
    nlohmann::ordered_json j;
    j["carts_abandoned"] = m.cartsAbandoned;
    j["carts_abandoned_emailable"] = m.cartsAbandonedEmailable;
    j["carts_recovered"] = m.cartsRecovered;
    j["carts_recovered_emailable"] = m.cartsRecoveredEmailable;
    j["carts_recovered_by_email"] = m.cartsRecoveredByEmail;
    j["recovered_revenue"] = m.recoveredRevenue;
    j["consumable_orders"] = m.consumableOrders;
    j["reorders"] = m.reorders;
    j["reminded_reorders"] = m.remindedReorders;
    j["cart_emails"] = m.cartEmails;
    j["reminder_emails"] = m.reminderEmails;
    j["email_clicks"] = m.emailClicks;
    j["unsubscribes"] = m.unsubscribes;
    return j;
}

nlohmann::ordered_json toJson(const MessagingAnalysis& a) {
    nlohmann::ordered_json j;
    j["workspace"] = a.workspace;
    j["demo_store"] = a.demoStore;
    j["events"] = a.events;
    const RecoveryEvaluation& r = a.recovery;
    auto& rec = j["recovery"];
    rec["available"] = r.available;
    rec["split"] = isoTime(r.splitTime);
    rec["train_carts"] = r.trainCarts;
    rec["test_carts"] = r.testCarts;
    rec["train_recovery_rate"] = r.trainRecoveryRate;
    rec["test_recovery_rate"] = r.testRecoveryRate;
    rec["auc"] = r.auc;
    rec["brier"] = r.brier;
    rec["base_rate_brier"] = r.baseRateBrier;
    rec["calibration"] = nlohmann::ordered_json::array();
    for (const auto& b : r.calibration)
        rec["calibration"].push_back({{"mean_predicted", b.meanPredicted},
                                      {"observed_rate", b.observedRate},
                                      {"count", b.count}});
    rec["weights"] = nlohmann::ordered_json::object();
    for (const auto& [name, w] : r.weights)
        rec["weights"][name] = w;
    auto& timing = j["send_timing"];
    timing["store_hours"] = a.timing.storeHours;
    timing["customers_with_own_timing"] = a.customersWithOwnTiming;
    timing["bins"] = nlohmann::ordered_json::array();
    for (const auto& b : a.timing.bins)
        timing["bins"].push_back({{"from_hours", b.fromHours},
                                  {"to_hours", b.toHours},
                                  {"returns", b.returns},
                                  {"bought", b.bought}});
    const ReplenishmentEvaluation& e = a.replenishment;
    auto& rep = j["replenishment"];
    rep["products"] = e.products;
    rep["train_intervals"] = e.trainIntervals;
    rep["test_intervals"] = e.testIntervals;
    rep["test_with_history"] = e.testWithHistory;
    rep["excluded_reminder_intervals"] = e.excludedReminderIntervals;
    rep["sigma_log_days"] = e.sigma;
    rep["tau_log_days"] = e.tau;
    rep["mae_days_product"] = e.maeProduct;
    rep["mae_days_customer"] = e.maeCustomer;
    rep["mae_days_shrunk"] = e.maeShrunk;
    rep["curves"] = nlohmann::ordered_json::array();
    for (const auto& c : e.curves)
        rep["curves"].push_back({{"product_id", c.productId},
                                 {"title", c.title},
                                 {"product_days", c.productDays},
                                 {"customers", c.customers},
                                 {"intervals", c.intervals},
                                 {"own_days", c.ownDays},
                                 {"shrunk_days", c.shrunkDays}});
    auto& fatigue = j["fatigue"];
    fatigue["emailed_customers"] = a.fatigue.emailedCustomers;
    fatigue["inferred_unsubscribes"] = a.fatigue.inferredUnsubscribes;
    fatigue["buckets"] = nlohmann::ordered_json::array();
    for (const auto& b : a.fatigue.buckets)
        fatigue["buckets"].push_back({{"from_messages", b.fromMessages},
                                      {"to_messages", b.toMessages},
                                      {"sends", b.sends},
                                      {"unsubscribes", b.unsubscribes},
                                      {"rate", b.rate()}});
    j["at_risk_carts"] = nlohmann::ordered_json::array();
    for (const auto& c : a.atRisk)
        j["at_risk_carts"].push_back({{"customer", c.key},
                                      {"session_id", c.sessionId},
                                      {"abandoned", isoTime(c.time)},
                                      {"value", c.value},
                                      {"items", c.items},
                                      {"probability", c.probability},
                                      {"emailable", c.identified},
                                      {"send_hours", c.sendHours},
                                      {"planned_send", isoTime(c.plannedSend)},
                                      {"own_timing", c.ownTiming},
                                      {"recovered", c.recovered}});
    if (a.comparison) {
        const MessagingComparison& c = *a.comparison;
        auto& cmp = j["comparison"];
        cmp["history_days"] = c.params.historyDays;
        cmp["test_days"] = c.params.testDays;
        cmp["replicates"] = c.params.replicates;
        cmp["seeds"] = c.seeds;
        cmp["metrics"] = nlohmann::ordered_json::array();
        for (const auto& m : c.metrics) {
            nlohmann::ordered_json mj = {{"key", m.key},       {"label", m.label},
                                         {"fixed", m.fixed},   {"predictive", m.predictive},
                                         {"lift", m.lift},     {"ci_low", m.ciLow},
                                         {"ci_high", m.ciHigh}};
            mj["oracle"] = c.params.includeOracle ? nlohmann::ordered_json(m.oracle)
                                                  : nlohmann::ordered_json();
            mj["reference"] = m.hasReference ? nlohmann::ordered_json({{"low", m.referenceLow},
                                                                       {"high", m.referenceHigh},
                                                                       {"text", m.reference}})
                                             : nlohmann::ordered_json();
            cmp["metrics"].push_back(mj);
        }
        cmp["fixed_runs"] = nlohmann::ordered_json::array();
        cmp["predictive_runs"] = nlohmann::ordered_json::array();
        for (const auto& o : c.fixedRuns)
            cmp["fixed_runs"].push_back(outcomeJson(o));
        for (const auto& o : c.predictiveRuns)
            cmp["predictive_runs"].push_back(outcomeJson(o));
        cmp["train_seconds"] = c.trainSeconds;
        cmp["simulate_seconds"] = c.simulateSeconds;
    } else {
        j["comparison"] = nullptr;
    }
    j["notes"] = a.notes;
    return j;
}

void printText(const MessagingAnalysis& a) {
    const RecoveryEvaluation& r = a.recovery;
    std::printf("Workspace %s (%lld events%s)\n", a.workspace.c_str(),
                static_cast<long long>(a.events), a.demoStore ? ", demo store" : "");
    std::printf("\nCart recovery (split %s): %d train carts (%.1f%% recovered), %d test carts "
                "(%.1f%%)\n",
                isoTime(r.splitTime).c_str(), r.trainCarts, 100 * r.trainRecoveryRate, r.testCarts,
                100 * r.testRecoveryRate);
    if (r.available)
        std::printf("  AUC %.3f, Brier %.4f (predicting the base rate: %.4f)\n", r.auc, r.brier,
                    r.baseRateBrier);
    std::printf("Send timing: the store's best delay %.1f h; %d customers with their own\n",
                a.timing.storeHours, a.customersWithOwnTiming);
    const ReplenishmentEvaluation& e = a.replenishment;
    std::printf("Replenishment: %d consumables, %d test intervals; mean absolute error in days: "
                "product %.2f, customer %.2f, shrunk %.2f\n",
                e.products, e.testIntervals, e.maeProduct, e.maeCustomer, e.maeShrunk);
    std::printf("Fatigue: %d emailed customers, %d inferred unsubscribes\n",
                a.fatigue.emailedCustomers, a.fatigue.inferredUnsubscribes);
    if (a.comparison) {
        const MessagingComparison& c = *a.comparison;
        std::printf("\nSimulated: fixed vs predictive, %d days after %d days of history, %d "
                    "worlds\n",
                    c.params.testDays, c.params.historyDays, c.params.replicates);
        std::printf("  %-48s %12s %12s %12s %22s\n", "metric", "fixed", "predictive", "oracle",
                    "lift [95% CI]");
        for (const auto& m : c.metrics) {
            char oracle[32] = "-";
            if (c.params.includeOracle)
                std::snprintf(oracle, sizeof oracle, "%.4g", m.oracle);
            std::printf("  %-48s %12.4g %12.4g %12s %+7.1f%% [%+.1f, %+.1f]%s%s\n", m.label.c_str(),
                        m.fixed, m.predictive, oracle, 100 * m.lift, 100 * m.ciLow, 100 * m.ciHigh,
                        m.hasReference ? "  " : "", m.reference.c_str());
        }
    }
    for (const auto& note : a.notes)
        std::printf("\nNote: %s\n", note.c_str());
}

} // namespace

CommandSpec messagingSpec() {
    return {
        "messaging",
        "Cart recovery, send timing, replenishment and fatigue models on the store's log; "
        "fixed vs predictive emails simulated on a demo store's world.",
        {{"workspace", "FILE", "the workspace whose log trains and tests the models", true},
         {"test-days", "D", "last days of the log held out for evaluation, 1..180 (default 14)"},
         {"history-days", "D", "simulation: baseline days before the test, 14..365 (default 60)"},
         {"sim-days", "D", "simulation: days both policies run, 7..365 (default 28)"},
         {"replicates", "N", "simulation: worlds simulated, 1..50 (default 4)"},
         {"no-simulate", "", "skip the simulated comparison"},
         {"no-oracle", "", "do not simulate the truth-timed oracle"},
         {"min-probability", "P",
          "predictive: carts scored below P get no email, 0..1 (default 0)"},
         {"emails-per-cart", "N", "predictive: cart emails per abandonment, 1..3 (default 3)"},
         {"lead-days", "D",
          "predictive: reminder this many days before the predicted run-out, 0..30 "
          "(default 3)"},
         {"max-messages", "N", "predictive: emails per shopper per 30 days, 1..100 (default 8)"},
         {"json", "", "print JSON"}},
        ""};
}

int runMessaging(const ParsedArgs& args) {
    std::string error;
    MessagingAnalysisParams params;
    const auto testDays = intOption(args, "test-days", params.models.testDays, 1, 180, error);
    const auto history = intOption(args, "history-days", params.historyDays, 14, 365, error);
    const auto simDays = intOption(args, "sim-days", params.testDays, 7, 365, error);
    const auto replicates = intOption(args, "replicates", params.replicates, 1, 50, error);
    const auto minP = doubleOption(args, "min-probability", 0.0, 0.0, 1.0, error);
    const auto emails = intOption(args, "emails-per-cart", 3, 1, 3, error);
    const auto lead = doubleOption(args, "lead-days", 3.0, 0.0, 30.0, error);
    const auto cap = intOption(args, "max-messages", 8, 1, 100, error);
    if (!testDays || !history || !simDays || !replicates || !minP || !emails || !lead || !cap) {
        printError(error);
        std::cerr << usage(messagingSpec());
        return kExitUsage;
    }
    params.models.testDays = int(*testDays);
    params.historyDays = int(*history);
    params.testDays = int(*simDays);
    params.replicates = int(*replicates);
    params.simulate = !args.has("no-simulate");
    params.includeOracle = !args.has("no-oracle");
    params.policy.minRecoveryProbability = *minP;
    params.policy.emailsPerCart = int(*emails);
    params.policy.reminderLeadDays = *lead;
    params.policy.maxMessagesPer30Days = int(*cap);
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto analysis = analyzeMessaging(**workspace, params, {});
    if (!analysis) {
        printError(analysis.status().message());
        return analysis.status().code() == StatusCode::InvalidArgument ? kExitUsage : kExitFailure;
    }
    if (args.has("json"))
        std::cout << toJson(*analysis).dump(2) << "\n";
    else
        printText(*analysis);
    return kExitOk;
}

} // namespace merch::cli
