// SearchPage: how many searches find nothing, and what typo-tolerant, semantic and hybrid search
// would show instead, on the store's own catalog and search logs. A query box with keyword,
// semantic and hybrid results side by side (scores, matched words, corrected spelling); the
// evaluation of every method on a time-ordered split of the store's labelled searches next to
// SQLite FTS5 baselines (MAP@5 and no-result share as a chart and a table, with where the
// numbers come from); the log's frequent queries, found or not; the synonym list, editable.
// The indexes are built and the evaluation runs in the background with progress and Cancel.
#pragma once

#include <QWidget>

#include "jobs/search_runner.h"
#include "jobs/store_snapshot.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace merch::ui {

class EmptyState;
class ProgressPanel;
class SearchMethodsModel;
class SearchMetricsChart;
class SearchQueriesModel;
class SearchResultsModel;

class SearchPage : public QWidget {
    Q_OBJECT
public:
    explicit SearchPage(QWidget* parent = nullptr);

    // A new store; the indexes are built when the page is (or next becomes) visible.
    void setSnapshot(SnapshotPtr snapshot);
    void run();
    // Searches the query box's text with the three methods.
    void search();
    // Validates and saves the synonym editor's text to the workspace, then rebuilds.
    bool saveSynonyms();

    bool isBusy() const { return m_runner->isRunning(); }
    const SearchDataPtr& searchData() const { return m_data; }
    SearchRunner* runner() const { return m_runner; }
    QLineEdit* queryEdit() const { return m_query; }
    QComboBox* thirdMethod() const { return m_thirdMethod; }
    SearchResultsModel* resultsModel(int column) const { return m_results[column]; }
    QLabel* resultsNote(int column) const { return m_notes[column]; }
    SearchMethodsModel* methodsModel() const { return m_methods; }
    SearchQueriesModel* queriesModel() const { return m_queries; }
    SearchMetricsChart* chart() const { return m_chart; }
    QLabel* sourceLabel() const { return m_source; }
    QPlainTextEdit* synonymsEdit() const { return m_synonyms; }
    QLabel* synonymsMessage() const { return m_synonymsMessage; }
    ProgressPanel* progress() const { return m_progress; }
    QString state() const; // "empty", "progress" or "content"

signals:
    void dataShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createContent();
    QWidget* createPlayground();
    void showEmpty(const QString& title, const QString& text);
    void onFinished(const SearchDataPtr& result);
    void onFailed(const merch::Status& status);
    void onCancelled();

    SearchRunner* m_runner;
    SnapshotPtr m_snapshot;
    SearchDataPtr m_data;
    bool m_pending = false;
    QLineEdit* m_query;
    QComboBox* m_thirdMethod;
    QPushButton* m_searchButton;
    SearchResultsModel* m_results[3];
    QLabel* m_titles[3];
    QLabel* m_notes[3];
    QStackedWidget* m_states;
    EmptyState* m_empty;
    ProgressPanel* m_progress;
    QWidget* m_content = nullptr;
    SearchMethodsModel* m_methods;
    SearchQueriesModel* m_queries;
    SearchMetricsChart* m_chart;
    QLabel* m_source;
    QPlainTextEdit* m_synonyms;
    QLabel* m_synonymsMessage;
};

} // namespace merch::ui
