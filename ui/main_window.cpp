#include "main_window.h"

#include <QApplication>
#include <QBoxLayout>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>

#include "charts/chart_export.h"
#include "dialogs/new_demo_dialog.h"
#include "format.h"
#include "import_controller.h"
#include "jobs/job_progress_widget.h"
#include "jobs/store_loader.h"
#include "page_catalog.h"
#include "pages/audit_page.h"
#include "pages/coming_page.h"
#include "pages/costs_page.h"
#include "pages/lift_page.h"
#include "pages/messaging_page.h"
#include "pages/models_page.h"
#include "pages/report_page.h"
#include "pages/search_page.h"
#include "pages/store_page.h"
#include "presentation_mode.h"
#include "recent_files.h"
#include "resources.h"
#include "widgets/navigation_bar.h"
#include "widgets/table_export.h"

namespace merch::ui {
namespace {

const QString kWorkspaceFilter = QStringLiteral("MerchSim workspace (*.merchsim)");
const QString kWorkspaceSuffix = QStringLiteral(".merchsim");

// The first dropped local file: a .merchsim file is opened, any other file imported.
QString droppedFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return url.toLocalFile();
    }
    return {};
}

bool isWorkspaceFile(const QString& path) {
    return path.endsWith(kWorkspaceSuffix, Qt::CaseInsensitive);
}

QString statusDetails(const merch::Status& status, const QString& path) {
    return QStringLiteral("Code: %1\nFile: %2")
        .arg(QString::fromUtf8(merch::statusCodeName(status.code())),
             QDir::toNativeSeparators(path));
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_loader(new StoreLoader(this))
    , m_navigation(new NavigationBar(this))
    , m_pages(new QStackedWidget(this))
    , m_storePage(new StorePage(m_loader, this))
    , m_auditPage(new AuditPage(this))
    , m_modelsPage(new ModelsPage(this))
    , m_liftPage(new LiftPage(this))
    , m_messagingPage(new MessagingPage(this))
    , m_searchPage(new SearchPage(this))
    , m_costsPage(new CostsPage(this))
    , m_reportPage(new ReportPage(this))
    , m_imports(new ImportController(this, [this] { return snapshot(); }))
    , m_pathLabel(new QLabel(this))
    , m_countsLabel(new QLabel(this))
    , m_reportError(messageBoxReporter(this)) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);

    createPages();
    createMenus();
    createStatusBar();

    auto* central = new QWidget(this);
    central->setObjectName(QStringLiteral("pageRoot"));
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    connect(m_navigation, &NavigationBar::currentPageChanged, m_pages,
            &QStackedWidget::setCurrentIndex);
    connect(m_storePage, &StorePage::newDemoRequested, this, &MainWindow::newDemoStore);
    connect(m_storePage, &StorePage::openRequested, this, &MainWindow::chooseFileToOpen);
    connect(m_storePage, &StorePage::importRequested, this, [this] { startImport(); });
    connect(m_auditPage, &AuditPage::importRequested, this, [this] { startImport(); });
    connect(m_liftPage, &LiftPage::experimentShown, this,
            [this] { m_costsPage->setExperimentResult(m_liftPage->result()); });
    connect(m_imports, &ImportController::storeChanged, this, &MainWindow::openWorkspace);
    connect(m_loader, &StoreLoader::storeLoaded, this, &MainWindow::onStoreLoaded);
    connect(m_loader, &StoreLoader::jobFailed, this, &MainWindow::onJobFailed);
    connect(m_loader, &StoreLoader::jobCancelled, this, &MainWindow::onJobCancelled);
    connect(m_loader, &StoreLoader::jobFinished, this, &MainWindow::loadFinished);

    m_navigation->setCurrentPage(0);
    updateStoreDisplay();
}

MainWindow::~MainWindow() = default;

void MainWindow::createPages() {
    m_pages->setObjectName(QStringLiteral("pageStack"));
    for (const PageInfo& page : pageCatalog())
        m_pages->addWidget(pageWidget(page));
    enableChartExport(m_pages); // right-click any chart or table to export it
    enableTableExport(m_pages);
}

QWidget* MainWindow::pageWidget(const PageInfo& page) {
    const std::pair<const char*, QWidget*> built[] = {
        {"Store", m_storePage},   {"Audit", m_auditPage},         {"Models", m_modelsPage},
        {"Search", m_searchPage}, {"Messaging", m_messagingPage}, {"Lift", m_liftPage},
        {"Costs", m_costsPage},   {"Report", m_reportPage}};
    for (const auto& [name, widget] : built) {
        if (page.name == QLatin1String(name))
            return widget;
    }
    return new ComingPage(page, m_pages);
}

void MainWindow::createMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&New Demo Store…"), QKeySequence::New, this, &MainWindow::newDemoStore);
    file->addAction(tr("&Open…"), QKeySequence::Open, this, &MainWindow::chooseFileToOpen);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    QAction* import = file->addAction(tr("&Import…"), QKeySequence(tr("Ctrl+I")), this,
                                      [this] { startImport(); });
    import->setObjectName(QStringLiteral("importAction"));
    m_historyAction =
        file->addAction(tr("Import &History…"), this, [this] { m_imports->showHistory(); });
    m_historyAction->setObjectName(QStringLiteral("importHistoryAction"));
    file->addSeparator();
    m_saveAsAction = file->addAction(tr("Save &As…"), QKeySequence(tr("Ctrl+Shift+S")), this,
                                     &MainWindow::saveAs);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), QKeySequence(tr("Ctrl+Q")), this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Find Products"), QKeySequence::Find, this, [this] {
        showPage(pageCatalog().front().name);
        m_storePage->focusFilter();
    });

    QMenu* go = menuBar()->addMenu(tr("&Go"));
    const auto& pages = pageCatalog();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const int index = static_cast<int>(i);
        QAction* action =
            go->addAction(pages[i].name, this, [this, index] { showPageIndex(index); });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
        action->setShortcutContext(Qt::ApplicationShortcut);
        action->setObjectName(QStringLiteral("goTo%1").arg(pages[i].name));
    }

    m_presentation = new PresentationMode(this, menuBar()->addMenu(tr("&View")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About MerchSim"), this, &MainWindow::showAbout);
}

void MainWindow::createStatusBar() {
    m_pathLabel->setObjectName(QStringLiteral("statusPath"));
    m_countsLabel->setObjectName(QStringLiteral("statusCounts"));
    statusBar()->addWidget(m_pathLabel, 1);
    statusBar()->addPermanentWidget(
        new JobProgressWidget(m_loader, JobProgressWidget::Size::Compact, this));
    statusBar()->addPermanentWidget(m_countsLabel);
}

void MainWindow::openWorkspace(const QString& path) {
    m_loader->open(path);
}

void MainWindow::buildDemo(const DemoRequest& request) {
    m_loader->generateDemo(request);
}

void MainWindow::openOrBuildDemo(const QString& path, const merch::DemoStoreParams& params) {
    DemoRequest request;
    request.path = QFileInfo(path).absoluteFilePath().toStdString();
    request.params = params;
    request.reuseExisting = true;
    m_loader->generateDemo(request);
}

QString MainWindow::defaultDemoPath() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(QStringLiteral("demo-store.merchsim"));
}

bool MainWindow::showPage(const QString& name) {
    const int index = pageIndex(name);
    if (index < 0)
        return false;
    showPageIndex(index);
    return true;
}

void MainWindow::showPageIndex(int index) {
    m_navigation->setCurrentPage(index); // the navigation list drives the stack
}

int MainWindow::currentPage() const {
    return m_pages->currentIndex();
}

void MainWindow::startImport(const QString& file) {
    m_imports->startImport(file);
}

bool MainWindow::pagesBusy() const {
    return m_auditPage->isBusy() || m_modelsPage->isBusy() || m_liftPage->isBusy() ||
           m_messagingPage->isBusy() || m_searchPage->isBusy() || m_costsPage->isBusy() ||
           m_reportPage->isBusy();
}

SnapshotPtr MainWindow::snapshot() const {
    return m_storePage->snapshot();
}

void MainWindow::setErrorReporter(ErrorReporter reporter) {
    m_reportError = std::move(reporter);
}

void MainWindow::onStoreLoaded(const SnapshotPtr& snapshot, const QStringList& notices) {
    m_storePage->setSnapshot(snapshot);
    m_auditPage->setSnapshot(snapshot);
    m_modelsPage->setSnapshot(snapshot);
    m_liftPage->setSnapshot(snapshot);
    m_messagingPage->setSnapshot(snapshot);
    m_searchPage->setSnapshot(snapshot);
    m_costsPage->setSnapshot(snapshot);
    m_reportPage->setSnapshot(snapshot);
    if (!notices.isEmpty())
        m_storePage->setNotice(notices.join(QLatin1Char('\n')));
    if (m_recordRecent)
        RecentFiles::add(snapshot->path);
    updateStoreDisplay();
    statusBar()->showMessage(tr("Opened %1").arg(snapshot->fileName()), 4000);
}

void MainWindow::onJobFailed(JobKind kind, const QString& path, const merch::Status& status) {
    const QString name = QFileInfo(path).fileName();
    ErrorReport report;
    switch (kind) {
    case JobKind::Open:
        report.title = tr("Could not open %1").arg(name);
        break;
    case JobKind::Demo:
        report.title = tr("Could not build the demo store");
        break;
    case JobKind::SaveCopy:
        report.title = tr("Could not save a copy as %1").arg(name);
        break;
    }
    report.message = QString::fromStdString(status.message());
    if (report.message.isEmpty())
        report.message = QString::fromUtf8(merch::statusCodeName(status.code()));
    report.details = statusDetails(status, path);
    m_reportError(report);
}

void MainWindow::onJobCancelled(JobKind kind) {
    statusBar()->showMessage(kind == JobKind::Demo ? tr("Demo store cancelled; nothing was written")
                                                   : tr("Cancelled"),
                             6000);
}

void MainWindow::chooseFileToOpen() {
    const SnapshotPtr current = snapshot();
    const QString start = current
                              ? QFileInfo(current->path).absolutePath()
                              : QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Workspace"), start, kWorkspaceFilter);
    if (!path.isEmpty())
        openWorkspace(path);
}

void MainWindow::newDemoStore() {
    NewDemoDialog dialog(this);
    if (dialog.exec() == QDialog::Accepted)
        buildDemo(dialog.request());
}

void MainWindow::saveAs() {
    const SnapshotPtr current = snapshot();
    if (!current)
        return;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Workspace As"), current->path,
                                                kWorkspaceFilter);
    if (path.isEmpty())
        return;
    if (!path.endsWith(kWorkspaceSuffix, Qt::CaseInsensitive))
        path += kWorkspaceSuffix;
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(current->path).absoluteFilePath())
        return; // the store is already saved there
    m_loader->saveCopy(current, path);
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList files = RecentFiles::list();
    for (int i = 0; i < files.size(); ++i) {
        const QString& file = files[i];
        QAction* action =
            m_recentMenu->addAction(tr("&%1  %2").arg(i + 1).arg(QFileInfo(file).fileName()), this,
                                    [this, file] { openWorkspace(file); });
        action->setStatusTip(QDir::toNativeSeparators(file));
        action->setToolTip(QDir::toNativeSeparators(file));
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent stores"))->setEnabled(false);
    m_recentMenu->addSeparator();
    QAction* clear = m_recentMenu->addAction(tr("Clear Recent"), this, [this] {
        RecentFiles::clear();
        rebuildRecentMenu();
    });
    clear->setEnabled(!files.isEmpty());
}

void MainWindow::showAbout() {
    QMessageBox::about(
        this, tr("About MerchSim"),
        tr("<h3>MerchSim %1</h3>"
           "<p>A merchandising simulator for mid-market ecommerce teams: how clean the catalog "
           "is, what personalized ranking, recommendations, search and triggered messages would "
           "do, the lift a clean A/B test would measure, and what build, buy and hybrid cost."
           "</p><p>Everything runs locally: no network, no cloud account, no model downloads."
           "</p>")
            .arg(QCoreApplication::applicationVersion()));
}

void MainWindow::updateStoreDisplay() {
    const SnapshotPtr current = snapshot();
    m_saveAsAction->setEnabled(current != nullptr);
    m_historyAction->setEnabled(current != nullptr);
    if (!current) {
        setWindowTitle(QStringLiteral("MerchSim"));
        m_pathLabel->setText(tr("No store open"));
        m_countsLabel->clear();
        m_navigation->setStore({}, {});
        return;
    }
    const merch::StoreSummary& summary = current->summary;
    setWindowTitle(QStringLiteral("MerchSim — %1").arg(current->fileName()));
    m_pathLabel->setText(QDir::toNativeSeparators(current->path));
    m_countsLabel->setText(tr("%1 products  ·  %2 sessions  ·  %3 events")
                               .arg(formatCount(summary.products), formatCount(summary.sessions),
                                    formatCount(summary.events)));
    m_navigation->setStore(current->fileName(),
                           tr("%1 products · %2 sessions")
                               .arg(formatCount(summary.products),
                                    formatCompact(static_cast<double>(summary.sessions))));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedFile(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = droppedFile(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    if (isWorkspaceFile(path))
        openWorkspace(path);
    else
        startImport(path);
}

} // namespace merch::ui
