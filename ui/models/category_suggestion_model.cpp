#include "models/category_suggestion_model.h"

#include "format.h"

namespace merch::ui {

CategorySuggestionModel::CategorySuggestionModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void CategorySuggestionModel::setResult(std::shared_ptr<const merch::AuditResult> result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
}

int CategorySuggestionModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->categorySuggestions.size());
}

int CategorySuggestionModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CategorySuggestionModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::CategorySuggestion& suggestion =
        m_result->categorySuggestions[static_cast<std::size_t>(index.row())];
    if (role == Qt::TextAlignmentRole)
        return index.column() == Confidence ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                            : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role == Qt::UserRole && index.column() == Confidence)
        return suggestion.confidence;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case Product:
        return QString::fromStdString(suggestion.productId);
    case Suggested:
        return QString::fromStdString(suggestion.suggested);
    case Confidence:
        return formatPercent(suggestion.confidence);
    case Because:
        return QString::fromStdString(suggestion.because);
    case GoogleCategory:
        return QString::fromStdString(suggestion.googleCategory);
    default:
        return {};
    }
}

QVariant CategorySuggestionModel::headerData(int section, Qt::Orientation orientation,
                                             int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole)
        return section == Confidence ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter)
                                     : QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Product:
        return tr("Product");
    case Suggested:
        return tr("Suggested category");
    case Confidence:
        return tr("Confidence");
    case Because:
        return tr("Because");
    case GoogleCategory:
        return tr("Google product category");
    default:
        return {};
    }
}

} // namespace merch::ui
