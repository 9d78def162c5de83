// RetailRocket events.csv (Kaggle "Retailrocket recommender system dataset"). See
// event_importers.h.
#include "io/event_import_support.h"
#include "merch/event_importers.h"

namespace merch {

Result<EventImport> importRetailRocketEvents(std::istream& in, const ImportOptions& options,
                                             const RunControl& control) {
    EventImport result;
    ImportReport& report = result.report;
    report.format = "retailrocket";
    auto content = io::readText(in, options, report);
    if (!content)
        return content.status();
    CsvReader reader(*content, detectDialect(*content), options.maxFieldBytes);
    CsvRecord header;
    if (auto status = io::readHeader(reader, header, options); !status)
        return status;
    const io::HeaderIndex h(header.fields);
    const int ts = h.find({"timestamp"}), visitor = h.find({"visitorid", "visitor_id"}),
              event = h.find({"event"}), item = h.find({"itemid", "item_id"}),
              transaction = h.find({"transactionid", "transaction_id"});
    std::vector<std::string> missing;
    io::requireColumn(ts, "timestamp", missing);
    io::requireColumn(visitor, "visitorid", missing);
    io::requireColumn(event, "event", missing);
    io::requireColumn(item, "itemid", missing);
    if (!missing.empty())
        return io::missingColumns(options, missing, "RetailRocket",
                                  "timestamp,visitorid,event,itemid,transactionid");

    const auto row = [&](const CsvRecord& record) {
        Event e;
        const auto name = io::toLower(io::trim(io::field(record, event)));
        if (name == "view") {
            e.type = EventType::View;
        } else if (name == "addtocart") {
            e.type = EventType::AddToCart;
        } else if (name == "transaction") {
            e.type = EventType::Purchase;
        } else {
            report.rejected.push_back(io::reject(
                record, event, "event '" + name + "' is not one of view, addtocart, transaction"));
            return;
        }
        const auto stamp = io::millisOrReject(record, ts, "timestamp (unix milliseconds)", report);
        if (!stamp)
            return;
        auto visitorId = io::requiredOrReject(record, visitor, "visitorid", report);
        if (!visitorId)
            return;
        auto product = io::requiredOrReject(record, item, "itemid", report);
        if (!product)
            return;
        if (e.type == EventType::Purchase) {
            auto order =
                io::requiredOrReject(record, transaction, "transactionid of a transaction", report);
            if (!order)
                return;
            e.orderId = std::move(*order);
        }
        e.timestamp = *stamp;
        e.visitorId = std::move(*visitorId);
        e.productId = std::move(*product);
        e.quantity = e.type == EventType::View ? 0 : 1; // the dataset has no quantities
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
