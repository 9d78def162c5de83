#include "search/text_analysis.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <numeric>

namespace merch::search {

std::string stem(std::string word) {
    const std::size_t n = word.size();
    if (n > 3 && word[n - 1] == 's' && word[n - 2] != 's' && word[n - 2] != 'u' &&
        word[n - 2] != 'i' && !(word[n - 2] >= '0' && word[n - 2] <= '9'))
        word.pop_back();
    return word;
}

std::vector<std::string> words(std::string_view text) {
    std::vector<std::string> out;
    std::string word;
    bool inTag = false;
    const auto flush = [&] {
        if (!word.empty())
            out.push_back(stem(std::move(word)));
        word.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '<') {
            // An HTML tag when a letter or '/' follows; otherwise an ordinary separator.
            if (i + 1 < text.size() &&
                (std::isalpha(static_cast<unsigned char>(text[i + 1])) || text[i + 1] == '/')) {
                inTag = true;
                flush();
                continue;
            }
        }
        if (inTag) {
            inTag = c != '>';
            continue;
        }
        if (c == '\'')
            continue; // "assassin's" -> "assassins"
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
            word += char(c);
        else if (c >= 'A' && c <= 'Z')
            word += char(c - 'A' + 'a');
        else
            flush();
    }
    flush();
    return out;
}

int editDistance(std::string_view a, std::string_view b, int maxDistance) {
    const int n = int(a.size()), m = int(b.size());
    if (std::abs(n - m) > maxDistance)
        return maxDistance + 1;
    // Three rows of the optimal string alignment table.
    std::vector<int> prev2(std::size_t(m) + 1), prev(std::size_t(m) + 1), cur(std::size_t(m) + 1);
    std::iota(prev.begin(), prev.end(), 0);
    for (int i = 1; i <= n; ++i) {
        cur[0] = i;
        int rowMin = cur[0];
        for (int j = 1; j <= m; ++j) {
            const int cost = a[std::size_t(i - 1)] == b[std::size_t(j - 1)] ? 0 : 1;
            int v = std::min({prev[std::size_t(j)] + 1, cur[std::size_t(j - 1)] + 1,
                              prev[std::size_t(j - 1)] + cost});
            if (i > 1 && j > 1 && a[std::size_t(i - 1)] == b[std::size_t(j - 2)] &&
                a[std::size_t(i - 2)] == b[std::size_t(j - 1)])
                v = std::min(v, prev2[std::size_t(j - 2)] + 1);
            cur[std::size_t(j)] = v;
            rowMin = std::min(rowMin, v);
        }
        if (rowMin > maxDistance)
            return maxDistance + 1;
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return std::min(prev[std::size_t(m)], maxDistance + 1);
}

void characterNgrams(const std::string& word, int minN, int maxN, std::vector<std::string>& out) {
    const std::string w = "<" + word + ">";
    out.push_back(w);
    const int len = int(w.size());
    for (int n = minN; n <= maxN; ++n)
        for (int i = 0; i + n <= len; ++i)
            if (n < len)
                out.push_back(w.substr(std::size_t(i), std::size_t(n)));
}

std::string normalizedQuery(std::string_view text) {
    std::string out;
    for (const auto& w : words(text)) {
        if (!out.empty())
            out += ' ';
        out += w;
    }
    return out;
}

} // namespace merch::search
