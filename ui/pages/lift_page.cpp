#include "pages/lift_page.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTableView>

#include "charts/lift_bars_chart.h"
#include "charts/lift_distribution_chart.h"
#include "charts/lift_over_time_chart.h"
#include "charts/p_value_chart.h"
#include "format.h"
#include "models/lift_table_model.h"
#include "page_catalog.h"
#include "pages/lift_explanation_panel.h"
#include "pages/lift_scenario_panel.h"
#include "presentation_mode.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

LiftPage::LiftPage(QWidget* parent)
    : QWidget(parent)
    , m_runner(new ExperimentRunner(this))
    , m_scenario(new LiftScenarioPanel(this))
    , m_explanation(new LiftExplanationPanel(this))
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(QString(), QString(), this))
    , m_progress(new ProgressPanel(this))
    , m_content(nullptr)
    , m_metric(new QComboBox(this))
    , m_liftChart(new LiftOverTimeChart(this))
    , m_pChart(new PValueChart(this))
    , m_bars(new LiftBarsChart(this))
    , m_distribution(new LiftDistributionChart(this))
    , m_table(new LiftTableModel(this))
    , m_tableView(new QTableView(this)) {
    setObjectName(QStringLiteral("liftPage"));
    auto* header = createPageHeader(this, QStringLiteral("Lift"));

    auto* scenarioCard = new Card(tr("Scenario"), this);
    markAsEditing(scenarioCard);
    scenarioCard->addWidget(m_scenario);
    auto* meaningCard = new Card(tr("What the numbers mean"), this);
    meaningCard->addWidget(m_explanation, 1);
    auto* left = new QVBoxLayout;
    left->setSpacing(16);
    left->addWidget(scenarioCard);
    left->addWidget(meaningCard, 1);
    auto* leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    left->setContentsMargins(0, 0, 0, 0);
    leftWidget->setFixedWidth(380);

    m_content = createContent();
    m_states->addWidget(m_empty);
    m_states->addWidget(m_progress);
    m_states->addWidget(m_content);
    auto* body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(leftWidget);
    body->addWidget(m_states, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addLayout(body, 1);

    connect(m_scenario, &LiftScenarioPanel::runRequested, this, &LiftPage::run);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &LiftPage::showMetric);
    connect(m_progress, &ProgressPanel::cancelRequested, m_runner, &ExperimentRunner::cancel);
    connect(m_runner, &ExperimentRunner::progressChanged, m_progress, &ProgressPanel::setProgress);
    connect(m_runner, &ExperimentRunner::worldRead, this, &LiftPage::onWorldRead);
    connect(m_runner, &ExperimentRunner::finished, this, &LiftPage::onFinished);
    connect(m_runner, &ExperimentRunner::failed, this, &LiftPage::onFailed);
    connect(m_runner, &ExperimentRunner::cancelled, this, &LiftPage::onCancelled);
    setSnapshot(nullptr);
}

QWidget* LiftPage::createContent() {
    auto* content = new QWidget(this);
    m_metric->setObjectName(QStringLiteral("metricCombo"));
    m_metric->setMinimumWidth(200);
    auto* liftCard = new Card(tr("Cumulative lift over the runway"), content);
    liftCard->setNote(tr("Relative lift (%) by day of the test. Shaded: the fixed 95% interval "
                         "a daily peek shows. Dashed: the sequential interval, valid to read "
                         "every day. Green: the true lift."));
    auto* metricRow = new QHBoxLayout;
    metricRow->addWidget(new QLabel(tr("Metric"), content));
    metricRow->addWidget(m_metric);
    metricRow->addStretch(1);
    auto* metricWidget = new QWidget(content);
    metricWidget->setLayout(metricRow);
    metricRow->setContentsMargins(0, 0, 0, 0);
    liftCard->addWidget(metricWidget);
    liftCard->addWidget(m_liftChart, 1);

    auto* pCard = new Card(tr("p-value day by day"), content);
    pCard->setNote(tr("Red: the %1 line a daily peek stops at.").arg(0.05));
    pCard->addWidget(m_pChart, 1);
    m_distributionCard = new Card(tr("Lifts over replicate tests"), content);
    m_distributionCard->addWidget(m_distribution, 1);
    auto* barsCard = new Card(tr("Vendor vs clean test vs true"), content);
    barsCard->setNote(tr("Vendor: the short-window reading, significant wins only."));
    barsCard->addWidget(m_bars, 1);
    // Over time on top (the lift and its p-value), over replicates and by claimant below.
    auto* overTime = new QHBoxLayout;
    overTime->setSpacing(16);
    overTime->addWidget(liftCard, 2);
    overTime->addWidget(pCard, 1);
    auto* charts = new QHBoxLayout;
    charts->setSpacing(16);
    charts->addWidget(m_distributionCard, 1);
    charts->addWidget(barsCard, 1);

    m_tableView->setObjectName(QStringLiteral("liftTable"));
    m_tableView->setModel(m_table);
    m_tableView->setShowGrid(false);
    m_tableView->setWordWrap(false);
    m_tableView->setSelectionMode(QAbstractItemView::NoSelection);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(30);
    m_tableView->horizontalHeader()->setHighlightSections(false);
    m_tableView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tableView->horizontalHeader()->setSectionResizeMode(LiftTableModel::Metric,
                                                          QHeaderView::Stretch);
    m_tableView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tableView->setFixedHeight(34 + 30 * 3 + 4);

    m_worldNote = new QLabel(content);
    m_worldNote->setObjectName(QStringLiteral("liftWorldNote"));
    m_worldNote->setWordWrap(true);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_worldNote);
    layout->addLayout(overTime, 3);
    layout->addLayout(charts, 2);
    layout->addWidget(m_tableView);
    return content;
}

void LiftPage::setSnapshot(SnapshotPtr snapshot) {
    const bool same = snapshot && m_snapshot && snapshot->products == m_snapshot->products;
    m_snapshot = std::move(snapshot);
    if (same)
        return;
    m_result.reset();
    m_worldKnown = false;
    m_world = {};
    m_calibrationError.clear();
    m_worldNote->clear();
    m_table->setResult(nullptr);
    m_bars->setResult(nullptr);
    m_metric->clear();
    showMetric(-1);
    if (!m_snapshot) {
        m_runner->cancel();
        showEmpty(tr("No store is open"),
                  tr("Open the demo store to simulate the A/B test a store would run."));
        return;
    }
    m_runWhenKnown = isVisible();
    ExperimentRequest probe;
    probe.path = m_snapshot->path.toStdString();
    m_runner->run(probe);
    m_progress->start(tr("Reading the store…"));
    m_states->setCurrentWidget(m_progress);
}

void LiftPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (!m_snapshot || m_result)
        return;
    if (!m_worldKnown)
        m_runWhenKnown = true; // the store's world is still being read
    else if (canSimulate() && !m_runner->isRunning() && state() == QStringLiteral("empty"))
        startRun(!m_world.isDemo && !m_world.calibration);
}

bool LiftPage::canSimulate() const {
    return m_worldKnown && (m_world.isDemo || m_calibrationError.isEmpty());
}

void LiftPage::onWorldRead(const StoreWorld& world) {
    const bool firstCalibration = world.calibration && !m_world.calibration;
    m_world = world;
    m_worldKnown = true;
    m_scenario->setEnabled(true);
    if (world.isDemo) {
        m_scenario->setStoreDefaults(world.sessionsPerDay, world.seed);
    } else if (firstCalibration) {
        m_scenario->setStoreDefaults(world.sessionsPerDay, world.seed);
    }
    m_worldNote->setText(worldDescription());
    if (!m_result && !m_runner->isRunning()) {
        if (world.isDemo)
            showEmpty(tr("Ready to run the test"),
                      tr("A %1-week test at %2 sessions a day on the demo store's world. "
                         "Adjust the scenario and press Run the test.")
                          .arg(m_scenario->params().weeks)
                          .arg(formatCount(static_cast<std::int64_t>(world.sessionsPerDay))));
        else
            showEmpty(tr("Ready to run the test"),
                      tr("%1 was imported: the test runs on a shopper world calibrated from its "
                         "catalog and events (traffic, position bias, popularity, cart and order "
                         "rates, order value). Calibrating takes up to a minute the first time. "
                         "Press Run the test.")
                          .arg(m_snapshot ? m_snapshot->fileName() : QString()));
    }
    if (m_runWhenKnown && !m_result && !m_runner->isRunning())
        startRun(!world.isDemo && !world.calibration);
    m_runWhenKnown = false;
    emit worldKnown();
}

QString LiftPage::worldDescription() const {
    if (m_world.isDemo)
        return tr("World: the demo store's, with known shopper preferences.");
    const merch::WorldCalibration* c = m_world.calibration.get();
    if (!c)
        return tr("World: calibrated from this store's logs when the test first runs.");
    int inside = 0;
    for (const merch::ValidationRow& row : c->validation.rows)
        inside += row.within ? 1 : 0;
    QString text = tr("World: calibrated from %1 sessions over %2 days of this store's logs")
                       .arg(formatCount(c->sessions))
                       .arg(c->days);
    if (!c->validation.rows.empty())
        text += tr("; its baseline replay lands %1 of %2 figures inside the logs' 95% intervals")
                    .arg(inside)
                    .arg(c->validation.rows.size());
    return text + tr(". Every fitted value, with its source: merchsim-cli calibrate.");
}

void LiftPage::run() {
    if (!m_snapshot || !canSimulate() || !m_scenario->isValid())
        return;
    startRun(!m_world.isDemo && !m_world.calibration);
}

void LiftPage::startRun(bool storeDefaults) {
    ExperimentRequest request;
    request.path = m_snapshot->path.toStdString();
    request.params = m_scenario->params();
    request.seed = m_scenario->seed();
    request.storeDefaults = storeDefaults;
    m_runner->run(request);
    const merch::ExperimentParams& p = *request.params;
    m_progress->start(!m_world.isDemo && !m_world.calibration
                          ? tr("Calibrating a world from the store's logs, then simulating…")
                          : tr("Simulating a %1-week test, %2% treated…")
                                .arg(p.weeks)
                                .arg(p.split * 100.0, 0, 'f', 0));
    m_states->setCurrentWidget(m_progress);
}

void LiftPage::showEmpty(const QString& title, const QString& text) {
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_states->setCurrentWidget(m_empty);
}

void LiftPage::onFinished(const ExperimentPtr& result) {
    m_result = result;
    m_table->setResult(result);
    m_bars->setResult(result);
    {
        const QSignalBlocker blocker(m_metric);
        m_metric->clear();
        for (const merch::MetricReading& m : result->metrics)
            m_metric->addItem(metricLabel(m.metric));
        m_metric->setCurrentIndex(0);
    }
    showMetric(0);
    m_states->setCurrentWidget(m_content);
    emit experimentShown();
}

void LiftPage::showMetric(int index) {
    const bool valid = m_result && index >= 0 && index < static_cast<int>(m_result->metrics.size());
    const merch::MetricReading* reading =
        valid ? &m_result->metrics[static_cast<std::size_t>(index)] : nullptr;
    m_liftChart->setReading(reading);
    m_pChart->setReading(reading, m_result ? m_result->params.alpha : 0.05);
    const merch::ReplicateMetric* replicates =
        valid && static_cast<std::size_t>(index) < m_result->replicates.metrics.size()
            ? &m_result->replicates.metrics[static_cast<std::size_t>(index)]
            : nullptr;
    m_distribution->setReplicates(replicates, reading ? reading->test.lift : 0.0);
    m_distributionCard->setNote(
        replicates ? tr("%1 replicate tests: power %2, mean %3. Green: the true lift; dashed: "
                        "this run.")
                         .arg(formatCount(m_result->replicates.replicates))
                         .arg(replicates->power, 0, 'f', 2)
                         .arg(formatLift(replicates->meanLift))
                   : tr("Replicates are off (set them in the scenario)."));
    m_explanation->setResult(m_result, index);
}

void LiftPage::onFailed(const merch::Status& status) {
    if (m_worldKnown && !m_world.isDemo && !m_world.calibration) {
        // The imported store's logs could not be fitted: say why, and do not try again.
        m_calibrationError = QString::fromStdString(status.message());
        m_scenario->setEnabled(false);
        showEmpty(tr("No world can be calibrated from this store yet"),
                  tr("%1. The Costs page keeps an entered lift until the logs allow a world.")
                      .arg(m_calibrationError));
        return;
    }
    showEmpty(tr("The test could not be simulated"), QString::fromStdString(status.message()));
}

void LiftPage::onCancelled() {
    if (m_result) {
        m_states->setCurrentWidget(m_content);
        return;
    }
    showEmpty(tr("Test cancelled"), tr("Press Run the test when you are ready."));
}

QString LiftPage::state() const {
    QWidget* current = m_states->currentWidget();
    if (current == m_empty)
        return QStringLiteral("empty");
    if (current == m_progress)
        return QStringLiteral("progress");
    return QStringLiteral("content");
}

} // namespace merch::ui
