#include "experiment/training_history.h"

#include <algorithm>
#include <unordered_set>

namespace merch::experiment {

namespace {

std::uint64_t mix(std::uint64_t x) {
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    return x ^ (x >> 31);
}

} // namespace

TrainingHistory::TrainingHistory(const std::vector<Product>& catalog, std::size_t maxImpressions,
                                 std::uint64_t seed)
    : m_catalog(catalog)
    , m_maxImpressions(maxImpressions)
    , m_seed(seed) {
    m_productIndex.reserve(catalog.size());
    for (std::size_t i = 0; i < catalog.size(); ++i)
        m_productIndex.emplace(catalog[i].id, int(i));
}

void TrainingHistory::add(const Event& e) {
    const bool impression = e.type == EventType::ListView;
    if (e.sessionId.empty() || !(impression || e.type == EventType::View ||
                                 e.type == EventType::AddToCart || e.type == EventType::Purchase))
        return;
    const auto product = m_productIndex.find(e.productId);
    if (product == m_productIndex.end())
        return;
    auto list = m_listIndex.find(e.list);
    if (list == m_listIndex.end()) {
        if (m_listNames.size() >= 65535)
            return; // never in a world's logs: its lists are the categories and "search"
        list = m_listIndex.emplace(e.list, std::uint16_t(m_listNames.size())).first;
        m_listNames.push_back(e.list);
        m_categoryList.push_back(e.list.rfind("category:", 0) == 0);
    }
    if (impression && !m_categoryList[list->second])
        return; // search-result impressions are not training rows
    auto session = m_sessionIndex.find(e.sessionId);
    if (session == m_sessionIndex.end()) {
        session = m_sessionIndex.emplace(e.sessionId, std::uint32_t(m_sessionNames.size())).first;
        m_sessionNames.push_back(&session->first);
    }
    m_impressionsSeen += impression ? 1 : 0;
    m_records.push_back({session->second, product->second, list->second, e.type, e.position,
                         float(e.price * std::max(1, e.quantity))});
}

std::uint64_t TrainingHistory::slotHash(const Record& r) const {
    return mix(m_seed ^ mix(std::uint64_t(r.session) << 20 ^ std::uint64_t(r.list) << 4) ^
               mix(std::uint64_t(r.product) + 0x632BE59BD9B4E019ULL));
}

std::vector<Event> TrainingHistory::events() const {
    // Impressions whose slot hash is among the maxImpressions smallest are kept.
    std::uint64_t threshold = ~std::uint64_t(0);
    if (std::size_t(m_impressionsSeen) > m_maxImpressions && m_maxImpressions > 0) {
        std::vector<std::uint64_t> hashes;
        hashes.reserve(std::size_t(m_impressionsSeen));
        for (const Record& r : m_records)
            if (r.type == EventType::ListView)
                hashes.push_back(slotHash(r));
        std::nth_element(hashes.begin(), hashes.begin() + std::ptrdiff_t(m_maxImpressions - 1),
                         hashes.end());
        threshold = hashes[m_maxImpressions - 1];
    }
    std::vector<Event> out;
    for (int pass = 0; pass < 2; ++pass) {
        std::size_t count = 0;
        for (const Record& r : m_records) {
            if (r.type == EventType::Purchase ||
                (r.type == EventType::ListView && slotHash(r) > threshold))
                continue;
            ++count;
            if (pass == 0)
                continue;
            Event& e = out.emplace_back();
            e.sessionId = *m_sessionNames[r.session];
            e.type = r.type;
            e.productId = m_catalog[std::size_t(r.product)].id;
            e.list = m_listNames[r.list];
            e.position = r.position;
        }
        if (pass == 0)
            out.reserve(count);
    }
    return out;
}

double TrainingHistory::clickThenBuyRevenueShare() const {
    std::unordered_set<std::uint64_t> clicked; // session << 32 | product, viewed from a category
    double credited = 0, total = 0;
    for (const Record& r : m_records) {
        const std::uint64_t key = std::uint64_t(r.session) << 32 | std::uint32_t(r.product);
        if (r.type == EventType::View && m_categoryList[r.list])
            clicked.insert(key);
        else if (r.type == EventType::Purchase) {
            total += r.value;
            credited += clicked.count(key) ? r.value : 0.0;
        }
    }
    return total > 0 ? credited / total : 0.0;
}

} // namespace merch::experiment
