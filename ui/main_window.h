// MainWindow: the shell. A sidebar with the workflow's pages, the pages in a stack, the File
// menu, and a status bar with the open store and the running job. It turns user actions into
// StoreLoader jobs and hands the resulting StoreSnapshot to the pages; imports go through the
// ImportController. It computes nothing.
#pragma once

#include <QMainWindow>

#include <cstdint>

#include "error_reporter.h"
#include "jobs/store_jobs.h"

class QLabel;
class QMenu;
class QStackedWidget;

namespace merch::ui {

class AuditPage;
class CostsPage;
class PresentationMode;
class ReportPage;
class ImportController;
class LiftPage;
class MessagingPage;
class ModelsPage;
class SearchPage;
class NavigationBar;
class StoreLoader;
class StorePage;
struct PageInfo;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a workspace in the background; on failure the error is reported and the store that
    // was open stays open.
    void openWorkspace(const QString& path);
    // Builds a demo store at request.path in the background, then opens it.
    void buildDemo(const DemoRequest& request);
    // First start: opens `path` if it is a workspace, otherwise builds the demo store there.
    void openOrBuildDemo(const QString& path, const merch::DemoStoreParams& params = {});
    // Where the first-start demo store lives: AppDataLocation/demo-store.merchsim.
    static QString defaultDemoPath();

    // Shows the page called `name` (case-insensitive); false when there is none.
    bool showPage(const QString& name);
    int currentPage() const;

    SnapshotPtr snapshot() const;
    StoreLoader* loader() const { return m_loader; }
    StorePage* storePage() const { return m_storePage; }
    AuditPage* auditPage() const { return m_auditPage; }
    ModelsPage* modelsPage() const { return m_modelsPage; }
    LiftPage* liftPage() const { return m_liftPage; }
    MessagingPage* messagingPage() const { return m_messagingPage; }
    SearchPage* searchPage() const { return m_searchPage; }
    CostsPage* costsPage() const { return m_costsPage; }
    ReportPage* reportPage() const { return m_reportPage; }
    PresentationMode* presentationMode() const { return m_presentation; }
    ImportController* imports() const { return m_imports; }
    // Opens the import wizard (File > Import…), with `file` chosen when given.
    void startImport(const QString& file = {});
    // True while a page still computes what it shows (the audit, the models, the experiment);
    // screenshots wait for it.
    bool pagesBusy() const;
    void setErrorReporter(ErrorReporter reporter);
    // Whether opened stores go to the Open Recent list (off for screenshots).
    void setRecordRecentFiles(bool record) { m_recordRecent = record; }

signals:
    // After every open, build or save-copy job: true when a store was (re)loaded.
    void loadFinished(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createPages();
    QWidget* pageWidget(const PageInfo& page);
    void createMenus();
    void createStatusBar();
    void showPageIndex(int index);
    void onStoreLoaded(const SnapshotPtr& snapshot, const QStringList& notices);
    void onJobFailed(JobKind kind, const QString& path, const merch::Status& status);
    void onJobCancelled(JobKind kind);
    void chooseFileToOpen();
    void newDemoStore();
    void saveAs();
    void rebuildRecentMenu();
    void showAbout();
    void updateStoreDisplay();

    StoreLoader* m_loader;
    NavigationBar* m_navigation;
    QStackedWidget* m_pages;
    StorePage* m_storePage;
    AuditPage* m_auditPage;
    ModelsPage* m_modelsPage;
    LiftPage* m_liftPage;
    MessagingPage* m_messagingPage;
    SearchPage* m_searchPage;
    CostsPage* m_costsPage;
    ReportPage* m_reportPage;
    PresentationMode* m_presentation = nullptr;
    ImportController* m_imports;
    QMenu* m_recentMenu = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_historyAction = nullptr;
    QLabel* m_pathLabel;
    QLabel* m_countsLabel;
    ErrorReporter m_reportError;
    bool m_recordRecent = true;
};

} // namespace merch::ui
