#include "recommend/popularity.h"

#include <algorithm>
#include <unordered_map>

#include "recommend/scored_items.h"
#include "util/rng.h"

namespace merch::recommend {

void topItems(const std::vector<double>& scores, int count, std::vector<ScoredItem>& out) {
    out.clear();
    for (int i = 0; i < int(scores.size()); ++i) {
        if (scores[std::size_t(i)] > 0)
            out.push_back({i, scores[std::size_t(i)]});
    }
    keepBest(out, std::size_t(count));
}

namespace {

// Interactions per item over the last `days` days of the training data.
std::vector<double> recentPopularity(const SessionData& data, int days) {
    std::vector<double> counts(std::size_t(data.itemCount()), 0.0);
    if (data.sessions().empty())
        return counts;
    const std::int64_t end = data.sessions().back().end;
    const std::int64_t from = end - std::int64_t(days) * 86400;
    for (const auto& s : data.sessions()) {
        for (std::size_t i = 0; i < s.items.size(); ++i) {
            if (s.times[i] >= from)
                counts[std::size_t(s.items[i])] += 1.0;
        }
    }
    return counts;
}

class RandomRecommender final : public Recommender {
public:
    explicit RandomRecommender(std::uint64_t seed)
        : m_seed(seed) {}
    std::string name() const override { return "random"; }
    std::string description() const override {
        return "Random items from the catalog: the floor any model must clear.";
    }
    Status train(const SessionData& data, const RunControl&) override {
        m_items = data.itemCount();
        return Status::ok();
    }
    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        out.clear();
        if (m_items == 0)
            return;
        // Seeded by the session so the same prefix gets the same list.
        std::uint64_t seed = m_seed;
        for (int item : session)
            seed = seed * 1000003ULL + std::uint64_t(item);
        Rng rng(seed);
        for (int k = 0; k < count && k < m_items; ++k)
            out.push_back({rng.below(m_items), double(count - k)});
    }
    std::string explain(std::span<const int>, int) const override { return "picked at random"; }

private:
    std::uint64_t m_seed;
    int m_items = 0;
};

class BestSeller final : public Recommender {
public:
    explicit BestSeller(int days)
        : m_days(days) {}
    std::string name() const override { return "best_seller"; }
    std::string description() const override {
        return "The most viewed and bought items of the last " + std::to_string(m_days) +
               " days, the same for everyone: what most stores show today.";
    }
    Status train(const SessionData& data, const RunControl&) override {
        m_counts = recentPopularity(data, m_days);
        topItems(m_counts, 1000, m_top);
        return Status::ok();
    }
    void recommend(std::span<const int>, int count, std::vector<ScoredItem>& out) const override {
        out.assign(m_top.begin(),
                   m_top.begin() + std::min<std::ptrdiff_t>(count, std::ptrdiff_t(m_top.size())));
    }
    std::string explain(std::span<const int>, int item) const override {
        return "a best-seller: " + std::to_string(int(m_counts[std::size_t(item)])) +
               " interactions in the last " + std::to_string(m_days) + " days";
    }

private:
    int m_days;
    std::vector<double> m_counts;
    std::vector<ScoredItem> m_top;
};

// S-POP: items of the current session by how often the session touched them, then best-sellers.
class SessionPopularity final : public Recommender {
public:
    explicit SessionPopularity(int days)
        : m_days(days) {}
    std::string name() const override { return "spop"; }
    std::string description() const override {
        return "Items this session already touched, most touched first, then best-sellers.";
    }
    Status train(const SessionData& data, const RunControl&) override {
        m_counts = recentPopularity(data, m_days);
        double most = 1;
        for (double c : m_counts)
            most = std::max(most, c);
        m_norm = most;
        topItems(m_counts, 1000, m_top);
        return Status::ok();
    }
    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        std::unordered_map<int, double> inSession;
        for (int item : session)
            inSession[item] += 1.0;
        out.clear();
        for (const auto& [item, n] : inSession) {
            const double pop = item < int(m_counts.size()) ? m_counts[std::size_t(item)] : 0.0;
            out.push_back({item, n + pop / (m_norm + 1.0)});
        }
        for (const auto& top : m_top) {
            if (int(out.size()) >= count + int(inSession.size()))
                break;
            if (!inSession.count(top.item))
                out.push_back({top.item, top.score / (m_norm + 1.0)});
        }
        keepBest(out, std::size_t(count));
    }
    std::string explain(std::span<const int> session, int item) const override {
        const auto n = std::count(session.begin(), session.end(), item);
        return n > 0 ? "viewed " + std::to_string(n) + " times in this session"
                     : "a best-seller of the last " + std::to_string(m_days) + " days";
    }

private:
    int m_days;
    double m_norm = 1;
    std::vector<double> m_counts;
    std::vector<ScoredItem> m_top;
};

} // namespace

std::unique_ptr<Recommender> makeRandom(const RecommenderParams& params) {
    return std::make_unique<RandomRecommender>(params.seed);
}
std::unique_ptr<Recommender> makeBestSeller(const RecommenderParams& params) {
    return std::make_unique<BestSeller>(params.bestSellerDays);
}
std::unique_ptr<Recommender> makeSessionPopularity(const RecommenderParams& params) {
    return std::make_unique<SessionPopularity>(params.bestSellerDays);
}

} // namespace merch::recommend
