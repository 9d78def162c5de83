#include "cli/json_output.h"

#include <ctime>

namespace merch::cli {

namespace {
std::string formatUtc(std::int64_t unixSeconds, const char* format) {
    const std::time_t time = static_cast<std::time_t>(unixSeconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, format, &parts);
    return buffer;
}
} // namespace

std::string isoTime(std::int64_t unixSeconds) {
    return formatUtc(unixSeconds, "%Y-%m-%dT%H:%M:%SZ");
}

std::string isoDate(std::int64_t unixSeconds) {
    return formatUtc(unixSeconds, "%Y-%m-%d");
}

nlohmann::ordered_json summaryToJson(const StoreSummary& summary, const std::string& path) {
    nlohmann::ordered_json json;
    json["workspace"] = path;
    json["products"] = summary.products;
    json["variants"] = summary.variants;
    json["sessions"] = summary.sessions;
    json["events"] = summary.events;
    json["visitors"] = summary.visitors;
    json["customers"] = summary.customers;
    json["orders"] = summary.orders;
    json["revenue"] = summary.revenue;
    auto byType = nlohmann::ordered_json::object();
    for (EventType type : allEventTypes())
        byType[std::string(eventTypeName(type))] = summary.eventsOfType(type);
    json["events_by_type"] = byType;
    if (summary.events > 0) {
        json["first_event"] = isoTime(summary.firstEvent);
        json["last_event"] = isoTime(summary.lastEvent);
    } else {
        json["first_event"] = nullptr;
        json["last_event"] = nullptr;
    }
    auto categories = nlohmann::ordered_json::array();
    for (const auto& c : summary.categories)
        categories.push_back({{"name", c.category}, {"products", c.products}});
    json["categories"] = categories;
    auto days = nlohmann::ordered_json::array();
    for (const auto& d : summary.sessionsPerDay)
        days.push_back({{"date", isoDate(d.dayStart)}, {"sessions", d.sessions}});
    json["sessions_per_day"] = days;
    return json;
}

} // namespace merch::cli
