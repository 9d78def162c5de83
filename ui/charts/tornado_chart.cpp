#include "charts/tornado_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"

namespace merch::ui {

namespace {
constexpr int kRows = 8; // the inputs that matter; the rest move payback less
}

TornadoChart::TornadoChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_series(new QHorizontalStackedBarSeries)
    , m_low(new QBarSet(tr("Input at its low end")))
    , m_high(new QBarSet(tr("Input at its high end")))
    , m_inputs(new QBarCategoryAxis)
    , m_change(new QValueAxis) {
    setObjectName(QStringLiteral("tornadoChart"));
    setMinimumHeight(220);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    m_low->setColor(chart::secondary());
    m_low->setBorderColor(chart::secondary());
    m_high->setColor(chart::primary());
    m_high->setBorderColor(chart::primary());
    m_series->append(m_low);
    m_series->append(m_high);
    m_series->setBarWidth(0.6);
    m_chart->addSeries(m_series);
    chart::styleAxis(m_inputs, font);
    chart::styleAxis(m_change, font);
    m_inputs->setGridLineVisible(false);
    m_chart->addAxis(m_inputs, Qt::AlignLeft);
    m_chart->addAxis(m_change, Qt::AlignBottom);
    m_series->attachAxis(m_inputs);
    m_series->attachAxis(m_change);
    chart::fillWithChart(this, m_chart);
}

TornadoChart::~TornadoChart() = default;

void TornadoChart::setResult(const merch::UncertaintyResult* result, int basePaybackWeek,
                             double baseNpv, int horizonWeeks) {
    m_low->remove(0, m_low->count());
    m_high->remove(0, m_high->count());
    m_inputs->clear();
    if (!result)
        return;
    m_weeks = basePaybackWeek > 0;
    const auto weeks = [horizonWeeks](int w) { return w < 0 ? horizonWeeks + 1 : w; };
    // Bars are listed bottom-up, so the largest swing goes last.
    QStringList labels;
    double extent = 1;
    const int rows = std::min<int>(kRows, static_cast<int>(result->tornado.size()));
    std::vector<merch::TornadoBar> bars;
    if (m_weeks) {
        bars = result->tornado;
    } else { // no payback to move: rank by NPV swing
        bars = result->tornado;
        std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& b) {
            return std::abs(a.npvAtHigh - a.npvAtLow) > std::abs(b.npvAtHigh - b.npvAtLow);
        });
    }
    for (int i = rows - 1; i >= 0; --i) {
        const merch::TornadoBar& bar = bars[std::size_t(i)];
        const double low =
            m_weeks ? weeks(bar.paybackAtLow) - basePaybackWeek : (bar.npvAtLow - baseNpv) / 1e3;
        const double high =
            m_weeks ? weeks(bar.paybackAtHigh) - basePaybackWeek : (bar.npvAtHigh - baseNpv) / 1e3;
        m_low->append(low);
        m_high->append(high);
        labels << QString::fromStdString(bar.label);
        extent = std::max({extent, std::abs(low), std::abs(high)});
    }
    m_inputs->append(labels);
    m_change->setLabelFormat(m_weeks ? QStringLiteral("%+.0f wk") : QStringLiteral("%+.0fk"));
    m_change->setTitleText(m_weeks
                               ? tr("Change in payback week (base: week %1)").arg(basePaybackWeek)
                               : tr("Change in 3-year NPV, $ (no payback at base inputs)"));
    chart::setNiceRange(m_change, -extent * 1.05, extent * 1.05, 7);
}

QStringList TornadoChart::inputLabels() const {
    QStringList top = m_inputs->categories();
    std::reverse(top.begin(), top.end());
    return top;
}

} // namespace merch::ui
