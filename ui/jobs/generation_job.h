// GenerationJob<Outcome>: the bookkeeping every runner shares. A runner has at most one background
// job it cares about; each run gets a new generation, and progress or an end that carries a stale
// generation is dropped, so starting a second run quickly never shows the first one's result
// last. emitOutcome() is the usual end of a run: cancelled, failed or finished.
#pragma once

#include <QFuture>
#include <QObject>
#include <QString>

#include <utility>

#include "jobs/watched_job.h"
#include "merch/status.h"

namespace merch::ui {

template <typename Outcome>
class GenerationJob {
public:
    GenerationJob() = default;
    GenerationJob(const GenerationJob&) = delete;
    GenerationJob& operator=(const GenerationJob&) = delete;
    // Nothing still running may report any more; asks the job to stop and waits for it.
    ~GenerationJob() {
        ++m_generation;
        m_settled = m_generation;
        cancel();
        waitForIdle();
    }

    // The generation of the run about to start: from now on, older runs' ends are stale. Does
    // not cancel the running job (a runner whose job stops by its own flag stops it first).
    quint64 next() { return ++m_generation; }

    // Starts `body(QPromise<Outcome>&)` in the thread pool as run `generation`.
    // `onProgress(value, maximum, stage)` and `onSettled(const QFuture<Outcome>&)` run on
    // `owner`'s thread, and only while `generation` is the latest run; onSettled runs once.
    template <typename Body, typename OnProgress, typename OnSettled>
    void start(QObject* owner, quint64 generation, Body body, OnProgress onProgress,
               OnSettled onSettled) {
        m_running = startWatchedJob<Outcome>(
            owner, std::move(body),
            [this, generation, onProgress](int value, int maximum, const QString& stage) {
                if (generation == m_generation)
                    onProgress(value, maximum, stage);
            },
            [this, generation, onSettled](const QFuture<Outcome>& future) {
                if (generation != m_generation)
                    return; // stale: a newer run was asked for
                m_settled = generation;
                onSettled(future);
            });
    }

    void cancel() { m_running.cancel(); }
    void waitForIdle() { m_running.waitForFinished(); }
    bool isRunning() const { return m_settled != m_generation; }
    quint64 generation() const { return m_generation; }

private:
    quint64 m_generation = 0;
    quint64 m_settled = 0;
    QFuture<Outcome> m_running;
};

// The usual end of a run for a runner with the signals cancelled(), failed(const Status&) and
// finished(value): cancelled when the future was cancelled, holds no outcome or the body reported
// Cancelled; failed on an error status or an empty value; else finished with the outcome's value.
template <typename Runner, typename Outcome, typename Value>
void emitOutcome(Runner* runner, const QFuture<Outcome>& future, Value Outcome::*value) {
    if (future.isCanceled() || future.resultCount() == 0) {
        emit runner->cancelled();
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.status.code() == merch::StatusCode::Cancelled)
        emit runner->cancelled();
    else if (!outcome.status.isOk() || !(outcome.*value))
        emit runner->failed(outcome.status);
    else
        emit runner->finished(outcome.*value);
}

} // namespace merch::ui
