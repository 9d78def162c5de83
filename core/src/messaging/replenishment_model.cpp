// Consumption intervals: every customer's reorder intervals per consumable, shrunk toward the
// product's by an empirical-Bayes normal model on log days.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

#include "merch/messaging.h"
#include "messaging/session_index.h"

namespace merch {

namespace {

constexpr double kDay = 86400.0;
constexpr double kMinVariance = 0.005;

std::string pairKey(const std::string& key, const std::string& product) {
    return key + "|" + product;
}

struct Purchase {
    std::int64_t time = 0;
    bool fromReminder = false;
};

// (owner, product) -> purchases in time order, one per day at most (an order's lines merge).
std::map<std::pair<std::string, std::string>, std::vector<Purchase>>
purchasesByOwner(const std::vector<Event>& events, const std::vector<std::string>& consumables) {
    const auto stitched = messaging::stitchVisitors(events);
    std::unordered_set<std::string> wanted(consumables.begin(), consumables.end());
    std::unordered_set<std::string> reminderSessions;
    for (const Event& e : events) {
        if (!e.sessionId.empty() && e.list == "email:replenish")
            reminderSessions.insert(e.sessionId);
    }
    std::map<std::pair<std::string, std::string>, std::vector<Purchase>> result;
    for (const Event& e : events) {
        if (e.type != EventType::Purchase || e.productId.empty())
            continue;
        if (!wanted.empty() && !wanted.count(e.productId))
            continue;
        const std::string key = messaging::ownerKey(e, stitched);
        if (key.rfind("visitor:", 0) == 0 && e.visitorId.empty())
            continue; // an anonymous order line: no owner to follow
        result[{key, e.productId}].push_back(
            {e.timestamp, reminderSessions.count(e.sessionId) > 0});
    }
    for (auto it = result.begin(); it != result.end();) {
        auto& list = it->second;
        std::sort(list.begin(), list.end(),
                  [](const Purchase& a, const Purchase& b) { return a.time < b.time; });
        std::vector<Purchase> merged;
        for (const Purchase& p : list) {
            if (!merged.empty() && p.time - merged.back().time < std::int64_t(kDay))
                continue;
            merged.push_back(p);
        }
        list = std::move(merged);
        ++it;
    }
    if (wanted.empty()) {
        // Without a catalog flag: products some customer bought on two different days.
        std::unordered_set<std::string> repeated;
        for (const auto& [owner, list] : result) {
            if (list.size() >= 2)
                repeated.insert(owner.second);
        }
        std::erase_if(result,
                      [&](const auto& entry) { return !repeated.count(entry.first.second); });
    }
    return result;
}

} // namespace

double ReplenishmentModel::ProductCycle::days() const {
    return std::exp(meanLogDays);
}

bool ReplenishmentModel::knowsProduct(const std::string& productId) const {
    return products.count(productId) > 0;
}

double ReplenishmentModel::predictedDays(const std::string& key, const std::string& productId,
                                         double* customerWeight) const {
    double mean = storeMeanLogDays;
    double between = tau2;
    if (const auto p = products.find(productId); p != products.end()) {
        mean = p->second.meanLogDays;
        between = p->second.tau2;
    }
    double weight = 0;
    if (const auto c = customers.find(pairKey(key, productId));
        c != customers.end() && c->second.intervals > 0) {
        const double n = c->second.intervals;
        weight = n * between / (n * between + sigma2);
        mean = weight * (c->second.sumLogDays / n) + (1 - weight) * mean;
    }
    if (customerWeight)
        *customerWeight = weight;
    return std::exp(mean);
}

std::vector<ReorderInterval> reorderIntervals(const std::vector<Event>& events,
                                              const std::vector<std::string>& consumables) {
    std::vector<ReorderInterval> intervals;
    for (const auto& [owner, list] : purchasesByOwner(events, consumables)) {
        for (std::size_t i = 1; i < list.size(); ++i) {
            intervals.push_back(
                {owner.first, owner.second, list[i - 1].time, list[i].time, list[i].fromReminder});
        }
    }
    std::sort(intervals.begin(), intervals.end(),
              [](const ReorderInterval& a, const ReorderInterval& b) {
                  return a.next != b.next ? a.next < b.next : a.key < b.key;
              });
    return intervals;
}

ReplenishmentModel trainReplenishment(const std::vector<Event>& events,
                                      const std::vector<std::string>& consumables,
                                      int minProductIntervals) {
    ReplenishmentModel model;
    model.minProductIntervals = minProductIntervals;
    struct Acc {
        int n = 0;
        double sum = 0, sumSq = 0;
    };
    std::map<std::string, std::vector<Acc>> byProduct; // product -> per-customer accumulators
    double storeSum = 0;
    int storeN = 0;
    for (const auto& [owner, list] : purchasesByOwner(events, consumables)) {
        auto& cycle = model.customers[pairKey(owner.first, owner.second)];
        cycle.lastOrder = list.back().time;
        Acc acc;
        for (std::size_t i = 1; i < list.size(); ++i) {
            if (list[i].fromReminder) {
                // The interval measures the reminder's timing, not consumption.
                ++model.excludedReminderIntervals;
                continue;
            }
            const double x =
                std::log(std::max(1.0, double(list[i].time - list[i - 1].time) / kDay));
            ++acc.n;
            acc.sum += x;
            acc.sumSq += x * x;
        }
        cycle.intervals = acc.n;
        cycle.sumLogDays = acc.sum;
        storeSum += acc.sum;
        storeN += acc.n;
        byProduct[owner.second].push_back(acc);
    }
    // Within-customer variance, pooled over customers with two or more intervals.
    double withinSs = 0;
    int withinDf = 0;
    for (const auto& [product, accs] : byProduct) {
        for (const Acc& a : accs) {
            if (a.n >= 2) {
                withinSs += a.sumSq - a.sum * a.sum / a.n;
                withinDf += a.n - 1;
            }
        }
    }
    model.sigma2 = withinDf > 0 ? std::max(kMinVariance, withinSs / withinDf) : 0.05;
    if (storeN > 0)
        model.storeMeanLogDays = storeSum / storeN;
    // Between-customer variance of the customer means: var(means) - sigma2 * mean(1/n).
    const auto between = [&](const std::vector<const Acc*>& accs, double mean) {
        double ss = 0, inverse = 0;
        for (const Acc* a : accs) {
            const double m = a->sum / a->n;
            ss += (m - mean) * (m - mean);
            inverse += 1.0 / a->n;
        }
        const double k = double(accs.size());
        return std::max(kMinVariance, ss / std::max(1.0, k - 1) - model.sigma2 * inverse / k);
    };
    std::vector<const Acc*> everyone;
    for (const auto& [product, accs] : byProduct) {
        for (const Acc& a : accs) {
            if (a.n > 0)
                everyone.push_back(&a);
        }
    }
    model.tau2 = everyone.size() >= 2 ? between(everyone, model.storeMeanLogDays) : 0.1;
    for (const auto& [product, accs] : byProduct) {
        std::vector<const Acc*> withIntervals;
        double sum = 0;
        int n = 0;
        for (const Acc& a : accs) {
            if (a.n > 0) {
                withIntervals.push_back(&a);
                sum += a.sum;
                n += a.n;
            }
        }
        ReplenishmentModel::ProductCycle cycle;
        cycle.intervals = n;
        cycle.customers = int(withIntervals.size());
        // The product's mean, pulled toward the store's until it has enough intervals.
        const double k = minProductIntervals;
        cycle.meanLogDays = (sum + k * model.storeMeanLogDays) / (n + k);
        cycle.tau2 = withIntervals.size() >= 5 ? between(withIntervals, sum / n) : model.tau2;
        model.products.emplace(product, cycle);
    }
    return model;
}

} // namespace merch
