// merchsim-cli cost: build vs buy vs hybrid for a store: year-one cost, payback, NPV with
// Monte Carlo ranges, the tornado, the recommendation cache's TTL curve, and which use case
// to start with.
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/cost_scenario.h"
#include "merch/cost_uncertainty.h"
#include "merch/price_points.h"
#include "merch/simulated_lift.h"
#include "merch/store_cost_profile.h"
#include "merch/use_case_priority.h"
#include "merch/workspace.h"

namespace merch::cli {

CommandSpec costSpec() {
    return {"cost",
            "Prices pure SaaS, hybrid and a custom build for the store: year-one cost, payback "
            "week and 3-year NPV with P10/P90 ranges, the recommended path and first use case.",
            {{"workspace", "FILE", "the store whose traffic and revenue are priced", true},
             {"scenario", "NAME",
              "start from this saved scenario (with --save: the name to save under)"},
             {"lift", "X",
              "relative revenue lift, e.g. 0.05; or `simulate` to run the Lift simulator's "
              "ranking test (and its messaging test, for the use cases) on a demo store "
              "(default: the scenario's, else 0.05 entered)"},
             {"traffic-scale", "X",
              "the workspace holds 1/X of the store's traffic, 1..1e6 (default 1)"},
             {"draws", "N", "Monte Carlo draws, 100..200000 (default 2000)"},
             {"seed", "S", "Monte Carlo seed (default 42)"},
             {"save", "", "save the inputs used as the --scenario NAME in the workspace"},
             {"json", "", "print JSON"}},
            ""};
}

namespace {

using nlohmann::ordered_json;

ordered_json paybackJson(int week) {
    return week < 0 ? ordered_json(nullptr) : ordered_json(week);
}

ordered_json pathsJson(const CostResult& costs, const UncertaintyResult& uncertainty) {
    ordered_json paths = ordered_json::array();
    for (CostPath p : allCostPaths()) {
        const PathResult& path = costs.path(p);
        const PathUncertainty& range = uncertainty.path(p);
        paths.push_back({{"path", costPathKey(p)},
                         {"label", costPathLabel(p)},
                         {"year1_cost", path.year1.total()},
                         {"year1_breakdown",
                          {{"build_people", path.year1.buildPeople},
                           {"run_people", path.year1.runPeople},
                           {"saas_fees", path.year1.saasFees},
                           {"infrastructure", path.year1.infrastructure}}},
                         {"monthly_run_cost", path.monthlyRunCost},
                         {"time_to_value_weeks", path.timeToValueWeeks},
                         {"weekly_profit_at_full", path.weeklyProfitAtFull},
                         {"payback_week", paybackJson(path.paybackWeek)},
                         {"npv_3y", path.npv},
                         {"roi", path.roi},
                         {"p10_payback_week", paybackJson(range.p10PaybackWeek)},
                         {"p50_payback_week", paybackJson(range.p50PaybackWeek)},
                         {"p90_payback_week", paybackJson(range.p90PaybackWeek)},
                         {"share_never_pays_back", range.shareNeverPaysBack},
                         {"p10_npv", range.p10Npv},
                         {"p50_npv", range.p50Npv},
                         {"p90_npv", range.p90Npv}});
    }
    return paths;
}

void printText(const StoreCostProfile& profile, const CostResult& costs,
               const UncertaintyResult& uncertainty, const CacheReplayResult& cache,
               const UseCasePlan& plan) {
    const CostInputs& in = costs.inputs;
    std::printf("Store: $%.0f a year, %.0f sessions and %.0f orders a month (AOV $%.2f), "
                "margin %.0f%%, %.0f SKUs\n",
                in.store.annualRevenue, in.store.sessionsPerMonth, in.store.ordersPerMonth,
                in.store.averageOrderValue(), in.store.grossMargin * 100, in.store.catalogSize);
    std::printf("  measured over %.0f days of the workspace, traffic scale x%g\n",
                profile.sampleDays, profile.trafficScale);
    std::printf("Lift: %+.1f%% (range %+.1f%% to %+.1f%%) on %.0f%% of revenue; source: %s\n\n",
                in.lift.revenueLift * 100, in.lift.low * 100, in.lift.high * 100,
                in.lift.affectedRevenueShare * 100, in.lift.source.c_str());
    std::printf("%-14s %11s %11s %8s %9s %12s %14s\n", "path", "year 1", "run/month", "to value",
                "payback", "NPV 3y", "P10-P90 week");
    for (CostPath p : allCostPaths()) {
        const PathResult& path = costs.path(p);
        const PathUncertainty& range = uncertainty.path(p);
        const auto week = [](int w) { return w < 0 ? std::string("never") : std::to_string(w); };
        std::printf("%-14s %11.0f %11.0f %6.1f w %9s %12.0f %6s-%-7s\n", costPathLabel(p),
                    path.year1.total(), path.monthlyRunCost, path.timeToValueWeeks,
                    week(path.paybackWeek).c_str(), path.npv, week(range.p10PaybackWeek).c_str(),
                    week(range.p90PaybackWeek).c_str());
    }
    std::printf("\nRecommended: %s\n", costPathLabel(costs.recommended));
    for (const auto& reason : costs.reasons)
        std::printf("  - %s\n", reason.c_str());
    std::printf("\nWhat moves %s's payback most (one input at a time):\n",
                costPathLabel(uncertainty.tornadoPath));
    for (std::size_t i = 0; i < std::min<std::size_t>(5, uncertainty.tornado.size()); ++i) {
        const TornadoBar& bar = uncertainty.tornado[i];
        std::printf("  %-36s %10.4g..%-10.4g week %d..%d\n", bar.label.c_str(), bar.low, bar.high,
                    bar.paybackAtLow, bar.paybackAtHigh);
    }
    std::printf("\nRecommendation cache (%lld requests replayed, %d lists, catalog refresh every "
                "%.0f h):\n",
                static_cast<long long>(cache.requests), cache.keys,
                cache.params.catalogRefreshHours);
    for (const CachePoint& point : cache.points)
        std::printf("  TTL %5.2f h: hit %5.1f%% stale %5.1f%% | at %.0f/day: hit %5.1f%%\n",
                    point.ttlHours, point.hitRate * 100, point.staleShare * 100,
                    cache.params.projectedRequestsPerDay, point.projectedHitRate * 100);
    std::printf("\nWhich use case first:\n");
    for (const UseCaseResult& useCase : plan.ranked)
        std::printf("  %-20s lift %+5.1f%% on $%.0f/yr, year 1 $%.0f, payback %s\n",
                    useCaseLabel(useCase.input.useCase), useCase.input.lift * 100,
                    useCase.revenueBase, useCase.year1Cost,
                    useCase.paybackWeek < 0
                        ? "never"
                        : ("week " + std::to_string(useCase.paybackWeek)).c_str());
    for (const auto& reason : plan.reasons)
        std::printf("  - %s\n", reason.c_str());
}

} // namespace

int runCost(const ParsedArgs& args) {
    std::string error;
    const auto scale = doubleOption(args, "traffic-scale", 1, 1, 1e6, error);
    const auto draws = intOption(args, "draws", 2000, 100, 200000, error);
    const auto seed = intOption(args, "seed", 42, 0, 9'007'199'254'740'991LL, error);
    std::optional<double> lift;
    const bool simulate = args.value("lift") == std::optional<std::string>("simulate");
    if (args.has("lift") && !simulate)
        lift = doubleOption(args, "lift", 0.05, -0.5, 2, error);
    if (!scale || !draws || !seed || (args.has("lift") && !simulate && !lift) ||
        (args.has("save") && !args.has("scenario"))) {
        printError(error.empty() ? "--save needs --scenario NAME" : error);
        std::cerr << usage(costSpec());
        return kExitUsage;
    }
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto profile = measureStoreCostProfile(**workspace, *scale, {});
    if (!profile) {
        printError(profile.status().message());
        return kExitFailure;
    }
    CostInputs inputs;
    inputs.store = profile->economics;
    if (args.has("scenario")) {
        auto saved = loadCostScenario(**workspace, *args.value("scenario"));
        if (saved)
            inputs = *saved;
        else if (saved.status().code() != StatusCode::NotFound || !args.has("save")) {
            printError(saved.status().message());
            return kExitFailure;
        }
    }
    UseCaseLifts simulatedLifts;
    if (simulate) {
        auto simulated = simulateUseCaseLifts(**workspace, {});
        if (!simulated) {
            printError(simulated.status().message());
            return kExitFailure;
        }
        simulatedLifts = std::move(simulated).value();
        inputs.lift = *simulatedLifts[std::size_t(UseCase::CategoryRanking)];
    } else if (lift) {
        inputs.lift.revenueLift = *lift;
        inputs.lift.low = std::min(inputs.lift.low, *lift);
        inputs.lift.high = std::max(inputs.lift.high, *lift);
        inputs.lift.source = "entered (--lift)";
    }

    CacheReplayParams cacheParams;
    cacheParams.projectedRequestsPerDay = inputs.store.recImpressionsPerDay;
    auto cache = replayRecommendationCache(profile->requests, cacheParams, {});
    if (!cache) {
        printError(cache.status().message());
        return kExitFailure;
    }
    auto costs = computeCosts(inputs);
    if (!costs) {
        printError(costs.status().message());
        return kExitFailure;
    }
    UncertaintyParams uncertaintyParams;
    uncertaintyParams.draws = int(*draws);
    RunControl control;
    control.seed = static_cast<std::uint64_t>(*seed);
    auto uncertainty = analyseCostUncertainty(inputs, uncertaintyParams, control);
    const auto useCases = useCaseInputsFor(*profile, inputs.lift, simulatedLifts);
    auto plan = rankUseCases(inputs.store, inputs.rates, useCases);
    if (!uncertainty || !plan) {
        printError((uncertainty ? plan.status() : uncertainty.status()).message());
        return kExitFailure;
    }
    if (args.has("save")) {
        if (auto status = saveCostScenario(**workspace, *args.value("scenario"), inputs); !status) {
            printError(status.message());
            return kExitFailure;
        }
    }
    if (!args.has("json")) {
        printText(*profile, *costs, *uncertainty, *cache, *plan);
        return kExitOk;
    }
    ordered_json json;
    json["workspace"] = *args.value("workspace");
    json["scenario"] = args.has("scenario") ? ordered_json(*args.value("scenario")) : nullptr;
    json["store"] = {{"annual_revenue", inputs.store.annualRevenue},
                     {"sessions_per_month", inputs.store.sessionsPerMonth},
                     {"orders_per_month", inputs.store.ordersPerMonth},
                     {"average_order_value", inputs.store.averageOrderValue()},
                     {"gross_margin", inputs.store.grossMargin},
                     {"catalog_size", inputs.store.catalogSize},
                     {"rec_impressions_per_day", inputs.store.recImpressionsPerDay},
                     {"search_requests_per_month", inputs.store.searchRequestsPerMonth},
                     {"active_profiles", inputs.store.activeProfiles},
                     {"sample_days", profile->sampleDays},
                     {"traffic_scale", profile->trafficScale}};
    json["lift"] = {{"revenue_lift", inputs.lift.revenueLift},
                    {"low", inputs.lift.low},
                    {"high", inputs.lift.high},
                    {"affected_revenue_share", inputs.lift.affectedRevenueShare},
                    {"source", inputs.lift.source}};
    json["paths"] = pathsJson(*costs, *uncertainty);
    json["recommended"] = costPathKey(costs->recommended);
    json["reasons"] = costs->reasons;
    json["monte_carlo"] = {{"draws", uncertainty->draws}, {"seed", uncertainty->seed}};
    ordered_json tornado = ordered_json::array();
    for (const TornadoBar& bar : uncertainty->tornado)
        tornado.push_back({{"input", bar.key},
                           {"label", bar.label},
                           {"low", bar.low},
                           {"high", bar.high},
                           {"payback_week_at_low", paybackJson(bar.paybackAtLow)},
                           {"payback_week_at_high", paybackJson(bar.paybackAtHigh)},
                           {"npv_at_low", bar.npvAtLow},
                           {"npv_at_high", bar.npvAtHigh}});
    json["tornado"] = {{"path", costPathKey(uncertainty->tornadoPath)}, {"bars", tornado}};
    ordered_json ttl = ordered_json::array();
    for (const CachePoint& point : cache->points)
        ttl.push_back({{"ttl_hours", point.ttlHours},
                       {"hit_rate", point.hitRate},
                       {"stale_share", point.staleShare},
                       {"projected_hit_rate", point.projectedHitRate},
                       {"projected_stale_share", point.projectedStaleShare}});
    json["cache"] = {{"requests", cache->requests},
                     {"lists", cache->keys},
                     {"catalog_refresh_hours", cache->params.catalogRefreshHours},
                     {"projected_requests_per_day", cache->params.projectedRequestsPerDay},
                     {"ttl", ttl}};
    ordered_json ranked = ordered_json::array();
    for (const UseCaseResult& useCase : plan->ranked)
        ranked.push_back({{"use_case", useCaseKey(useCase.input.useCase)},
                          {"lift", useCase.input.lift},
                          {"lift_source", useCase.input.liftSource},
                          {"revenue_share", useCase.input.revenueShare},
                          {"revenue_base", useCase.revenueBase},
                          {"year1_cost", useCase.year1Cost},
                          {"payback_week", paybackJson(useCase.paybackWeek)},
                          {"npv_3y", useCase.npv}});
    json["use_cases"] = {
        {"first", useCaseKey(plan->first)}, {"ranked", ranked}, {"reasons", plan->reasons}};
    ordered_json prices = ordered_json::array();
    for (const PricePoint& point : publishedPricePoints())
        prices.push_back({{"input", point.key},
                          {"what", point.what},
                          {"value", point.value},
                          {"unit", point.unit},
                          {"source", point.source},
                          {"date", point.date}});
    json["price_points"] = prices;
    std::cout << json.dump(2) << "\n";
    return kExitOk;
}

} // namespace merch::cli
