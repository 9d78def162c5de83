// Welch's two-sample test on relative or absolute lift, its sequential variant and the Bayesian
// posterior of the lift (merch/stats.h documents the formulas).
#include <cmath>
#include <limits>
#include <string>

#include "merch/distributions.h"
#include "merch/stats.h"

namespace merch::stats {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// "control.successes must be ..." from "successes must be ...".
Status prefixed(const Status& status, const char* arm) {
    return Status::invalidArgument(std::string(arm) + "." + status.message());
}

Status checkArm(const ArmMoments& arm, const char* name) {
    if (arm.n < 2)
        return Status::invalidArgument(std::string(name) + ".n must be at least 2 (got " +
                                       std::to_string(arm.n) + ")");
    if (!std::isfinite(arm.mean))
        return Status::invalidArgument(std::string(name) + ".mean must be a finite number");
    if (!(arm.variance >= 0.0) || !std::isfinite(arm.variance))
        return Status::invalidArgument(std::string(name) +
                                       ".variance must be a finite number >= 0");
    return Status::ok();
}

BayesianResult posteriorOfLift(double lift, double se, const TestOptions& options) {
    BayesianResult result;
    result.flatPrior = !options.prior.has_value();
    if (result.flatPrior) {
        result.posteriorMean = lift;
        result.posteriorSe = se;
    } else {
        const double precision = 1.0 / options.prior->variance + 1.0 / (se * se);
        const double variance = 1.0 / precision;
        result.posteriorMean =
            variance * (options.prior->mean / options.prior->variance + lift / (se * se));
        result.posteriorSe = std::sqrt(variance);
    }
    result.chanceToWin = normalCdf(result.posteriorMean / result.posteriorSe);
    const double z = normalQuantile(1.0 - 0.5 * options.alpha);
    result.credibleLow = result.posteriorMean - z * result.posteriorSe;
    result.credibleHigh = result.posteriorMean + z * result.posteriorSe;
    return result;
}

void fixedHorizonTest(TestResult& r) {
    const double alpha = r.options.alpha;
    const double dof = r.degreesOfFreedom;
    switch (r.options.alternative) {
    case Alternative::TwoSided: {
        r.pValue = std::fmin(1.0, 2.0 * studentTSurvival(std::fabs(r.statistic), dof));
        const double width = studentTQuantile(1.0 - 0.5 * alpha, dof) * r.se;
        r.ciLow = r.lift - width;
        r.ciHigh = r.lift + width;
        break;
    }
    case Alternative::Greater:
        r.pValue = studentTSurvival(r.statistic, dof);
        r.ciLow = r.lift - studentTQuantile(1.0 - alpha, dof) * r.se;
        r.ciHigh = kInfinity;
        break;
    case Alternative::Less:
        r.pValue = studentTCdf(r.statistic, dof);
        r.ciLow = -kInfinity;
        r.ciHigh = r.lift + studentTQuantile(1.0 - alpha, dof) * r.se;
        break;
    }
}

void sequentialTest(TestResult& r) {
    const double n = double(r.control.n + r.treatment.n);
    const double tuning = r.options.sequentialTuning;
    r.degreesOfFreedom = kInfinity;
    if (r.options.alternative == Alternative::TwoSided) {
        r.pValue = sequentialPValue(r.lift, r.se, n, r.options.alpha, tuning);
        const double width = sequentialHalfwidth(r.se, n, r.options.alpha, tuning);
        r.ciLow = r.lift - width;
        r.ciHigh = r.lift + width;
        return;
    }
    // One-sided: the two-sided sequence at level 2α.
    const double doubled = 2.0 * r.options.alpha;
    const double twoSided = sequentialPValue(r.lift, r.se, n, doubled, tuning);
    const double width = sequentialHalfwidth(r.se, n, doubled, tuning);
    const bool greater = r.options.alternative == Alternative::Greater;
    const bool favourable = greater ? r.lift > 0.0 : r.lift < 0.0;
    r.pValue = favourable ? 0.5 * twoSided : 1.0 - 0.5 * twoSided;
    r.ciLow = greater ? r.lift - width : -kInfinity;
    r.ciHigh = greater ? kInfinity : r.lift + width;
}

template <typename Sample>
Result<TestResult> compareSamples(const Sample& control, const Sample& treatment,
                                  const TestOptions& options) {
    if (auto status = control.validate(); !status)
        return prefixed(status, "control");
    if (auto status = treatment.validate(); !status)
        return prefixed(status, "treatment");
    auto a = momentsOf(control);
    if (!a)
        return prefixed(a.status(), "control");
    auto b = momentsOf(treatment);
    if (!b)
        return prefixed(b.status(), "treatment");
    return compareMoments(*a, *b, options);
}

} // namespace

Status TestOptions::validate() const {
    if (!(alpha > 0.0 && alpha < 0.5))
        return Status::invalidArgument("alpha must be greater than 0 and less than 0.5");
    if (!(sequentialTuning >= 1.0) || !std::isfinite(sequentialTuning))
        return Status::invalidArgument("sequentialTuning must be a number >= 1");
    if (prior) {
        if (!std::isfinite(prior->mean))
            return Status::invalidArgument("prior.mean must be a finite number");
        if (!(prior->variance > 0.0) || !std::isfinite(prior->variance))
            return Status::invalidArgument("prior.variance must be a finite number > 0");
    }
    return Status::ok();
}

Result<TestResult> compareMoments(const ArmMoments& control, const ArmMoments& treatment,
                                  const TestOptions& options) {
    if (auto status = options.validate(); !status)
        return status;
    if (auto status = checkArm(control, "control"); !status)
        return status;
    if (auto status = checkArm(treatment, "treatment"); !status)
        return status;
    const double nA = double(control.n);
    const double nB = double(treatment.n);
    const double meanVarianceA = control.variance / nA; // variance of each arm's mean
    const double meanVarianceB = treatment.variance / nB;
    if (!(meanVarianceA + meanVarianceB > 0.0))
        return Status::invalidArgument("both arms have zero variance (every unit has the same "
                                       "value), so there is nothing to test");
    const bool relative = options.scale == LiftScale::Relative;
    if (relative && control.mean == 0.0)
        return Status::invalidArgument("control.mean is 0, so a relative lift is undefined; use "
                                       "the absolute scale");

    TestResult r;
    r.control = control;
    r.treatment = treatment;
    r.options = options;
    const double mA = control.mean;
    const double mB = treatment.mean;
    double variance = meanVarianceA + meanVarianceB;
    r.lift = mB - mA;
    if (relative) {
        r.lift = (mB - mA) / mA;
        variance = meanVarianceB / (mA * mA) + meanVarianceA * mB * mB / (mA * mA * mA * mA);
    }
    r.se = std::sqrt(variance);
    r.statistic = r.lift / r.se;
    r.degreesOfFreedom =
        std::pow(meanVarianceA + meanVarianceB, 2) /
        (meanVarianceA * meanVarianceA / (nA - 1.0) + meanVarianceB * meanVarianceB / (nB - 1.0));
    if (options.sequential)
        sequentialTest(r);
    else
        fixedHorizonTest(r);
    r.bayesian = posteriorOfLift(r.lift, r.se, options);

    for (const auto& warning : control.warnings)
        r.warnings.push_back("control: " + warning);
    for (const auto& warning : treatment.warnings)
        r.warnings.push_back("treatment: " + warning);
    if (control.n < 30 || treatment.n < 30)
        r.warnings.push_back("fewer than 30 units in an arm: the normal approximation behind "
                             "the test may be poor");
    return r;
}

Result<TestResult> compareProportions(const ProportionSample& control,
                                      const ProportionSample& treatment,
                                      const TestOptions& options) {
    return compareSamples(control, treatment, options);
}

Result<TestResult> compareMeans(const MeanSample& control, const MeanSample& treatment,
                                const TestOptions& options) {
    return compareSamples(control, treatment, options);
}

Result<TestResult> compareRatios(const RatioSample& control, const RatioSample& treatment,
                                 const TestOptions& options) {
    return compareSamples(control, treatment, options);
}

const char* liftScaleName(LiftScale scale) {
    return scale == LiftScale::Relative ? "relative" : "absolute";
}

const char* alternativeName(Alternative alternative) {
    switch (alternative) {
    case Alternative::TwoSided:
        return "two-sided";
    case Alternative::Greater:
        return "greater";
    case Alternative::Less:
        return "less";
    }
    return "two-sided";
}

const char* adjustMethodName(AdjustMethod method) {
    return method == AdjustMethod::Holm ? "holm" : "bh";
}

} // namespace merch::stats
