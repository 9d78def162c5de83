#include "pages/store_page.h"

#include <QBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>

#include "charts/sessions_per_day_chart.h"
#include "format.h"
#include "jobs/job_progress_widget.h"
#include "jobs/store_loader.h"
#include "models/event_counts_model.h"
#include "pages/product_browser.h"
#include "pages/store_stats_panel.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"

namespace merch::ui {

StorePage::StorePage(StoreLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(tr("No store is open"),
                             tr("Build the demo store, a simulated shop with known ground truth, "
                                "open a MerchSim workspace (.merchsim), or import a store's "
                                "product or event export."),
                             this))
    , m_loading(new JobProgressWidget(loader, JobProgressWidget::Size::Large, this))
    , m_content(nullptr)
    , m_subtitle(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_stats(new StoreStatsPanel(this))
    , m_browser(new ProductBrowser(this))
    , m_chart(new SessionsPerDayChart(this))
    , m_chartCard(new Card(tr("Sessions per day"), this))
    , m_eventCounts(new EventCountsModel(this))
    , m_eventTable(new QTableView(this)) {
    setObjectName(QStringLiteral("storePage"));

    auto* title = new QLabel(tr("Store"), this);
    title->setObjectName(QStringLiteral("pageTitle"));
    m_subtitle->setObjectName(QStringLiteral("pageSubtitle"));
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* header = new QHBoxLayout;
    header->setSpacing(16);
    header->addWidget(title, 0, Qt::AlignBaseline);
    header->addWidget(m_subtitle, 1, Qt::AlignBaseline);

    connect(m_empty->addButton(tr("New Demo Store…"), true), &QPushButton::clicked, this,
            &StorePage::newDemoRequested);
    connect(m_empty->addButton(tr("Open…")), &QPushButton::clicked, this,
            &StorePage::openRequested);
    connect(m_empty->addButton(tr("Import…")), &QPushButton::clicked, this,
            &StorePage::importRequested);

    m_content = createContent();
    m_states->addWidget(m_empty);
    m_states->addWidget(m_loading);
    m_states->addWidget(m_content);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addWidget(m_states, 1);

    connect(m_loader, &StoreLoader::jobStarted, this, &StorePage::updateState);
    connect(m_loader, &StoreLoader::jobFinished, this, &StorePage::updateState);
    updateState();
}

QWidget* StorePage::createContent() {
    auto* content = new QWidget(this);
    m_notice->setObjectName(QStringLiteral("notice"));
    m_notice->setWordWrap(true);
    m_notice->hide();

    m_eventTable->setObjectName(QStringLiteral("eventCountsTable"));
    m_eventTable->setModel(m_eventCounts);
    m_eventTable->verticalHeader()->hide();
    m_eventTable->verticalHeader()->setDefaultSectionSize(27);
    m_eventTable->setShowGrid(false);
    m_eventTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_eventTable->setFocusPolicy(Qt::NoFocus);
    m_eventTable->setFrameShape(QFrame::NoFrame);
    m_eventTable->setStyleSheet(QStringLiteral("QTableView { border: none; }"));
    m_eventTable->horizontalHeader()->setSectionResizeMode(EventCountsModel::Type,
                                                           QHeaderView::Stretch);
    m_eventTable->horizontalHeader()->setSectionResizeMode(EventCountsModel::Count,
                                                           QHeaderView::ResizeToContents);
    m_eventTable->horizontalHeader()->setSectionResizeMode(EventCountsModel::Share,
                                                           QHeaderView::ResizeToContents);
    m_eventTable->horizontalHeader()->setHighlightSections(false);
    // Prefers the height of every event type; scrolls only in a small window.
    m_eventTable->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_eventTable->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_eventTable->setMinimumHeight(m_eventTable->horizontalHeader()->sizeHint().height() + 5 * 27);

    m_chartCard->addWidget(m_chart, 1);
    auto* eventsCard = new Card(tr("Events by type"), content);
    eventsCard->addWidget(m_eventTable, 1);
    auto* side = new QWidget(content);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(16);
    sideLayout->addWidget(m_chartCard, 1);
    sideLayout->addWidget(eventsCard, 0);

    auto* main = new QWidget(content);
    auto* mainLayout = new QVBoxLayout(main);
    mainLayout->setContentsMargins(0, 0, 0, 0);
    mainLayout->setSpacing(16);
    mainLayout->addWidget(m_stats);
    mainLayout->addWidget(m_browser, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, content);
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(16);
    splitter->addWidget(main);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400}); // scaled to the width the splitter gets
    side->setMinimumWidth(300);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_notice);
    layout->addWidget(splitter, 1);
    return content;
}

void StorePage::setSnapshot(SnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    if (m_snapshot) {
        const merch::StoreSummary& summary = m_snapshot->summary;
        m_subtitle->setText(m_snapshot->path);
        m_stats->setSummary(summary);
        m_browser->setProducts(m_snapshot->products, summary.categories);
        m_chart->setDays(summary.sessionsPerDay);
        const auto days = static_cast<std::int64_t>(summary.sessionsPerDay.size());
        m_chartCard->setNote(
            summary.events == 0
                ? QString()
                : tr("%1  ·  %2")
                      .arg(formatDayRange(summary.firstEvent, summary.lastEvent),
                           days == 1 ? tr("1 day") : tr("%1 days").arg(formatCount(days))));
        m_eventCounts->setSummary(
            std::shared_ptr<const merch::StoreSummary>(m_snapshot, &m_snapshot->summary));
        setNotice(m_snapshot->isEmpty()
                      ? tr("This workspace holds no products or events yet. Import the "
                           "store's product or event exports with File > Import… (Ctrl+I), or "
                           "drop the files on this window.")
                      : QString());
    } else {
        m_subtitle->clear();
        m_browser->setProducts(nullptr, {});
        m_chart->setDays({});
        m_chartCard->setNote({});
        m_eventCounts->setSummary(nullptr);
        setNotice({});
    }
    updateState();
}

QString StorePage::dateRange() const {
    return m_chartCard->note();
}

void StorePage::setNotice(const QString& text) {
    m_notice->setText(text);
    m_notice->setVisible(!text.isEmpty());
}

void StorePage::focusFilter() {
    if (m_snapshot)
        m_browser->focusFilter();
}

void StorePage::updateState() {
    if (m_snapshot)
        m_states->setCurrentWidget(m_content);
    else if (m_loader->isBusy())
        m_states->setCurrentWidget(m_loading);
    else
        m_states->setCurrentWidget(m_empty);
}

} // namespace merch::ui
