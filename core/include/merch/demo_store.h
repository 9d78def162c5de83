// The built-in demo store: a ShopperWorld's catalog and 90 days of logged sessions, written
// to a workspace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "merch/run_control.h"
#include "merch/shopper_world.h"
#include "merch/status.h"
#include "merch/store_summary.h"
#include "merch/workspace.h"

namespace merch {

struct DemoStoreParams {
    WorldParams world; // defaults: 2,000 products, 90 days, about 60k sessions
    // Seed comes from RunControl::seed (default 42).
};

// Generates the demo store into a new workspace file at `path` (which must not exist). On
// failure or cancel no file is left behind. Returns the summary of what was written.
Result<StoreSummary> writeDemoStore(const std::string& path, const DemoStoreParams& params,
                                    const RunControl& control);

// The world a demo store was generated from, as writeDemoStore recorded it in the workspace.
struct DemoWorldSettings {
    WorldParams world;      // products, days, sessions per day, defect rate
    std::uint64_t seed = 0; // RunControl::seed of the generation
};

// The demo world of `workspace`; nullopt for a store that was imported (there is no world to
// simulate on until worlds can be calibrated); Corrupted when the recorded settings do not read.
Result<std::optional<DemoWorldSettings>> readDemoWorldSettings(const Workspace& workspace);

} // namespace merch
