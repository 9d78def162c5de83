// ImportProgressPage: the import running in the background (ImportRunner), with its progress.
// The wizard's Cancel button stops it; the engine then leaves the store as it was. When the job
// ends, the wizard moves on to the result by itself.
#pragma once

#include <QWizardPage>

#include "jobs/import_job.h"

namespace merch::ui {

class ImportRunner;
class ProgressPanel;
struct ImportWizardState;

class ImportProgressPage : public QWizardPage {
    Q_OBJECT
public:
    ImportProgressPage(ImportWizardState* state, QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;

    // Stops the running import (the result page then says it was cancelled).
    void cancelImport();
    bool isRunning() const;
    ImportRunner* runner() const { return m_runner; }
    ProgressPanel* panel() const { return m_panel; }

signals:
    // The job ended; the outcome is in the wizard's state too.
    void importEnded(const merch::ui::ImportOutcomePtr& outcome);

private:
    void onFinished(const ImportOutcomePtr& outcome);

    ImportWizardState* m_state;
    ImportRunner* m_runner;
    ProgressPanel* m_panel;
};

} // namespace merch::ui
