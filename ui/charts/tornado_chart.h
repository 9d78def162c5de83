// TornadoChart: which inputs move the recommended path's payback most. Each input is a row;
// its bars run from the base payback week to the week with the input at its low and at its
// high end. When the path does not pay back at base inputs, the bars show NPV instead.
#pragma once

#include <QStringList>
#include <QWidget>

#include "merch/cost_uncertainty.h"

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QHorizontalStackedBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class TornadoChart : public QWidget {
    Q_OBJECT
public:
    explicit TornadoChart(QWidget* parent = nullptr);
    ~TornadoChart() override;

    // `basePaybackWeek` -1: chart NPV ($k) around `baseNpv` instead of weeks.
    void setResult(const merch::UncertaintyResult* result, int basePaybackWeek, double baseNpv,
                   int horizonWeeks);

    QStringList inputLabels() const; // top row first
    bool showsWeeks() const { return m_weeks; }

private:
    QChart* m_chart;
    QHorizontalStackedBarSeries* m_series;
    QBarSet* m_low;
    QBarSet* m_high;
    QBarCategoryAxis* m_inputs;
    QValueAxis* m_change;
    bool m_weeks = true;
};

} // namespace merch::ui
