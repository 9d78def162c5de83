#include "models/category_order_model.h"

#include <QBrush>
#include <QColor>

#include <algorithm>
#include <unordered_map>

namespace merch::ui {

std::vector<int> computeMoves(const std::vector<int>& bestSeller,
                              const std::vector<int>& personalized) {
    std::unordered_map<int, int> position;
    for (std::size_t i = 0; i < bestSeller.size(); ++i)
        position.emplace(bestSeller[i], static_cast<int>(i));
    std::vector<int> moves;
    moves.reserve(personalized.size());
    for (std::size_t i = 0; i < personalized.size(); ++i) {
        const auto it = position.find(personalized[i]);
        moves.push_back(it == position.end() ? 0 : it->second - static_cast<int>(i));
    }
    return moves;
}

CategoryOrderModel::CategoryOrderModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void CategoryOrderModel::setOrder(CategoryOrder order) {
    beginResetModel();
    m_order = std::move(order);
    endResetModel();
}

int CategoryOrderModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid())
        return 0;
    return static_cast<int>(std::min(m_order.bestSeller.size(), m_order.personalized.size()));
}

int CategoryOrderModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CategoryOrderModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto row = static_cast<std::size_t>(index.row());
    const int move = row < m_order.moves.size() ? m_order.moves[row] : 0;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Position:
            return index.row() + 1;
        case BestSeller:
            return m_order.bestSeller[row];
        case Personalized:
            return m_order.personalized[row];
        case Move:
            if (move > 0)
                return tr("▲ %1").arg(move);
            if (move < 0)
                return tr("▼ %1").arg(-move);
            return QStringLiteral("=");
        default:
            return {};
        }
    case MoveRole:
        return move;
    case Qt::ForegroundRole:
        if (index.column() == Move || index.column() == Personalized) {
            if (move > 0)
                return QBrush(QColor(0x15, 0x80, 0x3d));
            if (move < 0)
                return QBrush(QColor(0xb9, 0x1c, 0x1c));
        }
        return {};
    case Qt::BackgroundRole:
        if (index.column() == Move || index.column() == Personalized) {
            if (move > 0)
                return QBrush(QColor(0xdc, 0xfc, 0xe7));
            if (move < 0)
                return QBrush(QColor(0xfe, 0xe2, 0xe2));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Move || index.column() == Personalized)
            return move == 0 ? tr("Same position as in the best-seller order")
                             : tr("Best-seller position %1").arg(index.row() + 1 + move);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Position || index.column() == Move
                   ? QVariant(Qt::AlignCenter)
                   : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant CategoryOrderModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 ||
        section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Position:
        return tr("#");
    case BestSeller:
        return tr("Best-seller order");
    case Personalized:
        return tr("Personalized for this visitor");
    case Move:
        return tr("Move");
    default:
        return {};
    }
}

} // namespace merch::ui
