#include "merch/cost_uncertainty.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "cost/cost_support.h"
#include "util/rng.h"

namespace merch {

namespace {

constexpr std::string_view kBuildMonths = "buildMonths.";
constexpr std::string_view kLiftCapture = "liftCapture.";

std::optional<CostPath> pathFromKey(std::string_view key) {
    for (CostPath p : allCostPaths()) {
        if (key == costPathKey(p))
            return p;
    }
    return std::nullopt;
}

UncertainInput around(std::string key, std::string label, double base, double low, double high) {
    return {std::move(key), std::move(label), std::min(low, base), base, std::max(high, base)};
}

// Draws from the triangular distribution with mode `base` on [low, high].
double triangular(Rng& rng, const UncertainInput& input) {
    const double span = input.high - input.low;
    if (span <= 0)
        return input.base;
    const double u = rng.uniform();
    const double cut = (input.base - input.low) / span;
    if (u < cut)
        return input.low + std::sqrt(u * span * (input.base - input.low));
    return input.high - std::sqrt((1 - u) * span * (input.high - input.base));
}

// A missing payback sorts after every real one.
int paybackRank(int week, int horizon) {
    return week < 0 ? horizon + 1 : week;
}

template <typename T>
T quantile(const std::vector<T>& sorted, double q) {
    const auto index = static_cast<std::size_t>(
        std::clamp(std::ceil(q * double(sorted.size())) - 1, 0.0, double(sorted.size() - 1)));
    return sorted[index];
}

} // namespace

std::vector<UncertainInput> defaultUncertainInputs(const CostInputs& inputs) {
    std::vector<UncertainInput> ranges;
    ranges.push_back(around("lift", "Lift on revenue", inputs.lift.revenueLift, inputs.lift.low,
                            inputs.lift.high));
    const double rate = inputs.rates.dayRate;
    ranges.push_back(around("dayRate", "Day rate", rate, rate * 0.75, rate * 1.25));
    const double margin = inputs.store.grossMargin;
    ranges.push_back(around("grossMargin", "Gross margin", margin, std::max(0.01, margin - 0.1),
                            std::min(1.0, margin + 0.1)));
    const double attributed = inputs.rates.attributedRevenueShare;
    ranges.push_back(around("attributedRevenueShare", "Vendor-attributed revenue", attributed,
                            attributed * 0.5, std::min(1.0, attributed * 1.5)));
    // The brief's time-to-value ranges, in months.
    const double weeksToMonths = 1.0 / cost::kWeeksPerMonth;
    const std::array<std::pair<double, double>, kCostPathCount> buildRange = {
        std::pair{2 * weeksToMonths, 6 * weeksToMonths},
        std::pair{6 * weeksToMonths, 10 * weeksToMonths}, std::pair{3.0, 6.0}};
    for (CostPath p : allCostPaths()) {
        const auto [low, high] = buildRange[static_cast<std::size_t>(p)];
        ranges.push_back(around(std::string(kBuildMonths) + costPathKey(p),
                                std::string("Build months (") + costPathLabel(p) + ")",
                                inputs.path(p).buildMonths, low, high));
    }
    for (CostPath p : allCostPaths()) {
        const double capture = inputs.path(p).liftCapture;
        ranges.push_back(around(std::string(kLiftCapture) + costPathKey(p),
                                std::string("Lift captured (") + costPathLabel(p) + ")", capture,
                                std::max(0.0, capture - 0.15), std::min(1.5, capture + 0.15)));
    }
    return ranges;
}

Status applyUncertainInput(CostInputs& inputs, const std::string& key, double value) {
    if (key == "lift")
        inputs.lift.revenueLift = value;
    else if (key == "dayRate")
        inputs.rates.dayRate = value;
    else if (key == "grossMargin")
        inputs.store.grossMargin = value;
    else if (key == "attributedRevenueShare")
        inputs.rates.attributedRevenueShare = value;
    else if (key.starts_with(kBuildMonths) && pathFromKey(key.substr(kBuildMonths.size())))
        inputs.path(*pathFromKey(key.substr(kBuildMonths.size()))).buildMonths = value;
    else if (key.starts_with(kLiftCapture) && pathFromKey(key.substr(kLiftCapture.size())))
        inputs.path(*pathFromKey(key.substr(kLiftCapture.size()))).liftCapture = value;
    else
        return Status::invalidArgument("unknown uncertain input: " + key);
    return Status::ok();
}

Status UncertaintyParams::validate() const {
    if (draws < 100 || draws > 200000)
        return Status::invalidArgument("draws must be between 100 and 200000");
    if (histogramBins < 5 || histogramBins > 200)
        return Status::invalidArgument("histogramBins must be between 5 and 200");
    for (const auto& range : ranges) {
        if (!(range.low <= range.base && range.base <= range.high))
            return Status::invalidArgument("range of " + range.key +
                                           " must satisfy low <= base <= high");
    }
    return Status::ok();
}

Result<UncertaintyResult> analyseCostUncertainty(const CostInputs& inputs,
                                                 const UncertaintyParams& params,
                                                 const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    auto base = computeCosts(inputs);
    if (!base)
        return base.status();
    UncertaintyResult result;
    result.draws = params.draws;
    result.seed = control.seed;
    result.ranges = params.ranges.empty() ? defaultUncertainInputs(inputs) : params.ranges;
    for (const auto& range : result.ranges) {
        CostInputs probe = inputs;
        if (auto status = applyUncertainInput(probe, range.key, range.base); !status)
            return status;
    }
    const int horizon = inputs.rates.horizonWeeks;

    // Monte Carlo: every draw varies every range at once.
    std::array<std::vector<int>, kCostPathCount> paybacks;
    std::array<std::vector<double>, kCostPathCount> npvs;
    Rng rng(control.seed);
    for (int draw = 0; draw < params.draws; ++draw) {
        if (draw % 256 == 0 && !control.report(double(draw) / params.draws, "monte carlo"))
            return Status::cancelled();
        CostInputs sample = inputs;
        for (const auto& range : result.ranges)
            (void)applyUncertainInput(sample, range.key, triangular(rng, range));
        for (CostPath p : allCostPaths()) {
            const PathResult path = cost::projectPath(sample, p);
            paybacks[static_cast<std::size_t>(p)].push_back(paybackRank(path.paybackWeek, horizon));
            npvs[static_cast<std::size_t>(p)].push_back(path.npv);
        }
    }
    for (CostPath p : allCostPaths()) {
        const auto i = static_cast<std::size_t>(p);
        auto& weeks = paybacks[i];
        auto& values = npvs[i];
        std::sort(weeks.begin(), weeks.end());
        std::sort(values.begin(), values.end());
        PathUncertainty& out = result.paths[i];
        out.path = p;
        const auto toWeek = [horizon](int rank) { return rank > horizon ? -1 : rank; };
        out.p10PaybackWeek = toWeek(quantile(weeks, 0.10));
        out.p50PaybackWeek = toWeek(quantile(weeks, 0.50));
        out.p90PaybackWeek = toWeek(quantile(weeks, 0.90));
        out.shareNeverPaysBack = double(std::count_if(weeks.begin(), weeks.end(),
                                                      [horizon](int w) { return w > horizon; })) /
                                 double(weeks.size());
        out.p10Npv = quantile(values, 0.10);
        out.p50Npv = quantile(values, 0.50);
        out.p90Npv = quantile(values, 0.90);
        out.npvMin = values.front();
        out.npvMax = values.back();
        out.npvHistogram.assign(static_cast<std::size_t>(params.histogramBins), 0);
        const double width = (out.npvMax - out.npvMin) / params.histogramBins;
        for (double v : values) {
            const int bin =
                width > 0 ? std::min(params.histogramBins - 1, int((v - out.npvMin) / width)) : 0;
            ++out.npvHistogram[static_cast<std::size_t>(bin)];
        }
    }

    // Tornado: one input at a time, on the path recommended at base inputs.
    result.tornadoPath = base->recommended;
    for (const auto& range : result.ranges) {
        TornadoBar bar;
        bar.key = range.key;
        bar.label = range.label;
        bar.low = range.low;
        bar.high = range.high;
        CostInputs low = inputs, high = inputs;
        (void)applyUncertainInput(low, range.key, range.low);
        (void)applyUncertainInput(high, range.key, range.high);
        const PathResult atLow = cost::projectPath(low, result.tornadoPath);
        const PathResult atHigh = cost::projectPath(high, result.tornadoPath);
        bar.paybackAtLow = atLow.paybackWeek;
        bar.paybackAtHigh = atHigh.paybackWeek;
        bar.npvAtLow = atLow.npv;
        bar.npvAtHigh = atHigh.npv;
        bar.swingWeeks = std::abs(paybackRank(atHigh.paybackWeek, horizon) -
                                  paybackRank(atLow.paybackWeek, horizon));
        result.tornado.push_back(bar);
    }
    std::stable_sort(
        result.tornado.begin(), result.tornado.end(), [](const TornadoBar& a, const TornadoBar& b) {
            if (a.swingWeeks != b.swingWeeks)
                return a.swingWeeks > b.swingWeeks;
            return std::abs(a.npvAtHigh - a.npvAtLow) > std::abs(b.npvAtHigh - b.npvAtLow);
        });
    control.report(1.0, "monte carlo");
    return result;
}

} // namespace merch
