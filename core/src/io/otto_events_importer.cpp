// OTTO session JSON lines (otto-de/recsys-dataset). See event_importers.h.
#include <limits>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "io/event_import_support.h"
#include "merch/event_importers.h"

namespace merch {

namespace {

using Json = nlohmann::json;

// 1-based character column of a 1-based byte position in a UTF-8 line.
int characterColumn(std::string_view line, std::size_t byte) {
    const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, line.size());
    int column = 1;
    for (std::size_t i = 0; i < end; ++i)
        column += (static_cast<unsigned char>(line[i]) & 0xC0) != 0x80 ? 1 : 0;
    return column;
}

// nlohmann's message without its "[json.exception.parse_error.101] " prefix.
std::string parserMessage(const std::string& what) {
    const auto bracket = what.find("] ");
    return !what.empty() && what.front() == '[' && bracket != std::string::npos
               ? what.substr(bracket + 2)
               : what;
}

bool wholeNumber(const Json& value, std::int64_t& out) {
    if (value.is_number_unsigned()) {
        const auto u = value.get<std::uint64_t>();
        if (u > std::uint64_t(std::numeric_limits<std::int64_t>::max()))
            return false;
        out = std::int64_t(u);
        return true;
    }
    if (value.is_number_integer()) {
        out = value.get<std::int64_t>();
        return out >= 0;
    }
    return false;
}

// One line's session, or the reason it cannot be read.
struct Session {
    std::int64_t id = 0;
    std::vector<Event> events;
    std::string error;
};

Session readSession(const Json& doc) {
    Session s;
    if (!doc.is_object()) {
        s.error = "the line is not a JSON object {\"session\": ..., \"events\": [...]}";
        return s;
    }
    const auto session = doc.find("session");
    if (session == doc.end() || !wholeNumber(*session, s.id)) {
        s.error = session == doc.end() ? "'session' is missing"
                                       : "'session' is not a whole number from 0";
        return s;
    }
    const auto events = doc.find("events");
    if (events == doc.end() || !events->is_array() || events->empty()) {
        s.error = events == doc.end()  ? "'events' is missing"
                  : events->is_array() ? "'events' is empty"
                                       : "'events' is not a list";
        return s;
    }
    const std::string sessionId = std::to_string(s.id);
    for (std::size_t k = 0; k < events->size(); ++k) {
        const Json& item = (*events)[k];
        const std::string where = "event " + std::to_string(k + 1) + ": ";
        std::int64_t aid = 0, ts = 0;
        if (!item.is_object()) {
            s.error = where + "not a JSON object";
            return s;
        }
        const auto a = item.find("aid"), t = item.find("ts"), ty = item.find("type");
        if (a == item.end() || !wholeNumber(*a, aid)) {
            s.error = where + "'aid' (the product) is missing or not a whole number from 0";
            return s;
        }
        if (t == item.end() || !wholeNumber(*t, ts)) {
            s.error = where + "'ts' is missing or not a whole number of milliseconds from 0";
            return s;
        }
        const std::string type = ty != item.end() && ty->is_string() ? ty->get<std::string>() : "";
        Event e;
        if (type == "clicks")
            e.type = EventType::View;
        else if (type == "carts")
            e.type = EventType::AddToCart;
        else if (type == "orders")
            e.type = EventType::Purchase;
        else {
            s.error = where + "'type' " + (ty == item.end() ? "is missing" : "is " + ty->dump()) +
                      " (expected \"clicks\", \"carts\" or \"orders\")";
            return s;
        }
        e.timestamp = ts / 1000;
        e.sessionId = sessionId;
        e.productId = std::to_string(aid);
        if (e.type != EventType::View)
            e.quantity = 1;
        if (e.type == EventType::Purchase) // orders at the same moment form one order
            e.orderId = sessionId + "@" + std::to_string(ts);
        s.events.push_back(std::move(e));
    }
    return s;
}

} // namespace

Result<EventImport> importOttoEvents(std::istream& in, const ImportOptions& options,
                                     const RunControl& control) {
    EventImport result;
    ImportReport& report = result.report;
    report.format = "otto";
    auto content = io::readText(in, options, report);
    if (!content)
        return content.status();
    const std::string_view text = *content;
    std::unordered_map<std::int64_t, std::int64_t> firstLine; // session -> line
    std::size_t pos = 0;
    std::int64_t lineNumber = 0;
    std::int64_t sessions = 0;
    while (pos < text.size()) {
        const std::size_t end = std::min(text.find('\n', pos), text.size());
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++lineNumber;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (io::trim(line).empty())
            continue;
        ++report.rowsRead;
        if (!io::keepGoing(report.rowsRead,
                           double(std::min(pos, text.size())) / double(text.size()), control))
            return Status::cancelled();
        const auto rejectLine = [&](int column, std::string reason) {
            report.rejected.push_back({lineNumber, column, std::move(reason), std::string(line)});
        };
        if (line.size() > options.maxFieldBytes) {
            rejectLine(0, "the line is longer than " +
                              std::to_string(options.maxFieldBytes / 1024) + " KiB");
            continue;
        }
        Json doc;
        try {
            doc = Json::parse(line);
        } catch (const Json::parse_error& error) {
            rejectLine(characterColumn(line, error.byte),
                       "not valid JSON: " + parserMessage(error.what()));
            continue;
        } catch (const Json::exception& error) {
            // Valid syntax the parser still refuses, e.g. a number too large for 64 bits
            // (found by fuzz_otto_events).
            rejectLine(0, "not readable JSON: " + parserMessage(error.what()));
            continue;
        }
        Session session = readSession(doc);
        if (!session.error.empty()) {
            rejectLine(0, std::move(session.error));
            continue;
        }
        const auto [first, inserted] = firstLine.try_emplace(session.id, lineNumber);
        if (!inserted) {
            rejectLine(0, "session " + std::to_string(session.id) + " already appeared on line " +
                              std::to_string(first->second) + " (each session is one line)");
            continue;
        }
        ++sessions;
        for (auto& e : session.events)
            result.events.push_back(std::move(e));
    }
    if (sessions == 0) {
        const auto& r = report.rejected.front();
        return Status::invalidArgument(
            options.fileName + ", line " + std::to_string(r.line) +
            ": no line is an OTTO session {\"session\": 1, \"events\": [{\"aid\": 2, "
            "\"ts\": 1659304800025, \"type\": \"clicks\"}]} (first problem: " +
            r.reason + ")");
    }
    if (auto status = io::finishEvents(result, control); !status)
        return status;
    return result;
}

} // namespace merch
