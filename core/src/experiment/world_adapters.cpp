#include <algorithm>
#include <mutex>
#include <unordered_map>

#include "merch/experiment_adapters.h"

namespace merch {

namespace {

class EngineSearchPolicy final : public SearchPolicy {
public:
    EngineSearchPolicy(std::shared_ptr<const SearchIndex> index, SearchMethod method, int shown)
        : m_index(std::move(index))
        , m_method(method)
        , m_shown(std::clamp(shown, 1, 1000)) {}
    std::string name() const override { return searchMethodName(m_method); }
    void search(const SearchContext& context, std::vector<int>& results) const override {
        const std::string query(context.query);
        {
            const std::lock_guard lock(m_mutex);
            if (const auto found = m_cache.find(query); found != m_cache.end()) {
                results = found->second;
                return;
            }
        }
        SearchQuery request;
        request.text = query;
        request.method = m_method;
        request.n = m_shown;
        if (auto response = m_index->search(request)) {
            for (const SearchHit& hit : response->hits)
                results.push_back(hit.product);
        }
        const std::lock_guard lock(m_mutex);
        m_cache.emplace(query, results);
    }

private:
    std::shared_ptr<const SearchIndex> m_index;
    SearchMethod m_method;
    int m_shown;
    mutable std::mutex m_mutex;
    mutable std::unordered_map<std::string, std::vector<int>> m_cache;
};

class RecommenderBlockPolicy final : public RecommendationPolicy {
public:
    RecommenderBlockPolicy(std::shared_ptr<const Recommender> model,
                           const std::vector<std::string>& itemIds,
                           const std::vector<std::string>& productIds,
                           std::shared_ptr<const RecommendationPolicy> fallback)
        : m_model(std::move(model))
        , m_fallback(std::move(fallback)) {
        std::unordered_map<std::string, int> product;
        for (std::size_t p = 0; p < productIds.size(); ++p)
            product.emplace(productIds[p], int(p));
        m_productOfItem.assign(itemIds.size(), -1);
        m_itemOfProduct.assign(productIds.size(), -1);
        for (std::size_t i = 0; i < itemIds.size(); ++i) {
            const auto found = product.find(itemIds[i]);
            if (found == product.end())
                continue;
            m_productOfItem[i] = found->second;
            m_itemOfProduct[std::size_t(found->second)] = int(i);
        }
    }
    std::string name() const override { return m_model->name(); }
    void recommend(const RecommendationContext& context, std::vector<int>& items) const override {
        std::vector<int> session;
        for (int product : context.recentProducts) {
            const int item = product >= 0 && product < int(m_itemOfProduct.size())
                                 ? m_itemOfProduct[std::size_t(product)]
                                 : -1;
            if (item >= 0)
                session.push_back(item);
        }
        const auto seen = [&](int product) {
            return product == context.product ||
                   std::find(context.recentProducts.begin(), context.recentProducts.end(),
                             product) != context.recentProducts.end() ||
                   std::find(items.begin(), items.end(), product) != items.end();
        };
        if (!session.empty()) {
            std::vector<ScoredItem> scored;
            {
                const std::lock_guard lock(m_mutex);
                m_model->recommend(session, kRecommendationBlockSize + 8, scored);
            }
            for (const ScoredItem& s : scored) {
                if (int(items.size()) == kRecommendationBlockSize)
                    break;
                const int product = s.item >= 0 && s.item < int(m_productOfItem.size())
                                        ? m_productOfItem[std::size_t(s.item)]
                                        : -1;
                if (product >= 0 && !seen(product))
                    items.push_back(product);
            }
        }
        if (int(items.size()) < kRecommendationBlockSize && m_fallback) {
            std::vector<int> fill;
            m_fallback->recommend(context, fill);
            for (int product : fill) {
                if (int(items.size()) == kRecommendationBlockSize)
                    break;
                if (!seen(product))
                    items.push_back(product);
            }
        }
    }

private:
    std::shared_ptr<const Recommender> m_model;
    std::shared_ptr<const RecommendationPolicy> m_fallback;
    std::vector<int> m_productOfItem;
    std::vector<int> m_itemOfProduct;
    mutable std::mutex m_mutex;
};

} // namespace

std::unique_ptr<SearchPolicy> makeEngineSearchPolicy(std::shared_ptr<const SearchIndex> index,
                                                     SearchMethod method, int resultsShown) {
    return std::make_unique<EngineSearchPolicy>(std::move(index), method, resultsShown);
}

std::unique_ptr<RecommendationPolicy>
makeRecommenderBlockPolicy(std::shared_ptr<const Recommender> model,
                           const std::vector<std::string>& itemIds,
                           const std::vector<std::string>& productIds,
                           std::shared_ptr<const RecommendationPolicy> fallback) {
    return std::make_unique<RecommenderBlockPolicy>(std::move(model), itemIds, productIds,
                                                    std::move(fallback));
}

} // namespace merch
