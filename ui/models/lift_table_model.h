// LiftTableModel: the experiment's reading per metric (measured lift, its confidence interval
// and p-value, the world's true lift, days to significance with daily peeking and with the
// sequential interval, the vendor-reported lift), read straight from the immutable
// ExperimentResult.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/experiment.h"

namespace merch::ui {

// "add_to_cart_rate" -> "Add-to-cart rate", ...
QString metricLabel(const std::string& metric);
// The same, short enough for a chart axis: "Carts", "Orders", "Revenue".
QString metricShortLabel(const std::string& metric);
// +0.0834 -> "+8.3%".
QString formatLift(double fraction);
// 0.0123 -> "0.012", 0.00001 -> "<0.001".
QString formatPValue(double p);

class LiftTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Metric,
        Measured,
        Interval,
        PValue,
        TrueLift,
        Vendor,
        DaysToSignificance,
        DaysToSequential,
        ColumnCount
    };
    enum Role { ValueRole = Qt::UserRole + 1 }; // the engine's number (CI: its low end)

    using ExperimentPtr = std::shared_ptr<const merch::ExperimentResult>;

    explicit LiftTableModel(QObject* parent = nullptr);

    void setResult(ExperimentPtr result);
    const ExperimentPtr& result() const { return m_result; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ExperimentPtr m_result;
};

} // namespace merch::ui
