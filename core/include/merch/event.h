// Event: one row of shopper behaviour, in the vocabulary of the generic events CSV.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace merch {

enum class EventType : std::uint8_t {
    ListView, // a product shown on a list (category page, search results) at a position
    View,     // a product detail page
    AddToCart,
    RemoveFromCart,
    Checkout,
    Purchase, // one row per purchased product, with price, quantity and order id
    Search,   // a query submitted
    EmailSend,
    EmailOpen,
    EmailClick,
};
inline constexpr int kEventTypeCount = 10;

// "list_view", "add_to_cart", ... as in the generic events CSV.
std::string_view eventTypeName(EventType type);
std::optional<EventType> eventTypeFromName(std::string_view name);
inline constexpr std::array<EventType, kEventTypeCount> allEventTypes() {
    return {EventType::ListView,       EventType::View,      EventType::AddToCart,
            EventType::RemoveFromCart, EventType::Checkout,  EventType::Purchase,
            EventType::Search,         EventType::EmailSend, EventType::EmailOpen,
            EventType::EmailClick};
}

struct Event {
    std::int64_t timestamp = 0; // unix seconds, UTC
    std::string sessionId;      // empty for events outside a browsing session (emails)
    std::string visitorId;      // the device cookie; anonymous until it is stitched
    std::string customerId;     // set when the shopper is logged in or identified by email
    EventType type = EventType::View;
    std::string productId; // may name a product the catalog does not have
    std::string list;      // "category:Hoodies", "search", "email:cart_1h", ...
    int position = 0;      // 1-based position on the list; 0 when not on a list
    std::string query;     // search text as typed
    double price = 0.0;    // unit price for cart and purchase rows
    int quantity = 0;
    std::string orderId;
};

} // namespace merch
