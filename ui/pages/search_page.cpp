#include "pages/search_page.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>

#include "charts/search_metrics_chart.h"
#include "merch/workspace.h"
#include "models/search_results_model.h"
#include "page_catalog.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

namespace {

QTableView* table(QWidget* parent, const QString& name, QAbstractItemModel* model) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
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

QString sourceText(const SearchPageData& d) {
    if (!d.evaluation)
        return QString::fromStdString(d.note);
    const auto& e = *d.evaluation;
    QString text =
        QObject::tr("This store's log: %1 searches with the product clicked after them, split "
                    "by time: the first %2 teach the clicks (Hybrid + clicks only), the latest "
                    "%3 are the test. FTS5: SQLite's BM25, every word or any word.")
            .arg(d.labelledSearches)
            .arg(e.trainSearches)
            .arg(e.testSearches);
    if (e.testClickedUnknown > 0)
        text += QObject::tr(" %1 test searches clicked a product the catalog lacks (misses).")
                    .arg(e.testClickedUnknown);
    if (!d.note.empty())
        text += QStringLiteral(" ") + QString::fromStdString(d.note);
    return text;
}

} // namespace

SearchPage::SearchPage(QWidget* parent)
    : QWidget(parent)
    , m_runner(new SearchRunner(this))
    , m_query(new QLineEdit(this))
    , m_thirdMethod(new QComboBox(this))
    , m_searchButton(new QPushButton(tr("Search"), this))
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(QString(), QString(), this))
    , m_progress(new ProgressPanel(this))
    , m_methods(new SearchMethodsModel(this))
    , m_queries(new SearchQueriesModel(this))
    , m_chart(new SearchMetricsChart(this))
    , m_source(new QLabel(this))
    , m_synonyms(new QPlainTextEdit(this))
    , m_synonymsMessage(new QLabel(this)) {
    setObjectName(QStringLiteral("searchPage"));
    for (int i = 0; i < 3; ++i) {
        m_results[i] = new SearchResultsModel(this);
        m_titles[i] = new QLabel(this);
        m_notes[i] = new QLabel(this);
    }
    auto* header = createPageHeader(this, QStringLiteral("Search"));

    m_content = createContent();
    m_empty->setObjectName(QStringLiteral("searchEmptyState"));
    connect(m_empty->addButton(tr("Build and evaluate"), true), &QPushButton::clicked, this,
            &SearchPage::run);
    m_states->addWidget(m_empty);
    m_states->addWidget(m_progress);
    m_states->addWidget(m_content);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addWidget(createPlayground(), 1);
    layout->addWidget(m_states, 2);

    connect(m_progress, &ProgressPanel::cancelRequested, this, [this] {
        m_progress->showCancelling();
        m_runner->cancel();
    });
    connect(m_runner, &SearchRunner::progressChanged, m_progress, &ProgressPanel::setProgress);
    connect(m_runner, &SearchRunner::finished, this, &SearchPage::onFinished);
    connect(m_runner, &SearchRunner::failed, this, &SearchPage::onFailed);
    connect(m_runner, &SearchRunner::cancelled, this, &SearchPage::onCancelled);
    setSnapshot(nullptr);
}

QWidget* SearchPage::createPlayground() {
    auto* card = new Card(tr("Try a query"), this);
    card->setNote(tr("The same query, three ways. Typos are corrected against the catalog's "
                     "words; synonyms come from the list below (and, with clicks, the log)."));
    m_query->setObjectName(QStringLiteral("searchQuery"));
    m_query->setPlaceholderText(tr("Search the catalog, e.g. a product name with a typo"));
    m_query->setClearButtonEnabled(true);
    m_thirdMethod->setObjectName(QStringLiteral("thirdMethod"));
    m_thirdMethod->addItem(tr("Hybrid (catalog only)"), QStringLiteral("hybrid"));
    m_thirdMethod->addItem(tr("Hybrid + clicks from the log"), QStringLiteral("hybrid_clicks"));
    m_thirdMethod->setToolTip(tr("What the third column shows"));
    m_searchButton->setObjectName(QStringLiteral("searchButton"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_query, 1);
    row->addWidget(m_thirdMethod);
    row->addWidget(m_searchButton);
    auto* rowWidget = new QWidget(card);
    rowWidget->setLayout(row);
    row->setContentsMargins(0, 0, 0, 0);
    card->addWidget(rowWidget);

    auto* columns = new QHBoxLayout;
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(12);
    const QString names[3] = {QStringLiteral("keywordResults"), QStringLiteral("semanticResults"),
                              QStringLiteral("hybridResults")};
    for (int i = 0; i < 3; ++i) {
        auto* column = new QVBoxLayout;
        column->setSpacing(4);
        QFont bold = m_titles[i]->font();
        bold.setBold(true);
        m_titles[i]->setFont(bold);
        m_notes[i]->setObjectName(names[i] + QStringLiteral("Note"));
        m_notes[i]->setWordWrap(true);
        auto* view = table(card, names[i], m_results[i]);
        view->horizontalHeader()->setSectionResizeMode(SearchResultsModel::Product,
                                                       QHeaderView::Stretch);
        column->addWidget(m_titles[i]);
        column->addWidget(m_notes[i]);
        column->addWidget(view, 1);
        columns->addLayout(column, 1);
    }
    m_titles[0]->setText(tr("Keyword (BM25)"));
    m_titles[1]->setText(tr("Semantic (subword embeddings)"));
    m_titles[2]->setText(tr("Hybrid (rank fusion)"));
    auto* columnsWidget = new QWidget(card);
    columnsWidget->setLayout(columns);
    card->addWidget(columnsWidget, 1);

    connect(m_query, &QLineEdit::returnPressed, this, &SearchPage::search);
    connect(m_searchButton, &QPushButton::clicked, this, &SearchPage::search);
    connect(m_thirdMethod, &QComboBox::currentIndexChanged, this, [this] {
        m_titles[2]->setText(m_thirdMethod->currentIndex() == 0 ? tr("Hybrid (rank fusion)")
                                                                : tr("Hybrid + clicks"));
        search();
    });
    return card;
}

QWidget* SearchPage::createContent() {
    auto* content = new QWidget(this);
    auto* chartCard = new Card(tr("Every method on this store's searches"), content);
    chartCard->addWidget(m_chart, 1);
    auto* methodsView = table(content, QStringLiteral("methodsTable"), m_methods);
    methodsView->horizontalHeader()->setSectionResizeMode(SearchMethodsModel::Method,
                                                          QHeaderView::Stretch);
    m_source->setObjectName(QStringLiteral("sourceLabel"));
    m_source->setWordWrap(true);

    auto* queriesView = table(content, QStringLiteral("queriesTable"), m_queries);
    queriesView->horizontalHeader()->setSectionResizeMode(SearchQueriesModel::HybridTop,
                                                          QHeaderView::Stretch);
    auto* queriesNote =
        new QLabel(tr("Catalog only: before (keyword) and after (hybrid)."), content);
    auto* queriesTab = new QWidget(content);
    auto* queriesLayout = new QVBoxLayout(queriesTab);
    queriesLayout->addWidget(queriesNote);
    queriesLayout->addWidget(queriesView, 1);
    auto* tabs = new QTabWidget(content);
    tabs->setObjectName(QStringLiteral("searchTabs"));
    tabs->addTab(methodsView, tr("Figures by method"));
    tabs->addTab(queriesTab, tr("Frequent and missed queries"));
    auto* tablesCard = new Card(tr("The numbers"), content);
    tablesCard->setNote(tr("No result: share of test searches, and of distinct test queries."));
    tablesCard->addWidget(tabs, 1);
    tablesCard->addWidget(m_source);

    auto* synonymsCard = new Card(tr("Synonyms"), content);
    synonymsCard->setNote(tr("One rule a line: \"tv, television\" (either way) or \"bf3 => "
                             "battlefield 3\" (one way). Saved in the store."));
    m_synonyms->setObjectName(QStringLiteral("synonymsEdit"));
    m_synonyms->setPlaceholderText(QStringLiteral("tv, television\nbf3 => battlefield 3"));
    m_synonymsMessage->setObjectName(QStringLiteral("synonymsMessage"));
    m_synonymsMessage->setWordWrap(true);
    auto* save = new QPushButton(tr("Save and rebuild"), content);
    save->setObjectName(QStringLiteral("saveSynonyms"));
    connect(save, &QPushButton::clicked, this, [this] { saveSynonyms(); });
    synonymsCard->addWidget(m_synonyms, 1);
    synonymsCard->addWidget(m_synonymsMessage);
    synonymsCard->addWidget(save);

    auto* layout = new QHBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(chartCard, 4);
    layout->addWidget(tablesCard, 6);
    layout->addWidget(synonymsCard, 2);
    return content;
}

QString SearchPage::state() const {
    if (m_states->currentWidget() == m_progress)
        return QStringLiteral("progress");
    if (m_states->currentWidget() == m_content)
        return QStringLiteral("content");
    return QStringLiteral("empty");
}

void SearchPage::setSnapshot(SnapshotPtr snapshot) {
    const bool same = snapshot && m_snapshot && snapshot->products == m_snapshot->products &&
                      snapshot->path == m_snapshot->path;
    m_snapshot = std::move(snapshot);
    if (same)
        return;
    m_runner->cancel();
    m_data.reset();
    onFinished(nullptr);
    if (!m_snapshot) {
        showEmpty(tr("No store is open"),
                  tr("Open a store to see how its searches fare with each method."));
        m_pending = false;
        return;
    }
    showEmpty(tr("Ready"), tr("The search indexes are built from %1 when this page is shown.")
                               .arg(m_snapshot->fileName()));
    m_pending = true;
    if (isVisible())
        run();
}

void SearchPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_pending && !m_runner->isRunning())
        run();
}

void SearchPage::run() {
    if (!m_snapshot)
        return;
    m_pending = false;
    SearchRequest request;
    request.path = m_snapshot->path.toStdString();
    m_runner->run(request);
    m_progress->start(tr("Building the search indexes and evaluating every method…"));
    m_states->setCurrentWidget(m_progress);
}

void SearchPage::search() {
    for (int i = 0; i < 3; ++i) {
        m_results[i]->setResponse(nullptr, nullptr);
        m_notes[i]->clear();
    }
    if (!m_data || !m_data->catalogIndex)
        return;
    const bool clicks = m_thirdMethod->currentIndex() == 1 && m_data->clicksIndex;
    if (m_thirdMethod->currentIndex() == 1 && !m_data->clicksIndex)
        m_notes[2]->setText(tr("This store has no search log: showing catalog-only hybrid."));
    const merch::SearchMethod methods[3] = {
        merch::SearchMethod::Keyword, merch::SearchMethod::Semantic,
        clicks ? merch::SearchMethod::HybridClicks : merch::SearchMethod::Hybrid};
    for (int i = 0; i < 3; ++i) {
        const auto& index = i == 2 && clicks ? m_data->clicksIndex : m_data->catalogIndex;
        merch::SearchQuery q;
        q.text = m_query->text().toStdString();
        q.method = methods[i];
        q.n = 10;
        q.fallback = false; // each method as it is: the columns show what each finds
        auto r = index->search(q);
        if (!r) {
            m_notes[i]->setText(QString::fromStdString(r.status().message()));
            continue;
        }
        QStringList notes;
        if (!r->correctedQuery.empty())
            notes << tr("Showing results for <b>%1</b>")
                         .arg(QString::fromStdString(r->correctedQuery).toHtmlEscaped());
        if (!r->expandedSynonyms.empty()) {
            QStringList words;
            for (const auto& w : r->expandedSynonyms)
                words << QString::fromStdString(w).toHtmlEscaped();
            notes << tr("synonyms: %1").arg(words.join(QStringLiteral(", ")));
        }
        if (i > 0 && index->approximateNeighbours() && !q.text.empty())
            notes << tr("nearest of %L1 products by an HNSW graph (approximate)")
                         .arg(index->catalog().size());
        if (r->hits.empty() && !q.text.empty())
            notes << tr("<span style='color:#b03030'>No results</span>");
        else if (!q.text.empty())
            notes << tr("%n match(es)", nullptr, int(r->totalMatches));
        if (!m_notes[i]->text().isEmpty())
            notes.prepend(m_notes[i]->text());
        m_notes[i]->setText(notes.join(QStringLiteral(" · ")));
        m_results[i]->setResponse(index,
                                  std::make_shared<const merch::SearchResponse>(std::move(*r)));
    }
}

bool SearchPage::saveSynonyms() {
    if (!m_snapshot)
        return false;
    const std::string text = m_synonyms->toPlainText().toStdString();
    auto rules = merch::parseSynonyms(text);
    if (!rules) {
        m_synonymsMessage->setText(QString::fromStdString(rules.status().message()));
        return false;
    }
    auto workspace = merch::Workspace::open(m_snapshot->path.toStdString());
    if (!workspace) {
        m_synonymsMessage->setText(QString::fromStdString(workspace.status().message()));
        return false;
    }
    if (auto status = (*workspace)->setMeta(merch::kSynonymsMetaKey, text); !status) {
        m_synonymsMessage->setText(QString::fromStdString(status.message()));
        return false;
    }
    m_synonymsMessage->setText(tr("%n rule(s) saved.", nullptr, int(rules->size())));
    run();
    return true;
}

void SearchPage::showEmpty(const QString& title, const QString& text) {
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_states->setCurrentWidget(m_empty);
}

void SearchPage::onFinished(const SearchDataPtr& result) {
    m_data = result;
    m_methods->setSearchData(result);
    m_queries->setSearchData(result);
    m_chart->setData(result);
    m_query->setEnabled(result != nullptr);
    m_searchButton->setEnabled(result != nullptr);
    if (!result) {
        m_source->clear();
        search();
        return;
    }
    m_source->setText(sourceText(*result));
    // An empty query box starts with the log's most frequent query that keyword search misses
    // (else its most frequent query), so the page opens on an example.
    if (m_query->text().isEmpty() && !result->topQueries.empty()) {
        auto example = result->topQueries.front().query;
        for (const auto& q : result->topQueries)
            if (q.keywordResults == 0 && q.hybridResults > 0) {
                example = q.query;
                break;
            }
        m_query->setText(QString::fromStdString(example));
    }
    if (!m_synonyms->document()->isModified())
        m_synonyms->setPlainText(QString::fromStdString(result->synonymsText));
    search();
    m_states->setCurrentWidget(m_content);
    emit dataShown();
}

void SearchPage::onFailed(const merch::Status& status) {
    showEmpty(tr("Search could not be built"), QString::fromStdString(status.message()));
}

void SearchPage::onCancelled() {
    showEmpty(tr("Cancelled"), tr("Press Build and evaluate to start again."));
}

} // namespace merch::ui
