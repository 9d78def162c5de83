#include "charts/lift_distribution_chart.h"

#include <QAreaSeries>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <limits>

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

LiftDistributionChart::LiftDistributionChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_outline(new QLineSeries(this))
    , m_base(new QLineSeries(this))
    , m_area(new QAreaSeries(m_outline, m_base))
    , m_truth(new QLineSeries)
    , m_measured(new QLineSeries)
    , m_x(new QValueAxis)
    , m_y(new QValueAxis) {
    setObjectName(QStringLiteral("liftDistributionChart"));
    setMinimumHeight(130);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    QColor fill = chart::primary();
    fill.setAlpha(90);
    m_area->setBrush(fill);
    m_area->setPen(linePen(chart::primary(), 1.2));
    m_area->setName(tr("Replicate lifts"));
    m_truth->setPen(linePen(chart::truth(), 2.5));
    m_truth->setName(tr("True lift"));
    m_measured->setPen(linePen(chart::reference(), 2.0, Qt::DashLine));
    m_measured->setName(tr("This run"));
    for (QAbstractSeries* series :
         {static_cast<QAbstractSeries*>(m_area), static_cast<QAbstractSeries*>(m_truth),
          static_cast<QAbstractSeries*>(m_measured)})
        m_chart->addSeries(series);
    chart::styleAxis(m_x, font);
    chart::styleAxis(m_y, font);
    m_x->setLabelFormat(QStringLiteral("%+.0f%%"));
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_y->setTitleText(QString());
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    for (QAbstractSeries* series : m_chart->series()) {
        series->attachAxis(m_x);
        series->attachAxis(m_y);
    }
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setReplicates(nullptr, 0.0);
}

LiftDistributionChart::~LiftDistributionChart() = default;

void LiftDistributionChart::setReplicates(const merch::ReplicateMetric* replicates,
                                          double measured) {
    for (QLineSeries* s : {m_outline, m_base, m_truth, m_measured})
        s->clear();
    m_counts.clear();
    m_trueX = m_measuredX = std::numeric_limits<double>::quiet_NaN();
    if (!replicates || replicates->lifts.empty())
        return;
    // Bins over the central 99.8% of the lifts, so a few extreme draws do not squash the rest.
    std::vector<double> sorted = replicates->lifts;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&](double q) {
        return sorted[static_cast<std::size_t>(q * double(sorted.size() - 1))] * 100.0;
    };
    m_trueX = replicates->trueLift * 100.0;
    m_measuredX = measured * 100.0;
    double low = std::min({at(0.001), m_trueX, m_measuredX});
    double high = std::max({at(0.999), m_trueX, m_measuredX});
    if (!(high > low))
        high = low + 1.0;
    m_low = low;
    m_width = (high - low) / kBins;
    m_counts = QList<int>(kBins, 0);
    for (double lift : sorted) {
        const int bin = static_cast<int>(std::floor((lift * 100.0 - low) / m_width));
        if (bin >= 0 && bin <= kBins)
            ++m_counts[std::min(bin, kBins - 1)];
    }
    const int peak = *std::max_element(m_counts.begin(), m_counts.end());
    QList<QPointF> outline, base;
    for (int b = 0; b < kBins; ++b) {
        const double x0 = low + b * m_width, x1 = x0 + m_width;
        outline << QPointF(x0, m_counts[b]) << QPointF(x1, m_counts[b]);
        base << QPointF(x0, 0) << QPointF(x1, 0);
    }
    m_outline->replace(outline);
    m_base->replace(base);
    const double top = peak * 1.1 + 1;
    m_truth->replace({QPointF(m_trueX, 0), QPointF(m_trueX, top)});
    m_measured->replace({QPointF(m_measuredX, 0), QPointF(m_measuredX, top)});
    chart::setNiceRange(m_x, low, high, 6);
    chart::setNiceRange(m_y, 0, top, chart::ticksForHeight(std::max(100, height() - 60)));
}

} // namespace merch::ui
