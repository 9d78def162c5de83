// `merchsim-cli stats ...`: the experiment statistics on numbers typed in. The README's
// "Statistics" section documents the options, JSON keys and formulas.
#include <cmath>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/stats_input.h"
#include "merch/power.h"
#include "merch/stats.h"

namespace merch::cli {

using namespace merch::stats;
using namespace merch::cli::stats_input;
using Json = nlohmann::ordered_json;

namespace {

enum class Metric { Proportion, Mean, Ratio };

const std::vector<std::pair<std::string, std::string>> kOptionNames = {
    {"control.", "--control: "},
    {"treatment.", "--treatment: "},
    {"alpha ", "--alpha "},
    {"sequentialTuning ", "--tuning "},
    {"prior.variance ", "--prior-sd "},
    {"counts", "--counts"}, // "counts[1] must ..." -> "--counts: value 2 must ..."
    {"weights", "--weights"},
    {"threshold ", "--threshold "},
    {"pValues", "--p"},
    {"baseline ", "--baseline "},
    {"mde ", "--mde "},
    {"power ", "--power "},
    {"treatmentShare ", "--split "},
    {"sessionsPerDay ", "--sessions-per-day "},
    {"totalUnits ", "--sessions-per-day times --days "},
};

CommandSpec makeSpec(std::string verb, std::string summary, std::vector<OptionSpec> options) {
    CommandSpec spec;
    spec.verb = std::move(verb);
    spec.summary = std::move(summary);
    spec.options = std::move(options);
    return spec;
}

int usageError(const std::string& message, const CommandSpec& spec) {
    printError(nameOptions(message, kOptionNames));
    std::cerr << usage(spec);
    return kExitUsage;
}

// A core call failed: bad numbers are the caller's arguments (exit 2), anything else exit 1.
int coreError(const Status& status, const CommandSpec& spec) {
    if (status.code() == StatusCode::InvalidArgument)
        return usageError(status.message(), spec);
    printError(status.message());
    return kExitFailure;
}

Json finiteOrNull(double value) {
    return std::isfinite(value) ? Json(value) : Json(nullptr);
}

std::vector<OptionSpec> testOptions(const std::string& valueName, const std::string& example) {
    return {
        {"control", valueName, "the control arm, e.g. " + example, true},
        {"treatment", valueName, "the treatment arm, same syntax", true},
        {"absolute", "", "report treatment - control instead of the relative lift"},
        {"alternative", "SIDE", "two-sided (default), greater (treatment higher) or less"},
        {"alpha", "X", "significance level, above 0 and below 0.5 (default 0.05)"},
        {"sequential", "", "confidence sequence and always-valid p-value: safe to read every day"},
        {"tuning", "N", "sequential N*: total units where the sequence is tightest (default 5000)"},
        {"bayesian", "", "also print the chance to win (flat prior unless --prior-sd)"},
        {"prior-mean", "X", "mean of a normal prior on the lift (default 0; needs --prior-sd)"},
        {"prior-sd", "X", "standard deviation of that prior, > 0 (implies --bayesian)"},
        {"json", "", "print JSON (keys documented in the README)"}};
}

// A lift (signed) or a standard error (unsigned) in the test's scale: "+6.67%", "+3.33 pp",
// "+0.29".
std::string formatLift(double lift, const TestResult& r, Metric metric, bool sign = true) {
    if (std::isinf(lift))
        return lift > 0 ? "+inf" : "-inf";
    std::string text;
    if (r.options.scale == LiftScale::Relative) {
        text = percent(lift);
    } else {
        char buffer[48];
        if (metric == Metric::Proportion)
            std::snprintf(buffer, sizeof buffer, "%+.2f pp", 100.0 * lift);
        else
            std::snprintf(buffer, sizeof buffer, "%+.6g", lift);
        text = buffer;
    }
    return sign ? text : text.substr(1);
}

std::string formatMean(double mean, Metric metric) {
    char buffer[48];
    if (metric == Metric::Proportion)
        std::snprintf(buffer, sizeof buffer, "%.2f%%", 100.0 * mean);
    else
        std::snprintf(buffer, sizeof buffer, "%.6g", mean);
    return buffer;
}

void printTest(const TestResult& r, Metric metric, bool bayesian) {
    static const char* kTitles[] = {"Proportion test (conversion rate)", "Mean test",
                                    "Ratio test (delta method)"};
    const TestOptions& o = r.options;
    std::printf("%s: %s, %s, alpha %g\n", kTitles[int(metric)],
                o.sequential ? "asymptotic confidence sequence" : "Welch t-test",
                alternativeName(o.alternative), o.alpha);
    std::printf("  %-24s %13s %12s\n", "", "units", "mean");
    std::printf("  %-24s %13s %12s\n", "control", thousands(r.control.n).c_str(),
                formatMean(r.control.mean, metric).c_str());
    std::printf("  %-24s %13s %12s\n\n", "treatment", thousands(r.treatment.n).c_str(),
                formatMean(r.treatment.mean, metric).c_str());
    const std::string level = std::to_string(int(std::lround(100.0 * (1.0 - o.alpha))));
    const char* liftName = o.scale == LiftScale::Relative ? "relative lift" : "difference";
    std::printf("  %-24s %s\n", liftName, formatLift(r.lift, r, metric).c_str());
    const std::string interval = level + (o.sequential ? "% confidence sequence" : "% CI");
    std::printf("  %-24s %s to %s\n", interval.c_str(), formatLift(r.ciLow, r, metric).c_str(),
                formatLift(r.ciHigh, r, metric).c_str());
    const char* verdict = !r.significant() ? "not significant"
                          : r.lift > 0     ? "significant: the treatment is higher"
                                           : "significant: the treatment is lower";
    std::printf("  %-24s %-10s %s at alpha %g\n", o.sequential ? "always-valid p-value" : "p-value",
                pValue(r.pValue).c_str(), verdict, o.alpha);
    if (o.sequential)
        std::printf("  %-24s %s  (N* %g, %s units so far)\n", "standard error",
                    formatLift(r.se, r, metric, false).c_str(), o.sequentialTuning,
                    thousands(r.control.n + r.treatment.n).c_str());
    else
        std::printf("  %-24s %s  (Welch df %.1f)\n", "standard error",
                    formatLift(r.se, r, metric, false).c_str(), r.degreesOfFreedom);
    if (bayesian)
        std::printf("  %-24s %.1f%%  (Bayesian, %s)\n", "chance to win",
                    100.0 * r.bayesian.chanceToWin,
                    r.bayesian.flatPrior ? "flat prior" : "normal prior on the lift");
    for (const auto& warning : r.warnings)
        std::printf("\n  Note: %s\n", warning.c_str());
}

// Conversions of each arm, shown beside the proportions' JSON.
struct Conversions {
    std::int64_t control = 0;
    std::int64_t treatment = 0;
};

Json testToJson(const TestResult& r, Metric metric, bool bayesian,
                const std::optional<Conversions>& conversions) {
    static const char* kMetrics[] = {"proportion", "mean", "ratio"};
    Json json;
    json["metric"] = kMetrics[int(metric)];
    auto arm = [&](const ArmMoments& a, std::optional<std::int64_t> successes) {
        Json j = {{"n", a.n}, {"mean", a.mean}, {"variance", a.variance}};
        if (successes)
            j["successes"] = *successes;
        return j;
    };
    using Count = std::optional<std::int64_t>;
    json["control"] = arm(r.control, conversions ? Count(conversions->control) : std::nullopt);
    json["treatment"] =
        arm(r.treatment, conversions ? Count(conversions->treatment) : std::nullopt);
    json["scale"] = liftScaleName(r.options.scale);
    json["alternative"] = alternativeName(r.options.alternative);
    json["alpha"] = r.options.alpha;
    json["method"] = r.options.sequential ? "sequential_cs" : "welch_t";
    json["lift"] = r.lift;
    json["se"] = r.se;
    json["ci_low"] = finiteOrNull(r.ciLow);
    json["ci_high"] = finiteOrNull(r.ciHigh);
    json["p_value"] = r.pValue;
    json["significant"] = r.significant();
    json["statistic"] = r.statistic;
    json["degrees_of_freedom"] = finiteOrNull(r.degreesOfFreedom);
    if (r.options.sequential)
        json["sequential_tuning"] = r.options.sequentialTuning;
    if (bayesian) {
        json["chance_to_win"] = r.bayesian.chanceToWin;
        json["posterior_mean"] = r.bayesian.posteriorMean;
        json["posterior_se"] = r.bayesian.posteriorSe;
        json["credible_low"] = r.bayesian.credibleLow;
        json["credible_high"] = r.bayesian.credibleHigh;
        json["prior"] = r.options.prior ? Json{{"mean", r.options.prior->mean},
                                               {"variance", r.options.prior->variance}}
                                        : Json(nullptr);
    }
    json["warnings"] = r.warnings;
    return json;
}

int runTwoSample(const ParsedArgs& args, Metric metric, const CommandSpec& spec) {
    std::string error;
    TestOptions o;
    o.scale = args.has("absolute") ? LiftScale::Absolute : LiftScale::Relative;
    o.sequential = args.has("sequential");
    const auto side =
        choiceOption(args, "alternative", "two-sided", {"two-sided", "greater", "less"}, error);
    const auto alpha = doubleOption(args, "alpha", o.alpha, 0.0, 0.5, error);
    const auto tuning = doubleOption(args, "tuning", o.sequentialTuning, 1.0, 1e12, error);
    const auto priorMean = doubleOption(args, "prior-mean", 0.0, -1e6, 1e6, error);
    const auto priorSd = doubleOption(args, "prior-sd", 1.0, 0.0, 1e6, error);
    if (!side || !alpha || !tuning || !priorMean || !priorSd)
        return usageError(error, spec);
    if (args.has("prior-mean") && !args.has("prior-sd"))
        return usageError("--prior-mean needs --prior-sd", spec);
    o.alternative = *side == "greater" ? Alternative::Greater
                    : *side == "less"  ? Alternative::Less
                                       : Alternative::TwoSided;
    o.alpha = *alpha;
    o.sequentialTuning = *tuning;
    if (args.has("prior-sd"))
        o.prior = NormalPrior{*priorMean, *priorSd * *priorSd};
    const bool bayesian = args.has("bayesian") || o.prior.has_value();

    const std::string control = *args.value("control");
    const std::string treatment = *args.value("treatment");
    std::optional<Result<TestResult>> result;
    std::optional<Conversions> conversions;
    if (metric == Metric::Proportion) {
        const auto a = parseProportion(control, "--control", error);
        const auto b = a ? parseProportion(treatment, "--treatment", error) : std::nullopt;
        if (!a || !b)
            return usageError(error, spec);
        result = compareProportions(*a, *b, o);
        conversions = Conversions{a->successes, b->successes};
    } else if (metric == Metric::Mean) {
        const auto a = parseMean(control, "--control", error);
        const auto b = a ? parseMean(treatment, "--treatment", error) : std::nullopt;
        if (!a || !b)
            return usageError(error, spec);
        result = compareMeans(*a, *b, o);
    } else {
        const auto a = parseRatio(control, "--control", error);
        const auto b = a ? parseRatio(treatment, "--treatment", error) : std::nullopt;
        if (!a || !b)
            return usageError(error, spec);
        result = compareRatios(*a, *b, o);
    }
    if (!*result)
        return coreError(result->status(), spec);
    if (args.has("json"))
        std::cout << testToJson(**result, metric, bayesian, conversions).dump(2) << "\n";
    else
        printTest(**result, metric, bayesian);
    return kExitOk;
}

std::string formulaDescription(SampleSizeFormula formula) {
    return formula == SampleSizeFormula::Arcsine
               ? "arcsine transformation with Cohen's h (as statsmodels NormalIndPower)"
               : "normal approximation, pooled variance under H0 and unpooled under H1, no "
                 "continuity correction (Fleiss, Levin & Paik 2003; as statsmodels "
                 "samplesize_proportions_2indep_onetail)";
}

// The options sample-size and mde share; fills `params` or sets `error`.
bool readDesign(const ParsedArgs& args, ProportionPowerParams& params, std::string& error) {
    const auto baseline = doubleOption(args, "baseline", params.baseline, 0.0, 1.0, error);
    const auto alpha = doubleOption(args, "alpha", params.alpha, 0.0, 0.5, error);
    const auto power = doubleOption(args, "power", params.power, 0.0, 0.9999, error);
    const auto split = doubleOption(args, "split", params.treatmentShare, 0.01, 0.99, error);
    const auto formula = choiceOption(args, "formula", "pooled", {"pooled", "arcsine"}, error);
    if (!baseline || !alpha || !power || !split || !formula)
        return false;
    params.baseline = *baseline;
    params.alpha = *alpha;
    params.power = *power;
    params.treatmentShare = *split;
    params.alternative = args.has("one-sided") ? Alternative::Greater : Alternative::TwoSided;
    params.formula =
        *formula == "arcsine" ? SampleSizeFormula::Arcsine : SampleSizeFormula::PooledNormal;
    return true;
}

std::vector<OptionSpec> designOptions() {
    return {{"baseline", "RATE", "control conversion rate, e.g. 0.05 for 5%", true},
            {"power", "X", "chance to detect the effect (default 0.8)"},
            {"alpha", "X", "false positive rate, above 0 and below 0.5 (default 0.05)"},
            {"one-sided", "", "one-sided test (treatment higher); default two-sided"},
            {"split", "X", "treatment share of traffic, 0.01..0.99 (default 0.5)"},
            {"formula", "NAME", "pooled (default) or arcsine (Cohen's h)"}};
}

} // namespace

CommandSpec statsProportionSpec() {
    return makeSpec(
        "stats proportion",
        "Compares conversion rates of two arms: lift, CI, p-value; optionally sequential "
        "and Bayesian.",
        testOptions("X/N", "14/28 (conversions/units)"));
}

CommandSpec statsMeanSpec() {
    return makeSpec("stats mean",
                    "Compares a per-unit mean (revenue per session) from SUM,SUMSQ,N of each arm.",
                    testOptions("SUM,SUMSQ,N", "1396.87,52377.9767,3407"));
}

CommandSpec statsRatioSpec() {
    return makeSpec(
        "stats ratio",
        "Compares a ratio metric M/D (AOV = revenue/orders) with delta-method variance.",
        testOptions("n=N,m=SUM_M,m2=SUMSQ_M,d=SUM_D,d2=SUMSQ_D,md=SUM_MD",
                    "n=100,m=270,m2=848.79,d=510,d2=810,md=-900"));
}

int runStatsProportion(const ParsedArgs& args) {
    return runTwoSample(args, Metric::Proportion, statsProportionSpec());
}

int runStatsMean(const ParsedArgs& args) {
    return runTwoSample(args, Metric::Mean, statsMeanSpec());
}

int runStatsRatio(const ParsedArgs& args) {
    return runTwoSample(args, Metric::Ratio, statsRatioSpec());
}

CommandSpec statsSrmSpec() {
    return makeSpec(
        "stats srm",
        "Sample-ratio mismatch: chi-square test of the arms' unit counts against the split.",
        {{"counts", "N,N,...", "units assigned to each arm, e.g. 1000,1200", true},
         {"weights", "W,W,...", "intended share of each arm, e.g. 0.5,0.5 (default equal)"},
         {"threshold", "P", "p below this flags a mismatch (default 0.001)"},
         {"json", "", "print JSON (keys documented in the README)"}});
}

int runStatsSrm(const ParsedArgs& args) {
    const CommandSpec spec = statsSrmSpec();
    std::string error;
    SrmParams params;
    const auto counts = parseCounts(*args.value("counts"), "--counts", error);
    const auto weights = args.has("weights")
                             ? parseNumbers(*args.value("weights"), "--weights", error)
                             : std::optional<std::vector<double>>(std::vector<double>{});
    const auto threshold = doubleOption(args, "threshold", params.threshold, 0.0, 0.5, error);
    if (!counts || !weights || !threshold)
        return usageError(error, spec);
    params.counts = *counts;
    params.weights = *weights;
    params.threshold = *threshold;
    const auto result = sampleRatioMismatch(params);
    if (!result)
        return coreError(result.status(), spec);
    double expectedTotal = 0.0;
    for (double expected : result->expected)
        expectedTotal += expected;
    std::vector<double> shares; // the weights, normalized
    for (double expected : result->expected)
        shares.push_back(expected / expectedTotal);
    if (args.has("json")) {
        Json json;
        json["counts"] = params.counts;
        json["weights"] = shares;
        json["expected"] = result->expected;
        json["observed_share"] = result->observedShare;
        json["chi_square"] = result->chiSquare;
        json["degrees_of_freedom"] = result->degreesOfFreedom;
        json["p_value"] = result->pValue;
        json["threshold"] = params.threshold;
        json["mismatch"] = result->mismatch;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("Sample-ratio mismatch: chi-square goodness of fit, %d degree%s of freedom\n",
                result->degreesOfFreedom, result->degreesOfFreedom == 1 ? "" : "s");
    std::printf("  arm          units    share   intended\n");
    for (std::size_t i = 0; i < params.counts.size(); ++i)
        std::printf("  %-4zu %13s %7.2f%% %9.2f%%\n", i + 1, thousands(params.counts[i]).c_str(),
                    100.0 * result->observedShare[i], 100.0 * shares[i]);
    std::printf("\n  chi-square %.4f, p-value %s\n", result->chiSquare,
                pValue(result->pValue).c_str());
    if (result->mismatch)
        std::printf("  MISMATCH (p < %g): the arms did not get the configured split. Fix "
                    "assignment or tracking before reading any lift.\n",
                    params.threshold);
    else
        std::printf("  No mismatch detected (p >= %g): the counts fit the configured split.\n",
                    params.threshold);
    return kExitOk;
}

CommandSpec statsAdjustSpec() {
    return makeSpec(
        "stats adjust",
        "Adjusts p-values of several metrics or arms for multiple comparisons (Holm or BH).",
        {{"p", "P,P,...", "the raw p-values, e.g. 0.01,0.04,0.03", true},
         {"method", "NAME", "holm (family-wise error, default) or bh (false discovery rate)"},
         {"alpha", "X", "error rate to control, above 0 and below 0.5 (default 0.05)"},
         {"json", "", "print JSON (keys documented in the README)"}});
}

int runStatsAdjust(const ParsedArgs& args) {
    const CommandSpec spec = statsAdjustSpec();
    std::string error;
    AdjustParams params;
    const auto p = parseNumbers(*args.value("p"), "--p", error);
    const auto method = choiceOption(args, "method", "holm", {"holm", "bh"}, error);
    const auto alpha = doubleOption(args, "alpha", params.alpha, 0.0, 0.5, error);
    if (!p || !method || !alpha)
        return usageError(error, spec);
    params.pValues = *p;
    params.method = *method == "bh" ? AdjustMethod::BenjaminiHochberg : AdjustMethod::Holm;
    params.alpha = *alpha;
    const auto result = adjustPValues(params);
    if (!result)
        return coreError(result.status(), spec);
    if (args.has("json")) {
        Json json;
        json["method"] = adjustMethodName(params.method);
        json["alpha"] = params.alpha;
        json["p"] = params.pValues;
        json["adjusted"] = result->adjusted;
        json["rejected"] = result->rejected;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    const bool holm = params.method == AdjustMethod::Holm;
    std::printf("%s adjusted p-values (%s %g)\n", holm ? "Holm-Bonferroni" : "Benjamini-Hochberg",
                holm ? "family-wise error rate" : "false discovery rate", params.alpha);
    std::printf("  #        raw p   adjusted\n");
    int rejected = 0;
    for (std::size_t i = 0; i < params.pValues.size(); ++i) {
        rejected += result->rejected[i] ? 1 : 0;
        std::printf("  %-4zu %9s  %9s  %s\n", i + 1, pValue(params.pValues[i]).c_str(),
                    pValue(result->adjusted[i]).c_str(), result->rejected[i] ? "significant" : "");
    }
    std::printf("\n  %d of %zu significant after adjustment.\n", rejected, params.pValues.size());
    return kExitOk;
}

CommandSpec statsSampleSizeSpec() {
    auto options = designOptions();
    options.insert(options.begin() + 1,
                   {{"mde", "X", "lift to detect: relative, 0.10 = +10% of baseline", true},
                    {"absolute", "", "the mde is an absolute rate difference (0.005 = +0.5 pp)"}});
    options.push_back({"sessions-per-day", "N", "eligible units a day, both arms: adds runway"});
    options.push_back({"json", "", "print JSON (keys documented in the README)"});
    return makeSpec("stats sample-size",
                    "Units per arm to detect a conversion-rate lift, and the runway in days.",
                    options);
}

int runStatsSampleSize(const ParsedArgs& args) {
    const CommandSpec spec = statsSampleSizeSpec();
    std::string error;
    ProportionPowerParams params;
    const bool ok = readDesign(args, params, error);
    const auto mde = doubleOption(args, "mde", params.mde, 0.0, 1e6, error);
    const auto sessions = doubleOption(args, "sessions-per-day", 0.0, 1.0, 1e9, error);
    if (!ok || !mde || !sessions)
        return usageError(error, spec);
    params.mde = *mde;
    params.absoluteMde = args.has("absolute");
    params.sessionsPerDay = *sessions;
    const auto result = sampleSize(params);
    if (!result)
        return coreError(result.status(), spec);
    if (args.has("json")) {
        Json json;
        json["baseline"] = params.baseline;
        json["treatment_rate"] = result->treatmentRate;
        json["mde"] = params.mde;
        json["mde_scale"] = params.absoluteMde ? "absolute" : "relative";
        json["alpha"] = params.alpha;
        json["power"] = params.power;
        json["alternative"] = alternativeName(params.alternative);
        json["formula"] = result->formula;
        json["formula_description"] = formulaDescription(params.formula);
        json["per_arm"] = result->perArm;
        json["exact_per_arm"] = result->exactPerArm;
        json["split"] = params.treatmentShare;
        json["control_size"] = result->controlSize;
        json["treatment_size"] = result->treatmentSize;
        json["total"] = result->total;
        json["sessions_per_day"] =
            params.sessionsPerDay > 0 ? Json(params.sessionsPerDay) : Json(nullptr);
        json["runway_days"] = result->runwayDays ? Json(*result->runwayDays) : Json(nullptr);
        json["warnings"] = result->warnings;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("Sample size for two conversion rates\n  formula: %s\n\n",
                formulaDescription(params.formula).c_str());
    std::printf("  %-24s %.2f%%\n", "baseline rate", 100.0 * params.baseline);
    std::printf("  %-24s %s relative (%.3f%% -> %.3f%%)\n", "effect to detect",
                percent(result->relativeEffect).c_str(), 100.0 * params.baseline,
                100.0 * result->treatmentRate);
    std::printf("  %-24s alpha %g %s, power %g%%\n", "test", params.alpha,
                alternativeName(params.alternative), 100.0 * params.power);
    std::printf("  %-24s %s\n", "units per arm (50/50)", thousands(result->perArm).c_str());
    if (params.treatmentShare != 0.5)
        std::printf("  %-24s control %s + treatment %s = %s\n", "at the split",
                    thousands(result->controlSize).c_str(),
                    thousands(result->treatmentSize).c_str(), thousands(result->total).c_str());
    if (result->runwayDays)
        std::printf("  %-24s %d days at %g units a day (%.0f%% in treatment)\n", "runway",
                    *result->runwayDays, params.sessionsPerDay, 100.0 * params.treatmentShare);
    for (const auto& warning : result->warnings)
        std::printf("\n  Note: %s\n", warning.c_str());
    return kExitOk;
}

CommandSpec statsMdeSpec() {
    auto options = designOptions();
    options.insert(options.begin() + 1,
                   {{"sessions-per-day", "N", "eligible units a day, both arms", true},
                    {"days", "N", "runway in days (default 28)"}});
    options.push_back({"json", "", "print JSON (keys documented in the README)"});
    return makeSpec("stats mde",
                    "Smallest conversion-rate lift a test of the given traffic and runway detects.",
                    options);
}

int runStatsMde(const ParsedArgs& args) {
    const CommandSpec spec = statsMdeSpec();
    std::string error;
    ProportionPowerParams params;
    const bool ok = readDesign(args, params, error);
    const auto sessions = doubleOption(args, "sessions-per-day", 0.0, 1.0, 1e9, error);
    const auto days = intOption(args, "days", 28, 1, 3650, error);
    if (!ok || !sessions || !days)
        return usageError(error, spec);
    const double total = *sessions * double(*days);
    const auto result = minimumDetectableEffect(params, total);
    if (!result)
        return coreError(result.status(), spec);
    if (args.has("json")) {
        Json json;
        json["baseline"] = params.baseline;
        json["total_units"] = total;
        json["days"] = *days;
        json["split"] = params.treatmentShare;
        json["alpha"] = params.alpha;
        json["power"] = params.power;
        json["alternative"] = alternativeName(params.alternative);
        json["formula"] = sampleSizeFormulaName(params.formula);
        json["mde"] = result->relativeEffect;
        json["mde_absolute"] = result->absoluteEffect;
        json["treatment_rate"] = result->treatmentRate;
        std::cout << json.dump(2) << "\n";
        return kExitOk;
    }
    std::printf("With %s units (%lld days at %g a day, %.0f%% in treatment), the smallest lift "
                "detected\nwith %g%% power at alpha %g (%s) is %s relative: %.3f%% -> %.3f%%.\n",
                thousands(std::int64_t(total)).c_str(), static_cast<long long>(*days), *sessions,
                100.0 * params.treatmentShare, 100.0 * params.power, params.alpha,
                alternativeName(params.alternative), percent(result->relativeEffect).c_str(),
                100.0 * params.baseline, 100.0 * result->treatmentRate);
    return kExitOk;
}

} // namespace merch::cli
