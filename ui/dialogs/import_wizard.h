// ImportWizard: File > Import… and files dropped on the window. Four steps: the file with its
// detected (overridable) format and a preview (then, for a catalog CSV of any layout, the
// column mapping with a preview of the mapped rows); append or replace (or, with no store open,
// where the new store goes); the import in the background with Cancel; the result with the
// rejected rows. After a successful import it emits imported() so the window reloads the store.
#pragma once

#include <QWizard>

#include "dialogs/import_wizard_state.h"

namespace merch::ui {

class ImportFilePage;
class ImportMappingPage;
class ImportModePage;
class ImportProgressPage;
class ImportResultPage;

class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePageId, MappingPageId, ModePageId, ProgressPageId, ResultPageId };

    // `store` is the open store the data goes into; null makes the import create a store.
    explicit ImportWizard(SnapshotPtr store, QWidget* parent = nullptr);
    ~ImportWizard() override;

    void setFile(const QString& path);
    // Replaces the confirmation asked before a replace (a QMessageBox by default).
    void setConfirmer(ImportWizardState::Confirmer confirm);

    const ImportWizardState& state() const { return m_state; }
    ImportFilePage* filePage() const { return m_filePage; }
    ImportModePage* modePage() const { return m_modePage; }
    ImportMappingPage* mappingPage() const { return m_mappingPage; }
    ImportProgressPage* progressPage() const { return m_progressPage; }
    ImportResultPage* resultPage() const { return m_resultPage; }

    // While the import runs, Cancel (and Escape, and closing the window) stops the import
    // instead of closing; the result page then says that nothing was written.
    void reject() override;
    // The mapping step only for the "csv" catalog format.
    int nextId() const override;

signals:
    // Data was written to the store at `workspacePath` (possibly a new store): reload it.
    void imported(const QString& workspacePath);

private:
    ImportWizardState m_state;
    ImportFilePage* m_filePage;
    ImportMappingPage* m_mappingPage;
    ImportModePage* m_modePage;
    ImportProgressPage* m_progressPage;
    ImportResultPage* m_resultPage;
};

} // namespace merch::ui
