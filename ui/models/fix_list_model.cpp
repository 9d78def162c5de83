#include "models/fix_list_model.h"

#include "format.h"

namespace merch::ui {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

bool isNumeric(int column) {
    return column == FixListModel::Rank || column == FixListModel::Skus ||
           column == FixListModel::Products;
}

} // namespace

FixListModel::FixListModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void FixListModel::setResult(AuditPtr result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

const merch::AuditIssue* FixListModel::fix(int row) const {
    if (!m_result || row < 0 || row >= rowCount())
        return nullptr;
    return &m_result->fixes[static_cast<std::size_t>(row)];
}

int FixListModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->fixes.size());
}

int FixListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FixListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::AuditIssue& issue = m_result->fixes[static_cast<std::size_t>(index.row())];
    const auto products = static_cast<std::int64_t>(issue.productIds.size());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Rank:
            return index.row() + 1;
        case Issue:
            return text(issue.title);
        case Skus:
            return formatCount(issue.affectedSkus);
        case Products:
            return formatCount(products);
        case WhyItMatters:
            return text(issue.whyItMatters);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Issue || index.column() == WhyItMatters)
            return QStringLiteral("<p><b>%1</b></p><p>%2</p>")
                .arg(text(issue.title).toHtmlEscaped(), text(issue.whyItMatters).toHtmlEscaped());
        return {};
    case Qt::TextAlignmentRole:
        return isNumeric(index.column()) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                         : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case IssueIdRole:
        return text(issue.id);
    case SortRole:
        switch (index.column()) {
        case Rank:
            return index.row() + 1;
        case Skus:
            return static_cast<qlonglong>(issue.affectedSkus);
        case Products:
            return static_cast<qlonglong>(products);
        default:
            return data(index, Qt::DisplayRole);
        }
    default:
        return {};
    }
}

QVariant FixListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return isNumeric(section) ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                  : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank:
        return tr("#");
    case Issue:
        return tr("Issue");
    case Skus:
        return tr("SKUs");
    case Products:
        return tr("Products");
    case WhyItMatters:
        return tr("Why it matters");
    default:
        return {};
    }
}

} // namespace merch::ui
