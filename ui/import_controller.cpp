#include "import_controller.h"

#include <QWidget>

#include "dialogs/import_history_dialog.h"
#include "dialogs/import_wizard.h"

namespace merch::ui {

ImportController::ImportController(QWidget* window, SnapshotSource currentStore)
    : QObject(window)
    , m_window(window)
    , m_currentStore(std::move(currentStore)) {}

ImportWizard* ImportController::wizard() const {
    return m_wizard;
}

ImportHistoryDialog* ImportController::history() const {
    return m_history;
}

ImportWizard* ImportController::startImport(const QString& file) {
    if (m_wizard) {
        if (!file.isEmpty() && m_wizard->currentId() == ImportWizard::FilePageId)
            m_wizard->setFile(file);
        m_wizard->raise();
        m_wizard->activateWindow();
        return m_wizard;
    }
    auto* wizard = new ImportWizard(m_currentStore(), m_window);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (!file.isEmpty())
        wizard->setFile(file);
    connect(wizard, &ImportWizard::imported, this, &ImportController::storeChanged);
    m_wizard = wizard;
    wizard->open(); // window modal, without blocking the caller
    return wizard;
}

ImportHistoryDialog* ImportController::showHistory() {
    const SnapshotPtr store = m_currentStore();
    if (!store)
        return nullptr;
    if (m_history)
        m_history->close(); // it shows another store's log, or a stale one
    auto* dialog = new ImportHistoryDialog(store->path, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_history = dialog;
    dialog->show();
    return dialog;
}

} // namespace merch::ui
