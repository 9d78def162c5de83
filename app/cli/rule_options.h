// The business-rule options `recommend` and `rank` share: --exclude-out-of-stock,
// --exclude-purchased-by CUSTOMER, --cap-per-category N, --pin IDS, --bury IDS, --kill-switch.
#pragma once

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/arg_parser.h"
#include "merch/business_rules.h"

namespace merch::cli {

inline std::vector<std::string> splitIdList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ','))
        if (!part.empty())
            out.push_back(part);
    return out;
}

// `what` names the list the rules apply to ("the recommendations", "the page").
inline std::vector<OptionSpec> ruleOptionSpecs(const std::string& what) {
    return {
        {"exclude-out-of-stock", "", "drop products whose every variant has no inventory"},
        {"exclude-purchased-by", "CUSTOMER",
         "drop what this customer (customer or visitor id) bought in the last 30 days"},
        {"cap-per-category", "N",
         "at most N products per category > subcategory in " + what +
             ", 0..100 (default 0: no "
             "cap)"},
        {"pin", "IDS", "product ids placed first, in this order (comma-separated)"},
        {"bury", "IDS", "product ids moved to the end (comma-separated)"},
        {"kill-switch", "", "switch the model off: the best-seller order answers"},
    };
}

// The rules the options ask for (all off unless given). `model` is the name the kill switch
// switches off. nullopt and `error` set on a bad value.
inline std::optional<BusinessRules> parseRuleOptions(const ParsedArgs& args,
                                                     const std::string& model, std::string& error) {
    BusinessRules rules;
    rules.excludeOutOfStock = args.has("exclude-out-of-stock");
    rules.excludeJustPurchased = args.has("exclude-purchased-by");
    const auto cap = intOption(args, "cap-per-category", 0, 0, 100, error);
    if (!cap)
        return std::nullopt;
    rules.maxPerCategory = int(*cap);
    if (const auto pin = args.value("pin"))
        rules.pinned = splitIdList(*pin);
    if (const auto bury = args.value("bury"))
        for (const auto& id : splitIdList(*bury))
            rules.buried.insert(id);
    if (args.has("kill-switch"))
        rules.killedModels.insert(model);
    if (const auto customer = args.value("exclude-purchased-by"); customer && customer->empty()) {
        error = "--exclude-purchased-by needs a customer id";
        return std::nullopt;
    }
    return rules;
}

} // namespace merch::cli
