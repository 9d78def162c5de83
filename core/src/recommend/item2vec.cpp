#include "recommend/item2vec.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "recommend/content.h"
#include "recommend/scored_items.h"

namespace merch::recommend {

namespace {

// splitmix64: small, fast and the same on every platform (std distributions are not).
struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
};

// The distinct words of a product's catalog row.
std::vector<std::string> distinctWords(const Product& p) {
    std::vector<std::string> out = productWords(p);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void normaliseColumns(Eigen::MatrixXf& m) {
    for (Eigen::Index c = 0; c < m.cols(); ++c) {
        const float norm = m.col(c).norm();
        if (norm > 1e-12f)
            m.col(c) /= norm;
        else
            m.col(c).setZero();
    }
}

// The `count` items whose columns of `vectors` are closest to `query` (dot product), without
// `skip` and without zero columns.
void nearestColumns(const Eigen::MatrixXf& vectors, const Eigen::VectorXf& query, int count,
                    std::span<const int> skip, std::vector<ScoredItem>& out) {
    out.clear();
    if (vectors.cols() == 0 || query.squaredNorm() < 1e-12f)
        return;
    const Eigen::VectorXf scores = vectors.transpose() * query;
    out.reserve(std::size_t(scores.size()));
    for (Eigen::Index i = 0; i < scores.size(); ++i) {
        if (scores[i] != 0.0f && std::find(skip.begin(), skip.end(), int(i)) == skip.end())
            out.push_back({int(i), double(scores[i])});
    }
    keepBest(out, std::size_t(count));
}

} // namespace

Status trainItem2Vec(const SessionData& data, const Item2VecParams& params,
                     const RunControl& control, Eigen::MatrixXf& vectors) {
    const int n = data.itemCount();
    const int d = params.dimensions;
    std::vector<double> count(std::size_t(n), 0.0);
    std::int64_t positions = 0;
    for (const auto& s : data.sessions()) {
        if (s.items.size() < 2)
            continue;
        positions += std::int64_t(s.items.size());
        for (int item : s.items)
            count[std::size_t(item)] += 1.0;
    }
    // Negative samples drawn from counts^0.75 (word2vec's table).
    const std::size_t tableSize =
        std::size_t(std::clamp<std::int64_t>(positions * 4, 1024, 4000000));
    std::vector<int> table(tableSize, 0);
    {
        double total = 0;
        for (double c : count)
            total += std::pow(c, 0.75);
        double cumulative = 0;
        int item = 0;
        for (std::size_t t = 0; t < tableSize && total > 0; ++t) {
            while (item < n - 1 && (cumulative + std::pow(count[std::size_t(item)], 0.75)) / total <
                                       double(t) / double(tableSize))
                cumulative += std::pow(count[std::size_t(item++)], 0.75);
            table[t] = item;
        }
    }
    Rng rng{params.seed};
    Eigen::MatrixXf input(d, n), output = Eigen::MatrixXf::Zero(d, n);
    for (Eigen::Index c = 0; c < input.cols(); ++c)
        for (Eigen::Index r = 0; r < d; ++r)
            input(r, c) = float((rng.uniform() - 0.5) / d);
    std::vector<float> gradient(static_cast<std::size_t>(d));
    const double totalSteps = double(std::max<std::int64_t>(1, positions)) * params.epochs;
    double step = 0;
    for (int epoch = 0; epoch < params.epochs; ++epoch) {
        std::size_t done = 0;
        for (const auto& s : data.sessions()) {
            if ((++done & 4095) == 0 &&
                !control.report((epoch + double(done) / double(data.sessions().size())) /
                                    params.epochs,
                                "item2vec"))
                return Status::cancelled();
            const int length = int(s.items.size());
            if (length < 2)
                continue;
            for (int p = 0; p < length; ++p, step += 1) {
                const float rate =
                    float(params.learningRate * std::max(1e-4, 1.0 - step / totalSteps));
                float* h = input.col(s.items[std::size_t(p)]).data();
                const int lo = std::max(0, p - params.window);
                const int hi = std::min(length - 1, p + params.window);
                for (int q = lo; q <= hi; ++q) {
                    if (q == p)
                        continue;
                    std::fill(gradient.begin(), gradient.end(), 0.0f);
                    for (int k = 0; k <= params.negatives; ++k) {
                        const int target =
                            k == 0 ? s.items[std::size_t(q)] : table[rng.next() % tableSize];
                        if (k > 0 && target == s.items[std::size_t(q)])
                            continue;
                        float* o = output.col(target).data();
                        float dot = 0;
                        for (int r = 0; r < d; ++r)
                            dot += h[r] * o[r];
                        const float f = dot > 6    ? 1.0f
                                        : dot < -6 ? 0.0f
                                                   : 1.0f / (1.0f + std::exp(-dot));
                        const float g = ((k == 0 ? 1.0f : 0.0f) - f) * rate;
                        for (int r = 0; r < d; ++r) {
                            gradient[std::size_t(r)] += g * o[r];
                            o[r] += g * h[r];
                        }
                    }
                    for (int r = 0; r < d; ++r)
                        h[r] += gradient[std::size_t(r)];
                }
            }
        }
    }
    for (int i = 0; i < n; ++i)
        if (count[std::size_t(i)] == 0)
            input.col(i).setZero();
    normaliseColumns(input);
    vectors = std::move(input);
    return Status::ok();
}

Eigen::MatrixXf textEmbeddings(const SessionData& data, const std::vector<Product>& catalog,
                               const Eigen::MatrixXf& itemVectors,
                               const std::vector<int>& interactions, int minInteractions) {
    std::unordered_map<std::string, const Product*> byId;
    for (const auto& p : catalog)
        byId.emplace(p.id, &p);
    const int n = data.itemCount();
    std::unordered_map<std::string, int> vocabulary;
    std::vector<std::vector<int>> wordsOf(static_cast<std::size_t>(n));
    std::vector<double> documents;
    for (int i = 0; i < n; ++i) {
        const auto found = byId.find(data.itemId(i));
        if (found == byId.end())
            continue;
        for (const auto& w : distinctWords(*found->second)) {
            const int id = vocabulary.try_emplace(w, int(vocabulary.size())).first->second;
            if (std::size_t(id) >= documents.size())
                documents.push_back(0);
            documents[std::size_t(id)] += 1;
            wordsOf[std::size_t(i)].push_back(id);
        }
    }
    const Eigen::Index d = itemVectors.rows();
    std::vector<double> idf(documents.size());
    for (std::size_t w = 0; w < documents.size(); ++w)
        idf[w] = std::log(double(n + 1) / (documents[w] + 1));
    // Word vectors: the mean of the warm items' vectors holding the word.
    Eigen::MatrixXf wordVectors = Eigen::MatrixXf::Zero(d, Eigen::Index(documents.size()));
    for (int i = 0; i < n; ++i) {
        if (interactions[std::size_t(i)] < minInteractions ||
            itemVectors.col(i).squaredNorm() < 1e-12f)
            continue;
        for (int w : wordsOf[std::size_t(i)])
            wordVectors.col(w) += itemVectors.col(i);
    }
    normaliseColumns(wordVectors);
    Eigen::MatrixXf text = Eigen::MatrixXf::Zero(d, n);
    for (int i = 0; i < n; ++i)
        for (int w : wordsOf[std::size_t(i)])
            text.col(i) += float(idf[std::size_t(w)]) * wordVectors.col(w);
    normaliseColumns(text);
    return text;
}

namespace {

class Item2Vec final : public Recommender {
public:
    explicit Item2Vec(const RecommenderParams& params)
        : m_params(params) {}
    std::string name() const override { return "item2vec"; }
    std::string description() const override {
        return "Item embeddings learned here from the sessions (item2vec: skip-gram with "
               "negative sampling over click sequences); products closest to the last clicks.";
    }
    Status train(const SessionData& data, const RunControl& control) override {
        Item2VecParams params;
        params.seed = m_params.seed;
        return trainItem2Vec(data, params, control, m_vectors);
    }
    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        nearestColumns(m_vectors, query(session), count, {}, out);
    }
    std::string explain(std::span<const int> session, int item) const override {
        int best = -1;
        float similarity = -2;
        for (int s : session) {
            if (s < 0 || s >= m_vectors.cols() || item < 0 || item >= m_vectors.cols())
                continue;
            const float c = m_vectors.col(s).dot(m_vectors.col(item));
            if (c > similarity) {
                similarity = c;
                best = s;
            }
        }
        if (best < 0)
            return "no embedding for this session";
        return "clicked in the same contexts as item " + std::to_string(best) + " (cosine " +
               std::to_string(int(std::lround(similarity * 100))) + "%)";
    }

private:
    Eigen::VectorXf query(std::span<const int> session) const {
        Eigen::VectorXf q = Eigen::VectorXf::Zero(m_vectors.rows());
        float w = 1.0f;
        for (std::size_t k = 0; k < 3 && k < session.size(); ++k, w *= 0.5f) {
            const int item = session[session.size() - 1 - k];
            if (item >= 0 && item < m_vectors.cols())
                q += w * m_vectors.col(item);
        }
        return q;
    }

    RecommenderParams m_params;
    Eigen::MatrixXf m_vectors;
};

class ContentEmbedding final : public Recommender {
public:
    ContentEmbedding(const RecommenderParams& params, const std::vector<Product>& catalog)
        : m_params(params)
        , m_catalog(catalog) {}
    std::string name() const override { return "content_emb"; }
    std::string description() const override {
        return "Products described alike, with word meanings learned here from what shoppers "
               "click together (each word the mean embedding of the products it describes).";
    }
    Status train(const SessionData& data, const RunControl& control) override {
        Item2VecParams params;
        params.seed = m_params.seed;
        Eigen::MatrixXf items;
        if (auto status = trainItem2Vec(data, params, control, items); !status)
            return status;
        std::vector<int> interactions(std::size_t(data.itemCount()), 0);
        for (const auto& s : data.sessions())
            for (int item : s.items)
                ++interactions[std::size_t(item)];
        m_text = textEmbeddings(data, m_catalog, items, interactions, 3);
        return Status::ok();
    }
    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        out.clear();
        if (session.empty() || session.back() < 0 || session.back() >= m_text.cols())
            return;
        const int skip[] = {session.back()};
        nearestColumns(m_text, m_text.col(session.back()), count, skip, out);
    }
    std::string explain(std::span<const int> session, int item) const override {
        if (session.empty() || session.back() < 0 || session.back() >= m_text.cols() || item < 0 ||
            item >= m_text.cols())
            return "similar description";
        const float c = m_text.col(session.back()).dot(m_text.col(item));
        return "described like item " + std::to_string(session.back()) +
               " (learned text embedding, cosine " + std::to_string(int(std::lround(c * 100))) +
               "%)";
    }

private:
    RecommenderParams m_params;
    const std::vector<Product>& m_catalog;
    Eigen::MatrixXf m_text;
};

} // namespace

std::unique_ptr<Recommender> makeItem2Vec(const RecommenderParams& params) {
    return std::make_unique<Item2Vec>(params);
}

std::unique_ptr<Recommender> makeContentEmbedding(const RecommenderParams& params,
                                                  const std::vector<Product>& catalog) {
    return std::make_unique<ContentEmbedding>(params, catalog);
}

} // namespace merch::recommend
