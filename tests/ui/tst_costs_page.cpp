// The Costs page on a small generated demo store (300 products, 21 days, 150 sessions a day):
// the store's traffic and the simulated lift are measured in the background; the paths table,
// the charts and the use cases show the engine's numbers for the inputs on screen; editing an
// input recomputes at once; scenarios are saved in the workspace and compared side by side; an
// imported store gets an entered lift with the reason; Cancel stops the measuring.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "charts/cache_ttl_chart.h"
#include "charts/cost_bars_chart.h"
#include "charts/cost_curves_chart.h"
#include "charts/npv_histogram_chart.h"
#include "charts/tornado_chart.h"
#include "jobs/store_snapshot.h"
#include "merch/cost_scenario.h"
#include "merch/simulated_lift.h"
#include "merch/store_cost_profile.h"
#include "merch/workspace.h"
#include "models/cost_paths_model.h"
#include "models/scenario_compare_model.h"
#include "models/use_case_model.h"
#include "pages/cost_inputs_panel.h"
#include "pages/costs_page.h"
#include "widgets/progress_panel.h"
#include "window_test_support.h"

using merch::ui::CostPathsModel;
using merch::ui::CostsPage;

namespace {

constexpr int kTimeoutMs = 120000;

bool waitForRecompute(CostsPage& page, const merch::ui::SnapshotPtr& snapshot) {
    QSignalSpy spy(&page, &CostsPage::recomputed);
    page.setSnapshot(snapshot);
    return !spy.isEmpty() || spy.wait(kTimeoutMs);
}

merch::ui::SnapshotPtr snapshotOf(const QString& path) {
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    return snapshot ? *snapshot : nullptr;
}

} // namespace

class TestCostsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void storeAndLiftComeFromTheWorkspace();
    void tableShowsTheEngineResult();
    void editingAnInputRecomputesAtOnce();
    void chartsFollowTheResult();
    void useCasesAreRanked();
    void scenariosAreSavedAndCompared();
    void modelsPassTheTester();
    void importedStoreGetsAnEnteredLift();
    void cancelStopsTheMeasuring();

private:
    QTemporaryDir m_dir;
    QString m_path;
    merch::ui::SnapshotPtr m_snapshot;
    std::unique_ptr<CostsPage> m_page;
};

void TestCostsPage::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("costs.merchsim"));
    merch::DemoStoreParams params;
    params.world.products = 300;
    params.world.days = 21;
    params.world.sessionsPerDay = 150;
    merch::RunControl control;
    control.seed = 5;
    auto written = merch::writeDemoStore(m_path.toStdString(), params, control);
    QVERIFY2(written.isOk(), written.status().toString().c_str());
    m_snapshot = snapshotOf(m_path);
    QVERIFY(m_snapshot);
    m_page = std::make_unique<CostsPage>();
    m_page->resize(1300, 850);
    QVERIFY(waitForRecompute(*m_page, m_snapshot));
    QCOMPARE(m_page->state(), QStringLiteral("content"));
}

void TestCostsPage::cleanupTestCase() {
    m_page.reset();
}

void TestCostsPage::storeAndLiftComeFromTheWorkspace() {
    auto workspace = merch::Workspace::open(m_path.toStdString());
    QVERIFY(workspace.isOk());
    auto profile = merch::measureStoreCostProfile(**workspace, 1.0, {});
    QVERIFY(profile.isOk());
    const merch::CostInputs& inputs = m_page->inputsPanel()->inputs();
    QCOMPARE(inputs.store.annualRevenue, profile->economics.annualRevenue);
    QCOMPARE(inputs.store.sessionsPerMonth, profile->economics.sessionsPerMonth);
    auto lift = merch::simulateRankingLift(**workspace, {});
    QVERIFY(lift.isOk());
    QCOMPARE(inputs.lift.revenueLift, lift->revenueLift);
    QVERIFY(
        QString::fromStdString(inputs.lift.source).startsWith(QStringLiteral("Lift simulator")));
    // The boxes show the inputs (percent boxes x100).
    QCOMPARE(m_page->inputsPanel()->field(QStringLiteral("lift.revenueLift"))->value(),
             std::round(lift->revenueLift * 1000) / 10);
}

void TestCostsPage::tableShowsTheEngineResult() {
    auto expected = merch::computeCosts(m_page->inputsPanel()->inputs());
    QVERIFY(expected.isOk());
    const CostPathsModel* model = m_page->pathsModel();
    QCOMPARE(model->rowCount(), 3);
    for (merch::CostPath p : merch::allCostPaths()) {
        const int row = static_cast<int>(p);
        QCOMPARE(
            model->index(row, CostPathsModel::Year1).data(CostPathsModel::ValueRole).toDouble(),
            expected->path(p).year1.total());
        QCOMPARE(model->index(row, CostPathsModel::Payback).data(CostPathsModel::ValueRole).toInt(),
                 expected->path(p).paybackWeek);
        QCOMPARE(model->index(row, CostPathsModel::Npv).data(CostPathsModel::ValueRole).toDouble(),
                 expected->path(p).npv);
    }
    const int recommended = static_cast<int>(expected->recommended);
    QVERIFY(
        model->index(recommended, CostPathsModel::Path).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(m_page->recommendation()->text().contains(
        QString::fromUtf8(merch::costPathLabel(expected->recommended))));
}

void TestCostsPage::editingAnInputRecomputesAtOnce() {
    QDoubleSpinBox* dayRate = m_page->inputsPanel()->field(QStringLiteral("rates.dayRate"));
    QVERIFY(dayRate);
    const double before = m_page->result()->path(merch::CostPath::Custom).year1.total();
    QSignalSpy spy(m_page.get(), &CostsPage::recomputed);
    dayRate->setValue(dayRate->value() + 400);
    QCOMPARE(spy.count(), 1); // synchronously, no job
    QCOMPARE(m_page->inputsPanel()->inputs().rates.dayRate, 1200.0);
    auto expected = merch::computeCosts(m_page->inputsPanel()->inputs());
    QVERIFY(expected.isOk());
    const double after = m_page->result()->path(merch::CostPath::Custom).year1.total();
    QCOMPARE(after, expected->path(merch::CostPath::Custom).year1.total());
    QVERIFY(after > before);
    dayRate->setValue(800);
}

void TestCostsPage::chartsFollowTheResult() {
    const auto& result = *m_page->result();
    const QList<qreal> build = m_page->barsChart()->values(0);
    QCOMPARE(build.size(), 3);
    for (merch::CostPath p : merch::allCostPaths())
        QVERIFY(std::abs(build[static_cast<int>(p)] - result.path(p).year1.buildPeople / 1e3) <
                1e-9);
    QCOMPARE(m_page->curvesChart()->seriesCount(), 7); // cost and profit per path, break-even
    int paying = 0;
    for (merch::CostPath p : merch::allCostPaths())
        paying += result.path(p).paybackWeek > 0 ? 1 : 0;
    QCOMPARE(m_page->curvesChart()->breakEvenPoints().size(), paying);
    QCOMPARE(m_page->histogramChart()->seriesCount(), 4);
    QCOMPARE(m_page->cacheChart()->seriesCount(), 4);
    const QStringList inputs = m_page->tornadoChart()->inputLabels();
    QVERIFY(!inputs.isEmpty());
    auto uncertainty = merch::analyseCostUncertainty(m_page->inputsPanel()->inputs(), {}, {});
    QVERIFY(uncertainty.isOk());
    if (m_page->tornadoChart()->showsWeeks())
        QCOMPARE(inputs.front(), QString::fromStdString(uncertainty->tornado.front().label));
}

void TestCostsPage::useCasesAreRanked() {
    const auto& plan = m_page->useCaseModel()->plan();
    QVERIFY(plan);
    QCOMPARE(m_page->useCaseModel()->rowCount(), 4);
    QVERIFY(m_page->useCaseModel()
                ->index(0, merch::ui::UseCaseModel::UseCase)
                .data()
                .toString()
                .contains(QString::fromUtf8(merch::useCaseLabel(plan->first))));
}

void TestCostsPage::scenariosAreSavedAndCompared() {
    QDoubleSpinBox* dayRate = m_page->inputsPanel()->field(QStringLiteral("rates.dayRate"));
    dayRate->setValue(950);
    const merch::Status savedStatus = m_page->saveScenario(QStringLiteral("as quoted"));
    QVERIFY2(savedStatus.isOk(), savedStatus.toString().c_str());
    QCOMPARE(m_page->scenarioCombo()->currentText(), QStringLiteral("as quoted"));
    auto workspace = merch::Workspace::open(m_path.toStdString());
    QVERIFY(workspace.isOk());
    auto saved = merch::loadCostScenario(**workspace, "as quoted");
    QVERIFY(saved.isOk());
    QCOMPARE(saved->rates.dayRate, 950.0);

    dayRate->setValue(1500);
    QComboBox* compare = m_page->compareCombo();
    const int index = compare->findText(QStringLiteral("as quoted"));
    QVERIFY(index > 0);
    compare->setCurrentIndex(index);
    const auto* model = m_page->compareModel();
    QCOMPARE(model->headerData(2, Qt::Horizontal).toString(), QStringLiteral("as quoted"));
    QCOMPARE(model->index(1, 1).data().toString(), QStringLiteral("$1,500"));
    QCOMPARE(model->index(1, 2).data().toString(), QStringLiteral("$950"));

    // Loading the saved scenario puts its inputs back in the boxes.
    QComboBox* scenarios = m_page->scenarioCombo();
    const int savedIndex = scenarios->findText(QStringLiteral("as quoted"));
    scenarios->setCurrentIndex(savedIndex);
    emit scenarios->activated(savedIndex);
    QCOMPARE(dayRate->value(), 950.0);
    dayRate->setValue(800);
}

void TestCostsPage::modelsPassTheTester() {
    QAbstractItemModelTester paths(m_page->pathsModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester useCases(m_page->useCaseModel(),
                                      QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester compare(m_page->compareModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->inputsPanel()->field(QStringLiteral("store.grossMargin"))->setValue(50);
    m_page->inputsPanel()->field(QStringLiteral("store.grossMargin"))->setValue(45);
}

void TestCostsPage::importedStoreGetsAnEnteredLift() {
    const QString path = m_dir.filePath(QStringLiteral("imported.merchsim"));
    {
        auto workspace = merch::Workspace::create(path.toStdString());
        QVERIFY(workspace.isOk());
        auto writer = (*workspace)->beginWrite();
        QVERIFY(writer.isOk());
        merch::Event view;
        view.timestamp = 1767571200;
        view.sessionId = "s1";
        view.visitorId = "v1";
        view.type = merch::EventType::View;
        view.productId = "p1";
        QVERIFY((*writer)->addEvent(view).isOk());
        merch::Event buy = view;
        buy.timestamp += 86400;
        buy.type = merch::EventType::Purchase;
        buy.price = 40;
        buy.quantity = 1;
        buy.orderId = "o1";
        QVERIFY((*writer)->addEvent(buy).isOk());
        QVERIFY((*writer)->commit().isOk());
    }
    CostsPage page;
    QVERIFY(waitForRecompute(page, snapshotOf(path)));
    const std::string source = page.inputsPanel()->inputs().lift.source;
    QVERIFY2(source.find("imported") != std::string::npos, source.c_str());
    QCOMPARE(page.inputsPanel()->inputs().store.annualRevenue, 40.0 * 365);
}

void TestCostsPage::cancelStopsTheMeasuring() {
    CostsPage page;
    QSignalSpy cancelled(page.runner(), &merch::ui::CostStoreRunner::cancelled);
    page.setSnapshot(m_snapshot);
    QCOMPARE(page.state(), QStringLiteral("progress"));
    emit page.findChild<merch::ui::ProgressPanel*>()->cancelRequested();
    QVERIFY(!cancelled.isEmpty() || cancelled.wait(kTimeoutMs));
    QCOMPARE(page.state(), QStringLiteral("empty"));
}

QTEST_MAIN(TestCostsPage)
#include "tst_costs_page.moc"
