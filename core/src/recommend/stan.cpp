#include "recommend/stan.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "recommend/scored_items.h"

namespace merch::recommend {

namespace {

class Stan final : public Recommender {
public:
    explicit Stan(const RecommenderParams& params)
        : m_params(params) {}
    std::string name() const override { return "stan"; }
    std::string description() const override {
        return "STAN (Garg et al. 2019): the " + std::to_string(m_params.sknnNeighbours) +
               " past sessions most like this one, recent clicks weighing most (lambda1 " +
               formatted(m_params.stanLambda1) + " clicks), recent sessions most (lambda2 " +
               formatted(m_params.stanLambda2Days) +
               " days), voting for items near the shared one (lambda3 " +
               formatted(m_params.stanLambda3) + " clicks).";
    }

    Status train(const SessionData& data, const RunControl& control) override {
        m_sessions.clear();
        m_ends.clear();
        m_distinct.clear();
        m_sessionsOf.assign(std::size_t(data.itemCount()), {});
        std::vector<std::size_t> order(data.sessions().size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return data.sessions()[a].end < data.sessions()[b].end;
        });
        std::vector<int> unique;
        for (std::size_t k = 0; k < order.size(); ++k) {
            if ((k & 8191) == 0 &&
                !control.report(double(k) / double(std::max<std::size_t>(1, order.size())), "STAN"))
                return Status::cancelled();
            const SessionRecord& record = data.sessions()[order[k]];
            m_sessions.push_back(record.items);
            m_ends.push_back(record.end);
            unique = record.items;
            std::sort(unique.begin(), unique.end());
            unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
            m_distinct.push_back(int(unique.size()));
            for (int item : unique)
                m_sessionsOf[std::size_t(item)].push_back(int(k));
        }
        m_reference = m_ends.empty() ? 0 : m_ends.back();
        return Status::ok();
    }

    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        out.clear();
        const auto weights = sessionWeights(session);
        std::unordered_map<int, double> scores;
        std::unordered_map<int, double> best; // item -> its largest w3 in this neighbour
        for (const auto& [s, similarity] : nearest(weights)) {
            const auto& items = m_sessions[std::size_t(s)];
            const int anchor = anchorPosition(weights, items);
            best.clear();
            for (int p = 0; p < int(items.size()); ++p) {
                const double w3 = std::exp(-std::abs(p - anchor) / m_params.stanLambda3);
                double& b = best[items[std::size_t(p)]];
                b = std::max(b, w3);
            }
            for (const auto& [item, w3] : best)
                scores[item] += similarity * w3;
        }
        out.reserve(scores.size());
        for (const auto& [item, score] : scores)
            out.push_back({item, score});
        keepBest(out, std::size_t(count));
    }

    std::string explain(std::span<const int> session, int item) const override {
        const auto weights = sessionWeights(session);
        int voters = 0, nearAnchor = 0, anchorItem = -1;
        for (const auto& [s, similarity] : nearest(weights)) {
            const auto& items = m_sessions[std::size_t(s)];
            const auto at = std::find(items.begin(), items.end(), item);
            if (at == items.end())
                continue;
            ++voters;
            const int anchor = anchorPosition(weights, items);
            if (anchor >= 0 && std::abs(int(at - items.begin()) - anchor) <= 2) {
                ++nearAnchor;
                anchorItem = items[std::size_t(anchor)];
            }
        }
        std::string why = "chosen in " + std::to_string(voters) + " of the " +
                          std::to_string(m_params.sknnNeighbours) + " most similar recent sessions";
        if (nearAnchor > 0 && anchorItem != item)
            why += ", within 2 clicks of item " + std::to_string(anchorItem) + " in " +
                   std::to_string(nearAnchor) + " of them";
        return why;
    }

private:
    struct Weighted {
        int item;
        double w1;
        int position; // in the current session, 0-based (most recent occurrence)
    };

    static std::string formatted(double value) {
        std::string text = std::to_string(value);
        text.erase(text.find_last_not_of('0') + 1);
        if (!text.empty() && text.back() == '.')
            text.pop_back();
        return text;
    }

    std::vector<Weighted> sessionWeights(std::span<const int> session) const {
        std::vector<Weighted> weights;
        const int length = int(session.size());
        for (int p = length - 1; p >= 0; --p) {
            const int item = session[std::size_t(p)];
            if (item < 0 || item >= int(m_sessionsOf.size()))
                continue;
            if (std::any_of(weights.begin(), weights.end(),
                            [&](const Weighted& w) { return w.item == item; }))
                continue; // a repeated item keeps its most recent position
            // Positions are 1-based in the paper: the last item has p = l and weighs 1.
            weights.push_back({item, std::exp(double(p + 1 - length) / m_params.stanLambda1), p});
        }
        return weights; // most recent first
    }

    // Position in `items` of r, the most recent item of the current session that `items` holds
    // (its last occurrence there); -1 when none.
    static int anchorPosition(const std::vector<Weighted>& weights, const std::vector<int>& items) {
        for (const Weighted& w : weights) { // most recent first
            for (int p = int(items.size()) - 1; p >= 0; --p)
                if (items[std::size_t(p)] == w.item)
                    return p;
        }
        return -1;
    }

    std::vector<std::pair<int, double>> nearest(const std::vector<Weighted>& weights) const {
        std::vector<int> candidates;
        for (const Weighted& w : weights) {
            const auto& list = m_sessionsOf[std::size_t(w.item)];
            const std::size_t take =
                std::min<std::size_t>(list.size(), std::size_t(m_params.sknnSampleSize));
            candidates.insert(candidates.end(), list.end() - std::ptrdiff_t(take), list.end());
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        if (int(candidates.size()) > m_params.sknnSampleSize)
            candidates.erase(candidates.begin(),
                             candidates.end() - std::ptrdiff_t(m_params.sknnSampleSize));
        const double lambda2 = m_params.stanLambda2Days * 86400.0;
        const double ownLength = double(weights.size());
        std::vector<std::pair<int, double>> similar;
        similar.reserve(candidates.size());
        for (int s : candidates) {
            const auto& items = m_sessions[std::size_t(s)];
            double dot = 0;
            for (const Weighted& w : weights)
                if (std::find(items.begin(), items.end(), w.item) != items.end())
                    dot += w.w1;
            if (dot <= 0)
                continue;
            const double cosine = dot / std::sqrt(ownLength * double(m_distinct[std::size_t(s)]));
            const double w2 = std::exp(-double(m_reference - m_ends[std::size_t(s)]) / lambda2);
            similar.push_back({s, cosine * w2});
        }
        keepNearestSessions(similar, std::size_t(m_params.sknnNeighbours));
        return similar;
    }

    RecommenderParams m_params;
    std::vector<std::vector<int>> m_sessions;   // by end time
    std::vector<std::int64_t> m_ends;           // each session's last interaction
    std::vector<int> m_distinct;                // distinct items per session
    std::vector<std::vector<int>> m_sessionsOf; // item -> sessions containing it, ascending
    std::int64_t m_reference = 0;               // t(s): the end of training
};

} // namespace

std::unique_ptr<Recommender> makeStan(const RecommenderParams& params) {
    return std::make_unique<Stan>(params);
}

} // namespace merch::recommend
