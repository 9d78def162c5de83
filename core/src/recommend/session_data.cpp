#include "merch/session_data.h"

#include <algorithm>
#include <numeric>

namespace merch {

SessionData SessionData::fromEvents(const std::vector<Event>& events,
                                    const SessionDataOptions& options) {
    SessionData data;
    std::vector<std::size_t> order;
    order.reserve(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        const bool interaction = e.type == EventType::View ||
                                 (options.includeCarts && e.type == EventType::AddToCart) ||
                                 (options.includePurchases && e.type == EventType::Purchase);
        if (interaction && !e.sessionId.empty() && !e.productId.empty())
            order.push_back(i);
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return events[a].timestamp < events[b].timestamp;
    });
    std::unordered_map<std::string, std::size_t> sessionIndex;
    for (std::size_t i : order) {
        const Event& e = events[i];
        auto [it, fresh] = sessionIndex.try_emplace(e.sessionId, data.m_sessions.size());
        if (fresh) {
            SessionRecord record;
            record.key = e.sessionId;
            record.start = e.timestamp;
            data.m_sessions.push_back(std::move(record));
        }
        SessionRecord& s = data.m_sessions[it->second];
        auto [item, added] = data.m_index.try_emplace(e.productId, int(data.m_itemIds.size()));
        if (added)
            data.m_itemIds.push_back(e.productId);
        if (options.collapseRepeats && !s.items.empty() && s.items.back() == item->second)
            continue;
        s.items.push_back(item->second);
        s.times.push_back(e.timestamp);
        s.end = e.timestamp;
    }
    // Sessions are created in order of their first interaction: already sorted by start.
    return data;
}

int SessionData::itemIndex(const std::string& id) const {
    const auto found = m_index.find(id);
    return found == m_index.end() ? -1 : found->second;
}

SessionData SessionData::slice(std::size_t from, std::size_t to) const {
    SessionData part;
    part.m_itemIds = m_itemIds;
    part.m_index = m_index;
    to = std::min(to, m_sessions.size());
    if (from < to)
        part.m_sessions.assign(m_sessions.begin() + std::ptrdiff_t(from),
                               m_sessions.begin() + std::ptrdiff_t(to));
    return part;
}

} // namespace merch
