// Painting helpers of the report renderer: text in points, tables and charts drawn with
// QPainter primitives (vector in a PDF). Every function takes a 72-dpi measuring device so
// heights computed for layout match what is painted.
#pragma once

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

#include "merch/report.h"

class QPaintDevice;
class QPainter;

namespace merch::ui::report {

QFont font(double points, bool bold = false);
QColor paletteColor(int index);
QColor ink();
QColor muted();

// Height of `text` wrapped to `width` in `f`.
double textHeight(const QString& text, const QFont& f, double width, QPaintDevice* measure);
// Draws wrapped text at the top of `rect`; returns the height used.
double drawText(QPainter& painter, const QString& text, const QFont& f, const QRectF& rect,
                QPaintDevice* measure, const QColor& color = ink());

double tableHeight(const merch::ReportTable& table, double width, QPaintDevice* measure);
void drawTable(QPainter& painter, const merch::ReportTable& table, const QRectF& rect,
               QPaintDevice* measure);

inline constexpr double kChartHeight = 215;
void drawChart(QPainter& painter, const merch::ReportChart& chart, const QRectF& rect,
               QPaintDevice* measure);

} // namespace merch::ui::report
