// bench_cost: how fast the Costs page recomputes (one input edited: the three paths, 2,000
// Monte Carlo draws and the tornado; the page's budget is well under 100 ms) and how fast the
// recommendation cache replays a store's requests (1M requests over 9 TTLs), against a plain
// std::unordered_map TTL cache over the same requests as the reference.
#include <algorithm>
#include <cstdio>
#include <random>
#include <unordered_map>
#include <vector>

#include "bench_support.h"
#include "merch/cost_model.h"
#include "merch/cost_uncertainty.h"
#include "merch/recommendation_cache.h"

using namespace merch;

namespace {

template <typename F>
std::vector<double> timings(int runs, F&& work) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        bench::Stopwatch watch;
        work();
        ms.push_back(watch.seconds() * 1e3);
    }
    std::sort(ms.begin(), ms.end());
    return ms;
}

void print(const char* what, const std::vector<double>& ms) {
    std::printf("%-44s p50 %8.3f ms  p95 %8.3f ms  (%zu runs)\n", what, ms[ms.size() / 2],
                ms[ms.size() * 95 / 100], ms.size());
}

} // namespace

int main() {
    CostInputs inputs;
    double sink = 0;
    print("computeCosts (3 paths x 156 weeks)",
          timings(2000, [&] { sink += computeCosts(inputs)->path(CostPath::Hybrid).npv; }));
    for (int draws : {2000, 10000}) {
        UncertaintyParams params;
        params.draws = draws;
        char label[64];
        std::snprintf(label, sizeof label, "Monte Carlo %d draws + tornado", draws);
        print(label, timings(20, [&] {
                  sink += analyseCostUncertainty(inputs, params, {})->path(CostPath::Saas).p50Npv;
              }));
    }
    print("page recompute (costs + 2,000 draws)", timings(50, [&] {
              UncertaintyParams params;
              sink += computeCosts(inputs)->path(CostPath::Custom).npv;
              sink += analyseCostUncertainty(inputs, params, {})->path(CostPath::Custom).p10Npv;
          }));

    // 1M requests over 5,000 lists with a Zipf-like popularity, 30 days.
    std::mt19937_64 rng(7);
    std::vector<double> weights(5000);
    for (std::size_t k = 0; k < weights.size(); ++k)
        weights[k] = 1.0 / double(k + 1);
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    std::vector<CacheRequest> requests(1'000'000);
    for (std::size_t i = 0; i < requests.size(); ++i)
        requests[i] = {std::int64_t(i * 30 * 86400 / requests.size()), pick(rng)};
    CacheReplayParams params;
    params.projectedRequestsPerDay = 500'000;
    std::vector<CachePoint> points;
    const auto replay =
        timings(5, [&] { points = replayRecommendationCache(requests, params, {})->points; });
    print("cache replay, 1M requests x 9 TTLs", replay);
    // Reference: the same TTL cache written naively with a hash map, one TTL (1 h).
    double referenceHit = 0;
    const auto reference = timings(5, [&] {
        std::unordered_map<int, std::int64_t> computed;
        std::int64_t hits = 0;
        for (const auto& r : requests) {
            auto it = computed.find(r.key);
            if (it != computed.end() && r.time - it->second < 3600)
                ++hits;
            else
                computed[r.key] = r.time;
        }
        referenceHit = double(hits) / double(requests.size());
    });
    print("reference hash-map TTL cache, 1 TTL", reference);
    const auto oneHour = std::find_if(points.begin(), points.end(),
                                      [](const CachePoint& p) { return p.ttlHours == 1.0; });
    std::printf("1-hour TTL hit rate: replay %.4f, reference %.4f, projected at 500k/day %.4f\n",
                oneHour->hitRate, referenceHit, oneHour->projectedHitRate);
    std::printf("replay per TTL vs reference: %.2fx\n",
                replay[replay.size() / 2] / 9.0 / reference[reference.size() / 2]);
    std::printf("peak memory %.1f MiB (checksum %.3g)\n", bench::peakMemoryMiB(), sink);
    return 0;
}
