// CacheTtlChart: the recommendation cache's trade-off over TTLs (log scale): the share of
// requests served from cache, replayed at the store's traffic and projected to the configured
// impressions a day, against the share served stale.
#pragma once

#include <QWidget>

#include "merch/recommendation_cache.h"

QT_BEGIN_NAMESPACE
class QChart;
class QLogValueAxis;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class CacheTtlChart : public QWidget {
    Q_OBJECT
public:
    explicit CacheTtlChart(QWidget* parent = nullptr);
    ~CacheTtlChart() override;

    void setResult(const merch::CacheReplayResult* result);
    int seriesCount() const;

private:
    QChart* m_chart;
    QLogValueAxis* m_ttl;
    QValueAxis* m_share;
};

} // namespace merch::ui
