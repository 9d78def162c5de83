// Published price points behind the cost model's defaults, each with its source and the date
// it was read, so the Costs page can show where a default comes from. All are editable inputs.
#pragma once

#include <string>
#include <vector>

namespace merch {

struct PricePoint {
    std::string key;    // the input it sets: "saasPer1kSearches", "vmPerHour", ...
    std::string what;   // "Algolia Grow: search requests"
    double value = 0;   // in `unit`
    std::string unit;   // "$ per 1k requests"
    std::string source; // where it was published
    std::string date;   // when that page said so (YYYY or YYYY-MM-DD)
};

const std::vector<PricePoint>& publishedPricePoints();

} // namespace merch
