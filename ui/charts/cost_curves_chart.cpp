#include "charts/cost_curves_chart.h"

#include <QAbstractSeries>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"

namespace merch::ui {

CostCurvesChart::CostCurvesChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_weeks(new QValueAxis)
    , m_dollars(new QValueAxis)
    , m_breakEven(nullptr) {
    setObjectName(QStringLiteral("costCurvesChart"));
    setMinimumHeight(200);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    chart::styleAxis(m_weeks, font);
    chart::styleAxis(m_dollars, font);
    m_weeks->setLabelFormat(QStringLiteral("%.0f"));
    m_weeks->setTitleText(tr("Week"));
    m_dollars->setLabelFormat(QStringLiteral("$%.0fk"));
    m_chart->addAxis(m_weeks, Qt::AlignBottom);
    m_chart->addAxis(m_dollars, Qt::AlignLeft);
    chart::fillWithChart(this, m_chart);
}

CostCurvesChart::~CostCurvesChart() = default;

void CostCurvesChart::setResult(const merch::CostResult* result) {
    m_chart->removeAllSeries();
    m_breakEven = nullptr;
    if (!result)
        return;
    double top = 1;
    int weeks = 0;
    auto* breakEven = new QScatterSeries;
    breakEven->setName(tr("Break-even"));
    breakEven->setMarkerSize(11);
    breakEven->setColor(chart::truth());
    breakEven->setBorderColor(Qt::white);
    for (merch::CostPath p : merch::allCostPaths()) {
        const merch::PathResult& path = result->path(p);
        const QColor color = chart::pathColor(static_cast<int>(p));
        const QString label = QString::fromUtf8(merch::costPathLabel(p));
        auto* cost = new QLineSeries;
        auto* profit = new QLineSeries;
        cost->setName(tr("%1 cost").arg(label));
        profit->setName(label);
        QPen dashed(color, 2, Qt::DashLine);
        cost->setPen(dashed);
        profit->setPen(QPen(color, 2.5));
        cost->append(0, 0);
        profit->append(0, 0);
        weeks = static_cast<int>(path.cumulativeCost.size());
        for (int w = 0; w < weeks; ++w) {
            cost->append(w + 1, path.cumulativeCost[std::size_t(w)] / 1e3);
            profit->append(w + 1, path.cumulativeProfit[std::size_t(w)] / 1e3);
        }
        top = std::max({top, path.cumulativeCost.back() / 1e3, path.cumulativeProfit.back() / 1e3});
        if (path.paybackWeek > 0)
            breakEven->append(path.paybackWeek,
                              path.cumulativeCost[std::size_t(path.paybackWeek - 1)] / 1e3);
        for (QLineSeries* series : {cost, profit}) {
            m_chart->addSeries(series);
            series->attachAxis(m_weeks);
            series->attachAxis(m_dollars);
        }
    }
    for (QAbstractSeries* series : m_chart->series()) { // one legend entry per path
        if (series->name().endsWith(tr(" cost")))
            m_chart->legend()->markers(series).front()->setVisible(false);
    }
    m_chart->addSeries(breakEven);
    breakEven->attachAxis(m_weeks);
    breakEven->attachAxis(m_dollars);
    m_breakEven = breakEven;
    m_weeks->setRange(0, weeks);
    m_weeks->setTickCount(weeks % 26 == 0 ? weeks / 26 + 1 : 5); // half-years
    chart::setNiceRange(m_dollars, 0, top * 1.05, 6);
}

int CostCurvesChart::seriesCount() const {
    return static_cast<int>(m_chart->series().size());
}

QList<QPointF> CostCurvesChart::breakEvenPoints() const {
    return m_breakEven ? m_breakEven->points() : QList<QPointF>{};
}

} // namespace merch::ui
