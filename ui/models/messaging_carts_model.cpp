#include "models/messaging_carts_model.h"

#include <QDateTime>

namespace merch::ui {

namespace {

QString when(std::int64_t unixSeconds) {
    return QDateTime::fromSecsSinceEpoch(unixSeconds, Qt::UTC)
        .toString(QStringLiteral("ddd d MMM HH:mm"));
}

QString percent(double fraction, int decimals = 1) {
    return QStringLiteral("%1%").arg(fraction * 100.0, 0, 'f', decimals);
}

QString signedPercent(double fraction) {
    return QStringLiteral("%1%2%")
        .arg(fraction >= 0 ? QStringLiteral("+") : QString())
        .arg(fraction * 100.0, 0, 'f', 1);
}

QString number(const merch::ComparisonMetric& m, double value) {
    if (m.key == "reactivation_rate" || m.key == "recoveries_per_cart_email")
        return percent(value);
    if (m.key == "recovered_revenue")
        return QStringLiteral("%L1").arg(value, 0, 'f', 0);
    return QStringLiteral("%L1").arg(value, 0, 'f', 1);
}

} // namespace

MessagingCartsModel::MessagingCartsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void MessagingCartsModel::setResult(std::shared_ptr<const merch::MessagingAnalysis> result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int MessagingCartsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_result ? 0 : static_cast<int>(m_result->atRisk.size());
}

int MessagingCartsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessagingCartsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::AtRiskCart& c = m_result->atRisk[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Customer:
            return QString::fromStdString(c.key);
        case Abandoned:
            return when(c.time);
        case Value:
            return QStringLiteral("%1").arg(c.value, 0, 'f', 2);
        case Items:
            return c.items;
        case Probability:
            return percent(c.probability);
        case SendIn:
            if (!c.identified)
                return tr("no email address");
            return tr("%1 h (%2)")
                .arg(c.sendHours, 0, 'f', 1)
                .arg(c.ownTiming ? tr("own") : tr("store"));
        case SendAt:
            return c.identified ? when(c.plannedSend) : QString();
        case Recovered:
            return c.recovered ? tr("bought") : tr("no");
        default:
            return {};
        }
    }
    if (role == ValueRole) {
        switch (index.column()) {
        case Value:
            return c.value;
        case Probability:
            return c.probability;
        case SendIn:
            return c.sendHours;
        case Recovered:
            return c.recovered;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Customer)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MessagingCartsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Customer:
        return tr("Customer");
    case Abandoned:
        return tr("Abandoned (UTC)");
    case Value:
        return tr("Value");
    case Items:
        return tr("Items");
    case Probability:
        return tr("Recovery");
    case SendIn:
        return tr("Send after");
    case SendAt:
        return tr("Planned send");
    case Recovered:
        return tr("Log shows");
    default:
        return {};
    }
}

MessagingComparisonModel::MessagingComparisonModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void MessagingComparisonModel::setResult(std::shared_ptr<const merch::MessagingAnalysis> result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int MessagingComparisonModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result || !m_result->comparison)
        return 0;
    return static_cast<int>(m_result->comparison->metrics.size());
}

int MessagingComparisonModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MessagingComparisonModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::MessagingComparison& c = *m_result->comparison;
    const merch::ComparisonMetric& m = c.metrics[static_cast<std::size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Metric:
            return QString::fromStdString(m.label);
        case Fixed:
            return number(m, m.fixed);
        case Predictive:
            return number(m, m.predictive);
        case Oracle:
            return c.params.includeOracle ? number(m, m.oracle) : QStringLiteral("–");
        case Lift:
            return signedPercent(m.lift);
        case Interval:
            return tr("%1 to %2").arg(signedPercent(m.ciLow), signedPercent(m.ciHigh));
        case Reference:
            return QString::fromStdString(m.reference);
        default:
            return {};
        }
    }
    if (role == ValueRole) {
        switch (index.column()) {
        case Fixed:
            return m.fixed;
        case Predictive:
            return m.predictive;
        case Oracle:
            return m.oracle;
        case Lift:
            return m.lift;
        case Interval:
            return m.ciLow;
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole && index.column() != Metric && index.column() != Reference)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MessagingComparisonModel::headerData(int section, Qt::Orientation orientation,
                                              int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Metric:
        return tr("Over the test period");
    case Fixed:
        return tr("Fixed 1/24/72 h");
    case Predictive:
        return tr("Predictive");
    case Oracle:
        return tr("Oracle (truth)");
    case Lift:
        return tr("Change");
    case Interval:
        return tr("95% interval");
    case Reference:
        return tr("Brief (reference)");
    default:
        return {};
    }
}

} // namespace merch::ui
