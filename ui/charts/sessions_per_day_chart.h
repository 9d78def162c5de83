// SessionsPerDayChart: browsing sessions per day as a line over a date axis, sized and styled
// to be read from the back of a room. The only Store-page code that touches Qt Charts; this
// header forward-declares the chart classes so no one else includes Qt Charts.
#pragma once

#include <QWidget>

#include <vector>

#include "merch/store_summary.h"

QT_BEGIN_NAMESPACE
class QAreaSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QStackedLayout;
class QValueAxis;
class QLabel;
QT_END_NAMESPACE

namespace merch::ui {

class SessionsPerDayChart : public QWidget {
    Q_OBJECT
public:
    explicit SessionsPerDayChart(QWidget* parent = nullptr);
    ~SessionsPerDayChart() override;

    void setDays(const std::vector<merch::DayCount>& days);
    // Points on the line: one per day of the store's date range.
    int pointCount() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showTooltip(const QPointF& point, bool entered);
    void updateTickCount();

    std::vector<merch::DayCount> m_days;
    QStackedLayout* m_stack;
    QLabel* m_empty;
    QChartView* m_view;
    QChart* m_chart;
    QLineSeries* m_line;
    QLineSeries* m_fillEdge; // the area's upper edge (an area needs a series of its own)
    QAreaSeries* m_area;
    QDateTimeAxis* m_xAxis;
    QValueAxis* m_yAxis;
};

} // namespace merch::ui
