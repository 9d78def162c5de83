// LiftBarsChart: the vendor-reported lift beside the clean test's measured lift and the world's
// true lift per metric, as grouped bars (percent). Forward-declares the Qt Charts classes.
#pragma once

#include <QStringList>
#include <QWidget>

#include "merch/experiment.h"

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class LiftBarsChart : public QWidget {
    Q_OBJECT
public:
    explicit LiftBarsChart(QWidget* parent = nullptr);
    ~LiftBarsChart() override;

    void setResult(std::shared_ptr<const merch::ExperimentResult> result);

    QStringList barSetLabels() const;
    QList<qreal> values(int set) const; // 0 vendor, 1 measured, 2 true; percent per metric
    QStringList metricLabels() const;

private:
    QChartView* m_view;
    QChart* m_chart;
    QBarSeries* m_bars;
    QBarSet* m_vendor;
    QBarSet* m_measured;
    QBarSet* m_true;
    QBarCategoryAxis* m_metrics;
    QValueAxis* m_percent;
};

} // namespace merch::ui
