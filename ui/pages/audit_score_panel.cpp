#include "pages/audit_score_panel.h"

#include <QBoxLayout>
#include <QLabel>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStyle>

#include <cmath>

#include "format.h"

namespace merch::ui {

AuditScorePanel::AuditScorePanel(QWidget* parent)
    : QFrame(parent)
    , m_score(new QLabel(QStringLiteral("—"), this))
    , m_verdict(new QLabel(this))
    , m_verdictDetail(new QLabel(this))
    , m_parts(new QVBoxLayout)
    , m_target(new QSpinBox(this)) {
    setObjectName(QStringLiteral("card"));

    auto* caption = new QLabel(tr("READINESS SCORE"), this);
    caption->setObjectName(QStringLiteral("sectionCaption"));
    m_score->setObjectName(QStringLiteral("auditScore"));
    auto* outOf = new QLabel(tr("/ 100"), this);
    outOf->setObjectName(QStringLiteral("auditScoreOutOf"));
    m_verdict->setObjectName(QStringLiteral("auditVerdict"));
    m_verdictDetail->setObjectName(QStringLiteral("auditVerdictDetail"));
    m_verdictDetail->setWordWrap(true);

    auto* scoreRow = new QHBoxLayout;
    scoreRow->setSpacing(8);
    scoreRow->addWidget(m_score, 0, Qt::AlignBaseline);
    scoreRow->addWidget(outOf, 0, Qt::AlignBaseline);
    scoreRow->addStretch();
    scoreRow->addWidget(m_verdict, 0, Qt::AlignVCenter);

    m_target->setObjectName(QStringLiteral("targetSpin"));
    m_target->setRange(50, 100);
    m_target->setSuffix(QStringLiteral("%"));
    m_target->setValue(95);
    m_target->setKeyboardTracking(false); // one audit per typed number, not per digit
    m_target->setMinimumWidth(96);
    m_target->setAlignment(Qt::AlignRight);
    m_target->setToolTip(tr("Share of SKUs each readiness field must have filled (50–100%)"));
    auto* targetLabel = new QLabel(tr("Readiness target"), this);
    targetLabel->setToolTip(m_target->toolTip());
    auto* targetRow = new QHBoxLayout;
    targetRow->setSpacing(10);
    targetRow->addWidget(targetLabel);
    targetRow->addWidget(m_target);
    targetRow->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 16, 20, 18);
    layout->setSpacing(8);
    layout->addWidget(caption);
    layout->addLayout(scoreRow);
    layout->addWidget(m_verdictDetail);
    layout->addSpacing(6);
    m_parts->setSpacing(6);
    layout->addLayout(m_parts);
    layout->addStretch();
    layout->addLayout(targetRow);

    connect(m_target, &QSpinBox::valueChanged, this,
            [this](int percent) { emit targetChanged(percent / 100.0); });
}

QString AuditScorePanel::formatScore(double score) {
    return QString::number(std::lround(score));
}

QStringList AuditScorePanel::splitExplanation(const std::string& explanation) {
    QStringList parts;
    for (const QString& part :
         QString::fromStdString(explanation).split(QStringLiteral("; "), Qt::SkipEmptyParts))
        parts << part.trimmed();
    return parts;
}

void AuditScorePanel::setResult(const std::shared_ptr<const merch::AuditResult>& result) {
    for (QLabel* label : std::as_const(m_partLabels))
        delete label;
    m_partLabels.clear();
    if (!result) {
        m_score->setText(QStringLiteral("—"));
        m_verdict->clear();
        m_verdictDetail->clear();
        return;
    }
    m_score->setText(formatScore(result->score));
    m_score->setToolTip(tr("%1 of 100").arg(result->score, 0, 'f', 1));

    int below = 0;
    int readiness = 0;
    QStringList short_;
    for (const merch::FieldCoverage& field : result->coverage) {
        if (!field.readiness)
            continue;
        ++readiness;
        if (field.share() < result->readinessTarget) {
            ++below;
            short_ << tr("%1 %2").arg(auditFieldLabel(field.field), formatPercent(field.share()));
        }
    }
    const QString target = formatPercent(result->readinessTarget);
    m_verdict->setText(result->ready ? tr("Ready") : tr("Not ready"));
    m_verdict->setProperty("ready", result->ready);
    m_verdict->style()->unpolish(m_verdict);
    m_verdict->style()->polish(m_verdict);
    m_verdictDetail->setText(
        result->ready ? tr("All %1 readiness fields are filled for at least %2 of SKUs.")
                            .arg(readiness)
                            .arg(target)
                      : (below == 1 ? tr("%1 of %2 readiness fields is below the %3 target: %4.")
                                    : tr("%1 of %2 readiness fields are below the %3 target: %4."))
                            .arg(below)
                            .arg(readiness)
                            .arg(target, short_.join(QStringLiteral(", "))));

    // "41.2 of 60 for category, ..." -> the points in bold, the rest as the engine wrote it.
    static const QRegularExpression points(QStringLiteral("^([0-9.]+ of [0-9]+)\\s+(.*)$"));
    for (const QString& part : splitExplanation(result->scoreExplanation)) {
        const QRegularExpressionMatch match = points.match(part);
        const QString html = match.hasMatch() ? QStringLiteral("<b>%1</b>&nbsp; %2")
                                                    .arg(match.captured(1).toHtmlEscaped(),
                                                         match.captured(2).toHtmlEscaped())
                                              : part.toHtmlEscaped();
        auto* label = new QLabel(html, this);
        label->setObjectName(QStringLiteral("scorePart"));
        label->setWordWrap(true);
        label->setProperty("plainText", part);
        m_parts->addWidget(label);
        m_partLabels << label;
    }
}

double AuditScorePanel::target() const {
    return m_target->value() / 100.0;
}

void AuditScorePanel::setTarget(double share) {
    m_target->setValue(static_cast<int>(std::lround(share * 100.0)));
}

QString AuditScorePanel::scoreText() const {
    return m_score->text();
}

QString AuditScorePanel::verdictText() const {
    return m_verdict->text();
}

QString AuditScorePanel::verdictDetail() const {
    return m_verdictDetail->text();
}

QStringList AuditScorePanel::explanationParts() const {
    QStringList parts;
    for (const QLabel* label : m_partLabels)
        parts << label->property("plainText").toString();
    return parts;
}

} // namespace merch::ui
