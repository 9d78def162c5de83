// CsvReader: RFC 4180 records from UTF-8 text, with the line and column of every field, so
// that a bad value can be reported where the user can find it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace merch {

struct CsvDialect {
    char delimiter = ','; // ',', ';', '\t' or '|'
    char quote = '"';     // '\0' disables quoting (plain TSV)
};

// Picks the delimiter whose count is most consistent over the first lines of `text`
// (',' ';' '\t' '|'), as spreadsheet programs do.
CsvDialect detectDialect(std::string_view text);

struct CsvRecord {
    std::vector<std::string> fields;
    std::vector<int> columns; // 1-based character column where each field starts
    std::int64_t line = 0;    // 1-based line where the record starts
    std::string_view raw;     // the record's text as in the file, without the line break
};

class CsvReader {
public:
    // Fields longer than this are an error ("huge field"): 1 MiB by default.
    static constexpr std::size_t kDefaultMaxFieldBytes = 1 << 20;

    CsvReader(std::string_view text, CsvDialect dialect,
              std::size_t maxFieldBytes = kDefaultMaxFieldBytes);

    // Reads the next record. Returns false at the end of the text. A malformed record (an
    // unterminated quote, text after a closing quote, a huge field) sets `error` and is still
    // returned with its line, so the caller can reject it and go on.
    bool next(CsvRecord& record, std::string& error);

    // Fraction of the text consumed, for progress reports.
    double progress() const { return m_text.empty() ? 1.0 : double(m_pos) / double(m_text.size()); }
    std::int64_t line() const { return m_line; }

private:
    std::string_view m_text;
    CsvDialect m_dialect;
    std::size_t m_maxField;
    std::size_t m_pos = 0;
    std::int64_t m_line = 1;
};

} // namespace merch
