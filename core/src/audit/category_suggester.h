// Suggests a category for uncategorized products from the store's own categorized products:
// the nearest by title and tag words (IDF-weighted overlap) vote with their category path.
#pragma once

#include <vector>

#include "merch/audit.h"

namespace merch::audit {

// The category path a product is filed under: its taxonomy, else "category > subcategory".
std::string categoryPath(const Product& product);

std::vector<CategorySuggestion> suggestCategories(const std::vector<Product>& products,
                                                  const std::vector<std::size_t>& uncategorized);

} // namespace merch::audit
