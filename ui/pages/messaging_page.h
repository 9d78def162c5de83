// MessagingPage: when should abandoned carts and reorders be messaged? The messaging models
// trained and evaluated on the store's own log (recovery AUC and calibration, send delays,
// replenishment error, fatigue), the test period's carts ranked by recovery probability with
// their planned send time, and for a demo store the fixed-vs-predictive comparison simulated on
// its world: emails and purchases by day, the change per metric with its interval beside the
// brief's figure, and the replenishment curves. Runs in the background with progress and
// Cancel; the settings are validated by the engine.
#pragma once

#include <QWidget>

#include "jobs/messaging_runner.h"
#include "jobs/store_snapshot.h"

class QLabel;
class QStackedWidget;
class QTableView;

namespace merch::ui {

class EmptyState;
class MessagingCartsModel;
class MessagingComparisonChart;
class MessagingComparisonModel;
class MessagingReplenishmentChart;
class MessagingSettingsPanel;
class MessagingTimelineChart;
class ProgressPanel;

class MessagingPage : public QWidget {
    Q_OBJECT
public:
    explicit MessagingPage(QWidget* parent = nullptr);

    // A new store; the analysis runs when the page is (or next becomes) visible.
    void setSnapshot(SnapshotPtr snapshot);
    void run();

    bool isBusy() const { return m_runner->isRunning(); }
    const MessagingPtr& result() const { return m_result; }
    MessagingRunner* runner() const { return m_runner; }
    MessagingSettingsPanel* settings() const { return m_settings; }
    MessagingCartsModel* cartsModel() const { return m_carts; }
    MessagingComparisonModel* comparisonModel() const { return m_comparison; }
    MessagingTimelineChart* timelineChart() const { return m_timeline; }
    MessagingComparisonChart* comparisonChart() const { return m_comparisonChart; }
    MessagingReplenishmentChart* replenishmentChart() const { return m_replenishment; }
    ProgressPanel* progress() const { return m_progress; }
    QLabel* qualityLabel() const { return m_quality; }
    QString state() const; // "empty", "progress" or "content"

signals:
    void analysisShown();

protected:
    void showEvent(QShowEvent* event) override;

private:
    QWidget* createContent();
    void showEmpty(const QString& title, const QString& text);
    void onFinished(const MessagingPtr& result);
    void onFailed(const merch::Status& status);
    void onCancelled();

    MessagingRunner* m_runner;
    SnapshotPtr m_snapshot;
    MessagingPtr m_result;
    bool m_pending = false; // a run is due when the page is shown
    MessagingSettingsPanel* m_settings;
    QLabel* m_quality;
    QStackedWidget* m_states;
    EmptyState* m_empty;
    ProgressPanel* m_progress;
    QWidget* m_content = nullptr;
    MessagingCartsModel* m_carts;
    MessagingComparisonModel* m_comparison;
    QTableView* m_cartsView;
    QTableView* m_comparisonView;
    MessagingTimelineChart* m_timeline;
    MessagingComparisonChart* m_comparisonChart;
    MessagingReplenishmentChart* m_replenishment;
};

} // namespace merch::ui
