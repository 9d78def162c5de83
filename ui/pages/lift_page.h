// LiftPage: what lift would a clean A/B test measure, and what would a vendor claim? A
// scenario form (validated), the test simulated in the background (progress, Cancel) on the
// demo store's world, charts of the cumulative lift with its bands and the true lift, the
// p-value with the peeking line, the distribution of measured lifts over the Monte Carlo
// replicates with the true lift marked, the vendor-reported vs clean-test vs true lift per
// metric, a table of the reading and a plain-language panel (with the peeking false-positive
// rates and what each pitfall switched on did). Imported stores are told plainly that calibration
// is not built.
#pragma once

#include <QWidget>

#include "jobs/experiment_runner.h"
#include "jobs/store_snapshot.h"

class QComboBox;
class QLabel;
class QStackedWidget;
class QTableView;

namespace merch::ui {

class Card;
class EmptyState;
class LiftBarsChart;
class LiftDistributionChart;
class LiftExplanationPanel;
class LiftOverTimeChart;
class LiftScenarioPanel;
class LiftTableModel;
class PValueChart;
class ProgressPanel;

class LiftPage : public QWidget {
    Q_OBJECT
public:
    explicit LiftPage(QWidget* parent = nullptr);

    // A new store: learns whether it is a demo store (in the background). The first time the
    // page is shown on a demo store, the default scenario runs.
    void setSnapshot(SnapshotPtr snapshot);
    // Runs the scenario in the form.
    void run();

    const ExperimentPtr& result() const { return m_result; }
    bool isBusy() const { return m_runner->isRunning(); }
    // Known once the store's world was read: true for a demo store.
    bool isDemoStore() const { return m_world.isDemo; }
    // The store's world as last read: the demo's, or (imported) calibrated by the first run.
    const StoreWorld& world() const { return m_world; }
    QLabel* worldNote() const { return m_worldNote; }
    ExperimentRunner* runner() const { return m_runner; }
    LiftScenarioPanel* scenario() const { return m_scenario; }
    LiftTableModel* tableModel() const { return m_table; }
    LiftOverTimeChart* liftChart() const { return m_liftChart; }
    PValueChart* pValueChart() const { return m_pChart; }
    LiftBarsChart* barsChart() const { return m_bars; }
    LiftDistributionChart* distributionChart() const { return m_distribution; }
    LiftExplanationPanel* explanation() const { return m_explanation; }
    QComboBox* metricCombo() const { return m_metric; }
    ProgressPanel* progress() const { return m_progress; }
    EmptyState* emptyState() const { return m_empty; }
    QString state() const; // "empty", "progress" or "content"

signals:
    void worldKnown();
    void experimentShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createContent();
    void showEmpty(const QString& title, const QString& text);
    void showMetric(int index);
    void onWorldRead(const StoreWorld& world);
    bool canSimulate() const; // the world is known and can be built
    QString worldDescription() const;
    void onFinished(const ExperimentPtr& result);
    void onFailed(const merch::Status& status);
    void onCancelled();
    void startRun(bool storeDefaults);

    ExperimentRunner* m_runner;
    SnapshotPtr m_snapshot;
    StoreWorld m_world;
    bool m_worldKnown = false;
    QString m_calibrationError; // why an imported store's world cannot be calibrated
    bool m_runWhenKnown = false;
    ExperimentPtr m_result;
    LiftScenarioPanel* m_scenario;
    LiftExplanationPanel* m_explanation;
    QStackedWidget* m_states;
    EmptyState* m_empty;
    ProgressPanel* m_progress;
    QWidget* m_content;
    QComboBox* m_metric;
    LiftOverTimeChart* m_liftChart;
    PValueChart* m_pChart;
    LiftBarsChart* m_bars;
    LiftDistributionChart* m_distribution;
    Card* m_distributionCard = nullptr;
    LiftTableModel* m_table;
    QTableView* m_tableView;
    QLabel* m_worldNote = nullptr;
};

} // namespace merch::ui
