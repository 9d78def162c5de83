#include "search/vector_index.h"

#include <algorithm>

#ifdef MERCH_HAVE_HNSWLIB
#include <hnswlib/hnswlib.h>
#endif

namespace merch::search {

#ifdef MERCH_HAVE_HNSWLIB
struct VectorIndex::Graph {
    explicit Graph(int dimensions)
        : space(std::size_t(dimensions)) {}
    hnswlib::InnerProductSpace space; // distance = 1 - dot product
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;
};
#else
struct VectorIndex::Graph {};
#endif

VectorIndex::VectorIndex() = default;
VectorIndex::~VectorIndex() = default;
VectorIndex::VectorIndex(VectorIndex&&) noexcept = default;
VectorIndex& VectorIndex::operator=(VectorIndex&&) noexcept = default;

void VectorIndex::build(const Eigen::MatrixXf& rows, const VectorIndexSettings& settings) {
    m_rows = &rows;
    m_graph.reset();
    m_efSearch = settings.efSearch;
#ifdef MERCH_HAVE_HNSWLIB
    if (settings.minProductsForGraph <= 0 || rows.rows() < settings.minProductsForGraph ||
        rows.cols() == 0)
        return;
    auto graph = std::make_unique<Graph>(int(rows.cols()));
    graph->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(
        &graph->space, std::size_t(rows.rows()), std::size_t(settings.m),
        std::size_t(settings.efConstruction), std::size_t(settings.seed));
    graph->hnsw->setEf(std::size_t(std::max(settings.efSearch, 1)));
    // Eigen's matrices are column-major: each product's vector is copied out contiguously
    // (hnswlib keeps its own copy).
    Eigen::VectorXf row(rows.cols());
    for (Eigen::Index r = 0; r < rows.rows(); ++r) {
        row = rows.row(r).transpose();
        graph->hnsw->addPoint(row.data(), hnswlib::labeltype(r));
    }
    m_graph = std::move(graph);
#else
    (void)settings;
#endif
}

bool VectorIndex::approximate() const {
    return m_graph != nullptr;
}

std::vector<std::pair<int, float>> VectorIndex::nearest(const Eigen::VectorXf& query, int k,
                                                        float minSimilarity, bool exact) const {
    std::vector<std::pair<int, float>> out;
    if (m_rows == nullptr || k <= 0 || m_rows->rows() == 0 || m_rows->cols() == 0)
        return out;
    const auto better = [](const std::pair<int, float>& a, const std::pair<int, float>& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    };
#ifdef MERCH_HAVE_HNSWLIB
    if (m_graph && !exact) {
        // The search list holds max(efSearch, k) candidates (efSearch is set once at build:
        // queries from several threads only read the graph).
        auto found = m_graph->hnsw->searchKnn(query.data(), std::size_t(k));
        out.reserve(found.size());
        while (!found.empty()) {
            const auto [distance, label] = found.top();
            found.pop();
            const float similarity = 1.0f - distance;
            if (similarity >= minSimilarity)
                out.emplace_back(int(label), similarity);
        }
        std::sort(out.begin(), out.end(), better);
        return out;
    }
#else
    (void)exact;
#endif
    const Eigen::VectorXf sims = (*m_rows) * query;
    for (Eigen::Index r = 0; r < sims.size(); ++r)
        if (sims(r) >= minSimilarity)
            out.emplace_back(int(r), sims(r));
    if (out.size() > std::size_t(k)) {
        std::nth_element(out.begin(), out.begin() + k, out.end(), better);
        out.resize(std::size_t(k));
    }
    std::sort(out.begin(), out.end(), better);
    return out;
}

} // namespace merch::search
