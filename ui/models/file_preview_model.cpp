#include "models/file_preview_model.h"

#include <algorithm>

namespace merch::ui {

FilePreviewModel::FilePreviewModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void FilePreviewModel::setPreview(std::shared_ptr<const FilePreview> preview) {
    beginResetModel();
    m_preview = std::move(preview);
    m_columns = 0;
    if (m_preview) {
        m_columns = static_cast<int>(m_preview->header.size());
        for (const QStringList& row : m_preview->rows)
            m_columns = std::max(m_columns, static_cast<int>(row.size()));
    }
    endResetModel();
}

int FilePreviewModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_preview)
        return 0;
    return static_cast<int>(m_preview->rows.size());
}

int FilePreviewModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_columns;
}

QVariant FilePreviewModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QStringList& row = m_preview->rows[index.row()];
    return index.column() < row.size() ? row[index.column()] : QString();
}

QVariant FilePreviewModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (!m_preview || role != Qt::DisplayRole || orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (section < m_preview->header.size())
        return m_preview->header[section];
    return QString::number(section + 1);
}

} // namespace merch::ui
