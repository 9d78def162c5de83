#include "jobs/audit_runner.h"

#include "jobs/promise_run_control.h"

namespace merch::ui {

AuditRunner::AuditRunner(QObject* parent)
    : QObject(parent) {}

AuditRunner::~AuditRunner() = default; // m_job cancels the running job and waits for it

void AuditRunner::run(ProductsPtr products, const merch::AuditParams& params) {
    m_job.cancel(); // a result of the running job now carries a stale generation
    const quint64 generation = m_job.next();
    auto body = [products = std::move(products), params](QPromise<AuditOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        AuditOutcome outcome;
        static const std::vector<merch::Product> kNone;
        auto result = merch::auditCatalog(products ? *products : kNone, params,
                                          promiseRunControl(promise, merch::RunControl{}.seed));
        if (result)
            outcome.result = std::make_shared<const merch::AuditResult>(std::move(result).value());
        else
            outcome.status = result.status();
        promise.addResult(std::move(outcome));
    };
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<AuditOutcome>& future) {
            emitOutcome(this, future, &AuditOutcome::result);
        });
    emit started();
}

void AuditRunner::cancel() {
    m_job.cancel();
}

void AuditRunner::waitForIdle() {
    m_job.waitForIdle();
}

} // namespace merch::ui
