// ProductBrowser: the store's products in a sortable table, narrowed by a text filter and a
// category. ProductTableModel under a ProductFilterProxy.
#pragma once

#include <QFrame>

#include <memory>
#include <vector>

#include "merch/product.h"
#include "merch/store_summary.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QTableView;

namespace merch::ui {

class ProductFilterProxy;
class ProductTableModel;

class ProductBrowser : public QFrame {
    Q_OBJECT
public:
    explicit ProductBrowser(QWidget* parent = nullptr);

    // `categories` fills the category filter (by product count, as StoreSummary orders them).
    void setProducts(std::shared_ptr<const std::vector<merch::Product>> products,
                     const std::vector<merch::CategoryCount>& categories);
    void focusFilter();

    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* categoryCombo() const { return m_category; }
    ProductTableModel* model() const { return m_model; }
    ProductFilterProxy* proxy() const { return m_proxy; }

private:
    void applyCategory();
    void updateCount();

    ProductTableModel* m_model;
    ProductFilterProxy* m_proxy;
    QLineEdit* m_filter;
    QComboBox* m_category;
    QLabel* m_count;
    QTableView* m_table;
};

} // namespace merch::ui
