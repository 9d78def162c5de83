#include "io/event_import_support.h"

#include <algorithm>

#include "merch/event_importers.h"

namespace merch::io {

namespace {

std::string quoted(std::string_view text) {
    constexpr std::size_t kShown = 40;
    if (text.size() <= kShown)
        return "'" + std::string(text) + "'";
    return "'" + std::string(text.substr(0, kShown)) + "...'";
}

} // namespace

Status readHeader(CsvReader& reader, CsvRecord& header, const ImportOptions& options) {
    std::string error;
    if (!reader.next(header, error) || !error.empty())
        return Status::invalidArgument(options.fileName +
                                       ", line 1: the header row could not be read" +
                                       (error.empty() ? "" : " (" + error + ")"));
    return Status::ok();
}

void requireColumn(int index, std::string_view name, std::vector<std::string>& missing) {
    if (index < 0)
        missing.emplace_back(name);
}

Status missingColumns(const ImportOptions& options, const std::vector<std::string>& missing,
                      std::string_view format, std::string_view expectedHeader) {
    std::string names;
    for (const auto& name : missing)
        names += (names.empty() ? "" : ", ") + name;
    return Status::invalidArgument(options.fileName + ", line 1: missing required column(s) " +
                                   names + " (the " + std::string(format) + " header is " +
                                   std::string(expectedHeader) + ")");
}

bool keepGoing(std::int64_t rowsRead, double fraction, const RunControl& control) {
    return (rowsRead & 0x3FFF) != 0 || control.report(fraction, kReadingEvents);
}

Status forEachRecord(CsvReader& reader, std::size_t width, ImportReport& report,
                     const RunControl& control, const std::function<void(const CsvRecord&)>& row) {
    CsvRecord record;
    std::string error;
    while (reader.next(record, error)) {
        ++report.rowsRead;
        if (!keepGoing(report.rowsRead, reader.progress(), control))
            return Status::cancelled();
        if (!error.empty()) {
            report.rejected.push_back(reject(record, -1, error));
            continue;
        }
        if (record.fields.size() != width) {
            report.rejected.push_back(reject(record, -1,
                                             "row has " + std::to_string(record.fields.size()) +
                                                 " fields, expected " + std::to_string(width)));
            continue;
        }
        row(record);
    }
    return Status::ok();
}

std::string trimmedField(const CsvRecord& record, int index) {
    return std::string(trim(field(record, index)));
}

std::optional<double> amountOrReject(const CsvRecord& record, int index, std::string_view what,
                                     ImportReport& report) {
    const auto text = trim(field(record, index));
    const auto value = parseNumber(text);
    if (value && *value >= 0)
        return value;
    report.rejected.push_back(reject(record, index,
                                     std::string(what) + " " + quoted(text) + " is " +
                                         (text.empty() ? "empty"
                                          : value      ? "negative"
                                                       : "not a number")));
    return std::nullopt;
}

std::optional<std::int64_t> wholeOrReject(const CsvRecord& record, int index, std::string_view what,
                                          std::int64_t minimum, std::int64_t maximum,
                                          ImportReport& report) {
    const auto text = trim(field(record, index));
    const auto value = parseInteger(text);
    if (value && *value >= minimum && *value <= maximum)
        return value;
    std::string reason = std::string(what) + " " + quoted(text) + " is ";
    if (text.empty())
        reason += "empty";
    else if (value && *value < minimum && minimum == 0)
        reason += "negative";
    else
        reason +=
            "not a whole number from " + std::to_string(minimum) + " to " + std::to_string(maximum);
    report.rejected.push_back(reject(record, index, std::move(reason)));
    return std::nullopt;
}

std::optional<std::int64_t> timestampOrReject(const CsvRecord& record, int index,
                                              std::string_view what, ImportReport& report) {
    const auto text = trim(field(record, index));
    const auto value = parseTimestamp(text);
    if (value && *value >= 0)
        return value;
    report.rejected.push_back(
        reject(record, index,
               std::string(what) + " " + quoted(text) + " is " +
                   (text.empty() ? "empty"
                    : value      ? "before 1970"
                                 : "neither an ISO 8601 date-time nor unix seconds")));
    return std::nullopt;
}

std::optional<std::int64_t> millisOrReject(const CsvRecord& record, int index,
                                           std::string_view what, ImportReport& report) {
    const auto millis = wholeOrReject(record, index, what, 0, std::int64_t(1) << 52, report);
    if (!millis)
        return std::nullopt;
    return *millis / 1000;
}

std::optional<std::string> requiredOrReject(const CsvRecord& record, int index,
                                            std::string_view what, ImportReport& report) {
    auto text = trimmedField(record, index);
    if (!text.empty())
        return text;
    report.rejected.push_back(reject(record, index, std::string(what) + " is empty"));
    return std::nullopt;
}

std::string countsText(const std::map<std::string, std::int64_t>& counts, std::size_t shown) {
    std::vector<std::pair<std::string, std::int64_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string text;
    for (std::size_t i = 0; i < sorted.size() && i < shown; ++i)
        text += (text.empty() ? "" : ", ") + sorted[i].first + " (" +
                std::to_string(sorted[i].second) + ")";
    if (sorted.size() > shown)
        text += " and " + std::to_string(sorted.size() - shown) + " more";
    return text;
}

Status finishEvents(EventImport& result, const RunControl& control) {
    result.sessionized = sessionize(result.events);
    if (result.sessionized > 0)
        result.report.warnings.push_back(
            std::to_string(result.sessionized) +
            " events had no session id and were grouped into sessions per shopper "
            "(30 minutes of inactivity ends a session)");
    if (!control.report(1.0, kReadingEvents))
        return Status::cancelled();
    return Status::ok();
}

} // namespace merch::io
