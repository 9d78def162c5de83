#include "models/use_case_model.h"

#include <QFont>

#include "format.h"
#include "models/cost_paths_model.h"
#include "models/lift_table_model.h"

namespace merch::ui {

UseCaseModel::UseCaseModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void UseCaseModel::setPlan(std::shared_ptr<const merch::UseCasePlan> plan, int horizonWeeks) {
    beginResetModel();
    m_plan = std::move(plan);
    m_horizon = horizonWeeks;
    endResetModel();
}

int UseCaseModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_plan ? 0 : static_cast<int>(m_plan->ranked.size());
}

int UseCaseModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UseCaseModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid) || !m_plan)
        return {};
    const merch::UseCaseResult& r = m_plan->ranked[static_cast<std::size_t>(index.row())];
    if (role == Qt::FontRole && index.row() == 0) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && index.column() == Source)
        return QString::fromStdString(r.input.liftSource);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case UseCase:
        return tr("%1. %2")
            .arg(index.row() + 1)
            .arg(QString::fromUtf8(merch::useCaseLabel(r.input.useCase)));
    case Lift:
        return formatLift(r.input.lift);
    case Source:
        return QString::fromStdString(r.input.liftSource);
    case Revenue:
        return tr("%1 (%2)").arg(formatDollars(r.revenueBase), formatPercent(r.input.revenueShare));
    case Year1:
        return formatDollars(r.year1Cost);
    case Payback:
        return formatPaybackWeek(r.paybackWeek, m_horizon);
    case Npv:
        return formatDollars(r.npv);
    default:
        return {};
    }
}

QVariant UseCaseModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case UseCase:
        return tr("Use case");
    case Lift:
        return tr("Lift");
    case Source:
        return tr("Lift from");
    case Revenue:
        return tr("Revenue touched / yr");
    case Year1:
        return tr("Year 1");
    case Payback:
        return tr("Payback");
    case Npv:
        return tr("NPV, 3 yr");
    default:
        return {};
    }
}

} // namespace merch::ui
