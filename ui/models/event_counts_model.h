// EventCountsModel: the events of a store by type (list views, views, add to cart, ...), with
// each type's count and share of all events. A thin adapter over an immutable StoreSummary.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/store_summary.h"

namespace merch::ui {

class EventCountsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Type, Count, Share, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit EventCountsModel(QObject* parent = nullptr);

    void setSummary(std::shared_ptr<const merch::StoreSummary> summary);

    // "add_to_cart" -> "Add to cart".
    static QString typeLabel(merch::EventType type);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const merch::StoreSummary> m_summary;
};

} // namespace merch::ui
