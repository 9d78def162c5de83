// Session-based recommenders: given what a shopper did in this session (most recent last),
// score the items to show next. Each is trained on SessionData and can say why it recommends.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/session_data.h"
#include "merch/status.h"

namespace merch {

struct ScoredItem {
    int item = 0;
    double score = 0;
};

struct RecommenderParams {
    // Best-seller window: sales (and other interactions) in the last N days before the end of
    // training. 1..3650 days.
    int bestSellerDays = 14;
    // Item-kNN: co-occurrence within this many positions in a session. 1..1000.
    int itemKnnWindow = 5;
    // Item-kNN shrinkage: similarity = co / (sqrt(n_i n_j) + lambda). 0..1000.
    double itemKnnShrinkage = 20.0;
    // Item-kNN time decay: co-occurrences lose half their weight every this many days before
    // the end of training; 0 turns decay off. 0..3650.
    double itemKnnHalfLifeDays = 30.0;
    // Session kNN: neighbours kept and recent sessions sampled as candidates.
    int sknnNeighbours = 100;  // 1..10000
    int sknnSampleSize = 1000; // 1..1000000
    // STAN (Garg et al. 2019; neighbours and sample as session kNN above). Defaults chosen on
    // the demo store by a grid on a validation split of the training period (the last 7 days
    // before the test week): lambda1 8, lambda2 5 days, lambda3 2.05 (session-rec's defaults
    // are 1.02, 5, 2.05). Data spread over months wants a longer lambda2 (Diginetica: off).
    double stanLambda1 = 8.0;     // position decay in the current session, clicks; 0.01..1000
    double stanLambda2Days = 5.0; // recency decay of neighbour sessions, days; 0.001..36500
    double stanLambda3 = 2.05;    // decay with distance from the shared item, clicks; 0.01..1000
    std::uint64_t seed = 7;       // the random baseline's seed

    Status validate() const;
};

class Recommender {
public:
    virtual ~Recommender() = default;
    virtual std::string name() const = 0;
    // One line on how it works, for the Models page and the report.
    virtual std::string description() const = 0;
    virtual Status train(const SessionData& data, const RunControl& control) = 0;
    // Top `count` items for a session prefix (most recent last), best first. Items of the
    // prefix may appear (a shopper often returns to one); evaluation can filter them.
    virtual void recommend(std::span<const int> session, int count,
                           std::vector<ScoredItem>& out) const = 0;
    // Why `item` is recommended after `session`, e.g. "viewed together with X by 214 sessions".
    virtual std::string explain(std::span<const int> session, int item) const = 0;
};

// "random", "best_seller", "spop", "item_knn", "vsknn" (the reference, Ludewig & Jannach
// 2018), "stan" (Garg et al. 2019) and "sknn_plus" (our tuned session kNN) need sessions
// only; "content" (TF-IDF) and "hybrid" also need the catalog (they step aside on workspaces
// that have none). Not in the list but made by name: "item2vec" (embeddings learned from the
// sessions) and "content_emb" (text embeddings learned here; needs the catalog).
std::vector<std::string> recommenderNames(bool withCatalog = false);
// `catalog` must outlive the recommender; nullptr for the session-only models.
Result<std::unique_ptr<Recommender>> makeRecommender(const std::string& name,
                                                     const RecommenderParams& params,
                                                     const std::vector<Product>* catalog = nullptr);

} // namespace merch
