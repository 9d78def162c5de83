#include "models/product_filter_proxy.h"

#include "models/product_table_model.h"

namespace merch::ui {

ProductFilterProxy::ProductFilterProxy(QObject* parent)
    : QSortFilterProxyModel(parent) {
    setSortRole(ProductTableModel::SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ProductFilterProxy::setText(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateRowsFilter();
}

void ProductFilterProxy::setCategory(const QString& category) {
    if (!m_anyCategory && category == m_category)
        return;
    m_category = category;
    m_anyCategory = false;
    invalidateRowsFilter();
}

void ProductFilterProxy::clearCategory() {
    if (m_anyCategory)
        return;
    m_category.clear();
    m_anyCategory = true;
    invalidateRowsFilter();
}

bool ProductFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QAbstractItemModel* source = sourceModel();
    if (!m_anyCategory) {
        const QModelIndex category =
            source->index(sourceRow, ProductTableModel::Category, sourceParent);
        if (category.data().toString() != m_category)
            return false;
    }
    if (m_text.isEmpty())
        return true;
    const QModelIndex row = source->index(sourceRow, ProductTableModel::Id, sourceParent);
    return row.data(ProductTableModel::FilterTextRole)
        .toString()
        .contains(m_text, Qt::CaseInsensitive);
}

} // namespace merch::ui
