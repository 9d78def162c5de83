// SessionData: the read-only, columnar view of shopper sessions the recommenders train on.
// Items are dense integer ids (0..itemCount-1), so hot loops never touch strings.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/event.h"

namespace merch {

struct SessionRecord {
    std::string key;        // the workspace's session id
    std::int64_t start = 0; // unix seconds of the first interaction
    std::int64_t end = 0;   // of the last
    std::vector<int> items; // interactions in time order (views, carts, purchases)
    std::vector<std::int64_t> times;
};

struct SessionDataOptions {
    bool includeCarts = true;     // add_to_cart counts as an interaction
    bool includePurchases = true; // purchase counts as an interaction
    bool collapseRepeats = true;  // an item seen twice in a row counts once (session-rec does)
};

class SessionData {
public:
    // Sessions from events (in any order); events without a session or product are skipped.
    static SessionData fromEvents(const std::vector<Event>& events,
                                  const SessionDataOptions& options = {});

    int itemCount() const { return int(m_itemIds.size()); }
    const std::string& itemId(int item) const { return m_itemIds[std::size_t(item)]; }
    // -1 when the id is unknown.
    int itemIndex(const std::string& id) const;
    // Sessions ordered by start time.
    const std::vector<SessionRecord>& sessions() const { return m_sessions; }

    // A copy holding only the sessions in [from, to) of sessions(), with the same item ids.
    SessionData slice(std::size_t from, std::size_t to) const;

private:
    std::vector<std::string> m_itemIds;
    std::unordered_map<std::string, int> m_index;
    std::vector<SessionRecord> m_sessions;
};

} // namespace merch
