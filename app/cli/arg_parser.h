// A small command-line parser for merchsim-cli verbs: --name VALUE, --name=VALUE, --flag.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace merch::cli {

struct OptionSpec {
    std::string name;      // without the dashes: "workspace"
    std::string valueName; // "FILE"; empty for a flag
    std::string help;
    bool required = false;
};

struct CommandSpec {
    std::string verb;    // "demo"
    std::string summary; // one line for the verb list
    std::vector<OptionSpec> options;
    std::string positional; // name of the one positional argument ("PATH"); empty for none
};

class ParsedArgs {
public:
    bool has(const std::string& name) const { return m_values.count(name) > 0; }
    std::optional<std::string> value(const std::string& name) const;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> positional;
};

// Parses args (after the verb). On error returns nullopt and sets `error` to a message.
std::optional<ParsedArgs> parseArgs(const CommandSpec& spec, const std::vector<std::string>& args,
                                    std::string& error);

// "Usage: merchsim-cli demo --workspace FILE [--seed N] ..." followed by option help.
std::string usage(const CommandSpec& spec);

// Parses an integer/double option within [lo, hi]; names the option in `error` when it fails.
std::optional<long long> intOption(const ParsedArgs& args, const std::string& name,
                                   long long fallback, long long lo, long long hi,
                                   std::string& error);
std::optional<double> doubleOption(const ParsedArgs& args, const std::string& name, double fallback,
                                   double lo, double hi, std::string& error);

} // namespace merch::cli
