// ScenarioCompareModel: two cost scenarios side by side: the lift each assumes, the path each
// recommends, and every path's year-one cost, payback and NPV under each.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/cost_model.h"

namespace merch::ui {

class ScenarioCompareModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit ScenarioCompareModel(QObject* parent = nullptr);

    // Either side may be null (its column then shows "—").
    void setScenarios(const QString& leftName, std::shared_ptr<const merch::CostResult> left,
                      const QString& rightName, std::shared_ptr<const merch::CostResult> right);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QString cell(const merch::CostResult* result, int row) const;

    QString m_names[2];
    std::shared_ptr<const merch::CostResult> m_results[2];
};

} // namespace merch::ui
