// The bodies of the store jobs. Each runs in a worker thread (QtConcurrent::run), works only on
// the copies of its inputs it was given, opens its own Workspace connection, and reports one
// JobOutcome tagged with the generation it was started under.
#pragma once

#include <QPromise>
#include <QString>
#include <QStringList>

#include <atomic>
#include <cstdint>
#include <string>

#include "jobs/store_snapshot.h"
#include "merch/demo_store.h"
#include "merch/status.h"

namespace merch::ui {

enum class JobKind {
    Open,     // open an existing workspace
    Demo,     // build the demo store (or open the existing first-start demo) and open it
    SaveCopy, // Workspace::saveCopyAs, then switch to the copy
};

struct JobOutcome {
    quint64 generation = 0; // the StoreLoader generation the job was started under
    merch::Status status;   // ok, or why there is no snapshot
    SnapshotPtr snapshot;   // set when status is ok
    QString path;           // the workspace file the job was about
    QStringList notices;    // things the user should know that are not errors
};

struct DemoRequest {
    std::string path; // where the demo store goes; an existing file is replaced
    merch::DemoStoreParams params;
    std::uint64_t seed = 42;
    bool reuseExisting = false; // first start: open `path` when it is already a workspace
};

void runOpenJob(QPromise<JobOutcome>& promise, quint64 generation, const std::string& path);
// `stop`, when given, cancels too: a QFuture::cancel() that comes before the thread pool starts
// the job is lost (Qt 6.4 resets the state when the job starts), a flag is not.
void runDemoJob(QPromise<JobOutcome>& promise, quint64 generation, const DemoRequest& request,
                const std::atomic<bool>* stop = nullptr);
void runSaveCopyJob(QPromise<JobOutcome>& promise, quint64 generation, const SnapshotPtr& current,
                    const std::string& target);

} // namespace merch::ui
