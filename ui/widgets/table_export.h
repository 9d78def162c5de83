// Table export: any table's rows as CSV (spreadsheet-safe cells, merch::csvCell) or JSON (an
// array of objects keyed by the column headers), from a context menu on the view.
#pragma once

#include <QByteArray>
#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace merch::ui {

// The model's display text, visible columns of `view` only when a view is given.
QByteArray tableCsv(const QAbstractItemModel& model, const QTableView* view = nullptr);
QByteArray tableJson(const QAbstractItemModel& model, const QTableView* view = nullptr);

// Adds "Export Table as CSV…" and "Export Table as JSON…" to the context menu of every
// QTableView under `root`.
void enableTableExport(QWidget* root);

} // namespace merch::ui
