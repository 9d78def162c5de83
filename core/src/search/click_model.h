// What shoppers clicked after a query, learned from labelled searches: per normalised query and
// per query word, click counts by product; and synonyms for query words the catalog lacks.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/search.h"
#include "search/bm25_index.h"

namespace merch::search {

class ClickModel {
public:
    struct Click {
        std::vector<std::string> words; // normalised query words
        int product = 0;
        std::int64_t timestamp = 0;
    };
    // Each click counts exp(-ln 2 * age / halfLife), its age taken from the latest click;
    // halfLifeSeconds <= 0 counts every click as 1.
    void train(const std::vector<Click>& clicks, double halfLifeSeconds);

    bool empty() const { return m_exact.empty(); }
    // A product's (decayed) clicks over all queries, relative to the most clicked product (0..1).
    double popularity(int product) const {
        const auto it = m_popularity.find(product);
        return it == m_popularity.end() || m_maxPopularity <= 0 ? 0.0
                                                                : it->second / m_maxPopularity;
    }
    // Products clicked after exactly this (normalised) query, by smoothed click share.
    std::vector<std::pair<int, double>> exact(const std::string& query, double smoothing) const;
    // Products by the mean smoothed click share over the query's words.
    std::vector<std::pair<int, double>> byWords(const std::vector<std::string>& words,
                                                double smoothing) const;

    // Words of the logs that `vocabulary` lacks, mapped to the catalog words found in at least
    // `share` of the products clicked after them (words in more than half the catalog skipped).
    std::vector<SynonymRule> learnSynonyms(const Bm25Index& vocabulary,
                                           const std::vector<std::vector<std::string>>& titles,
                                           double share, int minClicks) const;

private:
    struct Counts {
        std::unordered_map<int, double> byProduct;
        double total = 0;
        int clicks = 0;
    };
    std::unordered_map<std::string, Counts> m_exact;
    std::unordered_map<std::string, Counts> m_words;
    std::unordered_map<int, double> m_popularity;
    double m_maxPopularity = 0;
};

} // namespace merch::search
