// ExperimentRunner: simulates the A/B test (merch::simulateExperiment) off the UI thread, for
// the Lift page. Experiments run on a demo store's world: the job reads the workspace's meta
// with its own connection ("store.kind", "demo.products", "demo.sessions_per_day",
// "demo.seed") to learn which world the store came from, and reports it before simulating.
// Each run gets a new generation; a stale result is dropped.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "merch/experiment.h"

namespace merch::ui {

// The world a store was generated from; isDemo false for imported stores.
struct StoreWorld {
    bool isDemo = false;
    int products = 0;
    double sessionsPerDay = 0;
    std::uint64_t seed = 0;
};

merch::Result<StoreWorld> readStoreWorld(const std::string& path);

using ExperimentPtr = std::shared_ptr<const merch::ExperimentResult>;

struct ExperimentRequest {
    std::string path;
    // Empty: only read the store's world. Otherwise the scenario; its `products` is replaced by
    // the demo world's.
    std::optional<merch::ExperimentParams> params;
    std::uint64_t seed = 42;
    // Sessions per day and seed from the demo world instead of params / seed (the first run
    // on a store, before the form shows the store's values).
    bool storeDefaults = false;
};

struct ExperimentOutcome {
    quint64 generation = 0;
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
    bool isRunning() const { return m_settled != m_generation; }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    // The store's world (every run reports it first, also a probe without params).
    void worldRead(const merch::ui::StoreWorld& world);
    void finished(const merch::ui::ExperimentPtr& result);
    void failed(const merch::Status& status);
    void cancelled();

private:
    void settle(quint64 generation, const QFuture<ExperimentOutcome>& future);

    quint64 m_generation = 0;
    quint64 m_settled = 0;
    QFuture<ExperimentOutcome> m_running;
};

} // namespace merch::ui
