// CostsPage: what do build, buy and hybrid cost in year one and over three years, and in which
// week does each pay back? The store's traffic and the honest lift (the Lift simulator's, on a
// demo store) are measured in the background with progress and Cancel; every edit of an input
// then recomputes the paths, the Monte Carlo ranges and the tornado at once. Charts: year-one
// cost bars, cumulative cost vs profit with break-even markers, the NPV spread, the tornado,
// the cache TTL curve; tables: paths, use cases in order, two scenarios side by side.
// Scenarios are saved in the workspace.
#pragma once

#include <QWidget>

#include <memory>
#include <optional>

#include "jobs/cost_store_runner.h"
#include "jobs/store_snapshot.h"
#include "merch/cost_uncertainty.h"
#include "merch/experiment.h"
#include "merch/recommendation_cache.h"

class QAbstractItemModel;
class QComboBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTableView;

namespace merch::ui {

class CacheTtlChart;
class CostBarsChart;
class CostCurvesChart;
class CostInputsPanel;
class CostPathsModel;
class EmptyState;
class NpvHistogramChart;
class ProgressPanel;
class ScenarioCompareModel;
class TornadoChart;
class UseCaseModel;

class CostsPage : public QWidget {
    Q_OBJECT
public:
    explicit CostsPage(QWidget* parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    // A Lift page result: offered as the honest lift ("Use the simulated lift").
    void setExperimentResult(const std::shared_ptr<const merch::ExperimentResult>& result);

    // Saves the current inputs in the workspace under `name` (the Save As button asks for it).
    merch::Status saveScenario(const QString& name);

    bool isBusy() const { return m_runner->isRunning(); }
    CostStoreRunner* runner() const { return m_runner; }
    CostInputsPanel* inputsPanel() const { return m_inputs; }
    CostPathsModel* pathsModel() const { return m_paths; }
    UseCaseModel* useCaseModel() const { return m_useCases; }
    ScenarioCompareModel* compareModel() const { return m_compare; }
    CostBarsChart* barsChart() const { return m_bars; }
    CostCurvesChart* curvesChart() const { return m_curves; }
    NpvHistogramChart* histogramChart() const { return m_histogram; }
    TornadoChart* tornadoChart() const { return m_tornado; }
    CacheTtlChart* cacheChart() const { return m_cache; }
    QTabWidget* tabs() const { return m_tabs; }
    QComboBox* scenarioCombo() const { return m_scenarioCombo; }
    QComboBox* compareCombo() const { return m_compareCombo; }
    QLabel* recommendation() const { return m_recommendation; }
    const std::shared_ptr<const merch::CostResult>& result() const { return m_result; }
    QString state() const; // "empty", "progress" or "content"

signals:
    void recomputed(); // after every recomputation that produced a result

private:
    QWidget* createScenarioBar();
    QWidget* createContent();
    QTableView* tableView(QAbstractItemModel* model, int stretchColumn);
    void showEmpty(const QString& title, const QString& text);
    void onMeasured(const CostStorePtr& measured);
    void recompute();
    void refreshCache();
    void refreshCompare();
    void refreshScenarioCombos(const QString& select);
    void loadScenario(int index);
    void askToSaveScenario();
    void deleteScenario();

    CostStoreRunner* m_runner;
    SnapshotPtr m_snapshot;
    CostStorePtr m_data;
    std::shared_ptr<const merch::CostResult> m_result;
    std::optional<merch::CacheReplayResult> m_cacheResult;
    double m_cacheImpressions = -1;
    CostInputsPanel* m_inputs;
    QComboBox* m_scenarioCombo;
    QComboBox* m_compareCombo;
    QPushButton* m_deleteScenario;
    QStackedWidget* m_states;
    EmptyState* m_empty;
    ProgressPanel* m_progress;
    QWidget* m_content;
    QLabel* m_error;
    QLabel* m_recommendation;
    QLabel* m_computeNote;
    QLabel* m_useCaseReasons;
    QLabel* m_uncertaintyNote;
    QLabel* m_cacheNote;
    QTabWidget* m_tabs;
    CostPathsModel* m_paths;
    UseCaseModel* m_useCases;
    ScenarioCompareModel* m_compare;
    CostBarsChart* m_bars;
    CostCurvesChart* m_curves;
    NpvHistogramChart* m_histogram;
    TornadoChart* m_tornado;
    CacheTtlChart* m_cache;
};

} // namespace merch::ui
