#include "merch/text_decoding.h"

#include <array>
#include <cstdint>

namespace merch {

namespace {

// Windows-1252 code points for bytes 0x80..0x9F (0 where the code page leaves them undefined;
// those are kept as the C1 control of the same value).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

void appendUtf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string fromUtf16(std::string_view bytes, bool littleEndian) {
    std::string out;
    out.reserve(bytes.size());
    const auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return littleEndian ? char32_t(a | (b << 8)) : char32_t((a << 8) | b);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xD800 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        appendUtf8(out, cp);
    }
    return out;
}

std::string fromCp1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x80)
            out += c;
        else if (b < 0xA0)
            appendUtf8(out, kCp1252High[b - 0x80] ? kCp1252High[b - 0x80] : char32_t(b));
        else
            appendUtf8(out, char32_t(b));
    }
    return out;
}

// "line 3, column 7" of a byte offset, counting characters as UTF-8 lead bytes.
std::string positionOf(std::string_view text, std::size_t offset) {
    std::int64_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++column;
        }
    }
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

} // namespace

bool isValidUtf8(std::string_view text, std::size_t* badOffset) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto b = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t minimum = 0;
        if (b < 0x80) {
            ++i;
            continue;
        } else if ((b & 0xE0) == 0xC0) {
            length = 2;
            minimum = 0x80;
        } else if ((b & 0xF0) == 0xE0) {
            length = 3;
            minimum = 0x800;
        } else if ((b & 0xF8) == 0xF0) {
            length = 4;
            minimum = 0x10000;
        } else {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        if (i + length > text.size()) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        char32_t cp = b & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            if ((c & 0xC0) != 0x80) {
                if (badOffset)
                    *badOffset = i;
                return false;
            }
            cp = (cp << 6) | (c & 0x3F);
        }
        if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            if (badOffset)
                *badOffset = i;
            return false;
        }
        i += length;
    }
    return true;
}

Result<DecodedText> decodeText(std::string bytes, const std::string& fileName) {
    DecodedText decoded;
    const auto starts = [&](std::string_view prefix) {
        return bytes.size() >= prefix.size() &&
               std::string_view(bytes).substr(0, prefix.size()) == prefix;
    };
    if (starts("\xFF\xFE")) {
        decoded.text = fromUtf16(std::string_view(bytes).substr(2), true);
        decoded.encoding = "UTF-16LE";
        return decoded;
    }
    if (starts("\xFE\xFF")) {
        decoded.text = fromUtf16(std::string_view(bytes).substr(2), false);
        decoded.encoding = "UTF-16BE";
        return decoded;
    }
    // Binary data: NUL bytes or many control bytes early in the file.
    const std::size_t probe = std::min<std::size_t>(bytes.size(), 8192);
    std::size_t controls = 0;
    for (std::size_t i = 0; i < probe; ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b == 0)
            return Status::invalidArgument(fileName + " looks like a binary file (NUL byte at " +
                                           positionOf(bytes, i) + "), not text");
        if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f')
            ++controls;
    }
    if (probe > 0 && controls * 20 > probe)
        return Status::invalidArgument(fileName + " looks like a binary file (" +
                                       std::to_string(controls) + " control bytes in its first " +
                                       std::to_string(probe) + " bytes), not text");
    std::size_t start = 0;
    decoded.encoding = "UTF-8";
    if (starts("\xEF\xBB\xBF")) {
        start = 3;
        decoded.encoding = "UTF-8 with BOM";
    }
    std::size_t bad = 0;
    if (isValidUtf8(std::string_view(bytes).substr(start), &bad)) {
        decoded.text = start == 0 ? std::move(bytes) : bytes.substr(start);
        return decoded;
    }
    decoded.warnings.push_back(fileName + " is not valid UTF-8 (first bad byte at " +
                               positionOf(std::string_view(bytes).substr(start), bad) +
                               "); it was read as Windows-1252");
    decoded.text = fromCp1252(std::string_view(bytes).substr(start));
    decoded.encoding = "Windows-1252";
    return decoded;
}

} // namespace merch
