#include "charts/p_value_chart.h"

#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"

namespace merch::ui {

PValueChart::PValueChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_p(new QLineSeries)
    , m_alpha(new QLineSeries)
    , m_days(new QValueAxis)
    , m_value(new QValueAxis) {
    setObjectName(QStringLiteral("pValueChart"));
    setMinimumHeight(130);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    QPen p(chart::primary());
    p.setWidthF(3.0);
    m_p->setPen(p);
    m_p->setName(tr("p-value"));
    QPen alpha(chart::reference());
    alpha.setWidthF(2.0);
    alpha.setStyle(Qt::DashLine);
    m_alpha->setPen(alpha);
    m_chart->addSeries(m_alpha);
    m_chart->addSeries(m_p);
    chart::styleAxis(m_days, font);
    chart::styleAxis(m_value, font);
    m_days->setLabelFormat(QStringLiteral("%d"));
    m_value->setRange(0.0, 1.0);
    m_value->setTickCount(3);
    m_value->setLabelFormat(QStringLiteral("%.1f"));
    m_chart->addAxis(m_days, Qt::AlignBottom);
    m_chart->addAxis(m_value, Qt::AlignLeft);
    for (QAbstractSeries* series : m_chart->series()) {
        series->attachAxis(m_days);
        series->attachAxis(m_value);
    }
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

PValueChart::~PValueChart() = default;

void PValueChart::setReading(const merch::MetricReading* reading, double alpha) {
    if (!reading || reading->daily.empty()) {
        m_p->clear();
        m_alpha->clear();
        return;
    }
    QList<QPointF> points;
    for (const merch::DailyReading& d : reading->daily)
        points << QPointF(d.day, std::clamp(d.pValue, 0.0, 1.0));
    const qreal first = reading->daily.front().day;
    const qreal last = reading->daily.back().day;
    m_p->replace(points);
    m_alpha->setName(tr("p = %1").arg(alpha, 0, 'g', 3));
    m_alpha->replace({QPointF(first, alpha), QPointF(last, alpha)});
    m_days->setRange(first, std::max(last, first + 1));
    m_days->setTickCount(std::clamp(static_cast<int>(last - first) + 1, 2, 8));
}

void PValueChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    chart::setNiceRange(m_value, 0.0, 1.0, chart::ticksForHeight(height() - 70));
}

int PValueChart::pointCount() const {
    return static_cast<int>(m_p->count());
}

double PValueChart::alphaLineValue() const {
    return m_alpha->count() > 0 ? m_alpha->at(0).y() : 0.0;
}

} // namespace merch::ui
