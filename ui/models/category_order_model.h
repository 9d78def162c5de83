// CategoryOrderModel: one category page in two orders side by side: the best-seller order
// (the ranker's popularity feature alone) and the visitor's personalized order, with how far
// each personalized product moved (up green, down red).
#pragma once

#include <QAbstractTableModel>
#include <QString>

#include <vector>

namespace merch::ui {

struct CategoryOrder {
    std::vector<QString> bestSeller;   // titles, best-seller order
    std::vector<QString> personalized; // the same titles, personalized order
    // moves[i]: positions gained by personalized[i] against its best-seller position (> 0 up).
    std::vector<int> moves;
};

// moves for two orders of the same items: best-seller position minus personalized position.
std::vector<int> computeMoves(const std::vector<int>& bestSeller,
                              const std::vector<int>& personalized);

class CategoryOrderModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Position, BestSeller, Personalized, Move, ColumnCount };
    enum Role { MoveRole = Qt::UserRole + 1 };

    explicit CategoryOrderModel(QObject* parent = nullptr);

    void setOrder(CategoryOrder order);
    const CategoryOrder& order() const { return m_order; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    CategoryOrder m_order;
};

} // namespace merch::ui
