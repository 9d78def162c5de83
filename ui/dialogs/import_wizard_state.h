// ImportWizardState: what the import wizard's pages decide together (the file, its format, the
// mode, where a new store goes) and what the import produced. The wizard owns one; each page
// reads and writes only its own part.
#pragma once

#include <QString>

#include <functional>
#include <optional>

#include "jobs/import_job.h"
#include "jobs/store_snapshot.h"
#include "merch/import_formats.h"
#include "merch/import_store.h"

namespace merch::ui {

struct ImportWizardState {
    // Asks the user to confirm something destructive; true to go ahead.
    using Confirmer = std::function<bool(const QString& title, const QString& text)>;

    SnapshotPtr store; // the open store the data goes into; null: the import creates one
    QString filePath;
    const merch::ImportFormat* format = nullptr; // an entry of merch::importFormats()
    merch::ImportMode mode = merch::ImportMode::Append;
    QString newStorePath; // where the new store goes when none is open
    // Format "csv": the column mapping the mapping page settled on (none: guess at import).
    std::optional<merch::CatalogColumnMapping> mapping;
    ImportOutcomePtr outcome;
    Confirmer confirm;

    bool createsStore() const { return store == nullptr; }
    bool needsMapping() const {
        return format && format->kind == merch::ImportKind::Catalog && format->name == "csv";
    }
    QString workspacePath() const { return store ? store->path : newStorePath; }
    ImportRequest request() const;
};

// A page title as the wizard's header shows it: larger than QWizard's default, for a projector.
QString wizardTitle(const QString& text);
// "catalog" or "events", for sentences.
QString kindNoun(merch::ImportKind kind);
// "products" or "events": what a kind imports.
QString kindItems(merch::ImportKind kind);

} // namespace merch::ui
