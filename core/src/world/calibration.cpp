// calibrateWorld: measures a store's logs into a WorldCalibration, then tunes and replays it.
#include "merch/world_calibration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>

#include "merch/workspace.h"
#include "util/rng.h"
#include "world/calibration_affinity.h"
#include "world/calibration_internal.h"
#include "world/calibration_measure.h"

namespace merch {

using namespace world;

namespace {

constexpr double kZ = 1.959963984540054;
const char* const kWeekdays[7] = {"monday", "tuesday",  "wednesday", "thursday",
                                  "friday", "saturday", "sunday"};

std::string thousands(std::int64_t n) {
    std::string digits = std::to_string(n);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(std::size_t(at), ",");
    return digits;
}

double logit(double p) {
    p = std::clamp(p, 1e-6, 1 - 1e-6);
    return std::log(p / (1 - p));
}

CalibratedValue measured(std::string name, std::string label, std::string unit,
                         const Interval& interval, std::string source) {
    return {std::move(name),
            std::move(label),
            std::move(unit),
            interval.value,
            interval.low,
            interval.high,
            CalibratedValue::Kind::Measured,
            std::move(source)};
}

CalibratedValue assumed(std::string name, std::string label, std::string unit, double value,
                        std::string why) {
    return {std::move(name),
            std::move(label),
            std::move(unit),
            value,
            value,
            value,
            CalibratedValue::Kind::Assumed,
            "assumed: " + std::move(why)};
}

struct PositionFit {
    bool ok = false;
    double exponent = 0.7, low = 0.7, high = 0.7;
    int positions = 0;
};

// examination(p) = p^-b: weighted least squares of log CTR(p) on log(p) with a free intercept
// (the attraction of an average product), each position weighted by 1 / the delta-method
// variance of its log CTR, (1 - CTR) / clicks; positions with 30 impressions and 5 clicks.
PositionFit fitPositions(const LogMeasures& m) {
    PositionFit fit;
    if (m.impressions[0] < 30 || m.clicks[0] < 5)
        return fit;
    double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int p = 1; p <= kCalibrationPositions; ++p) {
        const double n = double(m.impressions[std::size_t(p - 1)]);
        const double c = double(m.clicks[std::size_t(p - 1)]);
        if (n < 30 || c < 5)
            continue;
        const double ctr = c / n;
        const double w = c / std::max(1e-9, 1 - ctr);
        const double x = std::log(double(p));
        const double y = std::log(ctr);
        sw += w;
        sx += w * x;
        sy += w * y;
        sxx += w * x * x;
        sxy += w * x * y;
        ++fit.positions;
    }
    const double det = sw * sxx - sx * sx;
    if (fit.positions < 3 || det <= 0)
        return fit;
    fit.ok = true;
    fit.exponent = -(sw * sxy - sx * sy) / det;
    const double se = std::sqrt(sw / det);
    fit.low = fit.exponent - kZ * se;
    fit.high = fit.exponent + kZ * se;
    return fit;
}

struct ConcentrationFit {
    bool ok = false;
    double value = 2.0, low = 2.0, high = 2.0;
    std::int64_t pairs = 0;
    double agreement = 0;
};

// Dirichlet concentration s of shoppers' category interests around the store's mix m: two
// sessions of one visitor enter the same category with probability q = (s sum m^2 + 1) / (s + 1)
// when each session draws its category from the visitor's interests; so s = (1 - q) /
// (q - sum m^2). Interval: bootstrap over visitors.
ConcentrationFit fitConcentration(const LogMeasures& m, const std::vector<int>& itemCategory,
                                  const std::vector<double>& shares, int resamples,
                                  std::uint64_t seed) {
    ConcentrationFit fit;
    double sumSq = 0;
    for (double s : shares)
        sumSq += s * s;
    std::map<int, int> lastCategory;
    std::map<int, std::pair<int, int>> perVisitor; // agree, pairs
    for (std::size_t s = 0; s < m.sessionEntryItem.size(); ++s) {
        const int item = m.sessionEntryItem[s];
        if (item < 0)
            continue;
        const int category = itemCategory[std::size_t(item)];
        const int visitor = m.sessionVisitor[s];
        const auto last = lastCategory.find(visitor);
        if (last != lastCategory.end()) {
            auto& counts = perVisitor[visitor];
            counts.first += last->second == category ? 1 : 0;
            ++counts.second;
        }
        lastCategory[visitor] = category;
    }
    std::vector<std::pair<int, int>> counts;
    for (const auto& [visitor, c] : perVisitor)
        counts.push_back(c);
    auto solve = [&](double agree, double pairs) {
        const double q = pairs > 0 ? agree / pairs : 0;
        if (q <= sumSq + 1e-9)
            return 50.0; // no more focused than the store's mix: interests are the mix
        return std::clamp((1 - q) / (q - sumSq), 0.05, 50.0);
    };
    double agree = 0, pairs = 0;
    for (const auto& c : counts) {
        agree += c.first;
        pairs += c.second;
    }
    fit.pairs = std::int64_t(pairs);
    if (pairs < 30 || shares.size() < 2)
        return fit;
    fit.ok = true;
    fit.agreement = agree / pairs;
    fit.value = solve(agree, pairs);
    Rng rng = Rng::derive(seed, 31);
    std::vector<double> draws;
    for (int b = 0; b < resamples; ++b) {
        double a = 0, p = 0;
        for (std::size_t k = 0; k < counts.size(); ++k) {
            const auto& c = counts[std::size_t(rng.below(int(counts.size())))];
            a += c.first;
            p += c.second;
        }
        draws.push_back(solve(a, p));
    }
    std::sort(draws.begin(), draws.end());
    fit.low = draws[std::size_t(0.025 * double(draws.size() - 1))];
    fit.high = draws[std::size_t(0.975 * double(draws.size() - 1))];
    return fit;
}

} // namespace

const char* calibratedKindName(CalibratedValue::Kind kind) {
    switch (kind) {
    case CalibratedValue::Kind::Measured:
        return "measured";
    case CalibratedValue::Kind::Assumed:
        return "assumed";
    case CalibratedValue::Kind::Tuned:
        return "tuned";
    }
    return "?";
}

Status CalibrationParams::validate() const {
    if (!(appealSmoothing >= 0 && appealSmoothing <= 1000))
        return Status::invalidArgument("appealSmoothing must be between 0 and 1000");
    if (!(cartSmoothing >= 1 && cartSmoothing <= 10000))
        return Status::invalidArgument("cartSmoothing must be between 1 and 10000");
    if (bootstrapSamples < 20 || bootstrapSamples > 5000)
        return Status::invalidArgument("bootstrapSamples must be between 20 and 5000");
    if (tuningDays < 7 || tuningDays > 120)
        return Status::invalidArgument("tuningDays must be between 7 and 120");
    if (!(tuningSessionsPerDay >= 50 && tuningSessionsPerDay <= 20000))
        return Status::invalidArgument("tuningSessionsPerDay must be between 50 and 20000");
    if (tuningIterations < 0 || tuningIterations > 60)
        return Status::invalidArgument("tuningIterations must be between 0 and 60");
    if (replayDays < 7 || replayDays > 365)
        return Status::invalidArgument("replayDays must be between 7 and 365");
    return Status::ok();
}

const CalibratedValue* WorldCalibration::find(const std::string& name) const {
    for (const auto& p : parameters)
        if (p.name == name)
            return &p;
    return nullptr;
}

double WorldCalibration::value(const std::string& name, double fallback) const {
    const CalibratedValue* p = find(name);
    return p ? p->value : fallback;
}

Result<WorldCalibration> calibrateWorld(const std::vector<Product>& catalog,
                                        const std::vector<Event>& events,
                                        const CalibrationParams& params,
                                        const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    if (events.empty())
        return Status::invalidArgument(
            "the workspace has no events: a world's behaviour is calibrated from shopper "
            "sessions (import an events file; a catalog alone says nothing about shoppers)");
    if (!control.report(0.0, "measuring the logs"))
        return Status::cancelled();

    WorldCalibration c;
    // Products: the catalog when the events name its ids, else the ids the events name.
    std::unordered_map<std::string, int> index;
    for (std::size_t i = 0; i < catalog.size(); ++i)
        index.emplace(catalog[i].id, int(i));
    std::int64_t productEvents = 0, matched = 0;
    for (const Event& e : events) {
        if (e.productId.empty() || e.sessionId.empty())
            continue;
        ++productEvents;
        matched += index.count(e.productId) ? 1 : 0;
    }
    c.catalogKnown = matched > 0;
    std::vector<Product> products;
    if (c.catalogKnown) {
        products = catalog;
        if (matched < productEvents)
            c.warnings.push_back(thousands(productEvents - matched) + " of " +
                                 thousands(productEvents) +
                                 " product events name ids the catalog does not have; they "
                                 "count for sessions and rates but not for products");
    } else {
        if (!catalog.empty())
            c.warnings.push_back("no event names a catalog product id: the world uses the ids "
                                 "the events name, without titles or categories");
        index.clear();
        for (const Event& e : events) {
            if (e.productId.empty() || e.sessionId.empty() || index.count(e.productId))
                continue;
            index.emplace(e.productId, int(products.size()));
            Product p;
            p.id = e.productId;
            p.title = e.productId;
            products.push_back(std::move(p));
        }
    }
    if (products.empty())
        return Status::invalidArgument("no session event names a product: nothing to calibrate "
                                       "popularity or rates from");

    const LogMeasures m = measureLogs(events, index, int(products.size()));
    if (m.sessions < 10)
        return Status::invalidArgument("only " + std::to_string(m.sessions) +
                                       " sessions in the events: at least 10 are needed");
    if (m.views == 0)
        return Status::invalidArgument(
            "no product views in the events: list clicks and view -> cart rates cannot be "
            "measured (order-only exports such as invoices need a view log too)");
    if (m.purchaseEvents == 0)
        return Status::invalidArgument("no purchase events: conversion and order value cannot "
                                       "be measured (import the orders too)");
    if (m.days < 2)
        return Status::invalidArgument(
            "the sessions span one day: traffic a day and its spread need at least two days");
    c.days = m.days;
    c.sessions = m.sessions;
    c.firstDay = m.firstDay * 86400;
    const std::string fromSessions = "measured from " + thousands(m.sessions) + " sessions over " +
                                     std::to_string(m.days) + " days";

    // Traffic.
    auto perDay = meanInterval(m.daily);
    c.parameters.push_back(measured("sessions_per_day", "Sessions a day", "sessions", perDay,
                                    fromSessions + " (mean of days, normal 95%)"));
    std::array<std::vector<double>, 7> byWeekday;
    for (int d = 0; d < m.days; ++d)
        byWeekday[std::size_t((m.firstDay + d + 3) % 7)].push_back(m.daily[std::size_t(d)]);
    // Weekday factors need two weeks and about 20 sessions a weekday, else the week is flat.
    const bool weekdaysKnown = m.days >= 14 && m.sessions >= 140;
    for (int w = 0; w < 7; ++w) {
        const std::string name = std::string("weekday_") + kWeekdays[w];
        const std::string label = std::string("Traffic on ") + kWeekdays[w] + "s";
        if (weekdaysKnown && perDay.value > 0) {
            Interval f = meanInterval(byWeekday[std::size_t(w)]);
            f.value /= perDay.value;
            f.low /= perDay.value;
            f.high /= perDay.value;
            c.weekdayFactor[std::size_t(w)] = f.value;
            c.parameters.push_back(measured(name, label, "x mean", f,
                                            "measured over " +
                                                std::to_string(byWeekday[std::size_t(w)].size()) +
                                                " " + kWeekdays[w] + "s (normal 95%)"));
        } else {
            c.weekdayFactor[std::size_t(w)] = 1.0;
            c.parameters.push_back(assumed(name, label, "x mean", 1.0,
                                           "flat week: the logs cover fewer than 14 days or "
                                           "140 sessions"));
        }
    }
    {
        // Linear trend of daily sessions, as a relative change over the logged period.
        const double n = double(m.days);
        const double tMean = (n - 1) / 2;
        double sxx = 0, sxy = 0;
        for (int d = 0; d < m.days; ++d) {
            sxx += (d - tMean) * (d - tMean);
            sxy += (d - tMean) * (m.daily[std::size_t(d)] - perDay.value);
        }
        const double slope = sxx > 0 ? sxy / sxx : 0;
        double rss = 0;
        for (int d = 0; d < m.days; ++d) {
            const double fitted = perDay.value + slope * (d - tMean);
            rss += (m.daily[std::size_t(d)] - fitted) * (m.daily[std::size_t(d)] - fitted);
        }
        const double se = m.days > 2 && sxx > 0 ? std::sqrt(rss / (n - 2) / sxx) : 0;
        const double scale = perDay.value > 0 ? (n - 1) / perDay.value : 0;
        c.parameters.push_back(measured(
            "traffic_trend", "Traffic change over the logs", "relative",
            {slope * scale, (slope - kZ * se) * scale, (slope + kZ * se) * scale},
            fromSessions + " (least squares, normal 95%); not simulated: the world's traffic is "
                           "flat at the mean, week by week"));
    }
    c.parameters.push_back(measured("returning_share", "Sessions from returning shoppers", "share",
                                    wilson(m.returning, m.sessions),
                                    fromSessions + ": a visitor or customer id seen in an "
                                                   "earlier session (Wilson 95%)"));

    // How sessions start.
    std::int64_t listEvents = 0, searchEvents = 0, shuffleImpressions = 0, listImpressions = 0;
    for (const Event& e : events) {
        if (e.type == EventType::ListView) {
            ++listEvents;
            if (e.list.rfind("category:", 0) == 0) {
                ++listImpressions;
                shuffleImpressions += e.list.find("#shuffle") != std::string::npos ? 1 : 0;
            }
        }
        searchEvents += e.type == EventType::Search ? 1 : 0;
    }
    if (listEvents + searchEvents > 0 && m.entryCounted > 0) {
        const std::string src = "measured from the first event of " + thousands(m.entryCounted) +
                                " sessions (Wilson 95%; email visits left out)";
        const auto search = wilson(m.entrySearch, m.entryCounted);
        const auto list = wilson(m.entryList, m.entryCounted);
        const auto landing = wilson(m.entryLanding, m.entryCounted);
        c.parameters.push_back(
            measured("entry_search", "Sessions starting with a search", "share", search, src));
        c.parameters.push_back(
            measured("entry_list", "Sessions starting on a list page", "share", list, src));
        c.parameters.push_back(measured("entry_landing", "Sessions starting on a product page",
                                        "share", landing, src));
        const double total = std::max(1e-9, search.value + list.value + landing.value);
        c.searchEntryShare = search.value / total;
        c.landingEntryShare = landing.value / total;
    } else {
        c.searchEntryShare = 0.16;
        c.landingEntryShare = 0.12;
        const std::string why = "the logs carry no list or search events; the demo's mix";
        c.parameters.push_back(
            assumed("entry_search", "Sessions starting with a search", "share", 0.16, why));
        c.parameters.push_back(
            assumed("entry_list", "Sessions starting on a list page", "share", 0.72, why));
        c.parameters.push_back(
            assumed("entry_landing", "Sessions starting on a product page", "share", 0.12, why));
    }
    if (listImpressions > 0)
        c.parameters.push_back(
            measured("list_exploration", "Category pages shown in random order", "share",
                     wilson(shuffleImpressions, listImpressions),
                     "measured from " + thousands(listImpressions) +
                         " category-page impressions (lists marked #shuffle; Wilson 95%)"));
    else
        c.parameters.push_back(assumed("list_exploration", "Category pages shown in random order",
                                       "share", 0.0,
                                       "the logs carry no category-page impressions"));

    // Position bias.
    const PositionFit positions = fitPositions(m);
    if (positions.ok) {
        c.positionExponent = std::clamp(positions.exponent, 0.0, 3.0);
        c.parameters.push_back(measured(
            "position_exponent", "Position bias: examination = position^-b", "b",
            {positions.exponent, positions.low, positions.high},
            "measured from " + thousands(m.positionEvents) + " list impressions at " +
                std::to_string(positions.positions) + " positions" +
                (m.positionsFromShuffle
                     ? " on randomized pages (weighted least squares of log CTR on log position, "
                       "95%)"
                     : " (weighted least squares, 95%); no randomized pages: better products "
                       "sit higher, so the curve is steeper than pure examination")));
    } else {
        c.positionExponent = 0.7;
        c.parameters.push_back(assumed(
            "position_exponent", "Position bias: examination = position^-b", "b", 0.7,
            "the logs have too few list impressions with positions (30 impressions and 5 clicks "
            "at position 1 and two more positions); the demo world's curve"));
    }

    // Engagement and orders.
    std::vector<double> viewsPerSession;
    for (std::size_t s = 0; s + 1 < m.viewOffsets.size(); ++s)
        viewsPerSession.push_back(double(m.viewOffsets[s + 1] - m.viewOffsets[s]));
    c.parameters.push_back(measured("views_per_session", "Product views a session", "views",
                                    meanInterval(viewsPerSession),
                                    fromSessions + " (catalog products only; normal 95%)"));
    const std::string cartNote =
        m.cartsInferred ? "; no add_to_cart events: every purchased session counts as carted" : "";
    c.parameters.push_back(measured("add_to_cart_rate", "Sessions with an add-to-cart or order",
                                    "share", wilson(m.sessionsWithCart, m.sessions),
                                    fromSessions + " (Wilson 95%)" + cartNote));
    const std::int64_t cartsForRate = m.cartsInferred ? m.purchaseEvents : m.cartEvents;
    c.parameters.push_back(
        measured("view_to_cart_rate", "Add-to-carts per product view", "share",
                 wilson(std::min(cartsForRate, m.views), m.views),
                 "measured from " + thousands(m.views) + " product views (Wilson 95%)" + cartNote));
    c.parameters.push_back(measured("cart_to_purchase_rate", "Carted sessions that order", "share",
                                    wilson(m.cartSessionsPurchased, m.sessionsWithCart),
                                    "measured from " + thousands(m.sessionsWithCart) +
                                        " carted sessions (Wilson 95%)"));
    c.parameters.push_back(measured("conversion_rate", "Sessions with an order", "share",
                                    wilson(m.sessionsWithPurchase, m.sessions),
                                    fromSessions + " (Wilson 95%)"));
    const std::string fromOrders =
        "measured from " + thousands(std::int64_t(m.orderValues.size())) + " orders";
    c.parameters.push_back(measured("aov", "Average order value", "currency",
                                    meanInterval(m.orderValues),
                                    fromOrders + " (price x quantity; normal 95%)"));
    c.parameters.push_back(measured("items_per_order", "Units per order", "units",
                                    meanInterval(m.orderUnits),
                                    fromOrders + " (normal 95%); the world sells one unit per "
                                                 "carted product"));

    // Popularity of products.
    const int itemCount = int(products.size());
    const Interval top1 =
        sampledTopShare(m, itemCount, 0.01, m.sessions, params.bootstrapSamples, control.seed);
    const Interval top10 =
        sampledTopShare(m, itemCount, 0.10, m.sessions, params.bootstrapSamples, control.seed);
    const std::string fromViews = "measured from " + thousands(m.views) + " views of " +
                                  thousands(itemCount) + " products (bootstrap over sessions, 95%)";
    c.parameters.push_back(
        measured("top1_view_share", "Views on the top 1% of products", "share", top1, fromViews));
    c.parameters.push_back(measured("top10_view_share", "Views on the top 10% of products", "share",
                                    top10, fromViews));
    if (!control.report(0.1, "measuring the logs"))
        return Status::cancelled();

    // Products of the world.
    const double meanViews = double(m.views) / double(itemCount);
    const double storeCartRate =
        std::clamp(double(cartsForRate) / double(std::max<std::int64_t>(1, m.views)), 1e-4, 0.99);
    std::vector<double> eventPrice(std::size_t(itemCount), 0.0);
    std::vector<int> eventPriceCount(std::size_t(itemCount), 0);
    for (const Event& e : events) {
        if (e.price <= 0 || !(e.type == EventType::AddToCart || e.type == EventType::Purchase))
            continue;
        const auto found = index.find(e.productId);
        if (found == index.end())
            continue;
        eventPrice[std::size_t(found->second)] += e.price;
        ++eventPriceCount[std::size_t(found->second)];
    }
    std::vector<double> knownPrices;
    for (int i = 0; i < itemCount; ++i) {
        const double p = products[std::size_t(i)].price;
        if (p > 0)
            knownPrices.push_back(p);
        else if (eventPriceCount[std::size_t(i)] > 0)
            knownPrices.push_back(eventPrice[std::size_t(i)] / eventPriceCount[std::size_t(i)]);
    }
    std::sort(knownPrices.begin(), knownPrices.end());
    const double fallbackPrice =
        knownPrices.empty()
            ? std::max(1.0, c.value("aov") / std::max(1.0, c.value("items_per_order", 1)))
            : knownPrices[knownPrices.size() / 2];
    int pricesFilled = 0;
    const bool categoriesKnown =
        c.catalogKnown && std::any_of(products.begin(), products.end(),
                                      [](const Product& p) { return !p.category.empty(); });
    c.categoriesKnown = categoriesKnown;
    constexpr int kPageSize = 48;
    for (int i = 0; i < itemCount; ++i) {
        const Product& p = products[std::size_t(i)];
        CalibratedProduct cp;
        cp.id = p.id;
        cp.title = p.title.empty() ? p.id : p.title;
        if (categoriesKnown) {
            cp.category = p.category.empty() ? "(uncategorized)" : p.category;
            cp.subcategory = p.subcategory.empty() ? cp.category : p.subcategory;
        } else {
            cp.category = "(all items)";
            cp.subcategory = "page " + std::to_string(1 + i / kPageSize);
        }
        cp.price = p.price;
        if (cp.price <= 0 && eventPriceCount[std::size_t(i)] > 0)
            cp.price = eventPrice[std::size_t(i)] / eventPriceCount[std::size_t(i)];
        if (cp.price <= 0) {
            cp.price = fallbackPrice;
            ++pricesFilled;
        }
        cp.consumable = p.consumable;
        cp.views = m.itemViews[std::size_t(i)];
        cp.carts = m.itemCarts[std::size_t(i)];
        cp.purchases = m.itemPurchases[std::size_t(i)];
        cp.popularity = std::log((double(cp.views) + params.appealSmoothing) /
                                 (meanViews + params.appealSmoothing));
        if (params.appealSmoothing == 0 && cp.views == 0)
            cp.popularity = std::log(0.5 / std::max(0.5, meanViews));
        const double carts = double(m.cartsInferred ? cp.purchases : cp.carts);
        const double rate = (carts + params.cartSmoothing * storeCartRate) /
                            (double(cp.views) + params.cartSmoothing);
        cp.cartEffect = std::clamp(logit(std::min(rate, 0.99)) - logit(storeCartRate), -3.0, 3.0);
        cp.recentSales = m.itemRecentSales[std::size_t(i)];
        c.products.push_back(std::move(cp));
    }
    {
        // Taste directions from co-views (the world's latent space has 8 dimensions).
        constexpr int kMinCoViews = 3;
        const CoViewEmbedding embedding =
            coViewEmbedding(m, itemCount, 8, kMinCoViews, control.seed);
        for (int i = 0; i < itemCount; ++i)
            c.products[std::size_t(i)].taste = embedding.vectors[std::size_t(i)];
        c.parameters.push_back(measured(
            "taste_from_coviews", "Products placed by co-views", "share",
            wilson(embedding.embedded, itemCount),
            "measured from " + thousands(embedding.pairs) +
                " co-viewed product pairs: an 8-dimensional embedding of their positive "
                "pointwise mutual information (subspace iteration); products with fewer than " +
                std::to_string(kMinCoViews) +
                " co-views get a random direction around their list page's"));
    }
    if (pricesFilled > 0)
        c.warnings.push_back(thousands(pricesFilled) +
                             " products have no price in the catalog or the events: given the "
                             "median price " +
                             std::to_string(int(std::lround(fallbackPrice))));

    // Categories: their share of sessions (by the first product viewed) and how focused
    // shoppers are on them.
    std::map<std::string, int> categoryIndex;
    std::vector<int> itemCategory;
    for (const auto& cp : c.products) {
        auto [slot, added] = categoryIndex.try_emplace(cp.category, int(c.categories.size()));
        if (added)
            c.categories.push_back(cp.category);
        itemCategory.push_back(slot->second);
    }
    std::vector<double> entries(c.categories.size(), 0.5); // half a session of smoothing
    for (int item : m.sessionEntryItem)
        if (item >= 0)
            entries[std::size_t(itemCategory[std::size_t(item)])] += 1;
    const double entryTotal = std::accumulate(entries.begin(), entries.end(), 0.0);
    for (double e : entries)
        c.categoryShare.push_back(e / entryTotal);
    if (categoriesKnown) {
        const ConcentrationFit concentration = fitConcentration(
            m, itemCategory, c.categoryShare, params.bootstrapSamples, control.seed);
        if (concentration.ok) {
            c.categoryConcentration = concentration.value;
            char agreement[32];
            std::snprintf(agreement, sizeof agreement, "%.1f%%", 100 * concentration.agreement);
            c.parameters.push_back(measured(
                "category_concentration", "Shoppers' focus on categories (Dirichlet s)", "s",
                {concentration.value, concentration.low, concentration.high},
                "measured from " + thousands(concentration.pairs) +
                    " pairs of consecutive sessions of one visitor (" + agreement +
                    " enter the same category; bootstrap over visitors, 95%); low s: shoppers "
                    "stick to a category"));
        } else {
            c.parameters.push_back(assumed("category_concentration",
                                           "Shoppers' focus on categories (Dirichlet s)", "s", 2.0,
                                           "fewer than 30 repeat-visitor session pairs or one "
                                           "category; the demo world's value"));
        }
    } else {
        c.parameters.push_back(assumed(
            "category_concentration", "Shoppers' focus on categories (Dirichlet s)", "s", 2.0,
            "the products have no categories: one category holds every product, its list pages "
            "are pages of 48 products in the order the events first name them; prices are not "
            "compared (no peers)"));
        c.warnings.push_back("no categories: the world has one category; list pages are chunks "
                             "of 48 products, so category-page personalization is approximate");
    }

    // What no log here measures.
    c.assumptions = {
        "Shoppers' taste spread (8 latent dimensions, sd 0.45) is the demo world's; products' "
        "taste directions come from the co-view embedding at the demo's length (2.6), or, "
        "without co-views, 0.6 x a random list-page centroid + noise sd 0.7 as in the demo.",
        "Price sensitivity: log-normal(median 1, sigma 0.5) per shopper on log(price / list "
        "page median), as in the demo world.",
        "Checkout: carted shoppers reach checkout with sigmoid(-0.9 + 0.6 intent) and 70% of "
        "checkouts complete; the mean intent is tuned to the logged cart -> order rate.",
        "One unit per carted product; order value comes from the imported prices.",
        "Email behaviour, cart returns, devices (30% use two) and accounts (35%) are the demo "
        "world's; consumables (flagged in the catalog) last 30 days.",
        "Arrivals follow the demo's hour-of-day profile; traffic is flat at the fitted mean, "
        "shaped by the fitted weekday factors.",
        "Product appeal is appeal scale x log((views + s) / (mean views + s)); a product's "
        "add-to-cart pull is its smoothed view -> cart rate over the store's.",
    };
    for (const auto& p : c.parameters)
        if (p.kind == CalibratedValue::Kind::Assumed)
            c.assumptions.push_back(p.label + ": " + p.source);

    // Tune the intercepts so a baseline run reproduces the logs.
    TuningTargets targets;
    targets.sessionsPerDay = perDay.value;
    targets.viewsPerSession = c.value("views_per_session");
    targets.addToCartRate = c.value("add_to_cart_rate");
    targets.cartToPurchase = c.value("cart_to_purchase_rate");
    if (m.positionsFromShuffle)
        targets.randomCtr = topPositionsCtr(m, 30);
    const int tuningDays = std::min(params.tuningDays, m.days);
    {
        const auto early = firstDays(events, m.firstDay, tuningDays);
        const LogMeasures e = measureLogs(early, index, itemCount);
        targets.returningShare =
            e.sessions > 0 ? double(e.returning) / double(e.sessions) : c.value("returning_share");
    }
    if (auto status = tuneWorld(c, targets, m, params, control.scaled(0.1, 0.75)); !status)
        return status;
    const WorldTuning& t = c.tuning;
    const std::string tunedHow =
        "tuned: " + std::to_string(t.iterations) + " damped steps on " +
        std::to_string(tuningDays) + "-day simulated runs" +
        (t.converged ? " (every target within 2% or its logged interval)"
                     : " (not every target within 2% or its logged interval: see the "
                       "replay)");
    auto tuned = [&](std::string name, std::string label, std::string unit, double v,
                     std::string what) {
        c.parameters.push_back({std::move(name), std::move(label), std::move(unit), v, v, v,
                                CalibratedValue::Kind::Tuned, tunedHow + "; " + std::move(what)});
    };
    tuned("arrivals_per_day", "Browsing arrivals a day", "sessions", t.arrivalsPerDay,
          "matches sessions a day (return visits from carts and emails come on top)");
    tuned("returning_share_param", "Arrivals from returning shoppers", "share", t.returningShare,
          "matches the returning share the logs show over their first " +
              std::to_string(tuningDays) + " days");
    if (targets.randomCtr > 0)
        tuned("appeal_scale", "Appeal scale on log popularity", "x", t.appealScale,
              "matches product views a session, given the random pages' click rate");
    else if (m.sessions >= 1000)
        tuned("appeal_scale", "Appeal scale on log popularity", "x", t.appealScale,
              "matches the views on the top 10% of products");
    else
        c.parameters.push_back(assumed("appeal_scale", "Appeal scale on log popularity", "x",
                                       t.appealScale,
                                       "fewer than 1,000 sessions: the popularity spread is not "
                                       "tuned; the starting value"));
    tuned("click_shift", "List click intercept", "log-odds", t.clickShift,
          targets.randomCtr > 0 ? "matches the click rate at positions 1-3 of randomized pages"
                                : "matches product views a session");
    tuned("cart_shift", "Add-to-cart intercept", "log-odds", t.cartShift,
          "matches sessions with an add-to-cart");
    tuned("intent_mean", "Mean purchase intent", "log-odds", t.intentMean,
          "matches carted sessions that order");

    if (params.replay) {
        auto validation = replayWorld(c, m, events, params, control.scaled(0.75, 1.0));
        if (!validation)
            return validation.status();
        c.validation = std::move(validation).value();
    }
    control.report(1.0, "calibrated");
    return c;
}

Result<WorldCalibration> calibrateWorkspace(const Workspace& workspace,
                                            const CalibrationParams& params,
                                            const RunControl& control) {
    auto products = workspace.loadProducts();
    if (!products)
        return products.status();
    auto events = workspace.loadEvents();
    if (!events)
        return events.status();
    return calibrateWorld(*products, *events, params, control);
}

} // namespace merch
