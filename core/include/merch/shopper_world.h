// ShopperWorld: a generative model of a store's products and shoppers with known ground truth.
//
// The world writes the logged data a store would export (products with deliberate defects,
// events under the baseline policy) and keeps the truth to itself: latent preferences, price
// sensitivity, position bias, consumption cycles and email response. It answers counterfactuals
// by replaying the same shoppers, with the same random draws, under another list policy.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "merch/event.h"
#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

struct WorldCalibration; // merch/world_calibration.h

struct WorldParams {
    int products = 2000;                 // catalog size; valid 50..200000
    int days = 90;                       // days of traffic to simulate; valid 1..730
    double sessionsPerDay = 620.0;       // mean browsing sessions a day; valid 1..200000
    std::int64_t startTime = 1767571200; // unix seconds of day 1, 00:00 UTC (2026-01-05, a Monday)
    double catalogDefectRate = 0.2;      // share of products given a deliberate data defect; 0..1
    double listExploration = 0.10;       // share of category pages shown in random order (the
                                         // store's "shuffle" slot); 0..1
    double returningShare = 0.45;        // share of sessions from shoppers seen before; 0..0.95

    Status validate() const; // names the first field out of range
};

// What a list page is being ordered for. Indexes are into ShopperWorld::products().
struct ListContext {
    int day = 0;                         // 0-based simulation day
    int shopper = -1;                    // world-internal shopper index (truth; oracles only)
    std::span<const int> recentProducts; // the visitor's last viewed or carted products,
                                         // most recent last (at most 7)
    std::string listName;                // "category:Hoodies" or "search"
    std::span<const double> popularity;  // units sold per product over the trailing 14 days
                                         // (what the store's best-seller sort uses)
};

// Orders the candidate products of one list page. Must be deterministic for the same input.
class ListPolicy {
public:
    virtual ~ListPolicy() = default;
    virtual std::string name() const = 0;
    // `candidates` arrives in catalog order; reorder it in place.
    virtual void order(const ListContext& context, std::vector<int>& candidates) const = 0;
};

// What a search is being answered for. Indexes are into ShopperWorld::products().
struct SearchContext {
    int day = 0;                         // 0-based simulation day
    int shopper = -1;                    // world-internal shopper index (truth; oracles and
                                         // A/B splits only)
    std::string_view query;              // as the shopper typed it (typos and synonyms included)
    std::span<const int> recentProducts; // the visitor's last viewed or carted products
    std::span<const double> popularity;  // units sold per product over the trailing 14 days
};

// Answers the world's searches: the ordered result list (best first; the shopper sees the
// first 24). Must be deterministic for the same input; may be called from several runs at
// once (one thread per run).
class SearchPolicy {
public:
    virtual ~SearchPolicy() = default;
    virtual std::string name() const = 0;
    // `results` arrives empty.
    virtual void search(const SearchContext& context, std::vector<int>& results) const = 0;
};

// What a product page's recommendation block is filled for.
struct RecommendationContext {
    int day = 0;
    int shopper = -1;                    // truth; oracles and A/B splits only
    int product = 0;                     // the product being viewed
    std::span<const int> recentProducts; // the visitor's recent products, the viewed one last
    std::span<const double> popularity;  // units sold per product over the trailing 14 days
};

// Fills the "you may also like" block of product pages. Must be deterministic for the same
// input; may be called from several runs at once (one thread per run).
class RecommendationPolicy {
public:
    virtual ~RecommendationPolicy() = default;
    virtual std::string name() const = 0;
    // `items` arrives empty; at most the first kRecommendationBlockSize are shown.
    virtual void recommend(const RecommendationContext& context, std::vector<int>& items) const = 0;
};
inline constexpr int kRecommendationBlockSize = 8; // items a product page's block shows

// What the store can see when a cart is abandoned, to plan its cart emails.
struct CartAbandonment {
    int day = 0;                // 0-based simulation day of the abandonment
    std::int64_t time = 0;      // unix seconds of the abandonment
    std::string customerId;     // the store's customer id (set when it knows the shopper)
    std::string visitorId;      // the device the cart was left on
    bool identified = false;    // the store has an email address for the shopper
    bool unsubscribed = false;  // the shopper left the store's mailing list
    std::span<const int> items; // carted products (indexes into ShopperWorld::products())
    double cartValue = 0;       // sum of the carted products' prices
    int messagesLast30Days = 0; // emails the store sent this shopper in the last 30 days
    int shopper = -1;           // world-internal shopper index (truth; oracles only)
};

// What the store can see when a consumable is bought, to plan replenishment reminders.
struct ConsumableOrder {
    int day = 0;
    std::int64_t time = 0; // unix seconds of the order
    std::string customerId;
    bool identified = false;
    bool unsubscribed = false;
    int product = 0; // index into ShopperWorld::products()
    int messagesLast30Days = 0;
    int shopper = -1;            // truth; oracles only
    std::int64_t trueRunOut = 0; // unix seconds the shopper truly runs out (truth; oracles only)
};

// A planned reminder that falls due: the store can still check its own orders before sending.
struct ReminderDue {
    int day = 0;
    std::int64_t time = 0;      // now
    std::int64_t orderTime = 0; // the order the reminder refers to
    std::string customerId;
    int product = 0;
    bool reorderedSince = false; // the store recorded an order of the product since orderTime
    int messagesLast30Days = 0;
    int shopper = -1; // truth; oracles only
};

// Decides the store's triggered emails: cart emails after an abandonment and replenishment
// reminders after a consumable order. Must be deterministic for the same input; the world
// calls it from one thread. Emails to shoppers without an address or who unsubscribed are
// never delivered, whatever the plan.
class MessagingPolicy {
public:
    virtual ~MessagingPolicy() = default;
    virtual std::string name() const = 0;
    // Seconds after the abandonment at which to send cart emails, ascending; empty: none.
    // An email is not sent once the cart was bought or replaced by a newer one.
    virtual std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const = 0;
    // Seconds after the order at which to send replenishment reminders; empty: none.
    virtual std::vector<std::int64_t> reminderDelays(const ConsumableOrder& order) const = 0;
    // Asked when a planned reminder falls due; false skips it. The baseline always sends.
    virtual bool sendReminder(const ReminderDue& due) const {
        (void)due;
        return true;
    }
};

// The truth about triggered messaging over a run (counted whatever the policy).
struct MessagingOutcome {
    std::int64_t cartsAbandoned = 0;          // sessions that ended with an unbought cart
    std::int64_t cartsAbandonedEmailable = 0; // of those, by shoppers the store can email
    std::int64_t cartsRecovered = 0;          // abandoned carts bought on a later return visit
    std::int64_t cartsRecoveredEmailable = 0; // of those, carts of emailable shoppers
    std::int64_t cartsRecoveredByEmail = 0;   // bought on a visit that came from a cart email
    double recoveredRevenue = 0;              // revenue of the recovered carts
    std::int64_t consumableOrders = 0;        // consumable units bought
    std::int64_t reorders = 0;                // consumable units bought again by a past buyer
    std::int64_t remindedReorders = 0;        // of those, on a visit from a reminder
    double reorderRevenue = 0;
    std::int64_t cartEmails = 0;     // cart emails delivered
    std::int64_t reminderEmails = 0; // replenishment reminders delivered
    std::int64_t emailClicks = 0;
    std::int64_t unsubscribes = 0; // shoppers who left the mailing list

    void add(const MessagingOutcome& other);
};

// What the world's shoppers truly did over a run: the ground truth a lift estimate is judged by.
struct WorldOutcome {
    std::int64_t sessions = 0;
    std::int64_t sessionsWithAddToCart = 0;
    std::int64_t sessionsWithPurchase = 0;
    std::int64_t orders = 0;
    double revenue = 0.0;
    std::int64_t events = 0; // events logged (0 when no sink was given)
    // Search: visits that typed at least one search, and what they came to.
    std::int64_t sessionsWithSearch = 0;
    std::int64_t searchSessionsWithPurchase = 0;
    double searchSessionRevenue = 0.0;
    std::int64_t searches = 0;               // searches typed
    std::int64_t searchesWithoutResults = 0; // of those, answered with an empty list
    // Product pages' recommendation block (0 when the run had no RecommendationPolicy).
    std::int64_t recommendationBlocks = 0; // blocks shown
    std::int64_t recommendationClicks = 0; // products opened from a block
    MessagingOutcome messaging;            // emails and their consequences over the whole run
    // The same per 0-based day: carts by the day they were abandoned (so a recovery counts on
    // its abandonment day), orders, emails and unsubscribes by the day they happened.
    std::vector<MessagingOutcome> messagingByDay;

    double addToCartRate() const {
        return sessions ? double(sessionsWithAddToCart) / double(sessions) : 0;
    }
    double conversionRate() const {
        return sessions ? double(sessionsWithPurchase) / double(sessions) : 0;
    }
    double revenuePerSession() const { return sessions ? revenue / double(sessions) : 0; }
    double searchConversionRate() const {
        return sessionsWithSearch ? double(searchSessionsWithPurchase) / double(sessionsWithSearch)
                                  : 0;
    }
    double revenuePerSearchSession() const {
        return sessionsWithSearch ? searchSessionRevenue / double(sessionsWithSearch) : 0;
    }
};

// Receives logged events in time order, per day.
using EventSink = std::function<Status(const Event&)>;

// What one visit truly came to: the unit an A/B simulation aggregates per shopper.
struct VisitOutcome {
    int shopper = 0; // world-internal shopper index (the randomisation unit)
    int day = 0;     // 0-based simulation day
    bool carted = false;
    bool purchased = false;
    double revenue = 0.0;
    bool searched = false; // typed at least one search
};
using VisitObserver = std::function<void(const VisitOutcome&)>;

// The store's policies for one run. Null members take the store's baseline: best-seller
// category pages, native keyword search, fixed 1/24/72 h cart emails and 21-day reminders, and
// no recommendation block on product pages (the demo store's logs).
struct WorldPolicies {
    const ListPolicy* list = nullptr;
    const MessagingPolicy* messaging = nullptr;
    const SearchPolicy* search = nullptr;
    const RecommendationPolicy* recommendations = nullptr;
};

// A run paused at the start of a day: everything the world remembers (shoppers' state, carts,
// sales, scheduled emails and visits, the arrival stream). Continuing it under any policies
// gives exactly what an unpaused run would from that day on, so runs that share their first
// days (the history before an A/B test) simulate them once.
class WorldSnapshot {
public:
    ~WorldSnapshot();
    int day() const;                     // the 0-based day the continuation starts with
    const WorldOutcome& outcome() const; // totals of the days simulated so far
    struct Impl;
    explicit WorldSnapshot(std::unique_ptr<Impl> impl);

private:
    friend class ShopperWorld;
    std::unique_ptr<Impl> m_impl;
};

class ShopperWorld {
public:
    // Builds products and the shopper population. Deterministic in (params, seed).
    static Result<std::shared_ptr<const ShopperWorld>> create(const WorldParams& params,
                                                              std::uint64_t seed);
    // A world fitted to an imported store (merch/world_calibration.h): its catalog, traffic
    // shape, position bias, popularity and tuned intercepts. From params only days,
    // sessionsPerDay (arrivals) and startTime are used. Deterministic in (inputs, seed).
    static Result<std::shared_ptr<const ShopperWorld>>
    createCalibrated(const WorldCalibration& calibration, const WorldParams& params,
                     std::uint64_t seed);
    ~ShopperWorld();

    const WorldParams& params() const;
    std::uint64_t seed() const;

    // The catalog as the store exports it: true attributes with the deliberate defects applied.
    const std::vector<Product>& products() const;
    // Products whose exported row carries a deliberate defect, with what was done to it.
    struct Defect {
        int product = 0;
        std::string kind; // "missing_color", "thin_description", "inconsistent_tags", ...
    };
    const std::vector<Defect>& defects() const;

    // Runs params().days of traffic under `policy` for category pages (search results keep the
    // store's native keyword search ordered by best-seller). Same seed and policy give the same
    // outcome; two policies see the same arrivals and the same random draws per session, so
    // their difference is the policy's true effect. `sink` receives the logged events (may be
    // empty). Emails follow the baseline 1/24/72 h cart schedule and fixed replenishment
    // reminders.
    Result<WorldOutcome> run(const ListPolicy& policy, const EventSink& sink,
                             const RunControl& control) const;
    // The same, also reporting every browsing or return visit's outcome to `observer`.
    Result<WorldOutcome> run(const ListPolicy& policy, const EventSink& sink,
                             const VisitObserver& observer, const RunControl& control) const;
    // The same with the store's triggered emails decided by `messaging` (the overloads above
    // use baselineMessagingPolicy()). Two messaging policies see the same arrivals and the same
    // draws per browsing session.
    Result<WorldOutcome> run(const ListPolicy& policy, const MessagingPolicy& messaging,
                             const EventSink& sink, const VisitObserver& observer,
                             const RunControl& control) const;

    // The general form: every hook set by `policies` (null members: the baseline). When
    // `from` is given the run continues that snapshot (taken from this world) instead of
    // starting on day 0; the outcome then counts the snapshot's days too, and the observer and
    // sink see only the continued days. When `pauseAt` is in 1..days-1 the run stops at the
    // start of that day and `*pausedAt` receives the snapshot (the outcome so far is returned).
    Result<WorldOutcome> run(const WorldPolicies& policies, const EventSink& sink,
                             const VisitObserver& observer, const RunControl& control,
                             const WorldSnapshot* from = nullptr, int pauseAt = 0,
                             std::shared_ptr<const WorldSnapshot>* pausedAt = nullptr) const;

    // The baseline the demo store was logged under: best-sellers of the trailing 14 days.
    std::unique_ptr<ListPolicy> baselinePolicy() const;
    // Orders by each shopper's true utility: an upper bound no learned model can beat.
    std::unique_ptr<ListPolicy> oraclePolicy() const;
    // The demo store's emails: cart emails at a fixed 1, 24 and 72 h to shoppers it can email,
    // and one replenishment reminder a fixed 21 days after every consumable order.
    std::unique_ptr<MessagingPolicy> baselineMessagingPolicy() const;
    // Knows the truth: three cart emails around each shopper's most receptive delay d (d/3, d,
    // 3d; the predictive policy's default shape with the true delay) and one reminder two days
    // before the true run-out, skipped once reordered. A check, not a store policy.
    std::unique_ptr<MessagingPolicy> oracleMessagingPolicy() const;
    // Days a typical shopper takes to use up one unit of product (0: not a consumable). Truth,
    // for checks and oracles.
    double trueCycleDays(int product) const;

    // The store's built-in search (every query word in the exported row, plurals allowed,
    // best-sellers first): what the demo store's shoppers were logged with.
    std::unique_ptr<SearchPolicy> nativeSearchPolicy() const;
    // A product page block of the viewed product's subcategory (as exported; its category when
    // the subcategory is missing) by trailing best-sellers, the viewed product left out: the
    // control of a recommendations test.
    std::unique_ptr<RecommendationPolicy> bestSellerRecommendationPolicy() const;

    // Ground truth for checks: probability that a shopper examines list position p (1-based).
    double examinationProbability(int position) const;
    // The same for position p of a product page's recommendation block (below the fold).
    double recommendationExaminationProbability(int position) const;

    struct Impl;

private:
    explicit ShopperWorld(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace merch
