#include "merch/business_rules.h"

#include <algorithm>
#include <map>

namespace merch {

Status BusinessRules::validate() const {
    if (maxPerCategory < 0 || maxPerCategory > 100)
        return Status::invalidArgument("maxPerCategory must be between 0 and 100");
    return Status::ok();
}

RuleCatalog RuleCatalog::from(const SessionData& data, const std::vector<Product>& catalog) {
    std::unordered_map<std::string, const Product*> byId;
    for (const auto& p : catalog)
        byId.emplace(p.id, &p);
    RuleCatalog facts;
    for (int i = 0; i < data.itemCount(); ++i) {
        const std::string& id = data.itemId(i);
        facts.productIds.push_back(id);
        const auto found = byId.find(id);
        if (found == byId.end()) {
            facts.category.emplace_back();
            facts.inStock.push_back(true);
            continue;
        }
        const Product& p = *found->second;
        facts.category.push_back(p.subcategory.empty() ? p.category
                                                       : p.category + " > " + p.subcategory);
        bool stock = p.variants.empty();
        for (const auto& v : p.variants)
            stock |= v.inventory > 0;
        facts.inStock.push_back(stock);
    }
    return facts;
}

std::vector<RuledItem> applyBusinessRules(const std::vector<ScoredItem>& ranked,
                                          const std::vector<ScoredItem>& fallback,
                                          const std::string& modelName, int count,
                                          const BusinessRules& rules, const RuleCatalog& catalog,
                                          std::span<const int> purchased) {
    const auto& source = rules.killedModels.count(modelName) ? fallback : ranked;
    const auto eligible = [&](int item) {
        if (item < 0 || std::size_t(item) >= catalog.productIds.size())
            return false;
        if (rules.excludeOutOfStock && !catalog.inStock[std::size_t(item)])
            return false;
        if (rules.excludeJustPurchased &&
            std::find(purchased.begin(), purchased.end(), item) != purchased.end())
            return false;
        return true;
    };
    std::vector<RuledItem> out, buried;
    std::map<std::string, int> perCategory;
    const auto capped = [&](int item) {
        const std::string& category = catalog.category[std::size_t(item)];
        return rules.maxPerCategory > 0 && !category.empty() &&
               perCategory[category] >= rules.maxPerCategory;
    };
    const auto take = [&](int item, double score, std::string note) {
        perCategory[catalog.category[std::size_t(item)]] += 1;
        out.push_back({item, score, std::move(note)});
    };
    // Pinned products first, in their order, when eligible.
    for (const auto& id : rules.pinned) {
        const auto at = std::find(catalog.productIds.begin(), catalog.productIds.end(), id);
        if (at == catalog.productIds.end())
            continue;
        const int item = int(at - catalog.productIds.begin());
        if (eligible(item) && int(out.size()) < count)
            take(item, 0.0, "pinned");
    }
    for (const auto& s : source) {
        if (int(out.size()) >= count)
            break;
        const bool already = std::any_of(out.begin(), out.end(),
                                         [&](const RuledItem& r) { return r.item == s.item; });
        if (already || !eligible(s.item) || capped(s.item))
            continue;
        if (rules.buried.count(catalog.productIds[std::size_t(s.item)])) {
            buried.push_back({s.item, s.score, "buried"});
            continue;
        }
        take(s.item, s.score, "");
    }
    for (auto& b : buried) {
        if (int(out.size()) >= count)
            break;
        out.push_back(std::move(b));
    }
    return out;
}

} // namespace merch
