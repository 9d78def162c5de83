#include "jobs/messaging_runner.h"

#include "jobs/promise_run_control.h"
#include "jobs/watched_job.h"
#include "merch/workspace.h"

namespace merch::ui {

MessagingRunner::MessagingRunner(QObject* parent)
    : QObject(parent) {}

MessagingRunner::~MessagingRunner() {
    ++m_generation; // nothing still running may report any more
    m_settled = m_generation;
    cancel();
    waitForIdle();
}

void MessagingRunner::run(const MessagingRequest& request) {
    m_running.cancel(); // its result, if any, carries a stale generation and is dropped
    const quint64 generation = ++m_generation;
    auto body = [request](QPromise<Outcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        Outcome outcome;
        auto workspace = merch::Workspace::open(request.path);
        if (!workspace) {
            outcome.status = workspace.status();
            promise.addResult(std::move(outcome));
            return;
        }
        auto result =
            merch::analyzeMessaging(**workspace, request.params, promiseRunControl(promise, 42));
        if (result)
            outcome.result =
                std::make_shared<const merch::MessagingAnalysis>(std::move(result).value());
        else
            outcome.status = result.status();
        promise.addResult(std::move(outcome));
    };
    m_running = startWatchedJob<Outcome>(
        this, std::move(body),
        [this, generation](int value, int maximum, const QString& stage) {
            if (generation == m_generation)
                emit progressChanged(value, maximum, stage);
        },
        [this, generation](const QFuture<Outcome>& future) { settle(generation, future); });
}

void MessagingRunner::cancel() {
    m_running.cancel();
}

void MessagingRunner::waitForIdle() {
    m_running.waitForFinished();
}

void MessagingRunner::settle(quint64 generation, const QFuture<Outcome>& future) {
    if (generation != m_generation)
        return; // stale: a newer run was asked for
    m_settled = generation;
    if (future.isCanceled() || future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.status.code() == merch::StatusCode::Cancelled)
        emit cancelled();
    else if (!outcome.status.isOk())
        emit failed(outcome.status);
    else if (outcome.result)
        emit finished(outcome.result);
}

} // namespace merch::ui
