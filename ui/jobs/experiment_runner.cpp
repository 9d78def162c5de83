#include "jobs/experiment_runner.h"

#include <algorithm>
#include <mutex>
#include <string>

#include "jobs/promise_run_control.h"
#include "merch/demo_store.h"
#include "merch/simulated_lift.h"
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
        return world; // imported: the first run calibrates its world
    world.isDemo = true;
    world.products = (*demo)->world.products;
    world.sessionsPerDay = (*demo)->world.sessionsPerDay;
    world.seed = (*demo)->seed;
    return world;
}

struct ExperimentRunner::CalibrationCache {
    std::mutex mutex;
    std::string path;
    std::int64_t events = -1;
    std::shared_ptr<const merch::WorldCalibration> calibration;
};

namespace {

// The imported store's calibrated world: the cached one while the store's events are the same,
// else fitted now (progress 0..0.4 of the job).
merch::Result<std::shared_ptr<const merch::WorldCalibration>>
calibratedWorld(const std::string& path, ExperimentRunner::CalibrationCache& cache,
                QPromise<ExperimentOutcome>& promise) {
    auto workspace = merch::Workspace::open(path);
    if (!workspace)
        return workspace.status();
    auto summary = (*workspace)->summary();
    if (!summary)
        return summary.status();
    {
        const std::lock_guard lock(cache.mutex);
        if (cache.calibration && cache.path == path && cache.events == summary->events)
            return cache.calibration;
    }
    auto setup = merch::workspaceExperiment(**workspace, promiseRunControl(promise, 42, 0.0, 0.4));
    if (!setup)
        return setup.status();
    const std::lock_guard lock(cache.mutex);
    cache.path = path;
    cache.events = summary->events;
    cache.calibration = setup->params.calibration;
    return cache.calibration;
}

} // namespace

ExperimentRunner::ExperimentRunner(QObject* parent)
    : QObject(parent)
    , m_calibrations(std::make_shared<CalibrationCache>()) {}

ExperimentRunner::~ExperimentRunner() = default; // m_job cancels the running job and waits

void ExperimentRunner::run(const ExperimentRequest& request) {
    m_job.cancel(); // a result of the running job now carries a stale generation
    const quint64 generation = m_job.next();
    auto body = [request, cache = m_calibrations](QPromise<ExperimentOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        ExperimentOutcome outcome;
        auto world = readStoreWorld(request.path);
        if (!world) {
            outcome.status = world.status();
            promise.addResult(std::move(outcome));
            return;
        }
        outcome.world = *world;
        outcome.worldRead = true;
        if (!request.params) {
            promise.addResult(std::move(outcome));
            return;
        }
        merch::ExperimentParams params = *request.params;
        std::uint64_t seed = request.seed;
        double from = 0.0;
        if (world->isDemo) {
            params.products = world->products;
            if (request.storeDefaults) {
                params.sessionsPerDay = world->sessionsPerDay;
                seed = world->seed;
            }
        } else {
            auto calibration = calibratedWorld(request.path, *cache, promise);
            if (!calibration) {
                outcome.status = calibration.status();
                promise.addResult(std::move(outcome));
                return;
            }
            outcome.world.calibration = *calibration;
            outcome.world.sessionsPerDay = std::max(10.0, (*calibration)->tuning.arrivalsPerDay);
            outcome.world.seed = 42;
            params.calibration = *calibration;
            if (request.storeDefaults) {
                params.sessionsPerDay = outcome.world.sessionsPerDay;
                seed = outcome.world.seed;
            }
            from = 0.4;
        }
        auto result =
            merch::simulateExperiment(params, promiseRunControl(promise, seed, from, 1.0));
        if (result)
            outcome.result =
                std::make_shared<const merch::ExperimentResult>(std::move(result).value());
        else
            outcome.status = result.status();
        promise.addResult(std::move(outcome));
    };
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<ExperimentOutcome>& future) { settle(future); });
}

void ExperimentRunner::cancel() {
    m_job.cancel();
}

void ExperimentRunner::waitForIdle() {
    m_job.waitForIdle();
}

void ExperimentRunner::settle(const QFuture<ExperimentOutcome>& future) {
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
