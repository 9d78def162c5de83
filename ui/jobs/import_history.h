// Reading the workspace's import log for the Import History dialog. Each function opens its
// own Workspace connection, so it may run in a worker thread.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "merch/import.h"
#include "merch/status.h"
#include "merch/workspace.h"

namespace merch::ui {

using ImportRecords = std::shared_ptr<const std::vector<merch::ImportRecord>>;
using RejectedRows = std::shared_ptr<const std::vector<merch::RejectedRow>>;

// The import log of the workspace at `path`, newest first.
merch::Result<ImportRecords> readImportLog(const std::string& path);
// The rejected rows of one import, in file order.
merch::Result<RejectedRows> readRejectedRows(const std::string& path, std::int64_t importId);

} // namespace merch::ui
