// Presentation mode: F5's action turns the window full screen with larger type and no menu or
// status bar; Page Down / Page Up step through the workflow's pages; Esc returns to normal.
#include <QAction>
#include <QApplication>
#include <QMenuBar>
#include <QStatusBar>
#include <QTest>

#include "app_style.h"
#include "main_window.h"
#include "page_catalog.h"
#include "presentation_mode.h"
#include "window_test_support.h"

using merch::ui::MainWindow;

class TestPresentationMode : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        merch::test::isolateSettings();
        merch::ui::applyAppStyle(*qApp); // the app's 11 pt base type and style sheet
    }
    void togglesFullScreenLargeType();
    void keysMoveBetweenPages();
};

void TestPresentationMode::togglesFullScreenLargeType() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const double normal = QApplication::font().pointSizeF();
    merch::ui::PresentationMode* mode = window.presentationMode();
    QVERIFY(mode);
    QCOMPARE(mode->action()->shortcut(), QKeySequence(Qt::Key_F5));
    mode->action()->trigger();
    QVERIFY(mode->isActive());
    QVERIFY(window.windowState() & Qt::WindowFullScreen);
    QVERIFY(!window.menuBar()->isVisible());
    QVERIFY(!window.statusBar()->isVisible());
    QCOMPARE(QApplication::font().pointSizeF(), normal * merch::ui::PresentationMode::kTypeScale);
    // The pages' settings and inputs panels are hidden; the results stay.
    const auto editing = [&window] {
        QList<QWidget*> panels;
        for (QWidget* w : window.findChildren<QWidget*>())
            if (w->property("merchEditing").toBool())
                panels << w;
        return panels;
    };
    QVERIFY(editing().size() >= 5); // Models, Messaging, Lift, Costs, Report
    for (QWidget* panel : editing())
        QVERIFY(panel->isHidden());
    QVERIFY(qApp->styleSheet().contains(QStringLiteral("font-size: 29.7pt"))); // 22pt titles
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!mode->isActive());
    QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
    QVERIFY(window.menuBar()->isVisible());
    for (QWidget* panel : editing())
        QVERIFY(!panel->isHidden());
    QCOMPARE(QApplication::font().pointSizeF(), normal);
}

void TestPresentationMode::keysMoveBetweenPages() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(QStringLiteral("Audit"));
    const int audit = window.currentPage();
    window.presentationMode()->setActive(true);
    QTest::keyClick(&window, Qt::Key_PageDown);
    QCOMPARE(window.currentPage(), audit + 1);
    QTest::keyClick(&window, Qt::Key_PageUp);
    QTest::keyClick(&window, Qt::Key_PageUp);
    QCOMPARE(window.currentPage(), audit - 1);
    QTest::keyClick(&window, Qt::Key_PageUp); // wraps around to the last page
    QCOMPARE(window.currentPage(), int(merch::ui::pageCatalog().size()) - 1);
    window.presentationMode()->setActive(false);
    QTest::keyClick(&window, Qt::Key_PageDown); // normal mode: no paging
    QCOMPARE(window.currentPage(), int(merch::ui::pageCatalog().size()) - 1);
}

QTEST_MAIN(TestPresentationMode)
#include "tst_presentation_mode.moc"
