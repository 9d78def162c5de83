// Internal building blocks of distributions.cpp: the incomplete beta with both x and 1 - x given
// (so that t tails keep full precision), and Stirling's correction term.
#pragma once

namespace merch::stats::detail {

// I_x(a, b) given x and y = 1 - x computed independently (avoids cancellation in 1 - x).
double incompleteBeta(double x, double y, double a, double b);

// ln Γ(x) - [(x - 0.5) ln x - x + 0.5 ln 2π] for x >= 10 (the Stirling series remainder).
double stirlingCorrection(double x);

} // namespace merch::stats::detail
