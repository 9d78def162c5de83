// Distribution functions for the experiment statistics, written here (no external stats library):
// the standard normal, Student's t and chi-square CDFs, survival functions and quantiles, and the
// special functions beneath them (log-gamma, regularized incomplete beta and gamma).
//
// These are pure math functions: an argument outside the domain gives NaN rather than a Status.
// Accuracy, checked against scipy 1.10 in tests/core/tst_stats.cpp: within 1e-12 relative for the
// CDFs and survival functions (tails down to 1e-300 included), 1e-11 for the quantiles.
#pragma once

namespace merch::stats {

// Standard normal density φ(x).
double normalPdf(double x);
// Φ(x) = P(Z <= x). Accurate in the lower tail.
double normalCdf(double x);
// 1 - Φ(x) = P(Z > x), accurate in the upper tail (no cancellation).
double normalSurvival(double x);
// Φ⁻¹(p) for p in [0, 1]: -inf at 0, +inf at 1, NaN outside.
double normalQuantile(double p);

// Student's t with `dof` degrees of freedom; dof > 0, need not be an integer (Welch–
// Satterthwaite degrees of freedom are not); dof = +inf is the standard normal.
double studentTPdf(double t, double dof);
double studentTCdf(double t, double dof);
double studentTSurvival(double t, double dof); // P(T > t), accurate in the upper tail
double studentTQuantile(double p, double dof); // p in [0, 1]

// Chi-square with `dof` > 0 degrees of freedom, x >= 0.
double chiSquareCdf(double x, double dof);
double chiSquareSurvival(double x, double dof); // P(X > x), accurate in the upper tail
double chiSquareQuantile(double p, double dof); // p in [0, 1]

// ln Γ(x) for x > 0 (Lanczos below 10, Stirling series above).
double logGamma(double x);
// ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), a, b > 0, without cancellation for large a, b.
double logBeta(double a, double b);
// Regularized incomplete beta I_x(a, b), x in [0, 1], a, b > 0 (continued fraction).
double regularizedBeta(double x, double a, double b);
// Regularized lower and upper incomplete gamma P(a, x) and Q(a, x) = 1 - P(a, x), a > 0, x >= 0.
double regularizedGammaP(double a, double x);
double regularizedGammaQ(double a, double x);

} // namespace merch::stats
