// Parsing and printing helpers of the `stats` verbs: arm data typed on the command line, lists,
// and the readable number formats of the text output.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cli/arg_parser.h"
#include "merch/stats.h"

namespace merch::cli::stats_input {

// "14/28" -> successes 14 of n 28. `option` names the flag in the error ("--control").
std::optional<stats::ProportionSample>
parseProportion(const std::string& text, const std::string& option, std::string& error);
// "SUM,SUMSQ,N" -> MeanSample.
std::optional<stats::MeanSample> parseMean(const std::string& text, const std::string& option,
                                           std::string& error);
// "n=100,m=270,m2=848.79,d=510,d2=810,md=-900" (any order, every key once) -> RatioSample.
std::optional<stats::RatioSample> parseRatio(const std::string& text, const std::string& option,
                                             std::string& error);
// "0.01,0.04,0.2" -> numbers; "1000,1200" -> whole numbers.
std::optional<std::vector<double>> parseNumbers(const std::string& text, const std::string& option,
                                                std::string& error);
std::optional<std::vector<std::int64_t>> parseCounts(const std::string& text,
                                                     const std::string& option, std::string& error);
// A required option that must be one of `choices`.
std::optional<std::string> choiceOption(const ParsedArgs& args, const std::string& name,
                                        const std::string& fallback,
                                        const std::vector<std::string>& choices,
                                        std::string& error);

// Rewrites a core validation message to name the command-line option: with the mapping
// {"control.", "--control: "}, "control.n must be ..." becomes "--control: n must be ...".
std::string nameOptions(const std::string& message,
                        const std::vector<std::pair<std::string, std::string>>& mapping);

// "+6.67%", "-0.35%": a signed percentage with two decimals.
std::string percent(double fraction);
// "0.8071", "< 0.0001".
std::string pValue(double p);
// "1,234,567"
std::string thousands(std::int64_t value);

} // namespace merch::cli::stats_input
