// YooChoose (RecSys Challenge 2015) clicks and buys, and session-rec's prepared TSV. See
// event_importers.h.
#include "io/event_import_support.h"
#include "merch/event_importers.h"

namespace merch {

namespace {

enum class Layout { Clicks, Buys, SessionRec };

struct Columns {
    int session = 0, item = 2, time = 1, price = -1, quantity = -1;
};

constexpr std::string_view kExpected =
    "expected the RecSys 2015 clicks without a header (session,timestamp,item,category as in "
    "1,2014-04-07T10:51:09.277Z,214536502,0), the buys (session,timestamp,item,price,quantity) "
    "or session-rec's SessionId<TAB>ItemId<TAB>Time with its header";

} // namespace

Result<EventImport> importYoochooseEvents(std::istream& in, const ImportOptions& options,
                                          const RunControl& control) {
    EventImport result;
    ImportReport& report = result.report;
    report.format = "yoochoose";
    auto content = io::readText(in, options, report);
    if (!content)
        return content.status();
    CsvReader reader(*content, detectDialect(*content), options.maxFieldBytes);
    CsvRecord first;
    if (auto status = io::readHeader(reader, first, options); !status)
        return status;

    // The original files have no header: a first row starting with a session number and a
    // timestamp is data. Otherwise the first row must be a header naming the columns.
    Layout layout = Layout::SessionRec;
    Columns c;
    const bool data = io::parseInteger(io::field(first, 0)).has_value() &&
                      io::parseTimestamp(io::field(first, 1)).has_value();
    if (data) {
        if (first.fields.size() != 4 && first.fields.size() != 5)
            return Status::invalidArgument(options.fileName + ", line 1: the row has " +
                                           std::to_string(first.fields.size()) + " fields; " +
                                           std::string(kExpected));
        layout = first.fields.size() == 4 ? Layout::Clicks : Layout::Buys;
        if (layout == Layout::Buys) {
            c.price = 3;
            c.quantity = 4;
        }
    } else {
        const io::HeaderIndex h(first.fields);
        c.session = h.find({"sessionid", "session_id", "session"});
        c.item = h.find({"itemid", "item_id", "item"});
        c.time = h.find({"time", "timestamp"});
        if (c.session < 0 && c.item < 0 && c.time < 0)
            return Status::invalidArgument(options.fileName +
                                           ", line 1: neither a YooChoose row nor a header; " +
                                           std::string(kExpected));
        std::vector<std::string> missing;
        io::requireColumn(c.session, "SessionId", missing);
        io::requireColumn(c.item, "ItemId", missing);
        io::requireColumn(c.time, "Time", missing);
        if (!missing.empty())
            return io::missingColumns(options, missing, "session-rec YooChoose",
                                      "SessionId<TAB>ItemId<TAB>Time");
    }

    const auto row = [&](const CsvRecord& record) {
        Event e;
        auto session = io::requiredOrReject(record, c.session, "session", report);
        if (!session)
            return;
        auto product = io::requiredOrReject(record, c.item, "item", report);
        if (!product)
            return;
        const auto stamp = io::timestampOrReject(record, c.time, "timestamp", report);
        if (!stamp)
            return;
        e.timestamp = *stamp;
        e.sessionId = std::move(*session);
        e.productId = std::move(*product);
        e.type = EventType::View;
        if (layout == Layout::Buys) {
            // Price and quantity 0 mean "not known" in the buys file.
            const auto price = io::amountOrReject(record, c.price, "price", report);
            if (!price)
                return;
            const auto quantity =
                io::wholeOrReject(record, c.quantity, "quantity", 0, 1'000'000, report);
            if (!quantity)
                return;
            e.type = EventType::Purchase;
            e.price = *price;
            e.quantity = *quantity == 0 ? 1 : int(*quantity);
            e.orderId = e.sessionId; // a session's buys form one order
        }
        result.events.push_back(std::move(e));
    };
    const std::size_t width = first.fields.size();
    if (data) {
        ++report.rowsRead;
        row(first);
    }
    if (auto status = io::forEachRecord(reader, width, report, control, row); !status)
        return status;
    if (auto status = io::finishEvents(result, control); !status)
        return status;
    return result;
}

} // namespace merch
