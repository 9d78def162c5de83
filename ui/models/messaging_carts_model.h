// MessagingCartsModel: the test period's abandoned carts ranked by recovery probability, with
// the planned send time (the customer's own delay or the store's) and what the log shows
// happened; and MessagingComparisonModel: fixed vs predictive per metric with its interval and
// the brief's reference. Both read the immutable MessagingAnalysis.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/messaging_analysis.h"

namespace merch::ui {

class MessagingCartsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Customer,
        Probability,
        SendIn,
        SendAt,
        Value,
        Items,
        Abandoned,
        Recovered,
        ColumnCount
    };
    enum Role { ValueRole = Qt::UserRole + 1 }; // the engine's number

    explicit MessagingCartsModel(QObject* parent = nullptr);
    void setResult(std::shared_ptr<const merch::MessagingAnalysis> result);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const merch::MessagingAnalysis> m_result;
};

class MessagingComparisonModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Metric, Fixed, Predictive, Oracle, Lift, Interval, Reference, ColumnCount };
    enum Role { ValueRole = Qt::UserRole + 1 };

    explicit MessagingComparisonModel(QObject* parent = nullptr);
    void setResult(std::shared_ptr<const merch::MessagingAnalysis> result);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const merch::MessagingAnalysis> m_result;
};

} // namespace merch::ui
