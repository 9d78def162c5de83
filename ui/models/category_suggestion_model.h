// CategorySuggestionModel: suggested categories for uncategorized products (product, suggested
// category, confidence, the similar product it follows), read from the immutable AuditResult.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "merch/audit.h"

namespace merch::ui {

class CategorySuggestionModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Product, Suggested, Confidence, Because, GoogleCategory, ColumnCount };

    explicit CategorySuggestionModel(QObject* parent = nullptr);

    void setResult(std::shared_ptr<const merch::AuditResult> result);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const merch::AuditResult> m_result;
};

} // namespace merch::ui
