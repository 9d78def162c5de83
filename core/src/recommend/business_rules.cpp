#include "merch/business_rules.h"

#include <algorithm>
#include <map>

namespace merch {

Status BusinessRules::validate() const {
    if (maxPerCategory < 0 || maxPerCategory > 100)
        return Status::invalidArgument("maxPerCategory must be between 0 and 100");
    return Status::ok();
}

namespace {

void addFacts(RuleCatalog& facts, const Product* p) {
    if (!p) {
        facts.category.emplace_back();
        facts.inStock.push_back(true);
        return;
    }
    facts.category.push_back(p->subcategory.empty() ? p->category
                                                    : p->category + " > " + p->subcategory);
    bool stock = p->variants.empty();
    for (const auto& v : p->variants)
        stock |= v.inventory > 0;
    facts.inStock.push_back(stock);
}

} // namespace

RuleCatalog RuleCatalog::from(const SessionData& data, const std::vector<Product>& catalog) {
    std::unordered_map<std::string, const Product*> byId;
    for (const auto& p : catalog)
        byId.emplace(p.id, &p);
    RuleCatalog facts;
    for (int i = 0; i < data.itemCount(); ++i) {
        const std::string& id = data.itemId(i);
        facts.productIds.push_back(id);
        const auto found = byId.find(id);
        addFacts(facts, found == byId.end() ? nullptr : found->second);
    }
    return facts;
}

RuleCatalog RuleCatalog::fromProducts(const std::vector<Product>& catalog) {
    RuleCatalog facts;
    for (const auto& p : catalog) {
        facts.productIds.push_back(p.id);
        addFacts(facts, &p);
    }
    return facts;
}

std::vector<RuledItem> applyBusinessRules(const std::vector<ScoredItem>& ranked,
                                          const std::vector<ScoredItem>& fallback,
                                          const std::string& modelName, int count,
                                          const BusinessRules& rules, const RuleCatalog& catalog,
                                          std::span<const int> purchased) {
    RuleCounts counts;
    return applyBusinessRules(ranked, fallback, modelName, count, rules, catalog, purchased,
                              counts);
}

std::vector<RuledItem> applyBusinessRules(const std::vector<ScoredItem>& ranked,
                                          const std::vector<ScoredItem>& fallback,
                                          const std::string& modelName, int count,
                                          const BusinessRules& rules, const RuleCatalog& catalog,
                                          std::span<const int> purchased, RuleCounts& counts) {
    counts = RuleCounts{};
    counts.killed = rules.killedModels.count(modelName) > 0;
    const auto& source = rules.killedModels.count(modelName) ? fallback : ranked;
    // Why an item may not be shown: 0 eligible, 1 unknown, 2 out of stock, 3 just purchased.
    const auto barred = [&](int item) {
        if (item < 0 || std::size_t(item) >= catalog.productIds.size())
            return 1;
        if (rules.excludeOutOfStock && !catalog.inStock[std::size_t(item)])
            return 2;
        if (rules.excludeJustPurchased &&
            std::find(purchased.begin(), purchased.end(), item) != purchased.end())
            return 3;
        return 0;
    };
    const auto eligible = [&](int item) { return barred(item) == 0; };
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
        if (eligible(item) && int(out.size()) < count) {
            take(item, 0.0, "pinned");
            ++counts.pinned;
        }
    }
    for (const auto& s : source) {
        if (int(out.size()) >= count)
            break;
        const bool already = std::any_of(out.begin(), out.end(),
                                         [&](const RuledItem& r) { return r.item == s.item; });
        if (already)
            continue;
        if (const int why = barred(s.item); why != 0) {
            counts.outOfStock += why == 2 ? 1 : 0;
            counts.purchased += why == 3 ? 1 : 0;
            continue;
        }
        if (capped(s.item)) {
            ++counts.capped;
            continue;
        }
        if (rules.buried.count(catalog.productIds[std::size_t(s.item)])) {
            buried.push_back({s.item, s.score, "buried"});
            ++counts.buried;
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

std::string ruledReason(const RuledItem& item, bool killSwitchOn, const std::string& modelReason,
                        const std::string& fallbackName) {
    if (item.note == "pinned")
        return "pinned by the merchandiser";
    std::string why;
    if (item.note == "buried")
        why = "buried by the merchandiser (moved to the end)";
    if (killSwitchOn)
        why += (why.empty() ? "" : "; ") + ("fell back to " + fallbackName + ": kill switch on");
    if (!modelReason.empty())
        why += (why.empty() ? "" : "; ") + modelReason;
    return why;
}

std::string describeRuleCounts(const RuleCounts& counts) {
    std::string text;
    const auto add = [&](int n, const char* what) {
        if (n > 0)
            text += (text.empty() ? "" : ", ") + std::to_string(n) + " " + what;
    };
    if (counts.killed)
        text = "kill switch on: the baseline answered";
    add(counts.outOfStock, "out of stock hidden");
    add(counts.purchased, "just purchased hidden");
    add(counts.capped, "over the category cap skipped");
    add(counts.pinned, "pinned");
    add(counts.buried, "buried");
    return text;
}

std::vector<std::string> recentPurchases(const std::vector<Event>& events,
                                         const std::string& customer, double days) {
    if (customer.empty())
        return {};
    std::int64_t last = 0;
    for (const auto& e : events)
        last = std::max(last, e.timestamp);
    const double from = double(last) - days * 86400.0;
    std::vector<std::pair<std::int64_t, std::string>> bought;
    for (const auto& e : events) {
        if (e.type == EventType::Purchase && !e.productId.empty() && double(e.timestamp) >= from &&
            ((!e.customerId.empty() && e.customerId == customer) || e.visitorId == customer))
            bought.push_back({e.timestamp, e.productId});
    }
    std::stable_sort(bought.begin(), bought.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (auto it = bought.rbegin(); it != bought.rend(); ++it) {
        if (std::find(out.begin(), out.end(), it->second) == out.end())
            out.push_back(it->second);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

} // namespace merch
