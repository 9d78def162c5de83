// ImportLogModel: the workspace's import log, newest first (when, file, kind, format, mode and
// the imported / rejected / warning counts).
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "merch/workspace.h"

namespace merch::ui {

class ImportLogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { When, File, Kind, Format, Mode, Imported, Rejected, Warnings, ColumnCount };

    using Records = std::shared_ptr<const std::vector<merch::ImportRecord>>;

    explicit ImportLogModel(QObject* parent = nullptr);

    void setRecords(Records records);
    const merch::ImportRecord* record(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    Records m_records;
};

} // namespace merch::ui
