#include "widgets/progress_panel.h"

#include <QBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace merch::ui {

ProgressPanel::ProgressPanel(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_stage(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("progressPanel"));
    m_title->setObjectName(QStringLiteral("jobTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setWordWrap(true);
    m_stage->setObjectName(QStringLiteral("jobStage"));
    m_stage->setAlignment(Qt::AlignCenter);
    m_bar->setFixedWidth(420);
    m_bar->setTextVisible(false);
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addStretch(2);
    layout->addWidget(m_title);
    layout->addWidget(m_bar, 0, Qt::AlignHCenter);
    layout->addWidget(m_stage);
    layout->addWidget(m_cancel, 0, Qt::AlignHCenter);
    layout->addStretch(3);

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        showCancelling();
        emit cancelRequested();
    });
}

void ProgressPanel::start(const QString& title, bool cancellable) {
    m_title->setText(title);
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_stage->setText(tr("Starting"));
    m_cancel->setVisible(cancellable);
    m_cancel->setEnabled(true);
}

void ProgressPanel::setProgress(int value, int maximum, const QString& stage) {
    m_bar->setRange(0, maximum);
    m_bar->setValue(value);
    if (stage.isEmpty() || !m_cancel->isEnabled())
        return;
    QString text = stage;
    text[0] = text[0].toUpper();
    if (maximum > 0)
        text += QStringLiteral("  ·  %1%").arg(value * 100 / maximum);
    m_stage->setText(text);
}

void ProgressPanel::showCancelling() {
    m_cancel->setEnabled(false);
    m_stage->setText(tr("Cancelling…"));
}

QString ProgressPanel::title() const {
    return m_title->text();
}

QString ProgressPanel::stage() const {
    return m_stage->text();
}

} // namespace merch::ui
