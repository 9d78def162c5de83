#include "pages/audit_page.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>

#include "charts/coverage_chart.h"
#include "format.h"
#include "models/category_suggestion_model.h"
#include "models/tag_cluster_model.h"
#include "page_catalog.h"
#include "pages/audit_score_panel.h"
#include "pages/fix_list_panel.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

AuditPage::AuditPage(QWidget* parent)
    : QWidget(parent)
    , m_runner(new AuditRunner(this))
    , m_busy(new QLabel(this))
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(QString(), QString(), this))
    , m_importButton(m_empty->addButton(tr("Import…"), true))
    , m_rerunButton(m_empty->addButton(tr("Run the Audit")))
    , m_progress(new ProgressPanel(this))
    , m_content(nullptr)
    , m_score(new AuditScorePanel(this))
    , m_chart(new CoverageChart(this))
    , m_fixes(new FixListPanel(this))
    , m_tabs(new QTabWidget(this))
    , m_tags(new TagClusterModel(this))
    , m_suggestions(new CategorySuggestionModel(this))
    , m_tagTable(nullptr)
    , m_suggestionTable(nullptr) {
    setObjectName(QStringLiteral("auditPage"));

    m_busy->setObjectName(QStringLiteral("cardNote"));
    auto* header = createPageHeader(this, QStringLiteral("Audit"));
    header->addWidget(m_busy, 0, Qt::AlignBaseline);

    m_content = createContent();
    m_states->addWidget(m_empty);
    m_states->addWidget(m_progress);
    m_states->addWidget(m_content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addWidget(m_states, 1);

    connect(m_importButton, &QPushButton::clicked, this, &AuditPage::importRequested);
    connect(m_rerunButton, &QPushButton::clicked, this, &AuditPage::rerun);
    connect(m_progress, &ProgressPanel::cancelRequested, m_runner, &AuditRunner::cancel);
    connect(m_score, &AuditScorePanel::targetChanged, this, &AuditPage::rerun);
    connect(m_runner, &AuditRunner::progressChanged, m_progress, &ProgressPanel::setProgress);
    connect(m_runner, &AuditRunner::finished, this, &AuditPage::onFinished);
    connect(m_runner, &AuditRunner::failed, this, &AuditPage::onFailed);
    connect(m_runner, &AuditRunner::cancelled, this, &AuditPage::onCancelled);
    setSnapshot(nullptr);
}

QTableView* AuditPage::createListTable(QAbstractItemModel* model, const QString& name) {
    auto* view = new QTableView(this);
    view->setObjectName(name);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(32);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QWidget* AuditPage::createContent() {
    auto* content = new QWidget(this);
    auto* chartCard = new Card(tr("Attribute coverage"), content);
    chartCard->setNote(tr("Share of SKUs with each field filled. Hover over a bar to see what "
                          "it was measured over."));
    chartCard->addWidget(m_chart, 1);
    m_score->setFixedWidth(400);

    auto* top = new QHBoxLayout;
    top->setSpacing(16);
    top->addWidget(m_score);
    top->addWidget(chartCard, 1);

    m_tagTable = createListTable(m_tags, QStringLiteral("tagClusterTable"));
    m_tagTable->setColumnWidth(TagClusterModel::Suggested, 220);
    m_tagTable->horizontalHeader()->setSectionResizeMode(TagClusterModel::Spellings,
                                                         QHeaderView::Stretch);
    m_tagTable->horizontalHeader()->setStretchLastSection(false);
    m_tagTable->setColumnWidth(TagClusterModel::Products, 150);
    m_suggestionTable = createListTable(m_suggestions, QStringLiteral("categorySuggestionTable"));
    m_suggestionTable->setColumnWidth(CategorySuggestionModel::Product, 130);
    m_suggestionTable->setColumnWidth(CategorySuggestionModel::Suggested, 300);
    m_suggestionTable->setColumnWidth(CategorySuggestionModel::Confidence, 120);

    m_tabs->setObjectName(QStringLiteral("auditTabs"));
    m_tabs->tabBar()->setDrawBase(false);
    auto* corner = new QWidget(m_tabs);
    auto* cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 10, 2);
    cornerLayout->setSpacing(14);
    auto* ranking = new QLabel(tr("Ranked by impact on personalization"), corner);
    ranking->setObjectName(QStringLiteral("cardNote"));
    ranking->setToolTip(tr("How much an issue hurts personalization, times the share of "
                           "products it touches."));
    cornerLayout->addWidget(ranking);
    cornerLayout->addWidget(m_fixes->exportButton());
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);
    m_tabs->addTab(m_fixes, QString());
    m_tabs->addTab(m_tagTable, QString());
    m_tabs->addTab(m_suggestionTable, QString());
    auto* tabsCard = new QFrame(content);
    tabsCard->setObjectName(QStringLiteral("card"));
    auto* tabsLayout = new QVBoxLayout(tabsCard);
    tabsLayout->setContentsMargins(4, 6, 4, 4);
    tabsLayout->addWidget(m_tabs);
    updateTabTitles();

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addLayout(top, 0);
    layout->addWidget(tabsCard, 1);
    return content;
}

merch::AuditParams AuditPage::params() const {
    merch::AuditParams params;
    params.readinessTarget = m_score->target();
    return params;
}

void AuditPage::setSnapshot(SnapshotPtr snapshot) {
    const bool sameProducts = snapshot && m_snapshot && snapshot->products == m_snapshot->products;
    m_snapshot = std::move(snapshot);
    if (sameProducts && (m_result || m_runner->isRunning()))
        return;
    m_result.reset();
    m_fixes->setProducts(m_snapshot ? m_snapshot->products : nullptr);
    m_fixes->setResult(nullptr);
    m_chart->setResult(nullptr);
    m_score->setResult(nullptr);
    m_tags->setResult(nullptr);
    m_suggestions->setResult(nullptr);
    updateTabTitles();
    rerun();
}

void AuditPage::rerun() {
    if (!m_snapshot) {
        m_runner->cancel();
        showEmpty(tr("No store is open"),
                  tr("Open a workspace, build the demo store, or import a store's product "
                     "export with File > Import… (Ctrl+I) to audit its catalog."),
                  false);
        return;
    }
    if (!m_snapshot->products || m_snapshot->products->empty()) {
        m_runner->cancel();
        showEmpty(tr("The catalog is empty"),
                  tr("%1 holds no products to audit yet. Import the store's product export "
                     "(a Shopify product CSV, for one) with File > Import… (Ctrl+I).")
                      .arg(m_snapshot->fileName()),
                  false);
        return;
    }
    m_runner->run(m_snapshot->products, params());
    if (m_result) { // keep the last result on screen while the new target is audited
        m_busy->setText(tr("Updating the audit…"));
        return;
    }
    m_progress->start(tr("Auditing %1 products…").arg(formatCount(m_snapshot->summary.products)));
    m_states->setCurrentWidget(m_progress);
}

void AuditPage::showEmpty(const QString& title, const QString& text, bool offerRerun) {
    m_busy->clear();
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_importButton->setVisible(!offerRerun);
    m_rerunButton->setVisible(offerRerun);
    m_states->setCurrentWidget(m_empty);
}

void AuditPage::onFinished(const AuditPtr& result) {
    m_result = result;
    m_busy->clear();
    m_score->setResult(result);
    m_chart->setResult(result);
    m_fixes->setResult(result);
    m_tags->setResult(result);
    m_suggestions->setResult(result);
    updateTabTitles();
    m_states->setCurrentWidget(m_content);
    emit auditShown();
}

void AuditPage::onFailed(const merch::Status& status) {
    m_result.reset();
    showEmpty(tr("The audit could not run"), QString::fromStdString(status.message()), true);
}

void AuditPage::onCancelled() {
    if (m_result) { // the previous result stays, with the target it was run for
        const QSignalBlocker blocker(m_score);
        m_score->setTarget(m_result->readinessTarget);
        m_busy->clear();
        return;
    }
    showEmpty(tr("Audit cancelled"), tr("Run it again when you are ready."), true);
}

void AuditPage::updateTabTitles() {
    const auto count = [](std::size_t n) { return formatCount(static_cast<std::int64_t>(n)); };
    m_tabs->setTabText(0, m_result ? tr("Fix list (%1)").arg(count(m_result->fixes.size()))
                                   : tr("Fix list"));
    m_tabs->setTabText(1, m_result
                              ? tr("Tag clusters (%1)").arg(count(m_result->tagClusters.size()))
                              : tr("Tag clusters"));
    m_tabs->setTabText(
        2, m_result
               ? tr("Category suggestions (%1)").arg(count(m_result->categorySuggestions.size()))
               : tr("Category suggestions"));
}

QString AuditPage::state() const {
    QWidget* current = m_states->currentWidget();
    if (current == m_empty)
        return QStringLiteral("empty");
    if (current == m_progress)
        return QStringLiteral("progress");
    return QStringLiteral("content");
}

} // namespace merch::ui
