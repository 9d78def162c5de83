// Query rewriting before retrieval: spelling correction against the catalog vocabulary, splitting
// of run-together words ("battlefield3"), and synonym expansion.
#pragma once

#include <string>
#include <vector>

#include "merch/search.h"
#include "search/bm25_index.h"

namespace merch::search {

struct RewrittenWord {
    std::string word;
    double weight = 1.0;
    bool corrected = false;
    bool synonym = false;
};

// A synonym rule as word sequences.
struct WordRule {
    std::vector<std::vector<std::string>> terms;
    bool oneWay = false;
};
std::vector<WordRule> toWordRules(const std::vector<SynonymRule>& rules);

struct TypoSettings {
    int maxEdits = 2;
    int minLength = 4;
    int minLengthTwoEdits = 8;
    double correctedWeight = 0.9;
    // Correction candidates: term ids of the vocabulary grouped by word length (index = length);
    // only catalog words, not the generated run-together forms, acronyms or ids. Null: every
    // term of the vocabulary is a candidate.
    const std::vector<std::vector<int>>* candidatesByLength = nullptr;
};

// Groups the ids `words` have in `vocabulary` by length, for TypoSettings::candidatesByLength.
std::vector<std::vector<int>> candidatesByLength(const Bm25Index& vocabulary,
                                                 const std::vector<std::string>& words);

// Corrects one word against `vocabulary` (the catalog index): the word itself when known, two
// known words when it splits into them, else the most frequent known word within the allowed
// edits; empty when nothing fits.
std::vector<std::string> correctWord(const std::string& word, const Bm25Index& vocabulary,
                                     const TypoSettings& settings);

// The words of a query after correction, with synonym words appended (weighted).
std::vector<RewrittenWord> rewriteQuery(const std::vector<std::string>& words,
                                        const Bm25Index& vocabulary, const TypoSettings& settings,
                                        const std::vector<WordRule>& rules, double synonymWeight);

} // namespace merch::search
