#include "jobs/messaging_runner.h"

#include "jobs/promise_run_control.h"
#include "merch/workspace.h"

namespace merch::ui {

MessagingRunner::MessagingRunner(QObject* parent)
    : QObject(parent) {}

MessagingRunner::~MessagingRunner() = default; // m_job cancels the running job and waits for it

void MessagingRunner::run(const MessagingRequest& request) {
    m_job.cancel(); // a result of the running job now carries a stale generation
    const quint64 generation = m_job.next();
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
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<Outcome>& future) { emitOutcome(this, future, &Outcome::result); });
}

void MessagingRunner::cancel() {
    m_job.cancel();
}

void MessagingRunner::waitForIdle() {
    m_job.waitForIdle();
}

} // namespace merch::ui
