// Text analysis shared by the search engine's parts: words, light stemming, edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace merch::search {

// Lowercased words of `text`: HTML tags dropped, apostrophes removed ("assassin's" ->
// "assassins"), any other character that is not a letter or digit separates words. Bytes >= 0x80
// (UTF-8) are kept inside words. Each word is stemmed by stem().
std::vector<std::string> words(std::string_view text);

// A light English stemmer: drops a final "s" from words of more than 3 letters that do not end
// in "ss", "us" or "is" ("games" -> "game", "glass" stays). Digits are left alone.
std::string stem(std::string word);

// Damerau (optimal string alignment) distance, or maxDistance + 1 when it is larger.
int editDistance(std::string_view a, std::string_view b, int maxDistance);

// Character n-grams (minN..maxN) of "<word>", plus "<word>" itself.
void characterNgrams(const std::string& word, int minN, int maxN, std::vector<std::string>& out);

// Whole query normalised for exact lookups: words() joined by single spaces.
std::string normalizedQuery(std::string_view text);

} // namespace merch::search
