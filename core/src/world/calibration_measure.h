// What a store's event log says, counted once: the figures calibration fits from and the
// replay compares with. The same counting runs on the logs and on a simulated baseline, so
// the two are measured alike. Internal to core/src/world.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/event.h"

namespace merch::world {

inline constexpr int kCalibrationPositions = 24;

struct LogMeasures {
    std::int64_t sessions = 0;
    int days = 0;               // first to last session day, inclusive
    std::int64_t firstDay = 0;  // day index (unix seconds / 86400) of the first session
    std::vector<double> daily;  // sessions per day, index 0 = firstDay
    std::int64_t returning = 0; // sessions whose visitor or customer id had an earlier session
    // How sessions start (email-driven visits excluded): search, a list page, a product page.
    std::int64_t entrySearch = 0, entryList = 0, entryLanding = 0, entryCounted = 0;

    std::int64_t views = 0;          // product detail views
    std::int64_t cartEvents = 0;     // add_to_cart events
    std::int64_t purchaseEvents = 0; // purchase rows
    std::int64_t sessionsWithView = 0;
    std::int64_t sessionsWithCart = 0; // with an add_to_cart or a purchase (an order implies a
                                       // cart, wherever its add_to_cart was logged)
    std::int64_t sessionsWithPurchase = 0;
    std::int64_t cartSessionsPurchased = 0; // of sessionsWithCart, those with a purchase
    bool cartsInferred = false;             // no add_to_cart in the logs: carts = purchases
    std::vector<double> orderValues;        // revenue per order (price x quantity summed)
    std::vector<double> orderUnits;         // units per order

    // List positions: impressions and clicks (a product view carrying the list position).
    std::array<std::int64_t, kCalibrationPositions> impressions{}, clicks{};
    bool positionsFromShuffle = false; // counted on randomized ("#shuffle") pages only
    std::int64_t positionEvents = 0;   // list_view events with a position

    // Per product (the caller's index): views, carts, purchases; units sold in the last 14 days.
    std::vector<std::int64_t> itemViews, itemCarts, itemPurchases;
    std::vector<double> itemRecentSales;
    std::int64_t eventsForUnknownItems = 0;

    // Per session: its first viewed product (-1 none), its visitor (dense index), and the
    // products it viewed (CSR: viewItems[viewOffsets[s] .. viewOffsets[s + 1])).
    std::vector<int> sessionEntryItem;
    std::vector<int> sessionVisitor;
    std::vector<std::int64_t> viewOffsets;
    std::vector<int> viewItems;
};

// Counts `events` (any order). `itemIndex` maps product ids to 0..itemCount-1; events for other
// ids count for sessions but not for products.
LogMeasures measureLogs(const std::vector<Event>& events,
                        const std::unordered_map<std::string, int>& itemIndex, int itemCount);

// Share of all product views that went to the top `share` of products by views (share of
// the itemCount products, at least one product).
double topViewShare(const std::vector<std::int64_t>& itemViews, double share);

// 95% intervals.
struct Interval {
    double value = 0, low = 0, high = 0;
};
Interval wilson(std::int64_t successes, std::int64_t trials);
Interval meanInterval(const std::vector<double>& values); // normal approximation

} // namespace merch::world
