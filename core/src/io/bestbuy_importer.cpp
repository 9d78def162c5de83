// Best Buy product list: `sku,name,release date`, no header. See catalog_importers.h.
#include "io/catalog_support.h"
#include "io/import_support.h"
#include "merch/catalog_importers.h"

namespace merch {

Result<CatalogImport> importBestBuyProducts(std::istream& in, const ImportOptions& options,
                                            const RunControl& control) {
    CatalogImport result;
    ImportReport& report = result.report;
    report.format = "bestbuy";
    auto text = io::readText(in, options, report);
    if (!text)
        return text.status();
    // The format is fixed: commas, double quotes (names hold commas and colons).
    CsvReader reader(*text, CsvDialect{}, options.maxFieldBytes);
    CsvRecord record;
    std::string error;
    std::vector<io::ProductBuilder> builders;
    io::DuplicateIds duplicates;
    std::int64_t badDates = 0;
    std::string firstBadDate;
    bool first = true;
    while (reader.next(record, error)) {
        const bool isFirst = first;
        first = false;
        if (isFirst && error.empty() && io::toLower(io::trim(io::field(record, 0))) == "sku")
            continue; // a header row some copies of the file have
        ++report.rowsRead;
        if (report.rowsRead % 2048 == 0 && !control.report(reader.progress(), "reading products"))
            return Status::cancelled();
        if (!error.empty()) {
            report.rejected.push_back(io::reject(record, -1, error));
            continue;
        }
        // sku, name, release date, and the empty field after the trailing comma.
        const std::size_t n = record.fields.size();
        if (n < 3 || n > 4 || (n == 4 && !io::trim(record.fields[3]).empty())) {
            report.rejected.push_back(io::reject(record, n < 3 ? -1 : 3,
                                                 "row has " + std::to_string(n) +
                                                     " fields; expected sku, name, release date"));
            continue;
        }
        const std::string sku(io::trim(record.fields[0]));
        if (sku.empty()) {
            report.rejected.push_back(io::reject(record, 0, "the row has no SKU"));
            continue;
        }
        const auto seen = duplicates.add("SKU", sku, record.line, io::fingerprint(record));
        if (seen == io::DuplicateIds::Seen::Conflict)
            report.rejected.push_back(io::reject(record, 0, duplicates.conflictReason("SKU", sku)));
        if (seen != io::DuplicateIds::Seen::New)
            continue;
        // The date is not kept; one that does not parse costs a warning, not the product.
        const auto date = io::trim(record.fields[2]);
        if (!date.empty() && !io::parseTimestamp(date) && badDates++ == 0)
            firstBadDate = "line " + std::to_string(record.line) + ": '" + std::string(date) + "'";

        io::ProductBuilder b;
        b.line = record.line;
        b.product.id = sku;
        b.product.title = std::string(io::trim(record.fields[1]));
        Variant v;
        v.sku = sku;
        b.addVariant(std::move(v), std::nullopt);
        builders.push_back(std::move(b));
    }
    if (badDates > 0)
        report.warnings.push_back(std::to_string(badDates) + " row" +
                                  (badDates > 1 ? "s have" : " has") +
                                  " a release date that is not a date (first: " + firstBadDate +
                                  "); the products were kept");
    duplicates.warnRepeats(report);
    if (!control.report(1.0, "reading products"))
        return Status::cancelled();
    io::finishProducts(builders, result.products, report);
    return result;
}

} // namespace merch
