// PValueChart: one metric's p-value day by day, with the significance level drawn as a
// horizontal line (the peeking line: a test stopped the first day p dips below it stops too
// early). Forward-declares the Qt Charts classes.
#pragma once

#include <QWidget>

#include "merch/experiment.h"

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class PValueChart : public QWidget {
    Q_OBJECT
public:
    explicit PValueChart(QWidget* parent = nullptr);
    ~PValueChart() override;

    void setReading(const merch::MetricReading* reading, double alpha);

    int pointCount() const;
    double alphaLineValue() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QChartView* m_view;
    QChart* m_chart;
    QLineSeries* m_p;
    QLineSeries* m_alpha;
    QValueAxis* m_days;
    QValueAxis* m_value;
};

} // namespace merch::ui
