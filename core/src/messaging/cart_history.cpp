// Abandoned carts and visitor histories from a log of events.
#include <algorithm>
#include <ctime>

#include "merch/messaging.h"
#include "messaging/session_index.h"

namespace merch {

namespace messaging {

std::unordered_map<std::string, std::string> stitchVisitors(const std::vector<Event>& events) {
    std::unordered_map<std::string, std::string> stitched;
    for (const Event& e : events) {
        if (!e.visitorId.empty() && !e.customerId.empty())
            stitched.emplace(e.visitorId, e.customerId);
    }
    return stitched;
}

std::string ownerKey(const Event& e, const std::unordered_map<std::string, std::string>& stitched) {
    if (!e.customerId.empty())
        return e.customerId;
    const auto found = stitched.find(e.visitorId);
    if (found != stitched.end())
        return found->second;
    return "visitor:" + e.visitorId;
}

SessionIndex indexSessions(const std::vector<Event>& events) {
    const auto stitched = stitchVisitors(events);
    std::vector<std::size_t> order(events.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return events[a].timestamp < events[b].timestamp;
    });
    SessionIndex index;
    std::unordered_map<std::string, int> byId;
    for (std::size_t i : order) {
        const Event& e = events[i];
        if (e.sessionId.empty())
            continue;
        auto [it, added] = byId.emplace(e.sessionId, int(index.sessions.size()));
        if (added) {
            SessionSummary s;
            s.id = e.sessionId;
            s.start = e.timestamp;
            index.sessions.push_back(std::move(s));
        }
        SessionSummary& s = index.sessions[std::size_t(it->second)];
        s.end = e.timestamp;
        if (!e.customerId.empty() || s.key.empty() || s.key.rfind("visitor:", 0) == 0) {
            std::string key = ownerKey(e, stitched);
            if (s.key.empty() || key.rfind("visitor:", 0) != 0)
                s.key = std::move(key);
        }
        if (e.list.rfind("email:", 0) == 0) {
            s.fromEmail = true;
            s.fromReminder = s.fromReminder || e.list == "email:replenish";
        }
        const double amount = e.price * std::max(1, e.quantity);
        if (e.type == EventType::AddToCart) {
            s.lastCart = e.timestamp;
            auto found = std::find_if(s.cart.begin(), s.cart.end(),
                                      [&](const auto& c) { return c.first == e.productId; });
            if (found == s.cart.end())
                s.cart.emplace_back(e.productId, amount);
        } else if (e.type == EventType::RemoveFromCart) {
            std::erase_if(s.cart, [&](const auto& c) { return c.first == e.productId; });
        } else if (e.type == EventType::Purchase) {
            s.purchases.emplace_back(e.productId, amount);
        }
    }
    for (std::size_t i = 0; i < index.sessions.size(); ++i) {
        SessionSummary& s = index.sessions[i];
        s.identified = s.key.rfind("visitor:", 0) != 0;
        index.byKey[s.key].push_back(int(i));
    }
    return index;
}

} // namespace messaging

using namespace messaging;

std::unordered_map<std::string, VisitorHistory> visitorHistories(const std::vector<Event>& events) {
    const SessionIndex index = indexSessions(events);
    std::unordered_map<std::string, VisitorHistory> histories;
    for (const SessionSummary& s : index.sessions) {
        VisitorHistory& h = histories[s.key];
        ++h.sessions;
        h.orders += s.purchases.empty() ? 0 : 1;
        h.lastSeen = std::max(h.lastSeen, s.end);
    }
    return histories;
}

std::vector<AbandonedCart> extractAbandonedCarts(const std::vector<Event>& events,
                                                 int recoveryWindowDays) {
    const SessionIndex index = indexSessions(events);
    const std::int64_t window = std::int64_t(recoveryWindowDays) * 86400;
    std::vector<AbandonedCart> carts;
    for (const auto& [key, sessions] : index.byKey) {
        int orders = 0;
        for (std::size_t n = 0; n < sessions.size(); ++n) {
            const SessionSummary& s = index.sessions[std::size_t(sessions[n])];
            if (!s.cart.empty() && s.purchases.empty()) {
                AbandonedCart cart;
                cart.key = key;
                cart.identified = s.identified;
                cart.sessionId = s.id;
                cart.time = s.end;
                for (const auto& [product, amount] : s.cart) {
                    cart.productIds.push_back(product);
                    cart.value += amount;
                }
                cart.items = int(s.cart.size());
                cart.priorSessions = int(n);
                cart.priorOrders = orders;
                if (n > 0) {
                    const auto& previous = index.sessions[std::size_t(sessions[n - 1])];
                    cart.daysSinceLastVisit = double(s.start - previous.end) / 86400.0;
                }
                const std::time_t t = std::time_t(cart.time);
                std::tm utc{};
                gmtime_r(&t, &utc);
                cart.hour = utc.tm_hour;
                cart.weekday = (utc.tm_wday + 6) % 7;
                for (std::size_t m = n + 1; m < sessions.size(); ++m) {
                    const SessionSummary& later = index.sessions[std::size_t(sessions[m])];
                    if (later.start > cart.time + window)
                        break;
                    const double hours = double(later.start - cart.time) / 3600.0;
                    double revenue = 0;
                    for (const auto& [product, amount] : later.purchases) {
                        if (std::find(cart.productIds.begin(), cart.productIds.end(), product) !=
                            cart.productIds.end())
                            revenue += amount;
                    }
                    cart.returns.emplace_back(hours, revenue > 0);
                    if (revenue > 0) {
                        cart.recovered = true;
                        cart.hoursToRecovery = hours;
                        cart.recoveredRevenue = revenue;
                        break;
                    }
                }
                carts.push_back(std::move(cart));
            }
            orders += s.purchases.empty() ? 0 : 1;
        }
    }
    std::sort(carts.begin(), carts.end(), [](const AbandonedCart& a, const AbandonedCart& b) {
        return a.time != b.time ? a.time < b.time : a.sessionId < b.sessionId;
    });
    return carts;
}

} // namespace merch
