#include "jobs/store_jobs.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>

#include <filesystem>
#include <system_error>

#include "jobs/promise_run_control.h"
#include "merch/workspace.h"

namespace merch::ui {
namespace {

void setStage(QPromise<JobOutcome>& promise, double fraction, const QString& stage) {
    promise.setProgressValueAndText(static_cast<int>(fraction * kProgressMaximum), stage);
}

JobOutcome outcome(quint64 generation, const std::string& path) {
    JobOutcome result;
    result.generation = generation;
    result.path = QString::fromStdString(path);
    return result;
}

void finishWithSnapshot(QPromise<JobOutcome>& promise, JobOutcome result, const std::string& path) {
    auto snapshot = readSnapshot(path);
    if (snapshot)
        result.snapshot = std::move(snapshot).value();
    else
        result.status = snapshot.status();
    promise.addResult(std::move(result));
}

// A sibling of `path` that no one else uses: the demo store is written there first and renamed
// over `path` only once it is complete, so a cancelled or failed run never touches `path`.
std::string partialPath(const std::string& path) {
    const QFileInfo info(QString::fromStdString(path));
    const QString name = QStringLiteral(".%1.%2.part")
                             .arg(info.fileName())
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    return info.dir().filePath(name).toStdString();
}

// Keeps an unreadable file instead of deleting it: the user's data is never thrown away.
QString moveAside(const std::string& path) {
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-hhmmss"));
    const QString aside = QString::fromStdString(path) + QStringLiteral(".unreadable-") + stamp;
    std::error_code error;
    std::filesystem::rename(path, aside.toStdString(), error);
    return error ? QString() : aside;
}

} // namespace

void runOpenJob(QPromise<JobOutcome>& promise, quint64 generation, const std::string& path) {
    promise.setProgressRange(0, kProgressMaximum);
    setStage(promise, 0.05, QStringLiteral("opening"));
    finishWithSnapshot(promise, outcome(generation, path), path);
}

void runDemoJob(QPromise<JobOutcome>& promise, quint64 generation, const DemoRequest& request,
                const std::atomic<bool>* stop) {
    promise.setProgressRange(0, kProgressMaximum);
    JobOutcome result = outcome(generation, request.path);

    if (request.reuseExisting && QFileInfo::exists(result.path)) {
        setStage(promise, 0.02, QStringLiteral("opening"));
        auto existing = readSnapshot(request.path);
        if (existing) {
            result.snapshot = std::move(existing).value();
            promise.addResult(std::move(result));
            return;
        }
        const QString aside = moveAside(request.path);
        if (aside.isEmpty()) {
            result.status = existing.status();
            promise.addResult(std::move(result));
            return;
        }
        result.notices << QStringLiteral("The demo store at %1 could not be opened (%2); it was "
                                         "kept as %3 and a new one was built.")
                              .arg(result.path, QString::fromStdString(existing.status().message()),
                                   aside);
    }

    QDir().mkpath(QFileInfo(result.path).absolutePath());
    const std::string partial = partialPath(request.path);
    const auto written = merch::writeDemoStore(
        partial, request.params, promiseRunControl(promise, request.seed, 0.0, 0.9, stop));
    if (!written) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored); // the engine should not leave one; be sure
        result.status = written.status();
        promise.addResult(std::move(result));
        return;
    }
    if (promise.isCanceled() || (stop && stop->load())) {
        std::error_code ignored;
        std::filesystem::remove(partial, ignored);
        result.status = merch::Status::cancelled();
        promise.addResult(std::move(result));
        return;
    }
    std::error_code error;
    std::filesystem::rename(partial, request.path, error);
    if (error) {
        std::filesystem::remove(partial, error);
        result.status = merch::Status::error(
            merch::StatusCode::IoError, "could not move the new demo store to " + request.path);
        promise.addResult(std::move(result));
        return;
    }
    setStage(promise, 0.92, QStringLiteral("reading the store"));
    finishWithSnapshot(promise, std::move(result), request.path);
}

void runSaveCopyJob(QPromise<JobOutcome>& promise, quint64 generation, const SnapshotPtr& current,
                    const std::string& target) {
    promise.setProgressRange(0, 0); // busy indicator: saveCopyAs reports no progress
    JobOutcome result = outcome(generation, target);
    auto workspace = merch::Workspace::open(current->path.toStdString());
    if (!workspace) {
        result.status = workspace.status();
    } else if (auto saved = (*workspace)->saveCopyAs(target); !saved) {
        result.status = saved;
    } else {
        result.snapshot = withPath(current, QString::fromStdString(target));
    }
    promise.addResult(std::move(result));
}

} // namespace merch::ui
