#include "charts/chart_style.h"

#include <QAbstractAxis>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QGraphicsLayout>
#include <QLegend>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "app_style.h"

namespace merch::ui::chart {

QFont labelFont(const QFont& base) {
    QFont font = base;
    font.setPointSizeF(10.5);
    return font;
}

void styleChart(QChart* chart, const QFont& font) {
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setBackgroundBrush(Qt::white);
    chart->setMargins(QMargins(0, 6, 8, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setFont(font);
    chart->legend()->setLabelColor(palette::mutedText());
}

void styleAxis(QAbstractAxis* axis, const QFont& font) {
    axis->setLabelsFont(font);
    axis->setLabelsColor(palette::mutedText());
    axis->setLinePenColor(palette::border());
    axis->setGridLineColor(QColor(0xee, 0xf2, 0xf6));
    axis->setTitleFont(font);
    axis->setTitleBrush(palette::mutedText());
}

void setNiceRange(QValueAxis* axis, double low, double high, int maxTicks) {
    maxTicks = std::max(2, maxTicks);
    if (!(high > low))
        high = low + 1.0;
    const double raw = (high - low) / (maxTicks - 1);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude * 10.0;
    for (const double m : {1.0, 2.0, 5.0, 10.0}) {
        const double candidate = m * magnitude;
        const double from = std::floor(low / candidate) * candidate;
        const double to = std::ceil(high / candidate) * candidate;
        if (std::lround((to - from) / candidate) + 1 <= maxTicks) {
            step = candidate;
            break;
        }
    }
    const double from = std::floor(low / step) * step;
    const double to = std::ceil(high / step) * step;
    axis->setRange(from, to);
    axis->setTickCount(static_cast<int>(std::lround((to - from) / step)) + 1);
}

int ticksForHeight(int height) {
    return std::clamp(height / 36, 2, 7);
}

QChartView* fillWithChart(QWidget* owner, QChart* chart) {
    auto* view = new QChartView(chart, owner);
    view->setRenderHint(QPainter::Antialiasing);
    view->setFrameShape(QFrame::NoFrame);
    view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(owner);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    return view;
}

QColor pathColor(int index) {
    switch (index) {
    case 0:
        return secondary();
    case 1:
        return primary();
    default:
        return QColor(0x7c, 0x3a, 0xed);
    }
}

QColor primary() {
    return palette::accent();
}

QColor secondary() {
    return QColor(0x0e, 0xa5, 0xe9);
}

QColor truth() {
    return QColor(0x16, 0xa3, 0x4a);
}

QColor reference() {
    return QColor(0xdc, 0x26, 0x26);
}

} // namespace merch::ui::chart
