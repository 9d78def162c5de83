// Recommendation and ranking benchmark on 1M events of a demo world (targets: train in at most
// 2 s; recommend and rank p50 at most 1 ms, p99 at most 5 ms; peak memory). With --pairs FILE
// it also writes the session-item pairs for run_recs_benchmark.sh's scipy reference (X^T X).
// Usage: bench_recs [--pairs FILE]
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <vector>

#include "bench_support.h"
#include "merch/ranking.h"
#include "merch/rec_evaluation.h"
#include "merch/shopper_world.h"
#include "util/rng.h"

using namespace merch;

namespace {

struct Percentiles {
    double p50, p99;
};

Percentiles percentiles(std::vector<double> micros) {
    std::sort(micros.begin(), micros.end());
    return {micros[micros.size() / 2], micros[micros.size() * 99 / 100]};
}

} // namespace

int main(int argc, char** argv) {
    const char* pairsPath = argc == 3 && std::strcmp(argv[1], "--pairs") == 0 ? argv[2] : nullptr;
    // Recommenders: 1M view events in sessions over 50k items (Zipf popularity within themes of
    // 50 related items), the shape of a mid-size store's click log.
    std::vector<Event> clicks;
    {
        Rng gen(11);
        constexpr int kItems = 50000;
        std::vector<double> zipf(kItems);
        for (int i = 0; i < kItems; ++i)
            zipf[std::size_t(i)] = 1.0 / (1.0 + i);
        std::vector<std::string> ids;
        for (int i = 0; i < kItems; ++i)
            ids.push_back("p" + std::to_string(i));
        clicks.reserve(1'000'000);
        for (int session = 0; clicks.size() < 1'000'000; ++session) {
            const int theme = int(gen.below(kItems / 50));
            const int length = 1 + gen.geometric(0.2);
            for (int k = 0; k < length && clicks.size() < 1'000'000; ++k) {
                // Mostly the theme's items, sometimes a globally popular one.
                const int item = gen.chance(0.8)
                                     ? theme * 50 + int(gen.below(50))
                                     : int(gen.pick(std::span<const double>(zipf.data(), 500)));
                Event e;
                e.timestamp = 1'767'571'200 + session * 30 + k;
                e.sessionId = "s" + std::to_string(session);
                e.type = EventType::View;
                e.productId = ids[std::size_t(item)];
                clicks.push_back(std::move(e));
            }
        }
    }
    std::printf("click log  %zu view events over 50000 items\n", clicks.size());
    bench::Stopwatch build;
    const SessionData data = SessionData::fromEvents(clicks);
    const double buildSeconds = build.seconds();
    std::size_t interactions = 0;
    for (const auto& s : data.sessions())
        interactions += s.items.size();
    std::printf("session view             %8.3f s  (%zu sessions, %zu interactions)\n",
                buildSeconds, data.sessions().size(), interactions);
    if (pairsPath) {
        std::ofstream out(pairsPath);
        for (std::size_t s = 0; s < data.sessions().size(); ++s) {
            for (int item : data.sessions()[s].items)
                out << s << ' ' << item << '\n';
        }
    }

    Rng rng(3);
    std::vector<std::vector<int>> prefixes;
    for (int q = 0; q < 10000; ++q) {
        const auto& s = data.sessions()[std::size_t(rng.below(int(data.sessions().size())))];
        const std::size_t length = 1 + std::size_t(rng.below(int(s.items.size())));
        prefixes.emplace_back(s.items.begin(), s.items.begin() + std::ptrdiff_t(length));
    }
    for (const char* name : {"best_seller", "item_knn", "vsknn", "stan", "sknn_plus", "item2vec"}) {
        auto model = makeRecommender(name, {});
        bench::Stopwatch train;
        if (!(*model)->train(data, {}).isOk())
            return 1;
        const double modelSeconds = train.seconds();
        const double trainSeconds = modelSeconds + buildSeconds;
        std::vector<double> micros;
        std::vector<ScoredItem> list;
        for (const auto& prefix : prefixes) {
            bench::Stopwatch one;
            (*model)->recommend(prefix, 20, list);
            micros.push_back(one.seconds() * 1e6);
        }
        const auto p = percentiles(micros);
        std::printf("%-12s train %6.3f s (model %.3f s + session view; target <= 2 s)  "
                    "recommend p50 %6.1f us  p99 %7.1f us  (targets 1000 / 5000 us)\n",
                    name, trainSeconds, modelSeconds, p.p50, p.p99);
    }

    // Ranking: needs list impressions, so it runs on the demo world's log (about 1M events).
    WorldParams params;
    params.sessionsPerDay = 1240;
    auto world = ShopperWorld::create(params, 42);
    std::vector<Event> events;
    events.reserve(1'100'000);
    auto baseline = (*world)->baselinePolicy();
    (void)(*world)->run(*baseline,
                        [&](const Event& e) {
                            events.push_back(e);
                            return Status::ok();
                        },
                        {});
    std::printf("demo log   %zu events for the ranker\n", events.size());
    bench::Stopwatch rankTrain;
    auto ranker = PersonalizedRanker::train((*world)->products(), events, {}, {});
    if (!ranker)
        return 1;
    std::printf("ranker       train %6.3f s  (%lld impressions)\n", rankTrain.seconds(),
                static_cast<long long>((*ranker)->summary().impressions));
    // Visitor histories from the log, as catalog indexes (the last 7 products of a session).
    const SessionData demo = SessionData::fromEvents(events);
    std::vector<std::vector<int>> histories;
    for (std::size_t i = 0; i < demo.sessions().size() && histories.size() < 5000; ++i) {
        std::vector<int> history;
        for (int item : demo.sessions()[i].items)
            history.push_back((*ranker)->catalogIndex(demo.itemId(item)));
        if (history.size() > 7)
            history.erase(history.begin(), history.end() - 7);
        histories.push_back(std::move(history));
    }
    std::map<std::string, std::vector<int>> bySubcategory;
    for (int i = 0; i < int((*world)->products().size()); ++i)
        bySubcategory[(*world)->products()[std::size_t(i)].subcategory].push_back(i);
    std::vector<double> rankMicros;
    std::size_t q = 0;
    for (const auto& [sub, page] : bySubcategory) {
        for (int repeat = 0; repeat < 200; ++repeat, ++q) {
            std::vector<int> candidates = page;
            const auto& prefix = histories[q % histories.size()];
            bench::Stopwatch one;
            (*ranker)->rank(prefix, candidates);
            rankMicros.push_back(one.seconds() * 1e6);
        }
    }
    const auto r = percentiles(rankMicros);
    std::printf("ranker       rank a category page (%zu pages of up to %zu items) p50 %7.1f us  "
                "p99 %7.1f us\n",
                bySubcategory.size(),
                std::max_element(
                    bySubcategory.begin(), bySubcategory.end(),
                    [](const auto& a, const auto& b) { return a.second.size() < b.second.size(); })
                    ->second.size(),
                r.p50, r.p99);
    std::printf("peak memory  %8.1f MiB (including the 1M events held in memory)\n",
                bench::peakMemoryMiB());
    return 0;
}
