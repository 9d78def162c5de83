#include <algorithm>
#include <atomic>
#include <future>
#include <memory>

#include "merch/experiment_adapters.h"
#include "merch/experiment_search.h"
#include "merch/shopper_world.h"

namespace merch {

Status SearchComparisonParams::validate() const {
    if (products < 50 || products > 200000)
        return Status::invalidArgument("products must be between 50 and 200000");
    if (!(sessionsPerDay >= 10 && sessionsPerDay <= 200000))
        return Status::invalidArgument("sessionsPerDay must be between 10 and 200000");
    if (historyDays < 7 || historyDays > 365)
        return Status::invalidArgument("historyDays must be between 7 and 365");
    if (testDays < 1 || testDays > 365)
        return Status::invalidArgument("testDays must be between 1 and 365");
    if (methods.empty())
        return Status::invalidArgument("methods must name at least one search method");
    return Status::ok();
}

Result<SearchComparison> compareSearchMethods(const SearchComparisonParams& params,
                                              const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    WorldParams worldParams;
    worldParams.products = params.products;
    worldParams.sessionsPerDay = params.sessionsPerDay;
    worldParams.days = params.historyDays + params.testDays;
    auto created = ShopperWorld::create(worldParams, control.seed);
    if (!created)
        return created.status();
    const ShopperWorld& world = **created;

    // 1. The history under native search; its search logs label what shoppers clicked.
    const std::int64_t historyEnd =
        worldParams.startTime + std::int64_t(params.historyDays) * 86400;
    std::vector<SearchCase> cases;
    std::shared_ptr<const WorldSnapshot> snapshot;
    auto logged = world.run(
        WorldPolicies{},
        [&](const Event& e) {
            if (e.timestamp < historyEnd && e.type == EventType::View && e.list == "search" &&
                !e.query.empty())
                cases.push_back({e.timestamp, e.query, e.productId});
            return Status::ok();
        },
        {}, control.scaled(0.0, 0.3), nullptr, params.historyDays, &snapshot);
    if (!logged)
        return logged.status();

    // 2. The engine: catalog only, and with the history's clicks when a method needs them.
    const bool needsClicks = std::find(params.methods.begin(), params.methods.end(),
                                       SearchMethod::HybridClicks) != params.methods.end();
    auto plain = SearchIndex::build(world.products(), {}, {}, SearchParams{},
                                    control.scaled(0.3, needsClicks ? 0.35 : 0.4));
    if (!plain)
        return plain.status();
    std::shared_ptr<const SearchIndex> withClicks;
    if (needsClicks) {
        auto built = SearchIndex::build(world.products(), {}, cases, SearchParams{},
                                        control.scaled(0.35, 0.4));
        if (!built)
            return built.status();
        withClicks = *built;
    }
    std::vector<std::unique_ptr<SearchPolicy>> policies;
    policies.push_back(world.nativeSearchPolicy());
    for (SearchMethod method : params.methods)
        policies.push_back(makeEngineSearchPolicy(
            method == SearchMethod::HybridClicks ? withClicks : *plain, method));

    // 3. The test period once per method from the same snapshot, two runs at a time.
    std::vector<Result<WorldOutcome>> outcomes(policies.size(), Status::cancelled());
    std::atomic<std::size_t> nextRun{0};
    std::atomic<std::size_t> finished{0};
    std::atomic<bool> stop{false};
    const auto work = [&](bool reports) {
        for (std::size_t k = nextRun++; k < policies.size(); k = nextRun++) {
            RunControl runControl;
            runControl.seed = control.seed;
            runControl.progress = [&](double, std::string_view) {
                if (stop)
                    return false;
                if (reports &&
                    !control.report(0.4 + 0.6 * double(finished) / double(policies.size()),
                                    "simulating shoppers under each search method")) {
                    stop = true;
                    return false;
                }
                return true;
            };
            WorldPolicies hooks;
            hooks.search = policies[k].get();
            outcomes[k] = world.run(hooks, {}, {}, runControl, snapshot.get());
            ++finished;
            if (!outcomes[k])
                stop = true;
        }
    };
    auto helper = std::async(std::launch::async, work, false);
    work(true);
    helper.get();
    for (const auto& outcome : outcomes)
        if (!outcome)
            return outcome.status();

    SearchComparison comparison;
    comparison.params = params;
    comparison.seed = control.seed;
    comparison.historySearchCases = std::int64_t(cases.size());
    const WorldOutcome& start = snapshot->outcome();
    for (std::size_t k = 0; k < policies.size(); ++k) {
        const WorldOutcome& end = *outcomes[k];
        SearchMethodTruth truth;
        truth.method = k == 0 ? "native" : searchMethodName(params.methods[k - 1]);
        truth.sessions = end.sessions - start.sessions;
        truth.searchSessions = end.sessionsWithSearch - start.sessionsWithSearch;
        truth.searches = end.searches - start.searches;
        const double searching = double(std::max<std::int64_t>(1, truth.searchSessions));
        const double sessions = double(std::max<std::int64_t>(1, truth.sessions));
        truth.zeroResultRate = double(end.searchesWithoutResults - start.searchesWithoutResults) /
                               double(std::max<std::int64_t>(1, truth.searches));
        truth.searchConversionRate =
            double(end.searchSessionsWithPurchase - start.searchSessionsWithPurchase) / searching;
        truth.searchRevenue = end.searchSessionRevenue - start.searchSessionRevenue;
        truth.revenuePerSearchSession = truth.searchRevenue / searching;
        truth.conversionRate =
            double(end.sessionsWithPurchase - start.sessionsWithPurchase) / sessions;
        truth.revenuePerSession = (end.revenue - start.revenue) / sessions;
        comparison.methods.push_back(truth);
    }
    const SearchMethodTruth& native = comparison.methods.front();
    for (SearchMethodTruth& m : comparison.methods) {
        m.searchConversionLift = native.searchConversionRate > 0
                                     ? m.searchConversionRate / native.searchConversionRate - 1
                                     : 0;
        m.searchRevenueLift = native.revenuePerSearchSession > 0
                                  ? m.revenuePerSearchSession / native.revenuePerSearchSession - 1
                                  : 0;
    }
    control.report(1.0, "done");
    return comparison;
}

} // namespace merch
