#include "jobs/import_job.h"

#include <QFile>
#include <QFileInfo>

#include <fstream>

#include "jobs/promise_run_control.h"
#include "merch/workspace.h"

namespace merch::ui {
namespace {

constexpr double kParseShare = 0.6; // of the progress bar; the save takes the rest

// A workspace the job created is removed when nothing was saved into it, with SQLite's side
// files, so a failed first import leaves no half-made store behind.
void removeCreatedWorkspace(const std::string& path) {
    const QString file = QString::fromStdString(path);
    for (const QString& suffix :
         {QString(), QStringLiteral("-journal"), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(file + suffix);
}

merch::Result<std::unique_ptr<merch::Workspace>> openWorkspace(const ImportRequest& request) {
    return request.createWorkspace ? merch::Workspace::create(request.workspacePath)
                                   : merch::Workspace::open(request.workspacePath);
}

// Parses with `importer`, then saves with `save`; the two kinds differ only in these.
template <typename Importer, typename Saver>
void importAndSave(QPromise<ImportOutcome>& promise, ImportOutcome& outcome,
                   const ImportRequest& request, const std::atomic<bool>* stop,
                   const Importer& importer, const Saver& save) {
    std::ifstream in(request.filePath, std::ios::binary);
    if (!in) {
        outcome.status =
            merch::Status::error(merch::StatusCode::NotFound, "cannot open " + request.filePath);
        return;
    }
    merch::ImportOptions options;
    options.fileName = QFileInfo(outcome.filePath).fileName().toStdString();
    const std::uint64_t seed = merch::RunControl{}.seed;
    auto imported = importer(in, options, promiseRunControl(promise, seed, 0.0, kParseShare, stop));
    if (!imported) {
        outcome.status = imported.status();
        return;
    }
    outcome.report = imported->report;

    promise.setProgressValueAndText(static_cast<int>(kParseShare * kProgressMaximum),
                                    QStringLiteral("opening the store"));
    auto workspace = openWorkspace(request);
    if (!workspace) {
        outcome.status = workspace.status();
        return;
    }
    auto saved = save(**workspace, *imported, request.mode,
                      promiseRunControl(promise, seed, kParseShare, 1.0, stop));
    workspace->reset(); // close the connection before the file may be removed
    if (!saved) {
        outcome.status = saved.status();
        if (request.createWorkspace)
            removeCreatedWorkspace(request.workspacePath);
        return;
    }
    outcome.saved = std::move(saved).value();
    outcome.createdWorkspace = request.createWorkspace;
}

} // namespace

void runImportJob(QPromise<ImportOutcome>& promise, quint64 generation,
                  const ImportRequest& request, const std::atomic<bool>* stop) {
    promise.setProgressRange(0, kProgressMaximum);
    ImportOutcome outcome;
    outcome.generation = generation;
    outcome.filePath = QString::fromStdString(request.filePath);
    outcome.workspacePath = QString::fromStdString(request.workspacePath);
    outcome.kind = request.kind;

    const merch::ImportFormat* format = merch::findImportFormat(request.formatName, request.kind);
    if (!format) {
        outcome.status =
            merch::Status::invalidArgument("unknown import format '" + request.formatName + "'");
    } else {
        outcome.formatLabel = QString::fromStdString(format->label);
        if (request.kind == merch::ImportKind::Catalog && request.mapping)
            importAndSave(
                promise, outcome, request, stop,
                [mapping = *request.mapping](std::istream& in, const merch::ImportOptions& options,
                                             const merch::RunControl& control) {
                    return merch::importGenericCatalogCsv(in, mapping, options, control);
                },
                merch::saveCatalogImport);
        else if (request.kind == merch::ImportKind::Catalog && format->importCatalog)
            importAndSave(promise, outcome, request, stop, format->importCatalog,
                          merch::saveCatalogImport);
        else if (request.kind == merch::ImportKind::Events && format->importEvents)
            importAndSave(promise, outcome, request, stop, format->importEvents,
                          merch::saveEventImport);
        else
            outcome.status = merch::Status::error(merch::StatusCode::Internal,
                                                  "the format '" + format->name +
                                                      "' has no importer for its kind");
    }
    promise.addResult(std::move(outcome));
}

} // namespace merch::ui
