#include "jobs/audit_runner.h"

#include "jobs/promise_run_control.h"
#include "jobs/watched_job.h"

namespace merch::ui {

AuditRunner::AuditRunner(QObject* parent)
    : QObject(parent) {}

AuditRunner::~AuditRunner() {
    ++m_generation; // nothing still running may report any more
    m_settled = m_generation;
    cancel();
    waitForIdle();
}

void AuditRunner::run(ProductsPtr products, const merch::AuditParams& params) {
    m_running.cancel(); // its result, if any, carries a stale generation and is dropped
    const quint64 generation = ++m_generation;
    auto body = [products = std::move(products), params,
                 generation](QPromise<AuditOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        AuditOutcome outcome;
        outcome.generation = generation;
        static const std::vector<merch::Product> kNone;
        auto result = merch::auditCatalog(products ? *products : kNone, params,
                                          promiseRunControl(promise, merch::RunControl{}.seed));
        if (result)
            outcome.result = std::make_shared<const merch::AuditResult>(std::move(result).value());
        else
            outcome.status = result.status();
        promise.addResult(std::move(outcome));
    };
    m_running = startWatchedJob<AuditOutcome>(
        this, std::move(body),
        [this, generation](int value, int maximum, const QString& stage) {
            if (generation == m_generation)
                emit progressChanged(value, maximum, stage);
        },
        [this, generation](const QFuture<AuditOutcome>& future) { settle(generation, future); });
    emit started();
}

void AuditRunner::cancel() {
    m_running.cancel();
}

void AuditRunner::waitForIdle() {
    m_running.waitForFinished();
}

void AuditRunner::settle(quint64 generation, const QFuture<AuditOutcome>& future) {
    if (generation != m_generation)
        return; // stale: a newer run was asked for
    m_settled = generation;
    if (future.isCanceled() || future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const AuditOutcome outcome = future.result();
    if (outcome.status.code() == merch::StatusCode::Cancelled)
        emit cancelled();
    else if (!outcome.status.isOk() || !outcome.result)
        emit failed(outcome.status);
    else
        emit finished(outcome.result);
}

} // namespace merch::ui
