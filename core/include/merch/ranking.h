// Personalized category ranking: reorders a category page for a visitor from their last 5 to 7
// actions, with a logistic-regression scorer learned from the store's own list impressions and
// clicks (Eigen). Position is a training feature only, so the learned relevance is not the old
// sort order learned back.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "merch/event.h"
#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

struct RankerParams {
    int recentActions = 7;       // the visitor's last N views and carts used; 1..50
    double l2 = 1.0;             // ridge penalty on the weights; 0..1e6
    int iterations = 12;         // Newton (IRLS) steps; 1..100
    int maxImpressions = 400000; // training rows kept (evenly sampled); 1000..1e8

    Status validate() const;
};

// The scorer's inputs for one candidate, in the order of featureNames().
std::vector<std::string> rankingFeatureNames();

struct RankerSummary {
    std::int64_t impressions = 0; // training rows
    std::int64_t clicks = 0;
    std::vector<double> weights; // per feature (standardised), then the intercept
    double trainLogLoss = 0;
};

class PersonalizedRanker {
public:
    // Learns from events (list_view impressions with positions, views as clicks) and the catalog.
    static Result<std::shared_ptr<const PersonalizedRanker>>
    train(const std::vector<Product>& catalog, const std::vector<Event>& events,
          const RankerParams& params, const RunControl& control);

    // Reorders `candidates` (catalog indexes) for a visitor whose recent actions are `recent`
    // (catalog indexes, most recent last). Stable for equal scores.
    void rank(std::span<const int> recent, std::vector<int>& candidates) const;
    double score(std::span<const int> recent, int candidate) const;
    // The features behind a score, for "why is this first?".
    std::vector<double> features(std::span<const int> recent, int candidate) const;

    const RankerSummary& summary() const { return m_summary; }
    int catalogIndex(const std::string& productId) const;

    struct Model;
    ~PersonalizedRanker();
    explicit PersonalizedRanker(std::unique_ptr<Model> model);

private:
    std::unique_ptr<Model> m_model;
    RankerSummary m_summary;
};

} // namespace merch
