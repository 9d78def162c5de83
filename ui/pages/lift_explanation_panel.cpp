#include "pages/lift_explanation_panel.h"

#include <QBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QTextDocument>

#include "format.h"
#include "models/lift_table_model.h"

namespace merch::ui {
namespace {

QString paragraph(const QString& heading, const QString& body) {
    return QStringLiteral("<p style='margin-bottom:10px'><b>%1</b><br>%2</p>").arg(heading, body);
}

QString dayText(int day) {
    return QObject::tr("day %1").arg(day);
}

QString oneDecimal(double fraction) {
    return QString::number(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

// What the vendor would publish for this metric and why it differs from the clean test.
QString vendorText(const merch::ExperimentResult& result, const merch::MetricReading& m,
                   const QString& name) {
    const merch::VendorReading& v = m.vendor;
    QString text;
    if (result.replicates.replicates > 0 && v.publishedShare > 0)
        text = QObject::tr("A vendor reading the test after %1 days and publishing only its "
                           "significant wins would report %2 on %3. Over %4 replicate tests, "
                           "the %1-day reading averages %5 and only %6 of them come out as "
                           "significant wins; those average %2 (the winner's curse). The clean "
                           "%7-week test measured %8; the truth is %9.")
                   .arg(v.windowDays)
                   .arg(formatLift(v.reportedLift), name)
                   .arg(formatCount(result.replicates.replicates))
                   .arg(formatLift(v.replicateMeanLift), oneDecimal(v.publishedShare))
                   .arg(result.params.weeks)
                   .arg(formatLift(m.test.lift), formatLift(m.trueLift));
    else
        text = QObject::tr("A vendor reading the test after %1 days would report %2 on %3 "
                           "(clean %4-week test %5, truth %6).")
                   .arg(v.windowDays)
                   .arg(formatLift(v.reportedLift), name)
                   .arg(result.params.weeks)
                   .arg(formatLift(m.test.lift), formatLift(m.trueLift));
    const merch::AttributionReading& a = result.attribution;
    if (a.clickThenBuyShare > 0)
        text +=
            QObject::tr(" Same-session click-then-buy attribution credits %1 of the "
                        "treatment's revenue at gross (%2 of %3): calling it incremental "
                        "claims %4 on revenue, where the world's true revenue lift is %5 "
                        "(%6 truly added).")
                .arg(oneDecimal(a.clickThenBuyShare), formatMoney(a.attributedRevenue),
                     formatMoney(a.treatmentRevenue), formatLift(a.claimedLift),
                     formatLift(result.metrics.back().trueLift), formatMoney(a.incrementalRevenue));
    if (!result.replicates.metrics.empty()) {
        const merch::ReplicateMetric& aa = result.replicates.metrics.front();
        text += QObject::tr(" Peeking, over %1 A/A tests with no effect: stopping at the first "
                            "daily p &lt; %2 declares a winner in %3 of them, one look at the end "
                            "in %4, the sequential interval in %5.")
                    .arg(formatCount(result.replicates.replicates))
                    .arg(result.params.alpha)
                    .arg(oneDecimal(aa.falsePositivePeeking), oneDecimal(aa.falsePositiveFixed),
                         oneDecimal(aa.falsePositiveSequential));
    }
    return text;
}

} // namespace

LiftExplanationPanel::LiftExplanationPanel(QWidget* parent)
    : QWidget(parent)
    , m_text(new QLabel(this)) {
    setObjectName(QStringLiteral("liftExplanation"));
    m_text->setObjectName(QStringLiteral("liftExplanationText"));
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::RichText);
    m_text->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("liftExplanationScroll"));
    scroll->setWidget(m_text);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setStyleSheet(QStringLiteral("QScrollArea, QScrollArea > QWidget > QWidget "
                                         "{ background: transparent; }"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);
    setResult(nullptr, 0);
}

void LiftExplanationPanel::setResult(std::shared_ptr<const merch::ExperimentResult> result,
                                     int metric) {
    if (!result || metric < 0 || metric >= static_cast<int>(result->metrics.size())) {
        m_text->setText(tr("<p>Run the test to see what a clean A/B test would measure on this "
                           "store, how sure it could be, and how far the measured lift lands "
                           "from the true one, beside what a vendor would report.</p>"));
        return;
    }
    m_text->setText(explain(*result, metric));
}

QString LiftExplanationPanel::plainText() const {
    QTextDocument document;
    document.setHtml(m_text->text());
    return document.toPlainText();
}

QString LiftExplanationPanel::explain(const merch::ExperimentResult& result, int metric) {
    const merch::MetricReading& m = result.metrics[static_cast<std::size_t>(metric)];
    const double alpha = result.params.alpha;
    const QString name = metricLabel(m.metric).toLower();
    const QString level = QString::number(alpha, 'g', 3);
    QString html;
    html += paragraph(
        tr("Measured is not true"),
        tr("The test measured %1 on %2 (%3% interval %4 to %5). The world's true lift, from "
           "treating everyone vs no one over the same days, is %6. The measured number is one "
           "draw of the test's noise around the truth: another seed gives another number.")
            .arg(formatLift(m.test.lift), name)
            .arg((1.0 - alpha) * 100.0, 0, 'g', 3)
            .arg(formatLift(m.test.ciLow), formatLift(m.test.ciHigh), formatLift(m.trueLift)));
    html += paragraph(
        tr("Significance"),
        m.test.significant()
            ? tr("p = %1, below %2: had the treatment done nothing, a difference this large "
                 "would be rare. It does not make the lift exactly %3; anything inside the "
                 "interval fits the data.")
                  .arg(formatPValue(m.test.pValue), level, formatLift(m.test.lift))
            : tr("p = %1, not below %2: this runway cannot tell the lift from noise. That is "
                 "not proof of no effect; a longer test or more traffic narrows the interval.")
                  .arg(formatPValue(m.test.pValue), level));
    const QString peek =
        m.daysToSignificance < 0
            ? tr("Peeking daily, p never dipped below %1.").arg(level)
            : tr("Peeking daily, p first dipped below %1 on %2; stopping at the first dip is "
                 "how dashboards declare winners that are not: with daily looks, false "
                 "positives run far above %3%.")
                  .arg(level, dayText(m.daysToSignificance))
                  .arg(alpha * 100.0, 0, 'g', 3);
    const QString sequential =
        m.daysToSequentialSignificance < 0
            ? tr("The sequential interval, which stays valid however often it is read, never "
                 "excluded zero within the runway.")
            : tr("The sequential interval, which stays valid however often it is read, first "
                 "excluded zero on %1.")
                  .arg(dayText(m.daysToSequentialSignificance));
    html += paragraph(tr("Peeking"), peek + QLatin1Char(' ') + sequential);
    html += paragraph(
        tr("Sample ratio"),
        tr("%1 shoppers in control, %2 in treatment: SRM p = %3. %4")
            .arg(formatCount(result.controlShoppers), formatCount(result.treatmentShoppers),
                 formatPValue(result.srm.pValue),
                 result.srm.mismatch
                     ? tr("The split is off: look for tracking loss in one arm before reading "
                          "any lift.")
                     : tr("The split looks as designed.")));
    html += paragraph(tr("Verdict"), QString::fromStdString(result.verdict).toHtmlEscaped());
    html += paragraph(tr("Vendor-reported lift"), vendorText(result, m, name));
    if (!result.pitfallNotes.empty()) {
        QString notes;
        for (const std::string& note : result.pitfallNotes)
            notes += QString::fromStdString(note).toHtmlEscaped() + QStringLiteral("<br>");
        html += paragraph(tr("Pitfalls switched on"), notes);
    }
    return html;
}

} // namespace merch::ui
