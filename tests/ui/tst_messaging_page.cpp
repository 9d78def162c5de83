// The Messaging page on a small generated demo store (300 products, 45 days, 250 sessions a
// day): shown, it trains the models and simulates both policies in the background; the carts
// table is ranked by the engine's recovery probability, the comparison table and charts hold
// the engine's numbers (same seed: analyzeMessaging called directly gives the same lifts), the
// timeline has one point per simulated day, the brief's figures are drawn as reference bands;
// the settings are validated by the engine next to the widgets; Cancel stops a run.
#include <QAbstractItemModelTester>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "charts/messaging_charts.h"
#include "jobs/messaging_runner.h"
#include "jobs/store_snapshot.h"
#include "merch/demo_store.h"
#include "merch/workspace.h"
#include "models/messaging_carts_model.h"
#include "pages/messaging_page.h"
#include "pages/messaging_settings_panel.h"
#include "widgets/progress_panel.h"
#include "window_test_support.h"

using merch::ui::MessagingCartsModel;
using merch::ui::MessagingComparisonModel;
using merch::ui::MessagingPage;

namespace {

constexpr int kTimeoutMs = 120000;

} // namespace

class TestMessagingPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cartsAreRankedByTheEngine();
    void comparisonHoldsTheEngineNumbers();
    void chartsFollowTheResult();
    void modelsPassTheTester();
    void settingsAreValidatedNextToTheWidgets_data();
    void settingsAreValidatedNextToTheWidgets();
    void cancelStopsTheRun();
    void importedStoreGetsModelsWithoutSimulation();

private:
    QTemporaryDir m_dir;
    QString m_path;
    merch::ui::SnapshotPtr m_snapshot;
    std::unique_ptr<MessagingPage> m_page;
};

void TestMessagingPage::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("messaging.merchsim"));
    merch::DemoStoreParams params;
    params.world.products = 300;
    params.world.days = 45;
    params.world.sessionsPerDay = 250;
    merch::RunControl control;
    control.seed = 5;
    auto written = merch::writeDemoStore(m_path.toStdString(), params, control);
    QVERIFY2(written.isOk(), written.status().toString().c_str());
    auto snapshot = merch::ui::readSnapshot(m_path.toStdString());
    QVERIFY(snapshot.isOk());
    m_snapshot = *snapshot;

    m_page = std::make_unique<MessagingPage>();
    m_page->resize(1400, 900);
    m_page->settings()->testDays()->setValue(10);
    m_page->settings()->simDays()->setValue(14);
    m_page->settings()->replicates()->setValue(2);
    m_page->setSnapshot(m_snapshot); // not visible yet: nothing runs
    QVERIFY(!m_page->isBusy());
    QSignalSpy shown(m_page.get(), SIGNAL(analysisShown()));
    m_page->show(); // the first show runs the analysis
    QVERIFY(m_page->isBusy());
    QCOMPARE(m_page->state(), QStringLiteral("progress"));
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(m_page->state(), QStringLiteral("content"));
    QVERIFY(m_page->result());
}

void TestMessagingPage::cleanupTestCase() {
    m_page.reset();
}

void TestMessagingPage::cartsAreRankedByTheEngine() {
    const MessagingCartsModel* model = m_page->cartsModel();
    const auto& result = *m_page->result();
    QVERIFY(model->rowCount() > 10);
    QCOMPARE(model->rowCount(), int(result.atRisk.size()));
    for (int row = 1; row < model->rowCount(); ++row) {
        const double before = model->index(row - 1, MessagingCartsModel::Probability)
                                  .data(MessagingCartsModel::ValueRole)
                                  .toDouble();
        const double here = model->index(row, MessagingCartsModel::Probability)
                                .data(MessagingCartsModel::ValueRole)
                                .toDouble();
        QVERIFY(before >= here);
    }
    const auto& top = result.atRisk.front();
    QCOMPARE(model->index(0, MessagingCartsModel::Customer).data().toString(),
             QString::fromStdString(top.key));
    QCOMPARE(model->index(0, MessagingCartsModel::Probability).data().toString(),
             QStringLiteral("%1%").arg(top.probability * 100, 0, 'f', 1));
    if (top.identified)
        QVERIFY(model->index(0, MessagingCartsModel::SendIn)
                    .data()
                    .toString()
                    .contains(QStringLiteral(" h (")));
    QVERIFY(!m_page->qualityLabel()->text().isEmpty());
    QVERIFY(m_page->qualityLabel()->text().contains(QStringLiteral("AUC")));
}

void TestMessagingPage::comparisonHoldsTheEngineNumbers() {
    // The engine on the same store with the same settings: the page shows its numbers.
    auto workspace = merch::Workspace::open(m_path.toStdString());
    QVERIFY(workspace.isOk());
    auto direct = merch::analyzeMessaging(**workspace, m_page->settings()->params(), {});
    QVERIFY2(direct.isOk(), direct.status().toString().c_str());
    QVERIFY(direct->comparison && m_page->result()->comparison);
    const MessagingComparisonModel* model = m_page->comparisonModel();
    QCOMPARE(model->rowCount(), int(direct->comparison->metrics.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto& m = direct->comparison->metrics[std::size_t(row)];
        QCOMPARE(model->index(row, MessagingComparisonModel::Lift)
                     .data(MessagingComparisonModel::ValueRole)
                     .toDouble(),
                 m.lift);
        QCOMPARE(model->index(row, MessagingComparisonModel::Metric).data().toString(),
                 QString::fromStdString(m.label));
    }
}

void TestMessagingPage::chartsFollowTheResult() {
    const auto& c = *m_page->result()->comparison;
    QCOMPARE(m_page->timelineChart()->pointCount(), 14);
    QCOMPARE(m_page->timelineChart()->seriesNames().size(), 4);
    // The brief's three figures (reactivation, reorders, unsubscribes) as reference bands.
    QCOMPARE(m_page->comparisonChart()->referenceBands(), 3);
    const QList<qreal> lifts = m_page->comparisonChart()->predictiveLifts();
    QCOMPARE(lifts.size(), m_page->comparisonChart()->categories().size());
    QVERIFY(!lifts.isEmpty());
    QCOMPARE(lifts.front(), c.metrics.front().lift * 100); // reactivation comes first
    QCOMPARE(m_page->replenishmentChart()->curveCount(),
             std::min(4, int(m_page->result()->replenishment.curves.size())));
}

void TestMessagingPage::modelsPassTheTester() {
    QAbstractItemModelTester carts(m_page->cartsModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester comparison(m_page->comparisonModel(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestMessagingPage::settingsAreValidatedNextToTheWidgets_data() {
    QTest::addColumn<QString>("widget");
    QTest::addColumn<int>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("emails per cart") << "emailsPerCart" << 5 << "emailsPerCart";
    QTest::newRow("replicates") << "replicates" << 0 << "replicates";
    QTest::newRow("test days") << "testDays" << 0 << "testDays";
    QTest::newRow("messages cap") << "maxMessages" << 0 << "maxMessagesPer30Days";
}

void TestMessagingPage::settingsAreValidatedNextToTheWidgets() {
    QFETCH(QString, widget);
    QFETCH(int, value);
    QFETCH(QString, field);
    auto* settings = m_page->settings();
    auto* box = settings->findChild<QSpinBox*>(widget);
    QVERIFY(box);
    const int before = box->value();
    box->setValue(value);
    auto* message = settings->findChild<QLabel*>(QStringLiteral("validationMessage"));
    QVERIFY(message && message->text().startsWith(field));
    QVERIFY(!settings->runButton()->isEnabled());
    box->setValue(before);
    QVERIFY(message->text().isEmpty());
    QVERIFY(settings->runButton()->isEnabled());
}

void TestMessagingPage::cancelStopsTheRun() {
    QSignalSpy cancelled(m_page->runner(), SIGNAL(cancelled()));
    m_page->settings()->replicates()->setValue(6);
    m_page->settings()->runButton()->click();
    QVERIFY(m_page->isBusy());
    QCOMPARE(m_page->state(), QStringLiteral("progress"));
    m_page->progress()->cancelButton()->click();
    QVERIFY(cancelled.wait(kTimeoutMs));
    QVERIFY(!m_page->isBusy());
    QCOMPARE(m_page->state(), QStringLiteral("empty"));
}

void TestMessagingPage::importedStoreGetsModelsWithoutSimulation() {
    // An imported store (no demo world): a few signed-in carts, some bought back later.
    const QString path = m_dir.filePath(QStringLiteral("imported.merchsim"));
    {
        auto workspace = merch::Workspace::create(path.toStdString());
        QVERIFY(workspace.isOk());
        auto writer = (*workspace)->beginWrite();
        QVERIFY(writer.isOk());
        const std::int64_t t0 = 1767571200;
        for (int c = 0; c < 40; ++c) {
            merch::Event cart;
            cart.timestamp = t0 + c * 3600;
            cart.sessionId = "s" + std::to_string(c);
            cart.visitorId = "v" + std::to_string(c);
            cart.customerId = "c" + std::to_string(c);
            cart.type = merch::EventType::AddToCart;
            cart.productId = "p" + std::to_string(c % 5);
            cart.price = 10;
            cart.quantity = 1;
            QVERIFY((*writer)->addEvent(cart).isOk());
            if (c % 3 == 0) {
                merch::Event buy = cart;
                buy.timestamp += 20 * 3600;
                buy.sessionId += "b";
                buy.type = merch::EventType::Purchase;
                QVERIFY((*writer)->addEvent(buy).isOk());
            }
        }
        QVERIFY((*writer)->commit().isOk());
    }
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    QVERIFY(snapshot.isOk());
    MessagingPage page;
    page.resize(1400, 900);
    page.settings()->testDays()->setValue(1);
    QSignalSpy shown(&page, SIGNAL(analysisShown()));
    page.show();
    page.setSnapshot(*snapshot);
    QVERIFY(shown.wait(kTimeoutMs));
    QVERIFY(page.result() && !page.result()->demoStore);
    QVERIFY(!page.result()->comparison);
    QCOMPARE(page.comparisonModel()->rowCount(), 0);
    QCOMPARE(page.timelineChart()->pointCount(), 0);
    QVERIFY(page.qualityLabel()->text().contains(QStringLiteral("Imported store")));
}

QTEST_MAIN(TestMessagingPage)
#include "tst_messaging_page.moc"
