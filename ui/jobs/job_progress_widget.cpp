#include "jobs/job_progress_widget.h"

#include <QBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include "jobs/promise_run_control.h"
#include "jobs/store_loader.h"

namespace merch::ui {

JobProgressWidget::JobProgressWidget(StoreLoader* loader, Size size, QWidget* parent)
    : QWidget(parent)
    , m_loader(loader)
    , m_size(size)
    , m_label(new QLabel(this))
    , m_stage(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(size == Size::Compact ? QStringLiteral("statusJobProgress")
                                        : QStringLiteral("pageJobProgress"));
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_stage->setObjectName(QStringLiteral("jobStage"));
    m_bar->setRange(0, kProgressMaximum);

    if (size == Size::Compact) {
        auto* layout = new QHBoxLayout(this);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(8);
        layout->addWidget(m_label);
        layout->addWidget(m_bar);
        layout->addWidget(m_cancel);
        m_stage->hide();
        m_bar->setFixedWidth(180);
        m_bar->setTextVisible(false);
        m_cancel->setFlat(true);
        hide();
    } else {
        auto* layout = new QVBoxLayout(this);
        layout->setSpacing(12);
        layout->addStretch(2);
        m_label->setObjectName(QStringLiteral("jobTitle"));
        m_label->setAlignment(Qt::AlignCenter);
        m_stage->setAlignment(Qt::AlignCenter);
        m_bar->setFixedWidth(420);
        m_bar->setTextVisible(false);
        layout->addWidget(m_label);
        layout->addWidget(m_bar, 0, Qt::AlignHCenter);
        layout->addWidget(m_stage);
        layout->addWidget(m_cancel, 0, Qt::AlignHCenter);
        layout->addStretch(3);
    }

    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_cancel->setEnabled(false);
        m_stage->setText(tr("Cancelling…"));
        m_loader->cancel();
    });
    connect(m_loader, &StoreLoader::jobStarted, this, &JobProgressWidget::onStarted);
    connect(m_loader, &StoreLoader::progressChanged, this, &JobProgressWidget::onProgress);
    connect(m_loader, &StoreLoader::jobFinished, this, &JobProgressWidget::onFinished);
}

void JobProgressWidget::onStarted(const QString& label, bool cancellable) {
    m_label->setText(m_size == Size::Compact ? label : label + QStringLiteral("…"));
    m_stage->setText(tr("Starting"));
    m_bar->setRange(0, kProgressMaximum);
    m_bar->setValue(0);
    m_cancel->setVisible(cancellable);
    m_cancel->setEnabled(true);
    if (m_size == Size::Compact)
        show();
}

void JobProgressWidget::onProgress(int value, int maximum, const QString& stage) {
    m_bar->setRange(0, maximum);
    m_bar->setValue(value);
    if (!stage.isEmpty()) {
        QString text = stage;
        text[0] = text[0].toUpper();
        if (maximum > 0)
            text += QStringLiteral("  ·  %1%").arg(value * 100 / maximum);
        m_stage->setText(text);
        m_bar->setToolTip(text);
    }
}

void JobProgressWidget::onFinished() {
    m_cancel->setEnabled(false);
    if (m_size == Size::Compact)
        hide();
}

} // namespace merch::ui
