// The treatments that act through the world's search, recommendation and messaging hooks:
// the search engine vs the native search (as an A/B test and as the per-method truth table),
// a trained recommender's block vs the same-category best-seller block, and the two halves of
// predictive messaging (cart-email timing alone, replenishment reminders alone).
#include <QTest>

#include <cmath>

#include "merch/experiment.h"
#include "merch/experiment_search.h"
#include "test_support.h"

using namespace merch;

namespace {

// A smaller world than the demo's default keeps each run to a few seconds.
ExperimentParams smallTest(const std::string& treatment) {
    ExperimentParams params;
    params.treatment = treatment;
    params.products = 800;
    params.sessionsPerDay = 400;
    params.historyDays = 42;
    params.weeks = 3;
    params.replicates = 0;
    return params;
}

Result<ExperimentResult> simulate(const ExperimentParams& params, std::uint64_t seed = 42) {
    RunControl control;
    control.seed = seed;
    return simulateExperiment(params, control);
}

} // namespace

class TestExperimentTreatments : public QObject {
    Q_OBJECT

private slots:
    void searchTreatmentAnswersWithTheEngine();
    void searchMethodsTrueConversionTable();
    void recsTreatmentComparesBlocks();
    void messagingHalvesChangeTheirOwnEmails();
    void paramsNameTheField_data();
    void paramsNameTheField();
};

void TestExperimentTreatments::searchTreatmentAnswersWithTheEngine() {
    ExperimentParams params = smallTest("search");
    params.searchMethod = "hybrid_clicks";
    auto result = simulate(params);
    MERCH_VERIFY_OK(result);
    const TrueArmOutcome& native = result->trueUntreated;
    const TrueArmOutcome& engine = result->trueTreated;
    qInfo("search sessions %lld: zero-result rate native %.3f, engine %.3f; search conversion "
          "native %.4f, engine %.4f; learned from %lld logged searches",
          static_cast<long long>(native.searchSessions), native.zeroResultRate,
          engine.zeroResultRate, native.searchConversionRate, engine.searchConversionRate,
          static_cast<long long>(result->searchCases));
    QVERIFY(result->searchCases > 500);
    QVERIFY(native.searchSessions > 500);
    // Typos and synonyms leave the native search empty-handed; the engine corrects them.
    QVERIFY(native.zeroResultRate > 0.05);
    QVERIFY(engine.zeroResultRate < native.zeroResultRate / 2);
    // The same shoppers reach search in both runs (sessions that start with one).
    QVERIFY(std::abs(double(engine.searchSessions - native.searchSessions)) <
            0.05 * double(native.searchSessions));
    QCOMPARE(native.recommendationBlocks, std::int64_t(0));
    auto again = simulate(params);
    MERCH_VERIFY_OK(again);
    QCOMPARE(again->metrics[1].trueLift, result->metrics[1].trueLift); // deterministic
    QCOMPARE(again->metrics[1].test.lift, result->metrics[1].test.lift);
}

void TestExperimentTreatments::searchMethodsTrueConversionTable() {
    SearchComparisonParams params;
    params.products = 800;
    params.sessionsPerDay = 400;
    params.historyDays = 42;
    params.testDays = 21;
    RunControl control;
    control.seed = 42;
    auto table = compareSearchMethods(params, control);
    MERCH_VERIFY_OK(table);
    QCOMPARE(table->methods.size(), std::size_t(5));
    QCOMPARE(table->methods[0].method, std::string("native"));
    const char* const names[] = {"native", "keyword", "semantic", "hybrid", "hybrid_clicks"};
    const SearchMethodTruth& native = table->methods[0];
    QCOMPARE(native.searchConversionLift, 0.0);
    for (std::size_t k = 0; k < table->methods.size(); ++k) {
        const SearchMethodTruth& m = table->methods[k];
        qInfo("%-14s searching %lld, no result %.3f, conversion %.4f (%+.1f%%), revenue per "
              "searching session %.3f (%+.1f%%)",
              m.method.c_str(), static_cast<long long>(m.searchSessions), m.zeroResultRate,
              m.searchConversionRate, 100 * m.searchConversionLift, m.revenuePerSearchSession,
              100 * m.searchRevenueLift);
        QCOMPARE(m.method, std::string(names[k]));
        // The same arrivals in every run; only return visits (after a cart or an email)
        // depend on what shoppers did.
        QVERIFY(std::abs(double(m.sessions - native.sessions)) < 0.01 * double(native.sessions));
        QVERIFY(m.searchSessions > 0);
        if (k > 0)
            QVERIFY2(m.zeroResultRate < native.zeroResultRate, names[k]);
        // Lifts are the rates' ratio to native's.
        QVERIFY(std::abs(m.searchConversionLift -
                         (m.searchConversionRate / native.searchConversionRate - 1)) < 1e-12);
    }
    // The same seed gives the same table; another params set is refused by name.
    auto again = compareSearchMethods(params, control);
    MERCH_VERIFY_OK(again);
    QCOMPARE(again->methods[4].searchConversionRate, table->methods[4].searchConversionRate);
    params.testDays = 0;
    auto bad = compareSearchMethods(params, control);
    QCOMPARE(bad.status().code(), StatusCode::InvalidArgument);
    QVERIFY(bad.status().message().rfind("testDays", 0) == 0);
}

void TestExperimentTreatments::recsTreatmentComparesBlocks() {
    auto result = simulate(smallTest("recs"));
    MERCH_VERIFY_OK(result);
    const TrueArmOutcome& control = result->trueUntreated;
    const TrueArmOutcome& treated = result->trueTreated;
    qInfo("blocks %lld / %lld, clicks %lld / %lld (best-seller / item_knn); trained on %lld "
          "sessions; true add-to-cart lift %+.2f%%, measured %+.2f%%",
          static_cast<long long>(control.recommendationBlocks),
          static_cast<long long>(treated.recommendationBlocks),
          static_cast<long long>(control.recommendationClicks),
          static_cast<long long>(treated.recommendationClicks),
          static_cast<long long>(result->trainingSessions), 100 * result->metrics[0].trueLift,
          100 * result->metrics[0].test.lift);
    QVERIFY(result->trainingSessions > 1000);
    // Both arms show a block on product pages (the control the store's best-sellers).
    QVERIFY(control.recommendationBlocks > 1000);
    QVERIFY(treated.recommendationBlocks > 1000);
    QVERIFY(control.recommendationClicks > 100);
    QVERIFY(treated.recommendationClicks > 100);
    QVERIFY(result->metrics[0].trueLift != 0.0);
    QVERIFY(result->metrics[0].test.ciLow < result->metrics[0].test.ciHigh);
}

void TestExperimentTreatments::messagingHalvesChangeTheirOwnEmails() {
    auto carts = simulate(smallTest("abandonment"));
    auto reminders = simulate(smallTest("replenishment"));
    MERCH_VERIFY_OK(carts);
    MERCH_VERIFY_OK(reminders);
    const auto show = [](const char* name, const ExperimentResult& r) {
        qInfo("%s: cart emails %lld -> %lld, reminders %lld -> %lld, true conversion lift "
              "%+.2f%%",
              name, static_cast<long long>(r.trueUntreated.cartEmails),
              static_cast<long long>(r.trueTreated.cartEmails),
              static_cast<long long>(r.trueUntreated.reminderEmails),
              static_cast<long long>(r.trueTreated.reminderEmails), 100 * r.metrics[1].trueLift);
    };
    show("abandonment", *carts);
    show("replenishment", *reminders);
    // Same world and seed: the untreated truth is the same run.
    QCOMPARE(carts->trueUntreated.cartEmails, reminders->trueUntreated.cartEmails);
    QVERIFY(carts->trueUntreated.cartEmails > 300 && carts->trueUntreated.reminderEmails > 50);
    // Each treatment moves its own emails: the other kind changes only through what shoppers
    // then do (a few percent at most), its own kind by more than that.
    const auto change = [](std::int64_t before, std::int64_t after) {
        return std::abs(double(after) / double(before) - 1.0);
    };
    const TrueArmOutcome& c0 = carts->trueUntreated;
    const TrueArmOutcome& c1 = carts->trueTreated;
    const TrueArmOutcome& r1 = reminders->trueTreated;
    QVERIFY(change(c0.reminderEmails, c1.reminderEmails) < 0.05);
    QVERIFY(change(c0.cartEmails, r1.cartEmails) < 0.05);
    QVERIFY(change(c0.cartEmails, c1.cartEmails) > change(c0.reminderEmails, c1.reminderEmails));
    QVERIFY(change(c0.reminderEmails, r1.reminderEmails) > change(c0.cartEmails, r1.cartEmails));
}

void TestExperimentTreatments::paramsNameTheField_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("unknown treatment") << "treatment"
                                       << "upsell";
    QTest::newRow("unknown search method") << "searchMethod"
                                           << "fuzzy";
    QTest::newRow("unknown recommender") << "recommender"
                                         << "gru4rec";
}

void TestExperimentTreatments::paramsNameTheField() {
    QFETCH(QString, field);
    QFETCH(QString, value);
    ExperimentParams params;
    for (const char* good :
         {"ranking", "recs", "search", "messaging", "abandonment", "replenishment", "aa"}) {
        params.treatment = good;
        MERCH_VERIFY_OK(params.validate());
    }
    params.treatment = "search";
    if (field == "treatment")
        params.treatment = value.toStdString();
    else if (field == "searchMethod")
        params.searchMethod = value.toStdString();
    else
        params.recommender = value.toStdString();
    const Status status = params.validate();
    QCOMPARE(status.code(), StatusCode::InvalidArgument);
    QVERIFY2(QString::fromStdString(status.message()).startsWith(field), status.message().c_str());
}

QTEST_GUILESS_MAIN(TestExperimentTreatments)
#include "tst_experiment_treatments.moc"
