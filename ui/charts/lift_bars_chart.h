// LiftBarsChart: measured against true lift per metric, as grouped bars (percent). The
// vendor-reported lift joins as a third set when the engine simulates it. Forward-declares
// the Qt Charts classes.
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
    QList<qreal> values(int set) const; // percent, one per metric
    QStringList metricLabels() const;

private:
    QChartView* m_view;
    QChart* m_chart;
    QBarSeries* m_bars;
    QBarSet* m_measured;
    QBarSet* m_true;
    QBarCategoryAxis* m_metrics;
    QValueAxis* m_percent;
};

} // namespace merch::ui
