#include "charts/coverage_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QGraphicsLayout>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

#include "app_style.h"
#include "format.h"

namespace merch::ui {
namespace {

QColor meetsColor() {
    return palette::accent();
}
QColor belowColor() {
    return QColor(0xdc, 0x26, 0x26);
}
QColor otherColor() {
    return QColor(0xb8, 0xc2, 0xd0);
}
QColor targetColor() {
    return QColor(0x0f, 0x17, 0x2a);
}

// Percent with one decimal, as the bars show it.
qreal percentOf(double share) {
    return std::round(share * 1000.0) / 10.0;
}

QBarSet* barSet(const QString& name, const QColor& color, QObject* parent) {
    auto* set = new QBarSet(name, parent);
    set->setColor(color);
    set->setBorderColor(color);
    set->setLabelColor(palette::text());
    return set;
}

} // namespace

CoverageChart::CoverageChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_bars(new QHorizontalStackedBarSeries)
    , m_meets(barSet(tr("Readiness field, on target"), meetsColor(), m_bars))
    , m_below(barSet(tr("Readiness field, short"), belowColor(), m_bars))
    , m_others(barSet(tr("Other field"), otherColor(), m_bars))
    , m_target(new QLineSeries)
    , m_fields(new QBarCategoryAxis)
    , m_share(new QValueAxis)
    , m_rows(new QValueAxis) {
    setObjectName(QStringLiteral("coverageChart"));
    setMinimumHeight(220);

    QFont labels = font();
    labels.setPointSizeF(10.5);

    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setBackgroundBrush(Qt::white);
    m_chart->setMargins(QMargins(0, 0, 12, 0));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setFont(labels);
    m_chart->legend()->setLabelColor(palette::mutedText());

    m_bars->append({m_meets, m_below, m_others});
    m_bars->setBarWidth(0.62);
    m_bars->setLabelsVisible(true);
    m_bars->setLabelsFormat(QStringLiteral("@value%"));
    // At the bar's base, so no label ever meets the target line near the bars' ends.
    m_bars->setLabelsPosition(QAbstractBarSeries::LabelsInsideBase);
    m_bars->setLabelsPrecision(4);
    for (QBarSet* set : {m_meets, m_below, m_others}) {
        set->setLabelColor(Qt::white);
        set->setLabelFont(labels);
    }
    m_others->setLabelColor(palette::text());
    m_chart->addSeries(m_bars);

    QPen target(targetColor());
    target.setWidthF(2.5);
    target.setStyle(Qt::DashLine);
    m_target->setPen(target);
    m_chart->addSeries(m_target);

    m_share->setRange(0, 100);
    m_share->setTickCount(6);
    m_share->setLabelFormat(QStringLiteral("%.0f%%"));
    m_share->setLabelsFont(labels);
    m_share->setLabelsColor(palette::mutedText());
    m_share->setGridLineColor(QColor(0xee, 0xf2, 0xf6));
    m_share->setLinePenColor(palette::border());
    QFont fieldFont = labels;
    fieldFont.setPointSizeF(11.0);
    m_fields->setLabelsFont(fieldFont);
    m_fields->setLabelsColor(palette::text());
    m_fields->setGridLineVisible(false);
    m_fields->setTruncateLabels(false);
    m_fields->setLinePenColor(palette::border());
    m_rows->setVisible(false);

    m_chart->addAxis(m_share, Qt::AlignBottom);
    m_chart->addAxis(m_fields, Qt::AlignLeft);
    m_chart->addAxis(m_rows, Qt::AlignRight);
    m_bars->attachAxis(m_share);
    m_bars->attachAxis(m_fields);
    m_target->attachAxis(m_share);
    m_target->attachAxis(m_rows);

    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);

    connect(m_bars, &QHorizontalStackedBarSeries::hovered, this,
            [this](bool entered, int index, QBarSet*) { showToolTip(entered, index); });
}

CoverageChart::~CoverageChart() = default;

void CoverageChart::setResult(std::shared_ptr<const merch::AuditResult> result) {
    m_result = std::move(result);
    for (QBarSet* set : {m_meets, m_below, m_others})
        set->remove(0, set->count());
    m_fields->clear();
    m_target->clear();
    if (!m_result)
        return;

    // A horizontal bar chart draws its first category at the bottom; the engine's first field
    // (category) belongs at the top, so the fields go in from the last.
    const auto& coverage = m_result->coverage;
    QStringList categories;
    for (auto field = coverage.rbegin(); field != coverage.rend(); ++field) {
        const qreal percent = percentOf(field->share());
        const bool meets = field->share() >= m_result->readinessTarget;
        m_meets->append(field->readiness && meets ? percent : 0.0);
        m_below->append(field->readiness && !meets ? percent : 0.0);
        m_others->append(field->readiness ? 0.0 : percent);
        categories << auditFieldLabel(field->field);
    }
    m_fields->append(categories);

    const int rows = static_cast<int>(coverage.size());
    m_rows->setRange(-0.5, rows - 0.5);
    const qreal targetPercent = m_result->readinessTarget * 100.0;
    m_target->append(targetPercent, -0.5);
    m_target->append(targetPercent, rows - 0.5);
    m_target->setName(tr("%1% target").arg(targetPercent, 0, 'g', 3));
}

int CoverageChart::barCount() const {
    return static_cast<int>(m_fields->count());
}

QStringList CoverageChart::fieldLabels() const {
    QStringList labels = m_fields->categories();
    std::reverse(labels.begin(), labels.end());
    return labels;
}

double CoverageChart::targetLineValue() const {
    return m_target->count() > 0 ? m_target->at(0).x() : 0.0;
}

QString CoverageChart::toolTipFor(int field) const {
    if (!m_result || field < 0 || field >= static_cast<int>(m_result->coverage.size()))
        return {};
    const merch::FieldCoverage& coverage = m_result->coverage[static_cast<std::size_t>(field)];
    QString status;
    if (coverage.readiness)
        status = coverage.share() >= m_result->readinessTarget
                     ? tr("Readiness field: meets the %1 target")
                           .arg(formatPercent(m_result->readinessTarget))
                     : tr("Readiness field: below the %1 target")
                           .arg(formatPercent(m_result->readinessTarget));
    else
        status = tr("Not one of the five readiness fields");
    return tr("<b>%1</b>: %2 filled<br>%3 of %4 SKUs<br>Measured over: %5<br><i>%6</i>")
        .arg(auditFieldLabel(coverage.field), formatPercent(coverage.share()),
             formatCount(coverage.filled), formatCount(coverage.applicable),
             QString::fromStdString(coverage.scope).toHtmlEscaped(), status);
}

void CoverageChart::showToolTip(bool entered, int category) {
    if (!entered || !m_result) {
        QToolTip::hideText();
        return;
    }
    const int field = static_cast<int>(m_result->coverage.size()) - 1 - category;
    QToolTip::showText(QCursor::pos(), toolTipFor(field), m_view);
}

} // namespace merch::ui
