#include "jobs/report_runner.h"

#include "jobs/promise_run_control.h"
#include "merch/workspace.h"

namespace merch::ui {

ReportRunner::ReportRunner(QObject* parent)
    : QObject(parent) {}

ReportRunner::~ReportRunner() = default; // m_job cancels the running job and waits for it

void ReportRunner::run(const std::string& path, const merch::ReportParams& params) {
    m_job.cancel(); // a result of the running job now carries a stale generation
    const quint64 generation = m_job.next();
    auto body = [path, params](QPromise<ReportOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        ReportOutcome outcome;
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
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<ReportOutcome>& future) {
            emitOutcome(this, future, &ReportOutcome::report);
        });
}

void ReportRunner::cancel() {
    m_job.cancel();
}

void ReportRunner::waitForIdle() {
    m_job.waitForIdle();
}

} // namespace merch::ui
