// ExperimentRunner: simulates the A/B test (merch::simulateExperiment) off the UI thread, for
// the Lift page. The job reads the workspace's meta with its own connection ("store.kind",
// "demo.products", "demo.sessions_per_day", "demo.seed") to learn which world the store came
// from, and reports it before simulating. A demo store's test runs on its own world; an imported
// store's on a world calibrated from its catalog and events (merch::workspaceExperiment), fitted
// once per store and event count and reused by later runs. Each run gets a new generation; a
// stale result is dropped.
#pragma once

#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "jobs/generation_job.h"
#include "merch/experiment.h"
#include "merch/world_calibration.h"

namespace merch::ui {

// The world a store was generated from; isDemo false for imported stores, whose world is
// calibrated by the first run that simulates (then `calibration` is set).
struct StoreWorld {
    bool isDemo = false;
    int products = 0;
    double sessionsPerDay = 0;
    std::uint64_t seed = 0;
    std::shared_ptr<const merch::WorldCalibration> calibration;
};

merch::Result<StoreWorld> readStoreWorld(const std::string& path);

using ExperimentPtr = std::shared_ptr<const merch::ExperimentResult>;

struct ExperimentRequest {
    std::string path;
    // Empty: only read the store's world. Otherwise the scenario; its `products` is replaced by
    // the demo world's (a calibrated world has the store's catalog).
    std::optional<merch::ExperimentParams> params;
    std::uint64_t seed = 42;
    // Sessions per day and seed from the store's world instead of params / seed (the first run
    // on a store, before the form shows the store's values).
    bool storeDefaults = false;
};

struct ExperimentOutcome {
    merch::Status status;
    StoreWorld world;
    bool worldRead = false;
    ExperimentPtr result;
};

class ExperimentRunner : public QObject {
    Q_OBJECT
public:
    explicit ExperimentRunner(QObject* parent = nullptr);
    ~ExperimentRunner() override; // cancels the running job and waits for it

    void run(const ExperimentRequest& request);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    // The store's world (every run reports it first, also a probe without params).
    void worldRead(const merch::ui::StoreWorld& world);
    void finished(const merch::ui::ExperimentPtr& result);
    void failed(const merch::Status& status);
    void cancelled();

public:
    struct CalibrationCache; // the last calibrated world, shared with the jobs

private:
    void settle(const QFuture<ExperimentOutcome>& future);

    std::shared_ptr<CalibrationCache> m_calibrations;
    GenerationJob<ExperimentOutcome> m_job;
};

} // namespace merch::ui
