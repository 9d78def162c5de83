#include "merch/ranking_policy.h"

namespace merch {

namespace {

class RankingPolicy final : public ListPolicy {
public:
    explicit RankingPolicy(std::shared_ptr<const PersonalizedRanker> ranker)
        : m_ranker(std::move(ranker)) {}
    std::string name() const override { return "personalized ranking"; }
    void order(const ListContext& context, std::vector<int>& candidates) const override {
        m_ranker->rank(context.recentProducts, candidates);
    }

private:
    std::shared_ptr<const PersonalizedRanker> m_ranker;
};

} // namespace

std::unique_ptr<ListPolicy> makeRankingPolicy(std::shared_ptr<const PersonalizedRanker> ranker) {
    return std::make_unique<RankingPolicy>(std::move(ranker));
}

} // namespace merch
