#include "pages/fix_list_panel.h"

#include <QBoxLayout>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>

#include <set>

#include "format.h"
#include "models/affected_products_model.h"
#include "models/fix_list_model.h"

namespace merch::ui {
namespace {

QTableView* table(QAbstractItemModel* model, const QString& name, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(32);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    return view;
}

QLabel* caption(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text, parent);
    label->setObjectName(QStringLiteral("sectionCaption"));
    return label;
}

QString defaultExportDir() {
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

} // namespace

FixListPanel::FixListPanel(QWidget* parent)
    : QWidget(parent)
    , m_fixes(new FixListModel(this))
    , m_affected(new AffectedProductsModel(this))
    , m_fixTable(table(m_fixes, QStringLiteral("fixTable"), this))
    , m_affectedTable(table(m_affected, QStringLiteral("affectedTable"), this))
    , m_title(new QLabel(this))
    , m_why(new QLabel(this))
    , m_examplesCaption(caption(tr("EXAMPLES"), this))
    , m_examples(new QLabel(this))
    , m_affectedCount(new QLabel(this))
    , m_export(new QPushButton(tr("Export Fix List…"), this)) {
    setObjectName(QStringLiteral("fixListPanel"));
    m_choosePath = [this](const QString& suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export Fix List"), suggested,
                                            tr("CSV file (*.csv)"));
    };

    QHeaderView* header = m_fixTable->horizontalHeader();
    header->setSectionResizeMode(FixListModel::Rank, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FixListModel::Issue, QHeaderView::Stretch);
    header->setSectionResizeMode(FixListModel::Skus, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FixListModel::Products, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(FixListModel::WhyItMatters, QHeaderView::Interactive);
    header->setStretchLastSection(false);
    m_fixTable->setColumnWidth(FixListModel::WhyItMatters, 180);
    m_affectedTable->horizontalHeader()->setSectionResizeMode(AffectedProductsModel::Title,
                                                              QHeaderView::Stretch);
    m_affectedTable->setColumnWidth(AffectedProductsModel::Id, 120);
    m_affectedTable->setColumnWidth(AffectedProductsModel::Category, 140);

    m_export->setObjectName(QStringLiteral("exportFixListButton"));
    m_export->setToolTip(tr("Save the ranked fix list as CSV, safe to open in a spreadsheet"));
    m_fixTable->setToolTip(tr("Ranked by impact: how much an issue hurts personalization, "
                              "times the share of products it touches."));

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->setHandleWidth(14);
    splitter->addWidget(m_fixTable);
    splitter->addWidget(createDetail());
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 420});

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 12, 14, 14);
    layout->setSpacing(10);
    layout->addWidget(splitter, 1);

    connect(
        m_fixTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { showFix(current.isValid() ? current.row() : -1); });
    connect(m_export, &QPushButton::clicked, this, &FixListPanel::exportClicked);
}

QWidget* FixListPanel::createDetail() {
    auto* detail = new QWidget(this);
    detail->setObjectName(QStringLiteral("fixDetail"));
    detail->setMinimumWidth(360);
    m_title->setObjectName(QStringLiteral("fixTitle"));
    m_title->setWordWrap(true);
    m_why->setObjectName(QStringLiteral("fixWhy"));
    m_why->setWordWrap(true);
    m_examples->setObjectName(QStringLiteral("fixExamples"));
    m_examples->setWordWrap(true);
    m_examples->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_affectedCount->setObjectName(QStringLiteral("affectedCount"));

    auto* countRow = new QHBoxLayout;
    countRow->addWidget(caption(tr("AFFECTED PRODUCTS"), detail));
    countRow->addStretch();
    countRow->addWidget(m_affectedCount);

    auto* layout = new QVBoxLayout(detail);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_why);
    layout->addSpacing(4);
    layout->addWidget(m_examplesCaption);
    layout->addWidget(m_examples);
    layout->addSpacing(4);
    layout->addLayout(countRow);
    layout->addWidget(m_affectedTable, 1);
    return detail;
}

void FixListPanel::setProducts(Products products) {
    m_affected->setProducts(std::move(products));
}

void FixListPanel::setResult(AuditPtr result) {
    const QString previous = m_fixes->fix(selectedFix())
                                 ? QString::fromStdString(m_fixes->fix(selectedFix())->id)
                                 : QString();
    m_fixes->setResult(std::move(result));
    m_export->setEnabled(m_fixes->result() != nullptr);
    // Keep the same issue selected across re-runs (a new target); else the top fix.
    int row = m_fixes->rowCount() > 0 ? 0 : -1;
    for (int i = 0; i < m_fixes->rowCount(); ++i) {
        if (QString::fromStdString(m_fixes->fix(i)->id) == previous)
            row = i;
    }
    selectFix(row);
}

void FixListPanel::selectFix(int row) {
    if (row < 0 || row >= m_fixes->rowCount()) {
        m_fixTable->selectionModel()->clear();
        showFix(-1);
        return;
    }
    m_fixTable->selectionModel()->setCurrentIndex(
        m_fixes->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    showFix(row); // also when the row was current already
}

int FixListPanel::selectedFix() const {
    const QModelIndex current = m_fixTable->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void FixListPanel::showFix(int row) {
    const merch::AuditIssue* fix = m_fixes->fix(row);
    m_affected->setFix(m_fixes->result(), fix ? row : -1);
    if (!fix) {
        m_title->setText(m_fixes->rowCount() == 0 && m_fixes->result()
                             ? tr("Nothing to fix: no issues were found.")
                             : tr("Select a fix to see the products it affects."));
        m_why->clear();
        m_examples->clear();
        m_examplesCaption->hide();
        m_affectedCount->clear();
        return;
    }
    m_title->setText(QString::fromStdString(fix->title));
    m_why->setText(QString::fromStdString(fix->whyItMatters));
    // Examples that only name affected products repeat the first rows of the products table
    // below (the engine picks them in catalog order); show the ones that say something more,
    // such as the spellings of a tag or the duplicated titles.
    QStringList examples;
    const std::set<std::string> ids(fix->productIds.begin(), fix->productIds.end());
    for (const std::string& example : fix->examples) {
        if (!ids.count(example))
            examples << QString::fromStdString(example);
    }
    m_examples->setText(examples.join(QStringLiteral("  ·  ")));
    m_examplesCaption->setVisible(!examples.isEmpty());
    m_examples->setVisible(!examples.isEmpty());
    const auto products = static_cast<std::int64_t>(fix->productIds.size());
    m_affectedCount->setText(products == 1 ? tr("1 product")
                                           : tr("%1 products").arg(formatCount(products)));
}

QString FixListPanel::affectedCountText() const {
    return m_affectedCount->text();
}

QString FixListPanel::examplesText() const {
    return m_examples->text();
}

bool FixListPanel::exportFixList(const QString& path, QString* error) const {
    if (!m_fixes->result()) {
        if (error)
            *error = tr("There is no audit to export yet.");
        return false;
    }
    const std::string csv = merch::fixListCsv(*m_fixes->result());
    QSaveFile file(path); // written to a temporary file and renamed: never half a CSV
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(csv.data(), static_cast<qint64>(csv.size())) !=
            static_cast<qint64>(csv.size()) ||
        !file.commit()) {
        if (error)
            *error = tr("Could not write %1: %2")
                         .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

void FixListPanel::exportClicked() {
    const QString dir = m_lastExportDir.isEmpty() ? defaultExportDir() : m_lastExportDir;
    QString path = m_choosePath(QDir(dir).filePath(QStringLiteral("fix-list.csv")));
    if (path.isEmpty())
        return;
    if (!path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        path += QStringLiteral(".csv");
    QString error;
    if (!exportFixList(path, &error)) {
        emit exportFailed(error);
        return;
    }
    m_lastExportDir = QFileInfo(path).absolutePath();
    emit exported(path);
}

} // namespace merch::ui
