#include "charts/lift_bars_chart.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"
#include "models/lift_table_model.h"

namespace merch::ui {

LiftBarsChart::LiftBarsChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_bars(new QBarSeries)
    , m_vendor(new QBarSet(tr("Vendor")))
    , m_measured(new QBarSet(tr("Clean test")))
    , m_true(new QBarSet(tr("True")))
    , m_metrics(new QBarCategoryAxis)
    , m_percent(new QValueAxis) {
    setObjectName(QStringLiteral("liftBarsChart"));
    setMinimumHeight(130);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    m_vendor->setColor(chart::reference());
    m_vendor->setBorderColor(chart::reference());
    m_measured->setColor(chart::primary());
    m_measured->setBorderColor(chart::primary());
    m_true->setColor(chart::truth());
    m_true->setBorderColor(chart::truth());
    m_bars->append(m_vendor);
    m_bars->append(m_measured);
    m_bars->append(m_true);
    m_bars->setBarWidth(0.8);
    m_chart->addSeries(m_bars);
    chart::styleAxis(m_metrics, font);
    chart::styleAxis(m_percent, font);
    m_metrics->setGridLineVisible(false);
    QFont small = font;
    small.setPointSizeF(9.5);
    m_metrics->setLabelsFont(small);
    m_percent->setLabelFormat(QStringLiteral("%+.0f%%"));
    m_chart->addAxis(m_metrics, Qt::AlignBottom);
    m_chart->addAxis(m_percent, Qt::AlignLeft);
    m_bars->attachAxis(m_metrics);
    m_bars->attachAxis(m_percent);
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

LiftBarsChart::~LiftBarsChart() = default;

void LiftBarsChart::setResult(std::shared_ptr<const merch::ExperimentResult> result) {
    m_vendor->remove(0, m_vendor->count());
    m_measured->remove(0, m_measured->count());
    m_true->remove(0, m_true->count());
    m_metrics->clear();
    if (!result)
        return;
    QStringList labels;
    double low = 0.0;
    double high = 0.0;
    for (const merch::MetricReading& m : result->metrics) {
        labels << metricShortLabel(m.metric);
        m_vendor->append(m.vendor.reportedLift * 100.0);
        m_measured->append(m.test.lift * 100.0);
        m_true->append(m.trueLift * 100.0);
        low =
            std::min({low, m.vendor.reportedLift * 100.0, m.test.lift * 100.0, m.trueLift * 100.0});
        high = std::max(
            {high, m.vendor.reportedLift * 100.0, m.test.lift * 100.0, m.trueLift * 100.0});
    }
    m_metrics->append(labels);
    const double pad = std::max(1.0, (high - low) * 0.1);
    chart::setNiceRange(m_percent, low < 0 ? low - pad : 0.0, high + pad, 5);
}

QStringList LiftBarsChart::barSetLabels() const {
    return {m_vendor->label(), m_measured->label(), m_true->label()};
}

QList<qreal> LiftBarsChart::values(int set) const {
    const QBarSet* bars = set == 0 ? m_vendor : set == 1 ? m_measured : m_true;
    QList<qreal> out;
    for (int i = 0; i < bars->count(); ++i)
        out << bars->at(i);
    return out;
}

QStringList LiftBarsChart::metricLabels() const {
    return m_metrics->categories();
}

} // namespace merch::ui
