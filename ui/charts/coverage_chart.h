// CoverageChart: the audit's attribute coverage as horizontal bars, one per field, with the
// readiness target drawn as a vertical line. Readiness fields (the five of the 95% rule) are
// coloured by whether they meet the target; the other fields are grey. Each bar's tooltip gives
// filled / applicable SKUs and the scope the engine measured over. Forward-declares the Qt
// Charts classes so no one outside ui/charts includes Qt Charts.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

#include "merch/audit.h"

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalStackedBarSeries;
class QLineSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class CoverageChart : public QWidget {
    Q_OBJECT
public:
    explicit CoverageChart(QWidget* parent = nullptr);
    ~CoverageChart() override;

    void setResult(std::shared_ptr<const merch::AuditResult> result);

    // Bars on the chart: one per field of the result's coverage.
    int barCount() const;
    // Field labels from the top of the chart down (the engine's field order).
    QStringList fieldLabels() const;
    // Where the target line is drawn, in percent (95 for the brief's target).
    double targetLineValue() const;
    // The tooltip of the bar of result->coverage[field].
    QString toolTipFor(int field) const;

private:
    void showToolTip(bool entered, int category);

    std::shared_ptr<const merch::AuditResult> m_result;
    QChartView* m_view;
    QChart* m_chart;
    QHorizontalStackedBarSeries* m_bars;
    QBarSet* m_meets;  // readiness fields at or above the target
    QBarSet* m_below;  // readiness fields below it
    QBarSet* m_others; // fields outside the readiness rule
    QLineSeries* m_target;
    QBarCategoryAxis* m_fields;
    QValueAxis* m_share;
    QValueAxis* m_rows; // hidden: places the target line across every bar
};

} // namespace merch::ui
