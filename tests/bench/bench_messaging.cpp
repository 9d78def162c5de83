// Messaging benchmarks on the default demo world (2,000 products, 620 sessions a day):
//  1. the baseline world run that logs 60 days of history (the reference: the same run every
//     other benchmark's world timings use);
//  2. training each messaging model on that log;
//  3. scoring throughput: recovery probabilities and the predictive policy's plan per cart;
//  4. the simulated comparison (60 + 28 days, 2 replicate worlds, with the oracle), and the
//     cost of the predictive policy inside the world run against the fixed one (ratio).
#include <cstdio>
#include <string>
#include <vector>

#include "bench_support.h"
#include "merch/messaging_policy.h"

using namespace merch;

int main() {
    WorldParams params;
    params.days = 60;
    auto world = ShopperWorld::create(params, 42);
    if (!world) {
        std::fprintf(stderr, "%s\n", world.status().toString().c_str());
        return 1;
    }
    const ShopperWorld& w = **world;
    auto list = w.baselinePolicy();
    auto fixed = w.baselineMessagingPolicy();
    std::vector<Event> events;
    bench::Stopwatch runClock;
    auto logged = w.run(*list, *fixed,
                        [&](const Event& e) {
                            events.push_back(e);
                            return Status::ok();
                        },
                        VisitObserver{}, {});
    const double runSeconds = runClock.seconds();
    if (!logged)
        return 1;
    std::printf("world run, 60 days, fixed emails, logging: %.2f s (%zu events, %lld sessions)\n",
                runSeconds, events.size(), static_cast<long long>(logged->sessions));

    MessagingParams mp;
    bench::Stopwatch cartClock;
    const auto carts = extractAbandonedCarts(events, mp.recoveryWindowDays);
    const double cartSeconds = cartClock.seconds();
    bench::Stopwatch lrClock;
    auto recovery = RecoveryModel::train(carts, mp.l2);
    const double lrSeconds = lrClock.seconds();
    bench::Stopwatch timingClock;
    const auto timing = trainSendTiming(carts, mp.timingPriorWeight);
    const double timingSeconds = timingClock.seconds();
    std::vector<std::string> consumables;
    for (const Product& p : w.products())
        if (p.consumable)
            consumables.push_back(p.id);
    bench::Stopwatch repClock;
    const auto replenishment = trainReplenishment(events, consumables, mp.minProductIntervals);
    const double repSeconds = repClock.seconds();
    bench::Stopwatch fatigueClock;
    const auto fatigue = trainFatigue(events);
    const double fatigueSeconds = fatigueClock.seconds();
    bench::Stopwatch allClock;
    auto models = trainMessagingModels(events, w.products(), mp);
    const double allSeconds = allClock.seconds();
    if (!recovery || !models)
        return 1;
    std::printf("training on %zu events: carts %.3f s (%zu carts), recovery model %.3f s (%d "
                "Newton steps), send timing %.3f s, replenishment %.3f s (%zu products), "
                "fatigue %.3f s; all models together %.3f s\n",
                events.size(), cartSeconds, carts.size(), lrSeconds, recovery->iterations(),
                timingSeconds, repSeconds, replenishment.products.size(), fatigueSeconds,
                allSeconds);
    (void)timing;
    (void)fatigue;

    const int rounds = 200;
    double sink = 0;
    bench::Stopwatch scoreClock;
    for (int r = 0; r < rounds; ++r)
        for (const AbandonedCart& c : carts)
            sink += recovery->probability(c);
    const double scoreSeconds = scoreClock.seconds();
    const double scored = double(rounds) * double(carts.size());
    std::printf("recovery scoring: %.0f carts/s (%.2f us per cart)\n", scored / scoreSeconds,
                1e6 * scoreSeconds / scored);

    std::vector<std::string> ids;
    for (const Product& p : w.products())
        ids.push_back(p.id);
    PredictivePolicyParams policyParams;
    policyParams.minRecoveryProbability = 0.01; // so every plan scores the cart
    PredictiveMessagingPolicy policy(std::make_shared<const MessagingModels>(std::move(*models)),
                                     ids, policyParams);
    std::vector<int> items = {0, 1};
    std::vector<CartAbandonment> abandonments;
    for (std::size_t i = 0; i < carts.size(); ++i) {
        CartAbandonment a;
        a.time = carts[i].time;
        a.customerId = carts[i].key;
        a.identified = true;
        a.items = items;
        a.cartValue = carts[i].value;
        abandonments.push_back(a);
    }
    bench::Stopwatch planClock;
    std::size_t planned = 0;
    for (int r = 0; r < rounds / 4; ++r)
        for (const auto& a : abandonments)
            planned += policy.cartEmailDelays(a).size();
    const double planSeconds = planClock.seconds();
    const double plans = double(rounds / 4) * double(abandonments.size());
    std::printf("predictive cart plans: %.0f plans/s (%.2f us per plan)\n", plans / planSeconds,
                1e6 * planSeconds / plans);

    MessagingComparisonParams comparison;
    comparison.replicates = 2;
    RunControl control;
    control.seed = 42;
    bench::Stopwatch compareClock;
    auto compared = compareMessagingPolicies(comparison, control);
    const double compareSeconds = compareClock.seconds();
    if (!compared)
        return 1;
    std::printf("comparison, 60 + 28 days, 2 worlds x (fixed, predictive, oracle): %.2f s "
                "(simulation %.2f s, training %.2f s)\n",
                compareSeconds, compared->simulateSeconds, compared->trainSeconds);
    // Per-run cost of the predictive policy inside the world against the fixed one: the same
    // world, 88 days, no logging.
    WorldParams full = params;
    full.days = 88;
    auto fullWorld = ShopperWorld::create(full, 42);
    if (!fullWorld)
        return 1;
    bench::Stopwatch fixedClock;
    auto a = (*fullWorld)->run(*list, *fixed, EventSink{}, VisitObserver{}, {});
    const double fixedSeconds = fixedClock.seconds();
    SwitchingMessagingPolicy switched(*fixed, policy, 60);
    bench::Stopwatch predictiveClock;
    auto b = (*fullWorld)->run(*list, switched, EventSink{}, VisitObserver{}, {});
    const double predictiveSeconds = predictiveClock.seconds();
    if (!a || !b)
        return 1;
    std::printf("world run, 88 days, no logging: fixed %.2f s, predictive after day 60 %.2f s "
                "(ratio %.2f)\n",
                fixedSeconds, predictiveSeconds, predictiveSeconds / fixedSeconds);
    std::printf("peak memory %.0f MiB (checksum %.3f, %zu planned emails)\n",
                bench::peakMemoryMiB(), sink, planned);
    return 0;
}
