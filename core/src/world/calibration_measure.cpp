#include "world/calibration_measure.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_set>

namespace merch::world {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kRecentWindow = 14 * kDay;

bool startsWith(const std::string& text, const char* prefix) {
    return text.rfind(prefix, 0) == 0;
}

bool isShuffle(const std::string& list) {
    return list.size() >= 8 && list.compare(list.size() - 8, 8, "#shuffle") == 0;
}

std::int64_t floorDay(std::int64_t t) {
    return t >= 0 ? t / kDay : -((-t + kDay - 1) / kDay);
}

} // namespace

Interval wilson(std::int64_t successes, std::int64_t trials) {
    Interval out;
    if (trials <= 0)
        return out;
    const double n = double(trials);
    const double p = double(successes) / n;
    const double z = 1.959963984540054;
    const double denom = 1 + z * z / n;
    const double centre = (p + z * z / (2 * n)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
    out.value = p;
    out.low = std::max(0.0, centre - half);
    out.high = std::min(1.0, centre + half);
    return out;
}

Interval meanInterval(const std::vector<double>& values) {
    Interval out;
    if (values.empty())
        return out;
    const double n = double(values.size());
    const double mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double ss = 0;
    for (double v : values)
        ss += (v - mean) * (v - mean);
    const double se = values.size() > 1 ? std::sqrt(ss / (n - 1) / n) : 0.0;
    out.value = mean;
    out.low = mean - 1.959963984540054 * se;
    out.high = mean + 1.959963984540054 * se;
    return out;
}

double topViewShare(const std::vector<std::int64_t>& itemViews, double share) {
    if (itemViews.empty())
        return 0;
    std::vector<std::int64_t> sorted = itemViews;
    const std::size_t top = std::clamp<std::size_t>(
        std::size_t(std::ceil(share * double(sorted.size()))), 1, sorted.size());
    std::nth_element(sorted.begin(), sorted.begin() + std::ptrdiff_t(top - 1), sorted.end(),
                     std::greater<>());
    const double total = double(std::accumulate(sorted.begin(), sorted.end(), std::int64_t(0)));
    if (total <= 0)
        return 0;
    const double topSum = double(
        std::accumulate(sorted.begin(), sorted.begin() + std::ptrdiff_t(top), std::int64_t(0)));
    return topSum / total;
}

LogMeasures measureLogs(const std::vector<Event>& events,
                        const std::unordered_map<std::string, int>& itemIndex, int itemCount) {
    LogMeasures m;
    m.itemViews.assign(std::size_t(itemCount), 0);
    m.itemCarts.assign(std::size_t(itemCount), 0);
    m.itemPurchases.assign(std::size_t(itemCount), 0);
    m.itemRecentSales.assign(std::size_t(itemCount), 0.0);

    // Browsing events grouped by session, each session in time order (ties keep input order).
    std::vector<std::size_t> order;
    order.reserve(events.size());
    std::int64_t lastTime = 0;
    bool anyCart = false, anyShuffle = false;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        if (e.sessionId.empty())
            continue;
        order.push_back(i);
        lastTime = std::max(lastTime, e.timestamp);
        anyCart = anyCart || e.type == EventType::AddToCart;
        anyShuffle = anyShuffle || (e.type == EventType::ListView && isShuffle(e.list));
    }
    m.cartsInferred = !anyCart;
    m.positionsFromShuffle = anyShuffle;
    auto positioned = [&](const Event& e) {
        return e.position >= 1 && e.position <= kCalibrationPositions && !e.list.empty() &&
               (!anyShuffle || isShuffle(e.list));
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const Event& x = events[a];
        const Event& y = events[b];
        if (x.sessionId != y.sessionId)
            return x.sessionId < y.sessionId;
        return x.timestamp < y.timestamp;
    });

    struct SessionInfo {
        std::int64_t start = 0;
        std::size_t begin = 0, end = 0; // into order
    };
    std::vector<SessionInfo> sessions;
    for (std::size_t k = 0; k < order.size();) {
        std::size_t j = k;
        while (j < order.size() && events[order[j]].sessionId == events[order[k]].sessionId)
            ++j;
        sessions.push_back({events[order[k]].timestamp, k, j});
        k = j;
    }
    // Sessions in start order, so "seen before" means an earlier session.
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const SessionInfo& a, const SessionInfo& b) { return a.start < b.start; });
    m.sessions = std::int64_t(sessions.size());
    if (sessions.empty())
        return m;
    m.firstDay = floorDay(sessions.front().start);
    m.days = int(floorDay(sessions.back().start) - m.firstDay + 1);
    m.daily.assign(std::size_t(m.days), 0.0);

    std::unordered_set<std::string> seenIds;
    std::unordered_map<std::string, int> visitorIndex;
    std::unordered_map<std::string, std::pair<double, double>> orders; // id -> value, units
    std::vector<std::string> orderOrder;
    m.viewOffsets.push_back(0);
    for (const SessionInfo& s : sessions) {
        m.daily[std::size_t(floorDay(s.start) - m.firstDay)] += 1;
        const Event& first = events[order[s.begin]];
        bool returning = false;
        for (std::size_t k = s.begin; k < s.end && !returning; ++k) {
            const Event& e = events[order[k]];
            returning = (!e.visitorId.empty() && seenIds.count("v:" + e.visitorId)) ||
                        (!e.customerId.empty() && seenIds.count("c:" + e.customerId));
        }
        m.returning += returning ? 1 : 0;
        for (std::size_t k = s.begin; k < s.end; ++k) {
            const Event& e = events[order[k]];
            if (!e.visitorId.empty())
                seenIds.insert("v:" + e.visitorId);
            if (!e.customerId.empty())
                seenIds.insert("c:" + e.customerId);
        }
        const std::string visitorKey =
            first.visitorId.empty()
                ? (first.customerId.empty() ? "s:" + first.sessionId : "c:" + first.customerId)
                : "v:" + first.visitorId;
        const auto visitor =
            visitorIndex.emplace(visitorKey, int(visitorIndex.size())).first->second;
        m.sessionVisitor.push_back(visitor);

        if (!startsWith(first.list, "email:")) {
            ++m.entryCounted;
            if (first.type == EventType::Search)
                ++m.entrySearch;
            else if (first.type == EventType::ListView ||
                     (first.type == EventType::View && startsWith(first.list, "category:")))
                ++m.entryList;
            else if (first.type == EventType::View)
                ++m.entryLanding;
        }

        bool viewed = false, carted = false, purchased = false;
        int entryItem = -1;
        for (std::size_t k = s.begin; k < s.end; ++k) {
            const Event& e = events[order[k]];
            const auto found = e.productId.empty() ? itemIndex.end() : itemIndex.find(e.productId);
            const int item = found == itemIndex.end() ? -1 : found->second;
            if (!e.productId.empty() && item < 0 &&
                (e.type == EventType::View || e.type == EventType::AddToCart ||
                 e.type == EventType::Purchase))
                ++m.eventsForUnknownItems;
            switch (e.type) {
            case EventType::ListView:
                if (positioned(e)) {
                    ++m.impressions[std::size_t(e.position - 1)];
                    ++m.positionEvents;
                }
                break;
            case EventType::View:
                ++m.views;
                viewed = true;
                if (positioned(e))
                    ++m.clicks[std::size_t(e.position - 1)];
                if (item >= 0) {
                    ++m.itemViews[std::size_t(item)];
                    m.viewItems.push_back(item);
                    if (entryItem < 0)
                        entryItem = item;
                }
                break;
            case EventType::AddToCart:
                ++m.cartEvents;
                carted = true;
                if (item >= 0)
                    ++m.itemCarts[std::size_t(item)];
                break;
            case EventType::Purchase: {
                ++m.purchaseEvents;
                purchased = true;
                const double units = double(std::max(1, e.quantity));
                if (item >= 0) {
                    ++m.itemPurchases[std::size_t(item)];
                    if (e.timestamp > lastTime - kRecentWindow)
                        m.itemRecentSales[std::size_t(item)] += units;
                    if (entryItem < 0)
                        entryItem = item; // stores that log orders only
                }
                const std::string id = e.orderId.empty() ? "session:" + e.sessionId : e.orderId;
                auto [slot, inserted] = orders.try_emplace(id, 0.0, 0.0);
                if (inserted)
                    orderOrder.push_back(id);
                slot->second.first += std::max(0.0, e.price) * units;
                slot->second.second += units;
                break;
            }
            default:
                break;
            }
        }
        // An order implies a cart, wherever the add_to_cart was logged (or lost).
        carted = carted || purchased;
        m.sessionsWithView += viewed ? 1 : 0;
        m.sessionsWithCart += carted ? 1 : 0;
        m.sessionsWithPurchase += purchased ? 1 : 0;
        m.cartSessionsPurchased += carted && purchased ? 1 : 0;
        m.sessionEntryItem.push_back(entryItem);
        m.viewOffsets.push_back(std::int64_t(m.viewItems.size()));
    }
    for (const auto& id : orderOrder) {
        m.orderValues.push_back(orders[id].first);
        m.orderUnits.push_back(orders[id].second);
    }
    return m;
}

} // namespace merch::world
