// The Google product taxonomy (2021-09-21, compiled in), and suggestions from it for products
// that have no category: the taxonomy path whose words best match the product's title and tags.
#pragma once

#include <string>
#include <vector>

#include "merch/product.h"

namespace merch {

struct TaxonomyEntry {
    int id = 0;
    std::string path; // "Apparel & Accessories > Clothing > Shirts & Tops"
};

// All 5,595 categories, in the file's order.
const std::vector<TaxonomyEntry>& googleTaxonomy();

struct TaxonomyMatch {
    const TaxonomyEntry* entry = nullptr; // null when no word matched
    double score = 0;                     // IDF-weighted share of the leaf's words found
};

// The category whose last level's words best match the product's title, tags, subcategory and
// category (ties broken toward deeper, more specific paths).
TaxonomyMatch suggestGoogleCategory(const Product& product);

} // namespace merch
