#include "models/import_log_model.h"

#include <QDateTime>
#include <QFileInfo>
#include <QLocale>

#include "format.h"

namespace merch::ui {
namespace {

bool isNumeric(int column) {
    return column >= ImportLogModel::Imported;
}

QString when(std::int64_t unixSeconds) {
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale.toString(QDateTime::fromSecsSinceEpoch(unixSeconds),
                           QStringLiteral("MMM d, yyyy  h:mm AP"));
}

} // namespace

ImportLogModel::ImportLogModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ImportLogModel::setRecords(Records records) {
    beginResetModel();
    m_records = std::move(records);
    endResetModel();
}

const merch::ImportRecord* ImportLogModel::record(int row) const {
    if (!m_records || row < 0 || row >= rowCount())
        return nullptr;
    return &(*m_records)[static_cast<std::size_t>(row)];
}

int ImportLogModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_records)
        return 0;
    return static_cast<int>(m_records->size());
}

int ImportLogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ImportLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::ImportRecord& record = (*m_records)[static_cast<std::size_t>(index.row())];
    const merch::ImportLogEntry& entry = record.entry;
    if (role == Qt::TextAlignmentRole)
        return isNumeric(index.column()) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                         : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::ToolTipRole && index.column() == File)
        return QString::fromStdString(entry.file);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case When:
        return when(record.startedAt);
    case File:
        return QFileInfo(QString::fromStdString(entry.file)).fileName();
    case Kind:
        return QString::fromStdString(entry.kind);
    case Format:
        return QString::fromStdString(entry.format);
    case Mode:
        return QString::fromStdString(entry.mode);
    case Imported:
        return formatCount(entry.imported);
    case Rejected:
        return formatCount(entry.rejected);
    case Warnings:
        return formatCount(entry.warnings);
    default:
        return {};
    }
}

QVariant ImportLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return isNumeric(section) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case When:
        return tr("When");
    case File:
        return tr("File");
    case Kind:
        return tr("Kind");
    case Format:
        return tr("Format");
    case Mode:
        return tr("Mode");
    case Imported:
        return tr("Imported");
    case Rejected:
        return tr("Rejected");
    case Warnings:
        return tr("Warnings");
    default:
        return {};
    }
}

} // namespace merch::ui
