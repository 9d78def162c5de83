// merchsim-cli: MerchSim without a display. `merchsim-cli --help` lists the verbs.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace merch::cli {

void printError(const std::string& message) {
    std::cerr << "merchsim-cli: " << message << "\n";
}

namespace {

std::vector<Command> commands() {
    return {{demoSpec(), runDemo},
            {infoSpec(), runInfo},
            {importCatalogSpec(), runImportCatalog},
            {importEventsSpec(), runImportEvents},
            {exportEventsSpec(), runExportEvents},
            {auditSpec(), runAudit},
            {evaluateRecsSpec(), runEvaluateRecs},
            {recommendSpec(), runRecommend},
            {searchSpec(), runSearch},
            {evaluateSearchSpec(), runEvaluateSearch},
            {rankSpec(), runRank},
            {messagingSpec(), runMessaging},
            {experimentSpec(), runExperiment},
            {calibrateSpec(), runCalibrate},
            {costSpec(), runCost},
            {reportSpec(), runReport},
            {statsProportionSpec(), runStatsProportion},
            {statsMeanSpec(), runStatsMean},
            {statsRatioSpec(), runStatsRatio},
            {statsSrmSpec(), runStatsSrm},
            {statsAdjustSpec(), runStatsAdjust},
            {statsSampleSizeSpec(), runStatsSampleSize},
            {statsMdeSpec(), runStatsMde}};
}

void printOverview(std::ostream& out) {
    out << "Usage: merchsim-cli VERB [OPTIONS]\n\n"
           "MerchSim, headless: build and inspect store workspaces.\n\nVerbs:\n";
    for (const auto& command : commands()) {
        std::string verb = "  " + command.spec.verb;
        verb.resize(std::max<std::size_t>(verb.size() + 2, 18), ' ');
        out << verb << command.spec.summary << "\n";
    }
    out << "\n`merchsim-cli VERB --help` describes a verb's options.\n";
}

} // namespace
} // namespace merch::cli

int main(int argc, char** argv) {
    using namespace merch::cli;
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printOverview(std::cerr);
        return kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printOverview(std::cout);
        return kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "merchsim-cli 0.1.0\n";
        return kExitOk;
    }
    for (const auto& command : commands()) {
        // Verbs are one word ("info") or two ("import catalog").
        const bool twoWords = command.spec.verb.find(' ') != std::string::npos;
        const std::string given = twoWords && args.size() > 1 ? args[0] + " " + args[1] : args[0];
        if (command.spec.verb != given)
            continue;
        const std::vector<std::string> rest(args.begin() + (twoWords ? 2 : 1), args.end());
        for (const auto& arg : rest) {
            if (arg == "--help" || arg == "-h") {
                std::cout << usage(command.spec);
                return kExitOk;
            }
        }
        std::string error;
        const auto parsed = parseArgs(command.spec, rest, error);
        if (!parsed || (!parsed->positional.empty() && command.spec.positional.empty())) {
            printError(parsed ? "unexpected argument '" + parsed->positional.front() + "'" : error);
            std::cerr << usage(command.spec);
            return kExitUsage;
        }
        return command.run(*parsed);
    }
    std::string subverbs;
    for (const auto& command : commands()) {
        if (command.spec.verb.rfind(args[0] + " ", 0) == 0)
            subverbs +=
                (subverbs.empty() ? "" : ", ") + command.spec.verb.substr(args[0].size() + 1);
    }
    if (!subverbs.empty()) {
        printError("'" + args[0] + "' needs one of: " + subverbs);
        printOverview(std::cerr);
        return kExitUsage;
    }
    printError("unknown verb '" + args[0] + "'");
    printOverview(std::cerr);
    return kExitUsage;
}
