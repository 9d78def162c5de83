// Content similarity from catalog text and attributes (TF-IDF over title, category, brand,
// color, material and tags, cosine), and the hybrid that leans on it for cold items.
#pragma once

#include "merch/product.h"
#include "merch/recommender.h"

namespace merch::recommend {

std::unique_ptr<Recommender> makeContent(const RecommenderParams& params,
                                         const std::vector<Product>& catalog);
std::unique_ptr<Recommender> makeHybrid(const RecommenderParams& params,
                                        const std::vector<Product>& catalog);

} // namespace merch::recommend
