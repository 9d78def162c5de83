#include "jobs/import_runner.h"

#include "jobs/watched_job.h"

namespace merch::ui {

ImportRunner::ImportRunner(QObject* parent)
    : QObject(parent) {}

ImportRunner::~ImportRunner() {
    ++m_generation;
    m_settled = m_generation;
    cancel();
    waitForIdle();
}

void ImportRunner::start(const ImportRequest& request) {
    cancel(); // a running import stops; its outcome carries a stale generation
    const quint64 generation = ++m_generation;
    m_stop = std::make_shared<std::atomic<bool>>(false);
    auto body = [request, generation, stop = m_stop](QPromise<ImportOutcome>& promise) {
        runImportJob(promise, generation, request, stop.get());
    };
    m_running = startWatchedJob<ImportOutcome>(
        this, std::move(body),
        [this, generation](int value, int maximum, const QString& stage) {
            if (generation == m_generation)
                emit progressChanged(value, maximum, stage);
        },
        [this, generation](const QFuture<ImportOutcome>& future) { settle(generation, future); });
}

void ImportRunner::cancel() {
    if (m_stop)
        m_stop->store(true);
}

bool ImportRunner::cancelRequested() const {
    return m_stop && m_stop->load();
}

void ImportRunner::waitForIdle() {
    m_running.waitForFinished();
}

void ImportRunner::settle(quint64 generation, const QFuture<ImportOutcome>& future) {
    if (generation != m_generation)
        return;
    m_settled = generation;
    auto outcome = std::make_shared<ImportOutcome>();
    if (future.resultCount() > 0)
        *outcome = future.result();
    else // the job never reported (it cannot be cancelled through its future): a bug
        outcome->status = merch::Status::error(merch::StatusCode::Internal,
                                               "the import job ended without a result");
    emit finished(outcome);
}

} // namespace merch::ui
