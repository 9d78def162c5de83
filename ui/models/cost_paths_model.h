// CostPathsModel: one row per path (pure SaaS, hybrid, custom) with year-one cost, monthly run
// cost, time to value, payback week with its Monte Carlo P10-P90, 3-year NPV and ROI. The
// recommended path's row is bold and starred.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/cost_model.h"
#include "merch/cost_uncertainty.h"

namespace merch::ui {

// "wk 34", or "none in 156 wk" when it does not pay back within the horizon.
QString formatPaybackWeek(int week, int horizonWeeks);

class CostPathsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Path,
        Year1,
        MonthlyRun,
        TimeToValue,
        Payback,
        PaybackRange,
        Npv,
        Roi,
        ColumnCount
    };
    enum Role { ValueRole = Qt::UserRole + 1 }; // the engine's number (-1 for no payback)

    explicit CostPathsModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const merch::CostResult> costs,
                   std::shared_ptr<const merch::UncertaintyResult> uncertainty);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const merch::CostResult> m_costs;
    std::shared_ptr<const merch::UncertaintyResult> m_uncertainty;
};

} // namespace merch::ui
