#include "models/lift_table_model.h"

#include <QBrush>
#include <QColor>

namespace merch::ui {

QString metricLabel(const std::string& metric) {
    if (metric == "add_to_cart_rate")
        return QObject::tr("Add-to-cart rate");
    if (metric == "conversion_rate")
        return QObject::tr("Conversion rate");
    if (metric == "revenue_per_session")
        return QObject::tr("Revenue per session");
    if (metric == "aov")
        return QObject::tr("Average order value");
    QString label = QString::fromStdString(metric);
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

QString metricShortLabel(const std::string& metric) {
    if (metric == "add_to_cart_rate")
        return QObject::tr("Carts");
    if (metric == "conversion_rate")
        return QObject::tr("Orders");
    if (metric == "revenue_per_session")
        return QObject::tr("Revenue");
    return metricLabel(metric);
}

QString formatLift(double fraction) {
    const QString number = QString::number(fraction * 100.0, 'f', 1);
    return (fraction >= 0 ? QStringLiteral("+") : QString()) + number + QLatin1Char('%');
}

QString formatPValue(double p) {
    return p < 0.001 ? QStringLiteral("<0.001") : QString::number(p, 'f', 3);
}

LiftTableModel::LiftTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void LiftTableModel::setResult(ExperimentPtr result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int LiftTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->metrics.size());
}

int LiftTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LiftTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::MetricReading& m = m_result->metrics[static_cast<std::size_t>(index.row())];
    const auto days = [](int day) { return day < 0 ? tr("never") : tr("day %1").arg(day); };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Metric:
            return metricLabel(m.metric);
        case Measured:
            return formatLift(m.test.lift);
        case Interval:
            return QStringLiteral("%1 to %2")
                .arg(formatLift(m.test.ciLow), formatLift(m.test.ciHigh));
        case PValue:
            return formatPValue(m.test.pValue);
        case TrueLift:
            return formatLift(m.trueLift);
        case Vendor:
            return formatLift(m.vendor.reportedLift);
        case DaysToSignificance:
            return days(m.daysToSignificance);
        case DaysToSequential:
            return days(m.daysToSequentialSignificance);
        default:
            return {};
        }
    case ValueRole:
        switch (index.column()) {
        case Metric:
            return QString::fromStdString(m.metric);
        case Measured:
            return m.test.lift;
        case Interval:
            return m.test.ciLow;
        case PValue:
            return m.test.pValue;
        case TrueLift:
            return m.trueLift;
        case Vendor:
            return m.vendor.reportedLift;
        case DaysToSignificance:
            return m.daysToSignificance;
        case DaysToSequential:
            return m.daysToSequentialSignificance;
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (index.column() == PValue && m.test.significant())
            return QBrush(QColor(0x15, 0x80, 0x3d));
        if (index.column() == TrueLift)
            return QBrush(QColor(0x16, 0x65, 0x34));
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Metric)
            return tr("Control %1 · treatment %2 over the runway")
                .arg(m.control, 0, 'g', 4)
                .arg(m.treatment, 0, 'g', 4);
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Metric ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                        : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant LiftTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const double alpha = m_result ? m_result->params.alpha : merch::ExperimentParams{}.alpha;
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Metric:
            return tr("Metric");
        case Measured:
            return tr("Lift");
        case Interval:
            return tr("%1% CI").arg((1.0 - alpha) * 100.0, 0, 'g', 3);
        case PValue:
            return tr("p");
        case TrueLift:
            return tr("True");
        case Vendor:
            return tr("Vendor");
        case DaysToSignificance:
            return tr("p<%1").arg(alpha, 0, 'g', 3);
        case DaysToSequential:
            return tr("Seq.");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Measured:
            return tr("Relative lift the clean test measured over the whole runway");
        case PValue:
            return tr("p-value of the fixed-horizon test at the end of the runway");
        case TrueLift:
            return tr("The world's counterfactual: everyone treated vs no one, same period");
        case Vendor:
            return tr("What a vendor would publish: the short-window reading, only its "
                      "significant wins (mean over the replicate tests)");
        case DaysToSignificance:
            return tr("First day a daily peek would have seen p below the level");
        case DaysToSequential:
            return tr("Sequential: first day the interval valid to read daily excluded zero");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return section == Metric ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                 : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace merch::ui
