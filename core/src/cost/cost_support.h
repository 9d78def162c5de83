// Small helpers shared by the cost model's sources: range checks and money in messages.
#pragma once

#include <string>

#include "merch/cost_model.h"
#include "merch/status.h"

namespace merch::cost {

// InvalidArgument naming `field` unless lo <= value <= hi (NaN fails).
Status checkRange(double value, double lo, double hi, const std::string& field);

// "$52.3k", "$1.20M", "$950" for reasons shown to users.
std::string formatMoney(double dollars);

// The integral over [a, b] (weeks) of the ramp r(t) = clamp((t - start) / rampWeeks, 0, 1):
// how much of a week's full effect a path delivers while going live.
double rampIntegral(double a, double b, double start, double rampWeeks);

// One path's weekly costs, profit, payback and NPV (no validation: callers validate once).
PathResult projectPath(const CostInputs& inputs, CostPath path);

inline constexpr double kWeeksPerMonth = 52.0 / 12.0;
inline constexpr double kHoursPerMonth = 365.0 * 24.0 / 12.0;
inline constexpr double kDaysPerMonth = 365.0 / 12.0;

} // namespace merch::cost
