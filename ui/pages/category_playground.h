// CategoryPlayground: pick a category page and a visitor's recent products (up to 7, most
// recent last), see the page in best-seller order (the ranker's popularity feature alone) and
// in the personalized ranker's order side by side, with each product's move highlighted, and
// the weights the ranker learned for each feature.
#pragma once

#include <QWidget>

#include <vector>

#include "jobs/models_runner.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QStackedWidget;
class QTableView;

namespace merch::ui {

class CategoryOrderModel;

class CategoryPlayground : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxRecent = 7;

    explicit CategoryPlayground(QWidget* parent = nullptr);

    void setResult(ModelsPtr result);
    // Shows the page of `category` (a subcategory, or a category without subcategories).
    void setCategory(const QString& category);
    // The visitor's recent products (catalog indexes, most recent last; at most kMaxRecent).
    void setRecent(const std::vector<int>& recent);

    QComboBox* categoryCombo() const { return m_category; }
    QListWidget* recentList() const { return m_recentList; }
    CategoryOrderModel* orderModel() const { return m_order; }
    const std::vector<int>& bestSellerOrder() const { return m_bestSeller; }
    const std::vector<int>& personalizedOrder() const { return m_personalized; }
    const std::vector<int>& recent() const { return m_recent; }
    // The message shown instead of the playground (no catalog, no ranker); empty otherwise.
    QString unavailableMessage() const;
    QString weightsText() const;

private:
    QWidget* createContent();
    void onRecentItemChanged(QListWidgetItem* item);
    void filterRecentList(const QString& text);
    void refresh();
    void showWeights();

    ModelsPtr m_result;
    std::vector<int> m_recent;
    std::vector<int> m_bestSeller;
    std::vector<int> m_personalized;
    QStackedWidget* m_states;
    QLabel* m_unavailable;
    QComboBox* m_category;
    QLineEdit* m_filter;
    QListWidget* m_recentList;
    QLabel* m_recentNote;
    CategoryOrderModel* m_order;
    QTableView* m_table;
    QLabel* m_weights;
};

} // namespace merch::ui
