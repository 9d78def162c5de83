// Saving an importer's result into a workspace: one transaction with the rows, the import log
// entry and every rejected row. A failure or cancel leaves the workspace as it was.
#pragma once

#include <cstdint>

#include "merch/import.h"
#include "merch/run_control.h"
#include "merch/status.h"
#include "merch/workspace.h"

namespace merch {

enum class ImportMode {
    Append,  // catalog: add products, updating those whose id exists; events: add events,
             // refusing a file whose content was already imported
    Replace, // catalog: the file becomes the catalog; events: the file becomes the events
};

struct SavedImport {
    std::int64_t importId = 0;
    std::int64_t imported = 0; // products or events written
    std::int64_t rejected = 0;
    std::int64_t warnings = 0;
    std::int64_t eventsForUnknownProducts = 0; // kept, and counted: the catalog lacks them
    std::vector<std::string> warningTexts;     // the report's warnings plus the save's own
};

Result<SavedImport> saveCatalogImport(Workspace& workspace, const CatalogImport& import,
                                      ImportMode mode, const RunControl& control);
Result<SavedImport> saveEventImport(Workspace& workspace, const EventImport& import,
                                    ImportMode mode, const RunControl& control);

} // namespace merch
