// merchsim-cli calibrate: fits a world to an imported store's catalog and events, prints every
// parameter with its source and interval, and the replay of the baseline against the logs.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/workspace.h"
#include "merch/world_calibration.h"

namespace merch::cli {

namespace {

nlohmann::ordered_json calibrationJson(const WorldCalibration& c) {
    nlohmann::ordered_json json;
    json["catalog_known"] = c.catalogKnown;
    json["categories_known"] = c.categoriesKnown;
    json["days"] = c.days;
    json["sessions"] = c.sessions;
    json["products"] = c.products.size();
    json["categories"] = c.categories.size();
    auto parameters = nlohmann::ordered_json::array();
    for (const auto& p : c.parameters)
        parameters.push_back({{"name", p.name},
                              {"label", p.label},
                              {"unit", p.unit},
                              {"value", p.value},
                              {"low", p.low},
                              {"high", p.high},
                              {"kind", calibratedKindName(p.kind)},
                              {"source", p.source}});
    json["parameters"] = parameters;
    const WorldTuning& t = c.tuning;
    json["tuning"] = {{"iterations", t.iterations}, {"converged", t.converged}};
    nlohmann::ordered_json validation;
    validation["days"] = c.validation.days;
    validation["sessions"] = c.validation.sessions;
    validation["seed"] = c.validation.seed;
    auto rows = nlohmann::ordered_json::array();
    for (const auto& r : c.validation.rows)
        rows.push_back({{"metric", r.metric},
                        {"label", r.label},
                        {"logged", r.logged},
                        {"low", r.low},
                        {"high", r.high},
                        {"simulated", r.simulated},
                        {"within", r.within}});
    validation["rows"] = rows;
    json["validation"] = validation;
    json["assumptions"] = c.assumptions;
    json["warnings"] = c.warnings;
    return json;
}

void printCalibration(const WorldCalibration& c) {
    std::printf("World calibrated from %lld sessions over %d days: %zu products in %zu "
                "categories%s\n\n",
                static_cast<long long>(c.sessions), c.days, c.products.size(), c.categories.size(),
                c.catalogKnown ? (c.categoriesKnown ? "" : " (catalog without categories)")
                               : " (events only: no catalog)");
    std::printf("%-44s %11s %23s  %-8s %s\n", "parameter", "value", "95% interval", "kind",
                "source");
    for (const auto& p : c.parameters) {
        char interval[64] = "";
        if (p.kind == CalibratedValue::Kind::Measured)
            std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", p.low, p.high);
        std::printf("%-44s %11.4g %23s  %-8s %s\n", p.label.c_str(), p.value, interval,
                    calibratedKindName(p.kind), p.source.c_str());
    }
    if (!c.validation.rows.empty()) {
        std::printf("\nReplay: the calibrated baseline over %d days (%lld simulated sessions, "
                    "seed %llu) against the logs\n",
                    c.validation.days, static_cast<long long>(c.validation.sessions),
                    static_cast<unsigned long long>(c.validation.seed));
        std::printf("%-52s %10s %23s %10s  %s\n", "figure", "logged", "logged 95%", "simulated",
                    "within");
        int within = 0;
        for (const auto& r : c.validation.rows) {
            char interval[64];
            std::snprintf(interval, sizeof interval, "[%.4g, %.4g]", r.low, r.high);
            std::printf("%-52s %10.4g %23s %10.4g  %s\n", r.label.c_str(), r.logged, interval,
                        r.simulated, r.within ? "yes" : "no");
            within += r.within ? 1 : 0;
        }
        std::printf("%d of %zu simulated figures fall inside the logs' 95%% interval (the "
                    "interval leaves out the replay's own noise).\n",
                    within, c.validation.rows.size());
    }
    std::printf("\nTuning: %d steps, %s.\n", c.tuning.iterations,
                c.tuning.converged ? "every target within 2% or its logged interval"
                                   : "not every target reached (see the replay)");
    std::printf("\nAssumptions:\n");
    for (const auto& a : c.assumptions)
        std::printf("- %s\n", a.c_str());
    if (!c.warnings.empty()) {
        std::printf("\nWarnings:\n");
        for (const auto& w : c.warnings)
            std::printf("- %s\n", w.c_str());
    }
}

} // namespace

Result<std::shared_ptr<const WorldCalibration>> calibrateWorkspace(const Workspace& workspace,
                                                                   const CalibrationParams& params,
                                                                   std::uint64_t seed) {
    RunControl control;
    control.seed = seed;
    auto calibration = merch::calibrateWorkspace(workspace, params, control);
    if (!calibration)
        return calibration.status();
    return std::make_shared<const WorldCalibration>(std::move(calibration).value());
}

CommandSpec calibrateSpec() {
    return {
        "calibrate",
        "Fits a world to an imported store's catalog and events (traffic, position bias, "
        "popularity, rates, order value), every parameter with its source and 95% interval, "
        "and replays the baseline against the logs.",
        {{"workspace", "FILE", "a workspace with events (and ideally a catalog)", true},
         {"seed", "S", "seed of the tuning runs and bootstraps (default 42)"},
         {"tuning-days", "N", "days per tuning run, 7..120 (default 90, at most the logged days)"},
         {"replay-days", "N",
          "days replayed for the validation table, 7..365 (default 90, at most the logged days)"},
         {"json", "", "print JSON"}},
        ""};
}

int runCalibrate(const ParsedArgs& args) {
    std::string error;
    CalibrationParams params;
    const auto seed = intOption(args, "seed", 42, 0, 9'007'199'254'740'991LL, error);
    const auto tuningDays = intOption(args, "tuning-days", params.tuningDays, 7, 120, error);
    const auto replayDays = intOption(args, "replay-days", params.replayDays, 7, 365, error);
    if (!seed || !tuningDays || !replayDays) {
        printError(error);
        std::cerr << usage(calibrateSpec());
        return kExitUsage;
    }
    params.tuningDays = int(*tuningDays);
    params.replayDays = int(*replayDays);
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto calibration = calibrateWorkspace(**workspace, params, std::uint64_t(*seed));
    if (!calibration) {
        printError("cannot calibrate a world: " + calibration.status().message());
        return kExitFailure;
    }
    if (args.has("json"))
        std::cout << calibrationJson(**calibration).dump(2) << "\n";
    else
        printCalibration(**calibration);
    return kExitOk;
}

} // namespace merch::cli
