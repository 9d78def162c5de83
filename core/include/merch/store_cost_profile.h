// What the cost model needs to know about a store, measured from its workspace: traffic, orders
// and revenue annualised from the sample, the revenue each use case touches, and the stream of
// recommendation requests for the cache replay.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "merch/cost_model.h"
#include "merch/event.h"
#include "merch/recommendation_cache.h"
#include "merch/run_control.h"
#include "merch/status.h"
#include "merch/use_case_priority.h"

namespace merch {

class Workspace;

struct StoreCostProfile {
    StoreEconomics economics; // annualised from the sample, times trafficScale
    double sampleDays = 0;    // first to last event
    double trafficScale = 1;  // the sample's share of real traffic is 1 / trafficScale
    std::int64_t sessions = 0;
    std::int64_t orders = 0;
    double revenue = 0; // in the sample
    // Share of the sample's revenue from sessions that ...
    double categoryRevenueShare = 0;       // ... viewed a category page
    double recommendationRevenueShare = 0; // ... viewed a product page (where a block shows)
    double searchRevenueShare = 0;         // ... searched
    double emailRevenueShare = 0;          // ... arrived from an email
    std::vector<CacheRequest> requests;    // product page views, time-ordered
};

// From events already in memory (catalogSize: products in the catalog, 0 to count the products
// the events name). trafficScale: 1..1e6.
Result<StoreCostProfile> measureStoreCostProfile(std::span<const Event> events,
                                                 std::int64_t catalogSize, double trafficScale);

// Reads the workspace's events and catalog size, then measures.
Result<StoreCostProfile> measureStoreCostProfile(const Workspace& workspace, double trafficScale,
                                                 const RunControl& control);

// The four use cases for this store, with revenue shares from the profile. Category ranking
// gets `storeLift` (the cost paths' lift: a lift on the whole store's revenue, as the Lift
// simulator measures it); every other use case gets its lift from `simulated` when there is one,
// else a placeholder. A store-wide lift is spread over the revenue its use case touches: category
// pages, product pages (recommendations), searches, or sessions that came from an email.
std::vector<UseCaseInput> useCaseInputsFor(const StoreCostProfile& profile,
                                           const LiftAssumption& storeLift,
                                           const UseCaseLifts& simulated = {});

} // namespace merch
