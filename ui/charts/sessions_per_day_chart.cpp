#include "charts/sessions_per_day_chart.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLabel>
#include <QLineSeries>
#include <QLinearGradient>
#include <QStackedLayout>
#include <QTimeZone>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "app_style.h"
#include "format.h"

namespace merch::ui {
namespace {

// QDateTimeAxis shows local time; place each UTC day at local midnight of the same date so the
// labels read the store's dates in every time zone.
qreal axisPosition(std::int64_t dayStartUtc) {
    const QDate date = QDateTime::fromSecsSinceEpoch(dayStartUtc, QTimeZone::utc()).date();
    return static_cast<qreal>(QDateTime(date, QTime(0, 0)).toMSecsSinceEpoch());
}

constexpr qreal kHalfDayMs = 12.0 * 3600.0 * 1000.0;

void styleAxis(QAbstractAxis* axis, const QFont& font) {
    axis->setLabelsFont(font);
    axis->setLabelsColor(palette::mutedText());
    axis->setLinePenColor(palette::border());
    axis->setGridLineColor(QColor(0xee, 0xf2, 0xf6));
    axis->setTitleVisible(false);
}

} // namespace

SessionsPerDayChart::SessionsPerDayChart(QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_empty(new QLabel(tr("No sessions recorded yet"), this))
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_line(new QLineSeries)
    , m_fillEdge(new QLineSeries(this))
    , m_area(new QAreaSeries(m_fillEdge))
    , m_xAxis(new QDateTimeAxis)
    , m_yAxis(new QValueAxis) {
    setObjectName(QStringLiteral("sessionsPerDayChart"));
    setMinimumHeight(180);

    QFont labels = font();
    labels.setPointSizeF(10.5);

    m_chart->legend()->hide();
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setBackgroundBrush(Qt::white);
    m_chart->setMargins(QMargins(0, 6, 8, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);

    QLinearGradient fill(0, 0, 0, 1);
    fill.setCoordinateMode(QGradient::ObjectBoundingMode);
    QColor top = palette::accent();
    top.setAlpha(70);
    QColor bottom = palette::accent();
    bottom.setAlpha(8);
    fill.setColorAt(0, top);
    fill.setColorAt(1, bottom);
    m_area->setBrush(fill);
    m_area->setPen(Qt::NoPen);
    m_chart->addSeries(m_area);

    QPen line(palette::accent());
    line.setWidthF(3.0);
    line.setCapStyle(Qt::RoundCap);
    line.setJoinStyle(Qt::RoundJoin);
    m_line->setPen(line);
    m_line->setName(tr("Sessions"));
    m_chart->addSeries(m_line);

    m_xAxis->setFormat(QStringLiteral("MMM d"));
    m_yAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_yAxis->setMinorTickCount(0);
    styleAxis(m_xAxis, labels);
    styleAxis(m_yAxis, labels);
    m_chart->addAxis(m_xAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yAxis, Qt::AlignLeft);
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(m_area), static_cast<QAbstractSeries*>(m_line)}) {
        series->attachAxis(m_xAxis);
        series->attachAxis(m_yAxis);
    }

    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    connect(m_line, &QLineSeries::hovered, this, &SessionsPerDayChart::showTooltip);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setObjectName(QStringLiteral("cardNote"));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_view);
    m_stack->setCurrentWidget(m_empty);
}

SessionsPerDayChart::~SessionsPerDayChart() = default;

void SessionsPerDayChart::setDays(const std::vector<merch::DayCount>& days) {
    m_days = days;
    QList<QPointF> points;
    points.reserve(static_cast<qsizetype>(days.size()));
    std::int64_t peak = 0;
    for (const merch::DayCount& day : days) {
        points.append({axisPosition(day.dayStart), static_cast<qreal>(day.sessions)});
        peak = std::max(peak, day.sessions);
    }
    m_line->replace(points);
    m_fillEdge->replace(points);
    if (points.isEmpty()) {
        m_stack->setCurrentWidget(m_empty);
        return;
    }

    const qreal first = points.front().x();
    const qreal last = points.back().x();
    const qreal padding = first == last ? kHalfDayMs : 0.0;
    m_xAxis->setRange(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(first - padding)),
                      QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(last + padding)));
    updateTickCount();
    m_yAxis->setRange(0.0, std::max<qreal>(1.0, static_cast<qreal>(peak) * 1.08));
    m_yAxis->applyNiceNumbers();
    m_stack->setCurrentWidget(m_view);
}

void SessionsPerDayChart::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    updateTickCount();
}

// One date label per ~110 px, never more labels than days: the labels never collide.
void SessionsPerDayChart::updateTickCount() {
    const int days = std::max(2, static_cast<int>(m_days.size()));
    m_xAxis->setTickCount(std::clamp(width() / 110 + 1, 2, std::min(days, 9)));
}

int SessionsPerDayChart::pointCount() const {
    return static_cast<int>(m_line->count());
}

void SessionsPerDayChart::showTooltip(const QPointF& point, bool entered) {
    if (!entered || m_days.empty()) {
        QToolTip::hideText();
        return;
    }
    const QList<QPointF> points = m_line->points();
    const auto nearest = std::min_element(
        points.begin(), points.end(), [&point](const QPointF& a, const QPointF& b) {
            return std::abs(a.x() - point.x()) < std::abs(b.x() - point.x());
        });
    const auto index = static_cast<std::size_t>(std::distance(points.begin(), nearest));
    if (index >= m_days.size())
        return;
    const merch::DayCount& day = m_days[index];
    QToolTip::showText(
        QCursor::pos(),
        tr("%1: %2 sessions").arg(formatDay(day.dayStart), formatCount(day.sessions)), m_view);
}

} // namespace merch::ui
