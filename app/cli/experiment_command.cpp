// merchsim-cli experiment: the simulated A/B test of a treatment on the store's world.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/demo_store.h"
#include "merch/experiment.h"
#include "merch/workspace.h"

namespace merch::cli {

CommandSpec experimentSpec() {
    return {"experiment",
            "Simulates the A/B test of a treatment on the demo store's world: the lift a clean "
            "test would measure, with its interval and p-value, beside the true lift.",
            {{"workspace", "FILE", "a demo-store workspace (its world's settings are used)", true},
             {"treatment", "T", "ranking (personalized category pages), or aa (an A/A test)", true},
             {"weeks", "N", "runway in weeks, 1..52 (default 4)"},
             {"split", "X", "share of shoppers in the treatment, 0.05..0.95 (default 0.5)"},
             {"sessions-per-day", "N", "traffic during the test (default: the store's)"},
             {"seed", "S", "assignment and world seed (default: the store's)"},
             {"json", "", "print JSON"}},
            ""};
}

int runExperiment(const ParsedArgs& args) {
    std::string error;
    ExperimentParams params;
    params.treatment = *args.value("treatment");
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
        printError("experiments run on a demo store's world for now; calibrating a world from "
                   "an imported store's sessions is not built yet");
        return kExitFailure;
    }
    params.products = (*demo)->world.products;
    const auto weeks = intOption(args, "weeks", params.weeks, 1, 52, error);
    const auto split = doubleOption(args, "split", params.split, 0.05, 0.95, error);
    const auto traffic =
        doubleOption(args, "sessions-per-day", (*demo)->world.sessionsPerDay, 10, 200000, error);
    const auto seed = intOption(args, "seed", static_cast<long long>((*demo)->seed), 0,
                                9'007'199'254'740'991LL, error);
    if (!weeks || !split || !traffic || !seed) {
        printError(error);
        std::cerr << usage(experimentSpec());
        return kExitUsage;
    }
    params.weeks = int(*weeks);
    params.split = *split;
    params.sessionsPerDay = *traffic;
    if (auto status = params.validate(); !status) {
        printError(status.message());
        return kExitUsage;
    }
    RunControl control;
    control.seed = std::uint64_t(*seed);
    auto result = simulateExperiment(params, control);
    if (!result) {
        printError(result.status().message());
        return kExitFailure;
    }
    if (args.has("json")) {
        nlohmann::ordered_json json;
        json["treatment"] = params.treatment;
        json["weeks"] = params.weeks;
        json["split"] = params.split;
        json["sessions_per_day"] = params.sessionsPerDay;
        json["control_shoppers"] = result->controlShoppers;
        json["treatment_shoppers"] = result->treatmentShoppers;
        json["srm_p_value"] = result->srm.pValue;
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
            entry["vendor_reported_lift"] = nullptr; // not simulated yet
            entry["days_to_significance"] = m.daysToSignificance < 0
                                                ? nlohmann::ordered_json(nullptr)
                                                : nlohmann::ordered_json(m.daysToSignificance);
            entry["days_to_sequential_significance"] =
                m.daysToSequentialSignificance < 0
                    ? nlohmann::ordered_json(nullptr)
                    : nlohmann::ordered_json(m.daysToSequentialSignificance);
            metrics[m.metric] = entry;
        }
        json["metrics"] = metrics;
        json["verdict"] = result->verdict;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("A/B test of %s: %d weeks, %.0f%% treated, %.0f sessions/day\n",
                params.treatment.c_str(), params.weeks, params.split * 100, params.sessionsPerDay);
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
    std::printf("\n%s\n", result->verdict.c_str());
    return kExitOk;
}

} // namespace merch::cli
