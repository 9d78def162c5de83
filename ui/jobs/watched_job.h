// startWatchedJob: the one way the UI starts background work. The body runs in jobThreadPool()
// (QtConcurrent::run with a QPromise); a QFutureWatcher owned by `owner` forwards its progress and
// its end to callbacks that run on the UI thread. The caller keeps the returned QFuture to cancel
// or wait for the job, and tags the job with a generation so that a stale result can be recognised
// and dropped.
#pragma once

#include <QFuture>
#include <QFutureWatcher>
#include <QObject>
#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

#include "jobs/job_thread_pool.h"

namespace merch::ui {

// `body(QPromise<T>&)` runs in a worker thread; `onProgress(value, maximum, stage)` and
// `onFinished(const QFuture<T>&)` run on `owner`'s thread. `onFinished` runs once, also after a
// cancel (the future then may hold no result).
template <typename T, typename Body, typename OnProgress, typename OnFinished>
QFuture<T> startWatchedJob(QObject* owner, Body body, OnProgress onProgress,
                           OnFinished onFinished) {
    auto* watcher = new QFutureWatcher<T>(owner);
    QObject::connect(watcher, &QFutureWatcherBase::progressValueChanged, owner,
                     [watcher, onProgress](int value) {
                         onProgress(value, watcher->progressMaximum(), watcher->progressText());
                     });
    QObject::connect(watcher, &QFutureWatcherBase::progressRangeChanged, owner,
                     [watcher, onProgress](int, int maximum) {
                         onProgress(watcher->progressValue(), maximum, watcher->progressText());
                     });
    QObject::connect(watcher, &QFutureWatcherBase::finished, owner, [watcher, onFinished] {
        onFinished(watcher->future());
        watcher->deleteLater();
    });
    QFuture<T> future = QtConcurrent::run(jobThreadPool(), std::move(body));
    watcher->setFuture(future);
    return future;
}

} // namespace merch::ui
