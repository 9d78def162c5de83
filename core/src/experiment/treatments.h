// What each arm of a test gets, and the history the treatment's model learns from: the store's
// current policies log the history up to the test's first day (the world paused there, so the
// test's runs all continue the same snapshot), then the treatment's model is trained on it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "merch/experiment.h"
#include "merch/shopper_world.h"

namespace merch::experiment {

struct TreatmentPlan {
    std::vector<std::shared_ptr<const void>> owned; // the policies below point into these
    WorldPolicies control; // the store as it is: the history and the control arm
    WorldPolicies treated; // treated shoppers from the test's first day (null: as control)
    std::shared_ptr<const WorldSnapshot> snapshot; // the world at the test's first day
    double clickThenBuyShare = 0;                  // ranking: the vendor's attribution share
    std::vector<double> preOrderRevenues; // pre-period order revenues (outliers applied), when
                                          // the revenue cap asks for them
    std::int64_t searchCases = 0;         // search: labelled searches the clicks learn from
    std::int64_t trainingSessions = 0;    // recs: sessions the recommender trained on
};

// `worldParams.days` covers history and test; `collectPreOrders` keeps the pre-period orders.
// `historyDone` (may be empty) is called once the history is simulated, before the training,
// with the plan so far (control, snapshot and what owns them: a caller that keeps copies of
// `owned` may start untreated runs meanwhile).
Result<TreatmentPlan>
planTreatment(const ShopperWorld& world, const ExperimentParams& params, std::uint64_t seed,
              bool collectPreOrders, const RunControl& control,
              const std::function<void(const TreatmentPlan&)>& historyDone = {});

// A visit's revenue with the outlier pitfall applied (index: the visit's 1-based order).
double outlierRevenue(const VisitOutcome& v, std::uint64_t index, std::uint64_t seed,
                      const ExperimentPitfalls& p);

} // namespace merch::experiment
