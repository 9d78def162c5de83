// Experiment statistics: GrowthBook's published fixtures, scipy/statsmodels reference values
// (tests/data/stats/make_reference.py prints the rows pasted below), the sequential and Bayesian
// formulas derived by hand, and validation messages that name the field.
//
// Tolerances, stated per comparison: distribution functions 1e-12 relative (CDF/survival) and
// 1e-11 (quantiles); tests from sums 1e-9 relative (the sums are rounded to 17 digits, the
// reference works from the raw data); GrowthBook fixtures to the digits published (5e-6 or 5e-10
// absolute); closed forms 1e-12 relative.
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <numbers>

#include "merch/distributions.h"
#include "merch/power.h"
#include "merch/stats.h"
#include "test_support.h"

using namespace merch;
using namespace merch::stats;

using Check = std::function<Status()>;
Q_DECLARE_METATYPE(Check)
Q_DECLARE_METATYPE(AdjustMethod)

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool close(double actual, double expected, double relative, double absolute = 0.0) {
    if (std::isinf(expected))
        return actual == expected;
    return std::fabs(actual - expected) <= std::fmax(absolute, relative * std::fabs(expected));
}

QByteArray describe(double actual, double expected) {
    return QByteArray::number(actual, 'g', 17) + " vs expected " +
           QByteArray::number(expected, 'g', 17);
}

#define VERIFY_CLOSE(actual, expected, relative, absolute)                                         \
    QVERIFY2(close(actual, expected, relative, absolute), describe(actual, expected).constData())

// GrowthBook's stats engine fixtures (MIT), quoted in issue 6.
const MeanSample kGbMeanControl{1396.87, 52377.9767, 3407};
const MeanSample kGbMeanTreatment{2422.7, 134698.29, 3461};
const ProportionSample kGbPropControl{14, 28};
const ProportionSample kGbPropTreatment{16, 30};
const RatioSample kGbRatioControl{100, 270, 848.79, 510, 810, -900};
const RatioSample kGbRatioTreatment{120, 300, 869, 500, 800, -905};

TestOptions options(LiftScale scale, Alternative alternative = Alternative::TwoSided) {
    TestOptions o;
    o.scale = scale;
    o.alternative = alternative;
    return o;
}

// Arms with a fixed per-unit variance and `total` units split evenly (for the sequential checks).
ArmMoments arm(double mean, double variance, double total) {
    ArmMoments a;
    a.mean = mean;
    a.variance = variance;
    a.n = std::int64_t(total / 2);
    return a;
}

} // namespace

class TestStats : public QObject {
    Q_OBJECT

private slots:
    void distributions_data();
    void distributions();
    void distributionsRejectBadArguments();
    void quantilesInvertTheCdfs();
    void growthBookFixtures_data();
    void growthBookFixtures();
    void welchMatchesStatsmodels_data();
    void welchMatchesStatsmodels();
    void proportionsMatchStatsmodels_data();
    void proportionsMatchStatsmodels();
    void ratioWithImpossibleSumsWarns();
    void degenerateDataFails();
    void sequentialMatchesTheHandDerivation();
    void sequentialIsWiderThanFixedAndTightestNearTuning();
    void sequentialPValueAgreesWithTheSequence();
    void bayesianChanceToWin();
    void srmMatchesScipy_data();
    void srmMatchesScipy();
    void adjustMatchesStatsmodels_data();
    void adjustMatchesStatsmodels();
    void sampleSizeMatchesStatsmodels_data();
    void sampleSizeMatchesStatsmodels();
    void powerMatchesStatsmodels_data();
    void powerMatchesStatsmodels();
    void runwayUsesTheSplit();
    void validationNamesTheField_data();
    void validationNamesTheField();
};

void TestStats::distributions_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<double>("x");
    QTest::addColumn<double>("dof");
    QTest::addColumn<double>("expected");
    // clang-format off
    // scipy 1.10.1, from make_reference.py; the t quantiles invert scipy's t.cdf with brentq
    // because scipy's own t.ppf (CDFLIB) is accurate to about 1e-9 only.
    QTest::newRow("normal cdf -37.5") << "normal_cdf" << -37.5 << 0.0 << 4.605353009581954e-308;
    QTest::newRow("normal cdf -8.0") << "normal_cdf" << -8.0 << 0.0 << 6.22096057427174e-16;
    QTest::newRow("normal cdf -3.0") << "normal_cdf" << -3.0 << 0.0 << 0.0013498980316300933;
    QTest::newRow("normal cdf -1.959963984540054") << "normal_cdf" << -1.959963984540054 << 0.0 << 0.025;
    QTest::newRow("normal cdf -0.5") << "normal_cdf" << -0.5 << 0.0 << 0.3085375387259869;
    QTest::newRow("normal cdf 0.0") << "normal_cdf" << 0.0 << 0.0 << 0.5;
    QTest::newRow("normal cdf 0.7") << "normal_cdf" << 0.7 << 0.0 << 0.758036347776927;
    QTest::newRow("normal cdf 2.5") << "normal_cdf" << 2.5 << 0.0 << 0.9937903346742238;
    QTest::newRow("normal cdf 6.0") << "normal_cdf" << 6.0 << 0.0 << 0.9999999990134123;
    QTest::newRow("normal sf 3.0") << "normal_sf" << 3.0 << 0.0 << 0.0013498980316300933;
    QTest::newRow("normal sf 8.0") << "normal_sf" << 8.0 << 0.0 << 6.22096057427174e-16;
    QTest::newRow("normal sf 20.0") << "normal_sf" << 20.0 << 0.0 << 2.7536241186061556e-89;
    QTest::newRow("normal ppf 1e-300") << "normal_ppf" << 1e-300 << 0.0 << -37.0470962993612;
    QTest::newRow("normal ppf 1e-12") << "normal_ppf" << 1e-12 << 0.0 << -7.034483825301131;
    QTest::newRow("normal ppf 0.0001") << "normal_ppf" << 0.0001 << 0.0 << -3.7190164854556804;
    QTest::newRow("normal ppf 0.025") << "normal_ppf" << 0.025 << 0.0 << -1.9599639845400545;
    QTest::newRow("normal ppf 0.3") << "normal_ppf" << 0.3 << 0.0 << -0.5244005127080409;
    QTest::newRow("normal ppf 0.5") << "normal_ppf" << 0.5 << 0.0 << 0.0;
    QTest::newRow("normal ppf 0.8") << "normal_ppf" << 0.8 << 0.0 << 0.8416212335729143;
    QTest::newRow("normal ppf 0.975") << "normal_ppf" << 0.975 << 0.0 << 1.959963984540054;
    QTest::newRow("normal ppf 0.9999999999") << "normal_ppf" << 0.9999999999 << 0.0 << 6.361340889697422;
    QTest::newRow("t cdf -3 df 1") << "t_cdf" << -3.0 << 1.0 << 0.10241638234956672;
    QTest::newRow("t cdf 0.5 df 1") << "t_cdf" << 0.5 << 1.0 << 0.6475836176504333;
    QTest::newRow("t cdf -2 df 2.5") << "t_cdf" << -2.0 << 2.5 << 0.078695747878983;
    QTest::newRow("t cdf 2.1 df 5") << "t_cdf" << 2.1 << 5.0 << 0.9551233750577007;
    QTest::newRow("t cdf -1.3 df 30") << "t_cdf" << -1.3 << 30.0 << 0.10175047926905845;
    QTest::newRow("t cdf -12 df 30") << "t_cdf" << -12.0 << 30.0 << 2.7900927075996303e-13;
    QTest::newRow("t cdf 4 df 1000") << "t_cdf" << 4.0 << 1000.0 << 0.9999659950403956;
    QTest::newRow("t cdf -40 df 3") << "t_cdf" << -40.0 << 3.0 << 1.719034039457927e-05;
    QTest::newRow("t cdf -2.0 df 5841.742032093565") << "t_cdf" << -2.0 << 5841.742032093565 << 0.022773239504782446;
    QTest::newRow("t cdf 1.5 df 1000000.0") << "t_cdf" << 1.5 << 1000000.0 << 0.9331926408816036;
    QTest::newRow("t cdf -100000.0 df 2") << "t_cdf" << -100000.0 << 2.0 << 4.99999999925e-11;
    QTest::newRow("t sf 50 df 10") << "t_sf" << 50.0 << 10.0 << 1.2371551646513438e-13;
    QTest::newRow("t sf 8 df 200") << "t_sf" << 8.0 << 200.0 << 4.9396004546653353e-14;
    QTest::newRow("t sf 3.3 df 4.5") << "t_sf" << 3.3 << 4.5 << 0.012559735494573026;
    QTest::newRow("t ppf 0.975 df 1") << "t_ppf" << 0.975 << 1.0 << 12.706204736174694;
    QTest::newRow("t ppf 0.025 df 2.5") << "t_ppf" << 0.025 << 2.5 << -3.574654842003683;
    QTest::newRow("t ppf 0.975 df 5841.742032093565") << "t_ppf" << 0.975 << 5841.742032093565 << 1.9603701569544807;
    QTest::newRow("t ppf 0.95 df 30") << "t_ppf" << 0.95 << 30.0 << 1.6972608865939571;
    QTest::newRow("t ppf 1e-10 df 3") << "t_ppf" << 1e-10 << 3.0 << -2225.7692846830932;
    QTest::newRow("t ppf 0.999999 df 7.3") << "t_ppf" << 0.999999 << 7.3 << 13.493523060689592;
    QTest::newRow("t ppf 0.6 df 2") << "t_ppf" << 0.6 << 2.0 << 0.2886751345948128;
    QTest::newRow("t ppf 0.975 df 1000000.0") << "t_ppf" << 0.975 << 1000000.0 << 1.9599663568141068;
    QTest::newRow("t ppf 1e-20 df 1") << "t_ppf" << 1e-20 << 1.0 << -3.1830988618379063e+19;
    QTest::newRow("chi2 sf 18.18181818181818 df 1") << "chi2_sf" << 18.18181818181818 << 1.0 << 2.0078656124264854e-05;
    QTest::newRow("chi2 sf 0.20915032679738563 df 1") << "chi2_sf" << 0.20915032679738563 << 1.0 << 0.647434185701797;
    QTest::newRow("chi2 sf 3.84 df 1") << "chi2_sf" << 3.84 << 1.0 << 0.05004352124870519;
    QTest::newRow("chi2 sf 7.5 df 3") << "chi2_sf" << 7.5 << 3.0 << 0.0575584519726364;
    QTest::newRow("chi2 sf 30 df 10") << "chi2_sf" << 30.0 << 10.0 << 0.000856641210775301;
    QTest::newRow("chi2 sf 150 df 100") << "chi2_sf" << 150.0 << 100.0 << 0.0009039320423540184;
    QTest::newRow("chi2 sf 0.001 df 2") << "chi2_sf" << 0.001 << 2.0 << 0.9995001249791693;
    QTest::newRow("chi2 sf 400 df 10") << "chi2_sf" << 400.0 << 10.0 << 9.413291991183437e-80;
    QTest::newRow("chi2 sf 12000.0 df 10000.0") << "chi2_sf" << 12000.0 << 10000.0 << 1.1470065524601128e-40;
    QTest::newRow("chi2 cdf 1e-06 df 1") << "chi2_cdf" << 1e-06 << 1.0 << 0.0007978844278221254;
    QTest::newRow("chi2 cdf 0.5 df 4") << "chi2_cdf" << 0.5 << 4.0 << 0.026499021160743912;
    QTest::newRow("chi2 cdf 80 df 100") << "chi2_cdf" << 80.0 << 100.0 << 0.07033506665939494;
    QTest::newRow("chi2 cdf 2.5 df 0.7") << "chi2_cdf" << 2.5 << 0.7 << 0.928227986127967;
    QTest::newRow("chi2 ppf 0.95 df 1") << "chi2_ppf" << 0.95 << 1.0 << 3.841458820694124;
    QTest::newRow("chi2 ppf 0.05 df 3") << "chi2_ppf" << 0.05 << 3.0 << 0.35184631774927144;
    QTest::newRow("chi2 ppf 0.999 df 10") << "chi2_ppf" << 0.999 << 10.0 << 29.58829844507442;
    QTest::newRow("chi2 ppf 1e-08 df 2") << "chi2_ppf" << 1e-08 << 2.0 << 2.0000000099999995e-08;
    QTest::newRow("chi2 ppf 0.5 df 100") << "chi2_ppf" << 0.5 << 100.0 << 99.33412923598846;
    QTest::newRow("chi2 ppf 0.99 df 0.5") << "chi2_ppf" << 0.99 << 0.5 << 4.867770844394062;
    QTest::newRow("chi2 ppf 1e-12 df 1") << "chi2_ppf" << 1e-12 << 1.0 << 1.5707963267948931e-24;
    // clang-format on
}

void TestStats::distributions() {
    QFETCH(QString, kind);
    QFETCH(double, x);
    QFETCH(double, dof);
    QFETCH(double, expected);
    const std::map<QString, std::function<double()>> functions = {
        {"normal_cdf", [&] { return normalCdf(x); }},
        {"normal_sf", [&] { return normalSurvival(x); }},
        {"normal_ppf", [&] { return normalQuantile(x); }},
        {"t_cdf", [&] { return studentTCdf(x, dof); }},
        {"t_sf", [&] { return studentTSurvival(x, dof); }},
        {"t_ppf", [&] { return studentTQuantile(x, dof); }},
        {"chi2_cdf", [&] { return chiSquareCdf(x, dof); }},
        {"chi2_sf", [&] { return chiSquareSurvival(x, dof); }},
        {"chi2_ppf", [&] { return chiSquareQuantile(x, dof); }},
    };
    QVERIFY(functions.count(kind) == 1);
    const double actual = functions.at(kind)();
    const double tolerance = kind.endsWith("ppf") ? 1e-11 : 1e-12;
    VERIFY_CLOSE(actual, expected, tolerance, 1e-300);
}

void TestStats::distributionsRejectBadArguments() {
    QVERIFY(std::isnan(normalQuantile(1.5)));
    QVERIFY(std::isnan(studentTCdf(1.0, 0.0)));
    QVERIFY(std::isnan(studentTQuantile(-0.1, 5.0)));
    QVERIFY(std::isnan(chiSquareSurvival(1.0, -2.0)));
    QVERIFY(std::isnan(regularizedBeta(1.2, 1.0, 1.0)));
    QVERIFY(std::isnan(logGamma(0.0)));
    QCOMPARE(normalQuantile(0.0), -kInf);
    QCOMPARE(studentTQuantile(1.0, 3.0), kInf);
    QCOMPARE(chiSquareQuantile(0.0, 3.0), 0.0);
    // dof = +inf is the normal distribution.
    QCOMPARE(studentTCdf(-1.7, kInf), normalCdf(-1.7));
}

void TestStats::quantilesInvertTheCdfs() {
    for (double dof : {0.8, 1.0, 3.5, 12.0, 250.0, 1e5}) {
        for (double p : {1e-15, 1e-6, 0.01, 0.2, 0.5, 0.77, 0.99, 1.0 - 1e-9}) {
            const double t = studentTQuantile(p, dof);
            const double back = p < 0.5 ? studentTCdf(t, dof) : 1.0 - studentTSurvival(t, dof);
            VERIFY_CLOSE(back, p, 1e-11, 0.0);
            const double x = chiSquareQuantile(p, dof);
            const double backChi = p < 0.5 ? chiSquareCdf(x, dof) : 1.0 - chiSquareSurvival(x, dof);
            VERIFY_CLOSE(backChi, p, 1e-11, 0.0);
        }
    }
    // Closed forms: Cauchy (dof 1) and dof 2 quantiles.
    for (double p : {1e-12, 0.025, 0.4, 0.975}) {
        VERIFY_CLOSE(studentTQuantile(p, 1.0), -1.0 / std::tan(std::numbers::pi * p), 1e-13, 0.0);
        VERIFY_CLOSE(studentTQuantile(p, 2.0), (2.0 * p - 1.0) / std::sqrt(2.0 * p * (1.0 - p)),
                     1e-13, 0.0);
    }
    // ln Γ against exact factorials, and ln B(a, b) for large a against its definition.
    VERIFY_CLOSE(logGamma(21.0), std::log(2432902008176640000.0), 1e-14, 0.0);
    VERIFY_CLOSE(logGamma(0.5), 0.5 * std::log(std::numbers::pi), 1e-14, 0.0);
    VERIFY_CLOSE(logBeta(3.0, 4.0), std::log(1.0 / 60.0), 1e-14, 0.0);
    VERIFY_CLOSE(logBeta(1e6, 2.0), -std::log(1e6 * (1e6 + 1.0)), 1e-13, 0.0);
}

void TestStats::growthBookFixtures_data() {
    QTest::addColumn<QString>("metric");
    QTest::addColumn<bool>("absolute");
    QTest::addColumn<double>("controlMean");
    QTest::addColumn<double>("treatmentMean");
    QTest::addColumn<double>("lift");
    QTest::addColumn<double>("ciLow"); // NaN where GrowthBook published none
    QTest::addColumn<double>("ciHigh");
    QTest::addColumn<double>("pValue");
    QTest::addColumn<double>("tolerance"); // half a unit of the last published digit
    QTest::newRow("means relative")
        << "mean" << false << 0.41 << 0.7 << 0.70732 << -0.03526 << 1.44989 << 0.06191 << 5e-6;
    QTest::newRow("means absolute")
        << "mean" << true << 0.41 << 0.7 << 0.29 << 0.04538 << 0.53462 << 0.02016 << 5e-6;
    QTest::newRow("proportions relative")
        << "proportion" << false << 0.5 << 0.53333 << 0.06667 << kNaN << kNaN << 0.80707 << 5e-6;
    QTest::newRow("ratio relative") << "ratio" << false << 0.529411765 << 0.6 << 0.133333333 << kNaN
                                    << kNaN << 0.610663339 << 5e-10;
}

void TestStats::growthBookFixtures() {
    QFETCH(QString, metric);
    QFETCH(bool, absolute);
    QFETCH(double, controlMean);
    QFETCH(double, treatmentMean);
    QFETCH(double, lift);
    QFETCH(double, ciLow);
    QFETCH(double, ciHigh);
    QFETCH(double, pValue);
    QFETCH(double, tolerance);
    const TestOptions o = options(absolute ? LiftScale::Absolute : LiftScale::Relative);
    const Result<TestResult> result =
        metric == "mean"         ? compareMeans(kGbMeanControl, kGbMeanTreatment, o)
        : metric == "proportion" ? compareProportions(kGbPropControl, kGbPropTreatment, o)
                                 : compareRatios(kGbRatioControl, kGbRatioTreatment, o);
    MERCH_VERIFY_OK(result);
    VERIFY_CLOSE(result->control.mean, controlMean, 0.0, tolerance);
    VERIFY_CLOSE(result->treatment.mean, treatmentMean, 0.0, tolerance);
    VERIFY_CLOSE(result->lift, lift, 0.0, tolerance);
    VERIFY_CLOSE(result->pValue, pValue, 0.0, tolerance);
    if (!std::isnan(ciLow)) {
        VERIFY_CLOSE(result->ciLow, ciLow, 0.0, tolerance);
        VERIFY_CLOSE(result->ciHigh, ciHigh, 0.0, tolerance);
    }
    QVERIFY(result->ciLow < result->lift && result->lift < result->ciHigh);
}

void TestStats::welchMatchesStatsmodels_data() {
    for (const char* column : {"controlSum", "controlSumSq"})
        QTest::addColumn<double>(column);
    QTest::addColumn<int>("controlN");
    for (const char* column : {"treatmentSum", "treatmentSumSq"})
        QTest::addColumn<double>(column);
    QTest::addColumn<int>("treatmentN");
    for (const char* column : {"t", "dof", "pTwoSided", "pGreater", "pLess", "ciLow", "ciHigh",
                               "greaterLow", "lessHigh"})
        QTest::addColumn<double>(column);
    // clang-format off
    // statsmodels CompareMeans(usevar="unequal") and scipy ttest_ind(equal_var=False) on seeded
    // data; the rows carry the data's sums.
    QTest::newRow("revenue lognormal 400 vs 380") << 13656.85532565576 << 1222833.363501605 << 400 << 14929.97973603455 << 1683529.0137333802 << 380 << 1.4642758067999193 << 729.2492295884061 << 0.14354953659764869 << 0.07177476829882434 << 0.9282252317011757 << -1.753917172980202 << 12.048481260672737 << -0.6421290251804113 << 10.936693112872945;
    QTest::newRow("small unequal 8 vs 5") << 79.7950540895416 << 800.2149255486465 << 8 << 76.17552488419852 << 1214.5780020808024 << 5 << 3.1558911486914165 << 4.229100541596853 << 0.03177018296277754 << 0.01588509148138877 << 0.9841149085186112 << 0.7297409794562348 << 9.791705451837775 << 1.7616318683562717 << 8.759814562937736;
    QTest::newRow("normal 2000 vs 2100") << 100774.31234093808 << 5904122.293914647 << 2000 << 109037.92439075082 << 6964763.938224522 << 2100 << 2.1666642854179363 << 4004.6078666358912 << 0.03031924876766037 << 0.015159624383830185 << 0.9848403756161699 << 0.14608282289781793 << 2.9252471130698785 << 0.36957358410201535 << 2.701756351865681;
    QTest::newRow("items per order 60 vs 90") << 143.0 << 471.0 << 60 << 188.0 << 606.0 << 90 << -1.1693626462172066 << 130.14167622099075 << 0.24439482356580705 << 0.8778025882170964 << 0.12219741178290353 << -0.792593725860022 << 0.20370483697113334 << -0.7115865094415383 << 0.12269762055264966;
    // clang-format on
}

void TestStats::welchMatchesStatsmodels() {
    QFETCH(double, controlSum);
    QFETCH(double, controlSumSq);
    QFETCH(int, controlN);
    QFETCH(double, treatmentSum);
    QFETCH(double, treatmentSumSq);
    QFETCH(int, treatmentN);
    QFETCH(double, t);
    QFETCH(double, dof);
    QFETCH(double, pTwoSided);
    QFETCH(double, pGreater);
    QFETCH(double, pLess);
    QFETCH(double, ciLow);
    QFETCH(double, ciHigh);
    QFETCH(double, greaterLow);
    QFETCH(double, lessHigh);
    const MeanSample control{controlSum, controlSumSq, controlN};
    const MeanSample treatment{treatmentSum, treatmentSumSq, treatmentN};
    const auto two = compareMeans(control, treatment, options(LiftScale::Absolute));
    const auto greater =
        compareMeans(control, treatment, options(LiftScale::Absolute, Alternative::Greater));
    const auto less =
        compareMeans(control, treatment, options(LiftScale::Absolute, Alternative::Less));
    MERCH_VERIFY_OK(two);
    MERCH_VERIFY_OK(greater);
    MERCH_VERIFY_OK(less);
    // statsmodels' CI bounds use scipy 1.10's t.ppf, accurate to about 1e-9 relative only (see
    // make_reference.py), so the bounds are compared to 1e-7 standard errors.
    const double bound = 1e-7 * two->se;
    VERIFY_CLOSE(two->statistic, t, 1e-9, 0.0);
    VERIFY_CLOSE(two->degreesOfFreedom, dof, 1e-9, 0.0);
    VERIFY_CLOSE(two->pValue, pTwoSided, 1e-9, 0.0);
    VERIFY_CLOSE(greater->pValue, pGreater, 1e-9, 0.0);
    VERIFY_CLOSE(less->pValue, pLess, 1e-9, 0.0);
    VERIFY_CLOSE(two->ciLow, ciLow, 0.0, bound);
    VERIFY_CLOSE(two->ciHigh, ciHigh, 0.0, bound);
    VERIFY_CLOSE(greater->ciLow, greaterLow, 0.0, bound);
    QCOMPARE(greater->ciHigh, kInf);
    QCOMPARE(less->ciLow, -kInf);
    VERIFY_CLOSE(less->ciHigh, lessHigh, 0.0, bound);
}

void TestStats::proportionsMatchStatsmodels_data() {
    for (const char* column : {"controlX", "controlN", "treatmentX", "treatmentN"})
        QTest::addColumn<int>(column);
    QTest::addColumn<double>("waldZ");
    QTest::addColumn<double>("dof");
    QTest::addColumn<double>("pValue");
    // clang-format off
    // statsmodels test_proportions_2indep(method="wald", compare="diff"); p from scipy's t with
    // the Welch degrees of freedom (the engine's test is Welch t on unpooled variances).
    QTest::newRow("14/28 vs 16/30") << 14 << 28 << 16 << 30 << 0.2539807477795634 << 55.70744914862206 << 0.8004455444388893;
    QTest::newRow("120/2400 vs 150/2380") << 120 << 2400 << 150 << 2380 << 1.9502868320564992 << 4713.754267810518 << 0.05120113396667887;
    QTest::newRow("5000/100000 vs 5200/100000") << 5000 << 100000 << 5200 << 100000 << 2.032831071530223 << 199929.17059627813 << 0.04207091133126259;
    QTest::newRow("3/40 vs 9/41") << 3 << 40 << 9 << 41 << 1.879307736234372 << 68.0682120095657 << 0.0644839965469017;
    // clang-format on
}

void TestStats::proportionsMatchStatsmodels() {
    QFETCH(int, controlX);
    QFETCH(int, controlN);
    QFETCH(int, treatmentX);
    QFETCH(int, treatmentN);
    QFETCH(double, waldZ);
    QFETCH(double, dof);
    QFETCH(double, pValue);
    const auto result = compareProportions({controlX, controlN}, {treatmentX, treatmentN},
                                           options(LiftScale::Absolute));
    MERCH_VERIFY_OK(result);
    VERIFY_CLOSE(result->statistic, waldZ, 1e-12, 0.0);
    VERIFY_CLOSE(result->degreesOfFreedom, dof, 1e-10, 0.0);
    VERIFY_CLOSE(result->pValue, pValue, 1e-10, 0.0);
}

void TestStats::ratioWithImpossibleSumsWarns() {
    // GrowthBook's ratio fixture has ΣD² < (ΣD)²/n: no real sample has those sums. It still
    // evaluates (see growthBookFixtures) but says so.
    const auto result =
        compareRatios(kGbRatioControl, kGbRatioTreatment, options(LiftScale::Relative));
    MERCH_VERIFY_OK(result);
    QVERIFY(!result->warnings.empty());
    QVERIFY(QByteArray::fromStdString(result->warnings.front()).contains("not those of any"));
    // Consistent sums give no warning: AOV from 200 sessions with 1 or 2 orders each.
    const RatioSample aov{200, 12000.0, 1.2e6, 260.0, 380.0, 17000.0};
    const auto moments = momentsOf(aov);
    MERCH_VERIFY_OK(moments);
    QVERIFY(moments->warnings.empty());
    // Sums whose delta-method variance is negative are refused.
    const RatioSample impossible{10, 10.0, 10.0, 10.0, 10.0, 1000.0};
    const auto refused = momentsOf(impossible);
    QCOMPARE(refused.status().code(), StatusCode::InvalidArgument);
}

void TestStats::degenerateDataFails() {
    const auto same = compareProportions({0, 100}, {0, 120}, options(LiftScale::Absolute));
    QCOMPARE(same.status().code(), StatusCode::InvalidArgument);
    QVERIFY(same.status().message().find("zero variance") != std::string::npos);
    const auto zeroControl = compareProportions({0, 100}, {3, 120}, options(LiftScale::Relative));
    QCOMPARE(zeroControl.status().code(), StatusCode::InvalidArgument);
    QVERIFY(zeroControl.status().message().rfind("control.mean", 0) == 0);
    MERCH_VERIFY_OK(compareProportions({0, 100}, {3, 120}, options(LiftScale::Absolute)));
}

void TestStats::sequentialMatchesTheHandDerivation() {
    // make_reference.py, "sequential": N = 6868, ρ = sqrt((-2 ln 0.05 + ln(1 - 2 ln 0.05)) /
    // 5000) = 0.03984006677137368, σ² = se² N, halfwidth = σ sqrt(2 (Nρ² + 1) / (N² ρ²)
    // ln(sqrt(Nρ² + 1) / 0.05)) = 1.1517408422996414.
    TestOptions o = options(LiftScale::Relative);
    o.sequential = true;
    const auto result = compareMeans(kGbMeanControl, kGbMeanTreatment, o);
    MERCH_VERIFY_OK(result);
    VERIFY_CLOSE(sequentialRho(0.05, 5000.0), 0.03984006677137368, 1e-12, 0.0);
    VERIFY_CLOSE(result->ciLow, -0.4444237691289097, 1e-12, 0.0);
    VERIFY_CLOSE(result->ciHigh, 1.859057915470373, 1e-12, 0.0);
    VERIFY_CLOSE(result->pValue, 0.6986728582483058, 1e-12, 0.0);
    QCOMPARE(result->degreesOfFreedom, kInf);
    // The fixed-horizon reading of the same data is (-0.03526, 1.44989), p 0.06191.
    QVERIFY(result->ciLow < -0.03526 && result->ciHigh > 1.44989 && result->pValue > 0.06191);
}

void TestStats::sequentialIsWiderThanFixedAndTightestNearTuning() {
    auto widthRatio = [](double total, double tuning) {
        TestOptions fixed = options(LiftScale::Absolute);
        TestOptions sequential = fixed;
        sequential.sequential = true;
        sequential.sequentialTuning = tuning;
        const ArmMoments a = arm(0.05, 0.0475, total);
        const ArmMoments b = arm(0.055, 0.052, total);
        const auto f = compareMoments(a, b, fixed);
        const auto s = compareMoments(a, b, sequential);
        return std::pair{(s->ciHigh - s->ciLow) / (f->ciHigh - f->ciLow), s->ciHigh - s->ciLow};
    };
    double previousRatio = kInf;
    double previousWidth = kInf;
    for (double total : {200.0, 1000.0, 3000.0, 5000.0, 20000.0, 100000.0, 1e6}) {
        const auto [ratio, width] = widthRatio(total, 5000.0);
        QVERIFY2(ratio > 1.0, QByteArray::number(total));
        QVERIFY2(width < previousWidth, QByteArray::number(total)); // the sequence shrinks
        if (total <= 5000.0)
            QVERIFY2(ratio < previousRatio, QByteArray::number(total)); // toward the CI
        previousRatio = ratio;
        previousWidth = width;
    }
    // Past N* the ratio grows again (like sqrt(log N)): the sequence is tightest near N*.
    QVERIFY(widthRatio(1e6, 5000.0).first > widthRatio(5000.0, 5000.0).first);
    QVERIFY(widthRatio(1e6, 1e6).first < widthRatio(1e6, 5000.0).first);
    // One-sided: the two-sided sequence at 2α bounds one side only.
    TestOptions greater = options(LiftScale::Absolute, Alternative::Greater);
    greater.sequential = true;
    const ArmMoments a = arm(0.05, 0.0475, 8000.0);
    const ArmMoments b = arm(0.056, 0.0529, 8000.0);
    const auto oneSided = compareMoments(a, b, greater);
    MERCH_VERIFY_OK(oneSided);
    VERIFY_CLOSE(oneSided->ciLow,
                 oneSided->lift - sequentialHalfwidth(oneSided->se, 8000.0, 0.10, 5000.0), 1e-12,
                 0.0);
    QCOMPARE(oneSided->ciHigh, kInf);
    VERIFY_CLOSE(oneSided->pValue,
                 0.5 * sequentialPValue(oneSided->lift, oneSided->se, 8000.0, 0.10, 5000.0), 1e-12,
                 0.0);
}

void TestStats::sequentialPValueAgreesWithTheSequence() {
    // p < α exactly when 0 is outside the confidence sequence, at every look.
    TestOptions o = options(LiftScale::Absolute);
    o.sequential = true;
    int significant = 0;
    for (double total = 400.0; total <= 400000.0; total *= 1.7) {
        const auto r = compareMoments(arm(0.050, 0.0475, total), arm(0.054, 0.0511, total), o);
        MERCH_VERIFY_OK(r);
        const bool excludesZero = r->ciLow > 0.0 || r->ciHigh < 0.0;
        QCOMPARE(r->significant(), excludesZero);
        significant += r->significant() ? 1 : 0;
    }
    QVERIFY(significant > 0); // the loop crosses the boundary, so both branches are exercised
}

void TestStats::bayesianChanceToWin() {
    const auto flat = compareMeans(kGbMeanControl, kGbMeanTreatment, options(LiftScale::Relative));
    MERCH_VERIFY_OK(flat);
    QVERIFY(flat->bayesian.flatPrior);
    VERIFY_CLOSE(flat->bayesian.chanceToWin, normalCdf(flat->lift / flat->se), 1e-15, 0.0);
    VERIFY_CLOSE(flat->bayesian.chanceToWin, 0.9690691085323815, 1e-12, 0.0); // scipy norm.cdf
    VERIFY_CLOSE(flat->bayesian.posteriorMean, flat->lift, 1e-15, 0.0);

    TestOptions withPrior = options(LiftScale::Relative);
    withPrior.prior = NormalPrior{0.0, 0.09};
    const auto shrunk = compareMeans(kGbMeanControl, kGbMeanTreatment, withPrior);
    MERCH_VERIFY_OK(shrunk);
    VERIFY_CLOSE(shrunk->bayesian.posteriorMean, 0.2726448836685803, 1e-12, 0.0);
    VERIFY_CLOSE(shrunk->bayesian.posteriorSe, 0.23517714374509555, 1e-12, 0.0);
    VERIFY_CLOSE(shrunk->bayesian.chanceToWin, 0.8768365224575045, 1e-12, 0.0);
    QVERIFY(shrunk->bayesian.chanceToWin < flat->bayesian.chanceToWin);
    QCOMPARE(shrunk->lift, flat->lift); // the prior moves the posterior, not the estimate
    // A very wide prior is nearly flat.
    withPrior.prior = NormalPrior{0.0, 1e8};
    const auto wide = compareMeans(kGbMeanControl, kGbMeanTreatment, withPrior);
    VERIFY_CLOSE(wide->bayesian.chanceToWin, flat->bayesian.chanceToWin, 1e-8, 0.0);
}

void TestStats::srmMatchesScipy_data() {
    QTest::addColumn<QList<qint64>>("counts");
    QTest::addColumn<QList<double>>("weights");
    QTest::addColumn<double>("chiSquare");
    QTest::addColumn<double>("pValue");
    // clang-format off
    // scipy.stats.chisquare; the first two are GrowthBook's fixtures (p 0.000020079, 0.647434186).
    QTest::newRow("[1000, 1200] at [0.5, 0.5]") << QList<qint64>{1000, 1200} << QList<double>{0.5, 0.5} << 18.181818181818183 << 2.007865612426481e-05;
    QTest::newRow("[310, 98] at [0.75, 0.25]") << QList<qint64>{310, 98} << QList<double>{0.75, 0.25} << 0.20915032679738563 << 0.647434185701797;
    QTest::newRow("[5000, 5100, 4900] at [1, 1, 1]") << QList<qint64>{5000, 5100, 4900} << QList<double>{1.0, 1.0, 1.0} << 4.0 << 0.1353352832366127;
    QTest::newRow("[5000, 5120, 4700] at [0.4, 0.4, 0.2]") << QList<qint64>{5000, 5120, 4700} << QList<double>{0.4, 0.4, 0.2} << 1272.1727395411606 << 5.638967541700844e-277;
    QTest::newRow("[500, 500] at [0.5, 0.5]") << QList<qint64>{500, 500} << QList<double>{0.5, 0.5} << 0.0 << 1.0;
    QTest::newRow("[10, 0, 12, 9] at [1, 1, 1, 1]") << QList<qint64>{10, 0, 12, 9} << QList<double>{1.0, 1.0, 1.0, 1.0} << 10.93548387096774 << 0.012079903339133833;
    // clang-format on
}

void TestStats::srmMatchesScipy() {
    QFETCH(QList<qint64>, counts);
    QFETCH(QList<double>, weights);
    QFETCH(double, chiSquare);
    QFETCH(double, pValue);
    SrmParams params;
    params.counts.assign(counts.begin(), counts.end());
    params.weights.assign(weights.begin(), weights.end());
    const auto result = sampleRatioMismatch(params);
    MERCH_VERIFY_OK(result);
    VERIFY_CLOSE(result->chiSquare, chiSquare, 1e-12, 1e-15);
    VERIFY_CLOSE(result->pValue, pValue, 1e-11, 0.0);
    QCOMPARE(result->degreesOfFreedom, int(counts.size()) - 1);
    QCOMPARE(result->mismatch, pValue < 0.001);
}

void TestStats::adjustMatchesStatsmodels_data() {
    QTest::addColumn<AdjustMethod>("method");
    QTest::addColumn<QList<double>>("raw");
    QTest::addColumn<QList<double>>("adjusted");
    // clang-format off
    // statsmodels multipletests(method="holm" / "fdr_bh")
    QTest::newRow("six metrics holm") << AdjustMethod::Holm << QList<double>{0.01, 0.04, 0.03, 0.005, 0.2, 0.04} << QList<double>{0.05, 0.12, 0.12, 0.03, 0.2, 0.12};
    QTest::newRow("six metrics fdr_bh") << AdjustMethod::BenjaminiHochberg << QList<double>{0.01, 0.04, 0.03, 0.005, 0.2, 0.04} << QList<double>{0.030000000000000002, 0.048, 0.048, 0.030000000000000002, 0.2, 0.048};
    QTest::newRow("five with ties and large holm") << AdjustMethod::Holm << QList<double>{0.001, 0.5, 0.02, 0.9, 0.03} << QList<double>{0.005, 1.0, 0.08, 1.0, 0.09};
    QTest::newRow("five with ties and large fdr_bh") << AdjustMethod::BenjaminiHochberg << QList<double>{0.001, 0.5, 0.02, 0.9, 0.03} << QList<double>{0.005, 0.625, 0.049999999999999996, 0.9, 0.05};
    QTest::newRow("one holm") << AdjustMethod::Holm << QList<double>{0.03} << QList<double>{0.03};
    QTest::newRow("one fdr_bh") << AdjustMethod::BenjaminiHochberg << QList<double>{0.03} << QList<double>{0.03};
    QTest::newRow("all tiny holm") << AdjustMethod::Holm << QList<double>{1e-08, 2e-08, 1e-09} << QList<double>{2e-08, 2e-08, 3.0000000000000004e-09};
    QTest::newRow("all tiny fdr_bh") << AdjustMethod::BenjaminiHochberg << QList<double>{1e-08, 2e-08, 1e-09} << QList<double>{1.5000000000000002e-08, 2e-08, 3.0000000000000004e-09};
    // clang-format on
}

void TestStats::adjustMatchesStatsmodels() {
    QFETCH(AdjustMethod, method);
    QFETCH(QList<double>, raw);
    QFETCH(QList<double>, adjusted);
    AdjustParams params;
    params.method = method;
    params.pValues.assign(raw.begin(), raw.end());
    const auto result = adjustPValues(params);
    MERCH_VERIFY_OK(result);
    QCOMPARE(result->adjusted.size(), std::size_t(adjusted.size()));
    for (qsizetype i = 0; i < adjusted.size(); ++i) {
        VERIFY_CLOSE(result->adjusted[std::size_t(i)], adjusted[i], 1e-12, 0.0);
        if (std::fabs(adjusted[i] - 0.05) > 1e-12) // rounding decides exact ties with alpha
            QCOMPARE(bool(result->rejected[std::size_t(i)]), adjusted[i] < 0.05);
    }
}

void TestStats::sampleSizeMatchesStatsmodels_data() {
    for (const char* column : {"baseline", "mde"})
        QTest::addColumn<double>(column);
    QTest::addColumn<bool>("absolute");
    for (const char* column : {"alpha", "power"})
        QTest::addColumn<double>(column);
    QTest::addColumn<bool>("twoSided");
    for (const char* column : {"share", "pooled", "arcsine"})
        QTest::addColumn<double>(column);
    // clang-format off
    // Treatment-arm units: statsmodels samplesize_proportions_2indep_onetail (pooled) and
    // NormalIndPower.power with Cohen's h solved by brentq (arcsine; both tails).
    QTest::newRow("p1 0.05 mde 0.1 a 0.05 pow 0.8 share 0.5") << 0.05 << 0.1 << false << 0.05 << 0.8 << true << 0.5 << 31233.43794012997 << 31217.423430359795;
    QTest::newRow("p1 0.03 mde 0.2 a 0.05 pow 0.9 share 0.5") << 0.03 << 0.2 << false << 0.05 << 0.9 << true << 0.5 << 18625.83267752929 << 18590.167005964628;
    QTest::newRow("p1 0.2 mde 0.02 abs a 0.01 pow 0.8 share 0.5") << 0.2 << 0.02 << true << 0.01 << 0.8 << true << 0.5 << 9686.265837203315 << 9682.794436920563;
    QTest::newRow("p1 0.1 mde 0.05 a 0.05 pow 0.8 one-sided share 0.5") << 0.1 << 0.05 << false << 0.05 << 0.8 << false << 0.5 << 45499.483602272914 << 45494.1890225284;
    QTest::newRow("p1 0.05 mde 0.1 a 0.05 pow 0.8 share 0.3") << 0.05 << 0.1 << false << 0.05 << 0.8 << true << 0.3 << 22147.538216793295 << 22298.159593114135;
    // clang-format on
}

void TestStats::sampleSizeMatchesStatsmodels() {
    QFETCH(double, baseline);
    QFETCH(double, mde);
    QFETCH(bool, absolute);
    QFETCH(double, alpha);
    QFETCH(double, power);
    QFETCH(bool, twoSided);
    QFETCH(double, share);
    QFETCH(double, pooled);
    QFETCH(double, arcsine);
    ProportionPowerParams params;
    params.baseline = baseline;
    params.mde = mde;
    params.absoluteMde = absolute;
    params.alpha = alpha;
    params.power = power;
    params.alternative = twoSided ? Alternative::TwoSided : Alternative::Greater;
    params.treatmentShare = share;
    const auto result = sampleSize(params);
    MERCH_VERIFY_OK(result);
    QCOMPARE(result->formula, std::string("pooled_normal"));
    // Exact to the closed form; the rounded sizes are the ceiling.
    QCOMPARE(result->treatmentSize, std::int64_t(std::ceil(pooled)));
    if (share == 0.5) {
        VERIFY_CLOSE(result->exactPerArm, pooled, 1e-10, 0.0);
        QCOMPARE(result->perArm, result->treatmentSize);
        QCOMPARE(result->controlSize, result->treatmentSize);
    } else {
        QCOMPARE(result->controlSize, std::int64_t(std::ceil(pooled * (1 - share) / share)));
    }
    // Arcsine: the one-tail sample size against statsmodels' two-tail power; the far tail moves
    // n by under 0.1 unit here, so the rounded size is within one unit (equal when one-sided).
    params.formula = SampleSizeFormula::Arcsine;
    const auto h = sampleSize(params);
    MERCH_VERIFY_OK(h);
    if (twoSided)
        VERIFY_CLOSE(double(h->treatmentSize), arcsine, 0.0, 1.0);
    else
        QCOMPARE(h->treatmentSize, std::int64_t(std::ceil(arcsine)));
}

void TestStats::powerMatchesStatsmodels_data() {
    for (const char* column : {"baseline", "mde", "total", "share", "pooledPower", "arcsinePower",
                               "pooledMde", "arcsineMde"})
        QTest::addColumn<double>(column);
    // clang-format off
    // statsmodels power_proportions_2indep / NormalIndPower.power (both tails), and the
    // relative MDE at 80% power: those power functions solved with brentq (statsmodels'
    // solve_power stops early, at power 0.79995).
    QTest::newRow("p1 0.05 mde 0.1 n 120000 share 0.5") << 0.05 << 0.1 << 120000.0 << 0.5 << 0.9727664453160048 << 0.9728256302692567 << 0.071688987477938 << 0.07167915792570634;
    QTest::newRow("p1 0.03 mde 0.15 n 20000 share 0.5") << 0.03 << 0.15 << 20000.0 << 0.5 << 0.43698904954207146 << 0.43741741172216153 << 0.23785872719341494 << 0.23752684625506726;
    QTest::newRow("p1 0.12 mde 0.05 n 300000 share 0.4") << 0.12 << 0.05 << 300000.0 << 0.4 << 0.9983590722606198 << 0.9983709823987847 << 0.0284328275802073 << 0.028446120621752558;
    // clang-format on
}

void TestStats::powerMatchesStatsmodels() {
    QFETCH(double, baseline);
    QFETCH(double, mde);
    QFETCH(double, total);
    QFETCH(double, share);
    QFETCH(double, pooledPower);
    QFETCH(double, arcsinePower);
    QFETCH(double, pooledMde);
    QFETCH(double, arcsineMde);
    ProportionPowerParams params;
    params.baseline = baseline;
    params.mde = mde;
    params.treatmentShare = share;
    for (auto formula : {SampleSizeFormula::PooledNormal, SampleSizeFormula::Arcsine}) {
        params.formula = formula;
        const bool pooled = formula == SampleSizeFormula::PooledNormal;
        const auto power = powerAt(params, total);
        MERCH_VERIFY_OK(power);
        VERIFY_CLOSE(*power, pooled ? pooledPower : arcsinePower, 1e-10, 0.0);
        const auto mdeResult = minimumDetectableEffect(params, total);
        MERCH_VERIFY_OK(mdeResult);
        VERIFY_CLOSE(mdeResult->relativeEffect, pooled ? pooledMde : arcsineMde, 1e-7, 0.0);
        // Self-consistent: the power at the MDE is the target.
        ProportionPowerParams atMde = params;
        atMde.mde = mdeResult->relativeEffect;
        VERIFY_CLOSE(*powerAt(atMde, total), 0.8, 1e-9, 0.0);
    }
}

void TestStats::runwayUsesTheSplit() {
    ProportionPowerParams params; // 5% baseline, +10% relative, 80% power, alpha 0.05
    params.sessionsPerDay = 2000.0;
    const auto even = sampleSize(params);
    MERCH_VERIFY_OK(even);
    QCOMPARE(even->perArm, std::int64_t(31234));
    QCOMPARE(*even->runwayDays, int(std::ceil(2.0 * 31234.0 / 2000.0))); // 32 days
    QVERIFY(even->warnings.empty());
    // A 20% treatment share needs more units in total and so more days.
    params.treatmentShare = 0.2;
    const auto skewed = sampleSize(params);
    MERCH_VERIFY_OK(skewed);
    QCOMPARE(skewed->perArm, even->perArm); // the headline stays the 50/50 figure
    QVERIFY(skewed->total > even->total);
    QVERIFY(*skewed->runwayDays > *even->runwayDays);
    // Heavy traffic reaches the sample in days; the result says to run whole weeks anyway.
    params.treatmentShare = 0.5;
    params.sessionsPerDay = 50000.0;
    const auto quick = sampleSize(params);
    QCOMPARE(*quick->runwayDays, 2);
    QCOMPARE(quick->warnings.size(), std::size_t(1));
    params.sessionsPerDay = 0.0;
    QVERIFY(!sampleSize(params)->runwayDays.has_value());
}

void TestStats::validationNamesTheField_data() {
    QTest::addColumn<Check>("check");
    QTest::addColumn<QString>("field");
    auto test = [](TestOptions o) {
        return [o] { return compareProportions({14, 28}, {16, 30}, o).status(); };
    };
    TestOptions badAlpha;
    badAlpha.alpha = 0.5;
    TestOptions badTuning;
    badTuning.sequentialTuning = 0.0;
    TestOptions badPrior;
    badPrior.prior = NormalPrior{0.0, 0.0};
    QTest::newRow("defaults pass") << Check([] { return TestOptions{}.validate(); }) << "";
    QTest::newRow("successes above n") << Check([] {
        return compareProportions({30, 28}, {16, 30}, {}).status();
    }) << "control.successes";
    QTest::newRow("treatment n zero") << Check([] {
        return compareProportions({14, 28}, {16, 0}, {}).status();
    }) << "treatment.n";
    QTest::newRow("sum of squares too small") << Check([] {
        return compareMeans({100.0, 10.0, 10}, {50.0, 400.0, 10}, {}).status();
    }) << "control.sumSquares";
    QTest::newRow("ratio denominator zero") << Check([] {
        return compareRatios(kGbRatioControl, {120, 300, 869, 0, 800, -905}, {}).status();
    }) << "treatment.denominatorSum";
    QTest::newRow("alpha 0.5") << Check(test(badAlpha)) << "alpha";
    QTest::newRow("tuning 0") << Check(test(badTuning)) << "sequentialTuning";
    QTest::newRow("prior variance 0") << Check(test(badPrior)) << "prior.variance";
    QTest::newRow("srm one arm") << Check([] {
        return SrmParams{{10}, {}}.validate();
    }) << "counts";
    QTest::newRow("srm weights mismatch") << Check([] {
        return SrmParams{{10, 12}, {0.5}}.validate();
    }) << "weights";
    QTest::newRow("srm negative weight") << Check([] {
        return SrmParams{{10, 12}, {0.5, -1.0}}.validate();
    }) << "weights[1]";
    QTest::newRow("adjust p above 1") << Check([] {
        return AdjustParams{{0.01, 1.2}}.validate();
    }) << "pValues[1]";
    auto power = [](auto change) {
        return [change] {
            ProportionPowerParams p;
            change(p);
            return sampleSize(p).status();
        };
    };
    QTest::newRow("baseline 0") << Check(power([](auto& p) { p.baseline = 0.0; })) << "baseline";
    QTest::newRow("mde 0") << Check(power([](auto& p) { p.mde = 0.0; })) << "mde";
    QTest::newRow("mde past 100%") << Check(power([](auto& p) { p.mde = 20.0; })) << "mde";
    QTest::newRow("power below alpha") << Check(power([](auto& p) { p.power = 0.01; })) << "power";
    QTest::newRow("share 1") << Check(power([](auto& p) { p.treatmentShare = 1.0; }))
                             << "treatmentShare";
    QTest::newRow("less alternative")
        << Check(power([](auto& p) { p.alternative = Alternative::Less; })) << "alternative";
    QTest::newRow("sessions 0.5") << Check(power([](auto& p) { p.sessionsPerDay = 0.5; }))
                                  << "sessionsPerDay";
}

void TestStats::validationNamesTheField() {
    QFETCH(Check, check);
    QFETCH(QString, field);
    const Status status = check();
    if (field.isEmpty()) {
        MERCH_VERIFY_OK(status);
        return;
    }
    QCOMPARE(status.code(), StatusCode::InvalidArgument);
    QVERIFY2(status.message().rfind(field.toStdString(), 0) == 0, status.message().c_str());
}

QTEST_GUILESS_MAIN(TestStats)
#include "tst_stats.moc"
