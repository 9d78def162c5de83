// The built-in demo store: a ShopperWorld's catalog and 90 days of logged sessions, written
// to a workspace.
#pragma once

#include <string>

#include "merch/run_control.h"
#include "merch/shopper_world.h"
#include "merch/status.h"
#include "merch/store_summary.h"

namespace merch {

struct DemoStoreParams {
    WorldParams world; // defaults: 2,000 products, 90 days, about 60k sessions
    // Seed comes from RunControl::seed (default 42).
};

// Generates the demo store into a new workspace file at `path` (which must not exist). On
// failure or cancel no file is left behind. Returns the summary of what was written.
Result<StoreSummary> writeDemoStore(const std::string& path, const DemoStoreParams& params,
                                    const RunControl& control);

} // namespace merch
