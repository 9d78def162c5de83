// The baseline logs the treatment's model trains on, kept compact while the world runs.
//
// PersonalizedRanker::train reads views, add-to-carts and category-page impressions within
// sessions, and fits on at most RankerParams::maxImpressions impression rows. Materialising every
// logged event of a 60-day history at 5,000 sessions a day took 1.4 GB, so events are kept as
// 20-byte records (other event types and unknown products, which the ranker skips, are dropped)
// and the category impressions are thinned to a uniform sample of about maxImpressions before the
// Event rows are built. The sample is by (session, list, product) slot, so every impression of a
// kept slot is kept and a later click labels the same impression the full log would. The model
// still sees every view and add-to-cart (popularity, co-views, the visitor's recent actions).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/event.h"
#include "merch/product.h"

namespace merch::experiment {

class TrainingHistory {
public:
    TrainingHistory(const std::vector<Product>& catalog, std::size_t maxImpressions,
                    std::uint64_t seed);

    void add(const Event& event);

    // The kept events in arrival order, as the ranker reads them.
    std::vector<Event> events() const;

    // Share of order revenue in sessions where the bought product was viewed from a category
    // page earlier in the same session (the vendor's click-then-buy rule); 0 without orders.
    double clickThenBuyRevenueShare() const;

    std::int64_t impressionsSeen() const { return m_impressionsSeen; }
    std::size_t recordsKept() const { return m_records.size(); }

private:
    struct Record {
        std::uint32_t session = 0;
        std::int32_t product = 0;
        std::uint16_t list = 0;
        EventType type = EventType::View;
        std::int32_t position = 0;
        float value = 0; // order revenue of a purchase row
    };
    std::uint64_t slotHash(const Record& r) const;

    const std::vector<Product>& m_catalog;
    std::size_t m_maxImpressions;
    std::uint64_t m_seed;
    std::unordered_map<std::string, int> m_productIndex;
    std::unordered_map<std::string, std::uint32_t> m_sessionIndex;
    std::vector<const std::string*> m_sessionNames;
    std::unordered_map<std::string, std::uint16_t> m_listIndex;
    std::vector<std::string> m_listNames;
    std::vector<bool> m_categoryList;
    std::vector<Record> m_records;
    std::int64_t m_impressionsSeen = 0;
};

} // namespace merch::experiment
