// ProductTableModel: a read-only table over an immutable product list. It copies nothing: rows
// are read from the shared vector when the view asks for them.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "merch/product.h"

namespace merch::ui {

class ProductTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Id,
        Title,
        Category,
        Subcategory,
        Brand,
        Color,
        Material,
        Price,
        Variants,
        Consumable,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1, // numbers for Price and Variants, folded text otherwise
        FilterTextRole,              // the row's searchable text (id, title, brand, ...)
    };

    using Products = std::shared_ptr<const std::vector<merch::Product>>;

    explicit ProductTableModel(QObject* parent = nullptr);

    void setProducts(Products products);
    const Products& products() const { return m_products; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const merch::Product& product, int column) const;
    QVariant sortKey(const merch::Product& product, int column) const;

    Products m_products;
};

} // namespace merch::ui
