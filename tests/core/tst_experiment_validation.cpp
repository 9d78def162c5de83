// The A/B simulation validated against the world's truth over many seeds: A/A tests reject at
// about alpha, and the 95% interval of the measured lift covers the true lift about 95% of the
// time. Small worlds (300 sessions a day, two weeks) keep each run near 0.1 s.
#include <QTest>

#include "merch/experiment.h"
#include "test_support.h"

using namespace merch;

namespace {

ExperimentParams smallTest(const char* treatment) {
    ExperimentParams params;
    params.treatment = treatment;
    params.products = 300;
    params.sessionsPerDay = 300;
    params.weeks = 2;
    params.historyDays = 14;
    params.replicates = 0; // the agent-level runs are what is validated here
    return params;
}

} // namespace

class TestExperimentValidation : public QObject {
    Q_OBJECT

private slots:
    void aaTestsRejectAtAlpha();
    void intervalsCoverTheTrueLift();
};

void TestExperimentValidation::aaTestsRejectAtAlpha() {
    constexpr int kRuns = 200;
    int rejected = 0;
    for (int seed = 1; seed <= kRuns; ++seed) {
        RunControl control;
        control.seed = std::uint64_t(seed);
        auto result = simulateExperiment(smallTest("aa"), control);
        MERCH_VERIFY_OK(result);
        QCOMPARE(result->metrics.front().trueLift, 0.0); // the same policy: no true effect
        rejected += result->metrics.front().test.significant() ? 1 : 0;
    }
    const double rate = double(rejected) / kRuns;
    qInfo("A/A add-to-cart: %d of %d rejected at alpha 0.05 (%.3f)", rejected, kRuns, rate);
    // Binomial(200, 0.05): 95% of runs fall within 0.02..0.08; the bounds allow a little more.
    QVERIFY(rate >= 0.015 && rate <= 0.095);
}

void TestExperimentValidation::intervalsCoverTheTrueLift() {
    constexpr int kRuns = 100;
    int covered = 0;
    for (int seed = 1; seed <= kRuns; ++seed) {
        RunControl control;
        control.seed = std::uint64_t(1000 + seed);
        auto result = simulateExperiment(smallTest("ranking"), control);
        MERCH_VERIFY_OK(result);
        const MetricReading& m = result->metrics.front();
        covered += m.test.ciLow <= m.trueLift && m.trueLift <= m.test.ciHigh ? 1 : 0;
    }
    qInfo("95%% intervals covering the true add-to-cart lift: %d of %d", covered, kRuns);
    // Binomial(100, 0.95): 95% of runs fall within 0.91..0.99.
    QVERIFY(covered >= 88);
}

QTEST_GUILESS_MAIN(TestExperimentValidation)
#include "tst_experiment_validation.moc"
