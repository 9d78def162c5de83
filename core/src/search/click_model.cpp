#include "search/click_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace merch::search {

void ClickModel::train(const std::vector<Click>& clicks, double halfLifeSeconds) {
    std::int64_t latest = 0;
    for (const auto& c : clicks)
        latest = std::max(latest, c.timestamp);
    for (const auto& [words, product, timestamp] : clicks) {
        if (words.empty())
            continue;
        const double weight =
            halfLifeSeconds > 0
                ? std::exp(-std::log(2.0) * double(latest - timestamp) / halfLifeSeconds)
                : 1.0;
        std::string query;
        for (const auto& w : words)
            query += (query.empty() ? "" : " ") + w;
        m_popularity[product] += weight;
        m_maxPopularity = std::max(m_maxPopularity, m_popularity[product]);
        auto& e = m_exact[query];
        e.byProduct[product] += weight;
        e.total += weight;
        ++e.clicks;
        std::set<std::string> distinct(words.begin(), words.end());
        for (const auto& w : distinct) {
            auto& c = m_words[w];
            c.byProduct[product] += weight;
            c.total += weight;
            ++c.clicks;
        }
    }
}

namespace {

void sortByScore(std::vector<std::pair<int, double>>& list) {
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
}

} // namespace

std::vector<std::pair<int, double>> ClickModel::exact(const std::string& query,
                                                      double smoothing) const {
    std::vector<std::pair<int, double>> out;
    const auto it = m_exact.find(query);
    if (it == m_exact.end())
        return out;
    for (const auto& [product, count] : it->second.byProduct)
        out.emplace_back(product, count / (it->second.total + smoothing));
    sortByScore(out);
    return out;
}

std::vector<std::pair<int, double>> ClickModel::byWords(const std::vector<std::string>& words,
                                                        double smoothing) const {
    std::unordered_map<int, double> score;
    int known = 0;
    for (const auto& w : std::set<std::string>(words.begin(), words.end())) {
        const auto it = m_words.find(w);
        if (it == m_words.end())
            continue;
        ++known;
        for (const auto& [product, count] : it->second.byProduct)
            score[product] += count / (it->second.total + smoothing);
    }
    std::vector<std::pair<int, double>> out;
    for (const auto& [product, s] : score)
        out.emplace_back(product, s / double(std::max(known, 1)));
    sortByScore(out);
    return out;
}

std::vector<SynonymRule>
ClickModel::learnSynonyms(const Bm25Index& vocabulary,
                          const std::vector<std::vector<std::string>>& titles, double share,
                          int minClicks) const {
    std::vector<SynonymRule> out;
    const int common = vocabulary.documentCount() / 2;
    std::map<std::string, const Counts*> ordered; // deterministic order
    for (const auto& [word, counts] : m_words)
        ordered.emplace(word, &counts);
    for (const auto& [word, counts] : ordered) {
        if (counts->clicks < minClicks || vocabulary.termId(word) >= 0)
            continue;
        std::map<std::string, double> support;
        for (const auto& [product, count] : counts->byProduct) {
            const std::set<std::string> distinct(titles[std::size_t(product)].begin(),
                                                 titles[std::size_t(product)].end());
            for (const auto& t : distinct)
                support[t] += count;
        }
        SynonymRule rule;
        rule.oneWay = true;
        rule.terms.push_back(word);
        for (const auto& [t, count] : support) {
            const int id = vocabulary.termId(t);
            if (id < 0 || vocabulary.documentFrequency(id) > common)
                continue;
            if (count >= share * counts->total)
                rule.terms.push_back(t);
        }
        if (rule.terms.size() >= 2)
            out.push_back(std::move(rule));
    }
    return out;
}

} // namespace merch::search
