#include "models/affected_products_model.h"

namespace merch::ui {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

} // namespace

AffectedProductsModel::AffectedProductsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void AffectedProductsModel::setProducts(Products products) {
    beginResetModel();
    m_products = std::move(products);
    m_byId.clear();
    if (m_products) {
        m_byId.reserve(m_products->size());
        for (std::size_t i = 0; i < m_products->size(); ++i)
            m_byId.emplace((*m_products)[i].id, i);
    }
    m_result.reset();
    m_ids = nullptr;
    endResetModel();
}

void AffectedProductsModel::setFix(AuditPtr result, int fixIndex) {
    beginResetModel();
    m_result = std::move(result);
    m_ids = nullptr;
    if (m_result && fixIndex >= 0 && fixIndex < static_cast<int>(m_result->fixes.size()))
        m_ids = &m_result->fixes[static_cast<std::size_t>(fixIndex)].productIds;
    endResetModel();
}

int AffectedProductsModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_ids)
        return 0;
    return static_cast<int>(m_ids->size());
}

int AffectedProductsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

const merch::Product* AffectedProductsModel::product(int row) const {
    if (!m_products)
        return nullptr;
    const auto found = m_byId.find((*m_ids)[static_cast<std::size_t>(row)]);
    return found == m_byId.end() ? nullptr : &(*m_products)[found->second];
}

QVariant AffectedProductsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const std::string& id = (*m_ids)[static_cast<std::size_t>(index.row())];
    const merch::Product* found = product(index.row());
    switch (index.column()) {
    case Id:
        return text(id);
    case Title:
        return found ? text(found->title) : tr("(not in the catalog)");
    case Category:
        if (!found)
            return {};
        if (found->category.empty())
            return tr("Uncategorized");
        return found->subcategory.empty()
                   ? text(found->category)
                   : QStringLiteral("%1 › %2").arg(text(found->category), text(found->subcategory));
    default:
        return {};
    }
}

QVariant AffectedProductsModel::headerData(int section, Qt::Orientation orientation,
                                           int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("ID");
    case Title:
        return tr("Title");
    case Category:
        return tr("Category");
    default:
        return {};
    }
}

} // namespace merch::ui
