#include "pages/product_browser.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>

#include "format.h"
#include "models/product_filter_proxy.h"
#include "models/product_table_model.h"

namespace merch::ui {
namespace {

constexpr int kColumnWidths[ProductTableModel::ColumnCount] = {
    110, // Id
    260, // Title
    110, // Category
    120, // Subcategory
    140, // Brand
    90,  // Color
    110, // Material
    84,  // Price
    84,  // Variants
    112, // Consumable
};

} // namespace

ProductBrowser::ProductBrowser(QWidget* parent)
    : QFrame(parent)
    , m_model(new ProductTableModel(this))
    , m_proxy(new ProductFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_category(new QComboBox(this))
    , m_count(new QLabel(this))
    , m_table(new QTableView(this)) {
    setObjectName(QStringLiteral("card"));
    m_proxy->setSourceModel(m_model);

    auto* title = new QLabel(tr("Products"), this);
    title->setObjectName(QStringLiteral("cardTitle"));
    m_count->setObjectName(QStringLiteral("productCount"));
    m_count->setProperty("class", QStringLiteral("muted"));

    m_filter->setObjectName(QStringLiteral("productFilter"));
    m_filter->setPlaceholderText(tr("Filter products  (Ctrl+F)"));
    m_filter->setToolTip(tr("Matches id, title, brand, category, subcategory, color and material"));
    m_filter->setClearButtonEnabled(true);
    m_category->setObjectName(QStringLiteral("categoryFilter"));
    m_category->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_category->setMinimumContentsLength(16);

    m_table->setObjectName(QStringLiteral("productTable"));
    m_table->setModel(m_proxy);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(32);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder); // catalog order
    m_table->setSortingEnabled(true);
    for (int column = 0; column < ProductTableModel::ColumnCount; ++column)
        m_table->setColumnWidth(column, kColumnWidths[column]);

    auto* header = new QHBoxLayout;
    header->setSpacing(12);
    header->addWidget(title);
    header->addStretch();
    header->addWidget(m_count);
    auto* filters = new QHBoxLayout;
    filters->setSpacing(10);
    filters->addWidget(m_filter, 3);
    filters->addWidget(m_category, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 14, 16, 16);
    layout->setSpacing(10);
    layout->addLayout(header);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &ProductFilterProxy::setText);
    connect(m_category, &QComboBox::currentIndexChanged, this, &ProductBrowser::applyCategory);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ProductBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ProductBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ProductBrowser::updateCount);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &ProductBrowser::updateCount);
    updateCount();
}

void ProductBrowser::setProducts(std::shared_ptr<const std::vector<merch::Product>> products,
                                 const std::vector<merch::CategoryCount>& categories) {
    {
        const QSignalBlocker blocker(m_category);
        m_category->clear();
        m_category->addItem(tr("All categories"));
        for (const merch::CategoryCount& category : categories) {
            const QString name = QString::fromStdString(category.category);
            const QString label = name.isEmpty() ? tr("Uncategorized") : name;
            m_category->addItem(tr("%1 (%2)").arg(label, formatCount(category.products)), name);
        }
    }
    m_filter->clear();
    m_proxy->clearCategory();
    m_model->setProducts(std::move(products));
    updateCount();
}

void ProductBrowser::focusFilter() {
    m_filter->setFocus(Qt::ShortcutFocusReason);
    m_filter->selectAll();
}

void ProductBrowser::applyCategory() {
    const QVariant category = m_category->currentData();
    if (category.isValid())
        m_proxy->setCategory(category.toString());
    else
        m_proxy->clearCategory();
}

void ProductBrowser::updateCount() {
    const int total = m_model->rowCount();
    const int shown = m_proxy->rowCount();
    m_count->setText(shown == total
                         ? tr("%1 products").arg(formatCount(total))
                         : tr("Showing %1 of %2").arg(formatCount(shown), formatCount(total)));
}

} // namespace merch::ui
