#include "cost/cost_support.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace merch::cost {

Status checkRange(double value, double lo, double hi, const std::string& field) {
    if (value >= lo && value <= hi)
        return Status::ok();
    char message[256];
    std::snprintf(message, sizeof message, "%s must be between %g and %g (got %g)", field.c_str(),
                  lo, hi, value);
    return Status::invalidArgument(message);
}

std::string formatMoney(double dollars) {
    const double magnitude = std::fabs(dollars);
    char text[64];
    if (magnitude >= 1e6)
        std::snprintf(text, sizeof text, "$%.2fM", dollars / 1e6);
    else if (magnitude >= 1e4)
        std::snprintf(text, sizeof text, "$%.1fk", dollars / 1e3);
    else
        std::snprintf(text, sizeof text, "$%.0f", dollars);
    std::string result = text;
    if (dollars < 0) // "-$1.2k" reads better than "$-1.2k"
        result = "-" + result.erase(1, 1);
    return result;
}

double rampIntegral(double a, double b, double start, double rampWeeks) {
    if (b <= a)
        return 0.0;
    const double full = start + std::max(0.0, rampWeeks);
    double total = 0.0;
    // The rising part, [start, full): r(t) = (t - start) / rampWeeks.
    const double riseFrom = std::max(a, start);
    const double riseTo = std::min(b, full);
    if (riseTo > riseFrom) {
        const auto primitive = [&](double t) {
            return (t - start) * (t - start) / (2 * rampWeeks);
        };
        total += primitive(riseTo) - primitive(riseFrom);
    }
    // The flat part, [full, inf): r(t) = 1.
    total += std::max(0.0, b - std::max(a, full));
    return total;
}

} // namespace merch::cost
