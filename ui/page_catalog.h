// The pages of the workflow, in the order a scoping session walks through them, and the issue
// that brings each one. The sidebar, the Ctrl+1..Ctrl+8 shortcuts, the "coming" placeholders and
// `merchsim --page NAME` all read this one table.
#pragma once

#include <QString>

#include <vector>

class QHBoxLayout;
class QWidget;

namespace merch::ui {

struct PageInfo {
    QString name;           // "Store", "Audit", ... (also the --page argument, case-insensitive)
    int issue = 0;          // the issue that delivers the page
    QString issueTitle;     // that issue's title
    QString question;       // the one question the page answers
    bool available = false; // false: the page is a "coming" placeholder
};

const std::vector<PageInfo>& pageCatalog();
// Index into pageCatalog() of the page called `name` (case-insensitive); -1 when none is.
int pageIndex(const QString& name);
// "Store, Audit, Models, ..." for error messages.
QString pageNameList();

// A page's heading row: its name as the title and its question beside it, both children of
// `page` (object names "pageTitle" and "pageSubtitle", styled by the app style sheet).
QHBoxLayout* createPageHeader(QWidget* page, const QString& name);

} // namespace merch::ui
