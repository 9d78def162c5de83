#include "models/recommendation_list_model.h"

namespace merch::ui {

RecommendationListModel::RecommendationListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void RecommendationListModel::setRows(std::vector<RecommendationRow> rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RecommendationListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int RecommendationListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RecommendationListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RecommendationRow& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank:
            return index.row() + 1;
        case Product:
            return row.title;
        case Score:
            return QString::number(row.score, 'g', 3);
        case Why:
            return row.why;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        return index.column() == Why ? row.why : row.productId;
    case ProductIdRole:
        return row.productId;
    case Qt::TextAlignmentRole:
        return index.column() == Rank || index.column() == Score
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant RecommendationListModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Rank:
        return tr("#");
    case Product:
        return tr("Recommended product");
    case Score:
        return tr("Score");
    case Why:
        return tr("Why");
    default:
        return {};
    }
}

} // namespace merch::ui
