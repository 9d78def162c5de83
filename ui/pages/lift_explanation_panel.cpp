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
                           "from the true one.</p>"
                           "<p><b>Vendor-reported lift</b> is not simulated yet.</p>"));
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
    html += paragraph(tr("Vendor-reported lift"),
                      tr("Not simulated yet. It arrives with the attribution model "
                         "(same-session click-then-buy at gross revenue, short windows, only "
                         "winners published); the brief expects it 30-40% above the clean "
                         "test."));
    return html;
}

} // namespace merch::ui
