// Offline evaluation of session recommenders, the session-rec protocol (Ludewig et al.):
// train on sessions before a time split, then every position of every test session is a case
// (given its first i items, is item i+1 in the top k?).
#pragma once

#include <string>
#include <vector>

#include "merch/recommender.h"

namespace merch {

struct EvaluationParams {
    int k = 20;                   // list length; 1..1000
    double testDays = 7;          // the last N days of sessions are the test set; 0.01..3650
    bool allowCurrentItem = true; // false: items already in the prefix are filtered out
    int maxCases = 200000;        // cap on cases for speed (evenly sampled); 1..100000000

    Status validate() const;
};

struct ModelEvaluation {
    std::string name;
    double hitRate = 0;        // HR@k: share of cases whose next item is in the top k
    double mrr = 0;            // MRR@k: mean reciprocal rank (0 when missed)
    double ndcg = 0;           // NDCG@k with one relevant item: 1/log2(rank + 1)
    double coverage = 0;       // share of training items that appear in any top-k list
    double popularityBias = 0; // mean popularity of recommended items, normalised by the
                               // most popular item's (0..1)
    std::int64_t cases = 0;
    double trainSeconds = 0;
    double predictMicros = 0; // mean time per recommendation
};

struct EvaluationResult {
    std::int64_t trainSessions = 0;
    std::int64_t testSessions = 0;
    std::int64_t items = 0;
    std::vector<ModelEvaluation> models;
};

// Splits `data` by time and evaluates each named model. `catalog` (may be null) is what the
// content and hybrid models read.
Result<EvaluationResult>
evaluateRecommenders(const SessionData& data, const std::vector<std::string>& models,
                     const RecommenderParams& params, const EvaluationParams& evaluation,
                     const RunControl& control, const std::vector<Product>* catalog = nullptr);

// Evaluates on a separate test set: train on all of `train`, test on `test` (items unknown to
// train count as misses).
Result<EvaluationResult> evaluateRecommenders(const SessionData& train, const SessionData& test,
                                              const std::vector<std::string>& models,
                                              const RecommenderParams& params,
                                              const EvaluationParams& evaluation,
                                              const RunControl& control,
                                              const std::vector<Product>* catalog = nullptr);

} // namespace merch
