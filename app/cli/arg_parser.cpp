#include "cli/arg_parser.h"

#include <charconv>
#include <cstdlib>
#include <sstream>

namespace merch::cli {

std::optional<std::string> ParsedArgs::value(const std::string& name) const {
    const auto found = m_values.find(name);
    if (found == m_values.end())
        return std::nullopt;
    return found->second;
}

std::optional<ParsedArgs> parseArgs(const CommandSpec& spec, const std::vector<std::string>& args,
                                    std::string& error) {
    ParsedArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.rfind("--", 0) != 0 || arg.size() == 2) {
            parsed.positional.push_back(arg);
            continue;
        }
        std::string name = arg.substr(2);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        const OptionSpec* option = nullptr;
        for (const auto& candidate : spec.options) {
            if (candidate.name == name)
                option = &candidate;
        }
        if (!option) {
            error = "unknown option --" + name;
            return std::nullopt;
        }
        if (option->valueName.empty()) {
            if (inlineValue) {
                error = "--" + name + " takes no value";
                return std::nullopt;
            }
            parsed.m_values[name] = "1";
        } else if (inlineValue) {
            parsed.m_values[name] = *inlineValue;
        } else if (i + 1 < args.size()) {
            parsed.m_values[name] = args[++i];
        } else {
            error = "--" + name + " needs a value (" + option->valueName + ")";
            return std::nullopt;
        }
    }
    for (const auto& option : spec.options) {
        if (option.required && !parsed.has(option.name)) {
            error = "--" + option.name + " is required";
            return std::nullopt;
        }
    }
    return parsed;
}

std::string usage(const CommandSpec& spec) {
    std::ostringstream out;
    out << "Usage: merchsim-cli " << spec.verb;
    for (const auto& option : spec.options) {
        std::string text = "--" + option.name;
        if (!option.valueName.empty())
            text += " " + option.valueName;
        out << " " << (option.required ? text : "[" + text + "]");
    }
    if (!spec.positional.empty())
        out << " " << spec.positional;
    out << "\n\n" << spec.summary << "\n\nOptions:\n";
    for (const auto& option : spec.options) {
        std::string left = "  --" + option.name;
        if (!option.valueName.empty())
            left += " " + option.valueName;
        if (left.size() < 28)
            left.resize(28, ' ');
        else
            left += "  ";
        out << left << option.help << "\n";
    }
    out << "  --help                    show this help\n";
    return out.str();
}

std::optional<long long> intOption(const ParsedArgs& args, const std::string& name,
                                   long long fallback, long long lo, long long hi,
                                   std::string& error) {
    const auto text = args.value(name);
    if (!text)
        return fallback;
    long long value = 0;
    const auto* end = text->data() + text->size();
    const auto [ptr, ec] = std::from_chars(text->data(), end, value);
    if (ec != std::errc() || ptr != end || value < lo || value > hi) {
        error = "--" + name + " must be a whole number from " + std::to_string(lo) + " to " +
                std::to_string(hi) + " (got '" + *text + "')";
        return std::nullopt;
    }
    return value;
}

std::optional<double> doubleOption(const ParsedArgs& args, const std::string& name, double fallback,
                                   double lo, double hi, std::string& error) {
    const auto text = args.value(name);
    if (!text)
        return fallback;
    char* end = nullptr;
    const double value = std::strtod(text->c_str(), &end);
    if (text->empty() || end != text->c_str() + text->size() || !(value >= lo && value <= hi)) {
        std::ostringstream message;
        message << "--" << name << " must be a number from " << lo << " to " << hi << " (got '"
                << *text << "')";
        error = message.str();
        return std::nullopt;
    }
    return value;
}

} // namespace merch::cli
