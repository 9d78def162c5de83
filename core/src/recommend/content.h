// Content similarity from catalog text and attributes (TF-IDF over title, category, brand,
// color, material and tags, cosine), and the hybrid that leans on it for cold items.
#pragma once

#include <string>
#include <vector>

#include "merch/product.h"
#include "merch/recommender.h"

namespace merch::recommend {

// The words of a product's catalog row (title, category, subcategory, brand, color, material,
// tags), lower-cased, in order, repeats kept.
std::vector<std::string> productWords(const Product& p);

std::unique_ptr<Recommender> makeContent(const RecommenderParams& params,
                                         const std::vector<Product>& catalog);
std::unique_ptr<Recommender> makeHybrid(const RecommenderParams& params,
                                        const std::vector<Product>& catalog);

} // namespace merch::recommend
