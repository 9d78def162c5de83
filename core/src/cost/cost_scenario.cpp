#include "merch/cost_scenario.h"

#include <nlohmann/json.hpp>

#include "merch/workspace.h"

namespace merch {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(StoreEconomics, annualRevenue, sessionsPerMonth,
                                                ordersPerMonth, grossMargin, catalogSize,
                                                recImpressionsPerDay, searchRequestsPerMonth,
                                                activeProfiles)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(LiftAssumption, revenueLift, low, high,
                                                affectedRevenueShare, source)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(
    PathCosts, buildPeople, buildMonths, runPeople, liftCapture, rampWeeks, saasMonthlyFlat,
    saasMinimumMonthly, saasRevenueShare, saasPer1kSearches, saasFreeSearches, saasPer1kRecords,
    saasFreeRecords, vms, cacheMonthly, inferencePer1kImpressions, cacheHitRate, reembedsPerMonth)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CostRates, dayRate, workDaysPerMonth, vmPerHour,
                                                embeddingPer1MTokens, tokensPerProduct,
                                                attributedRevenueShare, discountRate, horizonWeeks)

namespace {

constexpr const char* kScenariosKey = "cost.scenarios";

nlohmann::json toJson(const CostInputs& inputs) {
    nlohmann::json json;
    json["store"] = inputs.store;
    json["lift"] = inputs.lift;
    json["rates"] = inputs.rates;
    for (CostPath p : allCostPaths())
        json["paths"][costPathKey(p)] = inputs.path(p);
    return json;
}

Result<CostInputs> fromJson(const nlohmann::json& json) {
    CostInputs inputs;
    try {
        if (!json.is_object())
            return Status::invalidArgument("a cost scenario must be a JSON object");
        if (json.contains("store"))
            inputs.store = json.at("store").get<StoreEconomics>();
        if (json.contains("lift"))
            inputs.lift = json.at("lift").get<LiftAssumption>();
        if (json.contains("rates"))
            inputs.rates = json.at("rates").get<CostRates>();
        for (CostPath p : allCostPaths()) {
            if (json.contains("paths") && json.at("paths").contains(costPathKey(p)))
                inputs.path(p) = json.at("paths").at(costPathKey(p)).get<PathCosts>();
        }
    } catch (const nlohmann::json::exception& e) {
        return Status::invalidArgument(std::string("cost scenario: ") + e.what());
    }
    if (auto status = inputs.validate(); !status)
        return status;
    return inputs;
}

Result<nlohmann::json> readAll(const Workspace& workspace) {
    auto text = workspace.meta(kScenariosKey);
    if (!text) {
        if (text.status().code() == StatusCode::NotFound)
            return nlohmann::json::object();
        return text.status();
    }
    auto json = nlohmann::json::parse(*text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return Status::error(StatusCode::Corrupted,
                             "the workspace's saved cost scenarios do not read as JSON");
    return json;
}

} // namespace

std::string costInputsToJson(const CostInputs& inputs) {
    return toJson(inputs).dump(2);
}

Result<CostInputs> costInputsFromJson(std::string_view text) {
    auto json = nlohmann::json::parse(text, nullptr, false);
    if (json.is_discarded())
        return Status::invalidArgument("cost scenario is not valid JSON");
    return fromJson(json);
}

Result<std::vector<CostScenario>> loadCostScenarios(const Workspace& workspace) {
    auto all = readAll(workspace);
    if (!all)
        return all.status();
    std::vector<CostScenario> scenarios;
    for (const auto& [name, value] : all->items()) {
        auto inputs = fromJson(value);
        if (!inputs)
            return Status::error(StatusCode::Corrupted, "saved cost scenario '" + name +
                                                            "': " + inputs.status().message());
        scenarios.emplace_back(name, *inputs);
    }
    return scenarios;
}

Result<CostInputs> loadCostScenario(const Workspace& workspace, const std::string& name) {
    auto scenarios = loadCostScenarios(workspace);
    if (!scenarios)
        return scenarios.status();
    for (auto& [saved, inputs] : *scenarios) {
        if (saved == name)
            return inputs;
    }
    return Status::error(StatusCode::NotFound, "no saved cost scenario named '" + name + "'");
}

Status saveCostScenario(Workspace& workspace, const std::string& name, const CostInputs& inputs) {
    if (name.empty() || name.size() > 80)
        return Status::invalidArgument("a scenario name must be 1 to 80 characters");
    if (auto status = inputs.validate(); !status)
        return status;
    auto all = readAll(workspace);
    if (!all)
        return all.status();
    (*all)[name] = toJson(inputs);
    return workspace.setMeta(kScenariosKey, all->dump());
}

Status deleteCostScenario(Workspace& workspace, const std::string& name) {
    auto all = readAll(workspace);
    if (!all)
        return all.status();
    if (!all->contains(name))
        return Status::error(StatusCode::NotFound, "no saved cost scenario named '" + name + "'");
    all->erase(name);
    return workspace.setMeta(kScenariosKey, all->dump());
}

} // namespace merch
