#include "dialogs/import_file_page.h"

#include <QBoxLayout>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFont>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>

#include <set>

#include "dialogs/import_wizard_state.h"
#include "format.h"
#include "models/file_preview_model.h"

namespace merch::ui {
namespace {

QString label(const merch::ImportFormat& format) {
    return QString::fromStdString(format.label);
}

// "Store exports (*.csv *.tsv ...);;Shopify product CSV (*.csv);;...;;All files (*)"
QString fileFilter() {
    QStringList filters;
    std::set<std::string> patterns;
    for (const merch::ImportFormat& format : merch::importFormats()) {
        for (const QString& pattern :
             QString::fromStdString(format.extensions).split(QLatin1Char(' '), Qt::SkipEmptyParts))
            patterns.insert(pattern.toStdString());
        filters << QStringLiteral("%1 (%2)").arg(label(format),
                                                 QString::fromStdString(format.extensions));
    }
    QStringList all;
    for (const std::string& pattern : patterns)
        all << QString::fromStdString(pattern);
    filters.removeDuplicates();
    filters.prepend(QObject::tr("Store exports (%1)").arg(all.join(QLatin1Char(' '))));
    filters << QObject::tr("All files (*)");
    return filters.join(QStringLiteral(";;"));
}

} // namespace

ImportFilePage::ImportFilePage(ImportWizardState* state, QWidget* parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_path(new QLineEdit(this))
    , m_detected(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_previewNote(new QLabel(this))
    , m_problem(new QLabel(this))
    , m_table(new QTableView(this))
    , m_model(new FilePreviewModel(this)) {
    setObjectName(QStringLiteral("importFilePage"));
    setTitle(wizardTitle(tr("Choose the file to import")));
    setSubTitle(tr("A product catalog or shopper events, exported from the store's platform or "
                   "analytics. MerchSim recognises the format from the file itself."));

    m_path->setObjectName(QStringLiteral("importFilePath"));
    m_path->setPlaceholderText(tr("Choose a file, or drop one on the main window"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseImportFile"));
    m_detected->setObjectName(QStringLiteral("detectedFormat"));
    m_detected->setWordWrap(true);
    m_format->setObjectName(QStringLiteral("formatCombo"));
    m_format->setPlaceholderText(tr("Choose the file's format"));
    m_format->setMinimumContentsLength(34);
    m_format->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    fillFormats();
    m_problem->setObjectName(QStringLiteral("fieldError"));
    m_problem->setWordWrap(true);
    m_problem->hide();
    m_previewNote->setObjectName(QStringLiteral("cardNote"));

    m_table->setObjectName(QStringLiteral("previewTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->verticalHeader()->setDefaultSectionSize(28);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setMaximumSectionSize(320);

    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(8);
    grid->addWidget(new QLabel(tr("File"), this), 0, 0);
    grid->addWidget(m_path, 0, 1);
    grid->addWidget(browse, 0, 2);
    grid->addWidget(new QLabel(tr("Format"), this), 1, 0);
    grid->addWidget(m_format, 1, 1);
    grid->addWidget(m_detected, 2, 1, 1, 2);
    grid->setColumnStretch(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(10);
    layout->addLayout(grid);
    layout->addWidget(m_problem);
    layout->addSpacing(4);
    layout->addWidget(m_previewNote);
    layout->addWidget(m_table, 1);

    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    connect(m_path, &QLineEdit::textChanged, this, &ImportFilePage::loadPreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportFilePage::onFormatChosen);
    loadPreview();
}

void ImportFilePage::fillFormats() {
    auto* items = qobject_cast<QStandardItemModel*>(m_format->model());
    const auto& formats = merch::importFormats();
    for (merch::ImportKind kind : {merch::ImportKind::Catalog, merch::ImportKind::Events}) {
        // A heading per kind, not selectable: the table grows as formats are added.
        m_format->addItem(kind == merch::ImportKind::Catalog ? tr("Catalogs (products)")
                                                             : tr("Events (shopper sessions)"));
        if (QStandardItem* heading = items ? items->item(m_format->count() - 1) : nullptr) {
            heading->setFlags(Qt::NoItemFlags);
            QFont bold = heading->font();
            bold.setBold(true);
            heading->setFont(bold);
        }
        for (std::size_t i = 0; i < formats.size(); ++i) {
            if (formats[i].kind == kind)
                m_format->addItem(label(formats[i]), static_cast<int>(i));
        }
    }
    m_format->setCurrentIndex(-1);
}

int ImportFilePage::comboIndexOf(const merch::ImportFormat* format) const {
    const auto& formats = merch::importFormats();
    for (int i = 0; i < m_format->count(); ++i) {
        const QVariant entry = m_format->itemData(i, Qt::UserRole);
        if (entry.isValid() && &formats[static_cast<std::size_t>(entry.toInt())] == format)
            return i;
    }
    return -1;
}

void ImportFilePage::setFile(const QString& path) {
    m_path->setText(QDir::toNativeSeparators(path));
}

bool ImportFilePage::chooseFormat(const QString& name, merch::ImportKind kind) {
    const int index = comboIndexOf(merch::findImportFormat(name.toStdString(), kind));
    if (index < 0)
        return false;
    m_format->setCurrentIndex(index);
    return true;
}

void ImportFilePage::browse() {
    const QString current = m_path->text().trimmed();
    const QString start = current.isEmpty()
                              ? QStandardPaths::writableLocation(QStandardPaths::DownloadLocation)
                              : QFileInfo(current).absolutePath();
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Import Store Data"), start, fileFilter());
    if (!path.isEmpty())
        setFile(path);
}

void ImportFilePage::loadPreview() {
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    m_state->filePath = path;
    m_preview.reset();
    QString problem;
    if (path.isEmpty()) {
        m_detected->setText(tr("Choose a file to see its format and first rows."));
    } else if (!QFileInfo(path).isFile()) {
        problem = tr("There is no file at %1.").arg(QDir::toNativeSeparators(path));
        m_detected->clear();
    } else {
        m_preview = std::make_shared<const FilePreview>(readFilePreview(path));
        problem = m_preview->error;
        const merch::DetectedFormat& detected = m_preview->detected;
        if (detected.format) {
            m_detected->setText(tr("Recognised as %1 (%2), %3 sure.")
                                    .arg(label(*detected.format), kindNoun(detected.format->kind),
                                         formatPercent(detected.confidence)));
        } else {
            m_detected->setText(tr("MerchSim does not recognise this file's format. Choose it "
                                   "above, or check that this is a store export."));
        }
        m_format->setCurrentIndex(comboIndexOf(detected.format));
    }
    m_model->setPreview(m_preview);
    if (m_preview && !m_preview->rows.isEmpty()) {
        QString note =
            tr("First %1 rows of %2").arg(m_preview->rows.size()).arg(QFileInfo(path).fileName());
        if (!m_preview->encoding.isEmpty())
            note += QStringLiteral("  ·  ") + m_preview->encoding;
        if (m_preview->delimited)
            note += QStringLiteral("  ·  ") +
                    tr("%1-separated").arg(delimiterName(m_preview->delimiter));
        m_previewNote->setText(note);
    } else {
        m_previewNote->setText(tr("Preview"));
    }
    m_table->resizeColumnsToContents();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    onFormatChosen();
}

void ImportFilePage::onFormatChosen() {
    const QVariant entry = m_format->currentData(Qt::UserRole);
    m_state->format = entry.isValid()
                          ? &merch::importFormats()[static_cast<std::size_t>(entry.toInt())]
                          : nullptr;
    emit completeChanged();
}

bool ImportFilePage::isComplete() const {
    // A file the preview could not read still goes to the engine, which says why it cannot
    // be imported; only a missing file or format holds the wizard here.
    return m_state->format && QFileInfo(m_state->filePath).isFile();
}

QString ImportFilePage::detectedText() const {
    return m_detected->text();
}

} // namespace merch::ui
