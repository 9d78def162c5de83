// StoreSummary: the counts `merchsim-cli info` prints and the Store page shows.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "merch/event.h"

namespace merch {

struct CategoryCount {
    std::string category;
    std::int64_t products = 0;
};

struct DayCount {
    std::int64_t dayStart = 0; // unix seconds at 00:00 UTC
    std::int64_t sessions = 0;
};

struct StoreSummary {
    std::int64_t products = 0;
    std::int64_t variants = 0;
    std::int64_t sessions = 0;
    std::int64_t events = 0;
    std::int64_t visitors = 0;   // distinct visitor ids (devices)
    std::int64_t customers = 0;  // distinct customer ids
    std::int64_t orders = 0;     // distinct order ids on purchase events
    double revenue = 0.0;        // sum of price * quantity on purchase events
    std::int64_t firstEvent = 0; // unix seconds; 0 when there are no events
    std::int64_t lastEvent = 0;
    std::array<std::int64_t, kEventTypeCount> eventsByType{}; // indexed by EventType
    std::vector<CategoryCount> categories;                    // by product count, descending
    std::vector<DayCount> sessionsPerDay; // every day from the first to the last event

    std::int64_t eventsOfType(EventType type) const {
        return eventsByType[static_cast<std::size_t>(type)];
    }
};

} // namespace merch
