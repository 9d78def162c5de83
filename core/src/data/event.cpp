#include "merch/event.h"

#include <array>

namespace merch {

namespace {
constexpr std::array<std::string_view, kEventTypeCount> kNames = {
    "list_view", "view",   "add_to_cart", "remove_from_cart", "checkout",
    "purchase",  "search", "email_send",  "email_open",       "email_click"};
}

std::string_view eventTypeName(EventType type) {
    return kNames[static_cast<std::size_t>(type)];
}

std::optional<EventType> eventTypeFromName(std::string_view name) {
    for (std::size_t i = 0; i < kNames.size(); ++i) {
        if (kNames[i] == name)
            return static_cast<EventType>(i);
    }
    return std::nullopt;
}

} // namespace merch
