// ImportResultPage: what the import did. Imported, rejected and warning counts; the warnings;
// and every rejected row with its line, column, reason and raw text. A file that could not be
// imported at all shows the engine's message instead, and a cancelled import says that
// nothing was written.
#pragma once

#include <QWizardPage>

class QLabel;
class QListWidget;
class QTableView;

namespace merch::ui {

class RejectedRowsModel;
class StatTile;
struct ImportWizardState;

class ImportResultPage : public QWizardPage {
    Q_OBJECT
public:
    ImportResultPage(ImportWizardState* state, QWidget* parent = nullptr);

    void initializePage() override;

    QString headline() const;
    QString message() const;
    StatTile* importedTile() const { return m_imported; }
    StatTile* rejectedTile() const { return m_rejected; }
    StatTile* warningsTile() const { return m_warnings; }
    QListWidget* warningsList() const { return m_warningList; }
    QTableView* rejectedTable() const { return m_rejectedTable; }

private:
    void showFailure(const QString& headline, const QString& message);

    ImportWizardState* m_state;
    QLabel* m_headline;
    QLabel* m_message;
    QWidget* m_details;
    StatTile* m_imported;
    StatTile* m_rejected;
    StatTile* m_warnings;
    QLabel* m_warningsCaption;
    QListWidget* m_warningList;
    QLabel* m_rejectedCaption;
    QTableView* m_rejectedTable;
    RejectedRowsModel* m_rejectedRows;
};

} // namespace merch::ui
