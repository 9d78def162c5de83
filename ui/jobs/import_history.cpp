#include "jobs/import_history.h"

namespace merch::ui {

merch::Result<ImportRecords> readImportLog(const std::string& path) {
    auto workspace = merch::Workspace::open(path);
    if (!workspace)
        return workspace.status();
    auto records = (*workspace)->imports();
    if (!records)
        return records.status();
    return ImportRecords(
        std::make_shared<const std::vector<merch::ImportRecord>>(std::move(records).value()));
}

merch::Result<RejectedRows> readRejectedRows(const std::string& path, std::int64_t importId) {
    auto workspace = merch::Workspace::open(path);
    if (!workspace)
        return workspace.status();
    auto records = (*workspace)->rejectedRows(importId);
    if (!records)
        return records.status();
    auto rows = std::make_shared<std::vector<merch::RejectedRow>>();
    rows->reserve(records->size());
    for (merch::RejectedRowRecord& record : *records)
        rows->push_back(
            {record.line, record.column, std::move(record.reason), std::move(record.raw)});
    return RejectedRows(std::move(rows));
}

} // namespace merch::ui
