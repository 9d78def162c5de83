#include "models/cost_paths_model.h"

#include <QFont>

#include "format.h"

namespace merch::ui {

QString formatPaybackWeek(int week, int horizonWeeks) {
    if (week < 0)
        return CostPathsModel::tr("none in %1 wk").arg(horizonWeeks);
    return CostPathsModel::tr("wk %1").arg(week);
}

CostPathsModel::CostPathsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void CostPathsModel::setResult(std::shared_ptr<const merch::CostResult> costs,
                               std::shared_ptr<const merch::UncertaintyResult> uncertainty) {
    beginResetModel();
    m_costs = std::move(costs);
    m_uncertainty = std::move(uncertainty);
    endResetModel();
}

int CostPathsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_costs ? 0 : merch::kCostPathCount;
}

int CostPathsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CostPathsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_costs)
        return {};
    const auto path = static_cast<merch::CostPath>(index.row());
    const merch::PathResult& r = m_costs->path(path);
    const int horizon = m_costs->inputs.rates.horizonWeeks;
    if (role == Qt::FontRole && path == m_costs->recommended) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::TextAlignmentRole)
        return index.column() == Path ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                      : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    const merch::PathUncertainty* u = m_uncertainty ? &m_uncertainty->path(path) : nullptr;
    if (role == ValueRole) {
        switch (index.column()) {
        case Year1:
            return r.year1.total();
        case MonthlyRun:
            return r.monthlyRunCost;
        case TimeToValue:
            return r.timeToValueWeeks;
        case Payback:
            return r.paybackWeek;
        case PaybackRange:
            return u ? u->p90PaybackWeek : -1;
        case Npv:
            return r.npv;
        case Roi:
            return r.roi;
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Npv)
        return tr("Return on the 3-year cost: %1").arg(formatPercent(r.roi));
    if (role == Qt::ToolTipRole && index.column() == Path && path == m_costs->recommended)
        return tr("Recommended: the highest 3-year NPV");
    if (role == Qt::ToolTipRole && index.column() == PaybackRange && u)
        return tr("Over %1 Monte Carlo draws: P10 %2, P50 %3, P90 %4; %5 of draws never pay "
                  "back within %6 weeks.")
            .arg(m_uncertainty->draws)
            .arg(formatPaybackWeek(u->p10PaybackWeek, horizon),
                 formatPaybackWeek(u->p50PaybackWeek, horizon),
                 formatPaybackWeek(u->p90PaybackWeek, horizon),
                 formatPercent(u->shareNeverPaysBack))
            .arg(horizon);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Path:
        return (path == m_costs->recommended ? QStringLiteral("★ ") : QString()) +
               QString::fromUtf8(merch::costPathLabel(path));
    case Year1:
        return formatDollars(r.year1.total());
    case MonthlyRun:
        return formatDollars(r.monthlyRunCost);
    case TimeToValue:
        return tr("%1 wk").arg(r.timeToValueWeeks, 0, 'f', 1);
    case Payback:
        return formatPaybackWeek(r.paybackWeek, horizon);
    case PaybackRange: {
        if (!u)
            return QStringLiteral("…");
        if (u->p10PaybackWeek < 0)
            return tr("never");
        return tr("%1–%2")
            .arg(u->p10PaybackWeek)
            .arg(u->p90PaybackWeek < 0 ? tr("never") : QString::number(u->p90PaybackWeek));
    }
    case Npv:
        return formatDollars(r.npv);
    case Roi:
        return formatPercent(r.roi);
    default:
        return {};
    }
}

QVariant CostPathsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Path:
        return tr("Path");
    case Year1:
        return tr("Year 1");
    case MonthlyRun:
        return tr("Run / mo");
    case TimeToValue:
        return tr("To value");
    case Payback:
        return tr("Payback");
    case PaybackRange:
        return tr("P10–P90");
    case Npv:
        return tr("NPV 3 yr");
    case Roi:
        return tr("ROI 3 yr");
    default:
        return {};
    }
}

} // namespace merch::ui
