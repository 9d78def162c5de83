// LiftOverTimeChart: one metric's cumulative measured lift day by day over the runway, with
// the fixed-horizon confidence band (what a daily peek shows) shaded, the sequential interval
// (valid to read every day) as dashed lines, and the world's true lift as a horizontal line.
// Forward-declares the Qt Charts classes so no one outside ui/charts includes Qt Charts.
#pragma once

#include <QWidget>

#include "merch/experiment.h"

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class LiftOverTimeChart : public QWidget {
    Q_OBJECT
public:
    explicit LiftOverTimeChart(QWidget* parent = nullptr);
    ~LiftOverTimeChart() override;

    // Shows `reading` (copied); null clears the chart.
    void setReading(const merch::MetricReading* reading);

    int pointCount() const;           // points of the measured-lift line (one per day)
    double trueLiftLineValue() const; // where the true-lift line is drawn, in percent
    // The measured lift of day `index` (0-based) as drawn, in percent.
    double pointValue(int index) const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void fitAxis();

    double m_low = -1.0;
    double m_high = 1.0;
    QChartView* m_view;
    QChart* m_chart;
    QLineSeries* m_lift;
    QLineSeries* m_ciLow;
    QLineSeries* m_ciHigh;
    QAreaSeries* m_band;
    QLineSeries* m_seqLow;
    QLineSeries* m_seqHigh;
    QLineSeries* m_truth;
    QLineSeries* m_zero;
    QValueAxis* m_days;
    QValueAxis* m_percent;
};

} // namespace merch::ui
