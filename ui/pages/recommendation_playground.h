// RecommendationPlayground: pick a product (a searchable list) and a model, see its top 10
// "you may also like" items with the model's reason for each (products named by title). The
// models were trained on all sessions by the ModelsRunner; answering takes microseconds, so it
// runs on the UI thread.
#pragma once

#include <QHash>
#include <QWidget>

#include <functional>
#include <string>

#include "jobs/models_runner.h"

class QComboBox;
class QLabel;
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

private:
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
};

} // namespace merch::ui
