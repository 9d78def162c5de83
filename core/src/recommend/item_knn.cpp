#include "recommend/item_knn.h"

#include <algorithm>
#include <cmath>

#include "recommend/popularity.h"
#include "recommend/scored_items.h"

namespace merch::recommend {

namespace {

constexpr std::size_t kNeighboursKept = 200;

struct Neighbour {
    int item;
    float similarity;
    float together; // sessions in which both appeared near each other (undecayed)
};

class ItemKnn final : public Recommender {
public:
    explicit ItemKnn(const RecommenderParams& params)
        : m_params(params) {}
    std::string name() const override { return "item_knn"; }
    std::string description() const override {
        return "Items viewed near each other in the same sessions (within " +
               std::to_string(m_params.itemKnnWindow) +
               " clicks), recent sessions weighing more, rare pairs shrunk toward zero.";
    }

    Status train(const SessionData& data, const RunControl& control) override {
        const int n = data.itemCount();
        const auto& sessions = data.sessions();
        const std::int64_t end = sessions.empty() ? 0 : sessions.back().end;
        const double halfLife = m_params.itemKnnHalfLifeDays * 86400.0;
        // Occurrences of each item, (session, position), flattened by item (CSR layout).
        std::vector<double> weight(sessions.size(), 1.0);
        std::vector<double> itemWeight(std::size_t(n), 0.0);
        std::vector<std::size_t> offsets(std::size_t(n) + 1, 0);
        for (std::size_t s = 0; s < sessions.size(); ++s) {
            if (halfLife > 0)
                weight[s] = std::exp2(-double(end - sessions[s].end) / halfLife);
            for (int item : sessions[s].items) {
                ++offsets[std::size_t(item) + 1];
                itemWeight[std::size_t(item)] += weight[s];
            }
        }
        for (std::size_t i = 1; i < offsets.size(); ++i)
            offsets[i] += offsets[i - 1];
        std::vector<std::pair<int, int>> flat(offsets.back());
        {
            std::vector<std::size_t> fill(offsets.begin(), offsets.end() - 1);
            for (std::size_t s = 0; s < sessions.size(); ++s) {
                for (std::size_t p = 0; p < sessions[s].items.size(); ++p)
                    flat[fill[std::size_t(sessions[s].items[p])]++] = {int(s), int(p)};
            }
        }
        // Sessions' items flattened too, so the inner loop reads contiguous memory.
        std::vector<std::size_t> sessionStart(sessions.size() + 1, 0);
        for (std::size_t s = 0; s < sessions.size(); ++s)
            sessionStart[s + 1] = sessionStart[s] + sessions[s].items.size();
        std::vector<int> sessionItems;
        sessionItems.reserve(sessionStart.back());
        for (const auto& session : sessions)
            sessionItems.insert(sessionItems.end(), session.items.begin(), session.items.end());

        m_neighbours.assign(std::size_t(n), {});
        struct Accumulator {
            float co = 0;       // decayed co-occurrence weight
            float together = 0; // sessions with both items near each other
        };
        std::vector<Accumulator> acc(static_cast<std::size_t>(n));
        std::vector<int> touched;
        const int window = m_params.itemKnnWindow;
        for (int i = 0; i < n; ++i) {
            if ((i & 1023) == 0 && !control.report(double(i) / std::max(1, n), "item-kNN"))
                return Status::cancelled();
            touched.clear();
            int lastSession = -1;
            for (std::size_t o = offsets[std::size_t(i)]; o < offsets[std::size_t(i) + 1]; ++o) {
                const auto [s, p] = flat[o];
                const int* items = sessionItems.data() + sessionStart[std::size_t(s)];
                const int length =
                    int(sessionStart[std::size_t(s) + 1] - sessionStart[std::size_t(s)]);
                const int lo = std::max(0, p - window);
                const int hi = std::min(length - 1, p + window);
                const float w = float(weight[std::size_t(s)]);
                const float first = s != lastSession ? 1.0f : 0.0f;
                for (int q = lo; q <= hi; ++q) {
                    const int j = items[q];
                    if (j == i)
                        continue;
                    Accumulator& a = acc[std::size_t(j)];
                    if (a.co == 0.0f)
                        touched.push_back(j);
                    a.co += w;
                    a.together += first;
                }
                lastSession = s;
            }
            auto& list = m_neighbours[std::size_t(i)];
            // Items with many neighbours (the best-sellers) drop pairs seen in one session only:
            // shrinkage makes their similarity negligible, and skipping them saves most of the
            // work on a long-tailed catalog.
            const float minimumTogether = touched.size() > 4 * kNeighboursKept ? 2.0f : 1.0f;
            list.reserve(std::min(touched.size(), 4 * kNeighboursKept));
            for (int j : touched) {
                Accumulator& a = acc[std::size_t(j)];
                if (a.together >= minimumTogether) {
                    const double norm =
                        std::sqrt(itemWeight[std::size_t(i)] * itemWeight[std::size_t(j)]);
                    list.push_back(
                        {j, float(double(a.co) / (norm + m_params.itemKnnShrinkage)), a.together});
                }
                a = Accumulator{};
            }
            const auto better = [](const Neighbour& a, const Neighbour& b) {
                return a.similarity != b.similarity ? a.similarity > b.similarity : a.item < b.item;
            };
            if (list.size() > kNeighboursKept) {
                std::nth_element(list.begin(), list.begin() + kNeighboursKept, list.end(), better);
                list.resize(kNeighboursKept);
                list.shrink_to_fit(); // popular items touch thousands; keep only the top
            }
            std::sort(list.begin(), list.end(), better);
        }
        return Status::ok();
    }

    void recommend(std::span<const int> session, int count,
                   std::vector<ScoredItem>& out) const override {
        out.clear();
        if (session.empty())
            return;
        // The last item counts most; the two before it add a little context.
        std::vector<std::pair<int, double>> touched;
        double w = 1.0;
        for (std::size_t k = 0; k < 3 && k < session.size(); ++k, w *= 0.3) {
            const int item = session[session.size() - 1 - k];
            if (item < 0 || item >= int(m_neighbours.size()))
                continue;
            for (const auto& nb : m_neighbours[std::size_t(item)])
                touched.push_back({nb.item, w * nb.similarity});
        }
        // Sum the contributions per item (at most a few hundred pairs: sorting beats a map).
        std::sort(touched.begin(), touched.end());
        for (std::size_t k = 0; k < touched.size();) {
            const int item = touched[k].first;
            double sum = 0;
            for (; k < touched.size() && touched[k].first == item; ++k)
                sum += touched[k].second;
            out.push_back({item, sum});
        }
        keepBest(out, std::size_t(count));
    }

    std::string explain(std::span<const int> session, int item) const override {
        for (auto it = session.rbegin(); it != session.rend(); ++it) {
            if (*it < 0 || *it >= int(m_neighbours.size()))
                continue;
            for (const auto& nb : m_neighbours[std::size_t(*it)]) {
                if (nb.item == item)
                    return "viewed together with item " + std::to_string(*it) + " in " +
                           std::to_string(int(nb.together)) + " sessions";
            }
        }
        return "no co-occurrence with this session";
    }

    // For explanations with names: the source item and the session count, or {-1, 0}.
    const std::vector<std::vector<Neighbour>>& neighbours() const { return m_neighbours; }

private:
    RecommenderParams m_params;
    std::vector<std::vector<Neighbour>> m_neighbours;
};

} // namespace

std::unique_ptr<Recommender> makeItemKnn(const RecommenderParams& params) {
    return std::make_unique<ItemKnn>(params);
}

} // namespace merch::recommend
