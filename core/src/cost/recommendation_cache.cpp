#include "merch/recommendation_cache.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "cost/cost_support.h"

namespace merch {

std::vector<CacheRequest> recommendationRequests(std::span<const Event> events) {
    std::unordered_map<std::string, int> keys;
    std::vector<CacheRequest> requests;
    for (const Event& event : events) {
        if (event.type != EventType::View || event.productId.empty())
            continue;
        const auto [it, added] = keys.try_emplace(event.productId, int(keys.size()));
        requests.push_back({event.timestamp, it->second});
    }
    std::stable_sort(requests.begin(), requests.end(),
                     [](const CacheRequest& a, const CacheRequest& b) { return a.time < b.time; });
    return requests;
}

Status CacheReplayParams::validate() const {
    if (ttlHours.empty())
        return Status::invalidArgument("ttlHours must list at least one TTL");
    for (double ttl : ttlHours) {
        if (auto status = cost::checkRange(ttl, 0.01, 720, "ttlHours"); !status)
            return status;
    }
    if (auto status = cost::checkRange(catalogRefreshHours, 0.1, 720, "catalogRefreshHours");
        !status)
        return status;
    return cost::checkRange(projectedRequestsPerDay, 0, 1e10, "projectedRequestsPerDay");
}

namespace {

// Share of cache hits that are stale when hits arrive uniformly over a TTL window of `ttl` and
// refreshes come every `refresh` hours at a random phase: a hit at age a is stale with
// probability min(1, a / refresh).
double staleShareOfHits(double ttl, double refresh) {
    if (ttl <= refresh)
        return ttl / (2 * refresh);
    return 1 - refresh / (2 * ttl);
}

} // namespace

Result<CacheReplayResult> replayRecommendationCache(std::span<const CacheRequest> requests,
                                                    const CacheReplayParams& params,
                                                    const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    if (!std::is_sorted(
            requests.begin(), requests.end(),
            [](const CacheRequest& a, const CacheRequest& b) { return a.time < b.time; }))
        return Status::invalidArgument("requests must be in time order");
    CacheReplayResult result;
    result.params = params;
    result.requests = std::int64_t(requests.size());
    int maxKey = -1;
    for (const auto& request : requests) {
        if (request.key < 0)
            return Status::invalidArgument("request keys must be non-negative");
        maxKey = std::max(maxKey, request.key);
    }
    std::vector<std::int64_t> perKey(static_cast<std::size_t>(maxKey + 1), 0);
    for (const auto& request : requests)
        ++perKey[static_cast<std::size_t>(request.key)];
    result.keys = int(std::count_if(perKey.begin(), perKey.end(), [](auto n) { return n > 0; }));
    if (!requests.empty()) {
        const double spanSeconds = double(requests.back().time - requests.front().time);
        result.spanDays = std::max(spanSeconds, 3600.0) / 86400.0; // at least an hour
        result.requestsPerDay = double(requests.size()) / result.spanDays;
    }
    const auto refresh = std::int64_t(params.catalogRefreshHours * 3600);
    const double scale = params.projectedRequestsPerDay > 0 && result.requestsPerDay > 0
                             ? params.projectedRequestsPerDay / result.requestsPerDay
                             : 0.0;

    std::vector<std::int64_t> computedAt(perKey.size());
    for (std::size_t t = 0; t < params.ttlHours.size(); ++t) {
        if (!control.report(double(t) / double(params.ttlHours.size()), "cache replay"))
            return Status::cancelled();
        CachePoint point;
        point.ttlHours = params.ttlHours[t];
        const auto ttl = std::int64_t(std::llround(point.ttlHours * 3600));
        std::fill(computedAt.begin(), computedAt.end(), std::int64_t(-1));
        std::int64_t hits = 0, stale = 0;
        for (const auto& request : requests) {
            std::int64_t& computed = computedAt[static_cast<std::size_t>(request.key)];
            if (computed >= 0 && request.time - computed < ttl) {
                ++hits;
                if (request.time / refresh != computed / refresh)
                    ++stale; // a refresh happened between computing and serving the list
            } else {
                computed = request.time;
            }
        }
        if (!requests.empty()) {
            point.hitRate = double(hits) / double(requests.size());
            point.staleShare = double(stale) / double(requests.size());
        }
        if (scale > 0) {
            // Poisson requests per list at rate lambda: lambda*T hits per miss.
            const double spanHours = result.spanDays * 24;
            double weightedHits = 0, total = 0;
            for (std::int64_t n : perKey) {
                const double lambdaT = double(n) / spanHours * scale * point.ttlHours;
                weightedHits += double(n) * lambdaT / (1 + lambdaT);
                total += double(n);
            }
            point.projectedHitRate = total > 0 ? weightedHits / total : 0;
            point.projectedStaleShare =
                point.projectedHitRate *
                staleShareOfHits(point.ttlHours, params.catalogRefreshHours);
        }
        result.points.push_back(point);
    }
    control.report(1.0, "cache replay");
    return result;
}

} // namespace merch
