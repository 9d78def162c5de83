#include "jobs/cost_store_runner.h"

#include "jobs/promise_run_control.h"
#include "jobs/watched_job.h"
#include "merch/demo_store.h"
#include "merch/simulated_lift.h"
#include "merch/workspace.h"

namespace merch::ui {

namespace {

merch::Result<CostStorePtr> measure(const std::string& path, double trafficScale,
                                    QPromise<CostStoreOutcome>& promise) {
    auto workspace = merch::Workspace::open(path);
    if (!workspace)
        return workspace.status();
    auto data = std::make_shared<CostStoreData>();
    auto profile = merch::measureStoreCostProfile(**workspace, trafficScale,
                                                  promiseRunControl(promise, 42, 0.0, 0.25));
    if (!profile)
        return profile.status();
    data->profile = std::move(profile).value();
    auto scenarios = merch::loadCostScenarios(**workspace);
    if (!scenarios)
        return scenarios.status();
    data->scenarios = std::move(scenarios).value();
    auto demo = merch::readDemoWorldSettings(**workspace);
    if (!demo)
        return demo.status();
    if (!*demo) {
        data->liftNote = CostStoreRunner::tr(
            "entered: this store was imported, and simulating its lift needs a world calibrated "
            "from its sessions (not built yet)");
        return CostStorePtr(std::move(data));
    }
    auto lift = merch::simulateRankingLift(**workspace, promiseRunControl(promise, 42, 0.25, 0.65));
    if (!lift)
        return lift.status();
    data->simulatedLift = *lift;
    auto messaging = merch::simulateTreatmentLift(**workspace, "messaging",
                                                  promiseRunControl(promise, 42, 0.65, 1.0));
    if (!messaging)
        return messaging.status();
    data->messagingLift = *messaging;
    return CostStorePtr(std::move(data));
}

} // namespace

CostStoreRunner::CostStoreRunner(QObject* parent)
    : QObject(parent) {}

CostStoreRunner::~CostStoreRunner() {
    ++m_generation;
    m_settled = m_generation;
    cancel();
    waitForIdle();
}

void CostStoreRunner::run(const std::string& path, double trafficScale) {
    m_running.cancel();
    const quint64 generation = ++m_generation;
    auto body = [path, trafficScale, generation](QPromise<CostStoreOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        CostStoreOutcome outcome;
        outcome.generation = generation;
        auto data = measure(path, trafficScale, promise);
        if (data)
            outcome.data = *data;
        else
            outcome.status = data.status();
        promise.addResult(std::move(outcome));
    };
    m_running = startWatchedJob<CostStoreOutcome>(
        this, std::move(body),
        [this, generation](int value, int maximum, const QString& stage) {
            if (generation == m_generation)
                emit progressChanged(value, maximum, stage);
        },
        [this, generation](const QFuture<CostStoreOutcome>& future) {
            settle(generation, future);
        });
}

void CostStoreRunner::cancel() {
    m_running.cancel();
}

void CostStoreRunner::waitForIdle() {
    m_running.waitForFinished();
}

void CostStoreRunner::settle(quint64 generation, const QFuture<CostStoreOutcome>& future) {
    if (generation != m_generation)
        return;
    m_settled = generation;
    if (future.isCanceled() || future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const CostStoreOutcome outcome = future.result();
    if (outcome.status.code() == merch::StatusCode::Cancelled)
        emit cancelled();
    else if (!outcome.status.isOk() || !outcome.data)
        emit failed(outcome.status);
    else
        emit finished(outcome.data);
}

} // namespace merch::ui
