// Demo store generation: world build, simulation alone, and the full write to a workspace.
// Usage: bench_demo_generation [--products N] [--days N]
#include <cstdio>
#include <cstring>
#include <string>

#include "bench_support.h"
#include "merch/demo_store.h"

using namespace merch;

int main(int argc, char** argv) {
    DemoStoreParams params;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--products") == 0)
            params.world.products = std::stoi(argv[i + 1]);
        else if (std::strcmp(argv[i], "--days") == 0)
            params.world.days = std::stoi(argv[i + 1]);
    }
    std::printf("demo store: %d products, %d days, %.0f sessions/day, seed 42\n",
                params.world.products, params.world.days, params.world.sessionsPerDay);

    bench::Stopwatch build;
    auto world = ShopperWorld::create(params.world, 42);
    if (!world) {
        std::fprintf(stderr, "%s\n", world.status().toString().c_str());
        return 1;
    }
    const double buildSeconds = build.seconds();

    bench::Stopwatch simulate;
    auto baseline = (*world)->baselinePolicy();
    std::int64_t events = 0;
    auto outcome = (*world)->run(*baseline,
                                 [&](const Event&) {
                                     ++events;
                                     return Status::ok();
                                 },
                                 {});
    const double simulateSeconds = simulate.seconds();
    if (!outcome)
        return 1;

    bench::Stopwatch counterfactual;
    auto truthOnly = (*world)->run(*baseline, {}, {});
    const double truthSeconds = counterfactual.seconds();

    const std::string path = bench::scratchPath("bench_demo.merchsim");
    bench::removeScratch(path);
    bench::Stopwatch full;
    auto summary = writeDemoStore(path, params, {});
    const double fullSeconds = full.seconds();
    if (!summary) {
        std::fprintf(stderr, "%s\n", summary.status().toString().c_str());
        return 1;
    }
    bench::removeScratch(path);

    std::printf("world build            %8.3f s\n", buildSeconds);
    std::printf("simulate + log events  %8.3f s  (%lld sessions, %lld events, %.0f events/s)\n",
                simulateSeconds, static_cast<long long>(outcome->sessions),
                static_cast<long long>(events), double(events) / simulateSeconds);
    std::printf("counterfactual run     %8.3f s  (truth only, no event log)\n", truthSeconds);
    std::printf("full demo to workspace %8.3f s  (%.0f events/s end to end)\n", fullSeconds,
                double(summary->events) / fullSeconds);
    std::printf("workspace share        %8.1f %%  of the full run spent writing SQLite\n",
                100.0 * (fullSeconds - buildSeconds - simulateSeconds) / fullSeconds);
    std::printf("peak memory            %8.1f MiB\n", bench::peakMemoryMiB());
    return 0;
}
