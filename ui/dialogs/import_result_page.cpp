#include "dialogs/import_result_page.h"

#include <QBoxLayout>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QTableView>

#include "dialogs/import_wizard_state.h"
#include "format.h"
#include "models/rejected_rows_model.h"
#include "widgets/stat_tile.h"

namespace merch::ui {
namespace {

QLabel* caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionCaption"));
    return label;
}

} // namespace

ImportResultPage::ImportResultPage(ImportWizardState* state, QWidget* parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_headline(new QLabel(this))
    , m_message(new QLabel(this))
    , m_details(new QWidget(this))
    , m_imported(new StatTile(tr("Imported"), m_details))
    , m_rejected(new StatTile(tr("Rejected rows"), m_details))
    , m_warnings(new StatTile(tr("Warnings"), m_details))
    , m_warningsCaption(caption(tr("WARNINGS"), m_details))
    , m_warningList(new QListWidget(m_details))
    , m_rejectedCaption(caption(tr("REJECTED ROWS"), m_details))
    , m_rejectedTable(new QTableView(m_details))
    , m_rejectedRows(new RejectedRowsModel(this)) {
    setObjectName(QStringLiteral("importResultPage"));
    setTitle(wizardTitle(tr("Import result")));
    setSubTitle(tr("What was written to the store, and every row that was not."));
    m_headline->setObjectName(QStringLiteral("resultTitle"));
    m_headline->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("resultMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_imported->setObjectName(QStringLiteral("importedTile"));
    m_rejected->setObjectName(QStringLiteral("rejectedTile"));
    m_warnings->setObjectName(QStringLiteral("warningsTile"));
    m_warningList->setObjectName(QStringLiteral("warningsList"));
    m_warningList->setWordWrap(true);
    m_warningList->setMaximumHeight(110);

    m_rejectedTable->setObjectName(QStringLiteral("rejectedTable"));
    m_rejectedTable->setModel(m_rejectedRows);
    m_rejectedTable->setAlternatingRowColors(true);
    m_rejectedTable->setShowGrid(false);
    m_rejectedTable->setWordWrap(false);
    m_rejectedTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rejectedTable->verticalHeader()->hide();
    m_rejectedTable->verticalHeader()->setDefaultSectionSize(28);
    QHeaderView* header = m_rejectedTable->horizontalHeader();
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    header->setSectionResizeMode(RejectedRowsModel::Line, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(RejectedRowsModel::Column, QHeaderView::ResizeToContents);
    m_rejectedTable->setColumnWidth(RejectedRowsModel::Reason, 300);
    header->setStretchLastSection(true);

    auto* tiles = new QHBoxLayout;
    tiles->setSpacing(12);
    tiles->addWidget(m_imported);
    tiles->addWidget(m_rejected);
    tiles->addWidget(m_warnings);
    tiles->addStretch();
    auto* details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->setSpacing(8);
    details->addLayout(tiles);
    details->addSpacing(4);
    details->addWidget(m_warningsCaption);
    details->addWidget(m_warningList);
    details->addWidget(m_rejectedCaption);
    details->addWidget(m_rejectedTable, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addWidget(m_headline);
    layout->addWidget(m_message);
    layout->addWidget(m_details, 1);
}

void ImportResultPage::showFailure(const QString& headline, const QString& message) {
    m_headline->setText(headline);
    m_message->setText(message);
    m_details->hide();
    m_rejectedRows->setRows(nullptr);
}

void ImportResultPage::initializePage() {
    const ImportOutcomePtr outcome = m_state->outcome;
    const QString file = QFileInfo(m_state->filePath).fileName();
    const QString store = QFileInfo(m_state->workspacePath()).fileName();
    if (!outcome) {
        showFailure(tr("The import did not run"), QString());
        return;
    }
    if (outcome->cancelled()) {
        showFailure(tr("Import cancelled"),
                    m_state->createsStore()
                        ? tr("Nothing was written and no store file was created.")
                        : tr("Nothing was written: %1 is as it was.").arg(store));
        return;
    }
    if (!outcome->status.isOk()) {
        QString message = QString::fromStdString(outcome->status.message());
        if (!message.isEmpty())
            message[0] = message[0].toUpper();
        showFailure(tr("Could not import %1").arg(file),
                    message + QStringLiteral("\n\n") + tr("Nothing was written to the store."));
        return;
    }

    const merch::SavedImport& saved = outcome->saved;
    const merch::ImportReport& report = outcome->report;
    const QString items = kindItems(outcome->kind);
    m_headline->setText(tr("Imported %1 %2 from %3").arg(formatCount(saved.imported), items, file));
    QStringList lines;
    lines
        << (outcome->createdWorkspace
                ? tr("Into a new store, %1.").arg(QDir::toNativeSeparators(outcome->workspacePath))
                : tr("Into %1 (%2).")
                      .arg(store, m_state->mode == merch::ImportMode::Replace
                                      ? tr("replacing its %1").arg(kindNoun(outcome->kind))
                                      : tr("added")));
    lines
        << tr("Read as %1, %2.").arg(outcome->formatLabel, QString::fromStdString(report.encoding));
    if (saved.eventsForUnknownProducts > 0)
        lines << tr("%1 events name products that are not in the catalog; they were kept.")
                     .arg(formatCount(saved.eventsForUnknownProducts));
    m_message->setText(lines.join(QLatin1Char(' ')));

    m_imported->setValue(formatCount(saved.imported));
    QString importedCaption = tr("%1 imported").arg(items);
    importedCaption[0] = importedCaption[0].toUpper();
    m_imported->setCaption(importedCaption);
    m_rejected->setValue(formatCount(saved.rejected));
    m_warnings->setValue(formatCount(saved.warnings));

    m_warningList->clear();
    for (const std::string& warning : saved.warningTexts)
        m_warningList->addItem(QString::fromStdString(warning));
    m_warningsCaption->setVisible(!saved.warningTexts.empty());
    m_warningList->setVisible(!saved.warningTexts.empty());

    m_rejectedRows->setRows(
        std::shared_ptr<const std::vector<merch::RejectedRow>>(outcome, &report.rejected));
    m_rejectedCaption->setText(report.rejected.empty()
                                   ? tr("NO ROWS WERE REJECTED")
                                   : tr("REJECTED ROWS: KEPT IN THE STORE'S IMPORT LOG"));
    m_rejectedTable->setVisible(!report.rejected.empty());
    m_details->show();
}

QString ImportResultPage::headline() const {
    return m_headline->text();
}

QString ImportResultPage::message() const {
    return m_message->text();
}

} // namespace merch::ui
