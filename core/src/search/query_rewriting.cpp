#include "search/query_rewriting.h"

#include <algorithm>
#include <cctype>

#include "search/text_analysis.h"

namespace merch::search {

std::vector<WordRule> toWordRules(const std::vector<SynonymRule>& rules) {
    std::vector<WordRule> out;
    for (const auto& rule : rules) {
        WordRule r;
        r.oneWay = rule.oneWay;
        for (const auto& term : rule.terms) {
            auto w = words(term);
            if (!w.empty())
                r.terms.push_back(std::move(w));
        }
        if (r.terms.size() >= 2)
            out.push_back(std::move(r));
    }
    return out;
}

namespace {

bool isNumber(const std::string& w) {
    return std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

std::vector<std::string> correctWord(const std::string& word, const Bm25Index& vocabulary,
                                     const TypoSettings& settings) {
    if (vocabulary.termId(word) >= 0)
        return {word};
    // Run-together words: the split whose rarer half is most frequent.
    int bestSplit = -1, bestFrequency = 0;
    for (std::size_t i = 1; i < word.size(); ++i) {
        const std::string left = stem(word.substr(0, i));
        const std::string right = word.substr(i);
        const int l = vocabulary.termId(left), r = vocabulary.termId(right);
        if (l < 0 || r < 0 || (left.size() < 2 && !isNumber(left)) ||
            (right.size() < 2 && !isNumber(right)))
            continue;
        const int frequency =
            std::min(vocabulary.documentFrequency(l), vocabulary.documentFrequency(r));
        if (frequency > bestFrequency) {
            bestFrequency = frequency;
            bestSplit = int(i);
        }
    }
    if (bestSplit > 0)
        return {stem(word.substr(0, std::size_t(bestSplit))), word.substr(std::size_t(bestSplit))};
    if (settings.maxEdits <= 0 || int(word.size()) < settings.minLength || isNumber(word))
        return {};
    const int allowed = int(word.size()) >= settings.minLengthTwoEdits
                            ? std::min(2, settings.maxEdits)
                            : std::min(1, settings.maxEdits);
    int best = -1, bestDistance = allowed + 1, bestDf = 0;
    const auto consider = [&](int id) {
        const std::string& candidate = vocabulary.term(id);
        if (candidate.size() < 2 || isNumber(candidate))
            return;
        const int d = editDistance(word, candidate, allowed);
        if (d > allowed)
            return;
        const int df = vocabulary.documentFrequency(id);
        if (d < bestDistance || (d == bestDistance && df > bestDf)) {
            best = id;
            bestDistance = d;
            bestDf = df;
        }
    };
    if (settings.candidatesByLength) {
        const auto& groups = *settings.candidatesByLength;
        const std::size_t lo = word.size() > std::size_t(allowed) ? word.size() - allowed : 0;
        for (std::size_t len = lo; len <= word.size() + std::size_t(allowed) && len < groups.size();
             ++len)
            for (int id : groups[len])
                consider(id);
    } else {
        for (int id = 0; id < vocabulary.termCount(); ++id)
            consider(id);
    }
    if (best < 0)
        return {};
    return {vocabulary.term(best)};
}

std::vector<std::vector<int>> candidatesByLength(const Bm25Index& vocabulary,
                                                 const std::vector<std::string>& words) {
    std::vector<std::vector<int>> groups;
    std::vector<bool> seen(std::size_t(vocabulary.termCount()), false);
    for (const auto& w : words) {
        const int id = vocabulary.termId(w);
        if (id < 0 || seen[std::size_t(id)] ||
            std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; }))
            continue;
        seen[std::size_t(id)] = true;
        if (groups.size() <= w.size())
            groups.resize(w.size() + 1);
        groups[w.size()].push_back(id);
    }
    return groups;
}

std::vector<RewrittenWord> rewriteQuery(const std::vector<std::string>& queryWords,
                                        const Bm25Index& vocabulary, const TypoSettings& settings,
                                        const std::vector<WordRule>& rules, double synonymWeight) {
    std::vector<RewrittenWord> out;
    for (const auto& w : queryWords) {
        const auto corrected = correctWord(w, vocabulary, settings);
        if (corrected.empty()) {
            out.push_back({w, 1.0, false, false}); // unknown: kept (synonyms may know it)
            continue;
        }
        const bool changed = corrected.size() != 1 || corrected[0] != w;
        const bool split = corrected.size() == 2;
        for (const auto& c : corrected)
            out.push_back({c, changed && !split ? settings.correctedWeight : 1.0, changed, false});
    }
    // Synonyms: a rule's term found as a contiguous phrase of the (original or corrected) words.
    std::vector<std::string> plain;
    for (const auto& r : out)
        plain.push_back(r.word);
    for (const auto& w : queryWords)
        if (std::find(plain.begin(), plain.end(), w) == plain.end())
            plain.push_back(w);
    const auto containsPhrase = [&](const std::vector<std::string>& phrase) {
        if (phrase.empty() || phrase.size() > plain.size())
            return false;
        for (std::size_t i = 0; i + phrase.size() <= plain.size(); ++i)
            if (std::equal(phrase.begin(), phrase.end(), plain.begin() + long(i)))
                return true;
        return false;
    };
    std::vector<RewrittenWord> added;
    const auto addWord = [&](const std::string& w) {
        const auto present = [&](const RewrittenWord& r) { return r.word == w; };
        if (std::none_of(out.begin(), out.end(), present) &&
            std::none_of(added.begin(), added.end(), present))
            added.push_back({w, synonymWeight, false, true});
    };
    for (const auto& rule : rules) {
        for (std::size_t t = 0; t < rule.terms.size(); ++t) {
            if (rule.oneWay && t > 0)
                break;
            if (!containsPhrase(rule.terms[t]))
                continue;
            for (std::size_t o = 0; o < rule.terms.size(); ++o)
                if (o != t)
                    for (const auto& w : rule.terms[o])
                        addWord(w);
        }
    }
    out.insert(out.end(), added.begin(), added.end());
    return out;
}

} // namespace merch::search
