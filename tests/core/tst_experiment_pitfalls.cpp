// The A/B simulation's pitfall switches, each against the clean test on the same world and seed,
// and the aggregate Monte Carlo replicates against closed-form references: A/A false-positive
// rates for one look, daily peeks and the sequential interval; power; coverage; the winner's
// curse. Small worlds (300 products, 600 sessions a day, two weeks) keep each run near 0.2 s.
#include <QTest>

#include <cmath>

#include "merch/experiment.h"
#include "test_support.h"

using namespace merch;

namespace {

ExperimentParams smallTest() {
    ExperimentParams params;
    params.products = 300;
    params.sessionsPerDay = 600;
    params.weeks = 2;
    params.historyDays = 14;
    params.replicates = 0;
    return params;
}

ExperimentResult run(const ExperimentParams& params, std::uint64_t seed = 7) {
    RunControl control;
    control.seed = seed;
    auto result = simulateExperiment(params, control);
    if (!result)
        qFatal("%s", result.status().toString().c_str());
    return *result;
}

double width(const MetricReading& m) {
    return m.test.ciHigh - m.test.ciLow;
}

// 14 days of 1,000 sessions per arm, a rate of 0.1 (variance 0.09) and a +5% lift.
AggregateModel rateModel(double lift) {
    AggregateModel model;
    model.dailySessions.assign(14, {1000, 1000});
    model.replicates = 10000;
    model.metrics = {{"rate", 0.1, 0.09, 0.09, lift, {}}};
    return model;
}

} // namespace

class TestExperimentPitfalls : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void trackingLossTripsTheSrmCheck();
    void contaminationDilutesTheLift();
    void noveltyInflatesTheEarlyReading();
    void outliersWidenAndCappingNarrows();
    void peekingReportsTheStoppedDay();
    void pitfallsNameTheField_data();
    void pitfallsNameTheField();
    void aaReplicatesShowThePeekingFalsePositives();
    void replicatePowerMatchesTheNormalApproximation();
    void winnersCurseOverstatesLowPoweredTests();
    void vendorReadingUsesTheShortWindow();
    void cancelStopsEveryRun_data();
    void cancelStopsEveryRun();

private:
    ExperimentResult m_clean;
};

void TestExperimentPitfalls::initTestCase() {
    m_clean = run(smallTest());
    const MetricReading& atc = m_clean.metrics.front();
    qInfo("clean: add-to-cart %+.2f%% [%+.2f%%, %+.2f%%], true %+.2f%%, SRM p %.3f",
          100 * atc.test.lift, 100 * atc.test.ciLow, 100 * atc.test.ciHigh, 100 * atc.trueLift,
          m_clean.srm.pValue);
    QVERIFY(!m_clean.srm.mismatch);
    QVERIFY(m_clean.pitfallNotes.empty());
}

void TestExperimentPitfalls::trackingLossTripsTheSrmCheck() {
    ExperimentParams params = smallTest();
    params.pitfalls.trackingLoss = 0.15;
    const ExperimentResult lossy = run(params);
    qInfo("tracking loss 15%%: %lld visits lost, shoppers %lld vs %lld, SRM p %.2g, add-to-cart "
          "%+.2f%%",
          static_cast<long long>(lossy.visitsLost), static_cast<long long>(lossy.controlShoppers),
          static_cast<long long>(lossy.treatmentShoppers), lossy.srm.pValue,
          100 * lossy.metrics.front().test.lift);
    QVERIFY(lossy.visitsLost > 0);
    QVERIFY2(lossy.srm.mismatch, "the sample-ratio test fires");
    QVERIFY(lossy.treatmentShoppers < m_clean.treatmentShoppers);
    QCOMPARE(lossy.controlShoppers, m_clean.controlShoppers);
    // Losing non-carting visits raises the treatment arm's recorded add-to-cart rate.
    QVERIFY(lossy.metrics.front().treatment > m_clean.metrics.front().treatment);
    QVERIFY(lossy.verdict.find("Sample-ratio mismatch") != std::string::npos);
    QCOMPARE(int(lossy.pitfallNotes.size()), 1);
}

void TestExperimentPitfalls::contaminationDilutesTheLift() {
    ExperimentParams params = smallTest();
    params.pitfalls.contamination = 1.0; // every control shopper sees the treatment
    const ExperimentResult mixed = run(params);
    const MetricReading& atc = mixed.metrics.front();
    qInfo("contamination 100%%: %lld control shoppers treated, add-to-cart %+.2f%% [%+.2f%%, "
          "%+.2f%%], true %+.2f%%",
          static_cast<long long>(mixed.contaminatedShoppers), 100 * atc.test.lift,
          100 * atc.test.ciLow, 100 * atc.test.ciHigh, 100 * atc.trueLift);
    QCOMPARE(mixed.contaminatedShoppers, mixed.controlShoppers);
    QVERIFY(atc.trueLift > 0.03);
    // Both arms are treated: the test compares the treatment with itself.
    QVERIFY2(atc.test.ciLow <= 0 && 0 <= atc.test.ciHigh, "the interval covers 0");
    QVERIFY(std::abs(atc.test.lift) < atc.trueLift);
}

void TestExperimentPitfalls::noveltyInflatesTheEarlyReading() {
    ExperimentParams params = smallTest();
    params.pitfalls.noveltyLift = 0.5;
    params.pitfalls.noveltyHalfLifeDays = 3;
    const ExperimentResult novel = run(params);
    const MetricReading& atc = novel.metrics.front();
    const MetricReading& clean = m_clean.metrics.front();
    QCOMPARE(atc.control, clean.control); // novelty touches the treatment arm only
    QVERIFY(atc.treatment > clean.treatment);
    QVERIFY(atc.test.lift > clean.test.lift);
    const auto day7 = std::find_if(atc.daily.begin(), atc.daily.end(),
                                   [](const DailyReading& d) { return d.day == 7; });
    QVERIFY(day7 != atc.daily.end());
    qInfo("novelty +50%%, half-life 3 d: week 1 %+.2f%%, two weeks %+.2f%%, clean %+.2f%%",
          100 * day7->lift, 100 * atc.test.lift, 100 * clean.test.lift);
    QVERIFY2(day7->lift > atc.test.lift, "the early reading is the inflated one");
    QCOMPARE(novel.metrics[1].test.lift, m_clean.metrics[1].test.lift); // orders unchanged
}

void TestExperimentPitfalls::outliersWidenAndCappingNarrows() {
    ExperimentParams params = smallTest();
    params.pitfalls.outlierRate = 0.02;
    params.pitfalls.outlierMultiplier = 30;
    const ExperimentResult outliers = run(params);
    params.pitfalls.revenueCapPercentile = 95;
    const ExperimentResult capped = run(params);
    const double clean = width(m_clean.metrics.back());
    const double wide = width(outliers.metrics.back());
    const double narrow = width(capped.metrics.back());
    qInfo("revenue/session CI width: clean %.1f pts, 2%% outliers x30 %.1f pts, capped at p95 "
          "(%.2f) %.1f pts",
          100 * clean, 100 * wide, capped.revenueCap, 100 * narrow);
    QVERIFY(wide > 1.3 * clean);
    QVERIFY(capped.revenueCap > 0);
    QVERIFY(narrow < wide);
    QVERIFY(narrow < clean); // capping also trims the world's own large orders
    QCOMPARE(capped.metrics.front().test.lift, m_clean.metrics.front().test.lift);
}

void TestExperimentPitfalls::peekingReportsTheStoppedDay() {
    ExperimentParams params = smallTest();
    params.pitfalls.peeking = true;
    const ExperimentResult peeked = run(params);
    for (const MetricReading& m : peeked.metrics) {
        if (m.daysToSignificance > 0) {
            QCOMPARE(m.reportedDay, m.daysToSignificance);
            const auto stopped =
                std::find_if(m.daily.begin(), m.daily.end(),
                             [&](const DailyReading& d) { return d.day == m.reportedDay; });
            QVERIFY(stopped != m.daily.end());
            QCOMPARE(m.reportedLift, stopped->lift);
        } else {
            QCOMPARE(m.reportedDay, 14);
            QCOMPARE(m.reportedLift, m.test.lift);
        }
    }
    QCOMPARE(int(peeked.pitfallNotes.size()), 1);
}

void TestExperimentPitfalls::pitfallsNameTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::newRow("noveltyLift") << "pitfalls.noveltyLift";
    QTest::newRow("noveltyHalfLifeDays") << "pitfalls.noveltyHalfLifeDays";
    QTest::newRow("trackingLoss") << "pitfalls.trackingLoss";
    QTest::newRow("contamination") << "pitfalls.contamination";
    QTest::newRow("outlierRate") << "pitfalls.outlierRate";
    QTest::newRow("outlierMultiplier") << "pitfalls.outlierMultiplier";
    QTest::newRow("revenueCapPercentile") << "pitfalls.revenueCapPercentile";
    QTest::newRow("vendorWindowDays") << "vendorWindowDays";
    QTest::newRow("replicates") << "replicates";
}

void TestExperimentPitfalls::pitfallsNameTheField() {
    QFETCH(QString, field);
    ExperimentParams params = smallTest();
    ExperimentPitfalls& p = params.pitfalls;
    if (field.endsWith("noveltyLift"))
        p.noveltyLift = 3;
    else if (field.endsWith("noveltyHalfLifeDays"))
        p.noveltyHalfLifeDays = 0.1;
    else if (field.endsWith("trackingLoss"))
        p.trackingLoss = 0.6;
    else if (field.endsWith("contamination"))
        p.contamination = -0.1;
    else if (field.endsWith("outlierRate"))
        p.outlierRate = 0.2;
    else if (field.endsWith("outlierMultiplier"))
        p.outlierMultiplier = 1;
    else if (field.endsWith("revenueCapPercentile"))
        p.revenueCapPercentile = 20;
    else if (field == "vendorWindowDays")
        params.vendorWindowDays = 15; // past the two-week runway
    else
        params.replicates = -1;
    auto result = simulateExperiment(params, {});
    QCOMPARE(result.status().code(), StatusCode::InvalidArgument);
    QVERIFY2(QString::fromStdString(result.status().message()).startsWith(field),
             result.status().message().c_str());
}

void TestExperimentPitfalls::aaReplicatesShowThePeekingFalsePositives() {
    RunControl control;
    control.seed = 11;
    auto summary = simulateReplicates(rateModel(0.0), control);
    MERCH_VERIFY_OK(summary);
    const ReplicateMetric& m = summary->metrics.front();
    qInfo("A/A over 10000 replicates, 14 daily looks: end %.4f, daily peeking %.4f, sequential "
          "%.4f",
          m.falsePositiveFixed, m.falsePositivePeeking, m.falsePositiveSequential);
    // Binomial(10000, 0.05) sd 0.0022: 0.05 +- 0.01 is beyond 4 sd.
    QVERIFY(std::abs(m.falsePositiveFixed - 0.05) < 0.01);
    // 14 equally spaced looks at 5% each: well above alpha (Armitage, McPherson & Rowe 1969:
    // 0.193 for 10 looks, 0.248 for 20), the sequential interval at or below it.
    QVERIFY(m.falsePositivePeeking > 0.15 && m.falsePositivePeeking < 0.3);
    QVERIFY(m.falsePositiveSequential <= 0.05);
    QVERIFY(std::abs(m.coverage - 0.95) < 0.01);
    QCOMPARE(int(m.lifts.size()), 10000);
}

void TestExperimentPitfalls::replicatePowerMatchesTheNormalApproximation() {
    RunControl control;
    control.seed = 12;
    auto summary = simulateReplicates(rateModel(0.05), control);
    MERCH_VERIFY_OK(summary);
    const ReplicateMetric& m = summary->metrics.front();
    // Reference (scipy 1.10, delta-method se at the true means, n = 14000 per arm):
    //   se = sqrt(v/(mu^2 n) + v mt^2/(mu^4 n)) = 0.0367642, mu = 0.1, mt = 0.105, v = 0.09
    //   power = norm.cdf(0.05/se - 1.959964) + norm.cdf(-0.05/se - 1.959964) = 0.274721
    // Tolerance 0.02: Monte Carlo sd 0.0045 plus the plug-in means of each replicate.
    qInfo("power %.4f (reference 0.2747), mean lift %.4f, coverage %.4f", m.power, m.meanLift,
          m.coverage);
    QVERIFY(std::abs(m.power - 0.274721) < 0.02);
    QVERIFY(std::abs(m.meanLift - 0.05) < 0.002); // sd of the mean 0.037/100
    QVERIFY(std::abs(m.coverage - 0.95) < 0.01);
}

void TestExperimentPitfalls::winnersCurseOverstatesLowPoweredTests() {
    RunControl control;
    control.seed = 13;
    auto summary = simulateReplicates(rateModel(0.05), control);
    MERCH_VERIFY_OK(summary);
    const ReplicateMetric& m = summary->metrics.front();
    qInfo("true +5%%: significant wins average %+.2f%% after 14 days (power %.2f) and %+.2f%% "
          "after 7 (%.2f significant)",
          100 * m.meanSignificantLift, m.power, 100 * m.windowMeanSignificantLift,
          m.windowWinShare);
    // With power about 0.27, a significant result needs lift > 1.96 se = +7.2%.
    QVERIFY(m.meanSignificantLift > 1.96 * 0.0367);
    QVERIFY2(m.windowMeanSignificantLift > m.meanSignificantLift,
             "a shorter window publishes bigger lifts");
    QVERIFY(m.windowWinShare < m.power);
}

void TestExperimentPitfalls::vendorReadingUsesTheShortWindow() {
    ExperimentParams params = smallTest();
    params.replicates = 2000;
    params.vendorWindowDays = 5;
    const ExperimentResult result = run(params);
    QCOMPARE(result.replicates.replicates, 2000);
    for (std::size_t k = 0; k < result.metrics.size(); ++k) {
        const MetricReading& m = result.metrics[k];
        const ReplicateMetric& r = result.replicates.metrics[k];
        QCOMPARE(m.vendor.windowDays, 5);
        QCOMPARE(m.vendor.publishedLift, r.windowMeanSignificantLift);
        QCOMPARE(m.vendor.reportedLift,
                 r.windowWinShare > 0 ? m.vendor.publishedLift : m.vendor.windowLift);
        const auto day5 = std::find_if(m.daily.begin(), m.daily.end(),
                                       [](const DailyReading& d) { return d.day == 5; });
        QVERIFY(day5 != m.daily.end());
        QCOMPARE(m.vendor.windowLift, day5->lift);
    }
    const AttributionReading& a = result.attribution;
    qInfo("click-then-buy share %.3f, attributed %.0f of %.0f, claimed lift %+.1f%%, true "
          "revenue lift %+.1f%%",
          a.clickThenBuyShare, a.attributedRevenue, a.treatmentRevenue, 100 * a.claimedLift,
          100 * result.metrics.back().trueLift);
    QVERIFY(a.clickThenBuyShare > 0 && a.clickThenBuyShare < 1);
    QCOMPARE(a.attributedRevenue, a.clickThenBuyShare * a.treatmentRevenue);
    QVERIFY(a.claimedLift > 0);
}

void TestExperimentPitfalls::cancelStopsEveryRun_data() {
    QTest::addColumn<QString>("treatment");
    QTest::addColumn<double>("at");
    // While the history is logged (the truth run on the second thread), while the treated and
    // the split runs share the threads, and during the replicates.
    QTest::newRow("ranking, history") << "ranking" << 0.1;
    QTest::newRow("ranking, A/B runs") << "ranking" << 0.6;
    QTest::newRow("ranking, replicates") << "ranking" << 0.95;
    QTest::newRow("aa, A/B run") << "aa" << 0.5;
}

void TestExperimentPitfalls::cancelStopsEveryRun() {
    QFETCH(QString, treatment);
    QFETCH(double, at);
    ExperimentParams params = smallTest();
    params.treatment = treatment.toStdString();
    params.replicates = 20000;
    RunControl control;
    double last = 0;
    int backwards = 0;
    control.progress = [&](double fraction, std::string_view) {
        backwards += fraction < last - 1e-12 ? 1 : 0; // progress only moves forward
        last = fraction;
        return fraction < at;
    };
    auto result = simulateExperiment(params, control);
    QCOMPARE(backwards, 0);
    QCOMPARE(result.status().code(), StatusCode::Cancelled);
}

QTEST_GUILESS_MAIN(TestExperimentPitfalls)
#include "tst_experiment_pitfalls.moc"
