// The Lift page on a small generated demo store (300 products, 21 days, 150 sessions a day):
// the page learns the store's world, a one-week test shows the engine's measured lift, CI,
// p-value and true lift in the table, the charts and the plain-language panel; the lift chart
// has one point per day; the scenario is validated next to its widgets; a workspace that is
// imported without behaviour to calibrate from says why and refuses to run, and one imported with
// events runs on a world calibrated from them, equal to the engine's; Cancel stops a run. The
// pitfall switches reach the engine's parameters and are validated next to the widgets; the
// vendor-reported lift stands beside the clean test in the table, the bars and the panel; the
// replicate lifts' histogram holds every replicate with the true lift marked.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "charts/lift_bars_chart.h"
#include "charts/lift_distribution_chart.h"
#include "charts/lift_over_time_chart.h"
#include "charts/p_value_chart.h"
#include "jobs/experiment_runner.h"
#include "jobs/store_snapshot.h"
#include "merch/demo_store.h"
#include "merch/workspace.h"
#include "models/lift_table_model.h"
#include "pages/lift_explanation_panel.h"
#include "pages/lift_page.h"
#include "pages/lift_scenario_panel.h"
#include "widgets/empty_state.h"
#include "widgets/progress_panel.h"
#include "window_test_support.h"

using merch::ui::LiftPage;
using merch::ui::LiftScenarioPanel;
using merch::ui::LiftTableModel;

namespace {

constexpr int kTimeoutMs = 60000;

bool waitFor(QObject* sender, const char* signal, const std::function<void()>& start) {
    QSignalSpy spy(sender, signal);
    start();
    return !spy.isEmpty() || spy.wait(kTimeoutMs);
}

} // namespace

class TestLiftPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void readsTheDemoWorld();
    void everyTreatmentIsOffered();
    void tableShowsTheEngineReading_data();
    void tableShowsTheEngineReading();
    void chartsFollowTheReading();
    void distributionHoldsEveryReplicate();
    void panelExplainsTheReading();
    void pitfallsReachTheEngine();
    void scenarioIsValidatedNextToTheWidget_data();
    void scenarioIsValidatedNextToTheWidget();
    void modelPassesTheTester();
    void importedStoreWithoutBehaviourSaysWhy();
    void importedStoreRunsOnACalibratedWorld();
    void cancelStopsTheRun();

private:
    QTemporaryDir m_dir;
    merch::ui::SnapshotPtr m_snapshot;
    std::unique_ptr<LiftPage> m_page;
    merch::ExperimentResult m_expected;
};

void TestLiftPage::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("lift.merchsim"));
    merch::DemoStoreParams params;
    params.world.products = 300;
    params.world.days = 21;
    params.world.sessionsPerDay = 150;
    merch::RunControl control;
    control.seed = 5;
    auto written = merch::writeDemoStore(path.toStdString(), params, control);
    QVERIFY2(written.isOk(), written.status().toString().c_str());
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    QVERIFY(snapshot.isOk());
    m_snapshot = *snapshot;

    m_page = std::make_unique<LiftPage>(); // not shown: no automatic run
    m_page->resize(1200, 800);
    QVERIFY(waitFor(m_page.get(), SIGNAL(worldKnown()), [&] { m_page->setSnapshot(m_snapshot); }));
    QVERIFY(m_page->isDemoStore());

    m_page->scenario()->weeksSpin()->setValue(1);
    QVERIFY(waitFor(m_page.get(), SIGNAL(experimentShown()),
                    [&] { m_page->scenario()->runButton()->click(); }));
    QCOMPARE(m_page->state(), QStringLiteral("content"));

    // The engine, called directly with the same scenario on the same world.
    merch::ExperimentParams expected = m_page->scenario()->params();
    expected.products = 300;
    merch::RunControl seed;
    seed.seed = m_page->scenario()->seed();
    auto result = merch::simulateExperiment(expected, seed);
    QVERIFY(result.isOk());
    m_expected = std::move(result).value();
}

void TestLiftPage::cleanupTestCase() {
    m_page.reset();
}

void TestLiftPage::readsTheDemoWorld() {
    QCOMPARE(m_page->scenario()->sessionsSpin()->value(), 150.0);
    QCOMPARE(m_page->scenario()->seed(), std::uint64_t(5) % 2147483648ULL);
    QCOMPARE(m_page->result()->params.weeks, 1);
    QCOMPARE(m_page->result()->params.products, 300);
}

void TestLiftPage::everyTreatmentIsOffered() {
    // Every treatment the engine simulates is offered, enabled, and maps to valid params.
    LiftScenarioPanel* scenario = m_page->scenario();
    QComboBox* combo = scenario->treatmentCombo();
    const auto* items = qobject_cast<const QStandardItemModel*>(combo->model());
    QVERIFY(items);
    QSet<QString> treatments;
    const int current = combo->currentIndex();
    for (int i = 0; i < combo->count(); ++i) {
        QVERIFY2(items->item(i)->isEnabled(), qPrintable(combo->itemText(i)));
        combo->setCurrentIndex(i);
        const merch::ExperimentParams params = scenario->params();
        treatments.insert(QString::fromStdString(params.treatment));
        QVERIFY2(params.validate().isOk(), qPrintable(combo->itemText(i)));
        QVERIFY(scenario->errorFor(LiftScenarioPanel::Treatment).isEmpty());
        if (params.treatment == "search")
            QVERIFY(combo->itemData(i).toString().endsWith(
                QString::fromStdString(params.searchMethod)));
    }
    combo->setCurrentIndex(current);
    QCOMPARE(combo->itemData(0).toString(), QStringLiteral("ranking"));
    for (const char* name :
         {"ranking", "recs", "search", "messaging", "abandonment", "replenishment"})
        QVERIFY2(treatments.contains(QLatin1String(name)), name);
}

void TestLiftPage::tableShowsTheEngineReading_data() {
    QTest::addColumn<int>("column");
    QTest::newRow("measured lift") << int(LiftTableModel::Measured);
    QTest::newRow("CI") << int(LiftTableModel::Interval);
    QTest::newRow("p-value") << int(LiftTableModel::PValue);
    QTest::newRow("true lift") << int(LiftTableModel::TrueLift);
    QTest::newRow("vendor lift") << int(LiftTableModel::Vendor);
    QTest::newRow("days to p < alpha") << int(LiftTableModel::DaysToSignificance);
}

void TestLiftPage::tableShowsTheEngineReading() {
    QFETCH(int, column);
    const LiftTableModel* model = m_page->tableModel();
    QCOMPARE(model->rowCount(), static_cast<int>(m_expected.metrics.size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const merch::MetricReading& m = m_expected.metrics[static_cast<std::size_t>(row)];
        const QModelIndex cell = model->index(row, column);
        QCOMPARE(model->index(row, 0).data(LiftTableModel::ValueRole).toString(),
                 QString::fromStdString(m.metric));
        switch (column) {
        case LiftTableModel::Measured:
            QCOMPARE(cell.data(LiftTableModel::ValueRole).toDouble(), m.test.lift);
            QCOMPARE(cell.data().toString(), merch::ui::formatLift(m.test.lift));
            break;
        case LiftTableModel::Interval:
            QCOMPARE(cell.data(LiftTableModel::ValueRole).toDouble(), m.test.ciLow);
            QCOMPARE(cell.data().toString(), merch::ui::formatLift(m.test.ciLow) +
                                                 QStringLiteral(" to ") +
                                                 merch::ui::formatLift(m.test.ciHigh));
            break;
        case LiftTableModel::PValue:
            QCOMPARE(cell.data(LiftTableModel::ValueRole).toDouble(), m.test.pValue);
            QCOMPARE(cell.data().toString(), merch::ui::formatPValue(m.test.pValue));
            break;
        case LiftTableModel::TrueLift:
            QCOMPARE(cell.data(LiftTableModel::ValueRole).toDouble(), m.trueLift);
            break;
        case LiftTableModel::Vendor:
            QCOMPARE(cell.data(LiftTableModel::ValueRole).toDouble(), m.vendor.reportedLift);
            QCOMPARE(cell.data().toString(), merch::ui::formatLift(m.vendor.reportedLift));
            break;
        case LiftTableModel::DaysToSignificance:
            QCOMPARE(cell.data(LiftTableModel::ValueRole).toInt(), m.daysToSignificance);
            break;
        default:
            QFAIL("unexpected column");
        }
    }
}

void TestLiftPage::chartsFollowTheReading() {
    const merch::MetricReading& first = m_expected.metrics.front();
    QCOMPARE(first.daily.size(), std::size_t(7));
    QCOMPARE(m_page->liftChart()->pointCount(), 7); // one point per day of the runway
    QCOMPARE(m_page->pValueChart()->pointCount(), 7);
    QCOMPARE(m_page->liftChart()->trueLiftLineValue(), first.trueLift * 100.0);
    QCOMPARE(m_page->liftChart()->pointValue(6), first.daily.back().lift * 100.0);
    QCOMPARE(m_page->pValueChart()->alphaLineValue(), m_expected.params.alpha);
    const QList<qreal> vendor = m_page->barsChart()->values(0);
    const QList<qreal> measured = m_page->barsChart()->values(1);
    const QList<qreal> truth = m_page->barsChart()->values(2);
    QCOMPARE(measured.size(), static_cast<int>(m_expected.metrics.size()));
    for (std::size_t i = 0; i < m_expected.metrics.size(); ++i) {
        QCOMPARE(vendor[static_cast<int>(i)], m_expected.metrics[i].vendor.reportedLift * 100.0);
        QCOMPARE(measured[static_cast<int>(i)], m_expected.metrics[i].test.lift * 100.0);
        QCOMPARE(truth[static_cast<int>(i)], m_expected.metrics[i].trueLift * 100.0);
    }
    // Another metric: the time charts follow it.
    m_page->metricCombo()->setCurrentIndex(1);
    QCOMPARE(m_page->liftChart()->trueLiftLineValue(), m_expected.metrics[1].trueLift * 100.0);
    m_page->metricCombo()->setCurrentIndex(0);
}

void TestLiftPage::panelExplainsTheReading() {
    const QString text = m_page->explanation()->plainText();
    const merch::MetricReading& first = m_expected.metrics.front();
    QVERIFY(text.contains(merch::ui::formatLift(first.test.lift)));
    QVERIFY(text.contains(merch::ui::formatLift(first.trueLift)));
    QVERIFY(text.contains(merch::ui::formatPValue(first.test.pValue)));
    QVERIFY(
        text.contains(QStringLiteral("SRM p = ") + merch::ui::formatPValue(m_expected.srm.pValue)));
    QVERIFY(text.contains(QString::fromStdString(m_expected.verdict)));
    QVERIFY(text.contains(QStringLiteral("Vendor-reported lift")));
    QVERIFY(text.contains(merch::ui::formatLift(first.vendor.reportedLift)));
    QVERIFY(text.contains(QStringLiteral("winner's curse")));
    QVERIFY(text.contains(QStringLiteral("click-then-buy")));
    QVERIFY(text.contains(merch::ui::formatLift(m_expected.attribution.claimedLift)));
    QVERIFY(text.contains(QStringLiteral("sequential interval")));
    const merch::ReplicateMetric& aa = m_expected.replicates.metrics.front();
    QVERIFY(
        text.contains(QString::number(aa.falsePositivePeeking * 100.0, 'f', 1) + QLatin1Char('%')));
    QVERIFY(!text.contains(QStringLiteral("Pitfalls switched on"))); // all off by default
}

void TestLiftPage::distributionHoldsEveryReplicate() {
    const merch::ui::LiftDistributionChart* chart = m_page->distributionChart();
    const merch::ReplicateMetric& replicates = m_expected.replicates.metrics.front();
    const QList<int> counts = chart->counts();
    QCOMPARE(counts.size(), merch::ui::LiftDistributionChart::kBins);
    int total = 0;
    for (int c : counts)
        total += c;
    // Bins span the central 99.8% (and the markers): at most 0.2% of replicates fall outside.
    QVERIFY(total <= m_expected.replicates.replicates);
    QVERIFY(total >= m_expected.replicates.replicates * 998 / 1000);
    QCOMPARE(chart->trueMarker(), replicates.trueLift * 100.0);
    QCOMPARE(chart->measuredMarker(), m_expected.metrics.front().test.lift * 100.0);
    const int trueBin =
        static_cast<int>(std::floor((chart->trueMarker() - chart->binLow()) / chart->binWidth()));
    QVERIFY(trueBin >= 0 && trueBin <= merch::ui::LiftDistributionChart::kBins);
}

void TestLiftPage::pitfallsReachTheEngine() {
    LiftScenarioPanel panel;
    QCOMPARE(panel.params().pitfalls.any(), false); // the clean test by default
    panel.peekingCheck()->setChecked(true);
    panel.noveltySpin()->setValue(20.0);
    panel.halfLifeSpin()->setValue(3.5);
    panel.trackingLossSpin()->setValue(10.0);
    panel.contaminationSpin()->setValue(25.0);
    panel.outliersSpin()->setValue(1.5);
    panel.capSpin()->setValue(99.0);
    panel.vendorWindowSpin()->setValue(5);
    panel.replicatesSpin()->setValue(2000);
    const merch::ExperimentParams p = panel.params();
    QVERIFY(p.pitfalls.peeking);
    QCOMPARE(p.pitfalls.noveltyLift, 0.2);
    QCOMPARE(p.pitfalls.noveltyHalfLifeDays, 3.5);
    QCOMPARE(p.pitfalls.trackingLoss, 0.1);
    QCOMPARE(p.pitfalls.contamination, 0.25);
    QCOMPARE(p.pitfalls.outlierRate, 0.015);
    QCOMPARE(p.pitfalls.revenueCapPercentile, 99.0);
    QCOMPARE(p.vendorWindowDays, 5);
    QCOMPARE(p.replicates, 2000);
    QVERIFY(panel.isValid());
    QVERIFY(panel.errorFor(LiftScenarioPanel::Pitfalls).isEmpty());
}

void TestLiftPage::scenarioIsValidatedNextToTheWidget_data() {
    QTest::addColumn<int>("field");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("split 0%") << int(LiftScenarioPanel::Split) << 0.0 << false;
    QTest::newRow("split 96%") << int(LiftScenarioPanel::Split) << 96.0 << false;
    QTest::newRow("split 30%") << int(LiftScenarioPanel::Split) << 30.0 << true;
    QTest::newRow("0 weeks") << int(LiftScenarioPanel::Weeks) << 0.0 << false;
    QTest::newRow("53 weeks") << int(LiftScenarioPanel::Weeks) << 53.0 << false;
    QTest::newRow("5 sessions a day") << int(LiftScenarioPanel::SessionsPerDay) << 5.0 << false;
    QTest::newRow("5000 sessions a day")
        << int(LiftScenarioPanel::SessionsPerDay) << 5000.0 << true;
    QTest::newRow("tracking loss 60%") << int(LiftScenarioPanel::Pitfalls) << 60.0 << false;
    QTest::newRow("tracking loss 20%") << int(LiftScenarioPanel::Pitfalls) << 20.0 << true;
}

void TestLiftPage::scenarioIsValidatedNextToTheWidget() {
    QFETCH(int, field);
    QFETCH(double, value);
    QFETCH(bool, valid);
    LiftScenarioPanel panel;
    if (field == LiftScenarioPanel::Split)
        panel.splitSpin()->setValue(value);
    else if (field == LiftScenarioPanel::Weeks)
        panel.weeksSpin()->setValue(static_cast<int>(value));
    else if (field == LiftScenarioPanel::Pitfalls)
        panel.trackingLossSpin()->setValue(value);
    else
        panel.sessionsSpin()->setValue(value);
    const auto f = static_cast<LiftScenarioPanel::Field>(field);
    QCOMPARE(panel.errorFor(f).isEmpty(), valid);
    QCOMPARE(panel.runButton()->isEnabled(), valid);
    if (!valid)
        QCOMPARE(panel.errorFor(f), QString::fromStdString(panel.params().validate().message()));
}

void TestLiftPage::modelPassesTheTester() {
    LiftTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setResult(m_page->result());
    QCOMPARE(model.rowCount(), static_cast<int>(m_expected.metrics.size()));
    model.setResult(nullptr);
}

void TestLiftPage::importedStoreWithoutBehaviourSaysWhy() {
    const QString path = m_dir.filePath(QStringLiteral("imported.merchsim"));
    {
        auto created = merch::Workspace::create(path.toStdString());
        QVERIFY(created.isOk());
    }
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    QVERIFY(snapshot.isOk());
    LiftPage page;
    QVERIFY(waitFor(&page, SIGNAL(worldKnown()), [&] { page.setSnapshot(*snapshot); }));
    QVERIFY(!page.isDemoStore());
    QCOMPARE(page.state(), QStringLiteral("empty"));
    QVERIFY(page.emptyState()->text().contains(QStringLiteral("calibrated")));
    QVERIFY(page.scenario()->isEnabled());
    // The run tries to calibrate; a store without events cannot be, and the page says why.
    QSignalSpy failed(page.runner(), &merch::ui::ExperimentRunner::failed);
    page.run();
    QVERIFY(!failed.isEmpty() || failed.wait(kTimeoutMs));
    QCOMPARE(page.state(), QStringLiteral("empty"));
    QVERIFY2(page.emptyState()->text().contains(QStringLiteral("no events")),
             qPrintable(page.emptyState()->text()));
    QVERIFY(!page.scenario()->isEnabled());
    page.run(); // refused: nothing to simulate on
    QVERIFY(!page.isBusy());
}

void TestLiftPage::importedStoreRunsOnACalibratedWorld() {
    // The demo store's events alone, as a store would import them.
    auto demo = merch::Workspace::open(m_snapshot->path.toStdString());
    QVERIFY(demo.isOk());
    auto events = (*demo)->loadEvents();
    QVERIFY(events.isOk());
    const QString path = m_dir.filePath(QStringLiteral("imported-events.merchsim"));
    {
        auto created = merch::Workspace::create(path.toStdString());
        QVERIFY(created.isOk());
        auto writer = (*created)->beginWrite();
        QVERIFY(writer.isOk());
        for (const merch::Event& event : *events)
            QVERIFY((*writer)->addEvent(event).isOk());
        QVERIFY((*writer)->commit().isOk());
    }
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    QVERIFY(snapshot.isOk());
    LiftPage page;
    QVERIFY(waitFor(&page, SIGNAL(worldKnown()), [&] { page.setSnapshot(*snapshot); }));
    QVERIFY(!page.isDemoStore());
    page.scenario()->weeksSpin()->setValue(1);
    QVERIFY(waitFor(&page, SIGNAL(experimentShown()), [&] { page.run(); }));
    QCOMPARE(page.state(), QStringLiteral("content"));
    QVERIFY(page.world().calibration);
    QVERIFY(page.result()->params.calibration == page.world().calibration);
    QVERIFY2(page.worldNote()->text().contains(QStringLiteral("calibrated from")),
             qPrintable(page.worldNote()->text()));
    // The form now shows the calibrated world's traffic and the store seed.
    QCOMPARE(page.scenario()->sessionsSpin()->value(),
             std::round(page.world().calibration->tuning.arrivalsPerDay));
    // The engine on the same calibrated world gives the page's reading.
    merch::ExperimentParams expected = page.result()->params;
    merch::RunControl seed;
    seed.seed = 42;
    auto direct = merch::simulateExperiment(expected, seed);
    QVERIFY(direct.isOk());
    QCOMPARE(direct->metrics.size(), page.result()->metrics.size());
    for (std::size_t i = 0; i < direct->metrics.size(); ++i) {
        QCOMPARE(direct->metrics[i].trueLift, page.result()->metrics[i].trueLift);
        QCOMPARE(direct->metrics[i].test.lift, page.result()->metrics[i].test.lift);
    }
}

void TestLiftPage::cancelStopsTheRun() {
    LiftPage page;
    QVERIFY(waitFor(&page, SIGNAL(worldKnown()), [&] { page.setSnapshot(m_snapshot); }));
    page.scenario()->weeksSpin()->setValue(8);
    page.run();
    QVERIFY(page.isBusy());
    QCOMPARE(page.state(), QStringLiteral("progress"));
    QSignalSpy cancelled(page.runner(), &merch::ui::ExperimentRunner::cancelled);
    page.progress()->cancelButton()->click();
    QVERIFY(!cancelled.isEmpty() || cancelled.wait(kTimeoutMs));
    QVERIFY(!page.isBusy());
    QVERIFY(!page.result());
    QCOMPARE(page.state(), QStringLiteral("empty"));
}

QTEST_MAIN(TestLiftPage)
#include "tst_lift_page.moc"
