#include "models/event_counts_model.h"

#include "format.h"

namespace merch::ui {

EventCountsModel::EventCountsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void EventCountsModel::setSummary(std::shared_ptr<const merch::StoreSummary> summary) {
    beginResetModel();
    m_summary = std::move(summary);
    endResetModel();
}

QString EventCountsModel::typeLabel(merch::EventType type) {
    const std::string_view name = merch::eventTypeName(type);
    QString label = QString::fromUtf8(name.data(), static_cast<qsizetype>(name.size()));
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

int EventCountsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_summary ? 0 : merch::kEventTypeCount;
}

int EventCountsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventCountsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::EventType type = merch::allEventTypes()[static_cast<std::size_t>(index.row())];
    const std::int64_t count = m_summary->eventsOfType(type);
    const double share = m_summary->events > 0
                             ? static_cast<double>(count) / static_cast<double>(m_summary->events)
                             : 0.0;
    if (role == Qt::TextAlignmentRole) {
        return index.column() == Type ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == SortRole) {
        switch (index.column()) {
        case Type:
            return index.row();
        case Count:
            return static_cast<qlonglong>(count);
        default:
            return share;
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Type:
        return typeLabel(type);
    case Count:
        return formatCount(count);
    case Share:
        return formatPercent(share);
    default:
        return {};
    }
}

QVariant EventCountsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole) {
        return section == Type ? QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter)
                               : QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Type:
        return tr("Event");
    case Count:
        return tr("Count");
    case Share:
        return tr("Share");
    default:
        return {};
    }
}

} // namespace merch::ui
