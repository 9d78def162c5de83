// Normal, Student's t and chi-square distribution functions (see merch/distributions.h).
//
// Normal: Φ from erfc; Φ⁻¹ from Abramowitz & Stegun 26.2.23 (error < 4.5e-4) refined by Halley
// steps on erfc. Student's t: P(T > |t|) = I_x(ν/2, 1/2) / 2 with x = ν / (ν + t²). Chi-square:
// P(X <= x) = P(k/2, x/2). The t and chi-square quantiles invert the tail that holds the answer
// with a safeguarded Newton iteration, so small tail probabilities keep full relative precision.
#include "merch/distributions.h"

#include <cmath>
#include <limits>
#include <numbers>

#include "stats/root_finding.h"
#include "stats/special_functions.h"

namespace merch::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Φ⁻¹(q) for q in (0, 0.5]: a negative number.
double normalLowerQuantile(double q) {
    if (q == 0.5)
        return 0.0;
    const double t = std::sqrt(-2.0 * std::log(q));
    double x = -(t - (2.515517 + t * (0.802853 + t * 0.010328)) /
                         (1.0 + t * (1.432788 + t * (0.189269 + t * 0.001308))));
    for (int i = 0; i < 3; ++i) {
        const double error = normalCdf(x) - q;
        const double u = error * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
        if (!std::isfinite(u))
            break;
        x -= u / (1.0 + 0.5 * x * u);
    }
    return x;
}

bool validProbability(double p) {
    return p >= 0.0 && p <= 1.0;
}

} // namespace

double normalPdf(double x) {
    return std::exp(-0.5 * x * x) / std::sqrt(2.0 * std::numbers::pi);
}

double normalCdf(double x) {
    return 0.5 * std::erfc(-x / std::numbers::sqrt2);
}

double normalSurvival(double x) {
    return 0.5 * std::erfc(x / std::numbers::sqrt2);
}

double normalQuantile(double p) {
    if (!validProbability(p))
        return kNaN;
    if (p == 0.0)
        return -kInfinity;
    if (p == 1.0)
        return kInfinity;
    // 1 - p is exact for p >= 0.5 (Sterbenz), so the upper half loses nothing.
    return p <= 0.5 ? normalLowerQuantile(p) : -normalLowerQuantile(1.0 - p);
}

double studentTPdf(double t, double dof) {
    if (!(dof > 0.0) || std::isnan(t))
        return kNaN;
    if (std::isinf(dof))
        return normalPdf(t);
    return std::exp(-0.5 * (dof + 1.0) * std::log1p(t * t / dof) - 0.5 * std::log(dof) -
                    logBeta(0.5 * dof, 0.5));
}

double studentTSurvival(double t, double dof) {
    if (!(dof > 0.0) || std::isnan(t))
        return kNaN;
    if (std::isinf(dof))
        return normalSurvival(t);
    if (t == 0.0)
        return 0.5;
    const double absT = std::fabs(t);
    const double t2 = absT * absT;
    double x = 0.0;
    double y = 1.0;
    if (std::isinf(t2)) {
        x = dof / absT / absT;
    } else {
        x = dof / (dof + t2);
        y = t2 / (dof + t2);
    }
    const double tail = 0.5 * detail::incompleteBeta(x, y, 0.5 * dof, 0.5); // P(T > |t|)
    return t > 0.0 ? tail : 1.0 - tail;
}

double studentTCdf(double t, double dof) {
    return studentTSurvival(-t, dof);
}

double studentTQuantile(double p, double dof) {
    if (!validProbability(p) || !(dof > 0.0))
        return kNaN;
    if (std::isinf(dof))
        return normalQuantile(p);
    if (p == 0.0)
        return -kInfinity;
    if (p == 1.0)
        return kInfinity;
    if (p == 0.5)
        return 0.0;
    const double tail = p < 0.5 ? p : 1.0 - p;
    // Cornish–Fisher start; the solver brackets from there, so heavy tails are found too.
    const double z = -normalLowerQuantile(tail);
    const double guess = std::fmax(z + (z * z * z + z) / (4.0 * dof), 1e-300);
    const double t = detail::solveMonotone([dof](double x) { return studentTSurvival(x, dof); },
                                           [dof](double x) { return studentTPdf(x, dof); }, tail,
                                           guess, /*increasing=*/false);
    return p < 0.5 ? -t : t;
}

double chiSquareCdf(double x, double dof) {
    if (!(dof > 0.0) || std::isnan(x))
        return kNaN;
    return x <= 0.0 ? 0.0 : regularizedGammaP(0.5 * dof, 0.5 * x);
}

double chiSquareSurvival(double x, double dof) {
    if (!(dof > 0.0) || std::isnan(x))
        return kNaN;
    return x <= 0.0 ? 1.0 : regularizedGammaQ(0.5 * dof, 0.5 * x);
}

double chiSquareQuantile(double p, double dof) {
    if (!validProbability(p) || !(dof > 0.0))
        return kNaN;
    if (p == 0.0)
        return 0.0;
    if (p == 1.0)
        return kInfinity;
    const double half = 0.5 * dof;
    auto density = [half](double x) {
        return std::exp((half - 1.0) * std::log(x) - 0.5 * x - half * std::numbers::ln2 -
                        logGamma(half));
    };
    // Wilson–Hilferty start; in the far lower tail P(k/2, x/2) ≈ (x/2)^(k/2) / Γ(k/2 + 1).
    const double v = 2.0 / (9.0 * dof);
    const double cube = 1.0 - v + normalQuantile(p) * std::sqrt(v);
    double guess = dof * cube * cube * cube;
    if (!(guess > 0.0) || p < 1e-3)
        guess = 2.0 * std::exp((std::log(p) + logGamma(half + 1.0)) / half);
    guess = std::fmax(guess, 1e-300);
    if (p <= 0.5)
        return detail::solveMonotone([dof](double x) { return chiSquareCdf(x, dof); }, density, p,
                                     guess, /*increasing=*/true);
    return detail::solveMonotone([dof](double x) { return chiSquareSurvival(x, dof); }, density,
                                 1.0 - p, guess, /*increasing=*/false);
}

} // namespace merch::stats
