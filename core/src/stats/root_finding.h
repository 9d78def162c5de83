// Safeguarded Newton iteration for inverting a monotone distribution function on (0, inf).
#pragma once

#include <cmath>

namespace merch::stats::detail {

// Solves f(x) = target for x > 0, where f is monotone (increasing when `increasing`, else
// decreasing) with derivative magnitude `density(x)`. Starts from `guess` > 0, first brackets the
// root by halving and doubling, then takes Newton steps, bisecting (geometrically while the
// bracket is wide) whenever a step would leave the bracket. Stops at 1e-15 relative change.
template <typename F, typename D>
double solveMonotone(F f, D density, double target, double guess, bool increasing) {
    const double sign = increasing ? 1.0 : -1.0;
    // g(x) > 0 means x is past the root.
    auto g = [&](double x) { return sign * (f(x) - target); };
    double lo = guess;
    double hi = guess;
    for (int i = 0; i < 1100 && lo > 1e-300 && g(lo) > 0.0; ++i)
        lo *= 0.5;
    for (int i = 0; i < 1100 && hi < 1e300 && g(hi) < 0.0; ++i)
        hi *= 2.0;
    double x = std::fmin(std::fmax(guess, lo), hi);
    for (int i = 0; i < 300; ++i) {
        const double gx = g(x);
        if (gx == 0.0)
            return x;
        if (gx > 0.0)
            hi = x;
        else
            lo = x;
        // g' is the density for either direction, since the sign is folded into g.
        double next = x - gx / density(x);
        if (!(next > lo && next < hi))
            next = hi > 4.0 * lo && lo > 0.0 ? std::sqrt(lo * hi) : 0.5 * (lo + hi);
        if (std::fabs(next - x) <= 1e-15 * std::fabs(x) || hi - lo <= 1e-15 * hi)
            return next;
        x = next;
    }
    return x;
}

} // namespace merch::stats::detail
