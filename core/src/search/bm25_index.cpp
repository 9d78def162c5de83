#include "search/bm25_index.h"

#include <algorithm>
#include <cmath>

namespace merch::search {

void Bm25Index::build(const std::vector<FieldDocument>& docs,
                      const std::array<double, kFieldCount>& weights, double k1, double b) {
    m_k1 = k1;
    m_documents = int(docs.size());
    std::array<double, kFieldCount> averageLength{};
    for (const auto& d : docs)
        for (int f = 0; f < kFieldCount; ++f)
            averageLength[std::size_t(f)] += double(d.fields[std::size_t(f)].size());
    for (auto& a : averageLength)
        a = docs.empty() ? 1.0 : std::max(a / double(docs.size()), 1e-9);

    std::unordered_map<int, double> tf;
    for (int doc = 0; doc < m_documents; ++doc) {
        tf.clear();
        const auto& d = docs[std::size_t(doc)];
        for (int f = 0; f < kFieldCount; ++f) {
            const double w = weights[std::size_t(f)];
            const auto& words = d.fields[std::size_t(f)];
            if (w <= 0 || words.empty())
                continue;
            const double norm = 1.0 - b + b * double(words.size()) / averageLength[std::size_t(f)];
            for (const auto& word : words) {
                auto [it, added] = m_ids.try_emplace(word, int(m_terms.size()));
                if (added) {
                    m_terms.push_back(word);
                    m_postings.emplace_back();
                }
                tf[it->second] += w / norm;
            }
        }
        for (const auto& [term, value] : tf)
            m_postings[std::size_t(term)].push_back({doc, float(value)});
    }
}

int Bm25Index::termId(const std::string& word) const {
    const auto it = m_ids.find(word);
    return it == m_ids.end() ? -1 : it->second;
}

double Bm25Index::idf(int id) const {
    const double df = documentFrequency(id);
    return std::log(1.0 + (double(m_documents) - df + 0.5) / (df + 0.5));
}

void Bm25Index::accumulate(const std::vector<QueryTerm>& terms, std::vector<double>& scores,
                           std::vector<int>& touched) const {
    for (const auto& q : terms) {
        if (q.term < 0)
            continue;
        const double idfWeight = idf(q.term) * q.weight;
        if (idfWeight <= 0)
            continue;
        for (const auto& p : m_postings[std::size_t(q.term)]) {
            double& s = scores[std::size_t(p.doc)];
            if (s == 0)
                touched.push_back(p.doc);
            s += idfWeight * double(p.tf) * (m_k1 + 1.0) / (m_k1 + double(p.tf));
        }
    }
}

bool Bm25Index::contains(int term, int doc) const {
    if (term < 0)
        return false;
    const auto& list = m_postings[std::size_t(term)];
    return std::binary_search(list.begin(), list.end(), Posting{doc, 0},
                              [](const Posting& a, const Posting& c) { return a.doc < c.doc; });
}

} // namespace merch::search
