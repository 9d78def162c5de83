// ImportRunner: starts the import job off the UI thread and hands its outcome back to it.
//
// Cancel stops the engine through its RunControl rather than discarding the job's future, so
// finished() always arrives and says whether anything was written (a cancel that comes after
// the save committed reports the import, not a cancel). Starting a new import cancels the one
// running and drops its outcome (generation token). Signals are emitted on the UI thread.
#pragma once

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "jobs/generation_job.h"
#include "jobs/import_job.h"

namespace merch::ui {

class ImportRunner : public QObject {
    Q_OBJECT
public:
    explicit ImportRunner(QObject* parent = nullptr);
    ~ImportRunner() override; // cancels the running import and waits for it

    void start(const ImportRequest& request);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    bool cancelRequested() const;
    void waitForIdle();

signals:
    // value in 0..maximum; stage is the engine's ("reading rows", "writing products").
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::ImportOutcomePtr& outcome);

private:
    void settle(const QFuture<ImportOutcome>& future);

    std::shared_ptr<std::atomic<bool>> m_stop; // the running job's cancel flag
    GenerationJob<ImportOutcome> m_job;        // cancelled through m_stop, not through its future
};

} // namespace merch::ui
