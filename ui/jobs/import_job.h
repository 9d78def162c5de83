// The import job: one importer from the format table, then one save into the workspace, in a
// worker thread with its own Workspace connection. The save is one transaction, so a cancel or
// a failure leaves the workspace as it was; a workspace the job created itself is removed again.
#pragma once

#include <QPromise>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "merch/catalog_importers.h"
#include "merch/import.h"
#include "merch/import_formats.h"
#include "merch/import_store.h"
#include "merch/status.h"

namespace merch::ui {

struct ImportRequest {
    std::string filePath;
    std::string formatName; // ImportFormat::name
    merch::ImportKind kind = merch::ImportKind::Catalog;
    merch::ImportMode mode = merch::ImportMode::Append;
    std::string workspacePath;
    bool createWorkspace = false; // no file there yet: create it, and remove it on failure
    // Format "csv" only: the column mapping chosen in the wizard; none: guessed from the header.
    std::optional<merch::CatalogColumnMapping> mapping;
};

struct ImportOutcome {
    quint64 generation = 0;
    merch::Status status; // ok; Cancelled; or why nothing was imported (the engine's message)
    QString filePath;
    QString workspacePath;
    QString formatLabel;
    merch::ImportKind kind = merch::ImportKind::Catalog;
    bool createdWorkspace = false; // a new workspace now exists at workspacePath
    merch::ImportReport report;    // rows read, rejected rows, the importer's warnings, encoding
    merch::SavedImport saved;      // counts and warnings of the save (all warnings)

    bool cancelled() const { return status.code() == merch::StatusCode::Cancelled; }
};

using ImportOutcomePtr = std::shared_ptr<const ImportOutcome>;

// Runs in the worker thread. `stop` cancels through the RunControl (see promiseRunControl), so
// the outcome always arrives and says truthfully whether anything was written.
void runImportJob(QPromise<ImportOutcome>& promise, quint64 generation,
                  const ImportRequest& request, const std::atomic<bool>* stop);

} // namespace merch::ui
