// CostCurvesChart: for each path, cumulative cost (dashed) and cumulative incremental gross
// profit (solid) week by week, with a marker where profit overtakes cost (break-even). The
// legend names each path once (its colour); the card's note explains dashed and solid.
#pragma once

#include <QWidget>

#include "merch/cost_model.h"

QT_BEGIN_NAMESPACE
class QChart;
class QScatterSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class CostCurvesChart : public QWidget {
    Q_OBJECT
public:
    explicit CostCurvesChart(QWidget* parent = nullptr);
    ~CostCurvesChart() override;

    void setResult(const merch::CostResult* result);

    int seriesCount() const;
    QList<QPointF> breakEvenPoints() const; // (week, $k)

private:
    QChart* m_chart;
    QValueAxis* m_weeks;
    QValueAxis* m_dollars;
    QScatterSeries* m_breakEven;
};

} // namespace merch::ui
