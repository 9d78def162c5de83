// The calibration's simulation steps: tuning the world's intercepts on short baseline runs,
// and replaying the tuned baseline against the logs.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "merch/shopper_world.h"
#include "util/rng.h"
#include "world/calibration_internal.h"

namespace merch::world {

namespace {

constexpr std::int64_t kDay = 86400;
// Step gain of the first step; later steps shrink as 1 / (1 + step / 4) (Robbins-Monro), because
// one simulated run is a noisy reading: the best-seller feedback makes two runs differ by
// several percent even with the same draws.
constexpr double kDamping = 0.8;
constexpr double kTolerance = 0.02; // relative, every tuned target
// Rates do not depend on traffic: small stores are tuned and replayed at this many arrivals a
// day at least, so the rates are not read off a handful of simulated sessions.
constexpr double kMinSimulatedArrivals = 200;
// Fewer logged sessions than this: the popularity spread is not tuned (too few views).
constexpr std::int64_t kMinSessionsForSpread = 1000;

double logit(double p) {
    p = std::clamp(p, 1e-6, 1 - 1e-6);
    return std::log(p / (1 - p));
}

double ratio(std::int64_t a, std::int64_t b) {
    return b > 0 ? double(a) / double(b) : 0.0;
}

double viewsPerSession(const LogMeasures& m) {
    return ratio(std::int64_t(m.viewItems.size()), m.sessions);
}

// Within 2% of the target, or within the half-width of the logs' own 95% interval when that
// is wider (a small store's figures are not known to 2%).
bool close(double simulated, double target, const CalibratedValue* logged = nullptr,
           bool strict = false) {
    if (target == 0)
        return std::abs(simulated) < 1e-3;
    double tolerance = kTolerance;
    if (logged && logged->value > 0 && !strict)
        tolerance = std::max(tolerance, (logged->high - logged->low) / 2 / logged->value);
    return std::abs(simulated / target - 1.0) <= tolerance;
}

} // namespace

double topPositionsCtr(const LogMeasures& m, std::int64_t minClicks) {
    std::int64_t clicks = 0, impressions = 0;
    for (int p = 0; p < 3; ++p) {
        clicks += m.clicks[std::size_t(p)];
        impressions += m.impressions[std::size_t(p)];
    }
    return clicks >= minClicks && impressions > 0 ? double(clicks) / double(impressions) : -1.0;
}

std::unordered_map<std::string, int> productIndex(const WorldCalibration& calibration) {
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < calibration.products.size(); ++i)
        index.emplace(calibration.products[i].id, int(i));
    return index;
}

std::vector<Event> firstDays(const std::vector<Event>& events, std::int64_t firstDay, int days) {
    // Sessions that start before the cut, whole.
    const std::int64_t cut = (firstDay + days) * kDay;
    std::unordered_map<std::string, std::int64_t> start;
    for (const Event& e : events) {
        if (e.sessionId.empty())
            continue;
        auto [slot, added] = start.try_emplace(e.sessionId, e.timestamp);
        if (!added)
            slot->second = std::min(slot->second, e.timestamp);
    }
    std::vector<Event> out;
    for (const Event& e : events)
        if (!e.sessionId.empty() && start[e.sessionId] < cut)
            out.push_back(e);
    return out;
}

// Pairs of distinct products viewed in one session (first 30 of each) that sit on the same
// list page: how much co-viewing follows the catalog's structure.
std::pair<std::int64_t, std::int64_t> samePagePairs(const LogMeasures& m,
                                                    const std::vector<int>& page) {
    std::int64_t same = 0, total = 0;
    std::vector<int> items;
    for (std::size_t s = 0; s + 1 < m.viewOffsets.size(); ++s) {
        items.clear();
        for (std::int64_t k = m.viewOffsets[s]; k < m.viewOffsets[s + 1] && items.size() < 30;
             ++k) {
            const int item = m.viewItems[std::size_t(k)];
            if (std::find(items.begin(), items.end(), item) == items.end())
                items.push_back(item);
        }
        for (std::size_t a = 0; a < items.size(); ++a)
            for (std::size_t b = a + 1; b < items.size(); ++b) {
                ++total;
                same += page[std::size_t(items[a])] == page[std::size_t(items[b])] ? 1 : 0;
            }
    }
    return {same, total};
}

Interval sampledTopShare(const LogMeasures& m, int itemCount, double share,
                         std::int64_t sampleSessions, int resamples, std::uint64_t seed) {
    Interval out;
    const std::int64_t sessions = std::int64_t(m.viewOffsets.size()) - 1;
    if (sessions <= 0 || itemCount <= 0)
        return out;
    const std::int64_t size = std::clamp<std::int64_t>(sampleSessions, 1, sessions);
    Rng rng = Rng::derive(seed, 41, std::uint64_t(share * 1000));
    std::vector<std::int64_t> counts(std::size_t(itemCount), 0);
    auto addSession = [&](std::int64_t s) {
        for (std::int64_t k = m.viewOffsets[std::size_t(s)]; k < m.viewOffsets[std::size_t(s + 1)];
             ++k)
            ++counts[std::size_t(m.viewItems[std::size_t(k)])];
    };
    // The point value: every session, or a sample without replacement of the given size.
    if (size == sessions) {
        for (std::int64_t s = 0; s < sessions; ++s)
            addSession(s);
    } else {
        std::vector<std::int64_t> ids(static_cast<std::size_t>(sessions));
        std::iota(ids.begin(), ids.end(), 0);
        for (std::int64_t k = 0; k < size; ++k) {
            const std::int64_t j = k + std::int64_t(rng.uniform() * double(sessions - k));
            std::swap(ids[std::size_t(k)], ids[std::size_t(j)]);
            addSession(ids[std::size_t(k)]);
        }
    }
    out.value = out.low = out.high = topViewShare(counts, share);
    if (resamples <= 0)
        return out;
    std::vector<double> draws;
    for (int b = 0; b < resamples; ++b) {
        std::fill(counts.begin(), counts.end(), 0);
        for (std::int64_t k = 0; k < size; ++k)
            addSession(std::int64_t(rng.uniform() * double(sessions)));
        draws.push_back(topViewShare(counts, share));
    }
    std::sort(draws.begin(), draws.end());
    out.low = std::min(out.value, draws[std::size_t(0.025 * double(draws.size() - 1))]);
    out.high = std::max(out.value, draws[std::size_t(0.975 * double(draws.size() - 1))]);
    return out;
}

Result<LogMeasures> simulateBaseline(const WorldCalibration& calibration, int days, double arrivals,
                                     std::uint64_t seed, const RunControl& control) {
    WorldParams params;
    params.days = days;
    params.sessionsPerDay = std::max(1.0, arrivals);
    params.startTime = calibration.firstDay;
    auto world = ShopperWorld::createCalibrated(calibration, params, seed);
    if (!world)
        return world.status();
    std::vector<Event> events;
    const auto baseline = (*world)->baselinePolicy();
    auto run = (*world)->run(
        *baseline,
        [&](const Event& e) {
            events.push_back(e);
            return Status::ok();
        },
        control);
    if (!run)
        return run.status();
    return measureLogs(events, productIndex(calibration), int(calibration.products.size()));
}

Status tuneWorld(WorldCalibration& c, const TuningTargets& targets, const LogMeasures& logged,
                 const CalibrationParams& params, const RunControl& control) {
    WorldTuning& t = c.tuning;
    t = WorldTuning{};
    t.arrivalsPerDay = std::max(1.0, 0.95 * targets.sessionsPerDay);
    t.returningShare = std::clamp(1.3 * targets.returningShare, 0.05, 0.9);
    t.appealScale = 0.7;
    const int days = std::min(params.tuningDays, logged.days);
    const int itemCount = int(c.products.size());
    double top10Target = -1;
    // The knobs of the second half of the steps are averaged (Polyak averaging).
    std::vector<WorldTuning> used;
    for (int it = 0; it < params.tuningIterations; ++it) {
        const double gain = kDamping / (1.0 + it / 4.0);
        used.push_back(t);
        const double arrivals = std::max(kMinSimulatedArrivals,
                                         std::min(t.arrivalsPerDay, params.tuningSessionsPerDay));
        auto sim = simulateBaseline(c, days, arrivals, control.seed,
                                    control.scaled(double(it) / params.tuningIterations,
                                                   double(it + 1) / params.tuningIterations));
        if (!sim)
            return sim.status();
        const LogMeasures& s = *sim;
        t.iterations = it + 1;
        if (s.sessions == 0)
            return Status::invalidArgument("the calibrated world produced no sessions");
        const bool tuneSpread = logged.sessions >= kMinSessionsForSpread;
        if (top10Target < 0)
            top10Target =
                sampledTopShare(logged, itemCount, 0.10, s.sessions, 0, control.seed).value;
        const double perDay = double(s.sessions) / days;
        const double returning = ratio(s.returning, s.sessions);
        const double views = viewsPerSession(s);
        const double atc = ratio(s.sessionsWithCart, s.sessions);
        const double c2p = ratio(s.cartSessionsPurchased, s.sessionsWithCart);
        const double top10 = topViewShare(s.itemViews, 0.10);
        const bool byCtr = targets.randomCtr > 0;
        const double ctr = byCtr ? topPositionsCtr(s, 1) : -1.0;
        const double sessionsPerArrival = perDay / arrivals;
        t.converged =
            close(sessionsPerArrival * t.arrivalsPerDay, targets.sessionsPerDay,
                  c.find("sessions_per_day")) &&
            close(returning, targets.returningShare, c.find("returning_share")) &&
            close(views, targets.viewsPerSession, c.find("views_per_session")) &&
            close(atc, targets.addToCartRate, c.find("add_to_cart_rate")) &&
            close(c2p, targets.cartToPurchase, c.find("cart_to_purchase_rate")) &&
            (byCtr ? close(ctr, targets.randomCtr)
                   : (!tuneSpread || close(top10, top10Target, c.find("top10_view_share"))));
        // Stop early only when every target is within 2%; the flag above allows the logs' own
        // interval, which is wide for small stores.
        if (close(sessionsPerArrival * t.arrivalsPerDay, targets.sessionsPerDay, nullptr, true) &&
            close(views, targets.viewsPerSession, nullptr, true) &&
            close(atc, targets.addToCartRate, nullptr, true) &&
            close(c2p, targets.cartToPurchase, nullptr, true) &&
            (byCtr ? close(ctr, targets.randomCtr, nullptr, true)
                   : (!tuneSpread || close(top10, top10Target, nullptr, true))))
            break;
        t.arrivalsPerDay =
            std::clamp(targets.sessionsPerDay / std::max(1e-6, sessionsPerArrival), 1.0, 200000.0);
        t.returningShare =
            std::clamp(t.returningShare + gain * (targets.returningShare - returning) *
                                              (t.returningShare / std::max(returning, 0.02)),
                       0.0, 0.95);
        if (byCtr) {
            // Random pages pin the mean attraction; the ordered pages' extra clicks (views a
            // session) pin how much the popular products stand out.
            if (ctr > 0)
                t.clickShift =
                    std::clamp(t.clickShift + gain * std::log(targets.randomCtr / ctr), -8.0, 8.0);
            if (views > 0 && targets.viewsPerSession > 0)
                t.appealScale = std::clamp(
                    t.appealScale + gain * 2.0 * std::log(targets.viewsPerSession / views), 0.0,
                    3.0);
        } else {
            if (top10 > 0 && tuneSpread)
                t.appealScale = std::clamp(
                    t.appealScale + gain * (logit(top10Target) - logit(top10)), 0.0, 3.0);
            if (views > 0 && targets.viewsPerSession > 0)
                t.clickShift = std::clamp(
                    t.clickShift + gain * std::log(targets.viewsPerSession / views), -8.0, 8.0);
        }
        t.cartShift = std::clamp(t.cartShift + gain * (logit(targets.addToCartRate) - logit(atc)),
                                 -10.0, 10.0);
        if (s.sessionsWithCart > 0)
            t.intentMean =
                std::clamp(t.intentMean + gain * (logit(targets.cartToPurchase) - logit(c2p)) / 0.6,
                           -4.0, 4.0);
    }
    if (!t.converged && used.size() >= 4) {
        WorldTuning mean = t;
        const std::size_t from = used.size() / 2;
        const double n = double(used.size() - from);
        mean.arrivalsPerDay = mean.returningShare = mean.appealScale = mean.clickShift =
            mean.cartShift = mean.intentMean = 0;
        for (std::size_t k = from; k < used.size(); ++k) {
            mean.arrivalsPerDay += used[k].arrivalsPerDay / n;
            mean.returningShare += used[k].returningShare / n;
            mean.appealScale += used[k].appealScale / n;
            mean.clickShift += used[k].clickShift / n;
            mean.cartShift += used[k].cartShift / n;
            mean.intentMean += used[k].intentMean / n;
        }
        t = mean;
    }
    return Status::ok();
}

Result<CalibrationValidation> replayWorld(const WorldCalibration& c, const LogMeasures& logged,
                                          const std::vector<Event>& events,
                                          const CalibrationParams& params,
                                          const RunControl& control) {
    CalibrationValidation v;
    v.days = std::min(params.replayDays, logged.days);
    v.seed = control.seed ^ 0x5EEDFACEULL; // not the tuning runs' draws
    const double arrivals = std::max(kMinSimulatedArrivals, c.tuning.arrivalsPerDay);
    auto sim = simulateBaseline(c, v.days, arrivals, v.seed, control);
    if (!sim)
        return sim.status();
    const LogMeasures& s = *sim;
    v.sessions = s.sessions;
    // Popularity shares depend on how many sessions are counted: both sides use as many.
    const std::int64_t sample = std::min(s.sessions, logged.sessions);
    const int itemCount = int(c.products.size());
    auto row = [&](std::string metric, std::string label, const Interval& logs, double simulated) {
        ValidationRow r{std::move(metric),
                        std::move(label),
                        logs.value,
                        logs.low,
                        logs.high,
                        simulated,
                        simulated >= logs.low && simulated <= logs.high};
        v.rows.push_back(std::move(r));
    };
    row("sessions_per_day", "Sessions a day", meanInterval(logged.daily),
        double(s.sessions) / v.days * c.tuning.arrivalsPerDay / arrivals);
    {
        const LogMeasures early =
            measureLogs(firstDays(events, logged.firstDay, v.days), productIndex(c), itemCount);
        row("returning_share",
            "Sessions from returning shoppers (first " + std::to_string(v.days) + " days)",
            wilson(early.returning, early.sessions), ratio(s.returning, s.sessions));
    }
    {
        std::vector<double> perSession;
        for (std::size_t k = 0; k + 1 < logged.viewOffsets.size(); ++k)
            perSession.push_back(double(logged.viewOffsets[k + 1] - logged.viewOffsets[k]));
        row("views_per_session", "Product views a session", meanInterval(perSession),
            viewsPerSession(s));
    }
    row("add_to_cart_rate", "Sessions with an add-to-cart or order",
        wilson(logged.sessionsWithCart, logged.sessions), ratio(s.sessionsWithCart, s.sessions));
    row("cart_to_purchase_rate", "Carted sessions that order",
        wilson(logged.cartSessionsPurchased, logged.sessionsWithCart),
        ratio(s.cartSessionsPurchased, s.sessionsWithCart));
    row("conversion_rate", "Sessions with an order",
        wilson(logged.sessionsWithPurchase, logged.sessions),
        ratio(s.sessionsWithPurchase, s.sessions));
    if (c.categoriesKnown) {
        std::vector<int> page;
        std::unordered_map<std::string, int> pages;
        for (const auto& p : c.products)
            page.push_back(pages.emplace(p.category + "\x1f" + p.subcategory, int(pages.size()))
                               .first->second);
        const auto logs = samePagePairs(logged, page);
        const auto simulated = samePagePairs(s, page);
        if (logs.second >= 30)
            row("same_page_coviews", "Co-viewed pairs from the same list page",
                wilson(logs.first, logs.second), ratio(simulated.first, simulated.second));
    }
    row("aov", "Average order value", meanInterval(logged.orderValues),
        meanInterval(s.orderValues).value);
    row("items_per_order", "Units per order", meanInterval(logged.orderUnits),
        meanInterval(s.orderUnits).value);
    row("top1_view_share", "Views on the top 1% of products",
        sampledTopShare(logged, itemCount, 0.01, sample, params.bootstrapSamples, v.seed),
        sampledTopShare(s, itemCount, 0.01, sample, 0, v.seed).value);
    row("top10_view_share", "Views on the top 10% of products",
        sampledTopShare(logged, itemCount, 0.10, sample, params.bootstrapSamples, v.seed),
        sampledTopShare(s, itemCount, 0.10, sample, 0, v.seed).value);
    for (int p : {1, 2, 3, 5, 10}) {
        const auto n = logged.impressions[std::size_t(p - 1)];
        if (n < 30)
            continue;
        row("ctr_position_" + std::to_string(p),
            "Click rate at list position " + std::to_string(p) +
                (logged.positionsFromShuffle ? " (randomized pages)" : ""),
            wilson(logged.clicks[std::size_t(p - 1)], n),
            ratio(s.clicks[std::size_t(p - 1)], s.impressions[std::size_t(p - 1)]));
    }
    return v;
}

} // namespace merch::world
