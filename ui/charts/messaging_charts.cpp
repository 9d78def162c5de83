#include "charts/messaging_charts.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLegendMarker>
#include <QLineSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"

namespace merch::ui {

namespace {

QLineSeries* line(const QString& name, const QColor& color, Qt::PenStyle style, double width = 2) {
    auto* series = new QLineSeries;
    series->setName(name);
    QPen pen(color);
    pen.setWidthF(width);
    pen.setStyle(style);
    series->setPen(pen);
    return series;
}

void attach(QChart* chart, QAbstractSeries* series, QAbstractAxis* x, QAbstractAxis* y) {
    chart->addSeries(series);
    series->attachAxis(x);
    series->attachAxis(y);
}

QString shortLabel(const std::string& key) {
    if (key == "reactivation_rate")
        return QObject::tr("Carts");
    if (key == "recoveries_per_cart_email")
        return QObject::tr("Per email");
    if (key == "reorders")
        return QObject::tr("Reorders");
    if (key == "unsubscribes")
        return QObject::tr("Unsubs");
    if (key == "messages_sent")
        return QObject::tr("Emails");
    return {};
}

} // namespace

MessagingTimelineChart::MessagingTimelineChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_days(new QValueAxis)
    , m_emails(new QValueAxis)
    , m_purchases(new QValueAxis) {
    setObjectName(QStringLiteral("messagingTimelineChart"));
    setMinimumHeight(160);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    for (QValueAxis* axis : {m_days, m_emails, m_purchases})
        chart::styleAxis(axis, font);
    m_days->setLabelFormat(QStringLiteral("%d"));
    m_emails->setLabelFormat(QStringLiteral("%.0f"));
    QFont small = font;
    small.setPointSizeF(9.0);
    m_chart->legend()->setFont(small);
    m_purchases->setLabelFormat(QStringLiteral("%.0f"));
    m_chart->addAxis(m_days, Qt::AlignBottom);
    m_chart->addAxis(m_emails, Qt::AlignLeft);
    m_chart->addAxis(m_purchases, Qt::AlignRight);
    chart::fillWithChart(this, m_chart);
}

void MessagingTimelineChart::setResult(const MessagingResult& result) {
    m_chart->removeAllSeries();
    if (!result || !result->comparison)
        return;
    const auto& timeline = result->comparison->timeline;
    auto* fixedEmails = line(tr("Sent, fixed"), chart::reference(), Qt::DashLine);
    auto* predictiveEmails = line(tr("Sent, pred."), chart::primary(), Qt::SolidLine);
    auto* fixedBuys = line(tr("Buys, fixed"), chart::secondary(), Qt::DashLine);
    auto* predictiveBuys = line(tr("Buys, pred."), chart::truth(), Qt::SolidLine);
    double emails = 1, buys = 1;
    for (const auto& p : timeline) {
        fixedEmails->append(p.day, double(p.fixedMessages));
        predictiveEmails->append(p.day, double(p.predictiveMessages));
        fixedBuys->append(p.day, double(p.fixedPurchases));
        predictiveBuys->append(p.day, double(p.predictivePurchases));
        emails = std::max({emails, double(p.fixedMessages), double(p.predictiveMessages)});
        buys = std::max({buys, double(p.fixedPurchases), double(p.predictivePurchases)});
    }
    for (auto* s : {fixedEmails, predictiveEmails})
        attach(m_chart, s, m_days, m_emails);
    for (auto* s : {fixedBuys, predictiveBuys})
        attach(m_chart, s, m_days, m_purchases);
    m_days->setRange(1, std::max<double>(2, double(timeline.size())));
    m_days->setTickCount(std::min<int>(8, int(timeline.size())));
    chart::setNiceRange(m_emails, 0, emails * 1.1, 5);
    chart::setNiceRange(m_purchases, 0, buys * 1.1, 5);
}

int MessagingTimelineChart::pointCount() const {
    const auto series = m_chart->series();
    return series.isEmpty() ? 0 : int(static_cast<QLineSeries*>(series.front())->count());
}

QStringList MessagingTimelineChart::seriesNames() const {
    QStringList names;
    for (const auto* s : m_chart->series())
        names << s->name();
    return names;
}

MessagingComparisonChart::MessagingComparisonChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_metrics(new QBarCategoryAxis)
    , m_position(new QValueAxis)
    , m_percent(new QValueAxis) {
    setObjectName(QStringLiteral("messagingComparisonChart"));
    setMinimumHeight(160);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    chart::styleAxis(m_metrics, font);
    chart::styleAxis(m_percent, font);
    m_metrics->setGridLineVisible(false);
    QFont small = font;
    small.setPointSizeF(9.0);
    m_metrics->setLabelsFont(small);
    m_chart->legend()->setFont(small);
    m_percent->setLabelFormat(QStringLiteral("%+.0f%%"));
    m_position->setVisible(false);
    m_chart->addAxis(m_metrics, Qt::AlignBottom);
    m_chart->addAxis(m_position, Qt::AlignTop);
    m_chart->addAxis(m_percent, Qt::AlignLeft);
    chart::fillWithChart(this, m_chart);
}

void MessagingComparisonChart::setResult(const MessagingResult& result) {
    m_chart->removeAllSeries();
    m_metrics->clear();
    m_lifts.clear();
    m_bands = 0;
    if (!result || !result->comparison)
        return;
    const auto& c = *result->comparison;
    auto* bars = new QBarSeries;
    auto* predictive = new QBarSet(tr("Predictive"));
    auto* oracle = new QBarSet(tr("Oracle"));
    predictive->setColor(chart::primary());
    predictive->setBorderColor(chart::primary());
    oracle->setColor(chart::truth());
    oracle->setBorderColor(chart::truth());
    QStringList labels;
    std::vector<const merch::ComparisonMetric*> shown;
    for (const auto& m : c.metrics) {
        if (shortLabel(m.key).isEmpty())
            continue;
        shown.push_back(&m);
        labels << shortLabel(m.key);
        predictive->append(m.lift * 100);
        oracle->append(m.fixed > 0 ? (m.oracle - m.fixed) / m.fixed * 100 : 0.0);
        m_lifts << m.lift * 100;
    }
    bars->append(predictive);
    if (c.params.includeOracle)
        bars->append(oracle);
    else
        delete oracle;
    bars->setBarWidth(0.75);
    m_metrics->append(labels);
    attach(m_chart, bars, m_metrics, m_percent);
    const double n = double(shown.size());
    m_position->setRange(-0.5, n - 0.5);
    double low = 0, high = 0;
    const double offset = c.params.includeOracle ? 0.1875 : 0.0;
    bool bandNamed = false, intervalNamed = false;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const auto& m = *shown[i];
        const double x = double(i);
        low = std::min({low, m.ciLow * 100, predictive->at(int(i)),
                        oracle->count() > int(i) ? oracle->at(int(i)) : 0.0});
        high = std::max({high, m.ciHigh * 100, predictive->at(int(i))});
        auto* interval = line(intervalNamed ? QString() : tr("95% CI"), QColor(0x1f, 0x29, 0x37),
                              Qt::SolidLine, 2.5);
        interval->append(x - offset, m.ciLow * 100);
        interval->append(x - offset, m.ciHigh * 100);
        attach(m_chart, interval, m_position, m_percent);
        if (intervalNamed)
            m_chart->legend()->markers(interval).front()->setVisible(false);
        intervalNamed = true;
        if (!m.hasReference)
            continue;
        // The brief's figure: a band across the metric's slot (an open "fewer" band ends at 0).
        const double bandLow = std::max(m.referenceLow * 100, -40.0);
        const double bandHigh = m.referenceHigh * 100;
        auto* upper = new QLineSeries;
        auto* lower = new QLineSeries;
        const double thick = bandHigh - bandLow < 1 ? 0.6 : 0.0; // a point figure: a thin band
        upper->append(x - 0.45, bandHigh + thick);
        upper->append(x + 0.45, bandHigh + thick);
        lower->append(x - 0.45, bandLow - thick);
        lower->append(x + 0.45, bandLow - thick);
        auto* band = new QAreaSeries(upper, lower);
        band->setName(bandNamed ? QString() : tr("Brief"));
        QColor fill = chart::reference();
        fill.setAlphaF(0.22f);
        band->setBrush(fill);
        band->setPen(Qt::NoPen);
        attach(m_chart, band, m_position, m_percent);
        if (bandNamed)
            m_chart->legend()->markers(band).front()->setVisible(false);
        bandNamed = true;
        low = std::min(low, bandLow);
        high = std::max(high, bandHigh);
        ++m_bands;
    }
    const double pad = std::max(2.0, (high - low) * 0.08);
    chart::setNiceRange(m_percent, low - pad, high + pad, 6);
}

QStringList MessagingComparisonChart::categories() const {
    return m_metrics->categories();
}

QList<qreal> MessagingComparisonChart::predictiveLifts() const {
    return m_lifts;
}

int MessagingComparisonChart::referenceBands() const {
    return m_bands;
}

MessagingReplenishmentChart::MessagingReplenishmentChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_intervals(new QValueAxis)
    , m_days(new QValueAxis) {
    setObjectName(QStringLiteral("messagingReplenishmentChart"));
    setMinimumHeight(160);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    chart::styleAxis(m_intervals, font);
    chart::styleAxis(m_days, font);
    m_intervals->setRange(0, 6);
    m_intervals->setTickCount(7);
    m_intervals->setLabelFormat(QStringLiteral("%d"));
    m_days->setLabelFormat(QStringLiteral("%.0f"));
    QFont small = font;
    small.setPointSizeF(9.0);
    m_chart->legend()->setFont(small);
    m_chart->addAxis(m_intervals, Qt::AlignBottom);
    m_chart->addAxis(m_days, Qt::AlignLeft);
    chart::fillWithChart(this, m_chart);
}

void MessagingReplenishmentChart::setResult(const MessagingResult& result) {
    m_chart->removeAllSeries();
    m_curves = 0;
    if (!result)
        return;
    static const QColor colors[] = {QColor(0x25, 0x63, 0xeb), QColor(0x05, 0x96, 0x69),
                                    QColor(0xd9, 0x77, 0x06), QColor(0x7c, 0x3a, 0xed),
                                    QColor(0xdb, 0x27, 0x77), QColor(0x0e, 0x74, 0x90)};
    double low = 1e9, high = 0;
    for (const auto& curve : result->replenishment.curves) {
        if (m_curves >= 4)
            break;
        QString title = QString::fromStdString(curve.title);
        if (title.size() > 14)
            title = title.left(13) + QStringLiteral("…");
        const QColor color = colors[m_curves % 6];
        auto* series = line(tr("%1 (%2 d)").arg(title).arg(curve.productDays, 0, 'f', 0), color,
                            Qt::SolidLine);
        for (std::size_t n = 0; n < curve.shrunkDays.size(); ++n) {
            series->append(double(n), curve.shrunkDays[n]);
            low = std::min(low, curve.shrunkDays[n]);
            high = std::max(high, curve.shrunkDays[n]);
        }
        attach(m_chart, series, m_intervals, m_days);
        auto* own = line(QString(), color, Qt::DotLine, 1.2);
        own->append(0, curve.ownDays);
        own->append(6, curve.ownDays);
        attach(m_chart, own, m_intervals, m_days);
        m_chart->legend()->markers(own).front()->setVisible(false);
        high = std::max(high, curve.ownDays);
        ++m_curves;
    }
    if (m_curves > 0)
        chart::setNiceRange(m_days, std::max(0.0, low * 0.9), high * 1.05, 5);
}

int MessagingReplenishmentChart::curveCount() const {
    return m_curves;
}

} // namespace merch::ui
