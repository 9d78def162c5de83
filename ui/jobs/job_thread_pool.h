// The thread pool every background job runs in. Not Qt's global pool: Qt's own painting uses that
// one (the raster engine splits large fills across it and waits), so on a two-core machine a job
// holding a global-pool thread could stall the UI until the job ends, and a Cancel click with it.
#pragma once

class QThreadPool;

namespace merch::ui {

QThreadPool* jobThreadPool();

} // namespace merch::ui
