// BM25F inverted index over a few weighted text fields (Robertson & Zaragoza, "The Probabilistic
// Relevance Framework: BM25 and Beyond", 2009): field term frequencies are length-normalised per
// field, weighted, summed, then saturated once.
#pragma once

#include <array>
#include <string>
#include <unordered_map>
#include <vector>

namespace merch::search {

enum Field { TitleField = 0, DescriptionField, AttributeField, QueryField, kFieldCount };

struct FieldDocument {
    std::array<std::vector<std::string>, kFieldCount> fields; // words of each field
};

struct QueryTerm {
    int term = -1;       // id in the index
    double weight = 1.0; // multiplies the term's score (corrections and synonyms weigh less)
};

class Bm25Index {
public:
    void build(const std::vector<FieldDocument>& docs,
               const std::array<double, kFieldCount>& weights, double k1, double b);

    int termId(const std::string& word) const;
    const std::string& term(int id) const { return m_terms[std::size_t(id)]; }
    int termCount() const { return int(m_terms.size()); }
    int documentFrequency(int id) const { return int(m_postings[std::size_t(id)].size()); }
    int documentCount() const { return m_documents; }
    // ln(1 + (N - df + 0.5) / (df + 0.5)), never negative.
    double idf(int id) const;

    // Adds each term's BM25F contribution to scores[doc] (scores has documentCount() entries,
    // zero where untouched); appends first-touched documents to `touched`.
    void accumulate(const std::vector<QueryTerm>& terms, std::vector<double>& scores,
                    std::vector<int>& touched) const;
    bool contains(int term, int doc) const;

private:
    struct Posting {
        int doc;
        float tf; // weighted, length-normalised term frequency summed over fields
    };
    std::unordered_map<std::string, int> m_ids;
    std::vector<std::string> m_terms;
    std::vector<std::vector<Posting>> m_postings; // by term, sorted by doc
    int m_documents = 0;
    double m_k1 = 1.2;
};

} // namespace merch::search
