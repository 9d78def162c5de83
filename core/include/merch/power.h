// Power, minimum detectable effect, sample size and runway for a test of two proportions
// (conversion rate, add-to-cart rate).
//
// Notation: p1 = baseline (control) rate, p2 = treatment rate under the effect to detect,
// Δ = p2 - p1, r = nC / nT (control units per treatment unit; 1 for a 50/50 split),
// z_a = Φ⁻¹(1 - α/2) two-sided or Φ⁻¹(1 - α) one-sided, z_b = Φ⁻¹(power).
//
// PooledNormal (default): the normal-approximation z-test with the pooled variance under H0 and
// the unpooled variance under H1, without continuity correction (Fleiss, Levin & Paik 2003,
// "Statistical Methods for Rates and Proportions", eq. 4.14 less the correction; the formula of
// statsmodels' samplesize_proportions_2indep_onetail and power_proportions_2indep):
//   p̄ = (p2 + r p1) / (1 + r),  s0 = sqrt(p̄ (1 - p̄) (1 + 1/r)),  s1 = sqrt(p2 q2 + p1 q1 / r)
//   nT = ((z_a s0 + z_b s1) / Δ)²,  nC = r nT;  for 50/50: n = (z_a sqrt(2 p̄ q̄) + z_b
//   sqrt(p1 q1 + p2 q2))² / Δ² per arm.
// Arcsine: Cohen's effect size h = 2 asin(sqrt(p2)) - 2 asin(sqrt(p1)) with variance-stabilized
// arms (statsmodels NormalIndPower with effect_size = h):
//   nT = (z_a + z_b)² (1 + 1/r) / h².
// Both sample sizes use the one-tail approximation (the far tail of a two-sided test is
// ignored); power includes both tails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "merch/stats.h"
#include "merch/status.h"

namespace merch::stats {

enum class SampleSizeFormula {
    PooledNormal, // "pooled_normal" (default)
    Arcsine,      // "arcsine" (Cohen's h)
};

struct ProportionPowerParams {
    double baseline = 0.05; // control conversion rate p1, per unit; valid (0, 1)
    double mde = 0.10;      // effect to detect (increase): relative lift by default (0.10 = +10%
                            // of baseline), absolute rate difference when absoluteMde; > 0, and
                            // the treatment rate must stay below 1
    bool absoluteMde = false;
    double alpha = 0.05; // false positive rate; valid (0, 0.5)
    double power = 0.80; // chance to detect the effect; valid (alpha, 1) and at most 0.9999
    Alternative alternative = Alternative::TwoSided; // TwoSided or Greater (Less is rejected:
                                                     // the mde is an increase)
    double treatmentShare = 0.5; // share of traffic in the treatment arm; valid [0.01, 0.99]
    double sessionsPerDay = 0.0; // eligible units a day, both arms together, for the runway;
                                 // 0 = no runway; else valid [1, 1e9]
    SampleSizeFormula formula = SampleSizeFormula::PooledNormal;

    Status validate() const; // names the first field out of range
};

struct SampleSizeResult {
    std::string formula;      // "pooled_normal" or "arcsine"
    double treatmentRate = 0; // p2
    double absoluteEffect = 0;
    double relativeEffect = 0;
    double exactPerArm = 0;         // unrounded units per arm for a 50/50 split
    std::int64_t perArm = 0;        // ceil(exactPerArm): the headline "sample size per arm"
    std::int64_t controlSize = 0;   // at params.treatmentShare, rounded up
    std::int64_t treatmentSize = 0; // at params.treatmentShare, rounded up
    std::int64_t total = 0;
    std::optional<int> runwayDays; // days until both arms have their size at sessionsPerDay
    std::vector<std::string> warnings;
};

Result<SampleSizeResult> sampleSize(const ProportionPowerParams& params);

// Power of the test when `totalUnits` (both arms) are split by params.treatmentShare and the true
// effect is params.mde (params.power is ignored). totalUnits valid 4..1e12.
Result<double> powerAt(const ProportionPowerParams& params, double totalUnits);

struct MdeResult {
    double relativeEffect = 0; // smallest relative lift detected with params.power
    double absoluteEffect = 0; // the same as a rate difference
    double treatmentRate = 0;
};

// The smallest increase detected with params.power from `totalUnits` (both arms; params.mde is
// ignored). Fails when no increase that keeps the treatment rate below 1 reaches that power.
Result<MdeResult> minimumDetectableEffect(const ProportionPowerParams& params, double totalUnits);

const char* sampleSizeFormulaName(SampleSizeFormula formula);

} // namespace merch::stats
