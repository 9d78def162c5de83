#include <Eigen/Dense>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "merch/ranking.h"
#include "merch/session_data.h"
#include "merch/shopper_world.h"
#include "recommend/item2vec.h"

namespace merch {

namespace {

constexpr int kFeatures = 11; // rankingFeatureNames() without the intercept
constexpr int kPositionFeature = 7;
constexpr int kEmbeddingFeature = 8;
constexpr int kClickRateFeature = 9;
constexpr int kPriceFeature = 10;

std::uint64_t pairKey(int a, int b) {
    if (a > b)
        std::swap(a, b);
    return (std::uint64_t(std::uint32_t(a)) << 32) | std::uint32_t(b);
}

std::vector<std::uint64_t> tokenHashes(const Product& p) {
    std::vector<std::uint64_t> out;
    std::string word;
    const std::string text = p.title + " " + p.material + " " + p.color;
    for (char c : text + " ") {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += char(std::tolower(static_cast<unsigned char>(c)));
        } else if (!word.empty()) {
            out.push_back(std::hash<std::string>{}(word));
            word.clear();
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    if (a.empty() || b.empty())
        return 0;
    std::size_t i = 0, j = 0, common = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return double(common) / double(a.size() + b.size() - common);
}

} // namespace

struct PersonalizedRanker::Model {
    std::unordered_map<std::string, int> index;
    std::vector<int> brand, subcategory;
    std::vector<double> logPrice, popularity;
    std::vector<std::vector<std::uint64_t>> tokens;
    std::unordered_map<std::uint64_t, float> together; // co-occurrence counts within sessions
    std::vector<double> mean, scale;                   // feature standardisation
    Eigen::VectorXd weights;                           // kFeatures + intercept
    Eigen::MatrixXf embedding;       // item2vec vectors by catalog index (unit or zero columns)
    std::vector<double> clickRate;   // log((clicks + 5) / (expected clicks at its positions + 5))
    std::vector<double> priceVsPage; // log price minus its subcategory's mean log price

    // The visitor's taste as the decayed sum of the recent products' embeddings.
    Eigen::VectorXf taste(std::span<const int> recent) const {
        Eigen::VectorXf q = Eigen::VectorXf::Zero(embedding.rows());
        float w = 1.0f;
        for (auto it = recent.rbegin(); it != recent.rend(); ++it, w *= 0.8f)
            if (*it >= 0 && *it < embedding.cols())
                q += w * embedding.col(*it);
        const float norm = q.norm();
        return norm > 1e-12f ? Eigen::VectorXf(q / norm) : q;
    }

    double similarity(int a, int b) const {
        const auto found = together.find(pairKey(a, b));
        if (found == together.end())
            return 0;
        return found->second /
               (std::sqrt(popularity[std::size_t(a)] * popularity[std::size_t(b)]) + 10.0);
    }

    std::array<double, kFeatures> raw(std::span<const int> recent, int c, int position) const {
        return raw(recent, taste(recent), c, position);
    }

    std::array<double, kFeatures> raw(std::span<const int> recent, const Eigen::VectorXf& q, int c,
                                      int position) const {
        std::array<double, kFeatures> f{};
        const auto cs = std::size_t(c);
        f[0] = std::log1p(popularity[cs]);
        double w = 1.0, priceSum = 0;
        int sameBrand = 0, sameSub = 0;
        for (auto it = recent.rbegin(); it != recent.rend(); ++it, w *= 0.8) {
            const int r = *it;
            const auto rs = std::size_t(r);
            if (r == c)
                f[6] = 1.0;
            f[1] += w * similarity(r, c);
            sameBrand += brand[rs] >= 0 && brand[rs] == brand[cs] ? 1 : 0;
            sameSub += subcategory[rs] == subcategory[cs] ? 1 : 0;
            priceSum += logPrice[rs];
            f[5] = std::max(f[5], jaccard(tokens[rs], tokens[cs]));
        }
        if (!recent.empty()) {
            const double n = double(recent.size());
            f[2] = sameBrand / n;
            f[3] = sameSub / n;
            f[4] = -std::abs(logPrice[cs] - priceSum / n);
        }
        f[kPositionFeature] = std::log(double(std::max(1, position)));
        if (c < embedding.cols())
            f[kEmbeddingFeature] = double(q.dot(embedding.col(c)));
        f[kClickRateFeature] = clickRate[cs];
        f[kPriceFeature] = priceVsPage[cs];
        return f;
    }

    double score(std::span<const int> recent, int c) const {
        return score(recent, taste(recent), c);
    }

    double score(std::span<const int> recent, const Eigen::VectorXf& q, int c) const {
        const auto f = raw(recent, q, c, 1);
        double s = weights[kFeatures];
        for (int k = 0; k < kFeatures; ++k)
            s += weights[k] * (f[std::size_t(k)] - mean[std::size_t(k)]) / scale[std::size_t(k)];
        return s;
    }
};

std::vector<std::string> rankingFeatureNames() {
    return {"popularity",
            "co-viewed with recent",
            "brand affinity",
            "subcategory affinity",
            "price closeness",
            "text similarity",
            "viewed recently",
            "list position (training only)",
            "embedding similarity",
            "click rate for its positions",
            "price vs its subcategory"};
}

Status RankerParams::validate() const {
    if (recentActions < 1 || recentActions > 50)
        return Status::invalidArgument("recentActions must be between 1 and 50");
    if (!(l2 >= 0 && l2 <= 1e6))
        return Status::invalidArgument("l2 must be between 0 and 1000000");
    if (iterations < 1 || iterations > 100)
        return Status::invalidArgument("iterations must be between 1 and 100");
    if (maxImpressions < 1000 || maxImpressions > 100000000)
        return Status::invalidArgument("maxImpressions must be between 1000 and 100000000");
    return Status::ok();
}

PersonalizedRanker::PersonalizedRanker(std::unique_ptr<Model> model)
    : m_model(std::move(model)) {}
PersonalizedRanker::~PersonalizedRanker() = default;

int PersonalizedRanker::catalogIndex(const std::string& productId) const {
    const auto found = m_model->index.find(productId);
    return found == m_model->index.end() ? -1 : found->second;
}

double PersonalizedRanker::score(std::span<const int> recent, int candidate) const {
    return m_model->score(recent, candidate);
}

std::vector<double> PersonalizedRanker::features(std::span<const int> recent, int candidate) const {
    const auto f = m_model->raw(recent, candidate, 1);
    return {f.begin(), f.end()};
}

void PersonalizedRanker::rank(std::span<const int> recent, std::vector<int>& candidates) const {
    std::vector<std::pair<double, int>> scored;
    scored.reserve(candidates.size());
    const Eigen::VectorXf q = m_model->taste(recent);
    for (int c : candidates)
        scored.push_back({m_model->score(recent, q, c), c});
    std::stable_sort(scored.begin(), scored.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (std::size_t i = 0; i < candidates.size(); ++i)
        candidates[i] = scored[i].second;
}

Result<std::shared_ptr<const PersonalizedRanker>>
PersonalizedRanker::train(const std::vector<Product>& catalog, const std::vector<Event>& events,
                          const RankerParams& params, const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    auto model = std::make_unique<Model>();
    std::unordered_map<std::string, int> brands, subcategories;
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        const Product& p = catalog[i];
        model->index.emplace(p.id, int(i));
        model->brand.push_back(
            p.brand.empty() ? -1 : brands.try_emplace(p.brand, int(brands.size())).first->second);
        model->subcategory.push_back(
            subcategories.try_emplace(p.category + "/" + p.subcategory, int(subcategories.size()))
                .first->second);
        model->logPrice.push_back(std::log(std::max(0.01, p.price)));
        model->tokens.push_back(tokenHashes(p));
    }
    model->popularity.assign(catalog.size(), 0.0);

    // Sessions' interactions in time order (events arrive in time order from the workspace).
    std::unordered_map<std::string, std::vector<std::size_t>> bySession;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (!events[i].sessionId.empty())
            bySession[events[i].sessionId].push_back(i);
    }
    std::vector<std::string> keys;
    for (const auto& [key, list] : bySession)
        keys.push_back(key);
    std::sort(keys.begin(), keys.end());
    // Pass 1: popularity and co-occurrence (views and carts within 5 steps of each other).
    for (const auto& key : keys) {
        std::vector<int> seen;
        for (std::size_t i : bySession[key]) {
            const Event& e = events[i];
            if (e.type != EventType::View && e.type != EventType::AddToCart)
                continue;
            const auto found = model->index.find(e.productId);
            if (found == model->index.end())
                continue;
            model->popularity[std::size_t(found->second)] += 1.0;
            for (std::size_t k = seen.size() > 5 ? seen.size() - 5 : 0; k < seen.size(); ++k) {
                if (seen[k] != found->second)
                    model->together[pairKey(seen[k], found->second)] += 1.0f;
            }
            seen.push_back(found->second);
        }
    }
    if (!control.report(0.2, "ranking features"))
        return Status::cancelled();

    // Price against the subcategory's mean (the world's shoppers weigh a price by its peers').
    {
        std::vector<double> sum(subcategories.size(), 0.0), count(subcategories.size(), 0.0);
        for (std::size_t i = 0; i < catalog.size(); ++i) {
            sum[std::size_t(model->subcategory[i])] += model->logPrice[i];
            count[std::size_t(model->subcategory[i])] += 1;
        }
        for (std::size_t i = 0; i < catalog.size(); ++i) {
            const auto sub = std::size_t(model->subcategory[i]);
            model->priceVsPage.push_back(model->logPrice[i] - sum[sub] / count[sub]);
        }
    }
    // Item embeddings learned from the views and carts in sessions (item2vec), by catalog index.
    {
        std::vector<Event> interactions;
        for (const Event& e : events)
            if ((e.type == EventType::View || e.type == EventType::AddToCart) &&
                model->index.count(e.productId))
                interactions.push_back(e);
        const SessionData sessions = SessionData::fromEvents(interactions);
        recommend::Item2VecParams embeddingParams;
        embeddingParams.seed = control.seed;
        Eigen::MatrixXf vectors;
        if (auto status = recommend::trainItem2Vec(sessions, embeddingParams,
                                                   control.scaled(0.2, 0.35), vectors);
            !status)
            return status;
        model->embedding = Eigen::MatrixXf::Zero(vectors.rows(), Eigen::Index(catalog.size()));
        for (int i = 0; i < sessions.itemCount(); ++i)
            model->embedding.col(model->index.at(sessions.itemId(i))) = vectors.col(i);
    }
    // Clicks against what an average product would get at the same positions (position bias
    // taken out), smoothed: a product's appeal, not the old sort order learned back.
    constexpr double kClickPrior = 5.0;
    std::vector<double> positionRate, itemExpected, itemClicks;
    {
        std::vector<double> shownAt, clickedAt;       // by position
        std::vector<std::pair<int, int>> impressions; // (item, position)
        std::vector<double> clicks(catalog.size(), 0.0);
        for (const auto& key : keys) {
            std::unordered_map<std::string, std::size_t> shown;
            for (std::size_t i : bySession[key]) {
                const Event& e = events[i];
                const auto found = model->index.find(e.productId);
                if (found == model->index.end())
                    continue;
                const std::string slot = e.list + "|" + e.productId;
                if (e.type == EventType::ListView && e.list.rfind("category:", 0) == 0) {
                    const int position = std::clamp(e.position, 1, 500);
                    if (shownAt.size() <= std::size_t(position)) {
                        shownAt.resize(std::size_t(position) + 1, 0.0);
                        clickedAt.resize(std::size_t(position) + 1, 0.0);
                    }
                    shownAt[std::size_t(position)] += 1;
                    shown[slot] = impressions.size();
                    impressions.push_back({found->second, position});
                } else if (e.type == EventType::View) {
                    const auto impression = shown.find(slot);
                    if (impression != shown.end()) {
                        const auto [item, position] = impressions[impression->second];
                        clickedAt[std::size_t(position)] += 1;
                        clicks[std::size_t(item)] += 1;
                        shown.erase(impression);
                    }
                }
            }
        }
        positionRate.assign(shownAt.size(), 0.0);
        for (std::size_t p = 0; p < shownAt.size(); ++p)
            positionRate[p] = clickedAt[p] / std::max(1.0, shownAt[p]);
        itemExpected.assign(catalog.size(), 0.0);
        for (const auto& [item, position] : impressions)
            itemExpected[std::size_t(item)] += positionRate[std::size_t(position)];
        itemClicks = clicks;
        model->clickRate.resize(catalog.size());
        for (std::size_t i = 0; i < catalog.size(); ++i)
            model->clickRate[i] =
                std::log((clicks[i] + kClickPrior) / (itemExpected[i] + kClickPrior));
    }
    if (!control.report(0.4, "ranking features"))
        return Status::cancelled();

    // Pass 2: one row per category-page impression, labelled by a click on it in the session.
    std::vector<std::array<double, kFeatures>> rows;
    std::vector<double> labels;
    std::vector<std::pair<int, int>> rowImpression; // (item, position) of each row
    for (const auto& key : keys) {
        std::vector<int> recent;
        std::unordered_map<std::string, std::size_t> shown; // list|product -> row
        for (std::size_t i : bySession[key]) {
            const Event& e = events[i];
            const auto found = model->index.find(e.productId);
            if (found == model->index.end())
                continue;
            const std::string slot = e.list + "|" + e.productId;
            if (e.type == EventType::ListView && e.list.rfind("category:", 0) == 0) {
                const std::span<const int> window(
                    recent.data() + (recent.size() > std::size_t(params.recentActions)
                                         ? recent.size() - std::size_t(params.recentActions)
                                         : 0),
                    std::min(recent.size(), std::size_t(params.recentActions)));
                shown[slot] = rows.size();
                rows.push_back(model->raw(window, found->second, e.position));
                rowImpression.push_back({found->second, std::clamp(e.position, 1, 500)});
                labels.push_back(0.0);
            } else if (e.type == EventType::View || e.type == EventType::AddToCart) {
                if (e.type == EventType::View) {
                    const auto impression = shown.find(slot);
                    if (impression != shown.end())
                        labels[impression->second] = 1.0;
                }
                recent.push_back(found->second);
            }
        }
    }
    // Leave each row's own impression out of its click-rate feature, so the label does not leak.
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto [item, position] = rowImpression[r];
        const auto i = std::size_t(item);
        rows[r][kClickRateFeature] = std::log(
            (std::max(0.0, itemClicks[i] - labels[r]) + kClickPrior) /
            (std::max(0.0, itemExpected[i] - positionRate[std::size_t(position)]) + kClickPrior));
    }
    if (rows.empty())
        return Status::invalidArgument("no category-page impressions (list_view events on "
                                       "'category:' lists) to learn from");
    if (!control.report(0.6, "fitting the scorer"))
        return Status::cancelled();

    // Evenly thin the rows to maxImpressions, then standardise and fit by IRLS.
    const std::size_t n0 = rows.size();
    const std::size_t keep = std::min(n0, std::size_t(params.maxImpressions));
    const Eigen::Index n = Eigen::Index(keep);
    Eigen::MatrixXd x(n, kFeatures + 1);
    Eigen::VectorXd y(n);
    for (Eigen::Index r = 0; r < n; ++r) {
        const std::size_t source = std::size_t(double(r) * double(n0) / double(keep));
        for (int k = 0; k < kFeatures; ++k)
            x(r, k) = rows[source][std::size_t(k)];
        x(r, kFeatures) = 1.0;
        y(r) = labels[source];
    }
    model->mean.assign(kFeatures, 0.0);
    model->scale.assign(kFeatures, 1.0);
    for (int k = 0; k < kFeatures; ++k) {
        const double mean = x.col(k).mean();
        const double sd = std::sqrt((x.col(k).array() - mean).square().mean());
        model->mean[std::size_t(k)] = mean;
        model->scale[std::size_t(k)] = sd > 1e-12 ? sd : 1.0;
        x.col(k) = (x.col(k).array() - mean) / model->scale[std::size_t(k)];
    }
    Eigen::VectorXd w = Eigen::VectorXd::Zero(kFeatures + 1);
    Eigen::MatrixXd ridge = params.l2 * Eigen::MatrixXd::Identity(kFeatures + 1, kFeatures + 1);
    ridge(kFeatures, kFeatures) = 0; // the intercept is not shrunk
    for (int it = 0; it < params.iterations; ++it) {
        const Eigen::ArrayXd p = 1.0 / (1.0 + (-(x * w).array()).exp());
        const Eigen::ArrayXd weight = (p * (1.0 - p)).max(1e-9);
        const Eigen::MatrixXd hessian =
            x.transpose() * (x.array().colwise() * weight).matrix() + ridge;
        const Eigen::VectorXd gradient = x.transpose() * (y.array() - p).matrix() - ridge * w;
        w += hessian.ldlt().solve(gradient);
    }
    const Eigen::ArrayXd p = (1.0 / (1.0 + (-(x * w).array()).exp())).max(1e-12).min(1 - 1e-12);
    auto ranker = std::make_shared<PersonalizedRanker>(std::move(model));
    ranker->m_model->weights = w;
    ranker->m_summary.impressions = n;
    ranker->m_summary.clicks = std::int64_t(y.sum());
    ranker->m_summary.weights.assign(w.data(), w.data() + w.size());
    ranker->m_summary.trainLogLoss =
        -(y.array() * p.log() + (1.0 - y.array()) * (1.0 - p).log()).mean();
    control.report(1.0, "trained");
    return std::shared_ptr<const PersonalizedRanker>(std::move(ranker));
}

} // namespace merch
