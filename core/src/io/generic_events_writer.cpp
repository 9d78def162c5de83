#include <ctime>
#include <ostream>

#include "merch/event_importers.h"

namespace merch {

namespace {

void writeField(std::ostream& out, std::string_view value) {
    const bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!quote) {
        out << value;
        return;
    }
    out << '"';
    for (char c : value) {
        if (c == '"')
            out << '"';
        out << c;
    }
    out << '"';
}

std::string isoUtc(std::int64_t seconds) {
    const std::time_t time = static_cast<std::time_t>(seconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &parts);
    return buffer;
}

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

} // namespace

void writeGenericEventsCsv(std::ostream& out, const std::vector<Event>& events) {
    const auto& header = genericEventsHeader();
    for (std::size_t i = 0; i < header.size(); ++i)
        out << (i ? "," : "") << header[i];
    out << "\n";
    for (const Event& e : events) {
        out << isoUtc(e.timestamp) << ',';
        writeField(out, e.sessionId);
        out << ',';
        writeField(out, e.visitorId);
        out << ',';
        writeField(out, e.customerId);
        out << ',' << eventTypeName(e.type) << ',';
        writeField(out, e.productId);
        out << ',';
        writeField(out, e.list);
        out << ',';
        if (e.position > 0)
            out << e.position;
        out << ',';
        writeField(out, e.query);
        out << ',';
        const bool priced = e.price != 0.0 || e.quantity != 0;
        if (priced)
            out << number(e.price);
        out << ',';
        if (priced)
            out << e.quantity;
        out << ',';
        writeField(out, e.orderId);
        out << '\n';
    }
}

} // namespace merch
