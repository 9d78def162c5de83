#include "world/calibration_affinity.h"

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "util/rng.h"

namespace merch::world {

namespace {

constexpr std::size_t kMaxSessionItems = 30;
constexpr int kRounds = 12;

} // namespace

CoViewEmbedding coViewEmbedding(const LogMeasures& m, int itemCount, int dimensions, int minCoViews,
                                std::uint64_t seed) {
    CoViewEmbedding out;
    out.dimensions = dimensions;
    out.vectors.assign(std::size_t(itemCount), {});
    if (itemCount < 2 || dimensions < 1)
        return out;

    // Co-view counts of distinct products in a session.
    std::unordered_map<std::uint64_t, double> pairs;
    std::vector<double> degree(std::size_t(itemCount), 0.0);
    std::vector<int> items;
    for (std::size_t s = 0; s + 1 < m.viewOffsets.size(); ++s) {
        items.clear();
        for (std::int64_t k = m.viewOffsets[s]; k < m.viewOffsets[s + 1]; ++k) {
            const int item = m.viewItems[std::size_t(k)];
            if (std::find(items.begin(), items.end(), item) == items.end())
                items.push_back(item);
            if (items.size() >= kMaxSessionItems)
                break;
        }
        for (std::size_t a = 0; a < items.size(); ++a) {
            for (std::size_t b = a + 1; b < items.size(); ++b) {
                const auto lo = std::uint64_t(std::min(items[a], items[b]));
                const auto hi = std::uint64_t(std::max(items[a], items[b]));
                pairs[lo << 32 | hi] += 1.0;
                degree[std::size_t(items[a])] += 1.0;
                degree[std::size_t(items[b])] += 1.0;
            }
        }
    }
    out.pairs = std::int64_t(pairs.size());
    double total = 0;
    for (double d : degree)
        total += d;
    if (total <= 0)
        return out;

    std::vector<Eigen::Triplet<double>> triplets;
    triplets.reserve(pairs.size() * 2);
    for (const auto& [key, count] : pairs) {
        const int a = int(key >> 32), b = int(key & 0xFFFFFFFFULL);
        const double pmi =
            std::log(count * total / (degree[std::size_t(a)] * degree[std::size_t(b)]));
        if (pmi <= 0)
            continue;
        triplets.emplace_back(a, b, pmi);
        triplets.emplace_back(b, a, pmi);
    }
    Eigen::SparseMatrix<double> ppmi(itemCount, itemCount);
    ppmi.setFromTriplets(triplets.begin(), triplets.end());

    // Subspace iteration for the leading eigenvectors.
    Rng rng = Rng::derive(seed, 51);
    Eigen::MatrixXd basis(itemCount, dimensions);
    for (int i = 0; i < itemCount; ++i)
        for (int d = 0; d < dimensions; ++d)
            basis(i, d) = rng.normal();
    for (int round = 0; round < kRounds; ++round) {
        Eigen::MatrixXd next = ppmi * basis;
        Eigen::HouseholderQR<Eigen::MatrixXd> qr(next);
        basis = qr.householderQ() * Eigen::MatrixXd::Identity(itemCount, dimensions);
    }
    const Eigen::MatrixXd scaled = ppmi * basis; // rows weighted by the eigenvalues
    for (int i = 0; i < itemCount; ++i) {
        if (degree[std::size_t(i)] < minCoViews)
            continue;
        const double norm = scaled.row(i).norm();
        if (!(norm > 0))
            continue;
        std::vector<float> v(static_cast<std::size_t>(dimensions));
        for (int d = 0; d < dimensions; ++d)
            v[std::size_t(d)] = float(scaled(i, d) / norm);
        out.vectors[std::size_t(i)] = std::move(v);
        ++out.embedded;
    }
    return out;
}

} // namespace merch::world
