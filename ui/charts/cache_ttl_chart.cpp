#include "charts/cache_ttl_chart.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QPen>
#include <QScatterSeries>
#include <QValueAxis>

#include "charts/chart_style.h"
#include "format.h"

namespace merch::ui {

CacheTtlChart::CacheTtlChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_ttl(new QLogValueAxis)
    , m_share(new QValueAxis) {
    setObjectName(QStringLiteral("cacheTtlChart"));
    setMinimumHeight(180);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    chart::styleAxis(m_ttl, font);
    chart::styleAxis(m_share, font);
    m_ttl->setBase(2);
    m_ttl->setLabelFormat(QStringLiteral("%.2g h"));
    m_ttl->setTitleText(tr("Cache TTL"));
    m_share->setLabelFormat(QStringLiteral("%.0f%%"));
    m_chart->addAxis(m_ttl, Qt::AlignBottom);
    m_chart->addAxis(m_share, Qt::AlignLeft);
    chart::fillWithChart(this, m_chart);
}

CacheTtlChart::~CacheTtlChart() = default;

void CacheTtlChart::setResult(const merch::CacheReplayResult* result) {
    m_chart->removeAllSeries();
    if (!result || result->points.empty())
        return;
    const bool projected = result->params.projectedRequestsPerDay > 0;
    struct Line {
        QString name;
        QColor color;
        Qt::PenStyle style;
        double merch::CachePoint::*value;
    };
    QList<Line> lines = {
        {tr("Served from cache, replayed (%1 a day)").arg(formatCompact(result->requestsPerDay)),
         chart::primary(), Qt::SolidLine, &merch::CachePoint::hitRate},
        {tr("Served stale, replayed"), chart::reference(), Qt::SolidLine,
         &merch::CachePoint::staleShare}};
    if (projected) {
        lines << Line{tr("Served from cache at %1 a day")
                          .arg(formatCompact(result->params.projectedRequestsPerDay)),
                      chart::primary(), Qt::DashLine, &merch::CachePoint::projectedHitRate}
              << Line{tr("Served stale at %1 a day")
                          .arg(formatCompact(result->params.projectedRequestsPerDay)),
                      chart::reference(), Qt::DashLine, &merch::CachePoint::projectedStaleShare};
    }
    double lowTtl = result->points.front().ttlHours, highTtl = lowTtl;
    for (const Line& line : lines) {
        auto* series = new QLineSeries;
        series->setName(line.name);
        series->setPen(QPen(line.color, 2.5, line.style));
        series->setPointsVisible(true);
        for (const merch::CachePoint& point : result->points) {
            series->append(point.ttlHours, point.*line.value * 100);
            lowTtl = std::min(lowTtl, point.ttlHours);
            highTtl = std::max(highTtl, point.ttlHours);
        }
        m_chart->addSeries(series);
        series->attachAxis(m_ttl);
        series->attachAxis(m_share);
    }
    m_ttl->setRange(lowTtl, highTtl);
    m_share->setRange(0, 100);
    m_share->setTickCount(6);
}

int CacheTtlChart::seriesCount() const {
    return static_cast<int>(m_chart->series().size());
}

} // namespace merch::ui
