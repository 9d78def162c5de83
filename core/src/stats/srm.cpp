// Sample-ratio mismatch: Pearson's chi-square goodness of fit of the arms' unit counts against
// the intended split, with arms - 1 degrees of freedom.
#include <cmath>
#include <string>

#include "merch/distributions.h"
#include "merch/stats.h"

namespace merch::stats {

Status SrmParams::validate() const {
    if (counts.size() < 2 || counts.size() > 1000)
        return Status::invalidArgument("counts must have 2 to 1000 arms (got " +
                                       std::to_string(counts.size()) + ")");
    double total = 0.0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        if (counts[i] < 0 || counts[i] > 1'000'000'000'000'000LL)
            return Status::invalidArgument("counts[" + std::to_string(i) +
                                           "] must be between 0 and 1e15");
        total += double(counts[i]);
    }
    if (total <= 0)
        return Status::invalidArgument("counts must not all be 0");
    if (!weights.empty() && weights.size() != counts.size())
        return Status::invalidArgument("weights must have one entry per arm (" +
                                       std::to_string(counts.size()) + "), got " +
                                       std::to_string(weights.size()));
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (!(weights[i] > 0.0) || !std::isfinite(weights[i]))
            return Status::invalidArgument("weights[" + std::to_string(i) +
                                           "] must be a finite number > 0");
    }
    if (!(threshold > 0.0 && threshold < 0.5))
        return Status::invalidArgument("threshold must be greater than 0 and less than 0.5");
    return Status::ok();
}

Result<SrmResult> sampleRatioMismatch(const SrmParams& params) {
    if (auto status = params.validate(); !status)
        return status;
    const std::size_t arms = params.counts.size();
    double total = 0.0;
    for (std::int64_t count : params.counts)
        total += double(count);
    double weightSum = 0.0;
    for (std::size_t i = 0; i < arms; ++i)
        weightSum += params.weights.empty() ? 1.0 : params.weights[i];

    SrmResult result;
    result.degreesOfFreedom = int(arms) - 1;
    for (std::size_t i = 0; i < arms; ++i) {
        const double weight = params.weights.empty() ? 1.0 : params.weights[i];
        const double expected = total * weight / weightSum;
        const double difference = double(params.counts[i]) - expected;
        result.expected.push_back(expected);
        result.observedShare.push_back(double(params.counts[i]) / total);
        result.chiSquare += difference * difference / expected;
    }
    result.pValue = chiSquareSurvival(result.chiSquare, double(result.degreesOfFreedom));
    result.mismatch = result.pValue < params.threshold;
    return result;
}

} // namespace merch::stats
