// AuditRunner: runs the catalog audit (merch::auditCatalog) off the UI thread.
//
// Each run gets a new generation; starting a run cancels the one in flight, and a result whose
// generation is not the latest is dropped, so changing the target twice quickly never shows
// the first target's result last. The job shares the snapshot's product list, which is
// immutable, instead of copying it. Signals are emitted on the UI thread.
#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <vector>

#include "jobs/generation_job.h"
#include "merch/audit.h"
#include "merch/product.h"

namespace merch::ui {

using AuditPtr = std::shared_ptr<const merch::AuditResult>;
using ProductsPtr = std::shared_ptr<const std::vector<merch::Product>>;

struct AuditOutcome {
    merch::Status status; // ok, or why there is no result
    AuditPtr result;
};

class AuditRunner : public QObject {
    Q_OBJECT
public:
    explicit AuditRunner(QObject* parent = nullptr);
    ~AuditRunner() override; // cancels the running audit and waits for it

    void run(ProductsPtr products, const merch::AuditParams& params);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    void waitForIdle();
    quint64 generation() const { return m_job.generation(); }

signals:
    void started();
    // value in 0..maximum; maximum 0 means "busy, no measure of progress".
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::AuditPtr& result);
    void failed(const merch::Status& status);
    void cancelled();

private:
    GenerationJob<AuditOutcome> m_job;
};

} // namespace merch::ui
