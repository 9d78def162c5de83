// The curated vocabulary the demo store is written from: a category tree with the words real
// stores use for titles, descriptions, tags and shopper queries. Internal to the world.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace merch::world {

// One second-level category ("Hoodies"), the unit a category page lists.
struct SubcategorySpec {
    std::string name;                  // "Hoodies"
    std::string noun;                  // singular product noun used in titles: "Hoodie"
    std::vector<std::string> synonyms; // words shoppers search for it with: "sweatshirt", ...
    double priceMedian = 0.0;          // USD, median list price of the subcategory
    double priceSpread = 0.3;          // sigma of log price around the median
    double weight = 1.0;               // relative share of the category's products
    double cycleDays = 0.0;            // consumables: days one unit lasts a typical shopper; 0 else
    std::string googleCategory;        // Google product taxonomy path for the subcategory
};

struct CategorySpec {
    std::string name;                          // "Apparel"
    double productShare = 0.0;                 // share of the store's products
    double trafficShare = 0.0;                 // share of shopper interest
    bool hasSizes = false;                     // apparel and footwear: size variants
    bool hasColorVariants = false;             // several colors per product as variants
    std::vector<std::string> sizes;            // option values in display order
    std::vector<std::string> colors;           // color names used in this category
    std::vector<std::string> materials;        // material or main ingredient
    std::vector<std::string> brands;           // invented brand names, 6 to 12
    std::vector<std::string> adjectives;       // title adjectives: "Relaxed", "Organic"
    std::vector<std::string> descriptionLines; // sentence templates with {noun} {color}
                                               // {material} {brand} {adjective} placeholders
    std::vector<SubcategorySpec> subcategories;
};

// The demo store's categories: Apparel, Footwear, Coffee, Supplements, Beauty, Home,
// Accessories (at least six; coffee and supplements are consumables).
const std::vector<CategorySpec>& demoCategories();

// Frequent query misspellings shoppers type, as (correct, typo) pairs ("hoodie", "hoody").
const std::vector<std::pair<std::string, std::string>>& commonMisspellings();

} // namespace merch::world
