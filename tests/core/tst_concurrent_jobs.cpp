// Regression guard for the GUI's jobs: the audit, model training and evaluation, the ranker and
// an experiment run at the same time on one shared, read-only catalog (as the pages start them
// when a store loads). Run under the sanitizers in CI; any data race or heap corruption in core
// shows up here.
#include <QTest>

#include <thread>

#include "merch/audit.h"
#include "merch/experiment.h"
#include "merch/ranking.h"
#include "merch/rec_evaluation.h"
#include "merch/shopper_world.h"
#include "test_support.h"

using namespace merch;

class TestConcurrentJobs : public QObject {
    Q_OBJECT

private slots:
    void jobsShareTheCatalogSafely();
};

void TestConcurrentJobs::jobsShareTheCatalogSafely() {
    WorldParams params;
    params.products = 300;
    params.days = 14;
    params.sessionsPerDay = 150;
    auto world = ShopperWorld::create(params, 5);
    MERCH_VERIFY_OK(world);
    std::vector<Event> events;
    auto baseline = (*world)->baselinePolicy();
    MERCH_VERIFY_OK((*world)->run(*baseline,
                                  [&](const Event& e) {
                                      events.push_back(e);
                                      return Status::ok();
                                  },
                                  {}));
    const std::vector<Product> catalog = (*world)->products();
    const SessionData sessions = SessionData::fromEvents(events);

    bool auditOk = false, evaluationOk = false, rankerOk = false, experimentOk = false;
    for (int round = 0; round < 3; ++round) {
        std::thread audit([&] { auditOk = auditCatalog(catalog, {}, {}).isOk(); });
        std::thread evaluation([&] {
            EvaluationParams e;
            e.testDays = 3;
            evaluationOk =
                evaluateRecommenders(sessions, recommenderNames(true), {}, e, {}, &catalog).isOk();
        });
        std::thread ranker(
            [&] { rankerOk = PersonalizedRanker::train(catalog, events, {}, {}).isOk(); });
        std::thread experiment([&] {
            ExperimentParams e;
            e.products = 300;
            e.sessionsPerDay = 150;
            e.weeks = 1;
            e.historyDays = 14;
            experimentOk = simulateExperiment(e, {}).isOk();
        });
        audit.join();
        evaluation.join();
        ranker.join();
        experiment.join();
        QVERIFY(auditOk && evaluationOk && rankerOk && experimentOk);
    }
    QCOMPARE(catalog.size(), (*world)->products().size());
    QCOMPARE(catalog.front().id, (*world)->products().front().id);
}

QTEST_GUILESS_MAIN(TestConcurrentJobs)
#include "tst_concurrent_jobs.moc"
