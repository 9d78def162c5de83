// RejectedRowsModel: rows an importer refused (line, column, reason, raw text), from an import
// that just ran or from the workspace's import log.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "merch/import.h"

namespace merch::ui {

class RejectedRowsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Line, Column, Reason, Raw, ColumnCount };

    using Rows = std::shared_ptr<const std::vector<merch::RejectedRow>>;

    explicit RejectedRowsModel(QObject* parent = nullptr);

    void setRows(Rows rows);
    const Rows& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Rows m_rows;
};

} // namespace merch::ui
