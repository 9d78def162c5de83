// Small text helpers of the audit: HTML stripping, word counts, tag normalisation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace merch::audit {

// The visible text of an HTML fragment: tags removed, common entities decoded, spaces collapsed.
std::string stripHtml(std::string_view html);
bool looksLikeHtml(std::string_view text);
int wordCount(std::string_view text);
// Lower-case words of letters and digits.
std::vector<std::string> words(std::string_view text);
// The key two spellings of a tag share when they mean the same: lower case, single spaces,
// punctuation dropped, a plural "s"/"es" removed, "ie" read as "y" ("Hoodies " -> "hoody").
std::string tagKey(std::string_view tag);
// Splits a comma-separated tag list, keeping each tag as written (but trimmed of nothing).
std::vector<std::string> splitTags(std::string_view tags);
// True when a and b differ by at most one insertion, deletion, substitution or swap.
bool withinOneEdit(std::string_view a, std::string_view b);

} // namespace merch::audit
