// Which use case first: the four use cases' honest lift, the revenue each touches, what each
// costs to build and when each pays back for this store, ranked, with the first recommended.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "merch/cost_model.h"
#include "merch/status.h"

namespace merch {

enum class UseCase { CategoryRanking, Recommendations, Search, Messaging };
inline constexpr int kUseCaseCount = 4;
inline constexpr std::array<UseCase, kUseCaseCount> allUseCases() {
    return {UseCase::CategoryRanking, UseCase::Recommendations, UseCase::Search,
            UseCase::Messaging};
}
const char* useCaseKey(UseCase useCase);   // "category_ranking", "recommendations", ...
const char* useCaseLabel(UseCase useCase); // "Category ranking", ...

// A lift per use case, indexed by UseCase (e.g. the Lift simulator's); empty where there is none.
using UseCaseLifts = std::array<std::optional<LiftAssumption>, kUseCaseCount>;

struct UseCaseInput {
    UseCase useCase = UseCase::CategoryRanking;
    double lift = 0.0;         // relative revenue lift on the revenue it touches; -0.5..2
    std::string liftSource;    // "lift simulator (true revenue lift)", "entered", ...
    double revenueShare = 0.0; // share of store revenue the use case touches; 0..1
    double buildPeople = 1.5;  // people while building; 0..50
    double buildMonths = 1.5;  // months to first value; 0..36
    double runPeople = 0.1;    // people keeping it running; 0..20
    double monthlyFees = 0.0;  // $ a month of tools or infrastructure; 0..1e7
};

// Defaults: lifts are entered placeholders (0) until a simulator provides them; revenue shares
// come from the store profile; people and months are typical in-house efforts.
std::vector<UseCaseInput> defaultUseCaseInputs(double categoryShare, double recommendationShare,
                                               double searchShare, double emailShare);

struct UseCaseResult {
    UseCaseInput input;
    double revenueBase = 0; // $ a year the use case touches
    double year1Cost = 0;
    double weeklyProfit = 0; // incremental gross profit a week at full effect
    int paybackWeek = -1;    // -1: not within the horizon
    double npv = 0;
};

struct UseCasePlan {
    std::vector<UseCaseResult> ranked; // first pays back soonest, then by NPV
    UseCase first = UseCase::CategoryRanking;
    std::vector<std::string> reasons;
};

Result<UseCasePlan> rankUseCases(const StoreEconomics& store, const CostRates& rates,
                                 const std::vector<UseCaseInput>& useCases);

} // namespace merch
