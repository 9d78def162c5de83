// ImportHistoryDialog: File > Import History…. The open store's import log (when, file, kind,
// format, mode and counts), and, for the selected import, the rows it rejected with line,
// column, reason and raw text. Both are read in the background with their own connection.
#pragma once

#include <QDialog>

#include <cstdint>

class QLabel;
class QTableView;

namespace merch::ui {

class ImportLogModel;
class RejectedRowsModel;

class ImportHistoryDialog : public QDialog {
    Q_OBJECT
public:
    explicit ImportHistoryDialog(const QString& workspacePath, QWidget* parent = nullptr);

    // Selects the import in `row` of the log (as a click would).
    void selectImport(int row);
    bool isLoading() const { return m_loading > 0; }

    QTableView* importTable() const { return m_importTable; }
    QTableView* rejectedTable() const { return m_rejectedTable; }
    QString rejectedCaption() const;

signals:
    void logLoaded();
    void rejectedRowsLoaded();

private:
    void loadLog();
    void loadRejectedRows(int row);

    QString m_path;
    ImportLogModel* m_log;
    RejectedRowsModel* m_rejected;
    QTableView* m_importTable;
    QTableView* m_rejectedTable;
    QLabel* m_status;
    QLabel* m_rejectedCaption;
    quint64 m_rowsGeneration = 0; // the latest rejected-rows read; older ones are dropped
    int m_loading = 0;
};

} // namespace merch::ui
