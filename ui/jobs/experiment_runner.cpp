#include "jobs/experiment_runner.h"

#include <string>

#include "jobs/promise_run_control.h"
#include "jobs/watched_job.h"
#include "merch/demo_store.h"
#include "merch/workspace.h"

namespace merch::ui {

merch::Result<StoreWorld> readStoreWorld(const std::string& path) {
    auto workspace = merch::Workspace::open(path);
    if (!workspace)
        return workspace.status();
    auto demo = merch::readDemoWorldSettings(**workspace);
    if (!demo)
        return demo.status();
    StoreWorld world;
    if (!*demo)
        return world; // imported: no world to simulate on yet
    world.isDemo = true;
    world.products = (*demo)->world.products;
    world.sessionsPerDay = (*demo)->world.sessionsPerDay;
    world.seed = (*demo)->seed;
    return world;
}

ExperimentRunner::ExperimentRunner(QObject* parent)
    : QObject(parent) {}

ExperimentRunner::~ExperimentRunner() {
    ++m_generation; // nothing still running may report any more
    m_settled = m_generation;
    cancel();
    waitForIdle();
}

void ExperimentRunner::run(const ExperimentRequest& request) {
    m_running.cancel(); // its result, if any, carries a stale generation and is dropped
    const quint64 generation = ++m_generation;
    auto body = [request, generation](QPromise<ExperimentOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        ExperimentOutcome outcome;
        outcome.generation = generation;
        auto world = readStoreWorld(request.path);
        if (!world) {
            outcome.status = world.status();
            promise.addResult(std::move(outcome));
            return;
        }
        outcome.world = *world;
        outcome.worldRead = true;
        if (request.params && world->isDemo) {
            merch::ExperimentParams params = *request.params;
            params.products = world->products;
            std::uint64_t seed = request.seed;
            if (request.storeDefaults) {
                params.sessionsPerDay = world->sessionsPerDay;
                seed = world->seed;
            }
            auto result = merch::simulateExperiment(params, promiseRunControl(promise, seed));
            if (result)
                outcome.result =
                    std::make_shared<const merch::ExperimentResult>(std::move(result).value());
            else
                outcome.status = result.status();
        }
        promise.addResult(std::move(outcome));
    };
    m_running = startWatchedJob<ExperimentOutcome>(
        this, std::move(body),
        [this, generation](int value, int maximum, const QString& stage) {
            if (generation == m_generation)
                emit progressChanged(value, maximum, stage);
        },
        [this, generation](const QFuture<ExperimentOutcome>& future) {
            settle(generation, future);
        });
}

void ExperimentRunner::cancel() {
    m_running.cancel();
}

void ExperimentRunner::waitForIdle() {
    m_running.waitForFinished();
}

void ExperimentRunner::settle(quint64 generation, const QFuture<ExperimentOutcome>& future) {
    if (generation != m_generation)
        return; // stale: a newer run was asked for
    m_settled = generation;
    if (future.isCanceled() || future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const ExperimentOutcome outcome = future.result();
    if (outcome.worldRead)
        emit worldRead(outcome.world);
    if (outcome.status.code() == merch::StatusCode::Cancelled)
        emit cancelled();
    else if (!outcome.status.isOk())
        emit failed(outcome.status);
    else if (outcome.result)
        emit finished(outcome.result);
}

} // namespace merch::ui
