// Power, sample size, minimum detectable effect and runway for two proportions (merch/power.h
// writes out both formulas).
#include "merch/power.h"

#include <cmath>
#include <cstdio>

#include "merch/distributions.h"

namespace merch::stats {

namespace {

constexpr double kMaxUnits = 1e15; // beyond this no store has the traffic (and int64 is near)

struct Design {
    double p1 = 0; // control rate
    double p2 = 0; // treatment rate
    double r = 1;  // control units per treatment unit
    double za = 0; // critical value of the test
    bool twoSided = true;
};

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

double treatmentRateOf(const ProportionPowerParams& params) {
    return params.absoluteMde ? params.baseline + params.mde : params.baseline * (1.0 + params.mde);
}

Status validateDesign(const ProportionPowerParams& p, bool checkEffect, bool checkPower) {
    if (!(p.baseline > 0.0 && p.baseline < 1.0))
        return Status::invalidArgument("baseline must be a rate greater than 0 and less than 1");
    if (checkEffect) {
        if (!(p.mde > 0.0) || !std::isfinite(p.mde))
            return Status::invalidArgument("mde must be a number greater than 0");
        if (!(treatmentRateOf(p) < 1.0))
            return Status::invalidArgument("mde is too large: the treatment rate would be " +
                                           number(treatmentRateOf(p)) + ", not below 1");
    }
    if (!(p.alpha > 0.0 && p.alpha < 0.5))
        return Status::invalidArgument("alpha must be greater than 0 and less than 0.5");
    if (checkPower && !(p.power > p.alpha && p.power <= 0.9999))
        return Status::invalidArgument("power must be greater than alpha and at most 0.9999");
    if (p.alternative == Alternative::Less)
        return Status::invalidArgument("alternative must be two-sided or greater (the mde is an "
                                       "increase)");
    if (!(p.treatmentShare >= 0.01 && p.treatmentShare <= 0.99))
        return Status::invalidArgument("treatmentShare must be between 0.01 and 0.99");
    if (!(p.sessionsPerDay == 0.0 || (p.sessionsPerDay >= 1.0 && p.sessionsPerDay <= 1e9)))
        return Status::invalidArgument("sessionsPerDay must be 0 (no runway) or between 1 and "
                                       "1e9");
    return Status::ok();
}

Design designOf(const ProportionPowerParams& params, double treatmentRate, double share) {
    Design d;
    d.p1 = params.baseline;
    d.p2 = treatmentRate;
    d.r = (1.0 - share) / share;
    d.twoSided = params.alternative == Alternative::TwoSided;
    d.za = normalQuantile(1.0 - (d.twoSided ? 0.5 * params.alpha : params.alpha));
    return d;
}

// Standard deviations (per sqrt(treatment unit)) of the difference under H0 and H1.
void pooledDeviations(const Design& d, double& s0, double& s1) {
    const double pooled = (d.p2 + d.r * d.p1) / (1.0 + d.r);
    s0 = std::sqrt(pooled * (1.0 - pooled) * (1.0 + 1.0 / d.r));
    s1 = std::sqrt(d.p2 * (1.0 - d.p2) + d.p1 * (1.0 - d.p1) / d.r);
}

double arcsineEffect(const Design& d) {
    return 2.0 * std::asin(std::sqrt(d.p2)) - 2.0 * std::asin(std::sqrt(d.p1));
}

// Treatment-arm units for the power, one-tail approximation.
double treatmentUnitsFor(const Design& d, SampleSizeFormula formula, double power) {
    const double zb = normalQuantile(power);
    if (formula == SampleSizeFormula::Arcsine) {
        const double h = arcsineEffect(d);
        return std::pow(d.za + zb, 2) * (1.0 + 1.0 / d.r) / (h * h);
    }
    double s0 = 0;
    double s1 = 0;
    pooledDeviations(d, s0, s1);
    return std::pow((d.za * s0 + zb * s1) / (d.p2 - d.p1), 2);
}

// Power with nT treatment units, both tails when two-sided.
double powerFor(const Design& d, SampleSizeFormula formula, double nT) {
    double shift = 0; // expected z statistic under H1
    double scale = 1; // s0 / s1: the critical value in H1 standard deviations
    if (formula == SampleSizeFormula::Arcsine) {
        shift = arcsineEffect(d) * std::sqrt(nT / (1.0 + 1.0 / d.r));
    } else {
        double s0 = 0;
        double s1 = 0;
        pooledDeviations(d, s0, s1);
        shift = (d.p2 - d.p1) * std::sqrt(nT) / s1;
        scale = s0 / s1;
    }
    double power = normalSurvival(d.za * scale - shift);
    if (d.twoSided)
        power += normalCdf(-d.za * scale - shift);
    return power;
}

std::int64_t roundUp(double units) {
    return std::int64_t(std::ceil(units * (1.0 - 1e-12)));
}

} // namespace

Status ProportionPowerParams::validate() const {
    return validateDesign(*this, true, true);
}

const char* sampleSizeFormulaName(SampleSizeFormula formula) {
    return formula == SampleSizeFormula::Arcsine ? "arcsine" : "pooled_normal";
}

Result<SampleSizeResult> sampleSize(const ProportionPowerParams& params) {
    if (auto status = params.validate(); !status)
        return status;
    SampleSizeResult result;
    result.formula = sampleSizeFormulaName(params.formula);
    result.treatmentRate = treatmentRateOf(params);
    result.absoluteEffect = result.treatmentRate - params.baseline;
    result.relativeEffect = result.absoluteEffect / params.baseline;

    const Design even = designOf(params, result.treatmentRate, 0.5);
    result.exactPerArm = treatmentUnitsFor(even, params.formula, params.power);
    const double share = params.treatmentShare;
    const Design split = designOf(params, result.treatmentRate, share);
    const double treatmentUnits = treatmentUnitsFor(split, params.formula, params.power);
    if (!(result.exactPerArm <= kMaxUnits && treatmentUnits * (1.0 + split.r) <= kMaxUnits))
        return Status::invalidArgument("mde is too small to test: it needs more than 1e15 units");
    result.perArm = roundUp(result.exactPerArm);
    result.treatmentSize = roundUp(treatmentUnits);
    result.controlSize = roundUp(treatmentUnits * split.r);
    result.total = result.controlSize + result.treatmentSize;

    if (params.sessionsPerDay > 0.0) {
        const double days =
            std::fmax(double(result.controlSize) / ((1.0 - share) * params.sessionsPerDay),
                      double(result.treatmentSize) / (share * params.sessionsPerDay));
        result.runwayDays = int(std::fmin(std::ceil(days), 1e9));
        if (*result.runwayDays < 28)
            result.warnings.push_back(
                "the sample is reached in " + std::to_string(*result.runwayDays) +
                " days; still run whole weeks, at least 4 (weekday cycles, novelty effects)");
        else if (*result.runwayDays > 365)
            result.warnings.push_back("more than a year of traffic: test a bolder change, a "
                                      "more frequent metric, or accept a larger mde");
    }
    return result;
}

Result<double> powerAt(const ProportionPowerParams& params, double totalUnits) {
    if (auto status = validateDesign(params, true, false); !status)
        return status;
    if (!(totalUnits >= 4.0 && totalUnits <= 1e12))
        return Status::invalidArgument("totalUnits must be between 4 and 1e12");
    const Design d = designOf(params, treatmentRateOf(params), params.treatmentShare);
    return powerFor(d, params.formula, totalUnits * params.treatmentShare);
}

Result<MdeResult> minimumDetectableEffect(const ProportionPowerParams& params, double totalUnits) {
    if (auto status = validateDesign(params, false, true); !status)
        return status;
    if (!(totalUnits >= 4.0 && totalUnits <= 1e12))
        return Status::invalidArgument("totalUnits must be between 4 and 1e12");
    const double nT = totalUnits * params.treatmentShare;
    auto powerWithRate = [&](double p2) {
        return powerFor(designOf(params, p2, params.treatmentShare), params.formula, nT);
    };
    double lo = params.baseline;
    double hi = 1.0 - 1e-12;
    if (powerWithRate(hi) < params.power)
        return Status::invalidArgument("no increase of the rate reaches power " +
                                       number(params.power) + " with " + number(totalUnits) +
                                       " units; more traffic is needed");
    for (int i = 0; i < 200 && hi - lo > 1e-15 * hi; ++i) {
        const double mid = 0.5 * (lo + hi);
        (powerWithRate(mid) < params.power ? lo : hi) = mid;
    }
    MdeResult result;
    result.treatmentRate = hi;
    result.absoluteEffect = hi - params.baseline;
    result.relativeEffect = result.absoluteEffect / params.baseline;
    return result;
}

} // namespace merch::stats
