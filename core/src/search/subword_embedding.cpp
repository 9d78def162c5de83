#include "search/subword_embedding.h"

#include <Eigen/Sparse>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

#include "search/text_analysis.h"

namespace merch::search {

std::vector<std::pair<int, float>>
SubwordEmbedding::weights(const std::vector<std::string>& words) const {
    std::unordered_map<int, float> counts;
    std::vector<std::string> grams;
    for (const auto& w : words) {
        grams.clear();
        characterNgrams(w, m_minN, m_maxN, grams);
        for (const auto& g : grams) {
            const auto it = m_ngrams.find(g);
            if (it != m_ngrams.end())
                counts[it->second] += 1.0f;
        }
    }
    std::vector<std::pair<int, float>> out;
    out.reserve(counts.size());
    double norm = 0;
    for (const auto& [id, count] : counts) {
        const float w = (1.0f + std::log(count)) * m_idf[std::size_t(id)];
        out.emplace_back(id, w);
        norm += double(w) * double(w);
    }
    std::sort(out.begin(), out.end());
    if (norm > 0)
        for (auto& [id, w] : out)
            w = float(double(w) / std::sqrt(norm));
    return out;
}

namespace {

constexpr Eigen::Index kMaxSvdRows = 20000; // products the n-gram vectors are fitted on

// Orthonormal columns spanning y's, by Cholesky QR done twice (CholQR2: Fukaya et al. 2014),
// which runs as matrix products and is far faster than Householder QR on tall matrices.
void orthonormalize(Eigen::MatrixXf& y) {
    for (int pass = 0; pass < 2; ++pass) {
        Eigen::MatrixXd gram = (y.transpose() * y).cast<double>();
        const double shift = 1e-10 * std::max(gram.diagonal().maxCoeff(), 1e-30);
        gram.diagonal().array() += shift;
        const Eigen::LLT<Eigen::MatrixXd> llt(gram);
        const Eigen::MatrixXd upper = llt.matrixU();
        // y := y * R^-1
        const Eigen::MatrixXf inverse =
            upper.triangularView<Eigen::Upper>()
                .solve(Eigen::MatrixXd::Identity(gram.rows(), gram.cols()))
                .cast<float>();
        y = y * inverse;
    }
}

} // namespace

Status SubwordEmbedding::train(const std::vector<std::vector<std::string>>& documents, int minN,
                               int maxN, int dimensions, const RunControl& control) {
    m_minN = minN;
    m_maxN = maxN;
    m_ngrams.clear();
    // Vocabulary and document frequencies of the n-grams.
    std::vector<int> df;
    std::vector<std::string> grams;
    for (const auto& doc : documents) {
        std::vector<int> seen;
        for (const auto& w : doc) {
            grams.clear();
            characterNgrams(w, minN, maxN, grams);
            for (const auto& g : grams) {
                auto [it, added] = m_ngrams.try_emplace(g, int(m_ngrams.size()));
                if (added)
                    df.push_back(0);
                seen.push_back(it->second);
            }
        }
        std::sort(seen.begin(), seen.end());
        seen.erase(std::unique(seen.begin(), seen.end()), seen.end());
        for (int id : seen)
            ++df[std::size_t(id)];
    }
    const double n = double(documents.size());
    m_idf.resize(df.size());
    for (std::size_t i = 0; i < df.size(); ++i)
        m_idf[i] = float(std::log((n + 1.0) / (double(df[i]) + 1.0)) + 1.0);
    if (!control.report(0.2, "embedding vocabulary"))
        return Status::cancelled();

    // The product x n-gram matrix.
    const Eigen::Index rows = Eigen::Index(documents.size());
    const Eigen::Index cols = Eigen::Index(m_ngrams.size());
    std::vector<Eigen::Triplet<float>> triplets;
    for (Eigen::Index r = 0; r < rows; ++r)
        for (const auto& [id, w] : weights(documents[std::size_t(r)]))
            triplets.emplace_back(r, id, w);
    Eigen::SparseMatrix<float, Eigen::RowMajor> all(rows, cols);
    all.setFromTriplets(triplets.begin(), triplets.end());
    // A large catalog fits the n-gram vectors on a random sample of its products (the others are
    // folded in afterwards, as LSA does with new documents): the SVD's cost grows with the rows.
    std::mt19937_64 rng(control.seed);
    Eigen::SparseMatrix<float, Eigen::RowMajor> a;
    if (rows > kMaxSvdRows) {
        std::vector<Eigen::Index> order(static_cast<std::size_t>(rows));
        std::iota(order.begin(), order.end(), Eigen::Index(0));
        std::shuffle(order.begin(), order.end(), rng);
        order.resize(std::size_t(kMaxSvdRows));
        std::sort(order.begin(), order.end());
        std::vector<Eigen::Triplet<float>> sample;
        for (std::size_t r = 0; r < order.size(); ++r)
            for (Eigen::SparseMatrix<float, Eigen::RowMajor>::InnerIterator it(all, order[r]); it;
                 ++it)
                sample.emplace_back(Eigen::Index(r), it.col(), it.value());
        a.resize(kMaxSvdRows, cols);
        a.setFromTriplets(sample.begin(), sample.end());
    } else {
        a = all;
    }
    const Eigen::SparseMatrix<float> at = a.transpose();
    const Eigen::Index svdRows = a.rows();

    // Randomized range finder with two power iterations, then the small SVD.
    const Eigen::Index rank = std::min<Eigen::Index>({Eigen::Index(dimensions), svdRows, cols});
    const Eigen::Index l = std::min<Eigen::Index>({rank + 10, svdRows, cols});
    if (rank <= 0) {
        m_vectors.resize(cols, 0);
        m_products.resize(rows, 0);
        return Status::ok();
    }
    std::normal_distribution<float> normal;
    Eigen::MatrixXf omega(cols, l);
    for (Eigen::Index j = 0; j < l; ++j)
        for (Eigen::Index i = 0; i < cols; ++i)
            omega(i, j) = normal(rng);
    Eigen::MatrixXf y = a * omega;
    for (int iteration = 0; iteration < 2; ++iteration) {
        orthonormalize(y);
        Eigen::MatrixXf z = at * y;
        y = a * z;
        if (!control.report(0.3 + 0.2 * iteration, "embedding SVD"))
            return Status::cancelled();
    }
    orthonormalize(y);
    const Eigen::MatrixXf& q = y;
    const Eigen::MatrixXf bt = at * q;                                 // B^T, cols x l
    const Eigen::MatrixXd gram = (bt.transpose() * bt).cast<double>(); // B B^T, l x l
    Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eig(gram);
    // Eigenvalues ascend; keep the `rank` largest.
    Eigen::MatrixXf ub(l, rank);
    Eigen::VectorXf sigma(rank);
    for (Eigen::Index k = 0; k < rank; ++k) {
        const Eigen::Index src = l - 1 - k;
        ub.col(k) = eig.eigenvectors().col(src).cast<float>();
        sigma(k) = float(std::sqrt(std::max(eig.eigenvalues()(src), 0.0)));
    }
    Eigen::VectorXf inverse(rank);
    for (Eigen::Index k = 0; k < rank; ++k)
        inverse(k) = sigma(k) > 1e-6f ? 1.0f / sigma(k) : 0.0f;
    m_vectors = (bt * ub) * inverse.asDiagonal(); // V, cols x rank
    m_products = all * m_vectors;                 // U S, every product
    for (Eigen::Index r = 0; r < rows; ++r) {
        const float norm = m_products.row(r).norm();
        if (norm > 0)
            m_products.row(r) /= norm;
    }
    if (!control.report(1.0, "embedding"))
        return Status::cancelled();
    return Status::ok();
}

bool SubwordEmbedding::embed(const std::vector<std::string>& words, Eigen::VectorXf& out) const {
    out = Eigen::VectorXf::Zero(m_vectors.cols());
    const auto w = weights(words);
    if (w.empty() || m_vectors.cols() == 0)
        return false;
    for (const auto& [id, value] : w)
        out += value * m_vectors.row(id).transpose();
    const float norm = out.norm();
    if (norm <= 0)
        return false;
    out /= norm;
    return true;
}

} // namespace merch::search
