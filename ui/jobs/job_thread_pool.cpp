#include "jobs/job_thread_pool.h"

#include <QThread>
#include <QThreadPool>

#include <algorithm>

namespace merch::ui {

QThreadPool* jobThreadPool() {
    static QThreadPool* const pool = [] {
        auto* created = new QThreadPool; // lives until exit; runners wait for their jobs
        // Two at least: a page's job and a store job may run side by side on a two-core box.
        created->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        return created;
    }();
    return pool;
}

} // namespace merch::ui
