// CostStoreRunner: measures what the Costs page needs from a store, off the UI thread: the
// traffic profile and recommendation requests (merch::measureStoreCostProfile), the saved cost
// scenarios, and, for a demo store, the honest lift of every use case the Lift simulator can
// test (merch::simulateUseCaseLifts). The job opens its own workspace connection.
// Each run gets a new generation; a stale result is dropped.
#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jobs/generation_job.h"
#include "merch/cost_scenario.h"
#include "merch/store_cost_profile.h"

namespace merch::ui {

struct CostStoreData {
    merch::StoreCostProfile profile;
    std::optional<merch::LiftAssumption> simulatedLift; // ranking; demo stores only
    merch::UseCaseLifts useCaseLifts; // every use case the simulator tests; demo stores only
    QString liftNote;                 // why there is no simulated lift ("imported store: ...")
    std::vector<merch::CostScenario> scenarios;
};
using CostStorePtr = std::shared_ptr<const CostStoreData>;

struct CostStoreOutcome {
    merch::Status status;
    CostStorePtr data;
};

class CostStoreRunner : public QObject {
    Q_OBJECT
public:
    explicit CostStoreRunner(QObject* parent = nullptr);
    ~CostStoreRunner() override; // cancels the running job and waits for it

    void run(const std::string& path, double trafficScale);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::CostStorePtr& data);
    void failed(const merch::Status& status);
    void cancelled();

private:
    GenerationJob<CostStoreOutcome> m_job;
};

} // namespace merch::ui
