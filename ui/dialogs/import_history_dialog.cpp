#include "dialogs/import_history_dialog.h"

#include <QBoxLayout>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTableView>

#include "format.h"
#include "jobs/import_history.h"
#include "jobs/watched_job.h"
#include "models/import_log_model.h"
#include "models/rejected_rows_model.h"

namespace merch::ui {
namespace {

struct LogRead {
    merch::Status status;
    ImportRecords records;
};

struct RowsRead {
    quint64 generation = 0;
    merch::Status status;
    RejectedRows rows;
};

QTableView* table(QAbstractItemModel* model, const QString& name, QWidget* parent) {
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->setAlternatingRowColors(true);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setShowGrid(false);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(30);
    view->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

void ignoreProgress(int, int, const QString&) {}

} // namespace

ImportHistoryDialog::ImportHistoryDialog(const QString& workspacePath, QWidget* parent)
    : QDialog(parent)
    , m_path(workspacePath)
    , m_log(new ImportLogModel(this))
    , m_rejected(new RejectedRowsModel(this))
    , m_importTable(table(m_log, QStringLiteral("importLogTable"), this))
    , m_rejectedTable(table(m_rejected, QStringLiteral("historyRejectedTable"), this))
    , m_status(new QLabel(this))
    , m_rejectedCaption(new QLabel(this)) {
    setObjectName(QStringLiteral("importHistoryDialog"));
    setWindowTitle(tr("Import History — %1").arg(QFileInfo(workspacePath).fileName()));
    resize(1080, 680);

    auto* intro = new QLabel(tr("Every import into %1, newest first. Select one to see the rows "
                                "it rejected.")
                                 .arg(QDir::toNativeSeparators(workspacePath)),
                             this);
    intro->setObjectName(QStringLiteral("cardNote"));
    intro->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("cardNote"));
    m_rejectedCaption->setObjectName(QStringLiteral("cardTitle"));
    m_importTable->setColumnWidth(ImportLogModel::When, 190);
    m_importTable->setColumnWidth(ImportLogModel::File, 220);
    m_rejectedTable->horizontalHeader()->setSectionResizeMode(RejectedRowsModel::Line,
                                                              QHeaderView::ResizeToContents);
    m_rejectedTable->horizontalHeader()->setSectionResizeMode(RejectedRowsModel::Column,
                                                              QHeaderView::ResizeToContents);
    m_rejectedTable->setColumnWidth(RejectedRowsModel::Reason, 320);

    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_rejectedCaption);
    lowerLayout->addWidget(m_rejectedTable, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_importTable);
    splitter->addWidget(lower);
    splitter->setSizes({260, 340});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 18, 20, 16);
    layout->setSpacing(10);
    layout->addWidget(intro);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_importTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                loadRejectedRows(current.isValid() ? current.row() : -1);
            });
    loadLog();
}

void ImportHistoryDialog::loadLog() {
    ++m_loading;
    m_status->setText(tr("Reading the import log…"));
    const std::string path = m_path.toStdString();
    startWatchedJob<LogRead>(
        this,
        [path](QPromise<LogRead>& promise) {
            LogRead read;
            auto records = readImportLog(path);
            if (records)
                read.records = std::move(records).value();
            else
                read.status = records.status();
            promise.addResult(std::move(read));
        },
        ignoreProgress,
        [this](const QFuture<LogRead>& future) {
            --m_loading;
            const LogRead read = future.resultCount() > 0 ? future.result() : LogRead{};
            m_log->setRecords(read.records);
            if (!read.status.isOk())
                m_status->setText(tr("Could not read the import log: %1")
                                      .arg(QString::fromStdString(read.status.message())));
            else if (m_log->rowCount() == 0)
                m_status->setText(tr("Nothing has been imported into this store yet."));
            else
                m_status->setText(m_log->rowCount() == 1
                                      ? tr("1 import")
                                      : tr("%1 imports").arg(formatCount(m_log->rowCount())));
            selectImport(m_log->rowCount() > 0 ? 0 : -1);
            emit logLoaded();
        });
}

void ImportHistoryDialog::selectImport(int row) {
    if (row < 0 || row >= m_log->rowCount()) {
        loadRejectedRows(-1);
        return;
    }
    m_importTable->selectionModel()->setCurrentIndex(
        m_log->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ImportHistoryDialog::loadRejectedRows(int row) {
    const quint64 generation = ++m_rowsGeneration;
    const merch::ImportRecord* record = m_log->record(row);
    m_rejected->setRows(nullptr);
    if (!record) {
        m_rejectedCaption->setText(tr("Rejected rows"));
        return;
    }
    const QString file = QFileInfo(QString::fromStdString(record->entry.file)).fileName();
    m_rejectedCaption->setText(tr("Reading the rows %1 rejected…").arg(file));
    ++m_loading;
    const std::string path = m_path.toStdString();
    const std::int64_t id = record->id;
    startWatchedJob<RowsRead>(
        this,
        [path, id, generation](QPromise<RowsRead>& promise) {
            RowsRead read;
            read.generation = generation;
            auto rows = readRejectedRows(path, id);
            if (rows)
                read.rows = std::move(rows).value();
            else
                read.status = rows.status();
            promise.addResult(std::move(read));
        },
        ignoreProgress,
        [this, generation, file](const QFuture<RowsRead>& future) {
            --m_loading;
            if (generation != m_rowsGeneration)
                return; // another import was selected since
            const RowsRead read = future.resultCount() > 0 ? future.result() : RowsRead{};
            m_rejected->setRows(read.rows);
            const int count = m_rejected->rowCount();
            if (!read.status.isOk())
                m_rejectedCaption->setText(tr("Could not read the rejected rows: %1")
                                               .arg(QString::fromStdString(read.status.message())));
            else if (count == 0)
                m_rejectedCaption->setText(tr("%1: no rows were rejected").arg(file));
            else
                m_rejectedCaption->setText(
                    tr("Rows %1 rejected (%2)").arg(file, formatCount(count)));
            emit rejectedRowsLoaded();
        });
}

QString ImportHistoryDialog::rejectedCaption() const {
    return m_rejectedCaption->text();
}

} // namespace merch::ui
