// The generic events CSV (MerchSim's interchange format). See event_importers.h.
#include <algorithm>
#include <numeric>

#include "io/import_support.h"
#include "merch/event_importers.h"

namespace merch {

namespace {
using io::field;

std::string knownEventNames() {
    std::string names;
    for (EventType type : allEventTypes())
        names += (names.empty() ? "" : ", ") + std::string(eventTypeName(type));
    return names;
}
} // namespace

const std::vector<std::string>& genericEventsHeader() {
    static const std::vector<std::string> header = {
        "timestamp", "session_id", "visitor_id", "customer_id", "event",    "product_id",
        "list",      "position",   "query",      "price",       "quantity", "order_id"};
    return header;
}

Result<EventImport> importGenericEvents(std::istream& in, const ImportOptions& options,
                                        const RunControl& control) {
    EventImport result;
    ImportReport& report = result.report;
    report.format = "generic";
    auto content = io::readText(in, options, report);
    if (!content)
        return content.status();
    CsvReader reader(*content, detectDialect(*content), options.maxFieldBytes);
    CsvRecord record;
    std::string error;
    if (!reader.next(record, error) || !error.empty())
        return Status::invalidArgument(options.fileName + ": the header row could not be read" +
                                       (error.empty() ? "" : " (" + error + ")"));
    const io::HeaderIndex h(record.fields);
    const int ts = h.find({"timestamp"}), session = h.find({"session_id"}),
              visitor = h.find({"visitor_id"}), customer = h.find({"customer_id"}),
              event = h.find({"event"}), product = h.find({"product_id"}), list = h.find({"list"}),
              position = h.find({"position"}), query = h.find({"query"}), price = h.find({"price"}),
              quantity = h.find({"quantity"}), order = h.find({"order_id"});
    std::string missing;
    if (ts < 0)
        missing += "timestamp";
    if (event < 0)
        missing += std::string(missing.empty() ? "" : ", ") + "event";
    if (session < 0 && visitor < 0)
        missing += std::string(missing.empty() ? "" : ", ") + "session_id or visitor_id";
    if (!missing.empty())
        return Status::invalidArgument(options.fileName + ", line 1: missing required column(s) " +
                                       missing + " (the generic events header is " +
                                       "timestamp,session_id,visitor_id,customer_id,event,...)");
    const std::size_t width = record.fields.size();

    while (reader.next(record, error)) {
        ++report.rowsRead;
        if ((report.rowsRead & 0x3FFF) == 0 && !control.report(reader.progress(), "reading events"))
            return Status::cancelled();
        if (io::rejectMalformed(record, error, width, report))
            continue;
        Event e;
        const auto stamp = io::parseTimestamp(field(record, ts));
        if (!stamp) {
            report.rejected.push_back(io::reject(record, ts,
                                                 "timestamp '" + std::string(field(record, ts)) +
                                                     "' is neither ISO 8601 nor unix seconds"));
            continue;
        }
        e.timestamp = *stamp;
        const auto name = io::toLower(io::trim(field(record, event)));
        const auto type = eventTypeFromName(name);
        if (!type) {
            report.rejected.push_back(io::reject(record, event,
                                                 "unknown event '" + name + "' (expected one of " +
                                                     knownEventNames() + ")"));
            continue;
        }
        e.type = *type;
        e.sessionId = std::string(io::trim(field(record, session)));
        e.visitorId = std::string(io::trim(field(record, visitor)));
        e.customerId = std::string(io::trim(field(record, customer)));
        if (e.sessionId.empty() && e.visitorId.empty() && e.customerId.empty()) {
            report.rejected.push_back(
                io::reject(record, session >= 0 ? session : visitor,
                           "the row has neither a session_id nor a visitor_id"));
            continue;
        }
        e.productId = std::string(io::trim(field(record, product)));
        e.list = std::string(field(record, list));
        e.query = std::string(field(record, query));
        e.orderId = std::string(io::trim(field(record, order)));
        if (const auto text = io::trim(field(record, position)); !text.empty()) {
            const auto value = io::parseInteger(text);
            if (!value || *value < 0 || *value > 1'000'000) {
                report.rejected.push_back(io::reject(record, position,
                                                     "position '" + std::string(text) +
                                                         "' is not a whole number from 0"));
                continue;
            }
            e.position = int(*value);
        }
        if (const auto text = io::trim(field(record, price)); !text.empty()) {
            const auto value = io::parseNumber(text);
            if (!value || *value < 0) {
                report.rejected.push_back(io::reject(record, price,
                                                     "price '" + std::string(text) + "' is " +
                                                         (value ? "negative" : "not a number")));
                continue;
            }
            e.price = *value;
        }
        if (const auto text = io::trim(field(record, quantity)); !text.empty()) {
            const auto value = io::parseInteger(text);
            if (!value || *value < 0 || *value > 1'000'000) {
                report.rejected.push_back(io::reject(record, quantity,
                                                     "quantity '" + std::string(text) +
                                                         "' is not a whole number from 0"));
                continue;
            }
            e.quantity = int(*value);
        } else if (e.type == EventType::Purchase || e.type == EventType::AddToCart) {
            e.quantity = 1;
        }
        result.events.push_back(std::move(e));
    }
    result.sessionized = sessionize(result.events);
    if (result.sessionized > 0)
        report.warnings.push_back(std::to_string(result.sessionized) +
                                  " events had no session_id and were grouped into sessions "
                                  "(30 minutes of inactivity ends a session)");
    if (!control.report(1.0, "reading events"))
        return Status::cancelled();
    return result;
}

std::int64_t sessionize(std::vector<Event>& events, std::int64_t inactivitySeconds) {
    const auto isEmail = [](EventType t) {
        return t == EventType::EmailSend || t == EventType::EmailOpen || t == EventType::EmailClick;
    };
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (events[i].sessionId.empty() && !isEmail(events[i].type))
            order.push_back(i);
    }
    const auto owner = [&](std::size_t i) -> const std::string& {
        return events[i].visitorId.empty() ? events[i].customerId : events[i].visitorId;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const int byOwner = owner(a).compare(owner(b));
        return byOwner != 0 ? byOwner < 0 : events[a].timestamp < events[b].timestamp;
    });
    std::int64_t number = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
        const std::size_t i = order[k];
        const bool sameOwner = k > 0 && owner(order[k - 1]) == owner(i);
        if (!sameOwner)
            number = 1;
        else if (events[i].timestamp - events[order[k - 1]].timestamp > inactivitySeconds)
            ++number;
        events[i].sessionId = owner(i) + "#" + std::to_string(number);
    }
    return std::int64_t(order.size());
}

} // namespace merch
