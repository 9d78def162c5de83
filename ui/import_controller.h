// ImportController: the window's import flow. Opens the import wizard (one at a time, window
// modal, from File > Import…, a drop or an empty page's button) for the store that is open,
// or for a new store when none is; shows the import history; and tells the window which store
// to (re)load after an import wrote to it. Keeps MainWindow free of import details.
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

#include "jobs/store_snapshot.h"

class QWidget;

namespace merch::ui {

class ImportHistoryDialog;
class ImportWizard;

class ImportController : public QObject {
    Q_OBJECT
public:
    using SnapshotSource = std::function<SnapshotPtr()>;

    ImportController(QWidget* window, SnapshotSource currentStore);

    // Opens the wizard, with `file` already chosen when given; an open wizard is raised (and
    // given the file while it is still on its first page).
    ImportWizard* startImport(const QString& file = {});
    // The open store's import log; does nothing when no store is open.
    ImportHistoryDialog* showHistory();

    ImportWizard* wizard() const;
    ImportHistoryDialog* history() const;

signals:
    // An import wrote to the store at `workspacePath` (possibly new): load it.
    void storeChanged(const QString& workspacePath);

private:
    QWidget* m_window;
    SnapshotSource m_currentStore;
    QPointer<ImportWizard> m_wizard;
    QPointer<ImportHistoryDialog> m_history;
};

} // namespace merch::ui
