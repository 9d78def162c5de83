// Item embeddings learned here from the sessions (item2vec: Barkan & Koenigstein 2016, the
// skip-gram with negative sampling of word2vec, Mikolov et al. 2013, over session sequences),
// and text embeddings of products projected from them, for products with no history.
#pragma once

#include <Eigen/Dense>

#include <cstdint>
#include <vector>

#include "merch/product.h"
#include "merch/recommender.h"

namespace merch::recommend {

struct Item2VecParams {
    int dimensions = 32;         // 4..256
    int window = 3;              // context positions on each side; 1..20
    int negatives = 5;           // negative samples per pair; 1..50
    int epochs = 3;              // passes over the sessions; 1..100
    double learningRate = 0.025; // start, decaying linearly to 1e-4 of it
    std::uint64_t seed = 7;
};

// Unit-length vectors, one column per session item (zero for items never seen in a session
// of two or more items). Deterministic for a seed (single-threaded). Cancellable.
Status trainItem2Vec(const SessionData& data, const Item2VecParams& params,
                     const RunControl& control, Eigen::MatrixXf& vectors);

// Text embeddings: each catalog word's vector is the IDF-weighted mean of the item vectors of
// the products whose text holds it (products with at least `minInteractions` interactions);
// a product's text vector is the IDF-weighted mean of its words' vectors, unit length. Items
// without a catalog entry or known words get a zero column.
Eigen::MatrixXf textEmbeddings(const SessionData& data, const std::vector<Product>& catalog,
                               const Eigen::MatrixXf& itemVectors,
                               const std::vector<int>& interactions, int minInteractions);

// "item2vec": what comes next by embedding similarity to the last items of the session.
std::unique_ptr<Recommender> makeItem2Vec(const RecommenderParams& params);
// "content_emb": products whose text embedding is closest to the last item's.
std::unique_ptr<Recommender> makeContentEmbedding(const RecommenderParams& params,
                                                  const std::vector<Product>& catalog);

} // namespace merch::recommend
