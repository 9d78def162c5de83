// Flattened GA4 BigQuery export (one row per event and item). See event_importers.h.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "io/event_import_support.h"
#include "merch/event_importers.h"

namespace merch {

namespace {

using io::field;

constexpr std::int64_t kSelectMergeSeconds = 60;

// GA4 recommended ecommerce events, by name. Everything else (page_view, session_start,
// scroll, view_cart, add_payment_info, refund, ...) is skipped and counted.
std::optional<EventType> ga4Type(std::string_view name) {
    static const std::unordered_map<std::string_view, EventType> types = {
        {"view_item_list", EventType::ListView},
        {"select_item", EventType::View},
        {"view_item", EventType::View},
        {"add_to_cart", EventType::AddToCart},
        {"remove_from_cart", EventType::RemoveFromCart},
        {"begin_checkout", EventType::Checkout},
        {"purchase", EventType::Purchase},
        {"view_search_results", EventType::Search},
        {"search", EventType::Search}};
    const auto found = types.find(name);
    return found == types.end() ? std::nullopt : std::optional(found->second);
}

// GA4 writes "(not set)" where a value is missing.
std::string valueOf(const CsvRecord& record, int index) {
    auto text = io::trimmedField(record, index);
    if (text == "(not set)" || text == "(not provided)")
        text.clear();
    return text;
}

// event_timestamp is microseconds since 1970; event_time-like columns hold ISO 8601 text.
std::optional<std::int64_t> ga4Timestamp(std::string_view text) {
    text = io::trim(text);
    const bool digitsOnly = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
    });
    if (digitsOnly) {
        const auto value = io::parseInteger(text);
        if (value && *value > 100'000'000'000'000) // beyond 1e14: microseconds
            return *value / 1'000'000;
    }
    return io::parseTimestamp(text);
}

// What a row was in GA4, for the merge of select_item with the view_item that follows it.
enum class Origin : std::uint8_t { Other, SelectItem, ViewItem };

struct Columns {
    int ts, name, pseudo, user, session, item, listName, listIndex, price, quantity, transaction,
        search;
};

class Ga4Reader {
public:
    Ga4Reader(const Columns& c, EventImport& result)
        : m_c(c)
        , m_result(result)
        , m_report(result.report) {}

    void row(const CsvRecord& record);
    void finish();

private:
    bool readNumbers(const CsvRecord& record, Event& e, bool& indexed);
    void mergeSelectedViews();

    const Columns& m_c;
    EventImport& m_result;
    ImportReport& m_report;
    std::vector<Origin> m_origin;       // per event
    std::vector<std::size_t> m_indexed; // events whose position came from item_list_index
    bool m_zeroBased = false;           // some item_list_index is 0: indexes count from 0
    std::map<std::string, std::int64_t> m_skipped;
    std::unordered_map<std::string, std::pair<std::int64_t, std::int64_t>> m_purchases;
};

void Ga4Reader::row(const CsvRecord& record) {
    const auto name = io::toLower(io::trim(field(record, m_c.name)));
    const auto type = ga4Type(name);
    if (!type) {
        if (name.empty())
            m_report.rejected.push_back(io::reject(record, m_c.name, "event_name is empty"));
        else
            ++m_skipped[name];
        return;
    }
    Event e;
    e.type = *type;
    const auto stamp = ga4Timestamp(field(record, m_c.ts));
    if (!stamp || *stamp < 0) {
        m_report.rejected.push_back(io::reject(
            record, m_c.ts,
            "event timestamp '" + std::string(io::trim(field(record, m_c.ts))) + "' is " +
                (stamp ? "before 1970" : "neither microseconds since 1970 nor ISO 8601")));
        return;
    }
    e.timestamp = *stamp;
    auto visitor = io::requiredOrReject(record, m_c.pseudo, "user_pseudo_id", m_report);
    if (!visitor)
        return;
    e.visitorId = std::move(*visitor);
    e.customerId = valueOf(record, m_c.user);
    if (const auto session = valueOf(record, m_c.session); !session.empty())
        e.sessionId = e.visitorId + ":" + session;
    e.productId = valueOf(record, m_c.item);
    if (e.productId.empty() && e.type != EventType::Search) {
        m_report.rejected.push_back(
            io::reject(record, m_c.item, "item_id is empty (a " + name + " row names a product)"));
        return;
    }
    e.list = valueOf(record, m_c.listName);
    e.query = valueOf(record, m_c.search);
    e.orderId = valueOf(record, m_c.transaction);
    bool indexed = false;
    if (!readNumbers(record, e, indexed))
        return;
    if (e.type == EventType::Purchase && !e.orderId.empty()) {
        const auto key = e.orderId + '\x1f' + e.productId;
        const auto [first, inserted] = m_purchases.try_emplace(key, e.timestamp, record.line);
        if (!inserted && first->second.first != e.timestamp) {
            m_report.rejected.push_back(io::reject(
                record, m_c.transaction,
                "purchase repeats transaction_id '" + e.orderId + "' for item '" + e.productId +
                    "' already imported from line " + std::to_string(first->second.second) +
                    " (GA4 sends some purchases twice)"));
            return;
        }
    }
    if (indexed)
        m_indexed.push_back(m_result.events.size());
    m_origin.push_back(name == "select_item" ? Origin::SelectItem
                       : name == "view_item" ? Origin::ViewItem
                                             : Origin::Other);
    m_result.events.push_back(std::move(e));
}

bool Ga4Reader::readNumbers(const CsvRecord& record, Event& e, bool& indexed) {
    if (!valueOf(record, m_c.listIndex).empty()) {
        const auto index =
            io::wholeOrReject(record, m_c.listIndex, "item_list_index", 0, 1'000'000, m_report);
        if (!index)
            return false;
        e.position = int(*index);
        m_zeroBased = m_zeroBased || *index == 0;
        indexed = true;
    }
    if (!valueOf(record, m_c.price).empty()) {
        const auto price = io::amountOrReject(record, m_c.price, "price", m_report);
        if (!price)
            return false;
        e.price = *price;
    }
    if (!valueOf(record, m_c.quantity).empty()) {
        const auto quantity =
            io::wholeOrReject(record, m_c.quantity, "quantity", 0, 1'000'000, m_report);
        if (!quantity)
            return false;
        e.quantity = int(*quantity);
    } else if (e.type != EventType::Search && e.type != EventType::ListView &&
               e.type != EventType::View) {
        e.quantity = 1; // GA4 leaves quantity out for a single unit
    }
    return true;
}

// GA4 sends select_item (with the list and index) and then view_item for the same click; the
// pair becomes one view that keeps the list and position.
void Ga4Reader::mergeSelectedViews() {
    auto& events = m_result.events;
    const auto key = [&](std::size_t i) {
        return events[i].visitorId + '\x1f' + events[i].productId;
    };
    std::unordered_map<std::string, std::vector<std::pair<std::int64_t, bool>>> selects;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (m_origin[i] == Origin::SelectItem)
            selects[key(i)].emplace_back(events[i].timestamp, false);
    }
    if (selects.empty())
        return;
    for (auto& [name, times] : selects)
        std::sort(times.begin(), times.end());
    std::vector<bool> drop(events.size(), false);
    std::int64_t merged = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (m_origin[i] != Origin::ViewItem)
            continue;
        const auto found = selects.find(key(i));
        if (found == selects.end())
            continue;
        const std::int64_t t = events[i].timestamp;
        auto& times = found->second;
        auto at = std::lower_bound(times.begin(), times.end(),
                                   std::make_pair(t - kSelectMergeSeconds, false));
        for (; at != times.end() && at->first <= t; ++at) {
            if (!at->second) {
                at->second = true;
                drop[i] = true;
                ++merged;
                break;
            }
        }
    }
    std::size_t out = 0;
    for (std::size_t i = 0; i < events.size(); ++i) {
        if (drop[i])
            continue;
        if (out != i) // moving an event onto itself would empty its strings
            events[out] = std::move(events[i]);
        ++out;
    }
    events.resize(out);
    if (merged > 0)
        m_report.warnings.push_back(std::to_string(merged) +
                                    " view_item events came within a minute after a select_item of "
                                    "the same product and were merged into that view");
}

void Ga4Reader::finish() {
    if (m_zeroBased) {
        for (const std::size_t i : m_indexed)
            ++m_result.events[i].position;
    }
    std::int64_t skipped = 0;
    for (const auto& [name, count] : m_skipped)
        skipped += count;
    if (skipped > 0)
        m_report.warnings.push_back(std::to_string(skipped) +
                                    " GA4 events that are not product interactions were "
                                    "skipped: " +
                                    io::countsText(m_skipped));
    mergeSelectedViews();
}

} // namespace

Result<EventImport> importGa4Events(std::istream& in, const ImportOptions& options,
                                    const RunControl& control) {
    EventImport result;
    result.report.format = "ga4";
    auto content = io::readText(in, options, result.report);
    if (!content)
        return content.status();
    CsvReader reader(*content, detectDialect(*content), options.maxFieldBytes);
    CsvRecord header;
    if (auto status = io::readHeader(reader, header, options); !status)
        return status;
    const io::HeaderIndex h(header.fields);
    const Columns c{h.find({"event_timestamp", "event_time", "event_datetime", "timestamp"}),
                    h.find({"event_name"}),
                    h.find({"user_pseudo_id", "client_id"}),
                    h.find({"user_id"}),
                    h.find({"ga_session_id", "param_ga_session_id", "event_params.ga_session_id",
                            "session_id"}),
                    h.find({"item_id", "items.item_id", "items_item_id"}),
                    h.find({"item_list_name", "items.item_list_name"}),
                    h.find({"item_list_index", "items.item_list_index"}),
                    h.find({"price", "item_price", "items.price"}),
                    h.find({"quantity", "items.quantity", "item_quantity"}),
                    h.find({"transaction_id", "ecommerce.transaction_id"}),
                    h.find({"search_term", "param_search_term", "event_params.search_term"})};
    std::vector<std::string> missing;
    io::requireColumn(c.ts, "event_timestamp (or event_time)", missing);
    io::requireColumn(c.name, "event_name", missing);
    io::requireColumn(c.pseudo, "user_pseudo_id", missing);
    io::requireColumn(c.item, "item_id", missing);
    if (!missing.empty())
        return io::missingColumns(options, missing, "flattened GA4",
                                  "event_timestamp,event_name,user_pseudo_id,user_id,"
                                  "ga_session_id,item_id,...: one row per event and item");
    Ga4Reader ga4(c, result);
    if (auto status = io::forEachRecord(reader, header.fields.size(), result.report, control,
                                        [&](const CsvRecord& record) { ga4.row(record); });
        !status)
        return status;
    ga4.finish();
    if (auto status = io::finishEvents(result, control); !status)
        return status;
    return result;
}

} // namespace merch
