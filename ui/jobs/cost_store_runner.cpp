#include "jobs/cost_store_runner.h"

#include "jobs/promise_run_control.h"
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
    auto lifts =
        merch::simulateUseCaseLifts(**workspace, promiseRunControl(promise, 42, 0.25, 1.0));
    if (!lifts) {
        if (lifts.status().code() == merch::StatusCode::Cancelled)
            return lifts.status();
        // An imported store whose logs cannot be calibrated into a world: the lift is entered.
        data->liftNote = CostStoreRunner::tr("entered: %1")
                             .arg(QString::fromStdString(lifts.status().message()));
        return CostStorePtr(std::move(data));
    }
    data->useCaseLifts = std::move(lifts).value();
    data->simulatedLift =
        data->useCaseLifts[static_cast<std::size_t>(merch::UseCase::CategoryRanking)];
    return CostStorePtr(std::move(data));
}

} // namespace

CostStoreRunner::CostStoreRunner(QObject* parent)
    : QObject(parent) {}

CostStoreRunner::~CostStoreRunner() = default; // m_job cancels the running job and waits for it

void CostStoreRunner::run(const std::string& path, double trafficScale) {
    m_job.cancel(); // a result of the running job now carries a stale generation
    const quint64 generation = m_job.next();
    auto body = [path, trafficScale](QPromise<CostStoreOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        CostStoreOutcome outcome;
        auto data = measure(path, trafficScale, promise);
        if (data)
            outcome.data = *data;
        else
            outcome.status = data.status();
        promise.addResult(std::move(outcome));
    };
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<CostStoreOutcome>& future) {
            emitOutcome(this, future, &CostStoreOutcome::data);
        });
}

void CostStoreRunner::cancel() {
    m_job.cancel();
}

void CostStoreRunner::waitForIdle() {
    m_job.waitForIdle();
}

} // namespace merch::ui
