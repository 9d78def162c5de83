// RecommendationPlayground: pick a product (a searchable list) and a model, see its top 10
// "you may also like" items with the model's reason for each (products named by title), after
// the business rules set beside them: hide out-of-stock products, hide what a customer just
// bought, a cap per category, pinned and buried products (right-click a row) and the model's
// kill switch (the best-seller answers). Each row says which rule placed it. The models were
// trained on all sessions by the ModelsRunner; answering takes microseconds, so it runs on the
// UI thread.
#pragma once

#include <QHash>
#include <QWidget>

#include <functional>
#include <string>

#include "jobs/models_runner.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace merch::ui {

class RecommendationListModel;

// Replaces "item N" in a model's explanation by the title of session item N.
QString nameItemsInExplanation(const std::string& why, const merch::SessionData& sessions,
                               const std::function<QString(int item)>& title);

class RecommendationPlayground : public QWidget {
    Q_OBJECT
public:
    static constexpr int kCount = 10;

    explicit RecommendationPlayground(QWidget* parent = nullptr);

    void setResult(ModelsPtr result);
    // Chooses the product (a session item index) and the model ("item_knn") shown.
    void showFor(int item, const QString& model);

    QComboBox* productCombo() const { return m_product; }
    QComboBox* modelCombo() const { return m_model; }
    RecommendationListModel* listModel() const { return m_list; }
    QString note() const;

    // The business rules' controls.
    QCheckBox* outOfStockCheck() const { return m_outOfStock; }
    QComboBox* purchasedByCombo() const { return m_purchasedBy; }
    QSpinBox* capSpin() const { return m_cap; }
    QCheckBox* killSwitchCheck() const { return m_killSwitch; }
    // Pins a product (a product id) to the top, or buries it; a product is one or the other.
    void pinProduct(const QString& productId);
    void buryProduct(const QString& productId);
    void clearPinsAndBurials();
    const QStringList& pinned() const { return m_pinned; }
    const QStringList& buried() const { return m_buried; }
    // What the rules did to the list shown ("1 out of stock hidden, 1 pinned"); empty if nothing.
    QString rulesSummary() const;

private:
    QWidget* createRulesRow();
    void showRowMenu(const QPoint& at);
    void refresh();
    QString itemTitle(int item) const;

    ModelsPtr m_result;
    QHash<QString, QString> m_titles; // product id -> title
    QComboBox* m_product;
    QComboBox* m_model;
    QLabel* m_description;
    QLabel* m_note;
    RecommendationListModel* m_list;
    QTableView* m_table;
    QCheckBox* m_outOfStock;
    QComboBox* m_purchasedBy;
    QSpinBox* m_cap;
    QCheckBox* m_killSwitch;
    QPushButton* m_clearPins;
    QLabel* m_rulesSummary;
    QStringList m_pinned;
    QStringList m_buried;
};

} // namespace merch::ui
