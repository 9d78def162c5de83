// CostBarsChart: year-one cost per path as stacked bars (build people, run people, SaaS fees,
// infrastructure), in thousands of dollars.
#pragma once

#include <QWidget>

#include "merch/cost_model.h"

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QStackedBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class CostBarsChart : public QWidget {
    Q_OBJECT
public:
    explicit CostBarsChart(QWidget* parent = nullptr);
    ~CostBarsChart() override;

    void setResult(const merch::CostResult* result); // nullptr clears

    // Thousands of dollars per path for one kind (0 build people .. 3 infrastructure).
    QList<qreal> values(int kind) const;

private:
    QChart* m_chart;
    QStackedBarSeries* m_series;
    QList<QBarSet*> m_sets;
    QBarCategoryAxis* m_paths;
    QValueAxis* m_dollars;
};

} // namespace merch::ui
