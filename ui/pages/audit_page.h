// AuditPage: is the catalog clean enough for personalization? Runs the catalog audit in the
// background whenever the store loads or the target changes, and shows the score with its
// verdict and parts, coverage per field against the target, the ranked fix list with the
// products behind each fix, tag clusters and category suggestions. An empty catalog points to
// File > Import.
#pragma once

#include <QWidget>

#include "jobs/audit_runner.h"
#include "jobs/store_snapshot.h"

class QAbstractItemModel;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace merch::ui {

class AuditScorePanel;
class CategorySuggestionModel;
class CoverageChart;
class EmptyState;
class FixListPanel;
class ProgressPanel;
class TagClusterModel;

class AuditPage : public QWidget {
    Q_OBJECT
public:
    explicit AuditPage(QWidget* parent = nullptr);

    // A new store (or none): starts its audit. The same products under another path (after
    // Save As) keep the audit on screen.
    void setSnapshot(SnapshotPtr snapshot);
    // Runs the audit again for the current store and target.
    void rerun();

    const AuditPtr& result() const { return m_result; }
    merch::AuditParams params() const;
    bool isBusy() const { return m_runner->isRunning(); }
    AuditRunner* runner() const { return m_runner; }
    AuditScorePanel* scorePanel() const { return m_score; }
    CoverageChart* chart() const { return m_chart; }
    FixListPanel* fixPanel() const { return m_fixes; }
    QTabWidget* tabs() const { return m_tabs; }
    QTableView* tagTable() const { return m_tagTable; }
    QTableView* suggestionTable() const { return m_suggestionTable; }
    EmptyState* emptyState() const { return m_empty; }
    // Which of the page's states shows: "empty", "progress" or "content".
    QString state() const;

signals:
    void importRequested();
    // A result is on screen (after each finished run).
    void auditShown();

private:
    QWidget* createContent();
    QTableView* createListTable(QAbstractItemModel* model, const QString& name);
    void showEmpty(const QString& title, const QString& text, bool offerRerun);
    void onFinished(const AuditPtr& result);
    void onFailed(const merch::Status& status);
    void onCancelled();
    void updateTabTitles();

    AuditRunner* m_runner;
    SnapshotPtr m_snapshot;
    AuditPtr m_result;
    QLabel* m_busy;
    QStackedWidget* m_states;
    EmptyState* m_empty;
    QPushButton* m_importButton;
    QPushButton* m_rerunButton;
    ProgressPanel* m_progress;
    QWidget* m_content;
    AuditScorePanel* m_score;
    CoverageChart* m_chart;
    FixListPanel* m_fixes;
    QTabWidget* m_tabs;
    TagClusterModel* m_tags;
    CategorySuggestionModel* m_suggestions;
    QTableView* m_tagTable;
    QTableView* m_suggestionTable;
};

} // namespace merch::ui
