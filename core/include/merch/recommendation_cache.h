// The recommendation cache trade-off: replay a store's recommendation requests through a TTL
// cache of ready-made lists and measure the hit rate (serving cost saved) against staleness
// (lists served after the catalog changed under them), over a range of TTLs.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "merch/event.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

// One request for a "you may also like" list.
struct CacheRequest {
    std::int64_t time = 0; // unix seconds
    int key = 0;           // the list asked for (the viewed product's dense index)
};

// Every product detail view asks for that product's recommendations; time-ordered.
std::vector<CacheRequest> recommendationRequests(std::span<const Event> events);

struct CacheReplayParams {
    std::vector<double> ttlHours = {0.25, 0.5, 1, 2, 4, 8, 12, 24, 48}; // each 0.01..720
    double catalogRefreshHours = 24; // stock, prices and new products change every this many
                                     // hours (refreshes at fixed times); 0.1..720
    // Besides the replay at the store's own traffic, project the hit rate to this many
    // requests a day (the brief: 500k impressions), with each list's requests a Poisson stream
    // at its observed rate scaled up. 0: no projection. 0..1e10
    double projectedRequestsPerDay = 0;
    Status validate() const;
};

struct CachePoint {
    double ttlHours = 0;
    double hitRate = 0;          // share of requests served from the cache (the replay)
    double staleShare = 0;       // share of requests served a list computed before the last refresh
    double projectedHitRate = 0; // the same at projectedRequestsPerDay (0 without)
    double projectedStaleShare = 0;
};

struct CacheReplayResult {
    CacheReplayParams params;
    std::int64_t requests = 0;
    int keys = 0;                   // distinct lists requested
    double spanDays = 0;            // first to last request
    double requestsPerDay = 0;      // the store's own traffic
    std::vector<CachePoint> points; // one per TTL, in the order given
};

// `requests` must be in time order. Linear in requests x TTLs.
Result<CacheReplayResult> replayRecommendationCache(std::span<const CacheRequest> requests,
                                                    const CacheReplayParams& params,
                                                    const RunControl& control);

} // namespace merch
