#include "dialogs/import_mode_page.h"

#include <QBoxLayout>
#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QStandardPaths>

#include "dialogs/import_wizard_state.h"
#include "format.h"

namespace merch::ui {
namespace {

const QString kWorkspaceSuffix = QStringLiteral(".merchsim");

QLabel* explanation(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("choiceText"));
    label->setWordWrap(true);
    label->setIndent(30); // under the radio button's text, not its circle
    return label;
}

} // namespace

ImportModePage::ImportModePage(ImportWizardState* state, QWidget* parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_stack(new QStackedWidget(this))
    , m_append(new QRadioButton(this))
    , m_replace(new QRadioButton(this))
    , m_appendText(explanation(this))
    , m_replaceText(explanation(this))
    , m_newStoreText(new QLabel(this))
    , m_newPath(new QLineEdit(this))
    , m_pathError(new QLabel(this)) {
    setObjectName(QStringLiteral("importModePage"));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("Import"));
    m_stack->addWidget(createModeChoice());
    m_stack->addWidget(createNewStore());
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
}

QWidget* ImportModePage::createModeChoice() {
    auto* choice = new QWidget(this);
    m_append->setObjectName(QStringLiteral("appendRadio"));
    m_replace->setObjectName(QStringLiteral("replaceRadio"));
    m_append->setChecked(true);
    auto* group = new QButtonGroup(choice);
    group->addButton(m_append);
    group->addButton(m_replace);
    auto* layout = new QVBoxLayout(choice);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_append);
    layout->addWidget(m_appendText);
    layout->addSpacing(14);
    layout->addWidget(m_replace);
    layout->addWidget(m_replaceText);
    layout->addStretch();
    connect(m_append, &QRadioButton::toggled, this, [this](bool append) {
        m_state->mode = append ? merch::ImportMode::Append : merch::ImportMode::Replace;
    });
    return choice;
}

QWidget* ImportModePage::createNewStore() {
    auto* page = new QWidget(this);
    m_newStoreText->setWordWrap(true);
    m_newPath->setObjectName(QStringLiteral("newStorePath"));
    auto* browse = new QPushButton(tr("Browse…"), page);
    m_pathError->setObjectName(QStringLiteral("fieldError"));
    m_pathError->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(m_newPath, 1);
    row->addWidget(browse);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    layout->addWidget(m_newStoreText);
    layout->addLayout(row);
    layout->addWidget(m_pathError);
    layout->addStretch();
    connect(browse, &QPushButton::clicked, this, &ImportModePage::browse);
    connect(m_newPath, &QLineEdit::textChanged, this, &ImportModePage::onPathChanged);
    return page;
}

void ImportModePage::initializePage() {
    const merch::ImportKind kind =
        m_state->format ? m_state->format->kind : merch::ImportKind::Catalog;
    const QString file = QFileInfo(m_state->filePath).fileName();
    if (m_state->createsStore()) {
        setTitle(wizardTitle(tr("Where should the new store go?")));
        setSubTitle(tr("No store is open, so the import creates one."));
        m_newStoreText->setText(
            tr("The %1 of %2 goes into a new MerchSim store file (.merchsim). You can import "
               "more files into it afterwards.")
                .arg(kindNoun(kind), file));
        if (m_newPath->text().isEmpty())
            m_newPath->setText(QDir::toNativeSeparators(suggestedStorePath(m_state->filePath)));
        m_stack->setCurrentIndex(1);
        onPathChanged();
        return;
    }
    const merch::StoreSummary& summary = m_state->store->summary;
    const QString store = m_state->store->fileName();
    setTitle(wizardTitle(tr("Add to %1, or replace its %2?").arg(store, kindNoun(kind))));
    setSubTitle(tr("Every import is one transaction and is kept in the store's import log."));
    if (kind == merch::ImportKind::Catalog) {
        m_append->setText(tr("Add the products to the catalog"));
        m_appendText->setText(
            summary.products == 0
                ? tr("The store has no products yet: those of %1 become its catalog.").arg(file)
                : tr("Products from %1 are added to the %2 already in the store; a product "
                     "whose ID is already there is updated.")
                      .arg(file, formatCount(summary.products)));
        m_replace->setText(tr("Replace the catalog"));
        m_replaceText->setText(
            summary.products == 0
                ? tr("%1 becomes the catalog; there are no products to remove.").arg(file)
                : tr("%1 becomes the catalog: the %2 products now in the store are removed. "
                     "Events are kept.")
                      .arg(file, formatCount(summary.products)));
    } else {
        m_append->setText(tr("Add the events"));
        m_appendText->setText(
            summary.events == 0
                ? tr("The store has no events yet: those of %1 become its events.").arg(file)
                : tr("Events from %1 are added to the %2 already in the store. A file whose "
                     "events were imported before is refused, so nothing is counted twice.")
                      .arg(file, formatCount(summary.events)));
        m_replace->setText(tr("Replace the events"));
        m_replaceText->setText(
            summary.events == 0
                ? tr("%1 becomes the store's events; there are no events to remove.").arg(file)
                : tr("%1 becomes the store's events: the %2 events and %3 sessions now in the "
                     "store are removed. The catalog is kept.")
                      .arg(file, formatCount(summary.events), formatCount(summary.sessions)));
    }
    m_state->mode = m_append->isChecked() ? merch::ImportMode::Append : merch::ImportMode::Replace;
    m_stack->setCurrentIndex(0);
}

QString ImportModePage::suggestedStorePath(const QString& importedFile) {
    const QDir dir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    const QString base = QFileInfo(importedFile).completeBaseName();
    const QString name = base.isEmpty() ? QStringLiteral("store") : base;
    QString path = dir.filePath(name + kWorkspaceSuffix);
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = dir.filePath(QStringLiteral("%1-%2%3").arg(name).arg(n).arg(kWorkspaceSuffix));
    return path;
}

void ImportModePage::browse() {
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save the New Store As"), m_newPath->text(),
                                     tr("MerchSim workspace (*.merchsim)"));
    if (path.isEmpty())
        return;
    if (!path.endsWith(kWorkspaceSuffix, Qt::CaseInsensitive))
        path += kWorkspaceSuffix;
    m_newPath->setText(QDir::toNativeSeparators(path));
}

QString ImportModePage::pathProblem() const {
    if (!m_state->createsStore())
        return {};
    const QString path = m_state->newStorePath;
    if (path.isEmpty())
        return tr("Choose where to save the new store.");
    const QFileInfo info(path);
    if (info.isDir())
        return tr("That is a folder; choose a file name.");
    if (info.exists()) // never overwrite: the file may be someone's store
        return tr("A file with this name exists. Choose another name, or open that store "
                  "first and import into it.");
    if (!info.absoluteDir().exists())
        return tr("The folder %1 does not exist.")
            .arg(QDir::toNativeSeparators(info.absolutePath()));
    return {};
}

void ImportModePage::onPathChanged() {
    QString path = QDir::fromNativeSeparators(m_newPath->text().trimmed());
    m_state->newStorePath = path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath();
    const QString problem = pathProblem();
    m_pathError->setText(problem);
    m_pathError->setVisible(!problem.isEmpty());
    emit completeChanged();
}

bool ImportModePage::isComplete() const {
    return pathProblem().isEmpty();
}

bool ImportModePage::validatePage() {
    if (m_state->createsStore() || m_state->mode != merch::ImportMode::Replace)
        return true;
    const merch::ImportKind kind =
        m_state->format ? m_state->format->kind : merch::ImportKind::Catalog;
    const QString title = tr("Replace the %1?").arg(kindNoun(kind));
    const QString text = m_replaceText->text() + QStringLiteral("\n\n") +
                         tr("This cannot be undone, except by importing the old data again.");
    return m_state->confirm && m_state->confirm(title, text);
}

} // namespace merch::ui
