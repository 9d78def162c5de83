// StoreLoader: starts the store jobs off the UI thread and hands their results back to it.
//
// Every job gets a new generation number; starting a job cancels the one running, and a result
// whose generation is not the latest is dropped, so a slow old load can never replace the store
// the user asked for last. Signals are emitted on the UI thread.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

#include "jobs/store_jobs.h"

template <typename T>
class QFutureWatcher;

namespace merch::ui {

class StoreLoader : public QObject {
    Q_OBJECT
public:
    explicit StoreLoader(QObject* parent = nullptr);
    ~StoreLoader() override; // cancels the running job and waits for it

    // Opens an existing workspace.
    void open(const QString& path);
    // Writes a demo store to request.path (replacing a file there only once the new one is
    // complete) and opens it.
    void generateDemo(const DemoRequest& request);
    // Copies `current` to `target` (Workspace::saveCopyAs) and switches to the copy.
    void saveCopy(const SnapshotPtr& current, const QString& target);

    bool isBusy() const;
    quint64 generation() const { return m_generation; }
    // Cancels the running job (RunControl.progress returns false); jobCancelled() follows.
    void cancel();
    // Blocks until the running job has finished (for shutdown and tests).
    void waitForIdle();

signals:
    void jobStarted(const QString& label, bool cancellable);
    // value in 0..maximum; maximum 0 means "busy, no measure of progress".
    void progressChanged(int value, int maximum, const QString& stage);
    void storeLoaded(const merch::ui::SnapshotPtr& snapshot, const QStringList& notices);
    void jobFailed(merch::ui::JobKind kind, const QString& path, const merch::Status& status);
    void jobCancelled(merch::ui::JobKind kind, const QString& path);
    // After each of the three above, for the latest job only.
    void jobFinished(bool ok);

private:
    template <typename Body>
    void start(JobKind kind, const QString& label, const QString& path, Body body);
    void finish(quint64 generation, JobKind kind, const QString& path,
                const QFuture<JobOutcome>& future);

    quint64 m_generation = 0; // the latest job
    quint64 m_settled = 0;    // the latest job whose result has been handled
    QFuture<JobOutcome> m_running;
    std::shared_ptr<std::atomic<bool>> m_stop; // the running job's cancel flag (see runDemoJob)
};

} // namespace merch::ui
