// Nearest neighbours of a unit query vector among the products' unit embeddings, by cosine:
// brute force (one matrix-vector product) below a size threshold, an HNSW graph above it
// (Malkov & Yashunin 2018, "Efficient and robust approximate nearest neighbor search using
// Hierarchical Navigable Small World graphs"; Debian's header-only hnswlib).
#pragma once

#include <Eigen/Dense>
#include <memory>
#include <utility>
#include <vector>

namespace merch::search {

struct VectorIndexSettings {
    int minProductsForGraph = 20000; // products; below: brute force; 0: always brute force
    int m = 32;                      // graph links per node
    int efConstruction = 100;        // candidate list while building
    int efSearch = 100;              // candidate list while searching (raised to k)
    unsigned seed = 100;             // level assignment
};

class VectorIndex {
public:
    VectorIndex();
    ~VectorIndex();
    VectorIndex(VectorIndex&&) noexcept;
    VectorIndex& operator=(VectorIndex&&) noexcept;

    // `rows` are the unit product vectors (kept by reference: it must outlive the index).
    // Builds the graph when there are at least settings.minProductsForGraph rows (and hnswlib
    // was found at build time).
    void build(const Eigen::MatrixXf& rows, const VectorIndexSettings& settings);

    // True when queries use the graph (approximate), false for brute force.
    bool approximate() const;

    // The at most k products of highest cosine with `query`, best first, each at least
    // minSimilarity. exact = true scans every product even when a graph exists.
    std::vector<std::pair<int, float>> nearest(const Eigen::VectorXf& query, int k,
                                               float minSimilarity, bool exact) const;

private:
    struct Graph;
    const Eigen::MatrixXf* m_rows = nullptr;
    std::unique_ptr<Graph> m_graph;
    int m_efSearch = 100;
};

} // namespace merch::search
