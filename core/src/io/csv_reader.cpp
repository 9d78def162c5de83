#include "merch/csv_reader.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace merch {

namespace {
bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}
} // namespace

CsvDialect detectDialect(std::string_view text) {
    // Count each candidate per line over the first lines, outside quotes; prefer the one that
    // appears on every line the same number of times, and most often.
    constexpr std::array<char, 4> candidates = {',', ';', '\t', '|'};
    std::array<std::vector<int>, 4> counts;
    std::array<int, 4> current{};
    bool quoted = false;
    int lines = 0;
    for (std::size_t i = 0; i < text.size() && lines < 20; ++i) {
        const char c = text[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            for (std::size_t k = 0; k < candidates.size(); ++k) {
                counts[k].push_back(current[k]);
                current[k] = 0;
            }
            ++lines;
        } else if (!quoted) {
            for (std::size_t k = 0; k < candidates.size(); ++k)
                current[k] += c == candidates[k] ? 1 : 0;
        }
    }
    if (lines < 20) {
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            if (current[k] > 0 || counts[k].empty())
                counts[k].push_back(current[k]);
        }
    }
    CsvDialect best;
    double bestScore = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        const auto& c = counts[k];
        if (c.empty() || c.front() == 0)
            continue;
        const auto consistent = std::count(c.begin(), c.end(), c.front());
        const double score = double(consistent) / double(c.size()) * 1000.0 + c.front();
        if (score > bestScore) {
            bestScore = score;
            best.delimiter = candidates[k];
        }
    }
    return best;
}

CsvReader::CsvReader(std::string_view text, CsvDialect dialect, std::size_t maxFieldBytes)
    : m_text(text)
    , m_dialect(dialect)
    , m_maxField(maxFieldBytes) {}

bool CsvReader::next(CsvRecord& record, std::string& error) {
    error.clear();
    record.fields.clear();
    record.columns.clear();
    // Skip blank lines between records.
    while (m_pos < m_text.size() && (m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
        if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }
    if (m_pos >= m_text.size())
        return false;

    const std::size_t start = m_pos;
    record.line = m_line;
    int column = 1;
    const auto fail = [&](std::string message) {
        if (error.empty())
            error = std::move(message);
    };
    const char delimiter = m_dialect.delimiter;
    const char quote = m_dialect.quote;
    for (;;) {
        std::string field;
        record.columns.push_back(column);
        const int fieldColumn = column;
        const std::int64_t fieldLine = m_line;
        bool tooLong = false;
        const auto append = [&](char c) {
            if (field.size() < m_maxField)
                field += c;
            else
                tooLong = true;
        };
        if (quote != '\0' && m_pos < m_text.size() && m_text[m_pos] == quote) {
            ++m_pos;
            ++column;
            bool closed = false;
            while (m_pos < m_text.size()) {
                const char c = m_text[m_pos];
                if (c == quote) {
                    if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == quote) {
                        append(quote);
                        m_pos += 2;
                        column += 2;
                        continue;
                    }
                    ++m_pos;
                    ++column;
                    closed = true;
                    break;
                }
                if (c == '\n') {
                    ++m_line;
                    column = 1;
                } else if (!isContinuation(c)) {
                    ++column;
                }
                append(c);
                ++m_pos;
            }
            if (!closed)
                fail("field " + std::to_string(record.fields.size() + 1) +
                     " opens a quote at line " + std::to_string(fieldLine) + ", column " +
                     std::to_string(fieldColumn) + " that is never closed");
            // Text between the closing quote and the delimiter: keep it, but report it.
            while (m_pos < m_text.size() && m_text[m_pos] != delimiter && m_text[m_pos] != '\n' &&
                   m_text[m_pos] != '\r') {
                fail("unexpected text after the closing quote at line " + std::to_string(m_line) +
                     ", column " + std::to_string(column));
                if (!isContinuation(m_text[m_pos]))
                    ++column;
                append(m_text[m_pos++]);
            }
        } else {
            while (m_pos < m_text.size()) {
                const char c = m_text[m_pos];
                if (c == delimiter || c == '\n' || c == '\r')
                    break;
                if (!isContinuation(c))
                    ++column;
                append(c);
                ++m_pos;
            }
        }
        if (tooLong)
            fail("field " + std::to_string(record.fields.size() + 1) + " at line " +
                 std::to_string(fieldLine) + ", column " + std::to_string(fieldColumn) +
                 " is longer than " + std::to_string(m_maxField / 1024) + " KiB");
        record.fields.push_back(std::move(field));
        if (m_pos < m_text.size() && m_text[m_pos] == delimiter) {
            ++m_pos;
            ++column;
            continue;
        }
        break;
    }
    std::size_t end = m_pos;
    if (m_pos < m_text.size()) {
        if (m_text[m_pos] == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n')
            ++m_pos;
        ++m_pos;
        ++m_line;
    }
    end = std::min(end, m_text.size());
    record.raw = m_text.substr(start, end - start);
    return true;
}

} // namespace merch
