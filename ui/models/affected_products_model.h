// AffectedProductsModel: the products one audit fix names (id, title, category), looked up in
// the store's immutable product list by id.
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/audit.h"
#include "merch/product.h"

namespace merch::ui {

class AffectedProductsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Id, Title, Category, ColumnCount };

    using Products = std::shared_ptr<const std::vector<merch::Product>>;
    using AuditPtr = std::shared_ptr<const merch::AuditResult>;

    explicit AffectedProductsModel(QObject* parent = nullptr);

    // The catalog the ids refer to; clears the fix shown.
    void setProducts(Products products);
    // Shows the products of result->fixes[fixIndex]; a null result or a bad index shows none.
    void setFix(AuditPtr result, int fixIndex);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    const merch::Product* product(int row) const;

    Products m_products;
    std::unordered_map<std::string, std::size_t> m_byId;
    AuditPtr m_result;
    const std::vector<std::string>* m_ids = nullptr; // inside m_result
};

} // namespace merch::ui
