#include "charts/lift_over_time_chart.h"

#include <QAreaSeries>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "charts/chart_style.h"

namespace merch::ui {
namespace {

QPen linePen(const QColor& color, qreal width, Qt::PenStyle style = Qt::SolidLine) {
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    return pen;
}

} // namespace

LiftOverTimeChart::LiftOverTimeChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_lift(new QLineSeries)
    , m_ciLow(new QLineSeries(this))
    , m_ciHigh(new QLineSeries(this))
    , m_band(new QAreaSeries(m_ciHigh, m_ciLow))
    , m_seqLow(new QLineSeries)
    , m_seqHigh(new QLineSeries)
    , m_truth(new QLineSeries)
    , m_zero(new QLineSeries)
    , m_days(new QValueAxis)
    , m_percent(new QValueAxis) {
    setObjectName(QStringLiteral("liftOverTimeChart"));
    setMinimumHeight(170);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);

    QColor band = chart::primary();
    band.setAlpha(45);
    m_band->setBrush(band);
    m_band->setPen(Qt::NoPen);
    m_band->setName(tr("95% CI (fixed test)"));
    m_seqLow->setPen(linePen(chart::secondary(), 2.0, Qt::DashLine));
    m_seqLow->setName(tr("Sequential interval"));
    m_seqHigh->setPen(linePen(chart::secondary(), 2.0, Qt::DashLine));
    m_truth->setPen(linePen(chart::truth(), 2.5));
    m_truth->setName(tr("True lift"));
    m_zero->setPen(linePen(QColor(0x94, 0xa3, 0xb8), 1.0));
    m_lift->setPen(linePen(chart::primary(), 3.0));
    m_lift->setName(tr("Measured lift"));
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(m_band), static_cast<QAbstractSeries*>(m_zero),
          static_cast<QAbstractSeries*>(m_seqLow), static_cast<QAbstractSeries*>(m_seqHigh),
          static_cast<QAbstractSeries*>(m_truth), static_cast<QAbstractSeries*>(m_lift)})
        m_chart->addSeries(series);

    chart::styleAxis(m_days, font);
    chart::styleAxis(m_percent, font);
    m_days->setLabelFormat(QStringLiteral("%d"));
    m_percent->setLabelFormat(QStringLiteral("%+.0f%%"));
    m_chart->addAxis(m_days, Qt::AlignBottom);
    m_chart->addAxis(m_percent, Qt::AlignLeft);
    for (QAbstractSeries* series : m_chart->series()) {
        series->attachAxis(m_days);
        series->attachAxis(m_percent);
    }
    // One legend entry per meaning: hide the second sequential line and the zero line.
    m_chart->legend()->markers(m_seqHigh).front()->setVisible(false);
    m_chart->legend()->markers(m_zero).front()->setVisible(false);

    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

LiftOverTimeChart::~LiftOverTimeChart() = default;

void LiftOverTimeChart::setReading(const merch::MetricReading* reading) {
    QList<QPointF> lift, ciLow, ciHigh, seqLow, seqHigh;
    if (!reading) {
        for (QLineSeries* s : {m_lift, m_ciLow, m_ciHigh, m_seqLow, m_seqHigh, m_truth, m_zero})
            s->clear();
        return;
    }
    // The axis follows the fixed band after the first days (the first day's interval can be
    // enormous); the sequential interval is clipped to the visible range.
    double low = std::min(0.0, reading->trueLift * 100.0);
    double high = std::max(0.0, reading->trueLift * 100.0);
    const std::size_t days = reading->daily.size();
    const std::size_t settle = days >= 14 ? days / 7 : (days > 4 ? 2 : 0);
    for (std::size_t i = 0; i < reading->daily.size(); ++i) {
        const merch::DailyReading& d = reading->daily[i];
        const qreal x = d.day;
        lift << QPointF(x, d.lift * 100.0);
        ciLow << QPointF(x, d.ciLow * 100.0);
        ciHigh << QPointF(x, d.ciHigh * 100.0);
        if (i >= settle && std::isfinite(d.ciLow) && std::isfinite(d.ciHigh)) {
            low = std::min(low, d.ciLow * 100.0);
            high = std::max(high, d.ciHigh * 100.0);
        }
        low = std::min(low, d.lift * 100.0);
        high = std::max(high, d.lift * 100.0);
    }
    const double pad = std::max(1.0, (high - low) * 0.08);
    low -= pad;
    high += pad;
    const auto clip = [low, high](double value) {
        return std::isfinite(value) ? std::clamp(value * 100.0, low, high)
                                    : (value > 0 ? high : low);
    };
    for (QPointF& p : ciLow)
        p.setY(std::clamp(p.y(), low, high));
    for (QPointF& p : ciHigh)
        p.setY(std::clamp(p.y(), low, high));
    for (const merch::DailyReading& d : reading->daily) {
        seqLow << QPointF(d.day, clip(d.sequentialLow));
        seqHigh << QPointF(d.day, clip(d.sequentialHigh));
    }
    const qreal first = reading->daily.empty() ? 1 : reading->daily.front().day;
    const qreal last = reading->daily.empty() ? 1 : reading->daily.back().day;
    m_lift->replace(lift);
    m_ciLow->replace(ciLow);
    m_ciHigh->replace(ciHigh);
    m_seqLow->replace(seqLow);
    m_seqHigh->replace(seqHigh);
    m_truth->replace(
        {QPointF(first, reading->trueLift * 100.0), QPointF(last, reading->trueLift * 100.0)});
    m_zero->replace({QPointF(first, 0.0), QPointF(last, 0.0)});
    m_days->setRange(first, std::max(last, first + 1));
    m_days->setTickCount(std::clamp(static_cast<int>(last - first) + 1, 2, 8));
    m_low = low;
    m_high = high;
    fitAxis();
}

void LiftOverTimeChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitAxis();
}

void LiftOverTimeChart::fitAxis() {
    chart::setNiceRange(m_percent, m_low, m_high, chart::ticksForHeight(height() - 60));
}

int LiftOverTimeChart::pointCount() const {
    return static_cast<int>(m_lift->count());
}

double LiftOverTimeChart::trueLiftLineValue() const {
    return m_truth->count() > 0 ? m_truth->at(0).y() : 0.0;
}

double LiftOverTimeChart::pointValue(int index) const {
    return m_lift->at(index).y();
}

} // namespace merch::ui
