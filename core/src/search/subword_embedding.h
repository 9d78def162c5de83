// Subword embeddings trained on the catalog: every word is broken into character n-grams
// (fastText's subword units), a text is the TF-IDF weighted bag of its n-grams, and a truncated
// SVD of the product x n-gram matrix (latent semantic analysis, by randomized SVD: Halko,
// Martinsson & Tropp 2011) gives each n-gram a dense vector. A text's embedding is the weighted
// sum of its n-gram vectors; products are compared by cosine, nearest neighbours by brute force.
#pragma once

#include <Eigen/Dense>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/run_control.h"
#include "merch/status.h"

namespace merch::search {

class SubwordEmbedding {
public:
    // `documents` are the word lists of the products (one per product).
    Status train(const std::vector<std::vector<std::string>>& documents, int minN, int maxN,
                 int dimensions, const RunControl& control);

    // The unit-length embedding of a text's words; false when none of its n-grams is known.
    bool embed(const std::vector<std::string>& words, Eigen::VectorXf& out) const;
    // Cosine of every product with a unit query vector.
    Eigen::VectorXf similarities(const Eigen::VectorXf& query) const { return m_products * query; }
    // Product x dimension, unit rows (zero for an empty product).
    const Eigen::MatrixXf& productVectors() const { return m_products; }
    int dimensions() const { return int(m_products.cols()); }
    int ngramCount() const { return int(m_ngrams.size()); }

private:
    // Sparse TF-IDF n-gram weights of a word list, L2-normalised.
    std::vector<std::pair<int, float>> weights(const std::vector<std::string>& words) const;

    int m_minN = 3, m_maxN = 5;
    std::unordered_map<std::string, int> m_ngrams;
    std::vector<float> m_idf;
    Eigen::MatrixXf m_vectors;  // n-gram x dimension
    Eigen::MatrixXf m_products; // product x dimension, unit rows (zero for an empty product)
};

} // namespace merch::search
