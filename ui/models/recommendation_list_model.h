// RecommendationListModel: what one model recommends after a product, as a table (rank,
// product, score, why). The rows are computed by the playground and handed over whole.
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace merch::ui {

struct RecommendationRow {
    QString productId;
    QString title; // the product's title, or its id when the workspace has no catalog
    double score = 0;
    QString why; // the model's explanation, with products named by title
};

class RecommendationListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Product, Score, Why, ColumnCount };
    enum Role { ProductIdRole = Qt::UserRole + 1 };

    explicit RecommendationListModel(QObject* parent = nullptr);

    void setRows(std::vector<RecommendationRow> rows);
    const std::vector<RecommendationRow>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::vector<RecommendationRow> m_rows;
};

} // namespace merch::ui
