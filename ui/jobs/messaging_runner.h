// MessagingRunner: trains and evaluates the messaging models on a workspace and, for a demo
// store, simulates fixed vs predictive emails on its world (merch::analyzeMessaging), off the
// UI thread, for the Messaging page. The job opens its own connection; each run gets a new
// generation and a stale result is dropped.
#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <string>

#include "jobs/generation_job.h"
#include "merch/messaging_analysis.h"

namespace merch::ui {

using MessagingPtr = std::shared_ptr<const merch::MessagingAnalysis>;

struct MessagingRequest {
    std::string path;
    merch::MessagingAnalysisParams params;
};

class MessagingRunner : public QObject {
    Q_OBJECT
public:
    explicit MessagingRunner(QObject* parent = nullptr);
    ~MessagingRunner() override; // cancels the running job and waits for it

    void run(const MessagingRequest& request);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::MessagingPtr& result);
    void failed(const merch::Status& status);
    void cancelled();

private:
    struct Outcome {
        merch::Status status;
        MessagingPtr result;
    };
    GenerationJob<Outcome> m_job;
};

} // namespace merch::ui
