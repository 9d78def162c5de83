#include "merch/recommender.h"

#include "recommend/content.h"
#include "recommend/item2vec.h"
#include "recommend/item_knn.h"
#include "recommend/popularity.h"
#include "recommend/session_knn.h"
#include "recommend/stan.h"

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
    if (!(stanLambda1 >= 0.01 && stanLambda1 <= 1000))
        return Status::invalidArgument("stanLambda1 must be between 0.01 and 1000");
    if (!(stanLambda2Days >= 0.001 && stanLambda2Days <= 36500))
        return Status::invalidArgument("stanLambda2Days must be between 0.001 and 36500");
    if (!(stanLambda3 >= 0.01 && stanLambda3 <= 1000))
        return Status::invalidArgument("stanLambda3 must be between 0.01 and 1000");
    return Status::ok();
}

std::vector<std::string> recommenderNames(bool withCatalog) {
    // item2vec and content_emb are left out of the default list (they trail item_knn and the
    // hybrid on the demo store; see README) but answer to their names.
    std::vector<std::string> names = {"random", "best_seller", "spop",     "item_knn",
                                      "vsknn",  "stan",        "sknn_plus"};
    if (withCatalog) {
        names.push_back("content");
        names.push_back("hybrid");
    }
    return names;
}

Result<std::unique_ptr<Recommender>> makeRecommender(const std::string& name,
                                                     const RecommenderParams& params,
                                                     const std::vector<Product>* catalog) {
    if (auto status = params.validate(); !status)
        return status;
    if (name == "content" || name == "content_emb" || name == "hybrid") {
        if (!catalog || catalog->empty())
            return Status::invalidArgument("model '" + name +
                                           "' needs a catalog; this workspace has none");
        if (name == "content_emb")
            return recommend::makeContentEmbedding(params, *catalog);
        return name == "content" ? recommend::makeContent(params, *catalog)
                                 : recommend::makeHybrid(params, *catalog);
    }
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
    if (name == "item2vec")
        return recommend::makeItem2Vec(params);
    if (name == "stan")
        return recommend::makeStan(params);
    if (name == "sknn_plus")
        return recommend::makeSknnPlus(params);
    std::string names;
    for (const auto& known : recommenderNames(true))
        names += (names.empty() ? "" : ", ") + known;
    names += ", item2vec, content_emb";
    return Status::invalidArgument("unknown model '" + name + "' (known: " + names + ")");
}

} // namespace merch
