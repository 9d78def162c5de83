// Helpers shared by the GUI tests: a small demo store on disk and waiting for a window's load.
#pragma once

#include <QString>

#include <cstdint>
#include <functional>

#include "merch/demo_store.h"
#include "merch/status.h"
#include "merch/store_summary.h"

namespace merch::ui {
class MainWindow;
}

namespace merch::test {

// The small store the GUI tests run on: 200 products, 7 days, 60 sessions a day.
merch::DemoStoreParams smallDemoParams();
merch::Result<merch::StoreSummary> writeSmallDemo(const QString& path, std::uint64_t seed = 7);

// Runs `start` (which starts a job on `window`) and waits for MainWindow::loadFinished.
// Returns the signal's argument, or false when it did not come within `timeoutMs`.
bool runAndWaitForLoad(merch::ui::MainWindow& window, const std::function<void()>& start,
                       int timeoutMs = 120000);

// Isolates QSettings and QStandardPaths from the user's real ones.
void isolateSettings();

} // namespace merch::test
