// ReportRunner: gathers the report's data (merch::gatherReportData: audit, model evaluation,
// the simulated A/B test, costs) and builds the document off the UI thread, with its own
// workspace connection. Each run gets a new generation; a stale result is dropped.
#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <string>

#include "jobs/generation_job.h"
#include "merch/report.h"

namespace merch::ui {

struct ReportBuild {
    merch::ReportDocument document;
    std::vector<std::string> notes;
};
using ReportPtr = std::shared_ptr<const ReportBuild>;

struct ReportOutcome {
    merch::Status status;
    ReportPtr report;
};

class ReportRunner : public QObject {
    Q_OBJECT
public:
    explicit ReportRunner(QObject* parent = nullptr);
    ~ReportRunner() override;

    void run(const std::string& path, const merch::ReportParams& params);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::ReportPtr& report);
    void failed(const merch::Status& status);
    void cancelled();

private:
    GenerationJob<ReportOutcome> m_job;
};

} // namespace merch::ui
