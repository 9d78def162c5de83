// Statistics to read an A/B test from sufficient statistics: two-sample tests on proportions,
// means and ratio metrics (Welch t with delta-method variances, as GrowthBook's frequentist
// engine), asymptotic confidence sequences for peeking, a Bayesian chance to win, the
// sample-ratio-mismatch chi-square test and Holm / Benjamini–Hochberg adjusted p-values.
// Power, minimum detectable effect and sample size are in merch/power.h, the distribution
// functions in merch/distributions.h. Every call is a closed-form computation taking
// microseconds, so none takes a RunControl.
//
// Conventions: "control" is the baseline arm A, "treatment" arm B; lift is treatment versus
// control, and "win" means the treatment's metric is higher.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "merch/status.h"

namespace merch::stats {

// ---- One arm's data --------------------------------------------------------------------------

// A conversion-style metric: each unit (session, visitor) converted or not.
struct ProportionSample {
    std::int64_t successes = 0; // units that converted; valid 0..n
    std::int64_t n = 0;         // units in the arm; valid >= 2

    Status validate() const; // names the field ("successes must be ...")
};

// A mean metric (revenue per session, items per order) from one value per unit.
struct MeanSample {
    double sum = 0.0;        // Σx over the arm's units, in the metric's unit (e.g. EUR); finite
    double sumSquares = 0.0; // Σx²; must be >= (Σx)²/n up to rounding (1e-9 relative)
    std::int64_t n = 0;      // units in the arm; valid >= 2

    Status validate() const;
};

// A ratio metric M/D whose numerator and denominator are both summed over units, such as average
// order value (M = revenue, D = orders, per session) or revenue per session when sessions are not
// the randomization unit (M = revenue, D = sessions, per visitor).
struct RatioSample {
    std::int64_t n = 0;                 // randomization units the sums run over; valid >= 2
    double numeratorSum = 0.0;          // ΣM; finite
    double numeratorSumSquares = 0.0;   // ΣM²; finite, >= 0
    double denominatorSum = 0.0;        // ΣD; finite, not 0
    double denominatorSumSquares = 0.0; // ΣD²; finite, >= 0
    double productSum = 0.0;            // ΣM·D over units; finite

    Status validate() const;
};

// Mean and per-unit variance of one arm's metric (the variance of one unit's value; the variance
// of the arm's mean is variance / n).
struct ArmMoments {
    double mean = 0.0;
    double variance = 0.0;
    std::int64_t n = 0;
    std::vector<std::string> warnings; // e.g. sums no real sample could produce
};

// Proportion: mean p = successes/n, variance p(1 - p) (GrowthBook's convention, no n - 1).
Result<ArmMoments> momentsOf(const ProportionSample& sample);
// Mean: sample mean and the unbiased sample variance (Σx² - (Σx)²/n) / (n - 1).
Result<ArmMoments> momentsOf(const MeanSample& sample);
// Ratio: mean = ΣM/ΣD; per-unit variance by the delta method,
//   Var = Var(M)/μD² - 2 Cov(M,D) μM/μD³ + μM² Var(D)/μD⁴,
// with μ the per-unit means and (co)variances over n - 1.
Result<ArmMoments> momentsOf(const RatioSample& sample);

// ---- The two-sample test ---------------------------------------------------------------------

enum class LiftScale {
    Relative, // (treatment - control) / control; variance by the delta method
    Absolute, // treatment - control
};

enum class Alternative {
    TwoSided, // the treatment differs from the control
    Greater,  // one-sided: the treatment is higher
    Less,     // one-sided: the treatment is lower
};

// A normal prior on the lift, in the units of the test's LiftScale (0.1 = +10% relative lift).
struct NormalPrior {
    double mean = 0.0;      // finite
    double variance = 0.09; // > 0, finite; the default (sd 0.3) says lifts beyond ±60% are rare
};

struct TestOptions {
    LiftScale scale = LiftScale::Relative;
    Alternative alternative = Alternative::TwoSided;
    double alpha = 0.05; // significance level; CIs have coverage 1 - alpha; valid (0, 0.5)
    // Sequential: report an asymptotic confidence sequence and an always-valid p-value, safe to
    // read every day (see sequentialHalfwidth below). Off: a fixed-horizon Welch t-test.
    bool sequential = false;
    double sequentialTuning = 5000.0; // N*: total units (both arms) at which the confidence
                                      // sequence is tightest; GrowthBook's default; valid >= 1
    std::optional<NormalPrior> prior; // Bayesian prior on the lift; nullopt = flat (improper)

    Status validate() const;
};

// Normal approximation of the lift's posterior: the likelihood N(lift, se²) times the prior.
struct BayesianResult {
    bool flatPrior = true;
    double posteriorMean = 0.0; // = lift under the flat prior, shrunk toward the prior mean else
    double posteriorSe = 0.0;
    double chanceToWin = 0.5; // P(true lift > 0 | data) = Φ(posteriorMean / posteriorSe)
    double credibleLow = 0.0; // central 1 - alpha credible interval
    double credibleHigh = 0.0;
};

struct TestResult {
    ArmMoments control;
    ArmMoments treatment;
    TestOptions options;
    double lift = 0.0;      // in options.scale
    double se = 0.0;        // standard error of the lift
    double statistic = 0.0; // lift / se
    // Welch–Satterthwaite degrees of freedom of the fixed-horizon test; +inf for the sequential
    // test, which is asymptotic (normal).
    double degreesOfFreedom = 0.0;
    double pValue = 1.0; // for options.alternative; always-valid when sequential
    double ciLow = 0.0;  // 1 - alpha interval (a confidence sequence when sequential);
    double ciHigh = 0.0; // -inf / +inf on the open side of a one-sided test
    BayesianResult bayesian;
    std::vector<std::string> warnings; // the arms' warnings plus small-sample notes

    bool significant() const { return pValue < options.alpha; }
};

// Welch's t-test of the treatment against the control from their moments.
// Relative lift: Var = σB²/(μA² nB) + σA² μB²/(μA⁴ nA) (delta method); absolute:
// Var = σA²/nA + σB²/nB. Degrees of freedom ν = (σA²/nA + σB²/nB)² /
// (σA⁴/(nA²(nA - 1)) + σB⁴/(nB²(nB - 1))) for both scales. Two-sided p = 2 P(T_ν > |lift/se|),
// CI = lift ± t_ν,1-α/2 se; one-sided tests use t_ν,1-α and one tail.
// Fails (InvalidArgument) when both variances are 0 or, for the relative scale, the control mean
// is 0.
Result<TestResult> compareMoments(const ArmMoments& control, const ArmMoments& treatment,
                                  const TestOptions& options);
// The same from sufficient statistics; validation errors name "control.<field>" or
// "treatment.<field>".
Result<TestResult> compareProportions(const ProportionSample& control,
                                      const ProportionSample& treatment,
                                      const TestOptions& options);
Result<TestResult> compareMeans(const MeanSample& control, const MeanSample& treatment,
                                const TestOptions& options);
Result<TestResult> compareRatios(const RatioSample& control, const RatioSample& treatment,
                                 const TestOptions& options);

// ---- Sequential testing: asymptotic confidence sequences -------------------------------------
// Waudby-Smith, Arbour, Sinha, Kennedy & Ramdas (2023), "Time-uniform central limit theory and
// asymptotic confidence sequences", the two-sided asymptotic CS (Howard et al.'s normal mixture
// boundary), as GrowthBook's engine applies it. With N = nA + nB units so far, σ² = se² N,
//   ρ  = sqrt((-2 ln α + ln(1 - 2 ln α)) / N*),
//   halfwidth = σ sqrt(2 (N ρ² + 1) / (N² ρ²) · ln(sqrt(N ρ² + 1) / α)),
//   p = min(1, sqrt(N ρ² + 1) · exp(-ρ² N lift² / (2 se² (N ρ² + 1))))   (always valid),
// and p < α exactly when 0 lies outside lift ± halfwidth. The sequence is wider than the fixed
// CI at every N, relatively least so near N = N*. One-sided tests use the two-sided sequence at
// level 2α (p = p₂/2 on the alternative's side, 1 - p₂/2 on the other).
double sequentialRho(double alpha, double tuning);
double sequentialHalfwidth(double se, double totalUnits, double alpha, double tuning);
double sequentialPValue(double lift, double se, double totalUnits, double alpha, double tuning);

// ---- Sample-ratio mismatch -------------------------------------------------------------------

struct SrmParams {
    std::vector<std::int64_t> counts; // units assigned to each arm, 0..1e15; 2..1000 arms; sum > 0
    std::vector<double> weights;      // intended traffic share of each arm, > 0, normalized to
                                      // sum 1; empty = equal shares; else one per count
    double threshold = 0.001; // p below this flags a mismatch (GrowthBook's default); (0, 0.5)

    Status validate() const;
};

struct SrmResult {
    double chiSquare = 0.0;            // Σ (observed - expected)² / expected
    int degreesOfFreedom = 0;          // arms - 1
    double pValue = 1.0;               // chi-square survival function
    bool mismatch = false;             // pValue < threshold
    std::vector<double> expected;      // counts the weights call for
    std::vector<double> observedShare; // counts / total
};

Result<SrmResult> sampleRatioMismatch(const SrmParams& params);

// ---- Multiple comparisons --------------------------------------------------------------------

enum class AdjustMethod {
    Holm,              // Holm–Bonferroni step-down; controls the family-wise error rate
    BenjaminiHochberg, // step-up; controls the false discovery rate (independent or PRDS tests)
};

struct AdjustParams {
    std::vector<double> pValues; // raw p-values, each in [0, 1]; 1..100000 of them
    AdjustMethod method = AdjustMethod::Holm;
    double alpha = 0.05; // family-wise error rate (Holm) or false discovery rate (BH); (0, 0.5)

    Status validate() const;
};

struct AdjustResult {
    std::vector<double> adjusted; // in input order, monotone in the raw p-values, capped at 1
    std::vector<bool> rejected;   // adjusted < alpha
};

// Holm: sorted p(1) <= ... <= p(m), adjusted p(i) = max over j <= i of min(1, (m - j + 1) p(j)).
// BH: adjusted p(i) = min over j >= i of min(1, m p(j) / j). As statsmodels' multipletests
// "holm" and "fdr_bh".
Result<AdjustResult> adjustPValues(const AdjustParams& params);

// Names for messages and JSON: "relative", "two-sided", "holm", "bh".
const char* liftScaleName(LiftScale scale);
const char* alternativeName(Alternative alternative);
const char* adjustMethodName(AdjustMethod method);

} // namespace merch::stats
