// FixListPanel: the audit's ranked fix list with its drill-down. Selecting a fix shows why it
// matters, its examples and the products it affects (id, title, category). "Export Fix List…"
// writes merch::fixListCsv, the spreadsheet-safe CSV, to a file the user chooses.
#pragma once

#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

#include "merch/audit.h"
#include "merch/product.h"

class QLabel;
class QPushButton;
class QTableView;

namespace merch::ui {

class AffectedProductsModel;
class FixListModel;

class FixListPanel : public QWidget {
    Q_OBJECT
public:
    using AuditPtr = std::shared_ptr<const merch::AuditResult>;
    using Products = std::shared_ptr<const std::vector<merch::Product>>;
    // Asks where to save the CSV; an empty string cancels. Tests replace the file dialog.
    using PathChooser = std::function<QString(const QString& suggested)>;

    explicit FixListPanel(QWidget* parent = nullptr);

    void setProducts(Products products);
    void setResult(AuditPtr result);
    // Selects the fix in `row` (as a click would) and shows its products.
    void selectFix(int row);
    int selectedFix() const;

    // Writes the fix list CSV to `path`; on failure returns false and sets `error`.
    bool exportFixList(const QString& path, QString* error = nullptr) const;
    void setPathChooser(PathChooser chooser) { m_choosePath = std::move(chooser); }

    QTableView* fixTable() const { return m_fixTable; }
    QTableView* affectedTable() const { return m_affectedTable; }
    FixListModel* fixModel() const { return m_fixes; }
    AffectedProductsModel* affectedModel() const { return m_affected; }
    // Not laid out by the panel: its owner puts it where it fits (the page's tab bar).
    QPushButton* exportButton() const { return m_export; }
    QString affectedCountText() const;
    QString examplesText() const;

signals:
    // After an export: the file written, or the reason nothing was.
    void exported(const QString& path);
    void exportFailed(const QString& message);

private:
    QWidget* createDetail();
    void showFix(int row);
    void exportClicked();

    FixListModel* m_fixes;
    AffectedProductsModel* m_affected;
    QTableView* m_fixTable;
    QTableView* m_affectedTable;
    QLabel* m_title;
    QLabel* m_why;
    QLabel* m_examplesCaption;
    QLabel* m_examples;
    QLabel* m_affectedCount;
    QPushButton* m_export;
    PathChooser m_choosePath;
    QString m_lastExportDir;
};

} // namespace merch::ui
