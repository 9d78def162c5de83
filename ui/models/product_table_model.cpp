#include "models/product_table_model.h"

#include <QLocale>

namespace merch::ui {
namespace {

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

const QLocale& priceLocale() {
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

bool isNumeric(int column) {
    return column == ProductTableModel::Price || column == ProductTableModel::Variants;
}

} // namespace

ProductTableModel::ProductTableModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ProductTableModel::setProducts(Products products) {
    beginResetModel();
    m_products = std::move(products);
    endResetModel();
}

int ProductTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_products)
        return 0;
    return static_cast<int>(m_products->size());
}

int ProductTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProductTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::Product& product = (*m_products)[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(product, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Title && !product.description.empty())
            return text(product.description).left(400);
        if (index.column() == Id)
            return text(product.id);
        return {};
    case Qt::TextAlignmentRole:
        if (isNumeric(index.column()))
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        if (index.column() == Consumable)
            return QVariant::fromValue(Qt::AlignCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case SortRole:
        return sortKey(product, index.column());
    case FilterTextRole:
        return QStringList{text(product.id),       text(product.title),       text(product.brand),
                           text(product.category), text(product.subcategory), text(product.color),
                           text(product.material)}
            .join(QLatin1Char('\n'));
    default:
        return {};
    }
}

QVariant ProductTableModel::display(const merch::Product& product, int column) const {
    switch (column) {
    case Id:
        return text(product.id);
    case Title:
        return text(product.title);
    case Category:
        return text(product.category);
    case Subcategory:
        return text(product.subcategory);
    case Brand:
        return text(product.brand);
    case Color:
        return text(product.color);
    case Material:
        return text(product.material);
    case Price:
        return priceLocale().toString(product.price, 'f', 2);
    case Variants:
        return static_cast<int>(product.variants.size());
    case Consumable:
        return product.consumable ? tr("Yes") : QString();
    default:
        return {};
    }
}

QVariant ProductTableModel::sortKey(const merch::Product& product, int column) const {
    switch (column) {
    case Price:
        return product.price;
    case Variants:
        return static_cast<int>(product.variants.size());
    case Consumable:
        return product.consumable ? 1 : 0;
    default:
        return display(product, column).toString().toCaseFolded();
    }
}

QVariant ProductTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::TextAlignmentRole && isNumeric(section))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Id:
        return tr("ID");
    case Title:
        return tr("Title");
    case Category:
        return tr("Category");
    case Subcategory:
        return tr("Subcategory");
    case Brand:
        return tr("Brand");
    case Color:
        return tr("Color");
    case Material:
        return tr("Material");
    case Price:
        return tr("Price");
    case Variants:
        return tr("Variants");
    case Consumable:
        return tr("Consumable");
    default:
        return {};
    }
}

} // namespace merch::ui
