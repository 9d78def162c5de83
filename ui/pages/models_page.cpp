#include "pages/models_page.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

#include "charts/model_metrics_chart.h"
#include "format.h"
#include "models/model_metrics_model.h"
#include "page_catalog.h"
#include "pages/category_playground.h"
#include "pages/model_settings_panel.h"
#include "pages/recommendation_playground.h"
#include "presentation_mode.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

ModelsPage::ModelsPage(QWidget* parent)
    : QWidget(parent)
    , m_runner(new ModelsRunner(this))
    , m_settings(new ModelSettingsPanel(this))
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(QString(), QString(), this))
    , m_emptyTrain(m_empty->addButton(tr("Train and evaluate"), true))
    , m_progress(new ProgressPanel(this))
    , m_content(nullptr)
    , m_tabs(new QTabWidget(this))
    , m_note(new QLabel(this))
    , m_metrics(new ModelMetricsModel(this))
    , m_table(new QTableView(this))
    , m_chart(new ModelMetricsChart(this))
    , m_recommendations(new RecommendationPlayground(this))
    , m_category(new CategoryPlayground(this)) {
    setObjectName(QStringLiteral("modelsPage"));

    auto* header = createPageHeader(this, QStringLiteral("Models"));

    auto* settingsCard = new Card(tr("Settings"), this);
    markAsEditing(settingsCard);
    settingsCard->setNote(tr("Checked as you type; applied on Train."));
    settingsCard->addWidget(m_settings);
    auto* guide = new QLabel(
        tr("<b>How to read the metrics</b><br>HR@k: share of steps whose next product is in "
           "the top k.<br>MRR@k: the same, rewarding a high rank.<br>Coverage: share of "
           "products ever recommended.<br>Pop. bias: 1 means only best-sellers get shown."
           "<br>µs: time per recommendation."),
        this);
    guide->setObjectName(QStringLiteral("cardNote"));
    guide->setWordWrap(true);
    guide->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    settingsCard->addWidget(guide, 1);
    settingsCard->setFixedWidth(320);

    m_content = createContent();
    m_states->addWidget(m_empty);
    m_states->addWidget(m_progress);
    m_states->addWidget(m_content);

    auto* body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(settingsCard);
    body->addWidget(m_states, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addLayout(body, 1);

    connect(m_settings, &ModelSettingsPanel::trainRequested, this, &ModelsPage::train);
    connect(m_emptyTrain, &QPushButton::clicked, this, &ModelsPage::train);
    connect(m_progress, &ProgressPanel::cancelRequested, m_runner, &ModelsRunner::cancel);
    connect(m_runner, &ModelsRunner::progressChanged, m_progress, &ProgressPanel::setProgress);
    connect(m_runner, &ModelsRunner::finished, this, &ModelsPage::onFinished);
    connect(m_runner, &ModelsRunner::failed, this, &ModelsPage::onFailed);
    connect(m_runner, &ModelsRunner::cancelled, this, &ModelsPage::onCancelled);
    setSnapshot(nullptr);
}

QWidget* ModelsPage::createMetricsTab() {
    auto* tab = new QWidget(this);
    m_note->setObjectName(QStringLiteral("cardNote"));
    m_note->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("modelMetricsTable"));
    m_table->setModel(m_metrics);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ModelMetricsModel::Model,
                                                      QHeaderView::Stretch);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setFixedHeight(34 + 30 * 8 + 4);

    auto* layout = new QVBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->setSpacing(10);
    layout->addWidget(m_note);
    layout->addWidget(m_table);
    layout->addWidget(m_chart, 1);
    return tab;
}

QWidget* ModelsPage::createContent() {
    m_tabs->setObjectName(QStringLiteral("modelsTabs"));
    m_tabs->tabBar()->setDrawBase(false);
    m_tabs->addTab(createMetricsTab(), tr("Metrics against the baselines"));
    m_tabs->addTab(m_recommendations, tr("You may also like"));
    m_tabs->addTab(m_category, tr("Category page"));
    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("card"));
    auto* layout = new QVBoxLayout(card);
    layout->setContentsMargins(4, 6, 4, 4);
    layout->addWidget(m_tabs);
    return card;
}

void ModelsPage::setSnapshot(SnapshotPtr snapshot) {
    const bool same = snapshot && m_snapshot && snapshot->products == m_snapshot->products &&
                      snapshot->summary.events == m_snapshot->summary.events;
    m_snapshot = std::move(snapshot);
    if (same && (m_result || m_runner->isRunning()))
        return; // the same store under another path (Save As)
    m_result.reset();
    m_runner->cancel();
    m_metrics->setResult(nullptr);
    m_chart->setResult(nullptr);
    m_recommendations->setResult(nullptr);
    m_category->setResult(nullptr);
    if (!m_snapshot) {
        showEmpty(tr("No store is open"),
                  tr("Open a workspace or build the demo store to train the models on its "
                     "shoppers' sessions."),
                  false);
        return;
    }
    if (m_snapshot->summary.events == 0) {
        showEmpty(tr("No sessions to learn from"),
                  tr("%1 holds no shopper events yet. Import the store's events (a GA4 export, "
                     "for one) with File > Import… (Ctrl+I).")
                      .arg(m_snapshot->fileName()),
                  false);
        return;
    }
    if (m_snapshot->summary.events <= kAutoTrainEvents) {
        train();
        return;
    }
    showEmpty(tr("Ready to train"),
              tr("%1 events: training and evaluating every model takes a while. Start it when "
                 "you are ready; you can cancel at any time.")
                  .arg(formatCount(m_snapshot->summary.events)),
              true);
}

void ModelsPage::train() {
    if (!m_snapshot || m_snapshot->summary.events == 0 || !m_settings->isValid())
        return;
    ModelsRequest request;
    request.path = m_snapshot->path.toStdString();
    request.products = m_snapshot->products;
    request.recommender = m_settings->recommenderParams();
    request.evaluation = m_settings->evaluationParams();
    m_runner->run(request);
    m_progress->start(tr("Training and evaluating models on %1 sessions…")
                          .arg(formatCount(m_snapshot->summary.sessions)));
    m_states->setCurrentWidget(m_progress);
}

void ModelsPage::showEmpty(const QString& title, const QString& text, bool offerTrain) {
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_emptyTrain->setVisible(offerTrain);
    m_states->setCurrentWidget(m_empty);
}

void ModelsPage::onFinished(const ModelsPtr& result) {
    m_result = result;
    const merch::EvaluationResult& metrics = result->metrics;
    QString note = tr("Trained on %1 sessions, tested on the %2 sessions of the last %3 days "
                      "(%4 products): at every step of a test session, is the product viewed "
                      "next in the model's top %5? Baselines in grey italics.")
                       .arg(formatCount(metrics.trainSessions), formatCount(metrics.testSessions))
                       .arg(result->evaluation.testDays, 0, 'g', 3)
                       .arg(formatCount(metrics.items))
                       .arg(result->evaluation.k);
    if (!result->hasCatalog())
        note += tr(" This workspace has no catalog, so the content and hybrid models step "
                   "aside.");
    m_note->setText(note);
    m_metrics->setResult(result);
    m_chart->setResult(result);
    m_recommendations->setResult(result);
    m_category->setResult(result);
    m_states->setCurrentWidget(m_content);
    emit modelsShown();
}

void ModelsPage::onFailed(const merch::Status& status) {
    m_result.reset();
    showEmpty(tr("The models could not be trained"), QString::fromStdString(status.message()),
              true);
}

void ModelsPage::onCancelled() {
    if (m_result) {
        m_states->setCurrentWidget(m_content);
        return;
    }
    showEmpty(tr("Training cancelled"), tr("Train again when you are ready."), true);
}

QString ModelsPage::metricsNote() const {
    return m_note->text();
}

QString ModelsPage::state() const {
    QWidget* current = m_states->currentWidget();
    if (current == m_empty)
        return QStringLiteral("empty");
    if (current == m_progress)
        return QStringLiteral("progress");
    return QStringLiteral("content");
}

} // namespace merch::ui
