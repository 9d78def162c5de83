// Product and Variant: one catalog row as the workspace stores it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace merch {

struct Variant {
    std::string sku;            // unique within the store; may be empty in imported data
    std::string color;          // option value, empty when the product has no color option
    std::string size;           // option value, empty when the product has no size option
    double price = 0.0;         // store currency, >= 0
    std::int64_t inventory = 0; // units on hand; <= 0 means out of stock
};

struct Product {
    std::string id; // the store's product id or handle, unique in the workspace
    std::string title;
    std::string description; // plain text or HTML as imported
    std::string category;    // top-level category ("Apparel")
    std::string subcategory; // second level ("Hoodies"); may be empty
    std::string taxonomy;    // Google product taxonomy path ("Apparel & Accessories > ...")
    std::string brand;
    std::string color; // product-level color; variants may refine it
    std::string material;
    std::string tags; // comma-separated, as stores export them
    std::string imageUrl;
    std::string gtin;
    std::string status;      // "active", "draft", "archived"; empty when the export has none
    double price = 0.0;      // list price in store currency (lowest variant price)
    bool consumable = false; // bought again when it runs out (coffee, supplements)
    std::vector<Variant> variants;
};

} // namespace merch
