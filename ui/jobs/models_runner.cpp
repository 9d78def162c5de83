#include "jobs/models_runner.h"

#include <algorithm>
#include <map>

#include "jobs/promise_run_control.h"
#include "merch/workspace.h"

namespace merch::ui {
namespace {

// A RunControl for the [from, to] slice of `outer`'s progress.
merch::RunControl slice(const merch::RunControl& outer, double from, double to) {
    merch::RunControl control = outer;
    if (outer.progress) {
        control.progress = [progress = outer.progress, from, to](double fraction,
                                                                 std::string_view stage) {
            return progress(from + (to - from) * fraction, stage);
        };
    }
    return control;
}

bool keepGoing(const merch::RunControl& control, double fraction, std::string_view stage) {
    return !control.progress || control.progress(fraction, stage);
}

// The events, read with this thread's own connection, closed again at once.
merch::Result<std::vector<merch::Event>> loadEvents(const std::string& path) {
    auto workspace = merch::Workspace::open(path);
    if (!workspace)
        return workspace.status();
    return (*workspace)->loadEvents();
}

} // namespace

const merch::Recommender* ModelsResult::model(const std::string& name) const {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name)
            return trained[i].get();
    }
    return nullptr;
}

bool isBaselineModel(const std::string& name) {
    return name == "random" || name == "best_seller" || name == "spop";
}

QString modelLabel(const std::string& name) {
    static const std::map<std::string, QString> labels = {
        {"random", QStringLiteral("Random")},
        {"best_seller", QStringLiteral("Best-seller")},
        {"spop", QStringLiteral("S-POP")},
        {"item_knn", QStringLiteral("Item kNN")},
        {"vsknn", QStringLiteral("V-SKNN (ref.)")},
        {"stan", QStringLiteral("STAN")},
        {"sknn_plus", QStringLiteral("Session kNN+")},
        {"content", QStringLiteral("Content")},
        {"hybrid", QStringLiteral("Hybrid")},
    };
    const auto it = labels.find(name);
    return it != labels.end() ? it->second : QString::fromStdString(name);
}

merch::Result<ModelsPtr> trainAndEvaluate(const ModelsRequest& request,
                                          const merch::RunControl& control) {
    if (auto status = request.recommender.validate(); !status)
        return status;
    if (auto status = request.evaluation.validate(); !status)
        return status;
    if (!keepGoing(control, 0.0, "Loading events"))
        return merch::Status::cancelled();
    auto events = loadEvents(request.path);
    if (!events)
        return events.status();

    auto result = std::make_shared<ModelsResult>();
    result->recommender = request.recommender;
    result->evaluation = request.evaluation;
    // The job copies its inputs: the models keep a catalog of their own, so nothing they do
    // can reach the snapshot that other pages' jobs read at the same time.
    result->products = std::make_shared<const std::vector<merch::Product>>(
        request.products ? *request.products : std::vector<merch::Product>{});
    result->sessions =
        std::make_shared<const merch::SessionData>(merch::SessionData::fromEvents(*events));
    if (!keepGoing(control, 0.08, "Evaluating models"))
        return merch::Status::cancelled();

    const std::vector<merch::Product>* catalog = result->products.get();
    result->names = merch::recommenderNames(result->hasCatalog());
    auto metrics =
        merch::evaluateRecommenders(*result->sessions, result->names, request.recommender,
                                    request.evaluation, slice(control, 0.08, 0.6), catalog);
    if (!metrics)
        return metrics.status();
    result->metrics = std::move(metrics).value();

    const double step = 0.3 / static_cast<double>(std::max<std::size_t>(1, result->names.size()));
    for (std::size_t i = 0; i < result->names.size(); ++i) {
        const double from = 0.6 + step * static_cast<double>(i);
        if (!keepGoing(control, from, "Training on all sessions"))
            return merch::Status::cancelled();
        auto model = merch::makeRecommender(result->names[i], request.recommender, catalog);
        if (!model)
            return model.status();
        if (auto status = (*model)->train(*result->sessions, slice(control, from, from + step));
            !status)
            return status;
        result->trained.emplace_back(std::move(model).value());
    }

    result->ruleCatalog = merch::RuleCatalog::from(*result->sessions, *catalog);
    {
        // Purchases of the last 30 days by shopper: one pass (recentPurchases per customer
        // would read every event once per customer).
        std::int64_t last = 0;
        for (const merch::Event& e : *events)
            last = std::max(last, e.timestamp);
        std::map<std::string, std::vector<int>> bought;
        for (const merch::Event& e : *events) {
            if (e.type != merch::EventType::Purchase || e.timestamp < last - 30 * 86400)
                continue;
            const int item = result->sessions->itemIndex(e.productId);
            const std::string& who = e.customerId.empty() ? e.visitorId : e.customerId;
            if (item < 0 || who.empty())
                continue;
            auto& list = bought[who];
            if (std::find(list.begin(), list.end(), item) == list.end())
                list.push_back(item);
        }
        result->recentPurchases.assign(bought.begin(), bought.end());
    }

    if (!result->hasCatalog()) {
        result->rankerNote = "This workspace has events but no catalog: the category ranker "
                             "needs products with categories.";
    } else {
        auto ranker =
            merch::PersonalizedRanker::train(*catalog, *events, {}, slice(control, 0.9, 1.0));
        if (ranker)
            result->ranker = std::move(ranker).value();
        else if (ranker.status().code() == merch::StatusCode::Cancelled)
            return ranker.status();
        else
            result->rankerNote = ranker.status().message();
    }
    if (!keepGoing(control, 1.0, "Done"))
        return merch::Status::cancelled();
    return ModelsPtr(std::move(result));
}

ModelsRunner::ModelsRunner(QObject* parent)
    : QObject(parent) {}

ModelsRunner::~ModelsRunner() = default; // m_job cancels the running job and waits for it

void ModelsRunner::run(const ModelsRequest& request) {
    m_job.cancel(); // a result of the running job now carries a stale generation
    const quint64 generation = m_job.next();
    auto body = [request](QPromise<ModelsOutcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        ModelsOutcome outcome;
        auto result =
            trainAndEvaluate(request, promiseRunControl(promise, request.recommender.seed));
        if (result)
            outcome.result = std::move(result).value();
        else
            outcome.status = result.status();
        promise.addResult(std::move(outcome));
    };
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<ModelsOutcome>& future) {
            emitOutcome(this, future, &ModelsOutcome::result);
        });
}

void ModelsRunner::cancel() {
    m_job.cancel();
}

void ModelsRunner::waitForIdle() {
    m_job.waitForIdle();
}

} // namespace merch::ui
