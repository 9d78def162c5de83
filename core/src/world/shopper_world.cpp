#include "merch/shopper_world.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "util/rng.h"
#include "world/calibration_world.h"
#include "world/catalog_generator.h"
#include "world/session_simulator.h"
#include "world/shopper_population.h"
#include "world/world_policies.h"
#include "world/world_state.h"

namespace merch {

using namespace world;

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
constexpr int kSalesWindowDays = 14;
constexpr int kMaxListPositions = 24;

// Random streams: each purpose draws from its own, so changing one leaves the others alone.
enum Stream : std::uint64_t { Catalog = 1, Shoppers = 2, Arrivals = 3, Sessions = 4, Pendings = 5 };

class BestSellerPolicy final : public ListPolicy {
public:
    std::string name() const override { return "best-seller"; }
    void order(const ListContext& context, std::vector<int>& candidates) const override {
        std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) {
            return context.popularity[std::size_t(a)] > context.popularity[std::size_t(b)];
        });
    }
};

class OraclePolicy final : public ListPolicy {
public:
    explicit OraclePolicy(const WorldState& world)
        : m_world(world) {}
    std::string name() const override { return "oracle (true utility)"; }
    void order(const ListContext& context, std::vector<int>& candidates) const override {
        const ShopperTruth& shopper = m_world.shoppers[std::size_t(context.shopper)];
        std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) {
            return trueUtility(shopper, m_world.items[std::size_t(a)]) >
                   trueUtility(shopper, m_world.items[std::size_t(b)]);
        });
    }

private:
    const WorldState& m_world;
};

// The demo store's emails: 1, 24 and 72 h after an abandonment, 21 days after an order.
class FixedMessagingPolicy final : public MessagingPolicy {
public:
    std::string name() const override { return "fixed 1/24/72 h, 21-day reminder"; }
    std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const override {
        if (!cart.identified)
            return {};
        return {1 * kHour, 24 * kHour, 72 * kHour};
    }
    std::vector<std::int64_t> reminderDelays(const ConsumableOrder&) const override {
        return {21 * kDay};
    }
};

// Knows each shopper's receptive delay and true run-out: an upper reference for timing.
class OracleMessagingPolicy final : public MessagingPolicy {
public:
    explicit OracleMessagingPolicy(const WorldState& world)
        : m_world(world) {}
    std::string name() const override { return "oracle (true timing)"; }
    std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const override {
        if (!cart.identified || cart.unsubscribed)
            return {};
        const double hours = m_world.shoppers[std::size_t(cart.shopper)].bestRecoveryHours;
        std::vector<std::int64_t> delays;
        for (double at : {hours / 3, hours, hours * 3})
            delays.push_back(std::int64_t(std::max(1.0, at) * double(kHour)));
        return delays;
    }
    std::vector<std::int64_t> reminderDelays(const ConsumableOrder& order) const override {
        if (!order.identified || order.unsubscribed)
            return {};
        return {std::max<std::int64_t>(kHour, order.trueRunOut - order.time - 2 * kDay)};
    }
    bool sendReminder(const ReminderDue& due) const override { return !due.reorderedSince; }

private:
    const WorldState& m_world;
};

// Who arrives: a returning shopper (weighted by how often they come back) or a new one.
int chooseShopper(RunState& run, const WorldParams& params, Rng& arrivals) {
    const bool returning = !run.returnPool.empty() && arrivals.chance(params.returningShare);
    if (returning || run.nextNewShopper >= int(run.shoppers.size()))
        return run.returnPool[std::size_t(arrivals.below(int(run.returnPool.size())))];
    const int shopper = run.nextNewShopper++;
    for (int t = 0; t < run.shoppers[std::size_t(shopper)].returnTickets; ++t)
        run.returnPool.push_back(shopper);
    return shopper;
}

} // namespace

void MessagingOutcome::add(const MessagingOutcome& o) {
    cartsAbandoned += o.cartsAbandoned;
    cartsAbandonedEmailable += o.cartsAbandonedEmailable;
    cartsRecovered += o.cartsRecovered;
    cartsRecoveredEmailable += o.cartsRecoveredEmailable;
    cartsRecoveredByEmail += o.cartsRecoveredByEmail;
    recoveredRevenue += o.recoveredRevenue;
    consumableOrders += o.consumableOrders;
    reorders += o.reorders;
    remindedReorders += o.remindedReorders;
    reorderRevenue += o.reorderRevenue;
    cartEmails += o.cartEmails;
    reminderEmails += o.reminderEmails;
    emailClicks += o.emailClicks;
    unsubscribes += o.unsubscribes;
}

struct ShopperWorld::Impl {
    WorldState state;
};

Status WorldParams::validate() const {
    if (products < 50 || products > 200000)
        return Status::invalidArgument("products must be between 50 and 200000");
    if (days < 1 || days > 730)
        return Status::invalidArgument("days must be between 1 and 730");
    if (!(sessionsPerDay >= 1.0 && sessionsPerDay <= 200000.0))
        return Status::invalidArgument("sessionsPerDay must be between 1 and 200000");
    if (!(catalogDefectRate >= 0.0 && catalogDefectRate <= 1.0))
        return Status::invalidArgument("catalogDefectRate must be between 0 and 1");
    if (!(listExploration >= 0.0 && listExploration <= 1.0))
        return Status::invalidArgument("listExploration must be between 0 and 1");
    if (!(returningShare >= 0.0 && returningShare <= 0.95))
        return Status::invalidArgument("returningShare must be between 0 and 0.95");
    return Status::ok();
}

Result<std::shared_ptr<const ShopperWorld>> ShopperWorld::create(const WorldParams& params,
                                                                 std::uint64_t seed) {
    if (auto status = params.validate(); !status)
        return status;
    auto impl = std::make_unique<Impl>();
    WorldState& state = impl->state;
    state.params = params;
    state.seed = seed;
    Rng catalogRng = Rng::derive(seed, Catalog);
    generateCatalog(state, catalogRng);
    Rng shopperRng = Rng::derive(seed, Shoppers);
    generateShoppers(state, shopperRng);
    for (int p = 1; p <= kMaxListPositions; ++p)
        state.examination.push_back(std::pow(double(p), -0.7));
    return std::shared_ptr<const ShopperWorld>(new ShopperWorld(std::move(impl)));
}

Result<std::shared_ptr<const ShopperWorld>>
ShopperWorld::createCalibrated(const WorldCalibration& calibration, const WorldParams& params,
                               std::uint64_t seed) {
    auto impl = std::make_unique<Impl>();
    impl->state.seed = seed;
    if (auto status = buildCalibratedState(impl->state, calibration, params); !status)
        return status;
    return std::shared_ptr<const ShopperWorld>(new ShopperWorld(std::move(impl)));
}

ShopperWorld::ShopperWorld(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}
ShopperWorld::~ShopperWorld() = default;

const WorldParams& ShopperWorld::params() const {
    return m_impl->state.params;
}
std::uint64_t ShopperWorld::seed() const {
    return m_impl->state.seed;
}
const std::vector<Product>& ShopperWorld::products() const {
    return m_impl->state.products;
}
const std::vector<ShopperWorld::Defect>& ShopperWorld::defects() const {
    return m_impl->state.defects;
}

double ShopperWorld::examinationProbability(int position) const {
    const auto& curve = m_impl->state.examination;
    if (position < 1 || position > int(curve.size()))
        return 0.0;
    return curve[std::size_t(position - 1)];
}

std::unique_ptr<ListPolicy> ShopperWorld::baselinePolicy() const {
    return std::make_unique<BestSellerPolicy>();
}

std::unique_ptr<ListPolicy> ShopperWorld::oraclePolicy() const {
    return std::make_unique<OraclePolicy>(m_impl->state);
}

std::unique_ptr<SearchPolicy> ShopperWorld::nativeSearchPolicy() const {
    return makeNativeSearchPolicy(m_impl->state);
}

std::unique_ptr<RecommendationPolicy> ShopperWorld::bestSellerRecommendationPolicy() const {
    return makeBestSellerBlockPolicy(m_impl->state);
}

double ShopperWorld::recommendationExaminationProbability(int position) const {
    const auto& curve = m_impl->state.recommendationExamination;
    if (position < 1 || position > int(curve.size()))
        return 0.0;
    return curve[std::size_t(position - 1)];
}

std::unique_ptr<MessagingPolicy> ShopperWorld::baselineMessagingPolicy() const {
    return std::make_unique<FixedMessagingPolicy>();
}

std::unique_ptr<MessagingPolicy> ShopperWorld::oracleMessagingPolicy() const {
    return std::make_unique<OracleMessagingPolicy>(m_impl->state);
}

double ShopperWorld::trueCycleDays(int product) const {
    const auto& items = m_impl->state.items;
    if (product < 0 || product >= int(items.size()))
        return 0.0;
    return items[std::size_t(product)].cycleDays;
}

Result<WorldOutcome> ShopperWorld::run(const ListPolicy& policy, const EventSink& sink,
                                       const RunControl& control) const {
    return run(policy, sink, VisitObserver{}, control);
}

Result<WorldOutcome> ShopperWorld::run(const ListPolicy& policy, const EventSink& sink,
                                       const VisitObserver& observer,
                                       const RunControl& control) const {
    const FixedMessagingPolicy baseline;
    return run(policy, baseline, sink, observer, control);
}

Result<WorldOutcome> ShopperWorld::run(const ListPolicy& policy, const MessagingPolicy& messaging,
                                       const EventSink& sink, const VisitObserver& observer,
                                       const RunControl& control) const {
    WorldPolicies policies;
    policies.list = &policy;
    policies.messaging = &messaging;
    return run(policies, sink, observer, control);
}

struct WorldSnapshot::Impl {
    const WorldState* world = nullptr; // the world it was taken from
    RunState run;
    Rng arrivals{0};
    int day = 0;
};

WorldSnapshot::WorldSnapshot(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}
WorldSnapshot::~WorldSnapshot() = default;
int WorldSnapshot::day() const {
    return m_impl->day;
}
const WorldOutcome& WorldSnapshot::outcome() const {
    return m_impl->run.outcome;
}

Result<WorldOutcome> ShopperWorld::run(const WorldPolicies& policies, const EventSink& sink,
                                       const VisitObserver& observer, const RunControl& control,
                                       const WorldSnapshot* from, int pauseAt,
                                       std::shared_ptr<const WorldSnapshot>* pausedAt) const {
    const WorldState& world = m_impl->state;
    const WorldParams& params = world.params;
    const std::size_t itemCount = world.items.size();
    if (from && from->m_impl->world != &world)
        return Status::invalidArgument("the snapshot was taken from another world");
    if (pauseAt != 0 && (pauseAt < 1 || pauseAt >= params.days || !pausedAt))
        return Status::invalidArgument("pauseAt must be between 1 and days - 1, with a snapshot "
                                       "to receive");
    if (from && pauseAt != 0 && pauseAt <= from->day())
        return Status::invalidArgument("pauseAt must come after the snapshot's day");

    const BestSellerPolicy bestSellers;
    const FixedMessagingPolicy fixedMessaging;
    const auto native = makeNativeSearchPolicy(world);
    RunPolicies resolved;
    resolved.list = policies.list ? policies.list : &bestSellers;
    resolved.messaging = policies.messaging ? policies.messaging : &fixedMessaging;
    resolved.search = policies.search ? policies.search : native.get();
    resolved.recommendations = policies.recommendations;

    RunState run;
    Rng arrivals = Rng::derive(world.seed, Arrivals);
    int firstDay = 0;
    if (from) {
        run = from->m_impl->run;
        arrivals = from->m_impl->arrivals;
        firstDay = from->m_impl->day;
    } else {
        run.shoppers = world.shoppers;
        run.recent.assign(run.shoppers.size(), {});
        run.cartVersion.assign(run.shoppers.size(), 0);
        run.openCart.assign(run.shoppers.size(), {});
        run.emailTimes.assign(run.shoppers.size(), {});
        run.outcome.messagingByDay.resize(std::size_t(params.days));
        run.dailySales.assign(kSalesWindowDays, std::vector<double>(itemCount, 0.0));
        run.popularity.assign(itemCount, 0.0);
    }

    SessionSimulator simulator(world, run, resolved, bool(sink), &observer);
    std::vector<std::uint32_t> order; // a day's events by time
    const auto& hours = hourlyProfile();

    for (int day = firstDay; day < params.days; ++day) {
        if (!control.report(double(day) / params.days, "simulating shoppers"))
            return Status::cancelled();
        if (pauseAt > 0 && day == pauseAt) {
            auto impl = std::make_unique<WorldSnapshot::Impl>();
            impl->world = &world;
            impl->arrivals = arrivals;
            impl->day = day;
            WorldOutcome soFar = run.outcome;
            for (const MessagingOutcome& d : soFar.messagingByDay)
                soFar.messaging.add(d);
            impl->run = std::move(run);
            *pausedAt = std::make_shared<const WorldSnapshot>(std::move(impl));
            return soFar;
        }
        // Best-sellers of the trailing 14 days; the pre-launch history fades out over them.
        auto& today = run.dailySales[std::size_t(day % kSalesWindowDays)];
        std::fill(today.begin(), today.end(), 0.0);
        const double priorWeight = std::max(0.0, 1.0 - double(day) / kSalesWindowDays);
        for (std::size_t i = 0; i < itemCount; ++i) {
            double sold = priorWeight * world.priorSales[i];
            for (const auto& slot : run.dailySales)
                sold += slot[i];
            run.popularity[i] = sold;
        }

        // Arrivals depend only on the arrivals stream, never on what earlier shoppers did,
        // so every policy sees the same visitors at the same times.
        const std::int64_t dayStart = params.startTime + std::int64_t(day) * kDay;
        const double growth = 1.0 + world.trafficGrowth * double(day) / std::max(1, params.days);
        const double weekday = world.weekdayTraffic.empty()
                                   ? weekdayFactor(day % 7)
                                   : world.weekdayTraffic[std::size_t(day % 7)];
        const int count = arrivals.poisson(params.sessionsPerDay * weekday * growth);
        std::vector<std::pair<std::int64_t, int>> visits;
        visits.reserve(std::size_t(count));
        for (int k = 0; k < count; ++k) {
            const std::int64_t at =
                dayStart + std::int64_t(arrivals.pick(hours)) * 3600 + arrivals.below(3600);
            visits.emplace_back(at, chooseShopper(run, params, arrivals));
        }
        std::stable_sort(visits.begin(), visits.end(),
                         [](const auto& a, const auto& b) { return a.first < b.first; });

        const std::int64_t dayEnd = dayStart + kDay;
        std::size_t next = 0;
        for (;;) {
            const bool pendingDue = !run.pending.empty() && run.pending.top().time < dayEnd;
            if (pendingDue &&
                (next == visits.size() || run.pending.top().time <= visits[next].first)) {
                const Pending pending = run.pending.top();
                run.pending.pop();
                Rng rng = Rng::derive(world.seed, Pendings, pending.serial);
                simulator.handle(pending, day, rng);
            } else if (next < visits.size()) {
                Rng rng = Rng::derive(world.seed, Sessions, std::uint64_t(day) * 1000003ULL + next);
                simulator.browse(visits[next].second, visits[next].first, day, rng);
                ++next;
            } else {
                break;
            }
        }

        if (sink) {
            // The day's events in time order (ties in production order). Sorting their indexes
            // instead of the events themselves avoids moving ~300-byte records around.
            std::vector<Event>& events = simulator.events();
            order.resize(events.size());
            std::iota(order.begin(), order.end(), 0U);
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
                return events[a].timestamp < events[b].timestamp;
            });
            for (std::uint32_t index : order) {
                if (auto status = sink(events[index]); !status)
                    return status;
            }
            events.clear(); // keeps the capacity for the next day
        }
    }
    if (!control.report(1.0, "simulating shoppers"))
        return Status::cancelled();
    // Carts abandoned near the end may recover after it; their days stay in the vector.
    for (const MessagingOutcome& day : run.outcome.messagingByDay)
        run.outcome.messaging.add(day);
    return run.outcome;
}

} // namespace merch
