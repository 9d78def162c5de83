#include <filesystem>

#include "merch/recommender.h"
#include "merch/report.h"
#include "merch/session_data.h"
#include "merch/simulated_lift.h"
#include "merch/store_cost_profile.h"
#include "merch/workspace.h"

namespace merch {

Status ReportParams::validate() const {
    if (!(trafficScale >= 1 && trafficScale <= 1e6))
        return Status::invalidArgument("trafficScale must be between 1 and 1000000");
    if (evaluationCases < 100 || evaluationCases > 1000000)
        return Status::invalidArgument("evaluationCases must be between 100 and 1000000");
    return Status::ok();
}

Result<ReportData> gatherReportData(const Workspace& workspace, const ReportParams& params,
                                    const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    ReportData data;
    data.workspaceFile = std::filesystem::path(workspace.path()).filename().string();
    if (!control.report(0.0, "reading the store"))
        return Status::cancelled();
    auto summary = workspace.summary();
    if (!summary)
        return summary.status();
    data.summary = *summary;
    auto products = workspace.loadProducts();
    if (!products)
        return products.status();
    auto events = workspace.loadEvents();
    if (!events)
        return events.status();

    auto audit = auditCatalog(*products, {}, control.scaled(0.05, 0.15));
    if (!audit)
        return audit.status();
    data.audit = std::move(audit).value();

    const SessionData sessions = SessionData::fromEvents(*events);
    EvaluationParams evaluation;
    evaluation.maxCases = params.evaluationCases;
    auto models = evaluateRecommenders(sessions, recommenderNames(!products->empty()), {},
                                       evaluation, control.scaled(0.15, 0.45), &*products);
    if (models)
        data.models = std::move(models).value();
    else if (models.status().code() == StatusCode::Cancelled)
        return models.status();
    else
        data.notes.push_back("Model quality was not measured: " + models.status().message());

    // The A/B tests: on the demo store's world, or on a world calibrated from an imported
    // store's logs.
    UseCaseLifts simulatedLifts;
    auto setup = workspaceExperiment(workspace, control.scaled(0.45, 0.55));
    if (setup) {
        data.calibrated = setup->params.calibration != nullptr;
        ExperimentParams experiment = setup->params;
        RunControl run = control.scaled(0.55, 0.72);
        run.seed = setup->seed;
        auto result = simulateExperiment(experiment, run);
        if (!result)
            return result.status();
        data.experiment = std::move(result).value();
        experiment.treatment = "messaging";
        experiment.replicates = 0;
        RunControl messagingRun = control.scaled(0.72, 0.8);
        messagingRun.seed = setup->seed;
        auto messaging = simulateExperiment(experiment, messagingRun);
        if (!messaging)
            return messaging.status();
        data.messaging = std::move(messaging).value();
        for (UseCase useCase : {UseCase::Recommendations, UseCase::Search}) {
            const double from = useCase == UseCase::Recommendations ? 0.8 : 0.85;
            auto lift = simulateTreatmentLift(*setup, treatmentForUseCase(useCase),
                                              control.scaled(from, from + 0.05));
            if (!lift)
                return lift.status();
            simulatedLifts[static_cast<std::size_t>(useCase)] = *lift;
        }
    } else if (setup.status().code() == StatusCode::Cancelled) {
        return setup.status();
    } else {
        data.notes.push_back("The A/B test was not simulated: " + setup.status().message() +
                             ". The costs use an entered 5% lift.");
    }

    if (!control.report(0.9, "pricing the paths"))
        return Status::cancelled();
    auto profile = measureStoreCostProfile(*events, data.summary.products, params.trafficScale);
    if (!profile)
        return profile.status();
    CostInputs inputs;
    inputs.store = profile->economics;
    if (data.experiment) {
        auto lift = liftFromExperiment(*data.experiment);
        if (!lift)
            return lift.status();
        inputs.lift = *lift;
    } else {
        inputs.lift.source = "entered: no world to simulate this store on";
    }
    auto costs = computeCosts(inputs);
    if (!costs)
        return costs.status();
    data.costs = std::move(costs).value();
    RunControl seeded;
    seeded.seed = 42;
    auto uncertainty = analyseCostUncertainty(inputs, {}, seeded);
    if (!uncertainty)
        return uncertainty.status();
    data.uncertainty = std::move(uncertainty).value();
    if (data.messaging) {
        auto lift = liftFromExperiment(*data.messaging);
        if (!lift)
            return lift.status();
        simulatedLifts[static_cast<std::size_t>(UseCase::Messaging)] = *lift;
    }
    auto plan = rankUseCases(inputs.store, inputs.rates,
                             useCaseInputsFor(*profile, inputs.lift, simulatedLifts));
    if (!plan)
        return plan.status();
    data.useCases = std::move(plan).value();
    control.report(1.0, "pricing the paths");
    return data;
}

} // namespace merch
