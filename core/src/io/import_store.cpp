#include "merch/import_store.h"

#include <ctime>
#include <unordered_set>

namespace merch {

namespace {

ImportLogEntry logEntry(const ImportReport& report, const char* kind, ImportMode mode,
                        std::int64_t imported, std::int64_t warnings) {
    ImportLogEntry entry;
    entry.file = report.fileName;
    entry.format = report.format;
    entry.kind = kind;
    entry.mode = mode == ImportMode::Replace ? "replace" : "append";
    entry.encoding = report.encoding;
    entry.contentHash = report.contentHash;
    entry.imported = imported;
    entry.rejected = std::int64_t(report.rejected.size());
    entry.warnings = warnings;
    return entry;
}

Status writeRejected(StoreWriter& writer, std::int64_t importId, const ImportReport& report) {
    for (const auto& row : report.rejected) {
        if (auto status = writer.addRejectedRow(
                importId, {report.fileName, row.line, row.column, row.reason, row.raw});
            !status)
            return status;
    }
    return Status::ok();
}

std::string dateOf(std::int64_t unixSeconds) {
    const std::time_t time = static_cast<std::time_t>(unixSeconds);
    std::tm parts{};
    gmtime_r(&time, &parts);
    char buffer[24];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &parts);
    return buffer;
}

} // namespace

Result<SavedImport> saveCatalogImport(Workspace& workspace, const CatalogImport& import,
                                      ImportMode mode, const RunControl& control) {
    SavedImport saved;
    saved.warningTexts = import.report.warnings;
    WriteOptions options;
    options.replaceCatalog = mode == ImportMode::Replace;
    options.updateExistingProducts = mode == ImportMode::Append;
    auto writer = workspace.beginWrite(options);
    if (!writer)
        return writer.status();
    auto importId = (*writer)->logImport(logEntry(import.report, "catalog", mode,
                                                  std::int64_t(import.products.size()),
                                                  std::int64_t(saved.warningTexts.size())));
    if (!importId)
        return importId.status();
    if (auto status = writeRejected(**writer, *importId, import.report); !status)
        return status;
    for (std::size_t i = 0; i < import.products.size(); ++i) {
        if (i % 512 == 0 &&
            !control.report(double(i) / double(import.products.size()), "saving products"))
            return Status::cancelled();
        if (auto status = (*writer)->addProduct(import.products[i]); !status)
            return status;
    }
    if (auto status = (*writer)->commit(); !status)
        return status;
    saved.importId = *importId;
    saved.imported = std::int64_t(import.products.size());
    saved.rejected = std::int64_t(import.report.rejected.size());
    saved.warnings = std::int64_t(saved.warningTexts.size());
    return saved;
}

Result<SavedImport> saveEventImport(Workspace& workspace, const EventImport& import,
                                    ImportMode mode, const RunControl& control) {
    SavedImport saved;
    saved.warningTexts = import.report.warnings;
    if (mode == ImportMode::Append && !import.report.contentHash.empty()) {
        auto earlier = workspace.imports(import.report.contentHash);
        if (!earlier)
            return earlier.status();
        for (const auto& record : *earlier) {
            if (record.entry.kind == "events")
                return Status::invalidArgument(
                    "the events in " + import.report.fileName + " were already imported on " +
                    dateOf(record.startedAt) + " (import #" + std::to_string(record.id) + ", " +
                    record.entry.file + "); import with replace to load them again");
        }
    }
    auto products = workspace.loadProducts();
    if (!products)
        return products.status();
    std::unordered_set<std::string> known;
    for (const auto& p : *products)
        known.insert(p.id);
    for (const auto& e : import.events) {
        if (!e.productId.empty() && !known.count(e.productId))
            ++saved.eventsForUnknownProducts;
    }
    if (saved.eventsForUnknownProducts > 0)
        saved.warningTexts.push_back(std::to_string(saved.eventsForUnknownProducts) +
                                     " events name products the catalog does not have; they are "
                                     "kept and count for every model that needs no catalog");

    WriteOptions options;
    options.replaceEvents = mode == ImportMode::Replace;
    auto writer = workspace.beginWrite(options);
    if (!writer)
        return writer.status();
    auto importId = (*writer)->logImport(logEntry(import.report, "events", mode,
                                                  std::int64_t(import.events.size()),
                                                  std::int64_t(saved.warningTexts.size())));
    if (!importId)
        return importId.status();
    if (auto status = writeRejected(**writer, *importId, import.report); !status)
        return status;
    for (std::size_t i = 0; i < import.events.size(); ++i) {
        if ((i & 0x3FFF) == 0 &&
            !control.report(double(i) / double(import.events.size()), "saving events"))
            return Status::cancelled();
        if (auto status = (*writer)->addEvent(import.events[i]); !status)
            return status;
    }
    if (!control.report(1.0, "saving events"))
        return Status::cancelled();
    if (auto status = (*writer)->commit(); !status)
        return status;
    saved.importId = *importId;
    saved.imported = std::int64_t(import.events.size());
    saved.rejected = std::int64_t(import.report.rejected.size());
    saved.warnings = std::int64_t(saved.warningTexts.size());
    return saved;
}

} // namespace merch
