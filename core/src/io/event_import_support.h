// Shared pieces of the public-dataset event importers (GA4, OTTO, Diginetica, RetailRocket,
// YooChoose, Online Retail, Best Buy): the row loop with progress, cancel and ragged-row
// rejection, field checks that reject a row with its column, and the final sessionization.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/import_support.h"
#include "merch/import.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch::io {

inline constexpr std::string_view kReadingEvents = "reading events";

// Reads the first record of `reader` as the header; a file-level error when it cannot.
Status readHeader(CsvReader& reader, CsvRecord& header, const ImportOptions& options);

// Adds `name` to `missing` when the column was not found (`index` < 0).
void requireColumn(int index, std::string_view name, std::vector<std::string>& missing);

// "<file>, line 1: missing required column(s) a, b (the <format> header is <expected>)".
Status missingColumns(const ImportOptions& options, const std::vector<std::string>& missing,
                      std::string_view format, std::string_view expectedHeader);

// Reads the records left in `reader`. Records the reader flagged and records whose field count
// differs from `width` are rejected; the others go to `row`. Counts report.rowsRead, reports
// progress every 16384 rows and returns Cancelled when the caller asks to stop.
Status forEachRecord(CsvReader& reader, std::size_t width, ImportReport& report,
                     const RunControl& control, const std::function<void(const CsvRecord&)>& row);

// Progress every 16384 rows for importers with their own loop; false means cancel.
bool keepGoing(std::int64_t rowsRead, double fraction, const RunControl& control);

// The field at `index`, trimmed; empty when the column is absent.
std::string trimmedField(const CsvRecord& record, int index);

// Checked conversions: each returns nullopt after adding a rejected row that names the field
// (`what`) and points at its column. Empty fields are rejected as "is empty".
std::optional<double> amountOrReject(const CsvRecord& record, int index, std::string_view what,
                                     ImportReport& report); // a number >= 0
std::optional<std::int64_t> wholeOrReject(const CsvRecord& record, int index, std::string_view what,
                                          std::int64_t minimum, std::int64_t maximum,
                                          ImportReport& report);
std::optional<std::int64_t> timestampOrReject(const CsvRecord& record, int index,
                                              std::string_view what,
                                              ImportReport& report); // ISO 8601 or unix s/ms
// Milliseconds (a whole number >= 0) -> seconds, rounded down.
std::optional<std::int64_t> millisOrReject(const CsvRecord& record, int index,
                                           std::string_view what, ImportReport& report);
// A field that must not be empty; returns it trimmed.
std::optional<std::string> requiredOrReject(const CsvRecord& record, int index,
                                            std::string_view what, ImportReport& report);

// "a (12), b (3), c (1) and 4 more" from counts, largest first, at most `shown` names.
std::string countsText(const std::map<std::string, std::int64_t>& counts, std::size_t shown = 5);

// Gives events without a session id one (sessionize, 30 minutes of inactivity), adds the
// warning that says so, and reports completion. Returns Cancelled when asked to stop.
Status finishEvents(EventImport& result, const RunControl& control);

} // namespace merch::io
