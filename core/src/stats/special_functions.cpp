// Log-gamma, log-beta and the regularized incomplete beta and gamma functions.
//
// ln Γ: Lanczos approximation (g = 7, 9 terms) below 10, Stirling's series with eight Bernoulli
// terms from 10 up. Incomplete beta: the continued fraction of I_x(a, b) evaluated with the
// modified Lentz method, on whichever of x or 1 - x converges fast. Incomplete gamma: the power
// series of P(a, x) for x < a + 1, the continued fraction of Q(a, x) otherwise. For large
// arguments the prefactors x^a e^-x / Γ(a) and x^a y^b / B(a, b) are formed from Stirling's
// series so that no large logarithms cancel.
#include "stats/special_functions.h"

#include <cmath>
#include <limits>
#include <numbers>

#include "merch/distributions.h"

namespace merch::stats {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kEpsilon = 1e-16;
constexpr double kTiny = 1e-300; // keeps Lentz denominators away from zero
constexpr int kMaxIterations = 100000;
const double kHalfLogTwoPi = 0.5 * std::log(2.0 * std::numbers::pi);

double lanczosLogGamma(double x) {
    // Valid for x >= 0.5; published coefficients for g = 7, n = 9.
    static constexpr double kCoefficients[] = {
        0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
        771.32342877765313,   -176.61502916214059,   12.507343278686905,
        -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
    const double z = x - 1.0;
    double sum = kCoefficients[0];
    for (int i = 1; i < 9; ++i)
        sum += kCoefficients[i] / (z + double(i));
    const double t = z + 7.5;
    return kHalfLogTwoPi + (z + 0.5) * std::log(t) - t + std::log(sum);
}

// ln Γ(big + small) - ln Γ(big) for big >= 10, without forming either large logarithm.
double logGammaDifference(double big, double small) {
    return (big - 0.5) * std::log1p(small / big) + small * std::log(big + small) - small +
           detail::stirlingCorrection(big + small) - detail::stirlingCorrection(big);
}

// Modified Lentz evaluation of the continued fraction for I_x(a, b); converges quickly for
// x < (a + 1) / (a + b + 2).
double betaContinuedFraction(double x, double a, double b) {
    const double qab = a + b;
    double c = 1.0;
    double d = 1.0 - qab * x / (a + 1.0);
    if (std::fabs(d) < kTiny)
        d = kTiny;
    d = 1.0 / d;
    double h = d;
    for (int m = 1; m <= kMaxIterations; ++m) {
        const double dm = double(m);
        const double m2 = 2.0 * dm;
        // Even step.
        double numerator = dm * (b - dm) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 + numerator * d;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = 1.0 + numerator / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        h *= d * c;
        // Odd step.
        numerator = -(a + dm) * (qab + dm) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 + numerator * d;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = 1.0 + numerator / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon)
            break;
    }
    return h;
}

// ln(x^a e^-x / Γ(a)), the common factor of P(a, x) and Q(a, x).
double logGammaPrefactor(double a, double x) {
    if (a < 10.0)
        return a * std::log(x) - x - logGamma(a);
    const double u = (x - a) / a;
    return -a * (u - std::log1p(u)) + 0.5 * std::log(a) - kHalfLogTwoPi -
           detail::stirlingCorrection(a);
}

double gammaSeries(double a, double x) { // P(a, x), for x < a + 1
    double term = 1.0 / a;
    double sum = term;
    for (int n = 1; n <= kMaxIterations; ++n) {
        term *= x / (a + double(n));
        sum += term;
        if (std::fabs(term) < std::fabs(sum) * kEpsilon)
            break;
    }
    return std::exp(logGammaPrefactor(a, x)) * sum;
}

double gammaContinuedFraction(double a, double x) { // Q(a, x), for x >= a + 1
    double b = x + 1.0 - a;
    double c = 1.0 / kTiny;
    double d = 1.0 / b;
    double h = d;
    for (int i = 1; i <= kMaxIterations; ++i) {
        const double an = -double(i) * (double(i) - a);
        b += 2.0;
        d = an * d + b;
        if (std::fabs(d) < kTiny)
            d = kTiny;
        c = b + an / c;
        if (std::fabs(c) < kTiny)
            c = kTiny;
        d = 1.0 / d;
        const double delta = d * c;
        h *= delta;
        if (std::fabs(delta - 1.0) < kEpsilon)
            break;
    }
    return std::exp(logGammaPrefactor(a, x)) * h;
}

} // namespace

double detail::stirlingCorrection(double x) {
    // Σ B_2k / (2k (2k - 1) x^(2k - 1)), k = 1..8.
    static constexpr double kTerms[] = {1.0 / 12.0,    -1.0 / 360.0,      1.0 / 1260.0,
                                        -1.0 / 1680.0, 1.0 / 1188.0,      -691.0 / 360360.0,
                                        1.0 / 156.0,   -3617.0 / 122400.0};
    const double inverse = 1.0 / x;
    const double inverseSquared = inverse * inverse;
    double sum = 0.0;
    for (int k = 7; k >= 0; --k)
        sum = sum * inverseSquared + kTerms[k];
    return sum * inverse;
}

double logGamma(double x) {
    if (!(x > 0.0))
        return kNaN;
    if (std::isinf(x))
        return x;
    if (x < 0.5)
        return lanczosLogGamma(x + 1.0) - std::log(x);
    if (x < 10.0)
        return lanczosLogGamma(x);
    return (x - 0.5) * std::log(x) - x + kHalfLogTwoPi + detail::stirlingCorrection(x);
}

double logBeta(double a, double b) {
    if (!(a > 0.0) || !(b > 0.0))
        return kNaN;
    const double small = std::fmin(a, b);
    const double big = std::fmax(a, b);
    if (big < 10.0)
        return logGamma(a) + logGamma(b) - logGamma(a + b);
    if (small < 10.0)
        return logGamma(small) - logGammaDifference(big, small);
    const double sum = a + b;
    return (a - 0.5) * std::log(a / sum) + (b - 0.5) * std::log(b / sum) - 0.5 * std::log(sum) +
           kHalfLogTwoPi + detail::stirlingCorrection(a) + detail::stirlingCorrection(b) -
           detail::stirlingCorrection(sum);
}

double detail::incompleteBeta(double x, double y, double a, double b) {
    if (x <= 0.0)
        return 0.0;
    if (y <= 0.0)
        return 1.0;
    const double logX = x < 0.5 ? std::log(x) : std::log1p(-y);
    const double logY = y < 0.5 ? std::log(y) : std::log1p(-x);
    const double logFront = a * logX + b * logY - logBeta(a, b);
    if (x < (a + 1.0) / (a + b + 2.0))
        return std::exp(logFront) * betaContinuedFraction(x, a, b) / a;
    return 1.0 - std::exp(logFront) * betaContinuedFraction(y, b, a) / b;
}

double regularizedBeta(double x, double a, double b) {
    if (!(x >= 0.0 && x <= 1.0) || !(a > 0.0) || !(b > 0.0))
        return kNaN;
    return detail::incompleteBeta(x, 1.0 - x, a, b);
}

double regularizedGammaP(double a, double x) {
    if (!(a > 0.0) || !(x >= 0.0))
        return kNaN;
    if (x == 0.0)
        return 0.0;
    if (std::isinf(x))
        return 1.0;
    return x < a + 1.0 ? gammaSeries(a, x) : 1.0 - gammaContinuedFraction(a, x);
}

double regularizedGammaQ(double a, double x) {
    if (!(a > 0.0) || !(x >= 0.0))
        return kNaN;
    if (x == 0.0)
        return 1.0;
    if (std::isinf(x))
        return 0.0;
    return x < a + 1.0 ? 1.0 - gammaSeries(a, x) : gammaContinuedFraction(a, x);
}

} // namespace merch::stats
