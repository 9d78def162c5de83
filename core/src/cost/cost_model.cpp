#include "merch/cost_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "cost/cost_support.h"

namespace merch {

using cost::checkRange;
using cost::formatMoney;
using cost::kDaysPerMonth;
using cost::kHoursPerMonth;
using cost::kWeeksPerMonth;

const char* costPathKey(CostPath path) {
    switch (path) {
    case CostPath::Saas:
        return "saas";
    case CostPath::Hybrid:
        return "hybrid";
    case CostPath::Custom:
        return "custom";
    }
    return "?";
}

const char* costPathLabel(CostPath path) {
    switch (path) {
    case CostPath::Saas:
        return "Pure SaaS";
    case CostPath::Hybrid:
        return "Hybrid";
    case CostPath::Custom:
        return "Custom build";
    }
    return "?";
}

double StoreEconomics::averageOrderValue() const {
    return ordersPerMonth > 0 ? annualRevenue / 12.0 / ordersPerMonth : 0.0;
}

Status StoreEconomics::validate() const {
    for (const Status& status :
         {checkRange(annualRevenue, 0, 1e11, "store.annualRevenue"),
          checkRange(sessionsPerMonth, 0, 1e10, "store.sessionsPerMonth"),
          checkRange(ordersPerMonth, 0, 1e9, "store.ordersPerMonth"),
          checkRange(grossMargin, 0.01, 1, "store.grossMargin"),
          checkRange(catalogSize, 1, 1e7, "store.catalogSize"),
          checkRange(recImpressionsPerDay, 0, 1e10, "store.recImpressionsPerDay"),
          checkRange(searchRequestsPerMonth, 0, 1e10, "store.searchRequestsPerMonth"),
          checkRange(activeProfiles, 0, 1e9, "store.activeProfiles")}) {
        if (!status)
            return status;
    }
    return Status::ok();
}

Status LiftAssumption::validate() const {
    for (const Status& status :
         {checkRange(revenueLift, -0.5, 2, "lift.revenueLift"),
          checkRange(low, -0.5, revenueLift, "lift.low"),
          checkRange(high, revenueLift, 2, "lift.high"),
          checkRange(affectedRevenueShare, 0, 1, "lift.affectedRevenueShare")}) {
        if (!status)
            return status;
    }
    return Status::ok();
}

Status PathCosts::validate() const {
    for (const Status& status :
         {checkRange(buildPeople, 0, 50, "buildPeople"),
          checkRange(buildMonths, 0, 36, "buildMonths"), checkRange(runPeople, 0, 20, "runPeople"),
          checkRange(liftCapture, 0, 1.5, "liftCapture"), checkRange(rampWeeks, 0, 52, "rampWeeks"),
          checkRange(saasMonthlyFlat, 0, 1e7, "saasMonthlyFlat"),
          checkRange(saasMinimumMonthly, 0, 1e7, "saasMinimumMonthly"),
          checkRange(saasRevenueShare, 0, 0.5, "saasRevenueShare"),
          checkRange(saasPer1kSearches, 0, 100, "saasPer1kSearches"),
          checkRange(saasFreeSearches, 0, 1e9, "saasFreeSearches"),
          checkRange(saasPer1kRecords, 0, 100, "saasPer1kRecords"),
          checkRange(saasFreeRecords, 0, 1e9, "saasFreeRecords"), checkRange(vms, 0, 1000, "vms"),
          checkRange(cacheMonthly, 0, 1e6, "cacheMonthly"),
          checkRange(inferencePer1kImpressions, 0, 10, "inferencePer1kImpressions"),
          checkRange(cacheHitRate, 0, 0.99, "cacheHitRate"),
          checkRange(reembedsPerMonth, 0, 1000, "reembedsPerMonth")}) {
        if (!status)
            return status;
    }
    return Status::ok();
}

Status CostRates::validate() const {
    for (const Status& status :
         {checkRange(dayRate, 0, 1e5, "rates.dayRate"),
          checkRange(workDaysPerMonth, 1, 31, "rates.workDaysPerMonth"),
          checkRange(vmPerHour, 0, 100, "rates.vmPerHour"),
          checkRange(embeddingPer1MTokens, 0, 100, "rates.embeddingPer1MTokens"),
          checkRange(tokensPerProduct, 1, 1e5, "rates.tokensPerProduct"),
          checkRange(attributedRevenueShare, 0, 1, "rates.attributedRevenueShare"),
          checkRange(discountRate, 0, 1, "rates.discountRate"),
          checkRange(horizonWeeks, 13, 520, "rates.horizonWeeks")}) {
        if (!status)
            return status;
    }
    return Status::ok();
}

std::array<PathCosts, kCostPathCount> CostInputs::defaultPathCosts() {
    // Chosen so the default store lands inside the brief's year-one ranges (SaaS $15k-60k,
    // hybrid $40k-120k, custom $120k-300k) and times to value (2-6 weeks, 6-10 weeks, 3-6
    // months); every figure is editable and the costs are computed from them, not copied.
    PathCosts saas; // a personalization vendor plus hosted search, integrated by one engineer
    saas.buildPeople = 1.0;
    saas.buildMonths = 0.75;
    saas.runPeople = 0.1;
    saas.liftCapture = 0.7; // generic models tuned for many stores: an assumption, editable
    saas.rampWeeks = 2;
    saas.saasMinimumMonthly = 99;  // Nosto's legacy minimum
    saas.saasRevenueShare = 0.02;  // illustrative share of attributed revenue
    saas.saasPer1kSearches = 0.50; // Algolia Grow
    saas.saasFreeSearches = 10'000;
    saas.saasPer1kRecords = 0.40;
    saas.saasFreeRecords = 100'000;

    PathCosts hybrid; // hosted search bought; ranking and recommendations built on own VMs
    hybrid.buildPeople = 1.5;
    hybrid.buildMonths = 2.0;
    hybrid.runPeople = 0.25;
    hybrid.liftCapture = 0.9;
    hybrid.rampWeeks = 4;
    hybrid.saasPer1kSearches = 0.50;
    hybrid.saasFreeSearches = 10'000;
    hybrid.saasPer1kRecords = 0.40;
    hybrid.saasFreeRecords = 100'000;
    hybrid.vms = 2;
    hybrid.cacheMonthly = 91;
    hybrid.inferencePer1kImpressions = 0.01;
    hybrid.reembedsPerMonth = 4;

    PathCosts custom; // everything built and run in-house
    custom.buildPeople = 2.5;
    custom.buildMonths = 4.0;
    custom.runPeople = 0.5;
    custom.liftCapture = 1.0;
    custom.rampWeeks = 4;
    custom.vms = 4;
    custom.cacheMonthly = 91;
    custom.inferencePer1kImpressions = 0.01;
    custom.reembedsPerMonth = 4;
    return {saas, hybrid, custom};
}

Status CostInputs::validate() const {
    for (const Status& status : {store.validate(), lift.validate(), rates.validate()}) {
        if (!status)
            return status;
    }
    for (CostPath p : allCostPaths()) {
        if (auto status = path(p).validate(); !status)
            return Status::invalidArgument(std::string("paths.") + costPathKey(p) + "." +
                                           status.message());
    }
    return Status::ok();
}

CostPath briefRulePath(double annualRevenue) {
    if (annualRevenue < 5e6)
        return CostPath::Saas;
    if (annualRevenue <= 25e6)
        return CostPath::Hybrid;
    return CostPath::Custom;
}

namespace {

// The path's bill a month once live, by kind.
struct MonthlyRun {
    double people = 0;
    double saas = 0;
    double infrastructure = 0;
    double total() const { return people + saas + infrastructure; }
};

MonthlyRun monthlyRun(const CostInputs& inputs, const PathCosts& path) {
    const StoreEconomics& store = inputs.store;
    const CostRates& rates = inputs.rates;
    MonthlyRun run;
    run.people = path.runPeople * rates.workDaysPerMonth * rates.dayRate;

    const double attributedMonthly = store.annualRevenue / 12.0 * rates.attributedRevenueShare;
    const double searches = std::max(0.0, store.searchRequestsPerMonth - path.saasFreeSearches);
    const double records = std::max(0.0, store.catalogSize - path.saasFreeRecords);
    const double usage = path.saasMonthlyFlat + path.saasRevenueShare * attributedMonthly +
                         searches / 1000.0 * path.saasPer1kSearches +
                         records / 1000.0 * path.saasPer1kRecords;
    run.saas = std::max(path.saasMinimumMonthly, usage);

    const double impressions = store.recImpressionsPerDay * kDaysPerMonth;
    const double tokens = path.reembedsPerMonth * store.catalogSize * rates.tokensPerProduct;
    run.infrastructure =
        path.vms * rates.vmPerHour * kHoursPerMonth + path.cacheMonthly +
        impressions / 1000.0 * path.inferencePer1kImpressions * (1.0 - path.cacheHitRate) +
        tokens / 1e6 * rates.embeddingPer1MTokens;
    return run;
}

// Length of [a, b] inside [lo, hi].
double overlap(double a, double b, double lo, double hi) {
    return std::max(0.0, std::min(b, hi) - std::max(a, lo));
}

} // namespace

PathResult cost::projectPath(const CostInputs& inputs, CostPath which) {
    const PathCosts& path = inputs.path(which);
    const CostRates& rates = inputs.rates;
    PathResult result;
    result.path = which;
    result.timeToValueWeeks = path.buildMonths * kWeeksPerMonth;
    const double launch = result.timeToValueWeeks;
    const double buildTotal =
        path.buildPeople * path.buildMonths * rates.workDaysPerMonth * rates.dayRate;
    const MonthlyRun run = monthlyRun(inputs, path);
    result.monthlyRunCost = run.total();
    const double weeklyRevenue = inputs.store.annualRevenue / 52.0;
    result.weeklyProfitAtFull = weeklyRevenue * inputs.lift.affectedRevenueShare *
                                inputs.lift.revenueLift * path.liftCapture *
                                inputs.store.grossMargin;

    const int weeks = rates.horizonWeeks;
    result.cumulativeCost.resize(static_cast<std::size_t>(weeks));
    result.cumulativeProfit.resize(static_cast<std::size_t>(weeks));
    double cost = 0, profit = 0, npv = 0;
    const double weeklyDiscount = std::pow(1.0 + rates.discountRate, 1.0 / 52.0);
    double discount = 1.0;
    for (int w = 1; w <= weeks; ++w) {
        discount /= weeklyDiscount;
        const double from = w - 1, to = w;
        const double buildShare =
            launch > 0 ? overlap(from, to, 0, launch) / launch : (w == 1 ? 1.0 : 0.0);
        const double live = overlap(from, to, launch, 1e18);
        const double buildCost = buildTotal * buildShare;
        const double peopleCost = run.people / kWeeksPerMonth * live;
        const double saasCost = run.saas / kWeeksPerMonth * live;
        const double infraCost = run.infrastructure / kWeeksPerMonth * live;
        const double weekCost = buildCost + peopleCost + saasCost + infraCost;
        const double weekProfit =
            result.weeklyProfitAtFull * cost::rampIntegral(from, to, launch, path.rampWeeks);
        if (w <= 52) {
            result.year1.buildPeople += buildCost;
            result.year1.runPeople += peopleCost;
            result.year1.saasFees += saasCost;
            result.year1.infrastructure += infraCost;
        }
        cost += weekCost;
        profit += weekProfit;
        npv += (weekProfit - weekCost) * discount;
        result.cumulativeCost[static_cast<std::size_t>(w - 1)] = cost;
        result.cumulativeProfit[static_cast<std::size_t>(w - 1)] = profit;
        if (result.paybackWeek < 0 && profit > 0 && profit >= cost)
            result.paybackWeek = w;
    }
    result.npv = npv;
    result.roi = cost > 0 ? (profit - cost) / cost : 0.0;
    return result;
}

namespace {

std::string paybackText(const PathResult& path, int horizonWeeks) {
    if (path.paybackWeek < 0)
        return "does not pay back within " + std::to_string(horizonWeeks) + " weeks";
    return "pays back in week " + std::to_string(path.paybackWeek);
}

std::vector<std::string> explain(const CostResult& result) {
    const CostInputs& in = result.inputs;
    const PathResult& best = result.path(result.recommended);
    const int horizon = in.rates.horizonWeeks;
    std::vector<std::string> reasons;
    char line[512];
    if (best.npv <= 0) {
        std::snprintf(line, sizeof line,
                      "No path pays for itself over %d weeks at a %.1f%% lift (%s): the least "
                      "costly is %s, with an NPV of %s.",
                      horizon, in.lift.revenueLift * 100, in.lift.source.c_str(),
                      costPathLabel(result.recommended), formatMoney(best.npv).c_str());
        reasons.push_back(line);
    } else {
        std::snprintf(line, sizeof line,
                      "%s has the highest %d-week NPV (%s); it costs %s in year one and %s.",
                      costPathLabel(result.recommended), horizon, formatMoney(best.npv).c_str(),
                      formatMoney(best.year1.total()).c_str(), paybackText(best, horizon).c_str());
        reasons.push_back(line);
    }
    // A faster payback elsewhere is worth saying.
    for (CostPath p : allCostPaths()) {
        const PathResult& other = result.path(p);
        if (p == result.recommended || other.paybackWeek < 0)
            continue;
        if (best.paybackWeek < 0 || other.paybackWeek < best.paybackWeek) {
            std::snprintf(line, sizeof line,
                          "%s pays back sooner (week %d) but ends %s behind over %d weeks: it "
                          "captures %.0f%% of the lift against %.0f%%.",
                          costPathLabel(p), other.paybackWeek,
                          formatMoney(best.npv - other.npv).c_str(), horizon,
                          in.path(p).liftCapture * 100,
                          in.path(result.recommended).liftCapture * 100);
            reasons.push_back(line);
        }
    }
    const CostPath rule = briefRulePath(in.store.annualRevenue);
    if (rule == result.recommended) {
        std::snprintf(line, sizeof line,
                      "This agrees with the brief's rule of thumb for %s ARR (SaaS under $5M, "
                      "hybrid $5M-25M, custom above $25M).",
                      formatMoney(in.store.annualRevenue).c_str());
    } else {
        std::snprintf(line, sizeof line,
                      "The brief's rule of thumb suggests %s for %s ARR; the numbers here "
                      "disagree: %s's NPV is %s against %s's %s.",
                      costPathLabel(rule), formatMoney(in.store.annualRevenue).c_str(),
                      costPathLabel(result.recommended), formatMoney(best.npv).c_str(),
                      costPathLabel(rule), formatMoney(result.path(rule).npv).c_str());
    }
    reasons.push_back(line);
    if (in.lift.revenueLift < 0.05) {
        std::snprintf(line, sizeof line,
                      "The lift is under 5%% (%.1f%%): the brief's advice is to fix the data "
                      "first (see the Audit page) before paying for any path.",
                      in.lift.revenueLift * 100);
        reasons.push_back(line);
    }
    return reasons;
}

} // namespace

Result<CostResult> computeCosts(const CostInputs& inputs) {
    if (auto status = inputs.validate(); !status)
        return status;
    CostResult result;
    result.inputs = inputs;
    for (CostPath p : allCostPaths())
        result.paths[static_cast<std::size_t>(p)] = cost::projectPath(inputs, p);
    const auto best =
        std::max_element(result.paths.begin(), result.paths.end(),
                         [](const PathResult& a, const PathResult& b) { return a.npv < b.npv; });
    result.recommended = best->path;
    result.reasons = explain(result);
    return result;
}

} // namespace merch
