#include "audit/text_checks.h"

#include <cctype>
#include <cstdlib>

namespace merch::audit {

namespace {
bool isWordChar(char c) {
    const auto u = static_cast<unsigned char>(c);
    return std::isalnum(u) || u >= 0x80;
}
} // namespace

bool looksLikeHtml(std::string_view text) {
    const auto open = text.find('<');
    return open != std::string_view::npos && text.find('>', open) != std::string_view::npos;
}

std::string stripHtml(std::string_view html) {
    std::string out;
    bool inTag = false;
    for (std::size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '<') {
            inTag = true;
            out += ' ';
        } else if (c == '>' && inTag) {
            inTag = false;
        } else if (!inTag) {
            if (c == '&') {
                const auto end = html.find(';', i);
                if (end != std::string_view::npos && end - i <= 8) {
                    const auto entity = html.substr(i + 1, end - i - 1);
                    out += entity == "amp"  ? "&"
                           : entity == "lt" ? "<"
                           : entity == "gt" ? ">"
                                            : " ";
                    i = end;
                    continue;
                }
            }
            out += c;
        }
    }
    std::string collapsed;
    for (char c : out) {
        const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
        if (space && (collapsed.empty() || collapsed.back() == ' '))
            continue;
        collapsed += space ? ' ' : c;
    }
    while (!collapsed.empty() && collapsed.back() == ' ')
        collapsed.pop_back();
    return collapsed;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text) {
        if (isWordChar(c)) {
            current += char(std::tolower(static_cast<unsigned char>(c)));
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty())
        out.push_back(std::move(current));
    return out;
}

int wordCount(std::string_view text) {
    return int(words(text).size());
}

std::string tagKey(std::string_view tag) {
    std::string key;
    for (const auto& word : words(tag))
        key += (key.empty() ? "" : " ") + word;
    // Singular form: "dresses" -> "dress", "boxes" -> "box", "hoodies" -> "hoodie"; then "ie"
    // and "y" endings meet ("hoodie"/"hoody", "berries"/"berry" share "hoody"/"berry").
    if (key.size() > 4 && (key.ends_with("sses") || key.ends_with("xes") || key.ends_with("ches") ||
                           key.ends_with("shes")))
        key.resize(key.size() - 2);
    else if (key.size() > 3 && key.back() == 's' && !key.ends_with("ss"))
        key.pop_back();
    if (key.size() > 3 && key.ends_with("ie"))
        key.replace(key.size() - 2, 2, "y");
    return key;
}

std::vector<std::string> splitTags(std::string_view tags) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= tags.size()) {
        const auto comma = tags.find(',', start);
        const auto piece = tags.substr(
            start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        bool blank = true;
        for (char c : piece)
            blank &= std::isspace(static_cast<unsigned char>(c)) != 0;
        if (!blank)
            out.emplace_back(piece);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return out;
}

bool withinOneEdit(std::string_view a, std::string_view b) {
    if (a == b)
        return true;
    const auto la = a.size(), lb = b.size();
    if (la > lb + 1 || lb > la + 1)
        return false;
    std::size_t i = 0;
    while (i < la && i < lb && a[i] == b[i])
        ++i;
    if (la == lb) {
        if (a.substr(i + 1) == b.substr(i + 1))
            return true; // substitution
        return i + 1 < la && a[i] == b[i + 1] && a[i + 1] == b[i] &&
               a.substr(i + 2) == b.substr(i + 2); // swap
    }
    return la > lb ? a.substr(i + 1) == b.substr(i) : a.substr(i) == b.substr(i + 1);
}

} // namespace merch::audit
