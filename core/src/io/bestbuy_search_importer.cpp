// Best Buy search click log (ACM SF hackathon 2012 "small" data). See event_importers.h.
#include "io/event_import_support.h"
#include "merch/event_importers.h"

namespace merch {

Result<EventImport> importBestBuySearchLog(std::istream& in, const ImportOptions& options,
                                           const RunControl& control) {
    EventImport result;
    ImportReport& report = result.report;
    report.format = "bestbuy";
    auto content = io::readText(in, options, report);
    if (!content)
        return content.status();
    CsvReader reader(*content, detectDialect(*content), options.maxFieldBytes);
    CsvRecord first;
    if (auto status = io::readHeader(reader, first, options); !status)
        return status;

    // The competition's train.csv has a header; copies of it (mytrain.csv) often do not.
    struct Columns {
        int user = 0, sku = 1, query = 3, click = 4, queryTime = 5;
    } c;
    const bool headed = io::toLower(io::trim(io::field(first, 0))) == "user";
    const std::size_t width = first.fields.size();
    if (headed) {
        const io::HeaderIndex h(first.fields);
        c = {h.find({"user"}), h.find({"sku"}), h.find({"query"}), h.find({"click_time"}),
             h.find({"query_time"})};
        std::vector<std::string> missing;
        io::requireColumn(c.sku, "sku", missing);
        io::requireColumn(c.query, "query", missing);
        io::requireColumn(c.click, "click_time", missing);
        io::requireColumn(c.queryTime, "query_time", missing);
        if (!missing.empty())
            return io::missingColumns(options, missing, "Best Buy search log",
                                      "user,sku,category,query,click_time,query_time");
    } else if (width != 6 || !io::parseTimestamp(io::field(first, 4)) ||
               !io::parseTimestamp(io::field(first, 5))) {
        return Status::invalidArgument(
            options.fileName +
            ", line 1: not a Best Buy search log: expected user,sku,category,query,click_time,"
            "query_time (with or without that header), times like 2011-09-01 23:44:52.533");
    }

    std::int64_t clickBeforeQuery = 0;
    const auto row = [&](const CsvRecord& record) {
        auto user = io::requiredOrReject(record, c.user, "user", report);
        if (!user)
            return;
        auto sku = io::requiredOrReject(record, c.sku, "sku", report);
        if (!sku)
            return;
        auto query = io::requiredOrReject(record, c.query, "query", report);
        if (!query)
            return;
        const auto searched = io::timestampOrReject(record, c.queryTime, "query_time", report);
        if (!searched)
            return;
        const auto clicked = io::timestampOrReject(record, c.click, "click_time", report);
        if (!clicked)
            return;
        clickBeforeQuery += *clicked < *searched ? 1 : 0;
        Event search;
        search.type = EventType::Search;
        search.timestamp = *searched;
        search.visitorId = std::move(*user);
        search.query = std::move(*query);
        Event view = search;
        view.type = EventType::View;
        view.timestamp = *clicked;
        view.productId = std::move(*sku);
        view.list = "search";
        result.events.push_back(std::move(search));
        result.events.push_back(std::move(view));
    };
    if (!headed) {
        ++report.rowsRead;
        row(first);
    }
    if (auto status = io::forEachRecord(reader, width, report, control, row); !status)
        return status;
    if (clickBeforeQuery > 0)
        report.warnings.push_back(std::to_string(clickBeforeQuery) +
                                  " clicks are timed before their search (clock skew in the log); "
                                  "they were kept as they are");
    if (auto status = io::finishEvents(result, control); !status)
        return status;
    return result;
}

} // namespace merch
