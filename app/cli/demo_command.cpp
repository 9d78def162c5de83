#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "merch/demo_store.h"

namespace merch::cli {

CommandSpec demoSpec() {
    const WorldParams defaults;
    return {
        "demo",
        "Generates the built-in demo store (a simulated shop with known ground truth) into a "
        "new workspace file.",
        {{"workspace", "FILE", "the workspace to write (*.merchsim)", true},
         {"seed", "N", "random seed; the same seed gives the same store (default 42)"},
         {"products", "N",
          "catalog size, 50..200000 (default " + std::to_string(defaults.products) + ")"},
         {"days", "N", "days of sessions, 1..730 (default " + std::to_string(defaults.days) + ")"},
         {"sessions-per-day", "N",
          "mean sessions a day, 1..200000 (default " +
              std::to_string(int(defaults.sessionsPerDay)) + ")"},
         {"defect-rate", "X",
          "share of products with a deliberate data defect, 0..1 "
          "(default 0.2)"},
         {"force", "", "replace FILE if it exists (only once the new store is complete)"},
         {"json", "", "print the summary as JSON (keys as for `info --json`)"}},
        ""};
}

int runDemo(const ParsedArgs& args) {
    std::string error;
    DemoStoreParams params;
    const auto seed = intOption(args, "seed", 42, 0, 9'007'199'254'740'991LL, error);
    const auto products = intOption(args, "products", params.world.products, 50, 200000, error);
    const auto days = intOption(args, "days", params.world.days, 1, 730, error);
    const auto sessions =
        doubleOption(args, "sessions-per-day", params.world.sessionsPerDay, 1, 200000, error);
    const auto defects =
        doubleOption(args, "defect-rate", params.world.catalogDefectRate, 0, 1, error);
    if (!seed || !products || !days || !sessions || !defects) {
        printError(error);
        std::cerr << usage(demoSpec());
        return kExitUsage;
    }
    params.world.products = int(*products);
    params.world.days = int(*days);
    params.world.sessionsPerDay = *sessions;
    params.world.catalogDefectRate = *defects;

    const std::string path = *args.value("workspace");
    namespace fs = std::filesystem;
    std::error_code ec;
    const bool exists = fs::exists(path, ec);
    if (exists && !args.has("force")) {
        printError(path + " already exists; pass --force to replace it");
        return kExitFailure;
    }
    // With --force the store is written beside the old file and moved over it when complete.
    const std::string target = exists ? path + ".new" : path;
    if (exists)
        fs::remove(target, ec);

    RunControl control;
    control.seed = std::uint64_t(*seed);
    const bool showProgress = isatty(STDERR_FILENO) != 0;
    int lastPercent = -1;
    control.progress = [&](double fraction, std::string_view stage) {
        const int percent = int(fraction * 100);
        if (showProgress && percent != lastPercent) {
            std::fprintf(stderr, "\r%3d%%  %-28.*s", percent, int(stage.size()), stage.data());
            lastPercent = percent;
        }
        return true;
    };
    auto summary = writeDemoStore(target, params, control);
    if (showProgress)
        std::fprintf(stderr, "\r%40s\r", "");
    if (!summary) {
        printError(summary.status().message());
        return kExitFailure;
    }
    if (exists) {
        fs::rename(target, path, ec);
        if (ec) {
            printError("could not replace " + path + ": " + ec.message());
            return kExitFailure;
        }
    }
    if (args.has("json")) {
        std::cout << summaryToJson(*summary, path).dump(2) << "\n";
    } else {
        std::cout << "Wrote demo store to " << path << ": " << summary->products << " products, "
                  << summary->sessions << " sessions, " << summary->events << " events.\n";
    }
    return kExitOk;
}

} // namespace merch::cli
