// World calibration benchmark: calibrating a default-sized demo store's logs (2,000 products,
// 90 days, ~60k sessions), and a store of 20,000 products at 3,000 sessions a day for 28 days.
// Prints seconds per stage, peak memory, and the ratio against the reference in the same
// process: one logged baseline run of the same world (what generating the logs cost).
// Usage: bench_calibration [--large]
#include <cstdio>
#include <cstring>
#include <vector>

#include "bench_support.h"
#include "merch/shopper_world.h"
#include "merch/world_calibration.h"

using namespace merch;

namespace {

int benchmark(const WorldParams& params, const char* name) {
    bench::Stopwatch generate;
    auto world = ShopperWorld::create(params, 42);
    if (!world)
        return 1;
    std::vector<Event> events;
    auto baseline = (*world)->baselinePolicy();
    auto run = (*world)->run(*baseline,
                             [&](const Event& e) {
                                 events.push_back(e);
                                 return Status::ok();
                             },
                             {});
    if (!run)
        return 1;
    const double reference = generate.seconds();

    CalibrationParams calibration;
    calibration.replay = false;
    bench::Stopwatch fit;
    auto fitted = calibrateWorld((*world)->products(), events, calibration, {});
    const double fitSeconds = fit.seconds();
    if (!fitted) {
        std::fprintf(stderr, "%s\n", fitted.status().toString().c_str());
        return 1;
    }
    calibration.replay = true;
    bench::Stopwatch full;
    auto replayed = calibrateWorld((*world)->products(), events, calibration, {});
    const double fullSeconds = full.seconds();
    if (!replayed)
        return 1;
    int within = 0;
    for (const auto& row : replayed->validation.rows)
        within += row.within ? 1 : 0;
    std::printf("%s: %d products, %d days, %lld sessions, %zu events\n", name, params.products,
                params.days, static_cast<long long>(run->sessions), events.size());
    std::printf("  reference: world + logged baseline run      %7.2f s\n", reference);
    std::printf("  calibrate (measure + %2d tuning runs)         %7.2f s  (%.1fx the reference)\n",
                fitted->tuning.iterations, fitSeconds, fitSeconds / reference);
    std::printf("  calibrate with the %d-day replay              %7.2f s  (%.1fx the reference)\n",
                replayed->validation.days, fullSeconds, fullSeconds / reference);
    std::printf("  replay rows inside the logs' 95%% interval: %d of %zu\n", within,
                replayed->validation.rows.size());
    std::printf("  peak memory %.0f MiB\n", bench::peakMemoryMiB());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    WorldParams demo; // the default demo store
    if (int rc = benchmark(demo, "default demo store"); rc != 0)
        return rc;
    if (argc == 2 && std::strcmp(argv[1], "--large") == 0) {
        WorldParams large;
        large.products = 20000;
        large.days = 28;
        large.sessionsPerDay = 3000;
        return benchmark(large, "large store");
    }
    return 0;
}
