#include "merch/use_case_priority.h"

#include <algorithm>
#include <cstdio>

#include "cost/cost_support.h"

namespace merch {

const char* useCaseKey(UseCase useCase) {
    switch (useCase) {
    case UseCase::CategoryRanking:
        return "category_ranking";
    case UseCase::Recommendations:
        return "recommendations";
    case UseCase::Search:
        return "search";
    case UseCase::Messaging:
        return "messaging";
    }
    return "?";
}

const char* useCaseLabel(UseCase useCase) {
    switch (useCase) {
    case UseCase::CategoryRanking:
        return "Category ranking";
    case UseCase::Recommendations:
        return "Recommendations";
    case UseCase::Search:
        return "Semantic search";
    case UseCase::Messaging:
        return "Triggered messaging";
    }
    return "?";
}

std::vector<UseCaseInput> defaultUseCaseInputs(double categoryShare, double recommendationShare,
                                               double searchShare, double emailShare) {
    std::vector<UseCaseInput> inputs(kUseCaseCount);
    const std::array<double, kUseCaseCount> shares = {categoryShare, recommendationShare,
                                                      searchShare, emailShare};
    // People and months: a ranker on existing events is the smallest build; search needs an
    // index and relevance work; messaging rides on the store's email tool.
    const std::array<double, kUseCaseCount> months = {1.5, 2.0, 2.5, 1.5};
    const std::array<double, kUseCaseCount> people = {1.5, 1.5, 2.0, 1.0};
    for (UseCase useCase : allUseCases()) {
        const auto i = static_cast<std::size_t>(useCase);
        inputs[i].useCase = useCase;
        inputs[i].liftSource = "not simulated yet: enter a lift";
        inputs[i].revenueShare = shares[i];
        inputs[i].buildMonths = months[i];
        inputs[i].buildPeople = people[i];
        inputs[i].runPeople = 0.1;
    }
    return inputs;
}

Result<UseCasePlan> rankUseCases(const StoreEconomics& store, const CostRates& rates,
                                 const std::vector<UseCaseInput>& useCases) {
    if (useCases.empty())
        return Status::invalidArgument("no use cases to rank");
    UseCasePlan plan;
    for (const UseCaseInput& input : useCases) {
        const std::string field = std::string("useCases.") + useCaseKey(input.useCase) + ".";
        for (const Status& status :
             {cost::checkRange(input.lift, -0.5, 2, field + "lift"),
              cost::checkRange(input.revenueShare, 0, 1, field + "revenueShare"),
              cost::checkRange(input.buildPeople, 0, 50, field + "buildPeople"),
              cost::checkRange(input.buildMonths, 0, 36, field + "buildMonths"),
              cost::checkRange(input.runPeople, 0, 20, field + "runPeople"),
              cost::checkRange(input.monthlyFees, 0, 1e7, field + "monthlyFees")}) {
            if (!status)
                return status;
        }
        // One use case is a path of its own: its people and fees against its share of revenue.
        CostInputs costs;
        costs.store = store;
        costs.rates = rates;
        costs.lift.revenueLift = input.lift;
        costs.lift.low = costs.lift.high = input.lift;
        costs.lift.affectedRevenueShare = input.revenueShare;
        PathCosts path;
        path.buildPeople = input.buildPeople;
        path.buildMonths = input.buildMonths;
        path.runPeople = input.runPeople;
        path.saasMonthlyFlat = input.monthlyFees;
        costs.path(CostPath::Custom) = path;
        const PathResult projected = cost::projectPath(costs, CostPath::Custom);
        UseCaseResult result;
        result.input = input;
        result.revenueBase = store.annualRevenue * input.revenueShare;
        result.year1Cost = projected.year1.total();
        result.weeklyProfit = projected.weeklyProfitAtFull;
        result.paybackWeek = projected.paybackWeek;
        result.npv = projected.npv;
        plan.ranked.push_back(result);
    }
    const int horizon = rates.horizonWeeks;
    std::stable_sort(plan.ranked.begin(), plan.ranked.end(),
                     [horizon](const UseCaseResult& a, const UseCaseResult& b) {
                         const int wa = a.paybackWeek < 0 ? horizon + 1 : a.paybackWeek;
                         const int wb = b.paybackWeek < 0 ? horizon + 1 : b.paybackWeek;
                         return wa != wb ? wa < wb : a.npv > b.npv;
                     });
    const UseCaseResult& first = plan.ranked.front();
    plan.first = first.input.useCase;
    char line[512];
    if (first.paybackWeek < 0) {
        std::snprintf(line, sizeof line,
                      "No use case pays back within %d weeks with the lifts given; %s loses the "
                      "least (NPV %s). Simulate or enter the lifts before choosing.",
                      horizon, useCaseLabel(plan.first), cost::formatMoney(first.npv).c_str());
    } else {
        std::snprintf(line, sizeof line,
                      "%s first: it pays back soonest (week %d) on %s a year of revenue at a "
                      "%.1f%% lift (%s), for %s in year one.",
                      useCaseLabel(plan.first), first.paybackWeek,
                      cost::formatMoney(first.revenueBase).c_str(), first.input.lift * 100,
                      first.input.liftSource.c_str(), cost::formatMoney(first.year1Cost).c_str());
    }
    plan.reasons.push_back(line);
    if (plan.first == UseCase::CategoryRanking) {
        plan.reasons.push_back("This agrees with the brief: category ranking is usually the "
                               "safest first bet (it needs only the store's own events).");
    } else {
        const auto ranking =
            std::find_if(plan.ranked.begin(), plan.ranked.end(), [](const UseCaseResult& r) {
                return r.input.useCase == UseCase::CategoryRanking;
            });
        if (ranking != plan.ranked.end()) {
            std::snprintf(
                line, sizeof line,
                "The brief calls category ranking the safest first bet; here it %s "
                "(lift %.1f%%, %s, on %s a year), so the numbers favour %s.",
                ranking->paybackWeek < 0
                    ? "does not pay back within the horizon"
                    : ("pays back later, in week " + std::to_string(ranking->paybackWeek)).c_str(),
                ranking->input.lift * 100, ranking->input.liftSource.c_str(),
                cost::formatMoney(ranking->revenueBase).c_str(), useCaseLabel(plan.first));
            plan.reasons.push_back(line);
        }
    }
    return plan;
}

} // namespace merch
