// The catalog audit: how ready a catalog is for personalization, and what to fix first.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

struct AuditParams {
    // Share of SKUs that must have each readiness field (the brief: 95%). 0.5..1.
    double readinessTarget = 0.95;
    // Descriptions with fewer words than this (after removing HTML) are thin. 1..500 words.
    int thinDescriptionWords = 20;
    // A price above factor x its category's median, or below median / factor, is an outlier.
    // 2..1000.
    double priceOutlierFactor = 8.0;
    // A category "uses" color, size or material when at least this share of its products have
    // it; coverage of those fields is measured over such categories only. 0..1.
    double attributeUseShare = 0.3;

    Status validate() const;
};

// Coverage of one field over the SKUs it applies to.
struct FieldCoverage {
    std::string field;      // "category", "color", "size", "material", "price", "description",
                            // "image", "brand", "gtin"
    bool readiness = false; // one of the five fields of the brief's 95% rule
    std::int64_t filled = 0;
    std::int64_t applicable = 0; // SKUs the field applies to
    std::string scope;           // how `applicable` was chosen, in words
    double share() const { return applicable ? double(filled) / double(applicable) : 1.0; }
};

struct AuditIssue {
    std::string id;                      // "missing_color", "thin_description", ...
    std::string title;                   // "Color missing on 312 SKUs"
    std::string whyItMatters;            // for personalization, in a sentence
    double weight = 0;                   // how much the issue hurts personalization, 0..1
    std::vector<std::string> productIds; // affected products, catalog order
    std::int64_t affectedSkus = 0;
    double impact = 0;                 // weight x share of products affected: the fix list's order
    std::vector<std::string> examples; // a few concrete cases ("'Hoodie' vs 'hoodies '")
};

// Tags that are spelled several ways and mean the same thing.
struct TagCluster {
    std::string suggested;              // the most used spelling
    std::vector<std::string> spellings; // every spelling seen, most used first
    std::int64_t products = 0;          // products carrying a non-suggested spelling
};

struct CategorySuggestion {
    std::string productId;
    std::string suggested;      // a category path seen on similar products of this store; empty
                                // when the store has no similar categorized product
    double confidence = 0;      // share of the nearest products' votes, 0..1
    std::string because;        // "like 'Relaxed Cotton Hoodie' (Apparel > Hoodies)"
    std::string googleCategory; // the Google product taxonomy path its words match best
    int googleCategoryId = 0;   // that category's id (0: no match)
};

struct AuditResult {
    std::int64_t products = 0;
    std::int64_t skus = 0;
    std::vector<FieldCoverage> coverage;
    double readinessTarget = 0.95;
    bool ready = false; // every readiness field at or above the target
    double score = 0;   // 0..100, see scoreExplanation
    std::string scoreExplanation;
    std::vector<AuditIssue> fixes; // by impact, largest first
    std::vector<TagCluster> tagClusters;
    std::vector<CategorySuggestion> categorySuggestions;
};

Result<AuditResult> auditCatalog(const std::vector<Product>& products, const AuditParams& params,
                                 const RunControl& control);

// The fix list as CSV (issue, affected SKUs, products, why it matters, examples); cells that
// start with = + - @ are escaped with a leading apostrophe so spreadsheets do not run them.
std::string fixListCsv(const AuditResult& result);

} // namespace merch
