#include "widgets/table_export.h"

#include <QAbstractItemModel>
#include <QAction>
#include <QFile>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QTableView>

#include <vector>

#include "merch/csv_writer.h"

namespace merch::ui {

namespace {

std::vector<int> columns(const QAbstractItemModel& model, const QTableView* view) {
    std::vector<int> visible;
    for (int c = 0; c < model.columnCount(); ++c) {
        if (!view || !view->isColumnHidden(c))
            visible.push_back(c);
    }
    return visible;
}

QString header(const QAbstractItemModel& model, int column) {
    return model.headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
}

void saveTo(QTableView* view, const QString& filter, const QString& suffix,
            QByteArray (*render)(const QAbstractItemModel&, const QTableView*)) {
    const QString path = QFileDialog::getSaveFileName(view, QObject::tr("Export Table"),
                                                      QStringLiteral("table.") + suffix, filter);
    if (path.isEmpty() || !view->model())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(render(*view->model(), view)) < 0)
        QMessageBox::warning(view, QObject::tr("Table not exported"),
                             QObject::tr("Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace

QByteArray tableCsv(const QAbstractItemModel& model, const QTableView* view) {
    const auto visible = columns(model, view);
    std::vector<std::string> cells;
    for (int c : visible)
        cells.push_back(header(model, c).toStdString());
    std::string csv = merch::csvRow(cells);
    for (int r = 0; r < model.rowCount(); ++r) {
        cells.clear();
        for (int c : visible)
            cells.push_back(model.index(r, c).data(Qt::DisplayRole).toString().toStdString());
        csv += merch::csvRow(cells);
    }
    return QByteArray::fromStdString(csv);
}

QByteArray tableJson(const QAbstractItemModel& model, const QTableView* view) {
    const auto visible = columns(model, view);
    QJsonArray rows;
    for (int r = 0; r < model.rowCount(); ++r) {
        QJsonObject row;
        for (int c : visible)
            row.insert(header(model, c), model.index(r, c).data(Qt::DisplayRole).toString());
        rows.append(row);
    }
    return QJsonDocument(rows).toJson(QJsonDocument::Indented);
}

void enableTableExport(QWidget* root) {
    for (QTableView* view : root->findChildren<QTableView*>()) {
        if (view->property("merchTableExport").toBool())
            continue;
        view->setProperty("merchTableExport", true);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* csv = new QAction(QObject::tr("Export Table as CSV…"), view);
        auto* json = new QAction(QObject::tr("Export Table as JSON…"), view);
        QObject::connect(csv, &QAction::triggered, view, [view] {
            saveTo(view, QObject::tr("CSV (*.csv)"), QStringLiteral("csv"), &tableCsv);
        });
        QObject::connect(json, &QAction::triggered, view, [view] {
            saveTo(view, QObject::tr("JSON (*.json)"), QStringLiteral("json"), &tableJson);
        });
        view->addAction(csv);
        view->addAction(json);
    }
}

} // namespace merch::ui
