#include "models/tag_cluster_model.h"

#include <QStringList>

#include "format.h"

namespace merch::ui {

TagClusterModel::TagClusterModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void TagClusterModel::setResult(std::shared_ptr<const merch::AuditResult> result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int TagClusterModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->tagClusters.size());
}

int TagClusterModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TagClusterModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::TagCluster& cluster = m_result->tagClusters[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Products ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                          : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Suggested:
        return QString::fromStdString(cluster.suggested);
    case Spellings: {
        QStringList spellings;
        for (const std::string& spelling : cluster.spellings)
            spellings << QStringLiteral("‘%1’").arg(QString::fromStdString(spelling));
        return spellings.join(QStringLiteral(", "));
    }
    case Products:
        return formatCount(cluster.products);
    default:
        return {};
    }
}

QVariant TagClusterModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == Products ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                   : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Suggested:
        return tr("Use this spelling");
    case Spellings:
        return tr("Spellings seen");
    case Products:
        return tr("Products to fix");
    default:
        return {};
    }
}

} // namespace merch::ui
