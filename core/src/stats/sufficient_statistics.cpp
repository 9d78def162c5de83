// From one arm's sufficient statistics to its mean and per-unit variance (merch/stats.h).
#include <cmath>
#include <cstdio>
#include <string>

#include "merch/stats.h"

namespace merch::stats {

namespace {

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
}

Status checkUnits(std::int64_t n) {
    if (n < 2)
        return Status::invalidArgument("n must be at least 2 (got " + std::to_string(n) + ")");
    return Status::ok();
}

Status checkFinite(double value, const char* field) {
    if (!std::isfinite(value))
        return Status::invalidArgument(std::string(field) + " must be a finite number");
    return Status::ok();
}

// Σx² - (Σx)²/n, the sum of squared deviations; negative only for inconsistent sums.
double squaredDeviations(double sum, double sumSquares, std::int64_t n) {
    return sumSquares - sum * sum / double(n);
}

} // namespace

Status ProportionSample::validate() const {
    if (auto status = checkUnits(n); !status)
        return status;
    if (successes < 0 || successes > n)
        return Status::invalidArgument("successes must be between 0 and n (got " +
                                       std::to_string(successes) + " with n " + std::to_string(n) +
                                       ")");
    return Status::ok();
}

Status MeanSample::validate() const {
    if (auto status = checkUnits(n); !status)
        return status;
    if (auto status = checkFinite(sum, "sum"); !status)
        return status;
    if (auto status = checkFinite(sumSquares, "sumSquares"); !status)
        return status;
    const double floor = sum * sum / double(n);
    if (sumSquares < floor - 1e-9 * std::fmax(std::fabs(sumSquares), floor))
        return Status::invalidArgument("sumSquares must be at least sum^2/n = " + number(floor) +
                                       " (got " + number(sumSquares) +
                                       "); these are not the sums of one sample");
    return Status::ok();
}

Status RatioSample::validate() const {
    if (auto status = checkUnits(n); !status)
        return status;
    if (auto status = checkFinite(numeratorSum, "numeratorSum"); !status)
        return status;
    if (auto status = checkFinite(numeratorSumSquares, "numeratorSumSquares"); !status)
        return status;
    if (auto status = checkFinite(denominatorSum, "denominatorSum"); !status)
        return status;
    if (auto status = checkFinite(denominatorSumSquares, "denominatorSumSquares"); !status)
        return status;
    if (auto status = checkFinite(productSum, "productSum"); !status)
        return status;
    if (numeratorSumSquares < 0.0)
        return Status::invalidArgument("numeratorSumSquares must not be negative");
    if (denominatorSumSquares < 0.0)
        return Status::invalidArgument("denominatorSumSquares must not be negative");
    if (denominatorSum == 0.0)
        return Status::invalidArgument("denominatorSum must not be 0 (the ratio is undefined)");
    return Status::ok();
}

Result<ArmMoments> momentsOf(const ProportionSample& sample) {
    if (auto status = sample.validate(); !status)
        return status;
    ArmMoments moments;
    moments.n = sample.n;
    moments.mean = double(sample.successes) / double(sample.n);
    moments.variance = moments.mean * (1.0 - moments.mean);
    return moments;
}

Result<ArmMoments> momentsOf(const MeanSample& sample) {
    if (auto status = sample.validate(); !status)
        return status;
    ArmMoments moments;
    moments.n = sample.n;
    moments.mean = sample.sum / double(sample.n);
    const double deviations = squaredDeviations(sample.sum, sample.sumSquares, sample.n);
    moments.variance = std::fmax(deviations, 0.0) / double(sample.n - 1); // rounding can dip < 0
    return moments;
}

Result<ArmMoments> momentsOf(const RatioSample& sample) {
    if (auto status = sample.validate(); !status)
        return status;
    const double n = double(sample.n);
    const double meanM = sample.numeratorSum / n;
    const double meanD = sample.denominatorSum / n;
    const double varianceM =
        squaredDeviations(sample.numeratorSum, sample.numeratorSumSquares, sample.n) / (n - 1.0);
    const double varianceD =
        squaredDeviations(sample.denominatorSum, sample.denominatorSumSquares, sample.n) /
        (n - 1.0);
    const double covariance =
        (sample.productSum - sample.numeratorSum * sample.denominatorSum / n) / (n - 1.0);

    ArmMoments moments;
    moments.n = sample.n;
    moments.mean = meanM / meanD;
    moments.variance = varianceM / (meanD * meanD) -
                       2.0 * covariance * meanM / (meanD * meanD * meanD) +
                       meanM * meanM * varianceD / (meanD * meanD * meanD * meanD);
    if (!std::isfinite(moments.variance) || moments.variance < 0.0)
        return Status::invalidArgument("the sums give a negative delta-method variance (" +
                                       number(moments.variance) +
                                       "); they cannot come from one sample");
    if (varianceM < 0.0 || varianceD < 0.0 || covariance * covariance > varianceM * varianceD)
        moments.warnings.push_back(
            "the numerator and denominator sums are not those of any real sample (a variance is "
            "negative or |covariance| exceeds the product of the deviations); the delta-method "
            "variance is used as given");
    return moments;
}

} // namespace merch::stats
