// CostModel: what pure SaaS, hybrid and a custom build cost, and when each pays back from the
// honest lift (the clean test's, not a vendor's).
//
// Every cost is computed from inputs the user can see and edit: people (day rate x people x
// months, the line that dominates a build), SaaS fees (flat tier, share of vendor-attributed
// revenue, per 1k search requests and records) and infrastructure (VMs, cache, inference per 1k
// impressions, embeddings). The benefit is the store's weekly gross profit times the lift the
// path captures, from the week the path goes live. Weeks are 7 days; a month is 52/12 weeks.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "merch/status.h"

namespace merch {

enum class CostPath { Saas, Hybrid, Custom };
inline constexpr int kCostPathCount = 3;
inline constexpr std::array<CostPath, kCostPathCount> allCostPaths() {
    return {CostPath::Saas, CostPath::Hybrid, CostPath::Custom};
}
const char* costPathKey(CostPath path);   // "saas", "hybrid", "custom"
const char* costPathLabel(CostPath path); // "Pure SaaS", "Hybrid", "Custom build"

// The store a path is priced for (from the workspace, editable).
struct StoreEconomics {
    double annualRevenue = 10'000'000;       // $ a year (ARR); 0..1e11
    double sessionsPerMonth = 500'000;       // browsing sessions a month; 0..1e10
    double ordersPerMonth = 12'500;          // orders a month; 0..1e9
    double grossMargin = 0.45;               // share of revenue kept after goods; 0.01..1
    double catalogSize = 2'000;              // SKUs; 1..1e7
    double recImpressionsPerDay = 500'000;   // recommendation blocks served a day; 0..1e10
    double searchRequestsPerMonth = 150'000; // 0..1e10
    double activeProfiles = 40'000;          // emailable customer profiles; 0..1e9

    double averageOrderValue() const; // revenue / orders, 0 without orders
    Status validate() const;
};

// The lift a path's models would bring, and how sure we are of it.
struct LiftAssumption {
    double revenueLift = 0.05; // relative lift in revenue on the pages it touches; -0.5..2
    double low = 0.02;         // plausible range for the uncertainty analysis; low <= lift <= high
    double high = 0.10;
    double affectedRevenueShare = 1.0; // share of revenue on pages the models touch; 0..1
    std::string source = "entered";    // where revenueLift came from, shown beside it

    Status validate() const;
};

// One path's people, fees and infrastructure. Defaults differ per path (defaultPathCosts).
struct PathCosts {
    // People: the prominent inputs, since engineering time dominates a build.
    double buildPeople = 1.0; // full-time people while building or integrating; 0..50
    double buildMonths = 1.0; // months from start to first value; 0..36
    double runPeople = 0.1;   // full-time people keeping it running after launch; 0..20
    double liftCapture = 1.0; // share of the simulated lift this path realises; 0..1.5
    double rampWeeks = 4;     // weeks from launch to the full effect (linear ramp); 0..52
    // SaaS fees (0 when the path buys nothing).
    double saasMonthlyFlat = 0;    // $ a month for a plan tier; 0..1e7
    double saasMinimumMonthly = 0; // $ a month floor on the SaaS bill; 0..1e7
    double saasRevenueShare = 0;   // share of vendor-attributed revenue; 0..0.5
    double saasPer1kSearches = 0;  // $ per 1k search requests; 0..100
    double saasFreeSearches = 0;   // search requests a month included free; 0..1e9
    double saasPer1kRecords = 0;   // $ per 1k catalog records a month; 0..100
    double saasFreeRecords = 0;    // records included free; 0..1e9
    // Infrastructure (0 when the vendor runs it).
    double vms = 0;                       // always-on general-purpose VMs; 0..1000
    double cacheMonthly = 0;              // $ a month for a managed cache; 0..1e6
    double inferencePer1kImpressions = 0; // $ compute per 1k recommendation blocks served; 0..10
    double cacheHitRate = 0;              // share of impressions served from cache; 0..0.99
    double reembedsPerMonth = 0;          // full catalog re-embeddings a month; 0..1000

    Status validate() const;
};

// Prices and rates shared by the paths (defaults: published price points, see price_points.h).
struct CostRates {
    double dayRate = 800;         // $ per person-day (blended engineer/data scientist); 0..1e5
    double workDaysPerMonth = 21; // 1..31
    double vmPerHour = 0.08;      // $ per VM-hour; 0..100
    double embeddingPer1MTokens = 0.02;   // $ per 1M tokens embedded; 0..100
    double tokensPerProduct = 150;        // title + description tokens per product; 1..1e5
    double attributedRevenueShare = 0.10; // share of revenue a vendor dashboard attributes to
                                          // itself (the base of a revenue-share fee); 0..1
    double discountRate = 0.10;           // annual discount rate for NPV; 0..1
    int horizonWeeks = 156;               // weeks charted and discounted (3 years); 13..520

    Status validate() const;
};

struct CostInputs {
    StoreEconomics store;
    LiftAssumption lift;
    CostRates rates;
    std::array<PathCosts, kCostPathCount> paths = defaultPathCosts();

    static std::array<PathCosts, kCostPathCount> defaultPathCosts();
    PathCosts& path(CostPath p) { return paths[static_cast<std::size_t>(p)]; }
    const PathCosts& path(CostPath p) const { return paths[static_cast<std::size_t>(p)]; }
    Status validate() const; // names the first bad field, e.g. "paths.hybrid.buildMonths"
};

// Year-one cost split by kind (the stacked bars).
struct CostBreakdown {
    double buildPeople = 0;
    double runPeople = 0;
    double saasFees = 0;
    double infrastructure = 0;
    double total() const { return buildPeople + runPeople + saasFees + infrastructure; }
};

struct PathResult {
    CostPath path = CostPath::Saas;
    CostBreakdown year1;                  // weeks 1..52
    double monthlyRunCost = 0;            // $ a month once live: run people + fees + infrastructure
    double timeToValueWeeks = 0;          // build months in weeks
    double weeklyProfitAtFull = 0;        // incremental gross profit a week at the full effect
    std::vector<double> cumulativeCost;   // $ at the end of each week, horizonWeeks entries
    std::vector<double> cumulativeProfit; // incremental gross profit, same weeks
    int paybackWeek = -1; // first week (1-based) cumulative profit >= cost; -1 not in horizon
    double npv = 0;       // discounted profit minus cost over the horizon
    double roi = 0;       // (profit - cost) / cost over the horizon
};

struct CostResult {
    CostInputs inputs;
    std::array<PathResult, kCostPathCount> paths;
    CostPath recommended = CostPath::Saas;
    std::vector<std::string> reasons; // why recommended, including where the brief's rule of
                                      // thumb disagrees and why
    const PathResult& path(CostPath p) const { return paths[static_cast<std::size_t>(p)]; }
};

// Pure and fast (microseconds): the Costs page recomputes on every edit.
Result<CostResult> computeCosts(const CostInputs& inputs);

// The brief's rule of thumb: SaaS under $5M ARR, hybrid $5M-25M, custom above $25M.
CostPath briefRulePath(double annualRevenue);

} // namespace merch
