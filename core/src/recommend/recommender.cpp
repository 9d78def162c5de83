#include "merch/recommender.h"

#include "recommend/item_knn.h"
#include "recommend/popularity.h"
#include "recommend/session_knn.h"

namespace merch {

Status RecommenderParams::validate() const {
    if (bestSellerDays < 1 || bestSellerDays > 3650)
        return Status::invalidArgument("bestSellerDays must be between 1 and 3650");
    if (itemKnnWindow < 1 || itemKnnWindow > 1000)
        return Status::invalidArgument("itemKnnWindow must be between 1 and 1000");
    if (!(itemKnnShrinkage >= 0 && itemKnnShrinkage <= 1000))
        return Status::invalidArgument("itemKnnShrinkage must be between 0 and 1000");
    if (!(itemKnnHalfLifeDays >= 0 && itemKnnHalfLifeDays <= 3650))
        return Status::invalidArgument("itemKnnHalfLifeDays must be between 0 and 3650");
    if (sknnNeighbours < 1 || sknnNeighbours > 10000)
        return Status::invalidArgument("sknnNeighbours must be between 1 and 10000");
    if (sknnSampleSize < 1 || sknnSampleSize > 1000000)
        return Status::invalidArgument("sknnSampleSize must be between 1 and 1000000");
    return Status::ok();
}

std::vector<std::string> recommenderNames() {
    return {"random", "best_seller", "spop", "item_knn", "vsknn", "sknn_plus"};
}

Result<std::unique_ptr<Recommender>> makeRecommender(const std::string& name,
                                                     const RecommenderParams& params) {
    if (auto status = params.validate(); !status)
        return status;
    if (name == "random")
        return recommend::makeRandom(params);
    if (name == "best_seller")
        return recommend::makeBestSeller(params);
    if (name == "spop")
        return recommend::makeSessionPopularity(params);
    if (name == "item_knn")
        return recommend::makeItemKnn(params);
    if (name == "vsknn")
        return recommend::makeVsknn(params);
    if (name == "sknn_plus")
        return recommend::makeSknnPlus(params);
    std::string names;
    for (const auto& known : recommenderNames())
        names += (names.empty() ? "" : ", ") + known;
    return Status::invalidArgument("unknown model '" + name + "' (known: " + names + ")");
}

} // namespace merch
