// The import formats MerchSim reads, in one table the CLI and the import wizard share: names,
// labels, what they hold, and how a file is recognised from its name and first lines.
#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

#include "merch/import.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

enum class ImportKind { Catalog, Events };

struct ImportFormat {
    std::string name;  // as the CLI's --format takes it: "shopify", "generic", ...
    std::string label; // for people: "Shopify product CSV"
    ImportKind kind = ImportKind::Catalog;
    std::string extensions; // file dialog filter: "*.csv *.txt"
    // Exactly one of these is set, by kind.
    std::function<Result<CatalogImport>(std::istream&, const ImportOptions&, const RunControl&)>
        importCatalog;
    std::function<Result<EventImport>(std::istream&, const ImportOptions&, const RunControl&)>
        importEvents;
    // How sure (0..1) the format is that a file with this name and these first bytes is its
    // own; 0 when it is clearly not.
    std::function<double(std::string_view fileName, std::string_view head)> recognise;
};

// Every format, catalog formats first.
const std::vector<ImportFormat>& importFormats();
const ImportFormat* findImportFormat(std::string_view name, ImportKind kind);

struct DetectedFormat {
    const ImportFormat* format = nullptr; // null when nothing recognised the file
    double confidence = 0;
};
// The most likely format of a file from its name and first bytes (a few KiB are enough).
DetectedFormat detectImportFormat(std::string_view fileName, std::string_view head);

} // namespace merch
