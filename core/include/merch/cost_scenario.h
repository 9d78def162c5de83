// Cost scenarios kept in the workspace: named CostInputs, stored as JSON under one meta key
// ("cost.scenarios"), so a consultant can keep "as quoted" and "conservative" side by side.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "merch/cost_model.h"
#include "merch/status.h"

namespace merch {

class Workspace;

// JSON text of the inputs; keys follow the struct fields ("store.annualRevenue" is
// {"store": {"annualRevenue": ...}}). Missing keys read as defaults, so older files still load.
std::string costInputsToJson(const CostInputs& inputs);
Result<CostInputs> costInputsFromJson(std::string_view json); // validated

using CostScenario = std::pair<std::string, CostInputs>; // name, inputs

Result<std::vector<CostScenario>> loadCostScenarios(const Workspace& workspace);
Result<CostInputs> loadCostScenario(const Workspace& workspace, const std::string& name);
// Adds or replaces the scenario; the name must be 1..80 characters.
Status saveCostScenario(Workspace& workspace, const std::string& name, const CostInputs& inputs);
Status deleteCostScenario(Workspace& workspace, const std::string& name);

} // namespace merch
