// The true search conversion of each search method on a world: the store's native keyword
// search logs the history, the search engine is built from the world's exported catalog (and,
// for hybrid_clicks, the history's search logs), and the same shoppers with the same draws
// then live the test period once per method, every search answered by it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "merch/run_control.h"
#include "merch/search.h"
#include "merch/status.h"

namespace merch {

struct SearchComparisonParams {
    int products = 2000;         // the world's catalog; 50..200000
    double sessionsPerDay = 620; // mean daily sessions; 10..200000
    int historyDays = 60;        // days logged under native search first; 7..365
    int testDays = 28;           // days every method then runs; 1..365
    std::vector<SearchMethod> methods = {SearchMethod::Keyword, SearchMethod::Semantic,
                                         SearchMethod::Hybrid, SearchMethod::HybridClicks};
    // Seed comes from RunControl::seed (the world's).

    Status validate() const; // names the field
};

struct SearchMethodTruth {
    std::string method;                 // "native" first, then searchMethodName()s
    std::int64_t sessions = 0;          // all sessions of the test period
    std::int64_t searchSessions = 0;    // sessions that typed at least one search
    std::int64_t searches = 0;          // searches typed
    double zeroResultRate = 0;          // share of searches answered with nothing
    double searchConversionRate = 0;    // searching sessions with a purchase / searching sessions
    double revenuePerSearchSession = 0; // store currency
    double searchRevenue = 0;           // revenue of searching sessions
    double conversionRate = 0;          // all sessions (the store-wide effect)
    double revenuePerSession = 0;
    // Relative to native search over the same shoppers (0 for native itself).
    double searchConversionLift = 0;
    double searchRevenueLift = 0; // revenue per searching session
};

struct SearchComparison {
    SearchComparisonParams params;
    std::uint64_t seed = 0;
    std::int64_t historySearchCases = 0;    // labelled searches hybrid_clicks learned from
    std::vector<SearchMethodTruth> methods; // native first
};

Result<SearchComparison> compareSearchMethods(const SearchComparisonParams& params,
                                              const RunControl& control);

} // namespace merch
