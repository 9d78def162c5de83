#include "recommend/session_knn.h"
#include "recommend/scored_items.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace merch::recommend {

namespace {

class SessionKnn final : public Recommender {
public:
    SessionKnn(const RecommenderParams& params, bool plus)
        : m_params(params)
        , m_plus(plus) {}
    std::string name() const override { return m_plus ? "sknn_plus" : "vsknn"; }
    std::string description() const override {
        return m_plus ? "Sessions like this one (rare shared items count more), voting for what "
                        "their shoppers did right after the shared items."
                      : "V-SKNN (Ludewig & Jannach 2018): the " +
                            std::to_string(m_params.sknnNeighbours) +
                            " past sessions most like this one, recent items weighing most, "
                            "vote for their items.";
    }

    Status train(const SessionData& data, const RunControl& control) override {
        m_sessions.clear();
        m_sessionsOf.assign(std::size_t(data.itemCount()), {});
        std::vector<double> count(std::size_t(data.itemCount()), 0.0);
        // Sessions ordered by end time, so "most recent" is "largest index".
        std::vector<std::size_t> order(data.sessions().size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return data.sessions()[a].end < data.sessions()[b].end;
        });
        for (std::size_t k = 0; k < order.size(); ++k) {
            if ((k & 8191) == 0 &&
                !control.report(double(k) / double(std::max<std::size_t>(1, order.size())),
                                "session kNN"))
                return Status::cancelled();
            const auto& items = data.sessions()[order[k]].items;
            m_sessions.push_back(items);
            std::vector<int> unique = items;
            std::sort(unique.begin(), unique.end());
            unique.erase(std::unique(unique.begin(), unique.end()), unique.end());
            for (int item : unique) {
                m_sessionsOf[std::size_t(item)].push_back(int(k));
                count[std::size_t(item)] += 1.0;
            }
        }
        m_idf.assign(count.size(), 1.0);
        const double total = double(std::max<std::size_t>(1, m_sessions.size()));
        for (std::size_t i = 0; i < count.size(); ++i)
            m_idf[i] = count[i] > 0 ? std::log(total / count[i]) : 0.0;
        return Status::ok();
    }

    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        out.clear();
        std::vector<std::pair<int, double>> neighbours = nearest(session);
        std::unordered_map<int, double> scores;
        for (const auto& [s, similarity] : neighbours) {
            const auto& items = m_sessions[std::size_t(s)];
            if (!m_plus) {
                for (int item : items)
                    scores[item] += similarity;
                continue;
            }
            // Distance-decayed votes from the last position shared with the current session.
            int anchor = -1;
            for (int p = int(items.size()) - 1; p >= 0 && anchor < 0; --p) {
                if (std::find(session.begin(), session.end(), items[std::size_t(p)]) !=
                    session.end())
                    anchor = p;
            }
            for (int p = 0; p < int(items.size()); ++p) {
                // The shared item itself gets a vote too: shoppers return to what they saw.
                const int distance = std::abs(p - anchor);
                const double decay = distance == 0 ? 0.1
                                     : p > anchor  ? 1.0 / distance
                                                   : 0.5 / distance;
                scores[items[std::size_t(p)]] += similarity * decay;
            }
        }
        for (const auto& [item, score] : scores)
            out.push_back({item, score});
        keepBest(out, std::size_t(count));
    }

    std::string explain(std::span<const int> session, int item) const override {
        int voters = 0;
        for (const auto& [s, similarity] : nearest(session)) {
            const auto& items = m_sessions[std::size_t(s)];
            voters += std::find(items.begin(), items.end(), item) != items.end() ? 1 : 0;
        }
        return "chosen in " + std::to_string(voters) + " of the " +
               std::to_string(m_params.sknnNeighbours) + " most similar past sessions";
    }

private:
    // Weight of each distinct item of the current session.
    std::vector<std::pair<int, double>> sessionWeights(std::span<const int> session) const {
        std::vector<std::pair<int, double>> weights;
        const double n = double(session.size());
        for (std::size_t p = 0; p < session.size(); ++p) {
            const int item = session[p];
            if (item < 0 || item >= int(m_sessionsOf.size()))
                continue;
            // Linear decay: the last item 1, the first 1/n.
            double w = double(p + 1) / n;
            if (m_plus)
                w *= m_idf[std::size_t(item)];
            auto found = std::find_if(weights.begin(), weights.end(),
                                      [&](const auto& e) { return e.first == item; });
            if (found == weights.end())
                weights.push_back({item, w});
            else
                found->second = std::max(found->second, w);
        }
        return weights;
    }

    std::vector<std::pair<int, double>> nearest(std::span<const int> session) const {
        const auto weights = sessionWeights(session);
        // Candidates: the most recent sessions containing any item of the current session.
        std::vector<int> candidates;
        for (const auto& [item, w] : weights) {
            const auto& list = m_sessionsOf[std::size_t(item)];
            const std::size_t take =
                std::min<std::size_t>(list.size(), std::size_t(m_params.sknnSampleSize));
            candidates.insert(candidates.end(), list.end() - std::ptrdiff_t(take), list.end());
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        if (int(candidates.size()) > m_params.sknnSampleSize)
            candidates.erase(candidates.begin(),
                             candidates.end() - std::ptrdiff_t(m_params.sknnSampleSize));
        std::vector<std::pair<int, double>> similar;
        for (int s : candidates) {
            const auto& items = m_sessions[std::size_t(s)];
            double similarity = 0;
            for (const auto& [item, w] : weights) {
                if (std::find(items.begin(), items.end(), item) != items.end())
                    similarity += w;
            }
            if (similarity > 0)
                similar.push_back({s, similarity});
        }
        keepNearestSessions(similar, std::size_t(m_params.sknnNeighbours));
        return similar;
    }

    RecommenderParams m_params;
    bool m_plus;
    std::vector<std::vector<int>> m_sessions;   // by end time
    std::vector<std::vector<int>> m_sessionsOf; // item -> sessions containing it, ascending
    std::vector<double> m_idf;
};

} // namespace

std::unique_ptr<Recommender> makeVsknn(const RecommenderParams& params) {
    return std::make_unique<SessionKnn>(params, false);
}
std::unique_ptr<Recommender> makeSknnPlus(const RecommenderParams& params) {
    return std::make_unique<SessionKnn>(params, true);
}

} // namespace merch::recommend
