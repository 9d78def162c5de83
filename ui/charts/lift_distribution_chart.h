// LiftDistributionChart: the distribution of measured lifts over the Monte Carlo replicate
// tests of one metric (a histogram, percent on the x axis), with the true lift and this run's
// measured lift marked, and the significant wins (what a vendor would publish) shaded apart.
// Forward-declares the Qt Charts classes.
#pragma once

#include <QList>
#include <QWidget>

#include "merch/experiment_replicates.h"

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class LiftDistributionChart : public QWidget {
    Q_OBJECT
public:
    explicit LiftDistributionChart(QWidget* parent = nullptr);
    ~LiftDistributionChart() override;

    // `replicates` null clears the chart. `measured` is this run's lift (a fraction).
    void setReplicates(const merch::ReplicateMetric* replicates, double measured);

    static constexpr int kBins = 30;
    QList<int> counts() const { return m_counts; } // replicates per bin
    double binLow() const { return m_low; }        // percent
    double binWidth() const { return m_width; }    // percent
    double trueMarker() const { return m_trueX; }  // percent; NaN when cleared
    double measuredMarker() const { return m_measuredX; }

private:
    QChartView* m_view;
    QChart* m_chart;
    QLineSeries* m_outline;
    QLineSeries* m_base;
    QAreaSeries* m_area;
    QLineSeries* m_truth;
    QLineSeries* m_measured;
    QValueAxis* m_x;
    QValueAxis* m_y;
    QList<int> m_counts;
    double m_low = 0, m_width = 0;
    double m_trueX = 0, m_measuredX = 0;
};

} // namespace merch::ui
