// Holm–Bonferroni and Benjamini–Hochberg adjusted p-values (merch/stats.h).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "merch/stats.h"

namespace merch::stats {

Status AdjustParams::validate() const {
    if (pValues.empty() || pValues.size() > 100000)
        return Status::invalidArgument("pValues must hold 1 to 100000 values (got " +
                                       std::to_string(pValues.size()) + ")");
    for (std::size_t i = 0; i < pValues.size(); ++i) {
        if (!(pValues[i] >= 0.0 && pValues[i] <= 1.0))
            return Status::invalidArgument("pValues[" + std::to_string(i) +
                                           "] must be between 0 and 1");
    }
    if (!(alpha > 0.0 && alpha < 0.5))
        return Status::invalidArgument("alpha must be greater than 0 and less than 0.5");
    return Status::ok();
}

Result<AdjustResult> adjustPValues(const AdjustParams& params) {
    if (auto status = params.validate(); !status)
        return status;
    const std::vector<double>& p = params.pValues;
    const std::size_t m = p.size();
    std::vector<std::size_t> order(m); // indexes by ascending p, ties in input order
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });

    AdjustResult result;
    result.adjusted.assign(m, 1.0);
    if (params.method == AdjustMethod::Holm) {
        double running = 0.0; // step-down: running maximum from the smallest p up
        for (std::size_t rank = 0; rank < m; ++rank) {
            const std::size_t i = order[rank];
            running = std::fmax(running, std::fmin(1.0, double(m - rank) * p[i]));
            result.adjusted[i] = running;
        }
    } else {
        double running = 1.0; // step-up: running minimum from the largest p down
        for (std::size_t rank = m; rank-- > 0;) {
            const std::size_t i = order[rank];
            running = std::fmin(running, double(m) * p[i] / double(rank + 1));
            result.adjusted[i] = running;
        }
    }
    for (double adjusted : result.adjusted)
        result.rejected.push_back(adjusted < params.alpha);
    return result;
}

} // namespace merch::stats
