// ModelSettingsPanel: the Models page's editable settings (evaluation k, test days, whether the
// current item may be recommended; item-kNN window and shrinkage; session-kNN neighbours) and
// the "Train and evaluate" button. Each widget is checked by the engine's own validate()
// (EvaluationParams / RecommenderParams) and the message is shown right under it; the button
// is disabled while any value is invalid.
#pragma once

#include <QWidget>

#include "merch/rec_evaluation.h"
#include "merch/recommender.h"

class QCheckBox;
class QDoubleSpinBox;
class QGridLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace merch::ui {

class ModelSettingsPanel : public QWidget {
    Q_OBJECT
public:
    enum Field { K, TestDays, Window, Shrinkage, Neighbours, FieldCount };

    explicit ModelSettingsPanel(QWidget* parent = nullptr);

    merch::EvaluationParams evaluationParams() const;
    merch::RecommenderParams recommenderParams() const;
    bool isValid() const;
    // The validation message shown next to `field`'s widget; empty when the value is valid.
    QString errorFor(Field field) const;

    QSpinBox* kSpin() const { return m_k; }
    QDoubleSpinBox* testDaysSpin() const { return m_testDays; }
    QCheckBox* currentItemCheck() const { return m_currentItem; }
    QSpinBox* windowSpin() const { return m_window; }
    QDoubleSpinBox* shrinkageSpin() const { return m_shrinkage; }
    QSpinBox* neighboursSpin() const { return m_neighbours; }
    QPushButton* trainButton() const { return m_train; }

signals:
    void trainRequested();

private:
    void addField(QGridLayout* grid, int row, const QString& label, QWidget* widget,
                  const QString& tip);
    void validate();

    QSpinBox* m_k;
    QDoubleSpinBox* m_testDays;
    QCheckBox* m_currentItem;
    QSpinBox* m_window;
    QDoubleSpinBox* m_shrinkage;
    QSpinBox* m_neighbours;
    QPushButton* m_train;
    QLabel* m_errors[FieldCount] = {};
};

} // namespace merch::ui
