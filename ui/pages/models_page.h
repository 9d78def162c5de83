// ModelsPage: would personalized ranking and recommendations beat best-sellers here? Trains
// and evaluates every recommender in the background (progress, Cancel) when a store loads, if
// that is cheap, or on "Train and evaluate"; shows the metrics of all models against the
// baselines in a table and a chart, a "you may also like" playground and a category-page
// playground. Settings are edited, and validated, beside the results.
#pragma once

#include <QWidget>

#include "jobs/models_runner.h"
#include "jobs/store_snapshot.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace merch::ui {

class CategoryPlayground;
class EmptyState;
class ModelMetricsChart;
class ModelMetricsModel;
class ModelSettingsPanel;
class ProgressPanel;
class RecommendationPlayground;

class ModelsPage : public QWidget {
    Q_OBJECT
public:
    // Stores with at most this many events are trained as soon as they load (a few seconds).
    static constexpr std::int64_t kAutoTrainEvents = 1500000;

    explicit ModelsPage(QWidget* parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    // Trains and evaluates with the current settings.
    void train();

    const ModelsPtr& result() const { return m_result; }
    bool isBusy() const { return m_runner->isRunning(); }
    ModelsRunner* runner() const { return m_runner; }
    ModelSettingsPanel* settings() const { return m_settings; }
    ModelMetricsModel* metricsModel() const { return m_metrics; }
    QTableView* metricsTable() const { return m_table; }
    ModelMetricsChart* chart() const { return m_chart; }
    RecommendationPlayground* recommendations() const { return m_recommendations; }
    CategoryPlayground* categoryPage() const { return m_category; }
    QTabWidget* tabs() const { return m_tabs; }
    ProgressPanel* progress() const { return m_progress; }
    EmptyState* emptyState() const { return m_empty; }
    QString metricsNote() const;
    // "empty", "progress" or "content".
    QString state() const;

signals:
    // A result is on screen (after each finished run).
    void modelsShown();

private:
    QWidget* createContent();
    QWidget* createMetricsTab();
    void showEmpty(const QString& title, const QString& text, bool offerTrain);
    void onFinished(const ModelsPtr& result);
    void onFailed(const merch::Status& status);
    void onCancelled();

    ModelsRunner* m_runner;
    SnapshotPtr m_snapshot;
    ModelsPtr m_result;
    ModelSettingsPanel* m_settings;
    QStackedWidget* m_states;
    EmptyState* m_empty;
    QPushButton* m_emptyTrain;
    ProgressPanel* m_progress;
    QWidget* m_content;
    QTabWidget* m_tabs;
    QLabel* m_note;
    ModelMetricsModel* m_metrics;
    QTableView* m_table;
    ModelMetricsChart* m_chart;
    RecommendationPlayground* m_recommendations;
    CategoryPlayground* m_category;
};

} // namespace merch::ui
