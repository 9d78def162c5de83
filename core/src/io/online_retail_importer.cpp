// UCI Online Retail (and Online Retail II) invoice lines. See event_importers.h.
#include <charconv>
#include <cstdio>
#include <functional>
#include <unordered_set>

#include "io/event_import_support.h"
#include "merch/event_importers.h"

namespace merch {

namespace {

// "12/1/2010 8:26" (month/day/year hour:minute[:second], as the UCI file writes it), or
// anything parseTimestamp reads ("2010-12-01 08:26:00" from Online Retail II). UTC assumed.
std::optional<std::int64_t> invoiceDate(std::string_view text) {
    text = io::trim(text);
    if (text.find('/') == std::string_view::npos)
        return io::parseTimestamp(text);
    int parts[6] = {0, 0, 0, 0, 0, 0}; // month, day, year, hour, minute, second
    int count = 0;
    const char* at = text.data();
    const char* const end = text.data() + text.size();
    const char separators[] = {'/', '/', ' ', ':', ':'};
    while (count < 6) {
        const auto [next, ec] = std::from_chars(at, end, parts[count]);
        if (ec != std::errc() || next == at)
            return std::nullopt;
        ++count;
        at = next;
        if (at == end)
            break;
        if (count > 5 || *at != separators[count - 1])
            return std::nullopt;
        ++at;
        while (count == 3 && at != end && *at == ' ')
            ++at;
    }
    if (at != end || count < 3 || count == 4 || parts[2] < 1000 || parts[2] > 9999)
        return std::nullopt;
    char iso[32];
    const int length = std::snprintf(iso, sizeof iso, "%04d-%02d-%02d %02d:%02d:%02d", parts[2],
                                     parts[0], parts[1], parts[3], parts[4], parts[5]);
    if (length != 19 || parts[0] > 12 || parts[1] > 31)
        return std::nullopt;
    return io::parseTimestamp(std::string_view(iso, std::size_t(length)));
}

// Spreadsheet round trips turn customer 17850 into "17850.0".
std::string customerId(std::string text) {
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0 &&
        io::parseInteger(text.substr(0, text.size() - 2)))
        text.resize(text.size() - 2);
    return text;
}

} // namespace

Result<EventImport> importOnlineRetailInvoices(std::istream& in, const ImportOptions& options,
                                               const RunControl& control) {
    EventImport result;
    ImportReport& report = result.report;
    report.format = "online-retail";
    auto content = io::readText(in, options, report);
    if (!content)
        return content.status();
    CsvReader reader(*content, detectDialect(*content), options.maxFieldBytes);
    CsvRecord header;
    if (auto status = io::readHeader(reader, header, options); !status)
        return status;
    const io::HeaderIndex h(header.fields);
    const int invoice = h.find({"invoiceno", "invoice"}), stock = h.find({"stockcode"}),
              quantity = h.find({"quantity"}), date = h.find({"invoicedate"}),
              price = h.find({"unitprice", "price"}),
              customer = h.find({"customerid", "customer id"});
    std::vector<std::string> missing;
    io::requireColumn(invoice, "InvoiceNo", missing);
    io::requireColumn(stock, "StockCode", missing);
    io::requireColumn(quantity, "Quantity", missing);
    io::requireColumn(date, "InvoiceDate", missing);
    io::requireColumn(price, "UnitPrice", missing);
    if (!missing.empty())
        return io::missingColumns(
            options, missing, "UCI Online Retail",
            "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country");

    std::int64_t cancellations = 0, repeats = 0;
    std::unordered_set<std::size_t> seenRows; // hashes of the rows read, for exact repeats
    const auto row = [&](const CsvRecord& record) {
        auto invoiceNo = io::requiredOrReject(record, invoice, "InvoiceNo", report);
        if (!invoiceNo)
            return;
        if ((*invoiceNo)[0] == 'C' || (*invoiceNo)[0] == 'c') {
            ++cancellations;
            report.rejected.push_back(io::reject(record, invoice,
                                                 "invoice " + *invoiceNo +
                                                     " cancels an earlier order; MerchSim "
                                                     "imports purchases, not returns"));
            return;
        }
        auto product = io::requiredOrReject(record, stock, "StockCode", report);
        if (!product)
            return;
        const auto units = io::wholeOrReject(record, quantity, "Quantity", 1, 1'000'000, report);
        if (!units)
            return;
        const auto text = io::trim(io::field(record, date));
        const auto stamp = invoiceDate(text);
        if (!stamp || *stamp < 0) {
            report.rejected.push_back(io::reject(record, date,
                                                 "InvoiceDate '" + std::string(text) +
                                                     "' is not a date like 12/1/2010 8:26"));
            return;
        }
        const auto unitPrice = io::amountOrReject(record, price, "UnitPrice", report);
        if (!unitPrice)
            return;
        if (!seenRows.insert(std::hash<std::string_view>{}(record.raw)).second)
            ++repeats;
        Event e;
        e.type = EventType::Purchase;
        e.timestamp = *stamp;
        e.customerId = customerId(io::trimmedField(record, customer));
        e.orderId = std::move(*invoiceNo);
        e.sessionId = e.customerId.empty() ? e.orderId : e.customerId + "/" + e.orderId;
        e.productId = std::move(*product);
        e.quantity = int(*units);
        e.price = *unitPrice;
        result.events.push_back(std::move(e));
    };
    if (auto status = io::forEachRecord(reader, header.fields.size(), report, control, row);
        !status)
        return status;
    if (cancellations > 0)
        report.warnings.push_back(std::to_string(cancellations) +
                                  " cancellation rows (InvoiceNo starting with C) were rejected: "
                                  "MerchSim models purchases, not returns");
    if (repeats > 0)
        report.warnings.push_back(std::to_string(repeats) +
                                  " rows repeat an earlier row exactly; they were kept, as the "
                                  "source lists them separately");
    if (auto status = io::finishEvents(result, control); !status)
        return status;
    return result;
}

} // namespace merch
