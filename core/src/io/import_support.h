// Shared pieces of the importers: reading a stream as text, finding columns by any of their
// names, and parsing numbers and timestamps the way store exports write them.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "merch/csv_reader.h"
#include "merch/import.h"
#include "merch/status.h"
#include "merch/text_decoding.h"

namespace merch::io {

// Reads the whole stream and decodes it; fills report.encoding, contentHash and warnings.
Result<std::string> readText(std::istream& in, const ImportOptions& options, ImportReport& report);

// Column positions by name: case-insensitive, surrounding spaces ignored.
class HeaderIndex {
public:
    explicit HeaderIndex(const std::vector<std::string>& header);
    // The first of `names` present, or -1.
    int find(std::initializer_list<std::string_view> names) const;
    const std::vector<std::string>& names() const { return m_lower; }

private:
    std::vector<std::string> m_lower;
};

std::string toLower(std::string_view text);
std::string_view trim(std::string_view text);

// "12.50", "1,234.50", "$12.50", "12,50" (decimal comma) -> 12.5. Empty -> nullopt with
// `empty` set; anything else that is not a number -> nullopt.
std::optional<double> parseNumber(std::string_view text);
std::optional<std::int64_t> parseInteger(std::string_view text);
// Unix seconds (milliseconds above 1e11 are divided), or ISO 8601 date-time with optional
// fraction and offset ("2026-01-05T10:00:00Z", "2026-01-05 10:00:00+02:00", "2026-01-05").
std::optional<std::int64_t> parseTimestamp(std::string_view text);

// The field at `index` of a record, or empty when the index is -1 or past the end.
inline std::string_view field(const CsvRecord& record, int index) {
    if (index < 0 || std::size_t(index) >= record.fields.size())
        return {};
    return record.fields[std::size_t(index)];
}
inline int columnOf(const CsvRecord& record, int index) {
    if (index < 0 || std::size_t(index) >= record.columns.size())
        return 0;
    return record.columns[std::size_t(index)];
}

// A rejected row from a record.
RejectedRow reject(const CsvRecord& record, int fieldIndex, std::string reason);

// Rejects a record the reader flagged (`error`) or whose field count differs from the header's
// `width`; returns true when it did.
bool rejectMalformed(const CsvRecord& record, const std::string& error, std::size_t width,
                     ImportReport& report);

} // namespace merch::io
