#include <algorithm>
#include <chrono>
#include <cmath>
#include <unordered_set>

#include "merch/rec_evaluation.h"

namespace merch {

namespace {

using Clock = std::chrono::steady_clock;

struct Case {
    std::size_t session;
    std::size_t position; // predict items[position] from items[0..position)
};

// Test sessions expressed in the training data's item ids; unknown items are dropped (as
// session-rec does), sessions left shorter than 2 are skipped.
std::vector<std::vector<int>> mapTestSessions(const SessionData& train, const SessionData& test) {
    std::vector<std::vector<int>> mapped;
    for (const auto& s : test.sessions()) {
        std::vector<int> items;
        for (int item : s.items) {
            const int index = &train == &test ? item : train.itemIndex(test.itemId(item));
            if (index >= 0 && (items.empty() || items.back() != index))
                items.push_back(index);
        }
        if (items.size() >= 2)
            mapped.push_back(std::move(items));
    }
    return mapped;
}

Result<EvaluationResult> evaluate(const SessionData& train,
                                  const std::vector<std::vector<int>>& tests,
                                  const std::vector<std::string>& models,
                                  const RecommenderParams& params,
                                  const EvaluationParams& evaluation, const RunControl& control,
                                  const std::vector<Product>* catalog) {
    EvaluationResult result;
    result.trainSessions = std::int64_t(train.sessions().size());
    result.testSessions = std::int64_t(tests.size());
    result.items = train.itemCount();
    std::vector<Case> cases;
    for (std::size_t s = 0; s < tests.size(); ++s) {
        for (std::size_t p = 1; p < tests[s].size(); ++p)
            cases.push_back({s, p});
    }
    if (int(cases.size()) > evaluation.maxCases) {
        std::vector<Case> sampled;
        const double step = double(cases.size()) / evaluation.maxCases;
        for (int i = 0; i < evaluation.maxCases; ++i)
            sampled.push_back(cases[std::size_t(double(i) * step)]);
        cases = std::move(sampled);
    }
    std::vector<double> popularity(std::size_t(train.itemCount()), 0.0);
    for (const auto& s : train.sessions()) {
        for (int item : s.items)
            popularity[std::size_t(item)] += 1.0;
    }
    const double mostPopular =
        std::max(1.0, *std::max_element(popularity.begin(), popularity.end()));

    for (std::size_t m = 0; m < models.size(); ++m) {
        auto model = makeRecommender(models[m], params, catalog);
        if (!model)
            return model.status();
        const auto trainStart = Clock::now();
        if (auto status = (*model)->train(train, control); !status)
            return status;
        ModelEvaluation eval;
        eval.name = models[m];
        eval.trainSeconds = std::chrono::duration<double>(Clock::now() - trainStart).count();
        std::unordered_set<int> recommended;
        double popularitySum = 0;
        std::int64_t listed = 0;
        std::vector<ScoredItem> list;
        double predictSeconds = 0;
        for (std::size_t c = 0; c < cases.size(); ++c) {
            if ((c & 1023) == 0 && !control.report((double(m) + double(c) / double(cases.size())) /
                                                       double(models.size()),
                                                   "evaluating " + models[m]))
                return Status::cancelled();
            const auto& items = tests[cases[c].session];
            const std::span<const int> prefix(items.data(), cases[c].position);
            const int target = items[cases[c].position];
            const int extra = evaluation.allowCurrentItem ? 0 : int(prefix.size());
            const auto start = Clock::now();
            (*model)->recommend(prefix, evaluation.k + extra, list);
            predictSeconds += std::chrono::duration<double>(Clock::now() - start).count();
            if (!evaluation.allowCurrentItem) {
                std::erase_if(list, [&](const ScoredItem& s) {
                    return std::find(prefix.begin(), prefix.end(), s.item) != prefix.end();
                });
            }
            if (int(list.size()) > evaluation.k)
                list.resize(std::size_t(evaluation.k));
            for (std::size_t r = 0; r < list.size(); ++r) {
                recommended.insert(list[r].item);
                popularitySum += popularity[std::size_t(list[r].item)] / mostPopular;
                ++listed;
                if (list[r].item == target) {
                    eval.hitRate += 1.0;
                    eval.mrr += 1.0 / double(r + 1);
                    eval.ndcg += 1.0 / std::log2(double(r + 2));
                }
            }
        }
        const double n = double(std::max<std::size_t>(1, cases.size()));
        eval.cases = std::int64_t(cases.size());
        eval.hitRate /= n;
        eval.mrr /= n;
        eval.ndcg /= n;
        eval.coverage = double(recommended.size()) / double(std::max(1, train.itemCount()));
        eval.popularityBias = listed ? popularitySum / double(listed) : 0.0;
        eval.predictMicros = predictSeconds * 1e6 / n;
        result.models.push_back(std::move(eval));
    }
    control.report(1.0, "evaluated");
    return result;
}

} // namespace

Status EvaluationParams::validate() const {
    if (k < 1 || k > 1000)
        return Status::invalidArgument("k must be between 1 and 1000");
    if (!(testDays >= 0.01 && testDays <= 3650))
        return Status::invalidArgument("testDays must be between 0.01 and 3650");
    if (maxCases < 1 || maxCases > 100000000)
        return Status::invalidArgument("maxCases must be between 1 and 100000000");
    return Status::ok();
}

Result<EvaluationResult>
evaluateRecommenders(const SessionData& data, const std::vector<std::string>& models,
                     const RecommenderParams& params, const EvaluationParams& evaluation,
                     const RunControl& control, const std::vector<Product>* catalog) {
    if (auto status = evaluation.validate(); !status)
        return status;
    const auto& sessions = data.sessions();
    if (sessions.size() < 2)
        return Status::invalidArgument("evaluation needs at least two sessions with product "
                                       "views; the workspace has " +
                                       std::to_string(sessions.size()));
    std::int64_t last = 0;
    for (const auto& s : sessions)
        last = std::max(last, s.end);
    const std::int64_t split = last - std::int64_t(evaluation.testDays * 86400.0);
    // Sessions are ordered by start; a session belongs to the test set when it starts after
    // the split (session-rec splits on the session's time the same way).
    std::size_t firstTest = 0;
    while (firstTest < sessions.size() && sessions[firstTest].start < split)
        ++firstTest;
    if (firstTest == 0 || firstTest == sessions.size())
        return Status::invalidArgument("the time split left no training or no test sessions; "
                                       "choose fewer test days than the data spans");
    const SessionData train = data.slice(0, firstTest);
    const SessionData test = data.slice(firstTest, sessions.size());
    // Items first seen in the test period are unknown to every model: drop them from the test
    // sessions, as the protocol does.
    std::vector<bool> known(std::size_t(data.itemCount()), false);
    for (const auto& s : train.sessions()) {
        for (int item : s.items)
            known[std::size_t(item)] = true;
    }
    std::vector<std::vector<int>> tests;
    for (const auto& s : test.sessions()) {
        std::vector<int> items;
        for (int item : s.items) {
            if (known[std::size_t(item)] && (items.empty() || items.back() != item))
                items.push_back(item);
        }
        if (items.size() >= 2)
            tests.push_back(std::move(items));
    }
    return evaluate(train, tests, models, params, evaluation, control, catalog);
}

Result<EvaluationResult> evaluateRecommenders(const SessionData& train, const SessionData& test,
                                              const std::vector<std::string>& models,
                                              const RecommenderParams& params,
                                              const EvaluationParams& evaluation,
                                              const RunControl& control,
                                              const std::vector<Product>* catalog) {
    if (auto status = evaluation.validate(); !status)
        return status;
    return evaluate(train, mapTestSessions(train, test), models, params, evaluation, control,
                    catalog);
}

} // namespace merch
