// The verbs of merchsim-cli. Each returns the process exit code: 0 success, 1 the work failed,
// 2 the arguments were wrong (usage printed to stderr).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "cli/arg_parser.h"
#include "merch/workspace.h"
#include "merch/world_calibration.h"

namespace merch::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

struct Command {
    CommandSpec spec;
    int (*run)(const ParsedArgs& args);
};

CommandSpec demoSpec();
int runDemo(const ParsedArgs& args);

CommandSpec infoSpec();
int runInfo(const ParsedArgs& args);

CommandSpec importCatalogSpec();
int runImportCatalog(const ParsedArgs& args);
CommandSpec importEventsSpec();
int runImportEvents(const ParsedArgs& args);
CommandSpec evaluateRecsSpec();
int runEvaluateRecs(const ParsedArgs& args);
CommandSpec recommendSpec();
int runRecommend(const ParsedArgs& args);
CommandSpec rankSpec();
int runRank(const ParsedArgs& args);
CommandSpec experimentSpec();
int runExperiment(const ParsedArgs& args);
CommandSpec calibrateSpec();
int runCalibrate(const ParsedArgs& args);
// The workspace's catalog and events fitted into a world (calibrate_command.cpp).
Result<std::shared_ptr<const WorldCalibration>> calibrateWorkspace(const Workspace& workspace,
                                                                   const CalibrationParams& params,
                                                                   std::uint64_t seed);
CommandSpec reportSpec();
int runReport(const ParsedArgs& args);
CommandSpec costSpec();
int runCost(const ParsedArgs& args);
CommandSpec auditSpec();
int runAudit(const ParsedArgs& args);
CommandSpec exportEventsSpec();
int runExportEvents(const ParsedArgs& args);
CommandSpec searchSpec();
int runSearch(const ParsedArgs& args);
CommandSpec evaluateSearchSpec();
int runEvaluateSearch(const ParsedArgs& args);
CommandSpec messagingSpec();
int runMessaging(const ParsedArgs& args);

// `stats ...`: the experiment statistics on typed-in numbers (stats_command.cpp).
CommandSpec statsProportionSpec();
int runStatsProportion(const ParsedArgs& args);
CommandSpec statsMeanSpec();
int runStatsMean(const ParsedArgs& args);
CommandSpec statsRatioSpec();
int runStatsRatio(const ParsedArgs& args);
CommandSpec statsSrmSpec();
int runStatsSrm(const ParsedArgs& args);
CommandSpec statsAdjustSpec();
int runStatsAdjust(const ParsedArgs& args);
CommandSpec statsSampleSizeSpec();
int runStatsSampleSize(const ParsedArgs& args);
CommandSpec statsMdeSpec();
int runStatsMde(const ParsedArgs& args);

// Prints "merchsim-cli: <message>" to stderr.
void printError(const std::string& message);

} // namespace merch::cli
