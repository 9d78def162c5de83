// The cost model: year-one cost, payback and NPV worked by hand, the defaults against the
// brief's ranges, validation, the recommendation's reasons, Monte Carlo and the tornado.
#include <QTest>

#include <cmath>

#include "merch/cost_model.h"
#include "merch/cost_uncertainty.h"
#include "test_support.h"

using namespace merch;

namespace {

// A path with nothing but people, on a store whose numbers make the arithmetic round.
CostInputs handWorkedInputs() {
    CostInputs in;
    in.store.annualRevenue = 5'200'000; // $100k a week
    in.store.grossMargin = 0.5;
    in.lift.revenueLift = 0.10;
    in.lift.low = 0.05;
    in.lift.high = 0.15;
    in.rates.discountRate = 0;
    in.rates.dayRate = 800;
    in.rates.workDaysPerMonth = 21;
    PathCosts custom;
    custom.buildPeople = 2;
    custom.buildMonths = 3; // 13 weeks
    custom.runPeople = 0;
    custom.rampWeeks = 0;
    custom.liftCapture = 1;
    in.path(CostPath::Custom) = custom;
    return in;
}

} // namespace

class TestCostModel : public QObject {
    Q_OBJECT

private slots:
    void handWorkedPath();
    void saasBill_data();
    void saasBill();
    void infrastructureBill();
    void rampIntegralMatchesNumericIntegration();
    void defaultsLandInTheBriefsRanges();
    void validationNamesTheField();
    void recommendationExplainsItself_data();
    void recommendationExplainsItself();
    void lowLiftSaysFixTheDataFirst();
    void monteCarloIsSeededAndOrdered();
    void zeroWidthRangesGiveTheBaseAnswer();
    void tornadoPutsTheBiggestSwingFirst();
};

void TestCostModel::handWorkedPath() {
    auto result = computeCosts(handWorkedInputs());
    MERCH_VERIFY_OK(result);
    const PathResult& path = result->path(CostPath::Custom);
    // 2 people x 3 months x 21 days x $800.
    QCOMPARE(path.year1.total(), 100'800.0);
    QCOMPARE(path.year1.buildPeople, 100'800.0);
    QCOMPARE(path.timeToValueWeeks, 13.0);
    // $100k a week x 10% x 50% margin = $5,000 a week from week 14; 5,000 (w - 13) >= 100,800
    // first holds at w = 34.
    QCOMPARE(path.weeklyProfitAtFull, 5'000.0);
    QCOMPARE(path.paybackWeek, 34);
    // Undiscounted over 156 weeks: 143 live weeks of profit less the build.
    QVERIFY(std::abs(path.npv - (5'000.0 * 143 - 100'800)) < 1e-6);
    QVERIFY(std::abs(path.cumulativeCost.back() - 100'800) < 1e-6);
    QVERIFY(std::abs(path.roi - (715'000.0 - 100'800) / 100'800) < 1e-9);
    QCOMPARE(int(path.cumulativeProfit.size()), 156);
}

void TestCostModel::saasBill_data() {
    QTest::addColumn<double>("attributedShare");
    QTest::addColumn<double>("searches");
    QTest::addColumn<double>("expectedMonthly");
    // Attributed revenue 0: the $99 minimum applies.
    QTest::newRow("minimum") << 0.0 << 0.0 << 99.0;
    // $12M ARR x 10% attributed / 12 = $100k a month; 2% of it is $2,000.
    QTest::newRow("revenue share") << 0.10 << 0.0 << 2'000.0;
    // Plus (150k - 10k free) / 1k x $0.50 = $70 of search requests.
    QTest::newRow("revenue share and searches") << 0.10 << 150'000.0 << 2'070.0;
}

void TestCostModel::saasBill() {
    QFETCH(double, attributedShare);
    QFETCH(double, searches);
    QFETCH(double, expectedMonthly);
    CostInputs in;
    in.store.annualRevenue = 12'000'000;
    in.store.searchRequestsPerMonth = searches;
    in.store.catalogSize = 2'000; // under the 100k free records
    in.rates.attributedRevenueShare = attributedShare;
    PathCosts saas;
    saas.runPeople = 0;
    saas.saasMinimumMonthly = 99;
    saas.saasRevenueShare = 0.02;
    saas.saasPer1kSearches = 0.5;
    saas.saasFreeSearches = 10'000;
    saas.saasPer1kRecords = 0.4;
    saas.saasFreeRecords = 100'000;
    in.path(CostPath::Saas) = saas;
    auto result = computeCosts(in);
    MERCH_VERIFY_OK(result);
    QVERIFY2(std::abs(result->path(CostPath::Saas).monthlyRunCost - expectedMonthly) < 1e-9,
             std::to_string(result->path(CostPath::Saas).monthlyRunCost).c_str());
}

void TestCostModel::infrastructureBill() {
    CostInputs in;
    in.store.recImpressionsPerDay = 500'000;
    in.store.catalogSize = 2'000;
    PathCosts path;
    path.runPeople = 0;
    path.vms = 2;
    path.cacheMonthly = 91;
    path.inferencePer1kImpressions = 0.01;
    path.cacheHitRate = 0.65;
    path.reembedsPerMonth = 4;
    in.path(CostPath::Hybrid) = path;
    auto result = computeCosts(in);
    MERCH_VERIFY_OK(result);
    // 2 x $0.08 x 730 h + $91 + 500k x 365/12 / 1k x $0.01 x 35% + 4 x 2,000 x 150 tokens x
    // $0.02 / 1M.
    const double expected = 2 * 0.08 * 730 + 91 + 500'000 * 365.0 / 12 / 1000 * 0.01 * 0.35 +
                            4 * 2000 * 150 * 0.02 / 1e6;
    QVERIFY(std::abs(result->path(CostPath::Hybrid).monthlyRunCost - expected) < 1e-9);
}

void TestCostModel::rampIntegralMatchesNumericIntegration() {
    // The weekly profit of a path going live mid-week on a ramp: against a midpoint sum over the
    // same weeks with a ramp written out independently.
    for (const double launch : {0.0, 2.5, 13.0}) {
        for (const double ramp : {0.0, 1.0, 4.0, 7.3}) {
            CostInputs in = handWorkedInputs();
            in.path(CostPath::Custom).buildMonths = launch * 12.0 / 52.0;
            in.path(CostPath::Custom).rampWeeks = ramp;
            auto result = computeCosts(in);
            MERCH_VERIFY_OK(result);
            const auto& profit = result->path(CostPath::Custom).cumulativeProfit;
            double numeric = 0;
            const int steps = 2000;
            for (int w = 0; w < 30; ++w) {
                for (int s = 0; s < steps; ++s) {
                    const double t = w + (s + 0.5) / steps;
                    const double r = t < launch  ? 0
                                     : ramp == 0 ? 1
                                                 : std::min(1.0, (t - launch) / ramp);
                    numeric += 5'000.0 * r / steps;
                }
                QVERIFY2(std::abs(profit[std::size_t(w)] - numeric) < 0.5,
                         qPrintable(QStringLiteral("launch %1 ramp %2 week %3: %4 vs %5")
                                        .arg(launch)
                                        .arg(ramp)
                                        .arg(w + 1)
                                        .arg(profit[std::size_t(w)])
                                        .arg(numeric)));
            }
        }
    }
}

void TestCostModel::defaultsLandInTheBriefsRanges() {
    // The defaults were chosen to sit inside the brief's ranges for the default store; this
    // keeps an edit to a default from silently leaving them.
    const CostInputs defaults;
    auto result = computeCosts(defaults);
    MERCH_VERIFY_OK(result);
    struct Range {
        CostPath path;
        double lowCost, highCost, lowWeeks, highWeeks;
    };
    for (const Range& r :
         {Range{CostPath::Saas, 15e3, 60e3, 2, 6}, Range{CostPath::Hybrid, 40e3, 120e3, 6, 10},
          Range{CostPath::Custom, 120e3, 300e3, 13, 26}}) {
        const PathResult& path = result->path(r.path);
        QVERIFY2(path.year1.total() >= r.lowCost && path.year1.total() <= r.highCost,
                 costPathKey(r.path));
        QVERIFY2(path.timeToValueWeeks >= r.lowWeeks && path.timeToValueWeeks <= r.highWeeks,
                 costPathKey(r.path));
    }
}

void TestCostModel::validationNamesTheField() {
    CostInputs in;
    in.path(CostPath::Hybrid).buildMonths = 40;
    auto result = computeCosts(in);
    QVERIFY(!result);
    QCOMPARE(result.status().code(), StatusCode::InvalidArgument);
    QVERIFY2(result.status().message().find("paths.hybrid.buildMonths") != std::string::npos,
             result.status().message().c_str());
    CostInputs lowAboveLift;
    lowAboveLift.lift.low = 0.2; // above the lift itself
    result = computeCosts(lowAboveLift);
    QVERIFY(!result);
    QVERIFY(result.status().message().find("lift.low") != std::string::npos);
}

void TestCostModel::recommendationExplainsItself_data() {
    QTest::addColumn<double>("revenue");
    QTest::addColumn<double>("lift");
    QTest::newRow("$2M, 8%") << 2e6 << 0.08;
    QTest::newRow("$10M, 5%") << 10e6 << 0.05;
    QTest::newRow("$10M, 12%") << 10e6 << 0.12;
    QTest::newRow("$60M, 10%") << 60e6 << 0.10;
}

void TestCostModel::recommendationExplainsItself() {
    QFETCH(double, revenue);
    QFETCH(double, lift);
    CostInputs in;
    in.store.annualRevenue = revenue;
    in.lift.revenueLift = lift;
    in.lift.high = std::max(in.lift.high, lift);
    auto result = computeCosts(in);
    MERCH_VERIFY_OK(result);
    double best = -1e300;
    CostPath bestPath = CostPath::Saas;
    for (CostPath p : allCostPaths()) {
        if (result->path(p).npv > best) {
            best = result->path(p).npv;
            bestPath = p;
        }
    }
    QCOMPARE(result->recommended, bestPath);
    QVERIFY(!result->reasons.empty());
    QVERIFY(result->reasons.front().find(costPathLabel(bestPath)) != std::string::npos);
    const bool agrees = briefRulePath(revenue) == bestPath;
    const std::string all = [&] {
        std::string text;
        for (const auto& reason : result->reasons)
            text += reason + "\n";
        return text;
    }();
    QVERIFY2(all.find(agrees ? "agrees with the brief" : "disagree") != std::string::npos,
             all.c_str());
}

void TestCostModel::lowLiftSaysFixTheDataFirst() {
    CostInputs in;
    in.lift.revenueLift = 0.03;
    in.lift.low = 0.01;
    auto result = computeCosts(in);
    MERCH_VERIFY_OK(result);
    bool found = false;
    for (const auto& reason : result->reasons)
        found = found || reason.find("fix the data first") != std::string::npos;
    QVERIFY(found);
}

void TestCostModel::monteCarloIsSeededAndOrdered() {
    const CostInputs in;
    RunControl control;
    control.seed = 7;
    UncertaintyParams params;
    params.draws = 1000;
    auto a = analyseCostUncertainty(in, params, control);
    auto b = analyseCostUncertainty(in, params, control);
    MERCH_VERIFY_OK(a);
    MERCH_VERIFY_OK(b);
    control.seed = 8;
    auto c = analyseCostUncertainty(in, params, control);
    MERCH_VERIFY_OK(c);
    for (CostPath p : allCostPaths()) {
        const PathUncertainty& u = a->path(p);
        QCOMPARE(u.p50Npv, b->path(p).p50Npv);
        QVERIFY(u.p50Npv != c->path(p).p50Npv);
        QVERIFY(u.p10Npv <= u.p50Npv && u.p50Npv <= u.p90Npv);
        QVERIFY(u.npvMin <= u.p10Npv && u.p90Npv <= u.npvMax);
        int total = 0;
        for (int n : u.npvHistogram)
            total += n;
        QCOMPARE(total, 1000);
        if (u.p90PaybackWeek > 0) // never-paying draws sort last
            QVERIFY(u.p10PaybackWeek <= u.p50PaybackWeek && u.p50PaybackWeek <= u.p90PaybackWeek);
    }
}

void TestCostModel::zeroWidthRangesGiveTheBaseAnswer() {
    const CostInputs in;
    auto base = computeCosts(in);
    MERCH_VERIFY_OK(base);
    UncertaintyParams params;
    params.draws = 200;
    for (UncertainInput range : defaultUncertainInputs(in)) {
        range.low = range.high = range.base;
        params.ranges.push_back(range);
    }
    auto result = analyseCostUncertainty(in, params, {});
    MERCH_VERIFY_OK(result);
    for (CostPath p : allCostPaths()) {
        QCOMPARE(result->path(p).p10PaybackWeek, base->path(p).paybackWeek);
        QCOMPARE(result->path(p).p90PaybackWeek, base->path(p).paybackWeek);
        QVERIFY(std::abs(result->path(p).p50Npv - base->path(p).npv) < 1e-6);
    }
}

void TestCostModel::tornadoPutsTheBiggestSwingFirst() {
    const CostInputs in;
    auto result = analyseCostUncertainty(in, {}, {});
    MERCH_VERIFY_OK(result);
    QCOMPARE(result->tornado.size(), defaultUncertainInputs(in).size());
    for (std::size_t i = 1; i < result->tornado.size(); ++i)
        QVERIFY(result->tornado[i - 1].swingWeeks >= result->tornado[i].swingWeeks);
    for (const TornadoBar& bar : result->tornado) {
        if (bar.key == "lift") { // more lift never pays back later
            const int low = bar.paybackAtLow < 0 ? 10'000 : bar.paybackAtLow;
            const int high = bar.paybackAtHigh < 0 ? 10'000 : bar.paybackAtHigh;
            QVERIFY(high <= low);
            QVERIFY(bar.npvAtHigh > bar.npvAtLow);
        }
    }
    UncertaintyParams bad;
    bad.ranges = {{"nonsense", "Nonsense", 0, 1, 2}};
    QCOMPARE(analyseCostUncertainty(in, bad, {}).status().code(), StatusCode::InvalidArgument);
}

QTEST_APPLESS_MAIN(TestCostModel)
#include "tst_cost_model.moc"
