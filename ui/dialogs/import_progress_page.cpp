#include "dialogs/import_progress_page.h"

#include <QAbstractButton>
#include <QBoxLayout>
#include <QFileInfo>
#include <QTimer>

#include "dialogs/import_wizard_state.h"
#include "jobs/import_runner.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

ImportProgressPage::ImportProgressPage(ImportWizardState* state, QWidget* parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_runner(new ImportRunner(this))
    , m_panel(new ProgressPanel(this)) {
    setObjectName(QStringLiteral("importProgressPage"));
    setTitle(wizardTitle(tr("Importing")));
    setSubTitle(tr("Cancel stops the import; nothing is written to the store until it is "
                   "complete."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_panel);
    connect(m_runner, &ImportRunner::progressChanged, m_panel, &ProgressPanel::setProgress);
    connect(m_runner, &ImportRunner::finished, this, &ImportProgressPage::onFinished);
}

void ImportProgressPage::initializePage() {
    m_state->outcome.reset();
    const QString file = QFileInfo(m_state->filePath).fileName();
    m_panel->start(tr("Importing %1…").arg(file), false); // the wizard's Cancel stops it
    if (wizard()) {
        wizard()->setButtonText(QWizard::CancelButton, tr("Cancel Import"));
        wizard()->button(QWizard::CancelButton)->setEnabled(true);
    }
    m_runner->start(m_state->request());
}

bool ImportProgressPage::isComplete() const {
    return m_state->outcome != nullptr;
}

bool ImportProgressPage::isRunning() const {
    return m_runner->isRunning();
}

void ImportProgressPage::cancelImport() {
    if (!m_runner->isRunning())
        return;
    m_panel->showCancelling();
    if (wizard())
        wizard()->button(QWizard::CancelButton)->setEnabled(false);
    m_runner->cancel();
}

void ImportProgressPage::onFinished(const ImportOutcomePtr& outcome) {
    m_state->outcome = outcome;
    emit completeChanged();
    emit importEnded(outcome);
    // On to the result once this page has finished handling the signal.
    QTimer::singleShot(0, this, [this] {
        if (wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });
}

} // namespace merch::ui
