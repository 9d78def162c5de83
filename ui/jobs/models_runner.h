// ModelsRunner: trains and evaluates the recommenders and the personalized category ranker off
// the UI thread, for the Models page.
//
// The job opens its own Workspace connection to load the events (one SQLite connection per
// thread), evaluates every model with the session-rec protocol (merch::evaluateRecommenders),
// then trains each model and the ranker on all sessions for the playgrounds. The result is
// immutable and shared. Each run gets a new generation; a stale result is dropped.
#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <string>
#include <vector>

#include "jobs/generation_job.h"
#include "merch/business_rules.h"
#include "merch/product.h"
#include "merch/ranking.h"
#include "merch/rec_evaluation.h"
#include "merch/recommender.h"
#include "merch/session_data.h"

namespace merch::ui {

struct ModelsRequest {
    std::string path; // the workspace whose events train the models
    std::shared_ptr<const std::vector<merch::Product>> products; // the catalog (may be empty)
    merch::RecommenderParams recommender;
    merch::EvaluationParams evaluation;
};

struct ModelsResult {
    merch::RecommenderParams recommender;
    merch::EvaluationParams evaluation;
    std::shared_ptr<const std::vector<merch::Product>> products; // outlives the models
    std::shared_ptr<const merch::SessionData> sessions;
    merch::EvaluationResult metrics;
    std::vector<std::string> names; // the models trained on all sessions, in metrics order
    std::vector<std::shared_ptr<const merch::Recommender>> trained;
    std::shared_ptr<const merch::PersonalizedRanker> ranker; // null without a catalog
    std::string rankerNote;                                  // why there is no ranker
    // For the business rules: catalog facts by session item, and each customer's (or
    // anonymous visitor's) purchases in the last 30 days as session items, by customer id.
    merch::RuleCatalog ruleCatalog;
    std::vector<std::pair<std::string, std::vector<int>>> recentPurchases;

    bool hasCatalog() const { return products && !products->empty(); }
    const merch::Recommender* model(const std::string& name) const;
};

using ModelsPtr = std::shared_ptr<const ModelsResult>;

// Whether `name` is one of the baselines the other models must beat.
bool isBaselineModel(const std::string& name);
// "best_seller" -> "Best-seller", "sknn_plus" -> "Session kNN+", ...
QString modelLabel(const std::string& name);

// The whole job, synchronous (the runner calls it in a worker thread; tests may call it too).
merch::Result<ModelsPtr> trainAndEvaluate(const ModelsRequest& request,
                                          const merch::RunControl& control);

struct ModelsOutcome {
    merch::Status status;
    ModelsPtr result;
};

class ModelsRunner : public QObject {
    Q_OBJECT
public:
    explicit ModelsRunner(QObject* parent = nullptr);
    ~ModelsRunner() override; // cancels the running job and waits for it

    void run(const ModelsRequest& request);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::ModelsPtr& result);
    void failed(const merch::Status& status);
    void cancelled();

private:
    GenerationJob<ModelsOutcome> m_job;
};

} // namespace merch::ui
