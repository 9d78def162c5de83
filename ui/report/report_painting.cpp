#include "report/report_painting.h"

#include <QFontMetricsF>
#include <QPaintDevice>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace merch::ui::report {

namespace {

constexpr double kCellPadding = 4;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString formatValue(const std::string& format, double value) {
    char text[64];
    std::snprintf(text, sizeof text, format.c_str(), value);
    return QString::fromUtf8(text);
}

// Round axis limits and step: 1, 2 or 5 times a power of ten, at most `ticks` intervals.
struct Axis {
    double low = 0, high = 1, step = 1;
};
Axis niceAxis(double low, double high, int ticks) {
    if (!(high > low))
        high = low + 1;
    const double raw = (high - low) / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (double m : {1.0, 2.0, 5.0, 10.0}) {
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    }
    return {std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

std::vector<double> columnWidths(const merch::ReportTable& table, double width) {
    const std::size_t columns = table.header.size();
    std::vector<double> weights = table.columnWeights;
    weights.resize(columns, 1.0);
    double total = 0;
    for (double w : weights)
        total += w;
    std::vector<double> widths;
    for (double w : weights)
        widths.push_back(width * w / total);
    return widths;
}

double rowHeight(const std::vector<std::string>& cells, const std::vector<double>& widths,
                 const QFont& f, QPaintDevice* measure) {
    double height = 0;
    for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c)
        height =
            std::max(height, textHeight(qs(cells[c]), f, widths[c] - 2 * kCellPadding, measure));
    return height + 2 * kCellPadding;
}

} // namespace

QFont font(double points, bool bold) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPointSizeF(points);
    f.setBold(bold);
    return f;
}

QColor paletteColor(int index) {
    static const QColor colors[] = {QColor(0x4f, 0x46, 0xe5), QColor(0x0e, 0xa5, 0xe9),
                                    QColor(0x16, 0xa3, 0x4a), QColor(0x7c, 0x3a, 0xed),
                                    QColor(0xf5, 0x9e, 0x0b)};
    return colors[static_cast<std::size_t>(std::abs(index)) % 5];
}

QColor ink() {
    return QColor(0x0f, 0x17, 0x2a);
}

QColor muted() {
    return QColor(0x64, 0x74, 0x8b);
}

double textHeight(const QString& text, const QFont& f, double width, QPaintDevice* measure) {
    const QFontMetricsF metrics(f, measure);
    return metrics.boundingRect(QRectF(0, 0, width, 1e6), Qt::TextWordWrap, text).height();
}

double drawText(QPainter& painter, const QString& text, const QFont& f, const QRectF& rect,
                QPaintDevice* measure, const QColor& color) {
    const double height = textHeight(text, f, rect.width(), measure);
    painter.setFont(f);
    painter.setPen(color);
    painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), height + 1), Qt::TextWordWrap,
                     text);
    return height;
}

double tableHeight(const merch::ReportTable& table, double width, QPaintDevice* measure) {
    const auto widths = columnWidths(table, width);
    double height = rowHeight(table.header, widths, font(8.5, true), measure);
    for (const auto& row : table.rows)
        height += rowHeight(row, widths, font(8.5), measure);
    return height;
}

void drawTable(QPainter& painter, const merch::ReportTable& table, const QRectF& rect,
               QPaintDevice* measure) {
    const auto widths = columnWidths(table, rect.width());
    double y = rect.top();
    const auto drawRow = [&](const std::vector<std::string>& cells, const QFont& f,
                             const QColor& fill) {
        const double h = rowHeight(cells, widths, f, measure);
        if (fill.isValid())
            painter.fillRect(QRectF(rect.left(), y, rect.width(), h), fill);
        double x = rect.left();
        for (std::size_t c = 0; c < cells.size() && c < widths.size(); ++c) {
            drawText(painter, qs(cells[c]), f,
                     QRectF(x + kCellPadding, y + kCellPadding, widths[c] - 2 * kCellPadding, h),
                     measure);
            x += widths[c];
        }
        y += h;
        painter.setPen(QPen(QColor(0xe2, 0xe8, 0xf0), 0.5));
        painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y));
    };
    drawRow(table.header, font(8.5, true), QColor(0xee, 0xf2, 0xff));
    bool shade = false;
    for (const auto& row : table.rows) {
        drawRow(row, font(8.5), shade ? QColor(0xf8, 0xfa, 0xfc) : QColor());
        shade = !shade;
    }
}

void drawChart(QPainter& painter, const merch::ReportChart& chart, const QRectF& rect,
               QPaintDevice* measure) {
    using Kind = merch::ReportChart::Kind;
    painter.save();
    const double titleHeight = drawText(painter, qs(chart.title), font(9.5, true), rect, measure);
    const bool horizontal = chart.kind == Kind::HorizontalBars;
    const double left = rect.left() + (horizontal ? 150 : 46);
    QRectF plot(left, rect.top() + titleHeight + 8, rect.right() - left - 8,
                rect.height() - titleHeight - 8 - (horizontal ? 34 : 46));
    // Value range over every series and the reference line.
    double low = 0, high = 0;
    double xLow = 0, xHigh = 1;
    bool firstX = true;
    for (const auto& series : chart.series) {
        for (double v : series.y) {
            low = std::min(low, v);
            high = std::max(high, v);
        }
        for (double x : series.x) {
            xLow = firstX ? x : std::min(xLow, x);
            xHigh = firstX ? x : std::max(xHigh, x);
            firstX = false;
        }
    }
    if (chart.referenceY) {
        low = std::min(low, *chart.referenceY);
        high = std::max(high, *chart.referenceY);
    }
    const Axis axis = niceAxis(low, high, 5);
    const auto valuePos = [&](double v) {
        const double t = (v - axis.low) / (axis.high - axis.low);
        return horizontal ? plot.left() + t * plot.width() : plot.bottom() - t * plot.height();
    };
    // Grid and value labels.
    painter.setFont(font(7.5));
    for (double v = axis.low; v <= axis.high + axis.step / 2; v += axis.step) {
        painter.setPen(QPen(QColor(0xe2, 0xe8, 0xf0), 0.6));
        const double p = valuePos(v);
        if (horizontal)
            painter.drawLine(QPointF(p, plot.top()), QPointF(p, plot.bottom()));
        else
            painter.drawLine(QPointF(plot.left(), p), QPointF(plot.right(), p));
        painter.setPen(muted());
        const QString label = formatValue(chart.valueFormat, std::abs(v) < 1e-9 ? 0.0 : v);
        if (horizontal)
            painter.drawText(QRectF(p - 30, plot.bottom() + 2, 60, 12), Qt::AlignHCenter, label);
        else
            painter.drawText(QRectF(rect.left(), p - 6, 42, 12), Qt::AlignRight, label);
    }
    const std::size_t categories = chart.categories.size();
    if (chart.kind == Kind::Lines) {
        const auto xPos = [&](double x) {
            return plot.left() + (x - xLow) / std::max(1e-9, xHigh - xLow) * plot.width();
        };
        for (const auto& series : chart.series) {
            QPainterPath path;
            for (std::size_t i = 0; i < series.y.size() && i < series.x.size(); ++i) {
                const QPointF point(xPos(series.x[i]), valuePos(series.y[i]));
                if (i == 0)
                    path.moveTo(point);
                else
                    path.lineTo(point);
            }
            painter.setPen(QPen(paletteColor(series.color), series.dashed ? 1.0 : 1.8,
                                series.dashed ? Qt::DashLine : Qt::SolidLine));
            painter.setBrush(Qt::NoBrush);
            painter.drawPath(path);
        }
        painter.setPen(muted());
        const Axis xAxis = niceAxis(xLow, xHigh, 6);
        for (double x = xAxis.low; x <= xHigh + 1e-9; x += xAxis.step) {
            if (x < xLow - 1e-9)
                continue;
            painter.drawText(QRectF(xPos(x) - 20, plot.bottom() + 2, 40, 12), Qt::AlignHCenter,
                             QString::number(x));
        }
    } else if (categories > 0) {
        const std::size_t sets = std::max<std::size_t>(1, chart.series.size());
        const double band = (horizontal ? plot.height() : plot.width()) / double(categories);
        const double barWidth = band * 0.7 / double(horizontal ? 1 : sets);
        for (std::size_t c = 0; c < categories; ++c) {
            for (std::size_t s = 0; s < chart.series.size(); ++s) {
                const auto& series = chart.series[s];
                if (c >= series.y.size())
                    continue;
                const double from = valuePos(0), to = valuePos(series.y[c]);
                const double offset =
                    band * double(c) + band * 0.15 + (horizontal ? 0 : barWidth * double(s));
                const QRectF bar = horizontal ? QRectF(std::min(from, to), plot.top() + offset,
                                                       std::abs(to - from), barWidth)
                                              : QRectF(plot.left() + offset, std::min(from, to),
                                                       barWidth, std::abs(to - from));
                painter.fillRect(bar, paletteColor(series.color));
            }
            painter.setPen(ink());
            painter.setFont(font(7.5));
            const QString label = qs(chart.categories[c]);
            if (horizontal)
                painter.drawText(QRectF(rect.left(), plot.top() + band * double(c), 144, band),
                                 Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap, label);
            else
                painter.drawText(
                    QRectF(plot.left() + band * double(c), plot.bottom() + 2, band, 24),
                    Qt::AlignHCenter | Qt::TextWordWrap, label);
        }
    }
    if (chart.referenceY) {
        painter.setPen(QPen(QColor(0xdc, 0x26, 0x26), 1.0, Qt::DashLine));
        const double p = valuePos(*chart.referenceY);
        if (horizontal)
            painter.drawLine(QPointF(p, plot.top()), QPointF(p, plot.bottom()));
        else
            painter.drawLine(QPointF(plot.left(), p), QPointF(plot.right(), p));
    }
    painter.setPen(QPen(muted(), 0.8));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    // Legend and axis titles along the bottom.
    double x = plot.left();
    const double legendY = rect.bottom() - 12;
    painter.setFont(font(7.5));
    for (const auto& series : chart.series) {
        if (series.name.empty() || chart.series.size() < 2)
            continue;
        painter.fillRect(QRectF(x, legendY + 3, 8, 6), paletteColor(series.color));
        const QString name = qs(series.name) + (series.dashed ? QStringLiteral(" (dashed)") : "");
        const double width = QFontMetricsF(font(7.5), measure).horizontalAdvance(name);
        painter.setPen(ink());
        painter.drawText(QPointF(x + 11, legendY + 9), name);
        x += width + 24;
    }
    if (chart.referenceY && !chart.referenceLabel.empty()) {
        painter.setPen(QColor(0xdc, 0x26, 0x26));
        painter.drawText(QPointF(x, legendY + 9), qs("- - " + chart.referenceLabel));
    }
    painter.setPen(muted());
    const QString axisTitle =
        qs(chart.yLabel) +
        (chart.xLabel.empty() ? QString() : QStringLiteral("  by ") + qs(chart.xLabel));
    painter.drawText(QRectF(rect.left(), legendY - 12, rect.width(), 12), Qt::AlignRight,
                     axisTitle);
    painter.restore();
}

} // namespace merch::ui::report
