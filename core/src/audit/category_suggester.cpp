#include "audit/category_suggester.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "audit/text_checks.h"

namespace merch::audit {

namespace {
constexpr std::size_t kNeighbours = 5;

std::set<std::string> productWords(const Product& p) {
    std::set<std::string> out;
    for (auto& w : words(p.title + " " + p.tags))
        out.insert(std::move(w));
    return out;
}
} // namespace

std::string categoryPath(const Product& product) {
    if (!product.taxonomy.empty())
        return product.taxonomy;
    if (product.category.empty())
        return {};
    return product.subcategory.empty() ? product.category
                                       : product.category + " > " + product.subcategory;
}

std::vector<CategorySuggestion> suggestCategories(const std::vector<Product>& products,
                                                  const std::vector<std::size_t>& uncategorized) {
    std::unordered_map<std::string, std::vector<std::size_t>> index;
    std::size_t categorized = 0;
    for (std::size_t p = 0; p < products.size(); ++p) {
        if (categoryPath(products[p]).empty())
            continue;
        ++categorized;
        for (const auto& w : productWords(products[p]))
            index[w].push_back(p);
    }
    std::vector<CategorySuggestion> suggestions;
    if (categorized == 0)
        return suggestions;
    for (std::size_t target : uncategorized) {
        std::unordered_map<std::size_t, double> score;
        for (const auto& w : productWords(products[target])) {
            const auto found = index.find(w);
            if (found == index.end())
                continue;
            const double idf = std::log(double(categorized) / double(found->second.size()));
            for (std::size_t p : found->second)
                score[p] += idf;
        }
        std::vector<std::pair<double, std::size_t>> ranked;
        for (const auto& [p, s] : score)
            ranked.emplace_back(s, p);
        std::sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        if (ranked.size() > kNeighbours)
            ranked.resize(kNeighbours);
        if (ranked.empty() || ranked.front().first <= 0)
            continue;
        std::map<std::string, double> votes;
        double total = 0;
        for (const auto& [s, p] : ranked) {
            votes[categoryPath(products[p])] += s;
            total += s;
        }
        const auto best =
            std::max_element(votes.begin(), votes.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        CategorySuggestion suggestion;
        suggestion.productId = products[target].id;
        suggestion.suggested = best->first;
        suggestion.confidence = best->second / total;
        for (const auto& [s, p] : ranked) {
            if (categoryPath(products[p]) == best->first) {
                suggestion.because = "like '" + products[p].title + "' (" + best->first + ")";
                break;
            }
        }
        suggestions.push_back(std::move(suggestion));
    }
    return suggestions;
}

} // namespace merch::audit
