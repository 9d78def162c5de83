// What feeds the cost model: the recommendation cache replay, the store profile measured from
// events, which use case first, and scenarios saved in the workspace.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <random>

#include "merch/cost_scenario.h"
#include "merch/demo_store.h"
#include "merch/recommendation_cache.h"
#include "merch/simulated_lift.h"
#include "merch/store_cost_profile.h"
#include "merch/use_case_priority.h"
#include "merch/workspace.h"
#include "test_support.h"

using namespace merch;

namespace {

Event makeEvent(std::int64_t time, const char* session, EventType type, const char* product,
                const char* list = "", double price = 0, int quantity = 0, const char* order = "") {
    Event e;
    e.timestamp = time;
    e.sessionId = session;
    e.visitorId = std::string("v-") + session;
    e.type = type;
    e.productId = product;
    e.list = list;
    e.price = price;
    e.quantity = quantity;
    e.orderId = order;
    return e;
}

} // namespace

class TestCostInputs : public QObject {
    Q_OBJECT

private slots:
    void cacheReplayByHand_data();
    void cacheReplayByHand();
    void cacheProjectionMatchesAPoissonReplay();
    void cacheRefusesUnorderedRequests();
    void storeProfileFromEvents();
    void useCasesRankedByPayback();
    void scenariosRoundTripThroughTheWorkspace();
    void scenarioJsonIsValidatedAndForgiving();
    void importedStoresAreSimulatedOnACalibratedWorld();
};

void TestCostInputs::cacheReplayByHand_data() {
    QTest::addColumn<double>("refreshHours");
    QTest::addColumn<double>("staleShare");
    // One list asked for at 0 s, 600 s, 3000 s and 4000 s with a one-hour TTL: miss, hit, hit,
    // miss (4000 s is past the hour), so half the requests hit.
    // Refreshes every hour (at 3600 s): both hits are served before it, so nothing is stale.
    QTest::newRow("hourly refresh") << 1.0 << 0.0;
    // Every half hour (at 1800 s): the hit at 3000 s is served a list from before it.
    QTest::newRow("half-hourly refresh") << 0.5 << 0.25;
}

void TestCostInputs::cacheReplayByHand() {
    QFETCH(double, refreshHours);
    QFETCH(double, staleShare);
    const std::vector<CacheRequest> requests = {{0, 0}, {600, 0}, {3000, 0}, {4000, 0}};
    CacheReplayParams params;
    params.ttlHours = {1.0};
    params.catalogRefreshHours = refreshHours;
    auto result = replayRecommendationCache(requests, params, {});
    MERCH_VERIFY_OK(result);
    QCOMPARE(result->requests, std::int64_t(4));
    QCOMPARE(result->keys, 1);
    QCOMPARE(result->points.front().hitRate, 0.5);
    QCOMPARE(result->points.front().staleShare, staleShare);
}

void TestCostInputs::cacheProjectionMatchesAPoissonReplay() {
    // Ten lists requested as Poisson streams at different rates for 60 days: the replay's hit
    // rate must match the Poisson formula sum(n_k * lT/(1+lT)) / N, and the projection at the
    // same traffic must match the replay.
    std::mt19937_64 rng(11);
    std::vector<CacheRequest> requests;
    const double days = 60;
    for (int key = 0; key < 10; ++key) {
        const double perHour = 0.05 * (key + 1) * (key + 1); // 0.05 .. 5 an hour
        std::exponential_distribution<double> gap(perHour / 3600.0);
        for (double t = gap(rng); t < days * 86400; t += gap(rng))
            requests.push_back({std::int64_t(t), key});
    }
    std::sort(requests.begin(), requests.end(),
              [](const CacheRequest& a, const CacheRequest& b) { return a.time < b.time; });
    CacheReplayParams params;
    params.ttlHours = {0.5, 1, 4};
    params.projectedRequestsPerDay = double(requests.size()) / days;
    auto result = replayRecommendationCache(requests, params, {});
    MERCH_VERIFY_OK(result);
    for (const CachePoint& point : result->points) {
        double expected = 0;
        for (int key = 0; key < 10; ++key) {
            const double lambdaT = 0.05 * (key + 1) * (key + 1) * point.ttlHours;
            const double share = 0.05 * (key + 1) * (key + 1);
            expected += share * lambdaT / (1 + lambdaT);
        }
        double totalRate = 0;
        for (int key = 0; key < 10; ++key)
            totalRate += 0.05 * (key + 1) * (key + 1);
        expected /= totalRate;
        QVERIFY2(std::abs(point.hitRate - expected) < 0.01,
                 qPrintable(QStringLiteral("TTL %1: replay %2 vs %3")
                                .arg(point.ttlHours)
                                .arg(point.hitRate)
                                .arg(expected)));
        QVERIFY(std::abs(point.projectedHitRate - point.hitRate) < 0.01);
        QVERIFY(point.staleShare <= point.hitRate);
    }
    // Longer TTLs hit more.
    QVERIFY(result->points[0].hitRate < result->points[1].hitRate);
    QVERIFY(result->points[1].hitRate < result->points[2].hitRate);
}

void TestCostInputs::cacheRefusesUnorderedRequests() {
    const std::vector<CacheRequest> requests = {{10, 0}, {5, 1}};
    QCOMPARE(replayRecommendationCache(requests, {}, {}).status().code(),
             StatusCode::InvalidArgument);
    CacheReplayParams params;
    params.ttlHours = {};
    QCOMPARE(replayRecommendationCache({}, params, {}).status().code(),
             StatusCode::InvalidArgument);
}

void TestCostInputs::storeProfileFromEvents() {
    const std::int64_t day = 86400;
    const std::vector<Event> events = {
        makeEvent(0, "s1", EventType::ListView, "p1", "category:Tops"),
        makeEvent(10, "s1", EventType::View, "p1"),
        makeEvent(20, "s1", EventType::Purchase, "p1", "", 50, 2, "o1"),
        makeEvent(2 * day - 30, "s2", EventType::Search, ""),
        makeEvent(2 * day - 20, "s2", EventType::View, "p2", "email:cart_1h"),
        makeEvent(2 * day, "s2", EventType::Purchase, "p2", "", 30, 1, "o2"),
    };
    auto profile = measureStoreCostProfile(events, 0, 10);
    MERCH_VERIFY_OK(profile);
    QCOMPARE(profile->sampleDays, 2.0);
    QCOMPARE(profile->sessions, std::int64_t(2));
    QCOMPARE(profile->orders, std::int64_t(2));
    QCOMPARE(profile->revenue, 130.0);
    // $130 over 2 days, scaled x10 and annualised.
    QVERIFY(std::abs(profile->economics.annualRevenue - 130.0 / 2 * 10 * 365) < 1e-6);
    QVERIFY(std::abs(profile->economics.ordersPerMonth - 2.0 / 2 * 10 * 365 / 12) < 1e-9);
    QCOMPARE(profile->economics.catalogSize, 2.0); // the products the events name
    QVERIFY(std::abs(profile->categoryRevenueShare - 100.0 / 130) < 1e-12);
    QCOMPARE(profile->recommendationRevenueShare, 1.0);
    QVERIFY(std::abs(profile->searchRevenueShare - 30.0 / 130) < 1e-12);
    QVERIFY(std::abs(profile->emailRevenueShare - 30.0 / 130) < 1e-12);
    QCOMPARE(profile->requests.size(), std::size_t(2));
    // A store-wide lift is spread over the revenue each use case touches.
    LiftAssumption ranking;
    ranking.revenueLift = 0.05;
    ranking.source = "ranking test";
    LiftAssumption messaging;
    messaging.revenueLift = 0.02;
    messaging.source = "messaging test";
    UseCaseLifts simulated;
    simulated[std::size_t(UseCase::Messaging)] = messaging;
    const auto useCases = useCaseInputsFor(*profile, ranking, simulated);
    const UseCaseInput& rankingCase = useCases[std::size_t(UseCase::CategoryRanking)];
    const UseCaseInput& messagingCase = useCases[std::size_t(UseCase::Messaging)];
    QVERIFY(std::abs(rankingCase.lift - 0.05 / (100.0 / 130)) < 1e-12);
    QVERIFY(std::abs(messagingCase.lift - 0.02 / (30.0 / 130)) < 1e-12);
    QCOMPARE(messagingCase.liftSource, std::string("messaging test"));
    // A lift simulated for recommendations is spread over product-page revenue (all of it here).
    LiftAssumption recommendations;
    recommendations.revenueLift = 0.03;
    recommendations.source = "recommendations test";
    simulated[std::size_t(UseCase::Recommendations)] = recommendations;
    const auto withRecs = useCaseInputsFor(*profile, ranking, simulated);
    QVERIFY(std::abs(withRecs[std::size_t(UseCase::Recommendations)].lift - 0.03) < 1e-12);
    QCOMPARE(withRecs[std::size_t(UseCase::Recommendations)].liftSource,
             std::string("recommendations test"));
    QCOMPARE(withRecs[std::size_t(UseCase::Search)].lift, 0.0); // not simulated: placeholder
    QCOMPARE(useCaseInputsFor(*profile, ranking)[std::size_t(UseCase::Messaging)].lift, 0.0);
    QCOMPARE(measureStoreCostProfile(std::vector<Event>{}, 0, 1).status().code(),
             StatusCode::InvalidArgument);
    QCOMPARE(measureStoreCostProfile(events, 0, 0.5).status().code(), StatusCode::InvalidArgument);
}

void TestCostInputs::useCasesRankedByPayback() {
    StoreEconomics store;
    CostRates rates;
    auto inputs = defaultUseCaseInputs(0.6, 0.9, 0.2, 0.1);
    inputs[0].lift = 0.10; // category ranking
    inputs[0].liftSource = "test";
    auto plan = rankUseCases(store, rates, inputs);
    MERCH_VERIFY_OK(plan);
    QCOMPARE(plan->first, UseCase::CategoryRanking);
    QCOMPARE(plan->ranked.back().paybackWeek, -1); // zero lifts never pay back
    QVERIFY(plan->reasons.back().find("agrees with the brief") != std::string::npos);
    // $10M x 60% touched.
    QCOMPARE(plan->ranked.front().revenueBase, 6e6);

    inputs[0].lift = 0.02; // a small ranking lift: search, +50% on 20% of revenue, pays back first
    inputs[2].lift = 0.5;
    plan = rankUseCases(store, rates, inputs);
    MERCH_VERIFY_OK(plan);
    QCOMPARE(plan->first, UseCase::Search);
    QVERIFY(plan->ranked[0].paybackWeek <= plan->ranked[1].paybackWeek);
    QVERIFY(plan->reasons.back().find("safest first bet") != std::string::npos);

    inputs[1].revenueShare = 1.5;
    plan = rankUseCases(store, rates, inputs);
    QVERIFY(!plan);
    QVERIFY(plan.status().message().find("recommendations.revenueShare") != std::string::npos);
}

void TestCostInputs::scenariosRoundTripThroughTheWorkspace() {
    QTemporaryDir dir;
    const std::string path = test::stdPath(dir.filePath(QStringLiteral("store.merchsim")));
    auto workspace = Workspace::create(path);
    MERCH_VERIFY_OK(workspace);
    auto none = loadCostScenarios(**workspace);
    MERCH_VERIFY_OK(none);
    QVERIFY(none->empty());

    CostInputs quoted;
    quoted.rates.dayRate = 950;
    quoted.lift.source = "entered";
    quoted.path(CostPath::Hybrid).buildMonths = 2.5;
    CostInputs conservative;
    conservative.lift.revenueLift = 0.03;
    conservative.lift.low = 0.01;
    MERCH_VERIFY_OK(saveCostScenario(**workspace, "as quoted", quoted));
    MERCH_VERIFY_OK(saveCostScenario(**workspace, "conservative", conservative));
    workspace->reset(); // closed and reopened: the scenarios live in the file
    workspace = Workspace::open(path);
    MERCH_VERIFY_OK(workspace);
    auto all = loadCostScenarios(**workspace);
    MERCH_VERIFY_OK(all);
    QCOMPARE(all->size(), std::size_t(2));
    auto loaded = loadCostScenario(**workspace, "as quoted");
    MERCH_VERIFY_OK(loaded);
    QCOMPARE(loaded->rates.dayRate, 950.0);
    QCOMPARE(loaded->path(CostPath::Hybrid).buildMonths, 2.5);
    QCOMPARE(costInputsToJson(*loaded), costInputsToJson(quoted));

    MERCH_VERIFY_OK(deleteCostScenario(**workspace, "as quoted"));
    QCOMPARE(loadCostScenario(**workspace, "as quoted").status().code(), StatusCode::NotFound);
    QCOMPARE(deleteCostScenario(**workspace, "as quoted").code(), StatusCode::NotFound);
    QCOMPARE(saveCostScenario(**workspace, "", quoted).code(), StatusCode::InvalidArgument);
    CostInputs invalid;
    invalid.store.grossMargin = 3;
    QCOMPARE(saveCostScenario(**workspace, "bad", invalid).code(), StatusCode::InvalidArgument);

    MERCH_VERIFY_OK((*workspace)->setMeta("cost.scenarios", "{not json"));
    QCOMPARE(loadCostScenarios(**workspace).status().code(), StatusCode::Corrupted);
}

void TestCostInputs::scenarioJsonIsValidatedAndForgiving() {
    // Missing keys read as defaults, so a scenario saved by an older build still loads.
    auto partial = costInputsFromJson(R"({"rates": {"dayRate": 700}})");
    MERCH_VERIFY_OK(partial);
    QCOMPARE(partial->rates.dayRate, 700.0);
    QCOMPARE(partial->store.grossMargin, StoreEconomics{}.grossMargin);
    auto wrongType = costInputsFromJson(R"({"rates": {"dayRate": "a lot"}})");
    QCOMPARE(wrongType.status().code(), StatusCode::InvalidArgument);
    auto outOfRange = costInputsFromJson(R"({"paths": {"custom": {"buildMonths": 99}}})");
    QVERIFY(!outOfRange);
    QVERIFY(outOfRange.status().message().find("paths.custom.buildMonths") != std::string::npos);
    QCOMPARE(costInputsFromJson("[1, 2]").status().code(), StatusCode::InvalidArgument);
    QCOMPARE(costInputsFromJson("").status().code(), StatusCode::InvalidArgument);
}

// A store imported as events only (no demo settings in the workspace) gets its lifts from a world
// calibrated from those events, one per use case, and the sources say so; the demo store it came
// from runs on its own world with its own seed.
void TestCostInputs::importedStoresAreSimulatedOnACalibratedWorld() {
    QTemporaryDir dir;
    const std::string demoPath = test::stdPath(dir.filePath(QStringLiteral("demo.merchsim")));
    DemoStoreParams params;
    params.world.products = 300;
    params.world.days = 21;
    params.world.sessionsPerDay = 150;
    RunControl seeded;
    seeded.seed = 5;
    MERCH_VERIFY_OK(writeDemoStore(demoPath, params, seeded));
    auto demo = Workspace::open(demoPath);
    MERCH_VERIFY_OK(demo);
    auto demoSetup = workspaceExperiment(**demo, {});
    MERCH_VERIFY_OK(demoSetup);
    QVERIFY(!demoSetup->params.calibration);
    QCOMPARE(demoSetup->seed, std::uint64_t(5));
    QCOMPARE(demoSetup->params.products, 300);

    auto events = (*demo)->loadEvents();
    MERCH_VERIFY_OK(events);
    const std::string importedPath =
        test::stdPath(dir.filePath(QStringLiteral("imported.merchsim")));
    {
        auto imported = Workspace::create(importedPath);
        MERCH_VERIFY_OK(imported);
        auto writer = (*imported)->beginWrite();
        MERCH_VERIFY_OK(writer);
        for (const Event& event : *events)
            MERCH_VERIFY_OK((*writer)->addEvent(event));
        MERCH_VERIFY_OK((*writer)->commit());
    }
    auto imported = Workspace::open(importedPath);
    MERCH_VERIFY_OK(imported);
    auto lifts = simulateUseCaseLifts(**imported, {});
    MERCH_VERIFY_OK(lifts);
    for (UseCase useCase : allUseCases()) {
        const auto& lift = (*lifts)[std::size_t(useCase)];
        QVERIFY2(lift.has_value(), useCaseKey(useCase));
        QVERIFY2(lift->source.find("calibrated from the store's logs") != std::string::npos,
                 lift->source.c_str());
        QVERIFY(lift->low <= lift->revenueLift && lift->revenueLift <= lift->high);
    }
    // Cancelling stops the calibration and says so.
    RunControl cancelled;
    cancelled.progress = [](double, std::string_view) { return false; };
    QCOMPARE(workspaceExperiment(**imported, cancelled).status().code(), StatusCode::Cancelled);
}

QTEST_APPLESS_MAIN(TestCostInputs)
#include "tst_cost_inputs.moc"
