// The workspace's synonym list (see parseSynonyms in merch/search.h).
#include <sstream>

#include "merch/search.h"

namespace merch {

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

std::vector<std::string> commaList(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        part = trimmed(part);
        if (!part.empty())
            out.push_back(part);
    }
    return out;
}

} // namespace

Result<std::vector<SynonymRule>> parseSynonyms(const std::string& text) {
    std::vector<SynonymRule> rules;
    std::stringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        line = trimmed(line);
        if (line.empty() || line[0] == '#')
            continue;
        SynonymRule rule;
        const auto arrow = line.find("=>");
        if (arrow != std::string::npos) {
            rule.oneWay = true;
            const auto left = commaList(line.substr(0, arrow));
            const auto right = commaList(line.substr(arrow + 2));
            if (left.size() != 1 || right.empty())
                return Status::invalidArgument(
                    "synonyms, line " + std::to_string(number) +
                    ": a one-way rule needs one term before => and at least one after (got '" +
                    line + "')");
            rule.terms = left;
            rule.terms.insert(rule.terms.end(), right.begin(), right.end());
        } else {
            rule.terms = commaList(line);
            if (rule.terms.size() < 2)
                return Status::invalidArgument("synonyms, line " + std::to_string(number) +
                                               ": a rule needs at least two comma-separated "
                                               "terms (got '" +
                                               line + "')");
        }
        rules.push_back(std::move(rule));
    }
    return rules;
}

} // namespace merch
