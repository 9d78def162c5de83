#include "recommend/content.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "recommend/scored_items.h"
#include "recommend/session_knn.h"

namespace merch::recommend {

namespace {

constexpr std::size_t kNeighbours = 50;
constexpr int kColdInteractions = 3; // items seen fewer times than this lean on content

class Content final : public Recommender {
public:
    explicit Content(const std::vector<Product>& catalog)
        : m_catalog(catalog) {}
    std::string name() const override { return "content"; }
    std::string description() const override {
        return "Products whose titles, categories, brands, colors, materials and tags read "
               "alike (TF-IDF cosine): works for products nobody has viewed yet.";
    }

    Status train(const SessionData& data, const RunControl& control) override {
        std::unordered_map<std::string, const Product*> byId;
        for (const auto& p : m_catalog)
            byId.emplace(p.id, &p);
        const int n = data.itemCount();
        // Sparse TF-IDF vectors, L2-normalised, and an inverted index term -> items.
        std::unordered_map<std::string, int> terms;
        std::vector<std::vector<std::pair<int, double>>> vectors(static_cast<std::size_t>(n));
        std::vector<double> documentFrequency;
        for (int i = 0; i < n; ++i) {
            const auto found = byId.find(data.itemId(i));
            if (found == byId.end())
                continue;
            std::unordered_map<int, double> counts;
            for (const auto& w : productWords(*found->second)) {
                const int term = terms.try_emplace(w, int(terms.size())).first->second;
                if (std::size_t(term) >= documentFrequency.size())
                    documentFrequency.push_back(0);
                counts[term] += 1;
            }
            for (const auto& [term, count] : counts) {
                documentFrequency[std::size_t(term)] += 1;
                vectors[std::size_t(i)].push_back({term, count});
            }
        }
        std::vector<std::vector<std::pair<int, double>>> postings(documentFrequency.size());
        for (int i = 0; i < n; ++i) {
            auto& v = vectors[std::size_t(i)];
            double norm = 0;
            for (auto& [term, weight] : v) {
                weight = (1 + std::log(weight)) *
                         std::log(double(n + 1) / (documentFrequency[std::size_t(term)] + 1));
                norm += weight * weight;
            }
            norm = std::sqrt(std::max(norm, 1e-12));
            for (auto& [term, weight] : v) {
                weight /= norm;
                postings[std::size_t(term)].push_back({i, weight});
            }
        }
        m_neighbours.assign(std::size_t(n), {});
        std::vector<double> score(std::size_t(n), 0.0);
        std::vector<int> touched;
        for (int i = 0; i < n; ++i) {
            if ((i & 1023) == 0 && !control.report(double(i) / std::max(1, n), "content"))
                return Status::cancelled();
            touched.clear();
            for (const auto& [term, weight] : vectors[std::size_t(i)]) {
                // Very common terms ("apparel") say little and cost most: skip them.
                if (postings[std::size_t(term)].size() > std::size_t(n) / 5 + 50)
                    continue;
                for (const auto& [j, w] : postings[std::size_t(term)]) {
                    if (j == i)
                        continue;
                    if (score[std::size_t(j)] == 0)
                        touched.push_back(j);
                    score[std::size_t(j)] += weight * w;
                }
            }
            auto& list = m_neighbours[std::size_t(i)];
            for (int j : touched) {
                list.push_back({j, score[std::size_t(j)]});
                score[std::size_t(j)] = 0;
            }
            keepBest(list, kNeighbours);
        }
        return Status::ok();
    }

    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        out.clear();
        if (session.empty() || session.back() < 0 || session.back() >= int(m_neighbours.size()))
            return;
        const auto& list = m_neighbours[std::size_t(session.back())];
        out.assign(list.begin(),
                   list.begin() + std::min<std::ptrdiff_t>(count, std::ptrdiff_t(list.size())));
    }

    std::string explain(std::span<const int> session, int item) const override {
        (void)item;
        return session.empty() ? "similar text"
                               : "described like item " + std::to_string(session.back());
    }

private:
    const std::vector<Product>& m_catalog;
    std::vector<std::vector<ScoredItem>> m_neighbours;
};

// Session kNN, with content filling in when the session's last item is cold.
class Hybrid final : public Recommender {
public:
    Hybrid(const RecommenderParams& params, const std::vector<Product>& catalog)
        : m_knn(makeSknnPlus(params))
        , m_content(std::make_unique<Content>(catalog)) {}
    std::string name() const override { return "hybrid"; }
    std::string description() const override {
        return "Our session kNN, falling back to content similarity for products with too "
               "little history (new or rarely viewed).";
    }
    Status train(const SessionData& data, const RunControl& control) override {
        m_interactions.assign(std::size_t(data.itemCount()), 0);
        for (const auto& s : data.sessions())
            for (int item : s.items)
                ++m_interactions[std::size_t(item)];
        if (auto status = m_knn->train(data, control); !status)
            return status;
        return m_content->train(data, control);
    }
    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        m_knn->recommend(session, count, out);
        const bool cold = !session.empty() && session.back() >= 0 &&
                          session.back() < int(m_interactions.size()) &&
                          m_interactions[std::size_t(session.back())] < kColdInteractions;
        if (!cold && int(out.size()) >= count)
            return;
        std::vector<ScoredItem> content;
        m_content->recommend(session, count, content);
        // Cold: content first; otherwise content only fills the list's empty places.
        std::vector<ScoredItem> merged = cold ? content : out;
        for (const auto& s : cold ? out : content) {
            if (int(merged.size()) >= count)
                break;
            if (std::none_of(merged.begin(), merged.end(),
                             [&](const ScoredItem& m) { return m.item == s.item; }))
                merged.push_back(s);
        }
        if (int(merged.size()) > count)
            merged.resize(std::size_t(count));
        out = std::move(merged);
    }
    std::string explain(std::span<const int> session, int item) const override {
        const bool cold = !session.empty() && session.back() >= 0 &&
                          session.back() < int(m_interactions.size()) &&
                          m_interactions[std::size_t(session.back())] < kColdInteractions;
        return cold ? m_content->explain(session, item) : m_knn->explain(session, item);
    }

private:
    std::unique_ptr<Recommender> m_knn;
    // TF-IDF content, not the learned text embedding: on the demo store the hybrid measured
    // HR@20 0.5989 / MRR@20 0.2441 with it and 0.5980 / 0.2435 with content_emb.
    std::unique_ptr<Content> m_content;
    std::vector<int> m_interactions;
};

} // namespace

std::vector<std::string> productWords(const Product& p) {
    std::vector<std::string> out;
    std::string word;
    const std::string text = p.title + " " + p.category + " " + p.subcategory + " " + p.brand +
                             " " + p.color + " " + p.material + " " + p.tags;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += char(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            out.push_back(std::move(word));
            word.clear();
        }
    }
    return out;
}

std::unique_ptr<Recommender> makeContent(const RecommenderParams&,
                                         const std::vector<Product>& catalog) {
    return std::make_unique<Content>(catalog);
}

std::unique_ptr<Recommender> makeHybrid(const RecommenderParams& params,
                                        const std::vector<Product>& catalog) {
    return std::make_unique<Hybrid>(params, catalog);
}

} // namespace merch::recommend
