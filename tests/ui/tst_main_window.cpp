// The main window driven like a user would: open a store, read the Store page, filter and sort
// the products, move between pages by mouse and by Ctrl+1..Ctrl+8, and survive files that are
// not workspaces.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <QTimer>
#include <QUrl>
#include <map>

#include "charts/sessions_per_day_chart.h"
#include "format.h"
#include "jobs/store_loader.h"
#include "main_window.h"
#include "merch/workspace.h"
#include "models/event_counts_model.h"
#include "models/product_filter_proxy.h"
#include "models/product_table_model.h"
#include "page_catalog.h"
#include "pages/audit_page.h"
#include "pages/coming_page.h"
#include "pages/costs_page.h"
#include "pages/lift_page.h"
#include "pages/messaging_page.h"
#include "pages/models_page.h"
#include "pages/product_browser.h"
#include "pages/report_page.h"
#include "pages/search_page.h"
#include "pages/store_page.h"
#include "pages/store_stats_panel.h"
#include "window_test_support.h"

using merch::ui::MainWindow;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void opensWorkspace();
    void storePageShowsTheStore();
    void chartHasOnePointPerDay();
    void filterNarrowsRows_data();
    void filterNarrowsRows();
    void categoryNarrowsRows();
    void sortingIsNumeric_data();
    void sortingIsNumeric();
    void navigationByClick_data();
    void navigationByClick();
    void navigationByShortcut_data();
    void navigationByShortcut();
    void findShortcutFocusesFilter();
    void badFileKeepsStore_data();
    void badFileKeepsStore();
    void errorShowsMessageBox();
    void dropOpensWorkspace();

private:
    QString file(const QString& name) const { return m_dir.filePath(name); }
    bool openStore(const QString& path);
    QTableView* productTable() const;
    merch::ui::ProductFilterProxy* proxy() const;

    QTemporaryDir m_dir;
    QString m_store;
    merch::StoreSummary m_summary;
    std::unique_ptr<MainWindow> m_window;
    QList<merch::ui::ErrorReport> m_errors;
};

void TestMainWindow::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_store = file(QStringLiteral("small.merchsim"));
    auto written = merch::test::writeSmallDemo(m_store);
    QVERIFY2(written.isOk(), written.status().toString().c_str());
    m_summary = *written;
    QCOMPARE(m_summary.products, 200);

    QFile text(file(QStringLiteral("notes.merchsim")));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("product_id,title\np1,Hoodie\n");
    text.close();
    QFile empty(file(QStringLiteral("empty.merchsim")));
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
}

void TestMainWindow::init() {
    m_errors.clear();
    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter(
        [this](const merch::ui::ErrorReport& report) { m_errors << report; });
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(openStore(m_store));
}

void TestMainWindow::cleanup() {
    m_window.reset();
}

bool TestMainWindow::openStore(const QString& path) {
    return merch::test::runAndWaitForLoad(*m_window, [&] { m_window->openWorkspace(path); });
}

QTableView* TestMainWindow::productTable() const {
    return m_window->findChild<QTableView*>(QStringLiteral("productTable"));
}

merch::ui::ProductFilterProxy* TestMainWindow::proxy() const {
    return m_window->storePage()->browser()->proxy();
}

void TestMainWindow::opensWorkspace() {
    const auto snapshot = m_window->snapshot();
    QVERIFY(snapshot);
    QCOMPARE(snapshot->path, m_store);
    QCOMPARE(snapshot->summary.products, m_summary.products);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("MerchSim — small.merchsim"));
    const auto* path = m_window->findChild<QLabel*>(QStringLiteral("statusPath"));
    QVERIFY(path);
    QVERIFY(path->text().contains(QStringLiteral("small.merchsim")));
    const auto* counts = m_window->findChild<QLabel*>(QStringLiteral("statusCounts"));
    QVERIFY(counts->text().contains(merch::ui::formatCount(m_summary.sessions)));
}

void TestMainWindow::storePageShowsTheStore() {
    QCOMPARE(productTable()->model()->rowCount(), 200);
    QAbstractItemModelTester checkModel(m_window->storePage()->browser()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester checkProxy(productTable()->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(static_cast<qsizetype>(m_window->snapshot()->products->size()), 200);
    auto* stats = m_window->storePage()->stats();
    QCOMPARE(stats->value(QStringLiteral("Products")), merch::ui::formatCount(200));
    QCOMPARE(stats->value(QStringLiteral("Sessions")), merch::ui::formatCount(m_summary.sessions));
    QCOMPARE(stats->value(QStringLiteral("Orders")), merch::ui::formatCount(m_summary.orders));
    const QString range = m_window->storePage()->dateRange();
    QVERIFY2(range.startsWith(merch::ui::formatDayRange(m_summary.firstEvent, m_summary.lastEvent)),
             qPrintable(range));
    QVERIFY(range.endsWith(QStringLiteral("%1 days").arg(m_summary.sessionsPerDay.size())));

    auto* events = m_window->findChild<QTableView*>(QStringLiteral("eventCountsTable"));
    QVERIFY(events);
    QCOMPARE(events->model()->rowCount(), merch::kEventTypeCount);
    const int viewRow = static_cast<int>(merch::EventType::View);
    QCOMPARE(events->model()->index(viewRow, merch::ui::EventCountsModel::Count).data().toString(),
             merch::ui::formatCount(m_summary.eventsOfType(merch::EventType::View)));
}

void TestMainWindow::chartHasOnePointPerDay() {
    const auto* chart = m_window->storePage()->chart();
    QVERIFY(chart);
    QVERIFY(m_summary.sessionsPerDay.size() >= 7);
    QCOMPARE(chart->pointCount(), static_cast<int>(m_summary.sessionsPerDay.size()));
}

void TestMainWindow::filterNarrowsRows_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("expectNone");
    QTest::newRow("first product's id") << QStringLiteral("<id>") << false;
    QTest::newRow("first product's brand, upper case") << QStringLiteral("<BRAND>") << false;
    QTest::newRow("no such product") << QStringLiteral("zzqx-no-such-product") << true;
}

void TestMainWindow::filterNarrowsRows() {
    QFETCH(QString, text);
    QFETCH(bool, expectNone);
    const merch::Product& first = m_window->snapshot()->products->front();
    if (text == QStringLiteral("<id>"))
        text = QString::fromStdString(first.id);
    else if (text == QStringLiteral("<BRAND>"))
        text = QString::fromStdString(first.brand).toUpper();
    if (text.isEmpty())
        QSKIP("the first product has no brand");

    // Expected: products with the text in any searchable field, counted directly.
    int expected = 0;
    for (const merch::Product& product : *m_window->snapshot()->products) {
        for (const std::string* field :
             {&product.id, &product.title, &product.brand, &product.category, &product.subcategory,
              &product.color, &product.material}) {
            if (QString::fromStdString(*field).contains(text, Qt::CaseInsensitive)) {
                ++expected;
                break;
            }
        }
    }
    QLineEdit* filter = m_window->storePage()->browser()->filterEdit();
    QTest::keyClicks(filter, text);
    QCOMPARE(proxy()->rowCount(), expected);
    QVERIFY(expectNone ? expected == 0 : (expected > 0 && expected < 200));
    filter->clear();
    QCOMPARE(proxy()->rowCount(), 200);
}

void TestMainWindow::categoryNarrowsRows() {
    QComboBox* combo = m_window->storePage()->browser()->categoryCombo();
    QCOMPARE(combo->count(), static_cast<int>(m_summary.categories.size()) + 1);
    QVERIFY(m_summary.categories.size() >= 2);
    const merch::CategoryCount& largest = m_summary.categories.front();
    combo->setCurrentIndex(1);
    QCOMPARE(proxy()->rowCount(), static_cast<int>(largest.products));
    for (int row = 0; row < proxy()->rowCount(); ++row) {
        QCOMPARE(proxy()->index(row, merch::ui::ProductTableModel::Category).data().toString(),
                 QString::fromStdString(largest.category));
    }
    combo->setCurrentIndex(0);
    QCOMPARE(proxy()->rowCount(), 200);
}

void TestMainWindow::sortingIsNumeric_data() {
    QTest::addColumn<int>("column");
    QTest::addColumn<int>("clicks");
    QTest::newRow("price ascending") << int(merch::ui::ProductTableModel::Price) << 1;
    QTest::newRow("price descending") << int(merch::ui::ProductTableModel::Price) << 2;
    QTest::newRow("variants ascending") << int(merch::ui::ProductTableModel::Variants) << 1;
}

void TestMainWindow::sortingIsNumeric() {
    QFETCH(int, column);
    QFETCH(int, clicks);
    QTableView* table = productTable();
    QHeaderView* header = table->horizontalHeader();
    table->scrollTo(table->model()->index(0, column));
    const QPoint center(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                        header->height() / 2);
    for (int i = 0; i < clicks; ++i)
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(header->sortIndicatorSection(), column);
    const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
    QCOMPARE(ascending, clicks == 1);

    bool sawDifferentValues = false;
    for (int row = 1; row < table->model()->rowCount(); ++row) {
        const double before = table->model()
                                  ->index(row - 1, column)
                                  .data(merch::ui::ProductTableModel::SortRole)
                                  .toDouble();
        const double after = table->model()
                                 ->index(row, column)
                                 .data(merch::ui::ProductTableModel::SortRole)
                                 .toDouble();
        QVERIFY2(ascending ? before <= after : before >= after,
                 qPrintable(QStringLiteral("row %1: %2 then %3").arg(row).arg(before).arg(after)));
        sawDifferentValues = sawDifferentValues || before != after;
    }
    QVERIFY(sawDifferentValues);
}

void TestMainWindow::navigationByClick_data() {
    QTest::addColumn<int>("index");
    const auto& pages = merch::ui::pageCatalog();
    for (std::size_t i = 0; i < pages.size(); ++i)
        QTest::newRow(qPrintable(pages[i].name)) << static_cast<int>(i);
}

void TestMainWindow::navigationByClick() {
    QFETCH(int, index);
    const merch::ui::PageInfo& page = merch::ui::pageCatalog()[static_cast<std::size_t>(index)];
    auto* list = m_window->findChild<QListWidget*>(QStringLiteral("navigationList"));
    auto* stack = m_window->findChild<QStackedWidget*>(QStringLiteral("pageStack"));
    QVERIFY(list && stack);
    if (index == 0) // start elsewhere so the click has something to change
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualItemRect(list->item(1)).center());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualItemRect(list->item(index)).center());
    QCOMPARE(stack->currentIndex(), index);
    QCOMPARE(m_window->currentPage(), index);

    QWidget* current = stack->currentWidget();
    if (page.available) {
        const std::map<QString, QWidget*> pages = {
            {QStringLiteral("Store"), m_window->storePage()},
            {QStringLiteral("Audit"), m_window->auditPage()},
            {QStringLiteral("Models"), m_window->modelsPage()},
            {QStringLiteral("Lift"), m_window->liftPage()},
            {QStringLiteral("Messaging"), m_window->messagingPage()},
            {QStringLiteral("Search"), m_window->searchPage()},
            {QStringLiteral("Costs"), m_window->costsPage()},
            {QStringLiteral("Report"), m_window->reportPage()},
        };
        QVERIFY2(pages.count(page.name), qPrintable(page.name));
        QWidget* expected = pages.at(page.name);
        QCOMPARE(current, expected);
        QVERIFY(!current->objectName().startsWith(QStringLiteral("comingPage_")));
        return;
    }
    QCOMPARE(current->objectName(), QStringLiteral("comingPage_") + page.name.toLower());
    const auto* issue = current->findChild<QLabel*>(QStringLiteral("issueLabel"));
    QVERIFY(issue);
    QCOMPARE(issue->text(),
             QStringLiteral("Arrives with issue #%1, %2").arg(page.issue).arg(page.issueTitle));
    const auto* question = current->findChild<QLabel*>(QStringLiteral("questionLabel"));
    QVERIFY(question && question->text().endsWith(QLatin1Char('?')));
}

void TestMainWindow::navigationByShortcut_data() {
    QTest::addColumn<int>("key");
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("issue");
    QTest::newRow("Ctrl+1 Store") << int(Qt::Key_1) << "Store" << 2;
    QTest::newRow("Ctrl+2 Audit") << int(Qt::Key_2) << "Audit" << 3;
    QTest::newRow("Ctrl+3 Models") << int(Qt::Key_3) << "Models" << 4;
    QTest::newRow("Ctrl+4 Search") << int(Qt::Key_4) << "Search" << 5;
    QTest::newRow("Ctrl+5 Messaging") << int(Qt::Key_5) << "Messaging" << 8;
    QTest::newRow("Ctrl+6 Lift") << int(Qt::Key_6) << "Lift" << 6;
    QTest::newRow("Ctrl+7 Costs") << int(Qt::Key_7) << "Costs" << 7;
    QTest::newRow("Ctrl+8 Report") << int(Qt::Key_8) << "Report" << 9;
}

void TestMainWindow::navigationByShortcut() {
    QFETCH(int, key);
    QFETCH(QString, page);
    QFETCH(int, issue);
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showPage(page == QStringLiteral("Store") ? QStringLiteral("Report")
                                                       : QStringLiteral("Store"));
    QTest::keyClick(m_window.get(), static_cast<Qt::Key>(key), Qt::ControlModifier);
    const int index = merch::ui::pageIndex(page);
    QCOMPARE(m_window->currentPage(), index);
    QCOMPARE(merch::ui::pageCatalog()[static_cast<std::size_t>(index)].issue, issue);
}

void TestMainWindow::findShortcutFocusesFilter() {
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    m_window->showPage(QStringLiteral("lift"));
    QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
    QCOMPARE(m_window->currentPage(), 0);
    QTRY_VERIFY(m_window->storePage()->browser()->filterEdit()->hasFocus());
}

void TestMainWindow::badFileKeepsStore_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("title");
    QTest::newRow("text file named .merchsim") << "notes.merchsim"
                                               << "Could not open notes.merchsim";
    QTest::newRow("empty file") << "empty.merchsim"
                                << "Could not open empty.merchsim";
    QTest::newRow("missing file") << "missing.merchsim"
                                  << "Could not open missing.merchsim";
}

void TestMainWindow::badFileKeepsStore() {
    QFETCH(QString, name);
    QFETCH(QString, title);
    const auto before = m_window->snapshot();
    QSignalSpy loaded(m_window->loader(), &merch::ui::StoreLoader::storeLoaded);
    QVERIFY(!openStore(file(name)));
    QCOMPARE(loaded.count(), 0);
    QCOMPARE(m_errors.size(), 1);
    QCOMPARE(m_errors.front().title, title);
    QVERIFY(!m_errors.front().message.isEmpty());
    QVERIFY(m_errors.front().details.contains(name));
    QCOMPARE(m_window->snapshot(), before); // the same store, untouched
    QCOMPARE(m_window->windowTitle(), QStringLiteral("MerchSim — small.merchsim"));
    QCOMPARE(productTable()->model()->rowCount(), 200);
}

void TestMainWindow::errorShowsMessageBox() {
    // The default reporter: a modal QMessageBox carrying the engine's message.
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QString shownText;
    QTimer poll;
    connect(&poll, &QTimer::timeout, &window, [&] {
        if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
            shownText = box->text();
            box->accept();
        }
    });
    poll.start(20);
    QVERIFY(!merch::test::runAndWaitForLoad(
        window, [&] { window.openWorkspace(file(QStringLiteral("notes.merchsim"))); }));
    QTRY_VERIFY(!shownText.isEmpty());
    auto status = merch::Workspace::open(file(QStringLiteral("notes.merchsim")).toStdString());
    QVERIFY(!status.isOk());
    QCOMPARE(shownText, QString::fromStdString(status.status().message()));
    QVERIFY(!window.snapshot());
}

void TestMainWindow::dropOpensWorkspace() {
    const QString copy = file(QStringLiteral("dropped.merchsim"));
    QFile::remove(copy);
    QVERIFY(QFile::copy(m_store, copy));
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(copy)});
    const QPoint position(700, 450);
    QDragEnterEvent enter(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QVERIFY(merch::test::runAndWaitForLoad(*m_window, [&] {
        QDropEvent drop(position, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(m_window.get(), &drop);
    }));
    QCOMPARE(m_window->snapshot()->path, copy);
    QCOMPARE(m_window->windowTitle(), QStringLiteral("MerchSim — dropped.merchsim"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
