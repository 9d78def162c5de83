#include "jobs/import_runner.h"

namespace merch::ui {

ImportRunner::ImportRunner(QObject* parent)
    : QObject(parent) {}

ImportRunner::~ImportRunner() {
    cancel(); // sets the stop flag; m_job then waits for the job
}

void ImportRunner::start(const ImportRequest& request) {
    cancel(); // a running import stops; its outcome carries a stale generation
    const quint64 generation = m_job.next();
    m_stop = std::make_shared<std::atomic<bool>>(false);
    auto body = [request, generation, stop = m_stop](QPromise<ImportOutcome>& promise) {
        runImportJob(promise, generation, request, stop.get());
    };
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<ImportOutcome>& future) { settle(future); });
}

void ImportRunner::cancel() {
    if (m_stop)
        m_stop->store(true);
}

bool ImportRunner::cancelRequested() const {
    return m_stop && m_stop->load();
}

void ImportRunner::waitForIdle() {
    m_job.waitForIdle();
}

void ImportRunner::settle(const QFuture<ImportOutcome>& future) {
    auto outcome = std::make_shared<ImportOutcome>();
    if (future.resultCount() > 0)
        *outcome = future.result();
    else // the job never reported (it cannot be cancelled through its future): a bug
        outcome->status = merch::Status::error(merch::StatusCode::Internal,
                                               "the import job ended without a result");
    emit finished(outcome);
}

} // namespace merch::ui
