#include "jobs/store_loader.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

#include "jobs/job_thread_pool.h"

namespace merch::ui {

StoreLoader::StoreLoader(QObject* parent)
    : QObject(parent) {}

StoreLoader::~StoreLoader() {
    ++m_generation; // nothing that is still running may report any more
    m_settled = m_generation;
    cancel();
    waitForIdle();
}

template <typename Body>
void StoreLoader::start(JobKind kind, const QString& label, const QString& path, Body body) {
    cancel(); // its result, if any, will carry a stale generation and be dropped
    const quint64 generation = ++m_generation;
    m_stop = std::make_shared<std::atomic<bool>>(false);

    auto* watcher = new QFutureWatcher<JobOutcome>(this);
    connect(watcher, &QFutureWatcherBase::progressValueChanged, this,
            [this, watcher, generation](int value) {
                if (generation == m_generation)
                    emit progressChanged(value, watcher->progressMaximum(),
                                         watcher->progressText());
            });
    connect(watcher, &QFutureWatcherBase::progressRangeChanged, this,
            [this, watcher, generation](int, int maximum) {
                if (generation == m_generation)
                    emit progressChanged(watcher->progressValue(), maximum,
                                         watcher->progressText());
            });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, kind, path] {
        finish(generation, kind, path, watcher->future());
        watcher->deleteLater();
    });
    m_running = QtConcurrent::run(jobThreadPool(),
                                  [body, generation, stop = m_stop](QPromise<JobOutcome>& promise) {
                                      body(promise, generation, stop.get());
                                  });
    watcher->setFuture(m_running);
    emit jobStarted(label, kind == JobKind::Demo); // only the demo job reports to RunControl
}

void StoreLoader::open(const QString& path) {
    const std::string file = QFileInfo(path).absoluteFilePath().toStdString();
    start(JobKind::Open, tr("Opening %1").arg(QFileInfo(path).fileName()), path,
          [file](QPromise<JobOutcome>& promise, quint64 generation, const std::atomic<bool>*) {
              runOpenJob(promise, generation, file);
          });
}

void StoreLoader::generateDemo(const DemoRequest& request) {
    const QString path = QString::fromStdString(request.path);
    start(JobKind::Demo, tr("Building the demo store"), path,
          [request](QPromise<JobOutcome>& promise, quint64 generation,
                    const std::atomic<bool>* stop) {
              runDemoJob(promise, generation, request, stop);
          });
}

void StoreLoader::saveCopy(const SnapshotPtr& current, const QString& target) {
    const std::string file = QFileInfo(target).absoluteFilePath().toStdString();
    start(JobKind::SaveCopy, tr("Saving a copy as %1").arg(QFileInfo(target).fileName()), target,
          [current, file](QPromise<JobOutcome>& promise, quint64 generation,
                          const std::atomic<bool>*) {
              runSaveCopyJob(promise, generation, current, file);
          });
}

bool StoreLoader::isBusy() const {
    return m_settled != m_generation;
}

void StoreLoader::cancel() {
    if (m_stop)
        m_stop->store(true);
    m_running.cancel();
}

void StoreLoader::waitForIdle() {
    m_running.waitForFinished();
}

void StoreLoader::finish(quint64 generation, JobKind kind, const QString& path,
                         const QFuture<JobOutcome>& future) {
    if (generation != m_generation)
        return; // stale: the user has asked for something else since
    m_settled = generation;
    if (future.isCanceled() || future.resultCount() == 0) {
        emit jobCancelled(kind, path);
        emit jobFinished(false);
        return;
    }
    const JobOutcome outcome = future.result();
    if (outcome.generation != m_generation)
        return;
    if (outcome.status.code() == merch::StatusCode::Cancelled) {
        emit jobCancelled(kind, path);
        emit jobFinished(false);
    } else if (!outcome.status.isOk() || !outcome.snapshot) {
        emit jobFailed(kind, outcome.path, outcome.status);
        emit jobFinished(false);
    } else {
        emit storeLoaded(outcome.snapshot, outcome.notices);
        emit jobFinished(true);
    }
}

} // namespace merch::ui
