#include "charts/npv_histogram_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"

namespace merch::ui {

NpvHistogramChart::NpvHistogramChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_npv(new QValueAxis)
    , m_share(new QValueAxis) {
    setObjectName(QStringLiteral("npvHistogramChart"));
    setMinimumHeight(180);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    chart::styleAxis(m_npv, font);
    chart::styleAxis(m_share, font);
    m_npv->setLabelFormat(QStringLiteral("$%.0fk"));
    m_npv->setTitleText(tr("3-year NPV"));
    m_share->setLabelFormat(QStringLiteral("%.0f%%"));
    m_share->setTitleText(tr("Share of draws"));
    m_chart->addAxis(m_npv, Qt::AlignBottom);
    m_chart->addAxis(m_share, Qt::AlignLeft);
    chart::fillWithChart(this, m_chart);
}

NpvHistogramChart::~NpvHistogramChart() = default;

void NpvHistogramChart::setResult(const merch::UncertaintyResult* result) {
    m_chart->removeAllSeries();
    if (!result)
        return;
    double low = 0, high = 0, top = 1;
    for (merch::CostPath p : merch::allCostPaths()) {
        const merch::PathUncertainty& u = result->path(p);
        const int bins = static_cast<int>(u.npvHistogram.size());
        const double width = bins > 0 ? (u.npvMax - u.npvMin) / bins : 0;
        auto* series = new QLineSeries;
        series->setName(QString::fromUtf8(merch::costPathLabel(p)));
        series->setPen(QPen(chart::pathColor(static_cast<int>(p)), 2.5));
        for (int b = 0; b < bins; ++b) { // a step outline of the histogram
            const double share = 100.0 * u.npvHistogram[std::size_t(b)] / result->draws;
            series->append((u.npvMin + b * width) / 1e3, share);
            series->append((u.npvMin + (b + 1) * width) / 1e3, share);
            top = std::max(top, share);
        }
        low = std::min(low, u.npvMin / 1e3);
        high = std::max(high, u.npvMax / 1e3);
        m_chart->addSeries(series);
        series->attachAxis(m_npv);
        series->attachAxis(m_share);
    }
    auto* zero = new QLineSeries;
    zero->setName(tr("Break-even (NPV 0)"));
    zero->setPen(QPen(chart::reference(), 1.5, Qt::DashLine));
    zero->append(0, 0);
    zero->append(0, top * 1.1);
    m_chart->addSeries(zero);
    zero->attachAxis(m_npv);
    zero->attachAxis(m_share);
    chart::setNiceRange(m_npv, low, high, 7);
    chart::setNiceRange(m_share, 0, top * 1.1, 5);
}

int NpvHistogramChart::seriesCount() const {
    return static_cast<int>(m_chart->series().size());
}

} // namespace merch::ui
