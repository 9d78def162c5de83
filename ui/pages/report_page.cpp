#include "pages/report_page.h"

#include <QBoxLayout>
#include <QDate>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPixmap>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QStackedWidget>

#include <algorithm>

#include "page_catalog.h"
#include "presentation_mode.h"
#include "report/report_renderer.h"
#include "widgets/card.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"

namespace merch::ui {

namespace {
constexpr double kPreviewScale = 1.25; // pixels per point on screen
}

ReportPage::ReportPage(QWidget* parent)
    : QWidget(parent)
    , m_runner(new ReportRunner(this))
    , m_storeName(new QLineEdit(this))
    , m_preparedFor(new QLineEdit(this))
    , m_date(new QLineEdit(QDate::currentDate().toString(Qt::ISODate), this))
    , m_build(new QPushButton(tr("Build Report"), this))
    , m_export(new QPushButton(tr("Export PDF…"), this))
    , m_notes(new QLabel(this))
    , m_states(new QStackedWidget(this))
    , m_empty(new EmptyState(QString(), QString(), this))
    , m_progress(new ProgressPanel(this))
    , m_pages(new QWidget(this))
    , m_pagesLayout(new QVBoxLayout(m_pages)) {
    setObjectName(QStringLiteral("reportPage"));
    auto* header = createPageHeader(this, QStringLiteral("Report"));

    m_storeName->setObjectName(QStringLiteral("reportStoreName"));
    m_storeName->setPlaceholderText(tr("the workspace's file name"));
    m_preparedFor->setPlaceholderText(tr("optional"));
    auto* form = new QFormLayout;
    form->addRow(tr("Store name"), m_storeName);
    form->addRow(tr("Prepared for"), m_preparedFor);
    form->addRow(tr("Date"), m_date);
    m_build->setObjectName(QStringLiteral("buildReport"));
    m_build->setDefault(true);
    m_build->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_B));
    m_export->setObjectName(QStringLiteral("exportReport"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_export->setEnabled(false);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_build);
    buttons->addWidget(m_export);
    auto* cover = new QWidget(this);
    auto* coverLayout = new QVBoxLayout(cover);
    coverLayout->setContentsMargins(0, 0, 0, 0);
    coverLayout->addLayout(form);
    coverLayout->addLayout(buttons);
    m_notes->setWordWrap(true);
    m_notes->setObjectName(QStringLiteral("mutedNote"));
    coverLayout->addWidget(m_notes);
    coverLayout->addWidget(new QLabel(
        tr("The report gathers the audit, the models' offline quality, the simulated A/B test "
           "and the cost scenarios, then lays them out for print: a cover, a summary, one "
           "section per page of the workflow, a 90-day plan and the assumptions. Charts are "
           "vector in the PDF."),
        cover));
    coverLayout->itemAt(coverLayout->count() - 1)->widget()->setProperty("wordWrap", true);
    coverLayout->addStretch(1);
    auto* coverCard = new Card(tr("Cover"), this);
    markAsEditing(coverCard);
    coverCard->addWidget(cover, 1);
    coverCard->setFixedWidth(360);

    m_pages->setObjectName(QStringLiteral("reportPreview"));
    m_pagesLayout->setSpacing(16);
    m_pagesLayout->setAlignment(Qt::AlignHCenter);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_pages);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_states->addWidget(m_empty);
    m_states->addWidget(m_progress);
    m_states->addWidget(scroll);
    auto* body = new QHBoxLayout;
    body->setSpacing(16);
    body->addWidget(coverCard);
    body->addWidget(m_states, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 20, 28, 20);
    layout->setSpacing(16);
    layout->addLayout(header);
    layout->addLayout(body, 1);

    connect(m_build, &QPushButton::clicked, this, &ReportPage::build);
    connect(m_export, &QPushButton::clicked, this, &ReportPage::chooseExportFile);
    connect(m_progress, &ProgressPanel::cancelRequested, m_runner, &ReportRunner::cancel);
    connect(m_runner, &ReportRunner::progressChanged, m_progress, &ProgressPanel::setProgress);
    connect(m_runner, &ReportRunner::finished, this, &ReportPage::onFinished);
    connect(m_runner, &ReportRunner::failed, this, [this](const merch::Status& status) {
        showEmpty(tr("The report could not be built"), QString::fromStdString(status.message()));
    });
    connect(m_runner, &ReportRunner::cancelled, this, [this] {
        showEmpty(tr("Building was cancelled"), tr("Press Build Report to start again."));
    });
    setSnapshot(nullptr);
}

ReportPage::~ReportPage() = default;

QString ReportPage::state() const {
    if (m_states->currentWidget() == m_progress)
        return QStringLiteral("progress");
    return m_states->currentWidget() == m_empty ? QStringLiteral("empty")
                                                : QStringLiteral("content");
}

int ReportPage::previewPageCount() const {
    return m_pagesLayout->count();
}

void ReportPage::showEmpty(const QString& title, const QString& text) {
    m_empty->setTitle(title);
    m_empty->setText(text);
    m_states->setCurrentWidget(m_empty);
}

void ReportPage::setSnapshot(SnapshotPtr snapshot) {
    m_snapshot = std::move(snapshot);
    m_runner->cancel();
    m_renderer.reset();
    m_export->setEnabled(false);
    m_build->setEnabled(m_snapshot != nullptr);
    m_notes->clear();
    if (!m_snapshot) {
        showEmpty(tr("No store is open"), tr("Open a store to build its report."));
        return;
    }
    showEmpty(tr("Ready to build the report"),
              tr("Press Build Report (Ctrl+B): a few seconds on the demo store, as it runs the "
                 "audit, evaluates the models, simulates the A/B test and prices the paths."));
    if (isVisible())
        build();
}

void ReportPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (m_snapshot && !m_renderer && !m_runner->isRunning() && state() == QStringLiteral("empty"))
        build();
}

void ReportPage::build() {
    if (!m_snapshot)
        return;
    merch::ReportParams params;
    params.storeName = m_storeName->text().trimmed().toStdString();
    params.preparedFor = m_preparedFor->text().trimmed().toStdString();
    params.date = m_date->text().trimmed().toStdString();
    m_runner->run(m_snapshot->path.toStdString(), params);
    m_progress->start(tr("Building the report…"));
    m_states->setCurrentWidget(m_progress);
}

void ReportPage::onFinished(const ReportPtr& report) {
    m_renderer = std::make_unique<ReportRenderer>(report->document);
    while (QLayoutItem* item = m_pagesLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    // As large as fits the preview's width, at most kPreviewScale pixels per point.
    const double fit = (m_states->width() - 48) / ReportRenderer::kPageWidth;
    const double scale = std::clamp(fit, 0.5, kPreviewScale);
    for (int page = 0; page < m_renderer->pageCount(); ++page) {
        auto* image = new QLabel(m_pages);
        const qreal ratio = devicePixelRatioF();
        QPixmap pixmap = QPixmap::fromImage(m_renderer->renderPage(page, scale * ratio));
        pixmap.setDevicePixelRatio(ratio);
        image->setPixmap(pixmap);
        image->setStyleSheet(QStringLiteral("border: 1px solid #cbd5e1;"));
        m_pagesLayout->addWidget(image, 0, Qt::AlignHCenter);
    }
    QStringList notes;
    for (const auto& note : report->notes)
        notes << QString::fromStdString(note);
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_export->setEnabled(true);
    m_states->setCurrentIndex(2);
    emit reportShown();
}

merch::Status ReportPage::exportPdf(const QString& path) const {
    if (!m_renderer)
        return merch::Status::invalidArgument("build the report first");
    return m_renderer->writePdf(path);
}

void ReportPage::chooseExportFile() {
    const QString base =
        m_snapshot ? QFileInfo(m_snapshot->path).completeBaseName() : QStringLiteral("report");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export Report"), base + QStringLiteral("-report.pdf"), tr("PDF (*.pdf)"));
    if (path.isEmpty())
        return;
    if (auto status = exportPdf(path); !status)
        QMessageBox::warning(this, tr("Report not exported"),
                             QString::fromStdString(status.message()));
}

} // namespace merch::ui
