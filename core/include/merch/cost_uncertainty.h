// How sure the cost model's answer is: Monte Carlo over the input ranges (P10/P50/P90 payback
// week and NPV per path) and a tornado of the inputs that move payback most.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "merch/cost_model.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

// One input the analysis varies, drawn from a triangular distribution (low, base, high).
struct UncertainInput {
    std::string key;   // "lift", "dayRate", "grossMargin", "buildMonths.hybrid", ...
    std::string label; // "Lift on revenue", ... (chart axis)
    double low = 0;
    double base = 0;
    double high = 0;
};

// The default ranges: the lift's own low..high; day rate -25%..+25%; gross margin +-0.1; each
// path's build months over the brief's time-to-value range (SaaS 2-6 weeks, hybrid 6-10
// weeks, custom 3-6 months), clamped to contain the current value; lift capture +-0.15.
std::vector<UncertainInput> defaultUncertainInputs(const CostInputs& inputs);

// Sets the input named by `key` (see UncertainInput::key); InvalidArgument for an unknown key.
Status applyUncertainInput(CostInputs& inputs, const std::string& key, double value);

struct UncertaintyParams {
    int draws = 2000;                   // Monte Carlo draws; 100..200000
    int histogramBins = 24;             // bins of the NPV histogram; 5..200
    std::vector<UncertainInput> ranges; // empty: defaultUncertainInputs(inputs)
    Status validate() const;
};

struct PathUncertainty {
    CostPath path = CostPath::Saas;
    // Payback week quantiles; -1 when that quantile does not pay back within the horizon.
    int p10PaybackWeek = -1;
    int p50PaybackWeek = -1;
    int p90PaybackWeek = -1;
    double shareNeverPaysBack = 0; // share of draws with no payback within the horizon
    double p10Npv = 0, p50Npv = 0, p90Npv = 0;
    double npvMin = 0, npvMax = 0; // histogram range
    std::vector<int> npvHistogram; // draws per bin, histogramBins bins over [npvMin, npvMax]
};

struct TornadoBar {
    std::string key;
    std::string label;
    double low = 0, high = 0; // the input's range
    int paybackAtLow = -1;    // payback week with the input at low, others at base
    int paybackAtHigh = -1;   // -1: no payback within the horizon
    double npvAtLow = 0, npvAtHigh = 0;
    double swingWeeks = 0; // |payback(high) - payback(low)|, a missing payback counted as
                           // horizon + 1 weeks
};

struct UncertaintyResult {
    int draws = 0;
    std::uint64_t seed = 0;
    std::vector<UncertainInput> ranges;
    std::array<PathUncertainty, kCostPathCount> paths;
    CostPath tornadoPath = CostPath::Saas; // the recommended path at base inputs
    std::vector<TornadoBar> tornado;       // largest swing first
    const PathUncertainty& path(CostPath p) const { return paths[static_cast<std::size_t>(p)]; }
};

// Deterministic in (inputs, params, control.seed). A few milliseconds for 2,000 draws.
Result<UncertaintyResult> analyseCostUncertainty(const CostInputs& inputs,
                                                 const UncertaintyParams& params,
                                                 const RunControl& control);

} // namespace merch
