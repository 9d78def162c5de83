// UseCaseModel: the four use cases ranked for this store (which first), with the lift each
// assumes and where it came from, the revenue it touches, year-one cost, payback and NPV.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/use_case_priority.h"

namespace merch::ui {

class UseCaseModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { UseCase, Lift, Source, Revenue, Year1, Payback, Npv, ColumnCount };

    explicit UseCaseModel(QObject* parent = nullptr);

    void setPlan(std::shared_ptr<const merch::UseCasePlan> plan, int horizonWeeks);
    const std::shared_ptr<const merch::UseCasePlan>& plan() const { return m_plan; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const merch::UseCasePlan> m_plan;
    int m_horizon = 156;
};

} // namespace merch::ui
