#include "cli/stats_input.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

namespace merch::cli::stats_input {

namespace {

std::optional<double> number(const std::string& text) {
    if (text.empty())
        return std::nullopt;
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> wholeNumber(const std::string& text) {
    std::int64_t value = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

std::vector<std::string> split(const std::string& text, char separator) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = text.find(separator, start);
        parts.push_back(text.substr(start, at - start));
        if (at == std::string::npos)
            return parts;
        start = at + 1;
    }
}

} // namespace

std::optional<stats::ProportionSample>
parseProportion(const std::string& text, const std::string& option, std::string& error) {
    const auto parts = split(text, '/');
    const auto successes = parts.size() == 2 ? wholeNumber(parts[0]) : std::nullopt;
    const auto n = parts.size() == 2 ? wholeNumber(parts[1]) : std::nullopt;
    if (!successes || !n) {
        error =
            option + " must be CONVERSIONS/UNITS in whole numbers, e.g. 14/28 (got '" + text + "')";
        return std::nullopt;
    }
    return stats::ProportionSample{*successes, *n};
}

std::optional<stats::MeanSample> parseMean(const std::string& text, const std::string& option,
                                           std::string& error) {
    const auto parts = split(text, ',');
    const auto sum = parts.size() == 3 ? number(parts[0]) : std::nullopt;
    const auto sumSquares = parts.size() == 3 ? number(parts[1]) : std::nullopt;
    const auto n = parts.size() == 3 ? wholeNumber(parts[2]) : std::nullopt;
    if (!sum || !sumSquares || !n) {
        error = option +
                " must be SUM,SUMSQ,N (sum of the values, sum of their squares, units), "
                "e.g. 1396.87,52377.9767,3407 (got '" +
                text + "')";
        return std::nullopt;
    }
    return stats::MeanSample{*sum, *sumSquares, *n};
}

std::optional<stats::RatioSample> parseRatio(const std::string& text, const std::string& option,
                                             std::string& error) {
    static const char* kKeys[] = {"n", "m", "m2", "d", "d2", "md"};
    std::map<std::string, double> values;
    const std::string syntax = " (syntax: n=UNITS,m=SUM_M,m2=SUMSQ_M,d=SUM_D,d2=SUMSQ_D,md=SUM_MD)";
    for (const std::string& part : split(text, ',')) {
        const std::size_t eq = part.find('=');
        const std::string key = part.substr(0, eq);
        const auto value = eq == std::string::npos ? std::nullopt : number(part.substr(eq + 1));
        bool known = false;
        for (const char* k : kKeys)
            known = known || key == k;
        if (!known || !value || values.count(key)) {
            error = option + ": cannot read '" + part + "'" + syntax;
            return std::nullopt;
        }
        values[key] = *value;
    }
    for (const char* k : kKeys) {
        if (!values.count(k)) {
            error = option + " is missing " + k + "=" + syntax;
            return std::nullopt;
        }
    }
    const double n = values["n"];
    if (n != std::floor(n) || std::fabs(n) > 1e15) {
        error = option + ": n must be a whole number of units";
        return std::nullopt;
    }
    return stats::RatioSample{std::int64_t(n), values["m"],  values["m2"],
                              values["d"],     values["d2"], values["md"]};
}

std::optional<std::vector<double>> parseNumbers(const std::string& text, const std::string& option,
                                                std::string& error) {
    std::vector<double> values;
    for (const std::string& part : split(text, ',')) {
        const auto value = number(part);
        if (!value) {
            error = option + " must be a comma-separated list of numbers (got '" + text + "')";
            return std::nullopt;
        }
        values.push_back(*value);
    }
    return values;
}

std::optional<std::vector<std::int64_t>>
parseCounts(const std::string& text, const std::string& option, std::string& error) {
    std::vector<std::int64_t> values;
    for (const std::string& part : split(text, ',')) {
        const auto value = wholeNumber(part);
        if (!value) {
            error =
                option + " must be a comma-separated list of whole numbers (got '" + text + "')";
            return std::nullopt;
        }
        values.push_back(*value);
    }
    return values;
}

std::optional<std::string> choiceOption(const ParsedArgs& args, const std::string& name,
                                        const std::string& fallback,
                                        const std::vector<std::string>& choices,
                                        std::string& error) {
    const std::string value = args.value(name).value_or(fallback);
    std::string list;
    for (const auto& choice : choices) {
        if (choice == value)
            return value;
        list += (list.empty() ? "" : "|") + choice;
    }
    error = "--" + name + " must be " + list + " (got '" + value + "')";
    return std::nullopt;
}

std::string nameOptions(const std::string& message,
                        const std::vector<std::pair<std::string, std::string>>& mapping) {
    for (const auto& [field, option] : mapping) {
        if (message.rfind(field, 0) != 0)
            continue;
        std::string rest = message.substr(field.size());
        std::string named = option;
        // "[1] must be ..." (a 0-based list index) -> ": value 2 must be ..."
        const std::size_t close = rest.find(']');
        const auto index = rest.rfind('[', 0) == 0 && close != std::string::npos
                               ? wholeNumber(rest.substr(1, close - 1))
                               : std::nullopt;
        if (index) {
            named.append(": value ").append(std::to_string(*index + 1));
            rest.erase(0, close + 1);
        }
        named.append(rest);
        return named;
    }
    return message;
}

std::string percent(double fraction) {
    if (std::isinf(fraction))
        return fraction > 0 ? "+inf" : "-inf";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+.2f%%", 100.0 * fraction);
    return buffer;
}

std::string pValue(double p) {
    if (p < 0.0001)
        return "< 0.0001";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4f", p);
    return buffer;
}

std::string thousands(std::int64_t value) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(std::size_t(at), ",");
    return value < 0 ? "-" + digits : digits;
}

} // namespace merch::cli::stats_input
