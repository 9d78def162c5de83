#include "world/world_policies.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "world/catalog_generator.h"

namespace merch::world {

namespace {

class NativeSearchPolicy final : public SearchPolicy {
public:
    explicit NativeSearchPolicy(const WorldState& world)
        : m_world(world) {}
    std::string name() const override { return "native keyword search"; }
    void search(const SearchContext& context, std::vector<int>& results) const override {
        const std::vector<std::string> tokens = tokenize(context.query);
        for (std::size_t t = 0; t < tokens.size(); ++t) {
            const std::string& word = tokens[t];
            std::vector<std::string> forms = {word, word + "s", word + "es"};
            if (word.size() > 3 && word.back() == 's')
                forms.push_back(word.substr(0, word.size() - 1));
            std::vector<int> matches;
            for (const auto& form : forms) {
                const auto found = m_world.searchIndex.find(form);
                if (found == m_world.searchIndex.end())
                    continue;
                std::vector<int> merged;
                std::set_union(matches.begin(), matches.end(), found->second.begin(),
                               found->second.end(), std::back_inserter(merged));
                matches = std::move(merged);
            }
            if (t == 0) {
                results = std::move(matches);
            } else {
                std::vector<int> both;
                std::set_intersection(results.begin(), results.end(), matches.begin(),
                                      matches.end(), std::back_inserter(both));
                results = std::move(both);
            }
            if (results.empty())
                break;
        }
        std::stable_sort(results.begin(), results.end(), [&](int a, int b) {
            return context.popularity[std::size_t(a)] > context.popularity[std::size_t(b)];
        });
    }

private:
    const WorldState& m_world;
};

class BestSellerBlockPolicy final : public RecommendationPolicy {
public:
    explicit BestSellerBlockPolicy(const WorldState& world) {
        // Group products by what the export says (subcategory, else category).
        std::map<std::string, int> groups;
        m_groupOf.assign(world.products.size(), -1);
        for (std::size_t i = 0; i < world.products.size(); ++i) {
            const Product& p = world.products[i];
            const std::string key = !p.subcategory.empty() ? "s:" + p.category + "/" + p.subcategory
                                    : !p.category.empty()  ? "c:" + p.category
                                                           : std::string();
            if (key.empty())
                continue;
            const auto [it, added] = groups.emplace(key, int(m_members.size()));
            if (added)
                m_members.emplace_back();
            m_groupOf[i] = it->second;
            m_members[std::size_t(it->second)].push_back(int(i));
        }
    }
    std::string name() const override { return "same-category best-sellers"; }
    void recommend(const RecommendationContext& context, std::vector<int>& items) const override {
        const int group = m_groupOf[std::size_t(context.product)];
        if (group < 0)
            return;
        const auto& members = m_members[std::size_t(group)];
        items.reserve(members.size());
        for (int member : members)
            if (member != context.product)
                items.push_back(member);
        const auto count =
            std::min<std::ptrdiff_t>(kRecommendationBlockSize, std::ptrdiff_t(items.size()));
        std::partial_sort(items.begin(), items.begin() + count, items.end(), [&](int a, int b) {
            const double pa = context.popularity[std::size_t(a)];
            const double pb = context.popularity[std::size_t(b)];
            return pa != pb ? pa > pb : a < b;
        });
        items.resize(std::size_t(count));
    }

private:
    std::vector<int> m_groupOf;
    std::vector<std::vector<int>> m_members;
};

} // namespace

std::unique_ptr<SearchPolicy> makeNativeSearchPolicy(const WorldState& world) {
    return std::make_unique<NativeSearchPolicy>(world);
}

std::unique_ptr<RecommendationPolicy> makeBestSellerBlockPolicy(const WorldState& world) {
    return std::make_unique<BestSellerBlockPolicy>(world);
}

} // namespace merch::world
