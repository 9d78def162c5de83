#include "jobs/report_runner.h"

#include "jobs/promise_run_control.h"
#include "jobs/watched_job.h"
#include "merch/workspace.h"

namespace merch::ui {

ReportRunner::ReportRunner(QObject* parent)
    : QObject(parent) {}

ReportRunner::~ReportRunner() {
    ++m_generation;
    m_settled = m_generation;
    cancel();
    waitForIdle();
}

void ReportRunner::run(const std::string& path, const merch::ReportParams& params) {
    m_running.cancel();
    const quint64 generation = ++m_generation;
    auto body = [path, params, generation](QPromise<ReportOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        ReportOutcome outcome;
        outcome.generation = generation;
        auto workspace = merch::Workspace::open(path);
        if (!workspace) {
            outcome.status = workspace.status();
        } else if (auto data = merch::gatherReportData(**workspace, params,
                                                       promiseRunControl(promise, 42))) {
            auto report = std::make_shared<ReportBuild>();
            report->document = merch::buildReportDocument(*data, params);
            report->notes = data->notes;
            outcome.report = std::move(report);
        } else {
            outcome.status = data.status();
        }
        promise.addResult(std::move(outcome));
    };
    m_running = startWatchedJob<ReportOutcome>(
        this, std::move(body),
        [this, generation](int value, int maximum, const QString& stage) {
            if (generation == m_generation)
                emit progressChanged(value, maximum, stage);
        },
        [this, generation](const QFuture<ReportOutcome>& future) { settle(generation, future); });
}

void ReportRunner::cancel() {
    m_running.cancel();
}

void ReportRunner::waitForIdle() {
    m_running.waitForFinished();
}

void ReportRunner::settle(quint64 generation, const QFuture<ReportOutcome>& future) {
    if (generation != m_generation)
        return;
    m_settled = generation;
    if (future.isCanceled() || future.resultCount() == 0) {
        emit cancelled();
        return;
    }
    const ReportOutcome outcome = future.result();
    if (outcome.status.code() == merch::StatusCode::Cancelled)
        emit cancelled();
    else if (!outcome.status.isOk() || !outcome.report)
        emit failed(outcome.status);
    else
        emit finished(outcome.report);
}

} // namespace merch::ui
