// JSON forms of core results, with the keys documented in the README.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "merch/store_summary.h"

namespace merch::cli {

// "2026-01-05T00:00:00Z"
std::string isoTime(std::int64_t unixSeconds);
// "2026-01-05"
std::string isoDate(std::int64_t unixSeconds);

nlohmann::ordered_json summaryToJson(const StoreSummary& summary, const std::string& path);

} // namespace merch::cli
