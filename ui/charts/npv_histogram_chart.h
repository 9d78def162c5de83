// NpvHistogramChart: how the 3-year NPV of each path spreads over the Monte Carlo draws (a
// line per path over its own bins), with zero marked.
#pragma once

#include <QWidget>

#include "merch/cost_uncertainty.h"

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class NpvHistogramChart : public QWidget {
    Q_OBJECT
public:
    explicit NpvHistogramChart(QWidget* parent = nullptr);
    ~NpvHistogramChart() override;

    void setResult(const merch::UncertaintyResult* result);
    int seriesCount() const;

private:
    QChart* m_chart;
    QValueAxis* m_npv;
    QValueAxis* m_share;
};

} // namespace merch::ui
