#include "dialogs/import_wizard.h"

#include <QMessageBox>
#include <QPointer>
#include <QPushButton>

#include "dialogs/import_file_page.h"
#include "dialogs/import_mapping_page.h"
#include "dialogs/import_mode_page.h"
#include "dialogs/import_progress_page.h"
#include "dialogs/import_result_page.h"
#include "jobs/import_runner.h"

namespace merch::ui {

ImportWizard::ImportWizard(SnapshotPtr store, QWidget* parent)
    : QWizard(parent)
    , m_filePage(nullptr)
    , m_mappingPage(nullptr)
    , m_modePage(nullptr)
    , m_progressPage(nullptr)
    , m_resultPage(nullptr) {
    setObjectName(QStringLiteral("importWizard"));
    setWindowTitle(tr("Import Store Data"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::NoCancelButtonOnLastPage);
    resize(1000, 700);

    m_state.store = std::move(store);
    QPointer<QWidget> owner(this);
    m_state.confirm = [owner](const QString& title, const QString& text) {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, owner.data());
        box.setObjectName(QStringLiteral("confirmReplaceBox"));
        QPushButton* replace = box.addButton(QObject::tr("Replace"), QMessageBox::AcceptRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() == replace;
    };

    m_filePage = new ImportFilePage(&m_state, this);
    m_mappingPage = new ImportMappingPage(&m_state, this);
    m_modePage = new ImportModePage(&m_state, this);
    m_progressPage = new ImportProgressPage(&m_state, this);
    m_resultPage = new ImportResultPage(&m_state, this);
    setPage(FilePageId, m_filePage);
    setPage(MappingPageId, m_mappingPage);
    setPage(ModePageId, m_modePage);
    setPage(ProgressPageId, m_progressPage);
    setPage(ResultPageId, m_resultPage);
    setStartId(FilePageId);

    connect(m_progressPage, &ImportProgressPage::importEnded, this,
            [this](const ImportOutcomePtr& outcome) {
                if (outcome && outcome->status.isOk())
                    emit imported(outcome->workspacePath);
            });
}

ImportWizard::~ImportWizard() {
    // Stop a running import before the state its pages share goes away.
    m_progressPage->runner()->cancel();
    m_progressPage->runner()->waitForIdle();
}

void ImportWizard::setFile(const QString& path) {
    m_filePage->setFile(path);
}

void ImportWizard::setConfirmer(ImportWizardState::Confirmer confirm) {
    m_state.confirm = std::move(confirm);
}

int ImportWizard::nextId() const {
    if (currentId() == FilePageId)
        return m_state.needsMapping() ? MappingPageId : ModePageId;
    return QWizard::nextId();
}

void ImportWizard::reject() {
    if (currentId() == ProgressPageId && m_progressPage->isRunning()) {
        m_progressPage->cancelImport();
        return;
    }
    QWizard::reject();
}

} // namespace merch::ui
