#include "models/scenario_compare_model.h"

#include "format.h"
#include "models/cost_paths_model.h"
#include "models/lift_table_model.h"

namespace merch::ui {

namespace {
constexpr int kHeadRows = 4; // lift, day rate, ARR, recommended path
constexpr int kRowsPerPath = 3;
} // namespace

ScenarioCompareModel::ScenarioCompareModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ScenarioCompareModel::setScenarios(const QString& leftName,
                                        std::shared_ptr<const merch::CostResult> left,
                                        const QString& rightName,
                                        std::shared_ptr<const merch::CostResult> right) {
    beginResetModel();
    m_names[0] = leftName;
    m_names[1] = rightName;
    m_results[0] = std::move(left);
    m_results[1] = std::move(right);
    endResetModel();
}

int ScenarioCompareModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : kHeadRows + kRowsPerPath * merch::kCostPathCount;
}

int ScenarioCompareModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : 3;
}

QString ScenarioCompareModel::cell(const merch::CostResult* result, int row) const {
    if (!result)
        return QStringLiteral("—");
    const merch::CostInputs& in = result->inputs;
    switch (row) {
    case 0:
        return formatLift(in.lift.revenueLift);
    case 1:
        return formatDollars(in.rates.dayRate);
    case 2:
        return formatDollars(in.store.annualRevenue);
    case 3:
        return QString::fromUtf8(merch::costPathLabel(result->recommended));
    default:
        break;
    }
    const int pathIndex = (row - kHeadRows) / kRowsPerPath;
    const merch::PathResult& path = result->path(static_cast<merch::CostPath>(pathIndex));
    switch ((row - kHeadRows) % kRowsPerPath) {
    case 0:
        return formatDollars(path.year1.total());
    case 1:
        return formatPaybackWeek(path.paybackWeek, in.rates.horizonWeeks);
    default:
        return formatDollars(path.npv);
    }
}

QVariant ScenarioCompareModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role == Qt::TextAlignmentRole && index.column() > 0)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const int row = index.row();
    if (index.column() > 0)
        return cell(m_results[index.column() - 1].get(), row);
    static const QStringList head = {tr("Lift"), tr("Day rate"), tr("Annual revenue"),
                                     tr("Recommended path")};
    if (row < kHeadRows)
        return head[row];
    const auto path = static_cast<merch::CostPath>((row - kHeadRows) / kRowsPerPath);
    static const QStringList what = {tr("year 1"), tr("payback"), tr("NPV, 3 yr")};
    return tr("%1: %2").arg(QString::fromUtf8(merch::costPathLabel(path)),
                            what[(row - kHeadRows) % kRowsPerPath]);
}

QVariant ScenarioCompareModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    return section == 0 ? tr("Figure") : m_names[section - 1];
}

} // namespace merch::ui
