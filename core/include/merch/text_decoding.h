// Turning the bytes of an imported file into UTF-8 text, saying what was found.
#pragma once

#include <string>
#include <vector>

#include "merch/status.h"

namespace merch {

struct DecodedText {
    std::string text;     // UTF-8, without a byte order mark
    std::string encoding; // "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE", "Windows-1252"
    std::vector<std::string> warnings; // e.g. "not valid UTF-8 (first bad byte at line 3,
                                       // column 7); read as Windows-1252"
};

// Decodes `bytes`: UTF-8 (BOM optional), UTF-16 with a BOM, or Windows-1252 when the bytes are
// not valid UTF-8. Refuses binary data (NUL bytes without a UTF-16 BOM, or many control bytes)
// with InvalidArgument naming `fileName`.
Result<DecodedText> decodeText(std::string bytes, const std::string& fileName);

// True when `text` is valid UTF-8; otherwise `badOffset` is set to the first bad byte.
bool isValidUtf8(std::string_view text, std::size_t* badOffset = nullptr);

} // namespace merch
