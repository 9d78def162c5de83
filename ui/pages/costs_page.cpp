#include "pages/costs_page.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>

#include "charts/cache_ttl_chart.h"
#include "charts/cost_bars_chart.h"
#include "charts/cost_curves_chart.h"
#include "charts/npv_histogram_chart.h"
#include "charts/tornado_chart.h"
#include "format.h"
#include "merch/cost_scenario.h"
#include "merch/simulated_lift.h"
#include "merch/use_case_priority.h"
#include "merch/workspace.h"
#include "models/cost_paths_model.h"
#include "models/lift_table_model.h"
#include "models/scenario_compare_model.h"
#include "models/use_case_model.h"
#include "page_catalog.h"
#include "pages/cost_inputs_panel.h"
#include "presentation_mode.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

namespace {

constexpr int kDraws = 2000;
constexpr std::uint64_t kMonteCarloSeed = 42;
constexpr double kCacheTtlForCost = 1.0; // hours: the brief's case

QLabel* noteLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setObjectName(QStringLiteral("mutedNote"));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString bullets(const std::vector<std::string>& lines) {
    QString html = QStringLiteral("<ul style='margin-left:-20px'>");
    for (const auto& line : lines)
        html += QStringLiteral("<li>%1</li>").arg(QString::fromStdString(line).toHtmlEscaped());
    return html + QStringLiteral("</ul>");
}

} // namespace

CostsPage::CostsPage(QWidget* parent)
    : QWidget(parent)
    , m_runner(new CostStoreRunner(this))
    , m_inputs(new CostInputsPanel(this))
    , m_scenarioCombo(new QComboBox(this))
    , m_compareCombo(new QComboBox(this))
    , m_deleteScenario(new QPushButton(tr("Delete"), this))
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(QString(), QString(), this))
    , m_progress(new ProgressPanel(this))
    , m_content(nullptr)
    , m_error(new QLabel(this))
    , m_recommendation(new QLabel(this))
    , m_computeNote(noteLabel(this))
    , m_useCaseReasons(noteLabel(this))
    , m_uncertaintyNote(noteLabel(this))
    , m_cacheNote(noteLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_paths(new CostPathsModel(this))
    , m_useCases(new UseCaseModel(this))
    , m_compare(new ScenarioCompareModel(this))
    , m_bars(new CostBarsChart(this))
    , m_curves(new CostCurvesChart(this))
    , m_histogram(new NpvHistogramChart(this))
    , m_tornado(new TornadoChart(this))
    , m_cache(new CacheTtlChart(this)) {
    setObjectName(QStringLiteral("costsPage"));
    auto* header = createPageHeader(this, QStringLiteral("Costs"));

    auto* scenarioCard = new Card(tr("Scenario"), this);
    scenarioCard->addWidget(createScenarioBar());
    auto* inputsCard = new Card(tr("Inputs"), this);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_inputs);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    inputsCard->addWidget(scroll, 1);
    auto* left = new QVBoxLayout;
    left->setContentsMargins(0, 0, 0, 0);
    left->setSpacing(16);
    left->addWidget(scenarioCard);
    left->addWidget(inputsCard, 1);
    auto* leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    leftWidget->setFixedWidth(400);
    markAsEditing(leftWidget);

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

    connect(m_inputs, &CostInputsPanel::inputsChanged, this, &CostsPage::recompute);
    connect(m_progress, &ProgressPanel::cancelRequested, m_runner, &CostStoreRunner::cancel);
    connect(m_runner, &CostStoreRunner::progressChanged, m_progress, &ProgressPanel::setProgress);
    connect(m_runner, &CostStoreRunner::finished, this, &CostsPage::onMeasured);
    connect(m_runner, &CostStoreRunner::failed, this, [this](const merch::Status& status) {
        showEmpty(tr("The store could not be measured"), QString::fromStdString(status.message()));
    });
    connect(m_runner, &CostStoreRunner::cancelled, this, [this] {
        showEmpty(tr("Measuring was cancelled"),
                  tr("Open the store again (File > Open Recent) to price the paths."));
    });
    setSnapshot(nullptr);
}

QWidget* CostsPage::createScenarioBar() {
    auto* bar = new QWidget(this);
    m_scenarioCombo->setObjectName(QStringLiteral("scenarioCombo"));
    m_compareCombo->setObjectName(QStringLiteral("compareCombo"));
    auto* save = new QPushButton(tr("Save As…"), bar);
    save->setObjectName(QStringLiteral("saveScenario"));
    save->setShortcut(QKeySequence(tr("Ctrl+Shift+S", "save cost scenario")));
    m_deleteScenario->setObjectName(QStringLiteral("deleteScenario"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_scenarioCombo, 1);
    row->addWidget(save);
    row->addWidget(m_deleteScenario);
    auto* compareRow = new QHBoxLayout;
    compareRow->addWidget(new QLabel(tr("Compare with"), bar));
    compareRow->addWidget(m_compareCombo, 1);
    auto* layout = new QVBoxLayout(bar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addLayout(compareRow);
    connect(m_scenarioCombo, &QComboBox::activated, this, &CostsPage::loadScenario);
    connect(m_compareCombo, &QComboBox::currentIndexChanged, this, &CostsPage::refreshCompare);
    connect(save, &QPushButton::clicked, this, &CostsPage::askToSaveScenario);
    connect(m_deleteScenario, &QPushButton::clicked, this, &CostsPage::deleteScenario);
    return bar;
}

QTableView* CostsPage::tableView(QAbstractItemModel* model, int stretchColumn) {
    auto* view = new QTableView(this);
    view->setModel(model);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(30);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    return view;
}

QWidget* CostsPage::createContent() {
    auto* content = new QWidget(this);
    m_error->setObjectName(QStringLiteral("costError"));
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c; font-weight: 600;"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_recommendation->setObjectName(QStringLiteral("costRecommendation"));
    m_recommendation->setWordWrap(true);
    m_recommendation->setTextFormat(Qt::RichText);
    auto* recommendationCard = new Card(tr("Recommended path"), content);
    recommendationCard->addWidget(m_recommendation);
    recommendationCard->addWidget(m_computeNote);

    auto* pathsTable = tableView(m_paths, CostPathsModel::Path);
    pathsTable->setObjectName(QStringLiteral("costPathsTable"));
    pathsTable->setFixedHeight(42 + 30 * merch::kCostPathCount);
    pathsTable->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    pathsTable->setColumnHidden(CostPathsModel::Roi, true); // in the tooltip of NPV and JSON
    pathsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    pathsTable->horizontalHeader()->setSectionResizeMode(CostPathsModel::Npv, QHeaderView::Stretch);
    pathsTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto* uncertainty = new QWidget(content);
    auto* uncertaintyLayout = new QVBoxLayout(uncertainty);
    uncertaintyLayout->addWidget(m_uncertaintyNote);
    uncertaintyLayout->addWidget(m_histogram, 1);
    auto* cache = new QWidget(content);
    auto* cacheLayout = new QVBoxLayout(cache);
    cacheLayout->addWidget(m_cacheNote);
    cacheLayout->addWidget(m_cache, 1);
    auto* useCases = new QWidget(content);
    auto* useCasesLayout = new QVBoxLayout(useCases);
    auto* useCaseTable = tableView(m_useCases, UseCaseModel::Source);
    useCaseTable->setObjectName(QStringLiteral("useCaseTable"));
    useCasesLayout->addWidget(useCaseTable, 1);
    useCasesLayout->addWidget(m_useCaseReasons);
    auto* compare = tableView(m_compare, 0);
    compare->setObjectName(QStringLiteral("compareTable"));

    m_tabs->setObjectName(QStringLiteral("costTabs"));
    auto* payback = new QWidget(content);
    auto* paybackLayout = new QVBoxLayout(payback);
    auto* paybackNote = noteLabel(payback);
    paybackNote->setText(tr("Dashed: cumulative cost. Solid: cumulative incremental gross profit "
                            "from the honest lift. Green dots: break-even."));
    paybackLayout->addWidget(paybackNote);
    paybackLayout->addWidget(m_curves, 1);
    m_tabs->addTab(payback, tr("Payback"));
    m_tabs->addTab(m_bars, tr("Year 1"));
    m_tabs->addTab(uncertainty, tr("Spread"));
    m_tabs->addTab(m_tornado, tr("Tornado"));
    m_tabs->addTab(cache, tr("Cache"));
    m_tabs->addTab(useCases, tr("First use"));
    m_tabs->addTab(compare, tr("A vs B"));

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->addWidget(m_error);
    layout->addWidget(recommendationCard);
    layout->addWidget(pathsTable);
    layout->addWidget(m_tabs, 1);
    return content;
}

QString CostsPage::state() const {
    if (m_states->currentWidget() == m_progress)
        return QStringLiteral("progress");
    return m_states->currentWidget() == m_content ? QStringLiteral("content")
                                                  : QStringLiteral("empty");
}

void CostsPage::showEmpty(const QString& title, const QString& text) {
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_states->setCurrentWidget(m_empty);
}

void CostsPage::setSnapshot(SnapshotPtr snapshot) {
    const bool same = snapshot && m_snapshot && snapshot->path == m_snapshot->path &&
                      snapshot->products == m_snapshot->products;
    m_snapshot = std::move(snapshot);
    if (same)
        return;
    m_data.reset();
    m_result.reset();
    m_cacheResult.reset();
    m_cacheImpressions = -1;
    if (!m_snapshot || m_snapshot->isEmpty()) {
        m_runner->cancel();
        showEmpty(tr("No store to price"),
                  tr("Open the demo store or import a store's sessions: the paths are priced on "
                     "its traffic and revenue."));
        return;
    }
    m_runner->run(m_snapshot->path.toStdString(), 1.0);
    m_progress->start(tr("Measuring the store's traffic and simulating its lift…"));
    m_states->setCurrentWidget(m_progress);
}

void CostsPage::setExperimentResult(const std::shared_ptr<const merch::ExperimentResult>& result) {
    if (!result)
        return;
    if (auto lift = merch::liftFromExperiment(*result))
        m_inputs->setSimulatedLift(*lift);
}

void CostsPage::onMeasured(const CostStorePtr& measured) {
    m_data = measured;
    merch::CostInputs inputs;
    inputs.store = measured->profile.economics;
    if (measured->simulatedLift) {
        inputs.lift = *measured->simulatedLift;
    } else {
        inputs.lift.source = measured->liftNote.toStdString();
    }
    m_inputs->setStoreDefaults(measured->profile.economics);
    m_inputs->setSimulatedLift(measured->simulatedLift);
    m_inputs->setInputs(inputs);
    refreshCache(); // sets the cache hit rate from the replay
    refreshScenarioCombos(QString());
    m_states->setCurrentWidget(m_content);
    recompute();
}

void CostsPage::refreshCache() {
    if (!m_data)
        return;
    const double impressions = m_inputs->inputs().store.recImpressionsPerDay;
    if (impressions == m_cacheImpressions)
        return;
    m_cacheImpressions = impressions;
    merch::CacheReplayParams params;
    params.projectedRequestsPerDay = impressions;
    auto replay = merch::replayRecommendationCache(m_data->profile.requests, params, {});
    if (!replay) {
        m_cacheResult.reset();
        m_cacheNote->setText(QString::fromStdString(replay.status().message()));
        m_cache->setResult(nullptr);
        return;
    }
    m_cacheResult = *replay;
    m_cache->setResult(&*m_cacheResult);
    const auto at =
        std::find_if(replay->points.begin(), replay->points.end(),
                     [](const merch::CachePoint& p) { return p.ttlHours == kCacheTtlForCost; });
    if (at == replay->points.end())
        return;
    const double hit = impressions > 0 ? at->projectedHitRate : at->hitRate;
    merch::CostInputs inputs = m_inputs->inputs();
    for (merch::CostPath p : {merch::CostPath::Hybrid, merch::CostPath::Custom})
        inputs.path(p).cacheHitRate = std::min(0.99, hit);
    m_inputs->setInputs(inputs);
    m_cacheNote->setText(
        tr("%1 product-page views replayed (%2 a day, %3 lists) through a TTL cache of "
           "ready-made recommendation lists; the catalog refreshes every %4 h. At a 1-hour TTL "
           "%5 of requests are served from cache at the store's traffic and %6 at %7 "
           "impressions a day (each list's requests a Poisson stream at its observed rate, "
           "scaled); that hit rate is the cost model's cache hit rate. Stale: served after a "
           "catalog refresh; how much lift that loses depends on how many lists a refresh "
           "changes, which the replay cannot see.")
            .arg(formatCount(replay->requests), formatCompact(replay->requestsPerDay))
            .arg(replay->keys)
            .arg(params.catalogRefreshHours)
            .arg(formatPercent(at->hitRate), formatPercent(at->projectedHitRate),
                 formatCompact(impressions)));
}

void CostsPage::recompute() {
    if (!m_data)
        return;
    refreshCache();
    QElapsedTimer timer;
    timer.start();
    const merch::CostInputs inputs = m_inputs->inputs();
    auto costs = merch::computeCosts(inputs);
    if (!costs) {
        m_error->setText(
            tr("Not recomputed: %1").arg(QString::fromStdString(costs.status().message())));
        m_error->show();
        return;
    }
    m_error->hide();
    merch::UncertaintyParams params;
    params.draws = kDraws;
    merch::RunControl control;
    control.seed = kMonteCarloSeed;
    auto uncertainty = merch::analyseCostUncertainty(inputs, params, control);
    auto plan = merch::rankUseCases(
        inputs.store, inputs.rates,
        merch::useCaseInputsFor(m_data->profile, inputs.lift, m_data->useCaseLifts));
    const qint64 elapsed = timer.elapsed();

    m_result = std::make_shared<const merch::CostResult>(std::move(costs).value());
    auto uncertaintyPtr =
        uncertainty ? std::make_shared<const merch::UncertaintyResult>(*uncertainty) : nullptr;
    m_paths->setResult(m_result, uncertaintyPtr);
    m_bars->setResult(m_result.get());
    m_curves->setResult(m_result.get());
    m_histogram->setResult(uncertaintyPtr.get());
    const merch::PathResult& recommended = m_result->path(m_result->recommended);
    m_tornado->setResult(uncertaintyPtr.get(), recommended.paybackWeek, recommended.npv,
                         inputs.rates.horizonWeeks);
    m_recommendation->setText(
        QStringLiteral("<span style='font-size:15pt;font-weight:600'>%1</span>%2")
            .arg(QString::fromUtf8(merch::costPathLabel(m_result->recommended)),
                 bullets(m_result->reasons)));
    m_computeNote->setText(
        tr("At a %1 lift. Recomputed in %2 ms with %3 Monte Carlo draws (seed %4).")
            .arg(formatLift(inputs.lift.revenueLift))
            .arg(elapsed)
            .arg(kDraws)
            .arg(kMonteCarloSeed));
    if (uncertaintyPtr) {
        QStringList lines;
        for (merch::CostPath p : merch::allCostPaths()) {
            const merch::PathUncertainty& u = uncertaintyPtr->path(p);
            lines << tr("%1: NPV P10 %2, P50 %3, P90 %4; payback P10–P90 %5 to %6")
                         .arg(QString::fromUtf8(merch::costPathLabel(p)), formatDollars(u.p10Npv),
                              formatDollars(u.p50Npv), formatDollars(u.p90Npv),
                              formatPaybackWeek(u.p10PaybackWeek, inputs.rates.horizonWeeks),
                              formatPaybackWeek(u.p90PaybackWeek, inputs.rates.horizonWeeks));
        }
        m_uncertaintyNote->setText(
            tr("Every draw varies the lift, day rate, gross margin, vendor-attributed revenue, "
               "each path's build months (the brief's time-to-value ranges) and lift captured, "
               "each from a triangular distribution around the input.\n") +
            lines.join(QLatin1Char('\n')));
    }
    if (plan) {
        m_useCases->setPlan(std::make_shared<const merch::UseCasePlan>(*plan),
                            inputs.rates.horizonWeeks);
        m_useCaseReasons->setText(QString::fromStdString(
            plan->reasons.empty()
                ? std::string()
                : plan->reasons.front() +
                      (plan->reasons.size() > 1 ? "\n" + plan->reasons[1] : std::string())));
    }
    refreshCompare();
    emit recomputed();
}

void CostsPage::refreshScenarioCombos(const QString& select) {
    const QSignalBlocker a(m_scenarioCombo), b(m_compareCombo);
    const QString comparing = m_compareCombo->currentText();
    m_scenarioCombo->clear();
    m_compareCombo->clear();
    m_scenarioCombo->addItem(tr("Store figures (unsaved)"));
    m_compareCombo->addItem(tr("—"));
    if (m_data) {
        for (const auto& [name, inputs] : m_data->scenarios) {
            m_scenarioCombo->addItem(QString::fromStdString(name));
            m_compareCombo->addItem(QString::fromStdString(name));
        }
    }
    m_scenarioCombo->setCurrentIndex(std::max(0, m_scenarioCombo->findText(select)));
    m_compareCombo->setCurrentIndex(std::max(0, m_compareCombo->findText(comparing)));
    m_deleteScenario->setEnabled(m_scenarioCombo->currentIndex() > 0);
}

void CostsPage::loadScenario(int index) {
    m_deleteScenario->setEnabled(index > 0);
    if (!m_data)
        return;
    if (index <= 0) {
        onMeasured(m_data);
        return;
    }
    const auto& scenario = m_data->scenarios[static_cast<std::size_t>(index - 1)];
    m_inputs->setInputs(scenario.second);
    m_cacheImpressions = -1;
    recompute();
}

void CostsPage::refreshCompare() {
    std::shared_ptr<const merch::CostResult> other;
    const int index = m_compareCombo->currentIndex();
    if (m_data && index > 0) {
        auto costs =
            merch::computeCosts(m_data->scenarios[static_cast<std::size_t>(index - 1)].second);
        if (costs)
            other = std::make_shared<const merch::CostResult>(std::move(costs).value());
    }
    m_compare->setScenarios(tr("Current inputs"), m_result,
                            index > 0 ? m_compareCombo->currentText() : tr("(choose a scenario)"),
                            other);
}

merch::Status CostsPage::saveScenario(const QString& name) {
    if (!m_snapshot || !m_data)
        return merch::Status::invalidArgument("no store is open");
    auto workspace = merch::Workspace::open(m_snapshot->path.toStdString());
    if (!workspace)
        return workspace.status();
    const std::string key = name.trimmed().toStdString();
    if (auto status = merch::saveCostScenario(**workspace, key, m_inputs->inputs()); !status)
        return status;
    auto scenarios = merch::loadCostScenarios(**workspace);
    if (!scenarios)
        return scenarios.status();
    auto updated = std::make_shared<CostStoreData>(*m_data);
    updated->scenarios = std::move(scenarios).value();
    m_data = updated;
    refreshScenarioCombos(QString::fromStdString(key));
    return merch::Status::ok();
}

void CostsPage::askToSaveScenario() {
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Save Cost Scenario"),
        tr("Name (saved in the workspace; an existing name is replaced):"), QLineEdit::Normal,
        m_scenarioCombo->currentIndex() > 0 ? m_scenarioCombo->currentText() : tr("As quoted"),
        &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    if (auto status = saveScenario(name); !status)
        QMessageBox::warning(this, tr("Scenario not saved"),
                             QString::fromStdString(status.message()));
}

void CostsPage::deleteScenario() {
    const int index = m_scenarioCombo->currentIndex();
    if (index <= 0 || !m_snapshot || !m_data)
        return;
    const QString name = m_scenarioCombo->currentText();
    if (QMessageBox::question(
            this, tr("Delete Scenario"),
            tr("Delete the cost scenario \"%1\" from the workspace?").arg(name)) !=
        QMessageBox::Yes)
        return;
    auto workspace = merch::Workspace::open(m_snapshot->path.toStdString());
    merch::Status status =
        workspace ? merch::deleteCostScenario(**workspace, name.toStdString()) : workspace.status();
    if (!status) {
        QMessageBox::warning(this, tr("Scenario not deleted"),
                             QString::fromStdString(status.message()));
        return;
    }
    auto updated = std::make_shared<CostStoreData>(*m_data);
    updated->scenarios.erase(updated->scenarios.begin() + (index - 1));
    m_data = updated;
    refreshScenarioCombos(QString());
}

} // namespace merch::ui
