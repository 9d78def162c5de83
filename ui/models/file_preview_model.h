// FilePreviewModel: the first rows of a file about to be imported, as FilePreview split them.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "dialogs/file_preview.h"

namespace merch::ui {

class FilePreviewModel : public QAbstractTableModel {
    Q_OBJECT
public:
    explicit FilePreviewModel(QObject* parent = nullptr);

    void setPreview(std::shared_ptr<const FilePreview> preview);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const FilePreview> m_preview;
    int m_columns = 0;
};

} // namespace merch::ui
