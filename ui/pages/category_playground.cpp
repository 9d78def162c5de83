#include "pages/category_playground.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QStackedWidget>
#include <QTableView>

#include <algorithm>
#include <map>
#include <set>

#include "models/category_order_model.h"

namespace merch::ui {
namespace {

// The category a product's page is: its subcategory, or its category when it has none.
std::string pageOf(const merch::Product& product) {
    return product.subcategory.empty() ? product.category : product.subcategory;
}

QString featureLabel(const std::string& name) {
    QString label = QString::fromStdString(name);
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

} // namespace

CategoryPlayground::CategoryPlayground(QWidget* parent)
    : QWidget(parent)
    , m_states(new QStackedWidget(this))
    , m_unavailable(new QLabel(this))
    , m_category(new QComboBox(this))
    , m_filter(new QLineEdit(this))
    , m_recentList(new QListWidget(this))
    , m_recentNote(new QLabel(this))
    , m_order(new CategoryOrderModel(this))
    , m_table(new QTableView(this))
    , m_weights(new QLabel(this)) {
    setObjectName(QStringLiteral("categoryPlayground"));
    m_unavailable->setObjectName(QStringLiteral("emptyText"));
    m_unavailable->setWordWrap(true);
    m_unavailable->setAlignment(Qt::AlignCenter);
    m_states->addWidget(m_unavailable);
    m_states->addWidget(createContent());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addWidget(m_states);

    connect(m_category, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_filter, &QLineEdit::textChanged, this, &CategoryPlayground::filterRecentList);
    connect(m_recentList, &QListWidget::itemChanged, this,
            &CategoryPlayground::onRecentItemChanged);
    setResult(nullptr);
}

QWidget* CategoryPlayground::createContent() {
    auto* content = new QWidget(this);
    m_category->setObjectName(QStringLiteral("categoryCombo"));
    m_category->setMinimumWidth(240);
    m_filter->setObjectName(QStringLiteral("recentFilter"));
    m_filter->setPlaceholderText(tr("Filter products…"));
    m_filter->setClearButtonEnabled(true);
    m_recentList->setObjectName(QStringLiteral("recentList"));
    m_recentList->setUniformItemSizes(true);
    m_recentNote->setObjectName(QStringLiteral("cardNote"));
    m_recentNote->setWordWrap(true);
    m_weights->setObjectName(QStringLiteral("rankerWeights"));
    m_weights->setWordWrap(true);
    m_weights->setTextFormat(Qt::RichText);

    m_table->setObjectName(QStringLiteral("categoryOrderTable"));
    m_table->setModel(m_order);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(30);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(CategoryOrderModel::BestSeller,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CategoryOrderModel::Personalized,
                                                      QHeaderView::Stretch);
    m_table->setColumnWidth(CategoryOrderModel::Position, 44);
    m_table->setColumnWidth(CategoryOrderModel::Move, 70);

    auto* left = new QVBoxLayout;
    left->setSpacing(8);
    auto* categoryCaption = new QLabel(tr("Category page"), content);
    categoryCaption->setObjectName(QStringLiteral("sectionCaption"));
    left->addWidget(categoryCaption);
    left->addWidget(m_category);
    auto* recentCaption =
        new QLabel(tr("Visitor's recent products (up to %1)").arg(kMaxRecent), content);
    recentCaption->setObjectName(QStringLiteral("sectionCaption"));
    left->addSpacing(6);
    left->addWidget(recentCaption);
    left->addWidget(m_filter);
    left->addWidget(m_recentList, 1);
    left->addWidget(m_recentNote);
    auto* weightsCaption = new QLabel(tr("Learned feature weights"), content);
    weightsCaption->setObjectName(QStringLiteral("sectionCaption"));
    left->addWidget(weightsCaption);
    left->addWidget(m_weights);
    auto* leftWidget = new QWidget(content);
    leftWidget->setLayout(left);
    leftWidget->setFixedWidth(360);
    left->setContentsMargins(0, 0, 0, 0);

    auto* layout = new QHBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(leftWidget);
    layout->addWidget(m_table, 1);
    return content;
}

void CategoryPlayground::setResult(ModelsPtr result) {
    m_result = std::move(result);
    m_recent.clear();
    {
        const QSignalBlocker categoryBlocker(m_category);
        const QSignalBlocker listBlocker(m_recentList);
        m_category->clear();
        m_recentList->clear();
    }
    if (!m_result || !m_result->ranker) {
        m_unavailable->setText(
            !m_result ? tr("Train the models to try the category page.")
            : !m_result->hasCatalog()
                ? tr("This workspace holds events but no catalog, so there are no category "
                     "pages to reorder. Import the store's product export to try personalized "
                     "ranking.")
                : tr("The category ranker could not be trained: %1")
                      .arg(QString::fromStdString(m_result->rankerNote)));
        m_states->setCurrentIndex(0);
        m_order->setOrder({});
        m_bestSeller.clear();
        m_personalized.clear();
        return;
    }
    const auto& products = *m_result->products;
    std::map<std::string, int> pages; // page -> products on it
    for (const merch::Product& p : products) {
        if (!pageOf(p).empty())
            ++pages[pageOf(p)];
    }
    {
        const QSignalBlocker categoryBlocker(m_category);
        const QSignalBlocker listBlocker(m_recentList);
        for (const auto& [page, count] : pages)
            m_category->addItem(tr("%1 (%2)").arg(QString::fromStdString(page)).arg(count),
                                QString::fromStdString(page));
        for (std::size_t i = 0; i < products.size(); ++i) {
            auto* item = new QListWidgetItem(QString::fromStdString(products[i].title));
            item->setData(Qt::UserRole, static_cast<int>(i));
            item->setToolTip(QString::fromStdString(products[i].id + " · " + pageOf(products[i])));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Unchecked);
            m_recentList->addItem(item);
        }
        // Start on the largest page: the one where reordering matters most.
        const auto largest =
            std::max_element(pages.begin(), pages.end(),
                             [](const auto& a, const auto& b) { return a.second < b.second; });
        if (largest != pages.end())
            m_category->setCurrentIndex(
                m_category->findData(QString::fromStdString(largest->first)));
    }
    showWeights();
    m_states->setCurrentIndex(1);
    refresh();
}

void CategoryPlayground::setCategory(const QString& category) {
    m_category->setCurrentIndex(m_category->findData(category)); // refreshes
}

void CategoryPlayground::setRecent(const std::vector<int>& recent) {
    m_recent.assign(recent.begin(),
                    recent.begin() + std::min<std::ptrdiff_t>(kMaxRecent, std::ssize(recent)));
    const std::set<int> chosen(m_recent.begin(), m_recent.end());
    {
        const QSignalBlocker blocker(m_recentList);
        for (int row = 0; row < m_recentList->count(); ++row) {
            QListWidgetItem* item = m_recentList->item(row);
            item->setCheckState(chosen.count(item->data(Qt::UserRole).toInt()) ? Qt::Checked
                                                                               : Qt::Unchecked);
        }
    }
    refresh();
}

void CategoryPlayground::onRecentItemChanged(QListWidgetItem* item) {
    const int product = item->data(Qt::UserRole).toInt();
    const auto it = std::find(m_recent.begin(), m_recent.end(), product);
    if (item->checkState() == Qt::Checked && it == m_recent.end()) {
        if (std::ssize(m_recent) >= kMaxRecent) {
            const QSignalBlocker blocker(m_recentList);
            item->setCheckState(Qt::Unchecked);
            m_recentNote->setText(
                tr("The ranker reads the last %1 actions; uncheck one first.").arg(kMaxRecent));
            return;
        }
        m_recent.push_back(product); // the latest pick is the most recent action
    } else if (item->checkState() != Qt::Checked && it != m_recent.end()) {
        m_recent.erase(it);
    }
    refresh();
}

void CategoryPlayground::filterRecentList(const QString& text) {
    for (int row = 0; row < m_recentList->count(); ++row) {
        QListWidgetItem* item = m_recentList->item(row);
        item->setHidden(!text.isEmpty() && !item->text().contains(text, Qt::CaseInsensitive));
    }
}

void CategoryPlayground::refresh() {
    if (!m_result || !m_result->ranker)
        return;
    const merch::PersonalizedRanker& ranker = *m_result->ranker;
    const auto& products = *m_result->products;
    const std::string page = m_category->currentData().toString().toStdString();
    std::vector<int> candidates;
    for (std::size_t i = 0; i < products.size(); ++i) {
        if (!page.empty() && pageOf(products[i]) == page)
            candidates.push_back(static_cast<int>(i));
    }
    m_bestSeller = candidates;
    std::vector<double> popularity(products.size(), 0.0);
    for (const int i : candidates)
        popularity[static_cast<std::size_t>(i)] = ranker.features({}, i)[0];
    std::stable_sort(m_bestSeller.begin(), m_bestSeller.end(), [&](int a, int b) {
        return popularity[static_cast<std::size_t>(a)] > popularity[static_cast<std::size_t>(b)];
    });
    m_personalized = m_bestSeller;
    ranker.rank(m_recent, m_personalized);

    CategoryOrder order;
    const auto title = [&](int i) {
        return QString::fromStdString(products[static_cast<std::size_t>(i)].title);
    };
    for (const int i : m_bestSeller)
        order.bestSeller.push_back(title(i));
    for (const int i : m_personalized)
        order.personalized.push_back(title(i));
    order.moves = computeMoves(m_bestSeller, m_personalized);
    m_order->setOrder(std::move(order));

    QStringList recent;
    for (auto it = m_recent.rbegin(); it != m_recent.rend(); ++it)
        recent << title(*it);
    m_recentNote->setText(m_recent.empty()
                              ? tr("No recent products: a new visitor. Check products above "
                                   "to see the page reorder for them.")
                              : tr("Most recent first: %1").arg(recent.join(QStringLiteral(", "))));
}

void CategoryPlayground::showWeights() {
    const std::vector<std::string> names = merch::rankingFeatureNames();
    const std::vector<double>& weights = m_result->ranker->summary().weights;
    QString html = QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (std::size_t i = 0; i < names.size() && i < weights.size(); ++i) {
        const double w = weights[i];
        html += QStringLiteral("<tr><td>%1</td><td align='right' style='color:%2'>%3</td></tr>")
                    .arg(featureLabel(names[i]).toHtmlEscaped(),
                         w >= 0 ? QStringLiteral("#15803d") : QStringLiteral("#b91c1c"))
                    .arg(w, 0, 'f', 2);
    }
    html += QStringLiteral("</table>");
    m_weights->setText(html);
    m_weights->setToolTip(tr("Standardised logistic-regression weights learned from %1 "
                             "impressions: positive raises a product on the page.")
                              .arg(m_result->ranker->summary().impressions));
}

QString CategoryPlayground::unavailableMessage() const {
    return m_states->currentIndex() == 0 ? m_unavailable->text() : QString();
}

QString CategoryPlayground::weightsText() const {
    return m_weights->text();
}

} // namespace merch::ui
