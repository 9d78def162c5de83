#include "models/rejected_rows_model.h"

#include "format.h"

namespace merch::ui {
namespace {

constexpr int kRawShown = 400;      // characters of the raw row in the table
constexpr int kRawInTooltip = 2000; // and in its tooltip

bool isNumeric(int column) {
    return column == RejectedRowsModel::Line || column == RejectedRowsModel::Column;
}

// The raw row on one line: a quoted field may span several lines of the file.
QString oneLine(const std::string& raw, int limit) {
    QString text = QString::fromStdString(raw).left(limit);
    text.replace(QLatin1String("\r\n"), QStringLiteral(" ⏎ "));
    text.replace(QLatin1Char('\n'), QStringLiteral(" ⏎ "));
    if (static_cast<qsizetype>(raw.size()) > limit)
        text += QStringLiteral("…");
    return text;
}

} // namespace

RejectedRowsModel::RejectedRowsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void RejectedRowsModel::setRows(Rows rows) {
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int RejectedRowsModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_rows)
        return 0;
    return static_cast<int>(m_rows->size());
}

int RejectedRowsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RejectedRowsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::RejectedRow& row = (*m_rows)[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Line:
            return formatCount(row.line);
        case Column:
            return row.column > 0 ? QString::number(row.column) : tr("row");
        case Reason:
            return QString::fromStdString(row.reason);
        case Raw:
            return oneLine(row.raw, kRawShown);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Raw)
            return oneLine(row.raw, kRawInTooltip);
        if (index.column() == Reason)
            return QString::fromStdString(row.reason);
        if (index.column() == Column && row.column == 0)
            return tr("The whole row is at fault");
        return {};
    case Qt::TextAlignmentRole:
        return isNumeric(index.column()) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                         : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::UserRole: // the numbers, for tests and sorting
        if (index.column() == Line)
            return static_cast<qlonglong>(row.line);
        if (index.column() == Column)
            return row.column;
        return data(index, Qt::DisplayRole);
    default:
        return {};
    }
}

QVariant RejectedRowsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return isNumeric(section) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Line:
        return tr("Line");
    case Column:
        return tr("Column");
    case Reason:
        return tr("Reason");
    case Raw:
        return tr("Row as in the file");
    default:
        return {};
    }
}

} // namespace merch::ui
