#include "io/import_support.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace merch {

std::string contentHash(std::string_view text) {
    std::uint64_t hash = 0xCBF29CE484222325ULL;
    for (char c : text) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001B3ULL;
    }
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
    return buffer;
}

} // namespace merch

namespace merch::io {

namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's days_from_civil formula).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2 ? 1 : 0;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + std::int64_t(doe) - 719468;
}

bool digits(std::string_view text, std::size_t at, std::size_t count, int& value) {
    if (at + count > text.size())
        return false;
    value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!std::isdigit(static_cast<unsigned char>(text[i])))
            return false;
        value = value * 10 + (text[i] - '0');
    }
    return true;
}

} // namespace

Result<std::string> readText(std::istream& in, const ImportOptions& options, ImportReport& report) {
    report.fileName = options.fileName;
    std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (in.bad())
        return Status::error(StatusCode::IoError, "could not read " + options.fileName);
    if (bytes.empty())
        return Status::invalidArgument(options.fileName + " is empty");
    auto decoded = decodeText(std::move(bytes), options.fileName);
    if (!decoded)
        return decoded.status();
    report.encoding = decoded->encoding;
    report.contentHash = contentHash(decoded->text);
    for (auto& warning : decoded->warnings)
        report.warnings.push_back(std::move(warning));
    if (trim(decoded->text).empty())
        return Status::invalidArgument(options.fileName + " holds no data (only blank lines)");
    return std::move(decoded->text);
}

std::string toLower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view trim(std::string_view text) {
    const auto space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && space(text.back()))
        text.remove_suffix(1);
    return text;
}

HeaderIndex::HeaderIndex(const std::vector<std::string>& header) {
    for (const auto& name : header)
        m_lower.push_back(toLower(trim(name)));
}

int HeaderIndex::find(std::initializer_list<std::string_view> names) const {
    for (const auto name : names) {
        const auto found = std::find(m_lower.begin(), m_lower.end(), name);
        if (found != m_lower.end())
            return int(found - m_lower.begin());
    }
    return -1;
}

std::optional<double> parseNumber(std::string_view text) {
    text = trim(text);
    std::string cleaned;
    for (char c : text) {
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == ',' || c == '-' ||
            c == '+' || c == 'e' || c == 'E')
            cleaned += c;
        else if (c == '$' || c == ' ' || c == '\'' || c == '_')
            continue; // currency sign and thousands separators
        else if (static_cast<unsigned char>(c) >= 0x80)
            continue; // €, £ and other non-ASCII currency signs
        else
            return std::nullopt;
    }
    if (cleaned.empty())
        return std::nullopt;
    const auto comma = cleaned.find(',');
    const auto dot = cleaned.find('.');
    if (comma != std::string::npos) {
        if (dot != std::string::npos && dot > comma) {
            cleaned.erase(std::remove(cleaned.begin(), cleaned.end(), ','), cleaned.end());
        } else if (dot == std::string::npos && cleaned.find(',', comma + 1) == std::string::npos &&
                   cleaned.size() - comma - 1 != 3) {
            cleaned[comma] = '.'; // a decimal comma: "12,50"
        } else if (dot != std::string::npos) {
            // "1.234,50": dots group thousands, the comma is the decimal mark.
            cleaned.erase(std::remove(cleaned.begin(), cleaned.end(), '.'), cleaned.end());
            std::replace(cleaned.begin(), cleaned.end(), ',', '.');
        } else {
            cleaned.erase(std::remove(cleaned.begin(), cleaned.end(), ','), cleaned.end());
        }
    }
    double value = 0;
    const auto* end = cleaned.data() + cleaned.size();
    const auto [ptr, ec] = std::from_chars(cleaned.data(), end, value);
    if (ec != std::errc() || ptr != end || !std::isfinite(value))
        return std::nullopt;
    return value;
}

std::optional<std::int64_t> parseInteger(std::string_view text) {
    text = trim(text);
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    std::int64_t value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || ptr != text.data() + text.size()) {
        // "3.0" from spreadsheets is still a whole number.
        const auto number = parseNumber(text);
        if (number && *number == std::floor(*number) && std::abs(*number) < 9e15)
            return std::int64_t(*number);
        return std::nullopt;
    }
    return value;
}

std::optional<std::int64_t> parseTimestamp(std::string_view text) {
    text = trim(text);
    if (text.empty())
        return std::nullopt;
    if (text.find('-') == std::string_view::npos || text.front() == '-') {
        const auto number = parseNumber(text);
        if (!number || text.find(',') != std::string_view::npos)
            return std::nullopt;
        double seconds = *number;
        if (std::abs(seconds) > 1e11)
            seconds /= 1000.0; // milliseconds
        // Years 1900 to 2200: anything else is not a timestamp (and would overflow int64).
        if (!(seconds >= -2208988800.0 && seconds <= 7258118400.0))
            return std::nullopt;
        return std::int64_t(std::floor(seconds));
    }
    int year = 0, month = 0, day = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' ||
        !digits(text, 5, 2, month) || text[7] != '-' || !digits(text, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return std::nullopt;
    std::int64_t seconds = daysFromCivil(year, unsigned(month), unsigned(day)) * 86400;
    std::size_t at = 10;
    if (at == text.size())
        return seconds;
    if (text[at] != 'T' && text[at] != ' ')
        return std::nullopt;
    ++at;
    int hour = 0, minute = 0, second = 0;
    if (!digits(text, at, 2, hour) || at + 2 >= text.size() || text[at + 2] != ':' ||
        !digits(text, at + 3, 2, minute))
        return std::nullopt;
    at += 5;
    if (at < text.size() && text[at] == ':') {
        if (!digits(text, at + 1, 2, second))
            return std::nullopt;
        at += 3;
    }
    if (hour > 23 || minute > 59 || second > 60)
        return std::nullopt;
    seconds += hour * 3600 + minute * 60 + second;
    if (at < text.size() && (text[at] == '.' || text[at] == ',')) {
        ++at;
        while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])))
            ++at;
    }
    if (at == text.size())
        return seconds;
    if (text[at] == 'Z' || text[at] == 'z')
        return at + 1 == text.size() ? std::optional(seconds) : std::nullopt;
    if (text[at] == '+' || text[at] == '-') {
        const int sign = text[at] == '+' ? 1 : -1;
        int offsetHours = 0, offsetMinutes = 0;
        if (!digits(text, at + 1, 2, offsetHours))
            return std::nullopt;
        std::size_t next = at + 3;
        if (next < text.size() && text[next] == ':')
            ++next;
        if (next < text.size() && !digits(text, next, 2, offsetMinutes))
            return std::nullopt;
        if (next < text.size())
            next += 2;
        if (next != text.size())
            return std::nullopt;
        return seconds - sign * (offsetHours * 3600 + offsetMinutes * 60);
    }
    if (trim(text.substr(at)) == "UTC")
        return seconds;
    return std::nullopt;
}

RejectedRow reject(const CsvRecord& record, int fieldIndex, std::string reason) {
    return {record.line, columnOf(record, fieldIndex), std::move(reason), std::string(record.raw)};
}

bool rejectMalformed(const CsvRecord& record, const std::string& error, std::size_t width,
                     ImportReport& report) {
    if (!error.empty()) {
        report.rejected.push_back(reject(record, -1, error));
        return true;
    }
    if (record.fields.size() != width) {
        report.rejected.push_back(reject(record, -1,
                                         "row has " + std::to_string(record.fields.size()) +
                                             " fields, the header has " + std::to_string(width)));
        return true;
    }
    return false;
}

} // namespace merch::io
