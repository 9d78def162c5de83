#include "pages/messaging_settings_panel.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace merch::ui {

namespace {

// Wide ranges on purpose: the engine's validate() is the judge, and its message is shown.
QSpinBox* spin(QWidget* parent, const char* name, int value, int lo, int hi,
               const QString& suffix = {}) {
    auto* box = new QSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(lo, hi);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setMinimumWidth(110);
    return box;
}

QDoubleSpinBox* dspin(QWidget* parent, const char* name, double value, double lo, double hi,
                      double step, int decimals, const QString& suffix = {}) {
    auto* box = new QDoubleSpinBox(parent);
    box->setObjectName(QString::fromLatin1(name));
    box->setRange(lo, hi);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setValue(value);
    box->setSuffix(suffix);
    box->setMinimumWidth(110);
    return box;
}

} // namespace

MessagingSettingsPanel::MessagingSettingsPanel(QWidget* parent)
    : QWidget(parent) {
    const merch::MessagingAnalysisParams d;
    m_testDays = spin(this, "testDays", d.models.testDays, 0, 400, tr(" days"));
    m_historyDays = spin(this, "historyDays", d.historyDays, 0, 400, tr(" days"));
    m_simDays = spin(this, "simDays", d.testDays, 0, 400, tr(" days"));
    m_replicates = spin(this, "replicates", d.replicates, 0, 100);
    m_emails = spin(this, "emailsPerCart", d.policy.emailsPerCart, 0, 10);
    m_minProbability = dspin(this, "minProbability", d.policy.minRecoveryProbability * 100, 0, 100,
                             1, 0, tr(" %"));
    m_lead = dspin(this, "leadDays", d.policy.reminderLeadDays, 0, 60, 0.5, 1, tr(" days"));
    m_cap = spin(this, "maxMessages", d.policy.maxMessagesPer30Days, 0, 200);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("validationMessage"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b91c1c;"));
    m_run = new QPushButton(tr("Run"), this);
    m_run->setObjectName(QStringLiteral("runButton"));
    m_run->setDefault(true);

    auto* form = new QFormLayout;
    form->addRow(tr("Held-out log days"), m_testDays);
    form->addRow(tr("Emails per cart"), m_emails);
    form->addRow(tr("Skip carts below"), m_minProbability);
    form->addRow(tr("Remind before run-out"), m_lead);
    form->addRow(tr("Max emails / 30 days"), m_cap);
    form->addRow(tr("Simulated history"), m_historyDays);
    form->addRow(tr("Simulated test"), m_simDays);
    form->addRow(tr("Replicate worlds"), m_replicates);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_run, 0, Qt::AlignRight);

    for (QSpinBox* box : {m_testDays, m_historyDays, m_simDays, m_replicates, m_emails, m_cap})
        connect(box, &QSpinBox::valueChanged, this, &MessagingSettingsPanel::revalidate);
    for (QDoubleSpinBox* box : {m_minProbability, m_lead})
        connect(box, &QDoubleSpinBox::valueChanged, this, &MessagingSettingsPanel::revalidate);
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (validationMessage().isEmpty())
            emit runRequested();
    });
    revalidate();
}

merch::MessagingAnalysisParams MessagingSettingsPanel::params() const {
    merch::MessagingAnalysisParams p;
    p.models.testDays = m_testDays->value();
    p.historyDays = m_historyDays->value();
    p.testDays = m_simDays->value();
    p.replicates = m_replicates->value();
    p.policy.emailsPerCart = m_emails->value();
    p.policy.minRecoveryProbability = m_minProbability->value() / 100.0;
    p.policy.reminderLeadDays = m_lead->value();
    p.policy.maxMessagesPer30Days = m_cap->value();
    return p;
}

QString MessagingSettingsPanel::validationMessage() const {
    const merch::Status status = params().validate();
    return status ? QString() : QString::fromStdString(status.message());
}

void MessagingSettingsPanel::revalidate() {
    const QString message = validationMessage();
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_run->setEnabled(message.isEmpty());
}

} // namespace merch::ui
