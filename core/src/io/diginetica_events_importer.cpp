// DIGINETICA (CIKM Cup 2016) item views and purchases. See event_importers.h.
#include "io/event_import_support.h"
#include "merch/event_importers.h"

namespace merch {

Result<EventImport> importDigineticaEvents(std::istream& in, const ImportOptions& options,
                                           const RunControl& control) {
    EventImport result;
    ImportReport& report = result.report;
    report.format = "diginetica";
    auto content = io::readText(in, options, report);
    if (!content)
        return content.status();
    CsvReader reader(*content, detectDialect(*content), options.maxFieldBytes);
    CsvRecord header;
    if (auto status = io::readHeader(reader, header, options); !status)
        return status;
    const io::HeaderIndex h(header.fields);
    const int session = h.find({"session_id", "sessionid"}), user = h.find({"user_id", "userid"}),
              item = h.find({"item_id", "itemid"}), timeframe = h.find({"timeframe"}),
              date = h.find({"eventdate", "event_date"}),
              order = h.find({"ordernumber", "order_number"});
    std::vector<std::string> missing;
    io::requireColumn(session, "session_id", missing);
    io::requireColumn(item, "item_id", missing);
    io::requireColumn(timeframe, "timeframe", missing);
    io::requireColumn(date, "eventdate", missing);
    if (!missing.empty())
        return io::missingColumns(options, missing, "DIGINETICA",
                                  "session_id;user_id;item_id;timeframe;eventdate");
    // The purchases file (train-purchases.csv) has an ordernumber column; item views do not.
    const EventType type = order >= 0 ? EventType::Purchase : EventType::View;

    const auto row = [&](const CsvRecord& record) {
        Event e;
        e.type = type;
        auto sessionId = io::requiredOrReject(record, session, "session_id", report);
        if (!sessionId)
            return;
        auto product = io::requiredOrReject(record, item, "item_id", report);
        if (!product)
            return;
        // timeframe: milliseconds since the session's first event; eventdate: its day (UTC).
        const auto offset =
            io::millisOrReject(record, timeframe, "timeframe (milliseconds)", report);
        if (!offset)
            return;
        const auto text = io::trim(io::field(record, date));
        const auto day = io::parseTimestamp(text);
        if (!day || *day < 0 || text.size() != 10) {
            report.rejected.push_back(
                io::reject(record, date,
                           "eventdate '" + std::string(text) + "' is not a date like 2016-05-09"));
            return;
        }
        e.timestamp = *day + *offset;
        e.sessionId = std::move(*sessionId);
        e.productId = std::move(*product);
        if (const auto customer = io::trimmedField(record, user); customer != "NA")
            e.customerId = customer;
        if (type == EventType::Purchase) {
            auto orderId = io::requiredOrReject(record, order, "ordernumber", report);
            if (!orderId)
                return;
            e.orderId = std::move(*orderId);
            e.quantity = 1;
        }
        result.events.push_back(std::move(e));
    };
    if (auto status = io::forEachRecord(reader, header.fields.size(), report, control, row);
        !status)
        return status;
    if (auto status = io::finishEvents(result, control); !status)
        return status;
    return result;
}

} // namespace merch
