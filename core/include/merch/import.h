// What every importer returns: the rows it understood, the rows it rejected (with file, line,
// column, reason and raw text) and its warnings. Importers are pure functions
// (stream, options, RunControl) -> result; saving into a workspace is a separate step
// (import_store.h), so a failed or cancelled import never touches the workspace.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "merch/event.h"
#include "merch/product.h"

namespace merch {

struct RejectedRow {
    std::int64_t line = 0; // 1-based line in the file where the row starts
    int column = 0;        // 1-based character column of the offending field (0: whole row)
    std::string reason;    // what is wrong, in words a store owner understands
    std::string raw;       // the row as it is in the file
};

struct ImportOptions {
    std::string fileName;                // used in messages ("products.csv")
    std::size_t maxFieldBytes = 1 << 20; // longer fields reject their row; 1 KiB..64 MiB
};

struct ImportReport {
    std::string fileName;
    std::string format;      // "shopify", "generic", ...
    std::string encoding;    // as detected: "UTF-8", "UTF-8 with BOM", "Windows-1252", ...
    std::string contentHash; // of the decoded text: the same file imported twice is recognised
    std::int64_t rowsRead = 0;
    std::vector<RejectedRow> rejected;
    std::vector<std::string> warnings;
};

struct CatalogImport {
    ImportReport report;
    std::vector<Product> products;
};

struct EventImport {
    ImportReport report;
    std::vector<Event> events;
    std::int64_t sessionized = 0; // events that had no session id and were given one
};

// 64-bit FNV-1a of `text` as 16 hex digits: identifies a file's content, not a security hash.
std::string contentHash(std::string_view text);

} // namespace merch
