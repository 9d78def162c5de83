// libFuzzer target for one import format (MERCH_FUZZ_FORMAT, MERCH_FUZZ_KIND): any bytes must
// give a result or a clear error, never a crash, hang or sanitizer report.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "merch/import_formats.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const merch::ImportFormat* format =
        merch::findImportFormat(MERCH_FUZZ_FORMAT, merch::ImportKind::MERCH_FUZZ_KIND);
    if (!format)
        __builtin_trap();
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    merch::ImportOptions options;
    options.fileName = "fuzz-input";
    options.maxFieldBytes = 4096;
    if (format->importCatalog) {
        auto result = format->importCatalog(in, options, {});
        if (result) {
            for (const auto& row : result->report.rejected) {
                if (row.reason.empty())
                    __builtin_trap(); // every rejected row says why
            }
        }
    } else {
        auto result = format->importEvents(in, options, {});
        if (result) {
            for (const auto& row : result->report.rejected) {
                if (row.reason.empty())
                    __builtin_trap();
            }
        }
    }
    return 0;
}
