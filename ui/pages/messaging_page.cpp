#include "pages/messaging_page.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>

#include "charts/messaging_charts.h"
#include "models/messaging_carts_model.h"
#include "page_catalog.h"
#include "pages/messaging_settings_panel.h"
#include "presentation_mode.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

namespace {

QTableView* table(QWidget* parent, const char* name, QAbstractItemModel* model) {
    auto* view = new QTableView(parent);
    view->setObjectName(QString::fromLatin1(name));
    view->setModel(model);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(26);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return view;
}

QString qualityText(const merch::MessagingAnalysis& a) {
    const merch::RecoveryEvaluation& r = a.recovery;
    QString text;
    if (r.available) {
        text += QObject::tr("<b>Cart recovery</b>: AUC %1 on %2 held-out carts (trained on %3); "
                            "Brier %4 vs %5 for the base rate. %6% of test carts recovered.")
                    .arg(r.auc, 0, 'f', 3)
                    .arg(r.testCarts)
                    .arg(r.trainCarts)
                    .arg(r.brier, 0, 'f', 4)
                    .arg(r.baseRateBrier, 0, 'f', 4)
                    .arg(r.testRecoveryRate * 100, 0, 'f', 1);
    } else {
        text += QObject::tr("<b>Cart recovery</b>: not evaluated (too few carts).");
    }
    text += QObject::tr("<br><b>Send time</b>: the store's best delay %1 h; %2 customers have "
                        "their own.")
                .arg(a.timing.storeHours, 0, 'f', 1)
                .arg(a.customersWithOwnTiming);
    const merch::ReplenishmentEvaluation& e = a.replenishment;
    if (e.testIntervals > 0)
        text += QObject::tr("<br><b>Replenishment</b>: %1 held-out reorders; mean error %2 d "
                            "(product only %3 d, own history only %4 d).")
                    .arg(e.testIntervals)
                    .arg(e.maeShrunk, 0, 'f', 1)
                    .arg(e.maeProduct, 0, 'f', 1)
                    .arg(e.maeCustomer, 0, 'f', 1);
    text += QObject::tr("<br><b>Fatigue</b>: %1 inferred unsubscribes among %2 emailed "
                        "customers.")
                .arg(a.fatigue.inferredUnsubscribes)
                .arg(a.fatigue.emailedCustomers);
    if (a.comparison)
        text += QObject::tr("<br><br>Simulated on %1 worlds: %2 days after %3 days of logged "
                            "history. The models train on the logged history only.")
                    .arg(a.comparison->params.replicates)
                    .arg(a.comparison->params.testDays)
                    .arg(a.comparison->params.historyDays);
    for (const auto& note : a.notes)
        text +=
            QStringLiteral("<br><br><i>%1</i>").arg(QString::fromStdString(note).toHtmlEscaped());
    return text;
}

} // namespace

MessagingPage::MessagingPage(QWidget* parent)
    : QWidget(parent)
    , m_runner(new MessagingRunner(this))
    , m_settings(new MessagingSettingsPanel(this))
    , m_quality(new QLabel(this))
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(QString(), QString(), this))
    , m_progress(new ProgressPanel(this))
    , m_carts(new MessagingCartsModel(this))
    , m_comparison(new MessagingComparisonModel(this))
    , m_cartsView(nullptr)
    , m_comparisonView(nullptr)
    , m_timeline(new MessagingTimelineChart(this))
    , m_comparisonChart(new MessagingComparisonChart(this))
    , m_replenishment(new MessagingReplenishmentChart(this)) {
    setObjectName(QStringLiteral("messagingPage"));
    auto* header = createPageHeader(this, QStringLiteral("Messaging"));

    auto* settingsCard = new Card(tr("Policy settings"), this);
    markAsEditing(settingsCard);
    settingsCard->addWidget(m_settings);
    m_quality->setObjectName(QStringLiteral("qualityLabel"));
    m_quality->setWordWrap(true);
    m_quality->setTextFormat(Qt::RichText);
    m_quality->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* qualityCard = new Card(tr("Models on this store's log"), this);
    qualityCard->addWidget(m_quality, 1);
    auto* left = new QVBoxLayout;
    left->setContentsMargins(0, 0, 0, 0);
    left->setSpacing(16);
    left->addWidget(settingsCard);
    left->addWidget(qualityCard, 1);
    auto* leftWidget = new QWidget(this);
    leftWidget->setLayout(left);
    leftWidget->setFixedWidth(350);

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

    connect(m_settings, &MessagingSettingsPanel::runRequested, this, &MessagingPage::run);
    connect(m_progress, &ProgressPanel::cancelRequested, this, [this] {
        m_progress->showCancelling();
        m_runner->cancel();
    });
    connect(m_runner, &MessagingRunner::progressChanged, m_progress, &ProgressPanel::setProgress);
    connect(m_runner, &MessagingRunner::finished, this, &MessagingPage::onFinished);
    connect(m_runner, &MessagingRunner::failed, this, &MessagingPage::onFailed);
    connect(m_runner, &MessagingRunner::cancelled, this, &MessagingPage::onCancelled);
    setSnapshot(nullptr);
}

QWidget* MessagingPage::createContent() {
    auto* content = new QWidget(this);
    m_cartsView = table(content, "cartsTable", m_carts);
    m_cartsView->horizontalHeader()->setStretchLastSection(true);
    auto* cartsCard = new Card(tr("At-risk carts, most likely to recover first"), content);
    cartsCard->setNote(tr("Held-out carts scored by the recovery model; send after the "
                          "customer's own delay (the store's for new customers)."));
    cartsCard->addWidget(m_cartsView, 1);

    m_comparisonView = table(content, "comparisonTable", m_comparison);
    m_comparisonView->horizontalHeader()->setSectionResizeMode(MessagingComparisonModel::Metric,
                                                               QHeaderView::Stretch);
    auto* tabs = new QTabWidget(content);
    tabs->setObjectName(QStringLiteral("comparisonTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(m_comparisonChart, tr("Change vs fixed"));
    tabs->addTab(m_comparisonView, tr("Table"));
    auto* compareCard = new Card(tr("Predictive vs fixed 1/24/72 h, simulated"), content);
    compareCard->setNote(tr("%-change over replicate worlds with 95% CI. Shaded: the brief's "
                            "figure, a reference, not a target."));
    compareCard->addWidget(tabs, 1);

    auto* timelineCard = new Card(tr("Emails (left) and purchases (right) per day"), content);
    timelineCard->setNote(tr("First replicate world's test period; purchases are recovered "
                             "carts and reorders."));
    timelineCard->addWidget(m_timeline, 1);
    auto* replenishCard = new Card(tr("Replenishment: predicted days between orders"), content);
    replenishCard->setNote(tr("By the customer's own reorders in the log (0 to 6), for one who "
                              "buys 40% slower (dotted) than the product's interval."));
    replenishCard->addWidget(m_replenishment, 1);

    auto* top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(cartsCard, 1);
    top->addWidget(compareCard, 1);
    auto* bottom = new QHBoxLayout;
    bottom->setSpacing(16);
    bottom->addWidget(timelineCard, 1);
    bottom->addWidget(replenishCard, 1);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addLayout(top, 1);
    layout->addLayout(bottom, 1);
    return content;
}

QString MessagingPage::state() const {
    if (m_states->currentWidget() == m_progress)
        return QStringLiteral("progress");
    if (m_states->currentWidget() == m_content)
        return QStringLiteral("content");
    return QStringLiteral("empty");
}

void MessagingPage::setSnapshot(SnapshotPtr snapshot) {
    const bool same = snapshot && m_snapshot && snapshot->products == m_snapshot->products &&
                      snapshot->path == m_snapshot->path;
    m_snapshot = std::move(snapshot);
    if (same)
        return;
    m_runner->cancel();
    m_result.reset();
    m_carts->setResult(nullptr);
    m_comparison->setResult(nullptr);
    m_timeline->setResult(nullptr);
    m_comparisonChart->setResult(nullptr);
    m_replenishment->setResult(nullptr);
    m_quality->clear();
    if (!m_snapshot) {
        showEmpty(tr("No store is open"),
                  tr("Open a store to see when its carts and reorders should be messaged."));
        m_pending = false;
        return;
    }
    showEmpty(tr("Ready"), tr("The messaging models train on %1 when this page is shown.")
                               .arg(m_snapshot->fileName()));
    m_pending = true;
    if (isVisible())
        run();
}

void MessagingPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_pending && !m_runner->isRunning())
        run();
}

void MessagingPage::run() {
    if (!m_snapshot || !m_settings->validationMessage().isEmpty())
        return;
    m_pending = false;
    MessagingRequest request;
    request.path = m_snapshot->path.toStdString();
    request.params = m_settings->params();
    m_runner->run(request);
    m_progress->start(tr("Training the messaging models and simulating both policies…"));
    m_states->setCurrentWidget(m_progress);
}

void MessagingPage::showEmpty(const QString& title, const QString& text) {
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_states->setCurrentWidget(m_empty);
}

void MessagingPage::onFinished(const MessagingPtr& result) {
    m_result = result;
    m_carts->setResult(result);
    m_comparison->setResult(result);
    m_timeline->setResult(result);
    m_comparisonChart->setResult(result);
    m_replenishment->setResult(result);
    m_quality->setText(qualityText(*result));
    m_states->setCurrentWidget(m_content);
    emit analysisShown();
}

void MessagingPage::onFailed(const merch::Status& status) {
    showEmpty(tr("The messaging analysis failed"), QString::fromStdString(status.message()));
}

void MessagingPage::onCancelled() {
    showEmpty(tr("Cancelled"), tr("Press Run to train the models and simulate again."));
}

} // namespace merch::ui
