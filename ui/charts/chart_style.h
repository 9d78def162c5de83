// Shared look of the page charts (ui/charts only): a white, flat QChart with muted axes, and
// the colours the Models and Lift charts use for their series.
#pragma once

#include <QColor>
#include <QFont>

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QChart;
class QChartView;
class QValueAxis;
class QWidget;
QT_END_NAMESPACE

namespace merch::ui::chart {

// No animation, white background, no outer margins, legend at the bottom in `font`.
void styleChart(QChart* chart, const QFont& font);
void styleAxis(QAbstractAxis* axis, const QFont& font);
// Sets a round range covering [low, high] with at most `maxTicks` ticks (steps of 1, 2 or 5
// times a power of ten), so vertical labels never crowd into "…".
void setNiceRange(QValueAxis* axis, double low, double high, int maxTicks);
// How many ticks fit a vertical axis of `height` pixels without labels touching.
int ticksForHeight(int height);
// The base font of chart labels: readable on a projector.
QFont labelFont(const QFont& base);

// A frameless, antialiased view of `chart` filling `owner` (which gets a zero-margin layout).
QChartView* fillWithChart(QWidget* owner, QChart* chart);

// One colour per build/buy path: SaaS, hybrid, custom (index 0..2).
QColor pathColor(int index);

QColor primary();   // the measured value / the main metric
QColor secondary(); // the second metric / the sequential band
QColor truth();     // the world's true value
QColor reference(); // thresholds (the 0.05 line)

} // namespace merch::ui::chart
