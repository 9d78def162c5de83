// CostStoreRunner: measures what the Costs page needs from a store, off the UI thread: the
// traffic profile and recommendation requests (merch::measureStoreCostProfile), the saved cost
// scenarios, and, for a demo store, the honest lift from the Lift simulator's default ranking
// and messaging tests (merch::simulateTreatmentLift). The job opens its own workspace connection.
// Each run gets a new generation; a stale result is dropped.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "merch/cost_scenario.h"
#include "merch/store_cost_profile.h"

namespace merch::ui {

struct CostStoreData {
    merch::StoreCostProfile profile;
    std::optional<merch::LiftAssumption> simulatedLift; // ranking; demo stores only
    std::optional<merch::LiftAssumption> messagingLift; // predictive messaging; demo stores
    QString liftNote; // why there is no simulated lift ("imported store: ...")
    std::vector<merch::CostScenario> scenarios;
};
using CostStorePtr = std::shared_ptr<const CostStoreData>;

struct CostStoreOutcome {
    quint64 generation = 0;
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
    bool isRunning() const { return m_settled != m_generation; }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::CostStorePtr& data);
    void failed(const merch::Status& status);
    void cancelled();

private:
    void settle(quint64 generation, const QFuture<CostStoreOutcome>& future);

    quint64 m_generation = 0;
    quint64 m_settled = 0;
    QFuture<CostStoreOutcome> m_running;
};

} // namespace merch::ui
