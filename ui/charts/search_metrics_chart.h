// SearchMetricsChart: MAP@5 and the share of test searches with no result, per search method
// (the evaluation's order, top to bottom), as grouped horizontal bars.
// Forward-declares the Qt Charts classes so no one outside ui/charts includes Qt Charts.
#pragma once

#include <QStringList>
#include <QWidget>

#include "jobs/search_runner.h"

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class SearchMetricsChart : public QWidget {
    Q_OBJECT
public:
    explicit SearchMetricsChart(QWidget* parent = nullptr);
    ~SearchMetricsChart() override;

    void setData(SearchDataPtr data);

    QStringList methodLabels() const; // the evaluation's order, short ("+ clicks")
    QList<qreal> mapValues() const;
    QList<qreal> zeroResultValues() const; // share of searches, 0..1

private:
    static QList<qreal> values(const QBarSet* set);
    QChartView* m_view;
    QChart* m_chart;
    QHorizontalBarSeries* m_bars;
    QBarSet* m_map;
    QBarSet* m_zero;
    QBarCategoryAxis* m_methods;
    QValueAxis* m_value;
};

} // namespace merch::ui
