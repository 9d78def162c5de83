// Synthetic large-catalog part of bench_search: a generated catalog (brand, adjective, noun,
// model number, color; a short description), queries drawn from titles with typos, and the
// latency of each method next to SQLite FTS5 on the same queries.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <time.h>
#include <vector>

#include "bench_support.h"
#include "merch/search.h"
#include "search/fts5_baseline.h"

using namespace merch;

namespace {

std::string syllableWord(std::mt19937_64& rng) {
    static const char* syllables[] = {"ka", "lo",  "mi", "ter", "van", "sol", "ri", "pex", "dor",
                                      "na", "bel", "tu", "gra", "fen", "os",  "lu", "zer", "qui"};
    std::uniform_int_distribution<int> count(2, 3), pick(0, 17);
    std::string w;
    for (int i = count(rng); i > 0; --i)
        w += syllables[pick(rng)];
    return w;
}

double threadCpuMs() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) * 1e-6;
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, std::size_t(q * double(v.size())))];
}

} // namespace

int syntheticBenchmark(int productCount, int queryCount, const SearchParams& params) {
    std::mt19937_64 rng(7);
    std::vector<std::string> brands, adjectives, nouns;
    for (int i = 0; i < 300; ++i)
        brands.push_back(syllableWord(rng));
    for (int i = 0; i < 400; ++i)
        adjectives.push_back(syllableWord(rng));
    for (int i = 0; i < 2000; ++i)
        nouns.push_back(syllableWord(rng));
    const std::vector<std::string> colors{"black", "white", "red", "blue", "green", "grey"};
    std::vector<Product> catalog(static_cast<std::size_t>(productCount));
    const auto any = [&](const std::vector<std::string>& v) {
        return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
    };
    for (int i = 0; i < productCount; ++i) {
        auto& p = catalog[std::size_t(i)];
        p.id = "P" + std::to_string(i);
        p.brand = any(brands);
        p.color = any(colors);
        p.title = p.brand + " " + any(adjectives) + " " + any(nouns) + " " +
                  std::to_string(100 + i % 900) + " " + p.color;
        p.description = "The " + any(adjectives) + " " + any(nouns) + " for every " + any(nouns) +
                        ", made with " + any(nouns) + ".";
        p.category = "Cat" + std::to_string(i % 40);
        p.price = double(5 + i % 300);
    }
    // Queries: two or three title words, one in five with a typo (a swapped letter pair).
    std::vector<std::string> queries;
    for (int q = 0; q < queryCount; ++q) {
        const auto& title =
            catalog[std::uniform_int_distribution<std::size_t>(0, catalog.size() - 1)(rng)].title;
        std::vector<std::string> w;
        std::size_t start = 0;
        while (start < title.size()) {
            const auto end = std::min(title.find(' ', start), title.size());
            w.push_back(title.substr(start, end - start));
            start = end + 1;
        }
        std::string text = w[1] + " " + w[2];
        if (q % 3 == 0)
            text = w[0] + " " + text;
        if (q % 5 == 0 && text.size() > 4)
            std::swap(text[2], text[3]);
        queries.push_back(text);
    }

    bench::Stopwatch build;
    RunControl control;
    std::string lastStage;
    control.progress = [&](double, std::string_view stage) {
        if (stage != lastStage) { // where the build time goes
            std::printf("  %7.2f s  %.*s\n", build.seconds(), int(stage.size()), stage.data());
            lastStage = std::string(stage);
        }
        return true;
    };
    auto index = SearchIndex::build(catalog, {}, {}, params, control);
    if (!index) {
        std::fprintf(stderr, "bench_search: %s\n", index.status().toString().c_str());
        return 1;
    }
    const double buildSeconds = build.seconds();
    bench::Stopwatch ftsBuild;
    search::Fts5Baseline fts;
    if (auto s = fts.build(catalog); !s) {
        std::fprintf(stderr, "bench_search: %s\n", s.toString().c_str());
        return 1;
    }
    const double ftsSeconds = ftsBuild.seconds();
    std::printf("synthetic catalog: %d products, %d queries (1 in 5 with a typo)\n", productCount,
                queryCount);
    std::printf("index build %.2f s (embedding %d dimensions, %lld words; nearest neighbours: "
                "%s); FTS5 build %.2f s\n",
                buildSeconds, (*index)->embeddingDimensions(),
                static_cast<long long>((*index)->vocabularySize()),
                (*index)->approximateNeighbours() ? "HNSW graph" : "brute force", ftsSeconds);
    std::printf("peak memory after the builds %.0f MiB\n\n", bench::peakMemoryMiB());
    std::printf("%-15s %10s %10s %10s %10s %10s\n", "method", "p50 ms", "p99 ms", "cpu p50",
                "cpu p99", "zero/search");
    // Wall-clock latency, and the thread's CPU time per query (which leaves out the time the
    // thread waited for a core: on a shared machine that waiting dominates the wall-clock p99).
    const auto time = [&](const char* name, auto&& run) {
        std::vector<double> ms, cpuMs;
        int zero = 0;
        for (const auto& q : queries) {
            const double cpuStart = threadCpuMs();
            const auto start = std::chrono::steady_clock::now();
            zero += run(q) ? 0 : 1;
            ms.push_back(
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count());
            cpuMs.push_back(threadCpuMs() - cpuStart);
        }
        std::printf("%-15s %10.3f %10.3f %10.3f %10.3f %10.2f%%\n", name, percentile(ms, 0.5),
                    percentile(ms, 0.99), percentile(cpuMs, 0.5), percentile(cpuMs, 0.99),
                    100.0 * zero / double(queries.size()));
        return percentile(ms, 0.5);
    };
    const auto search = [&](const std::string& q, SearchMethod method, bool exact) {
        SearchQuery query;
        query.text = q;
        query.method = method;
        query.fallback = false;
        query.exactNeighbours = exact;
        return (*index)->search(query);
    };
    for (auto method : {SearchMethod::Keyword, SearchMethod::Semantic, SearchMethod::Hybrid}) {
        time(searchMethodName(method), [&](const std::string& q) {
            auto r = search(q, method, false);
            return r && !r->hits.empty();
        });
    }
    // The same searches with the semantic list by brute force (what the graph replaces).
    for (auto method : {SearchMethod::Semantic, SearchMethod::Hybrid}) {
        const std::string name = std::string(searchMethodName(method)) + "_exact";
        time(name.c_str(), [&](const std::string& q) {
            auto r = search(q, method, true);
            return r && !r->hits.empty();
        });
    }
    for (bool all : {true, false})
        time(all ? "fts5_all_words" : "fts5_any_word", [&](const std::string& q) {
            auto r = fts.search(q, all, 10);
            return r && !r->empty();
        });
    // Recall@10 of the graph: the share of the exact 10 nearest products (brute force) that the
    // approximate semantic list also returns, and how often hybrid's top 10 is unchanged.
    double recall = 0, recallTies = 0, hybridSame = 0;
    for (const auto& q : queries) {
        const auto approximate = search(q, SearchMethod::Semantic, false);
        const auto exact = search(q, SearchMethod::Semantic, true);
        if (!approximate || !exact)
            return 1;
        int found = 0, foundOrTied = 0;
        for (const auto& e : exact->hits)
            for (const auto& a : approximate->hits)
                found += a.product == e.product ? 1 : 0;
        // Products as similar as the exact 10th count too (the synthetic catalog has many ties).
        const double tenth = exact->hits.empty() ? 0.0 : exact->hits.back().score;
        for (const auto& a : approximate->hits)
            foundOrTied += a.score >= tenth - 1e-6 ? 1 : 0;
        recall += exact->hits.empty() ? 1.0 : double(found) / double(exact->hits.size());
        recallTies +=
            exact->hits.empty()
                ? 1.0
                : double(std::min<std::size_t>(std::size_t(foundOrTied), exact->hits.size())) /
                      double(exact->hits.size());
        const auto ha = search(q, SearchMethod::Hybrid, false);
        const auto he = search(q, SearchMethod::Hybrid, true);
        bool same = ha->hits.size() == he->hits.size();
        for (std::size_t i = 0; same && i < ha->hits.size(); ++i)
            same = ha->hits[i].product == he->hits[i].product;
        hybridSame += same ? 1 : 0;
    }
    std::printf("\nsemantic recall@10, graph vs brute force: %.4f (%.4f counting products as "
                "similar as the 10th); hybrid top 10 identical: %.2f%% of queries\n",
                recall / double(queries.size()), recallTies / double(queries.size()),
                100.0 * hybridSame / double(queries.size()));
    std::printf("peak memory %.0f MiB\n", bench::peakMemoryMiB());
    return 0;
}
