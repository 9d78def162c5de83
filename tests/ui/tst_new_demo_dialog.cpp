// The New Demo Store dialog: WorldParams defaults, WorldParams::validate() as the judge, and
// the message shown right under the field it names.
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "dialogs/new_demo_dialog.h"

using merch::ui::NewDemoDialog;

class TestNewDemoDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void defaultsComeFromWorldParams();
    void validates_data();
    void validates();
    void needsAPath();

private:
    QTemporaryDir m_dir;
};

void TestNewDemoDialog::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
}

void TestNewDemoDialog::defaultsComeFromWorldParams() {
    NewDemoDialog dialog;
    const merch::WorldParams defaults;
    QCOMPARE(dialog.productsBox()->value(), defaults.products);
    QCOMPARE(dialog.daysBox()->value(), defaults.days);
    QCOMPARE(dialog.sessionsBox()->value(), qRound(defaults.sessionsPerDay));
    QCOMPARE(dialog.seedBox()->value(), static_cast<int>(merch::RunControl{}.seed));

    dialog.setPath(m_dir.filePath(QStringLiteral("mine.merchsim")));
    dialog.seedBox()->setValue(1234);
    dialog.productsBox()->setValue(300);
    const merch::ui::DemoRequest request = dialog.request();
    QCOMPARE(request.seed, std::uint64_t(1234));
    QCOMPARE(request.params.world.products, 300);
    QCOMPARE(QString::fromStdString(request.path), m_dir.filePath(QStringLiteral("mine.merchsim")));
    QVERIFY(!request.reuseExisting);
}

void TestNewDemoDialog::validates_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<int>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("defaults") << "products" << merch::WorldParams{}.products << true;
    QTest::newRow("smallest catalog") << "products" << 50 << true;
    QTest::newRow("too few products") << "products" << 1 << false;
    QTest::newRow("zero days") << "days" << 0 << false;
    QTest::newRow("two years and a day") << "days" << 731 << false;
    QTest::newRow("zero sessions per day") << "sessions" << 0 << false;
}

void TestNewDemoDialog::validates() {
    QFETCH(QString, field);
    QFETCH(int, value);
    QFETCH(bool, valid);
    NewDemoDialog dialog;
    dialog.setPath(m_dir.filePath(QStringLiteral("new-demo.merchsim")));
    QSpinBox* box = field == QStringLiteral("products") ? dialog.productsBox()
                    : field == QStringLiteral("days")   ? dialog.daysBox()
                                                        : dialog.sessionsBox();
    box->setValue(value);
    QCOMPARE(box->value(), value); // the spin box never clamps: validate() judges
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->isEnabled(), valid);
    QCOMPARE(dialog.errorText().isEmpty(), valid);
    if (valid)
        return;
    const merch::WorldParams world = dialog.request().params.world;
    QCOMPARE(dialog.errorText(), QString::fromStdString(world.validate().message()));
    // The message sits right under the field it names.
    QLabel* shown = nullptr;
    for (QLabel* label : dialog.findChildren<QLabel*>(QStringLiteral("fieldError"))) {
        if (label->isVisible())
            shown = label;
    }
    QVERIFY(shown);
    const int gap =
        shown->mapTo(&dialog, QPoint(0, 0)).y() - box->mapTo(&dialog, QPoint(0, box->height())).y();
    QVERIFY2(gap >= 0 && gap < 30, qPrintable(QString::number(gap)));
}

void TestNewDemoDialog::needsAPath() {
    NewDemoDialog dialog;
    dialog.setPath(QString());
    auto* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QVERIFY(!dialog.errorText().isEmpty());
    dialog.setPath(m_dir.path()); // a folder, not a file
    QVERIFY(!ok->isEnabled());
    dialog.setPath(m_dir.filePath(QStringLiteral("ok.merchsim")));
    QVERIFY(ok->isEnabled());

    // An existing file may be replaced (the job swaps it in only once the new store is
    // complete); the dialog says so without calling it an error.
    const QString existing = m_dir.filePath(QStringLiteral("existing.merchsim"));
    QFile file(existing);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    dialog.setPath(existing);
    QVERIFY(ok->isEnabled());
    QVERIFY(dialog.errorText().isEmpty());
}

QTEST_MAIN(TestNewDemoDialog)
#include "tst_new_demo_dialog.moc"
