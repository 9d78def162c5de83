// Asymptotic confidence sequences (Waudby-Smith et al. 2023) as GrowthBook applies them; the
// formulas are written out in merch/stats.h.
#include <cmath>
#include <limits>

#include "merch/stats.h"

namespace merch::stats {

double sequentialRho(double alpha, double tuning) {
    if (!(alpha > 0.0 && alpha < 1.0) || !(tuning > 0.0))
        return std::numeric_limits<double>::quiet_NaN();
    const double twoLogInverseAlpha = -2.0 * std::log(alpha);
    return std::sqrt((twoLogInverseAlpha + std::log(twoLogInverseAlpha + 1.0)) / tuning);
}

double sequentialHalfwidth(double se, double totalUnits, double alpha, double tuning) {
    const double rho = sequentialRho(alpha, tuning);
    const double n = totalUnits;
    const double nRho2 = n * rho * rho;
    const double sigma = se * std::sqrt(n); // per-unit standard deviation of the estimate
    return sigma *
           std::sqrt(2.0 * (nRho2 + 1.0) / (nRho2 * n) * std::log(std::sqrt(nRho2 + 1.0) / alpha));
}

double sequentialPValue(double lift, double se, double totalUnits, double alpha, double tuning) {
    const double rho = sequentialRho(alpha, tuning);
    const double nRho2 = totalUnits * rho * rho;
    const double z2 = lift * lift / (se * se); // squared fixed-horizon z statistic
    const double logP = 0.5 * std::log(nRho2 + 1.0) - nRho2 * z2 / (2.0 * (nRho2 + 1.0));
    return std::fmin(1.0, std::exp(logP));
}

} // namespace merch::stats
