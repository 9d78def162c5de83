// Sessions of a log grouped by their owner (customer id, stitched from visitors, or visitor id):
// what the messaging models read. Internal to core/src/messaging.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/event.h"

namespace merch::messaging {

struct SessionSummary {
    std::string id;
    std::string key; // owner
    bool identified = false;
    std::int64_t start = 0, end = 0;
    std::int64_t lastCart = 0;
    // Products left in the cart (added and not removed) with unit price x quantity.
    std::vector<std::pair<std::string, double>> cart;
    std::vector<std::pair<std::string, double>> purchases; // product, revenue
    bool fromEmail = false;    // some event came from an email's list ("email:...")
    bool fromReminder = false; // ... from a replenishment reminder
};

struct SessionIndex {
    std::vector<SessionSummary> sessions;                    // by start time
    std::unordered_map<std::string, std::vector<int>> byKey; // owner -> sessions by start
};

// Visitor id -> customer id, from every event that carries both (the first customer seen).
std::unordered_map<std::string, std::string> stitchVisitors(const std::vector<Event>& events);

// The owner key of an event: its customer id, the customer its visitor was stitched to, or
// "visitor:" + visitor id.
std::string ownerKey(const Event& e, const std::unordered_map<std::string, std::string>& stitched);

SessionIndex indexSessions(const std::vector<Event>& events);

} // namespace merch::messaging
