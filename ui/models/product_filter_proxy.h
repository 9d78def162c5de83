// ProductFilterProxy: sorts products by ProductTableModel::SortRole (so price and variants sort
// as numbers) and keeps the rows matching a free-text filter and a category.
#pragma once

#include <QSortFilterProxyModel>
#include <QString>

namespace merch::ui {

class ProductFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ProductFilterProxy(QObject* parent = nullptr);

    // Case-insensitive substring of id, title, brand, category, subcategory, color or material.
    void setText(const QString& text);
    // Keeps only products whose top-level category is exactly `category` (may be empty: the
    // uncategorized products).
    void setCategory(const QString& category);
    // Keeps every category again.
    void clearCategory();

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QString m_text;
    QString m_category;
    bool m_anyCategory = true;
};

} // namespace merch::ui
