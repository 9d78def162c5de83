#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "audit/category_suggester.h"
#include "audit/tag_clusters.h"
#include "audit/text_checks.h"
#include "merch/audit.h"
#include "merch/csv_writer.h"
#include "merch/google_taxonomy.h"

namespace merch {

using namespace audit;

namespace {

struct FieldSpec {
    const char* name;
    bool readiness;
    double weight;
    const char* why;
};

// Why each field matters for personalization; the weight orders the fix list.
constexpr FieldSpec kFields[] = {
    {"category", true, 1.0,
     "Category pages, 'more like this' and category affinity all start from it; an "
     "uncategorized product never appears on its category page."},
    {"color", true, 0.8,
     "Shoppers filter and search by color; taste models learn color preferences from it."},
    {"size", true, 0.8,
     "Without sizes a model recommends what the shopper cannot buy in their size."},
    {"material", true, 0.5,
     "Material drives similarity and search for 'linen', 'wool', 'leather'."},
    {"price", true, 1.0,
     "Price bands drive ranking and affinity; a SKU without price cannot sell."},
    {"description", false, 0.7,
     "Semantic search and content embeddings read the description; empty text finds nothing."},
    {"image", false, 0.6, "Products without an image are clicked far less on lists."},
    {"brand", false, 0.5, "Brand affinity is one of the strongest repeat-purchase signals."},
    {"gtin", false, 0.3, "Google Merchant Center needs a GTIN (or brand and MPN) to list it."},
};

struct Sku {
    std::size_t product;
    const Variant* variant; // null for a product without variants
};

std::string percent(double share) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.1f%%", share * 100.0);
    return buffer;
}

bool hasField(const Product& p, const Variant* v, std::string_view field) {
    if (field == "category")
        return !p.category.empty() || !p.taxonomy.empty();
    if (field == "color")
        return !p.color.empty() || (v && !v->color.empty());
    if (field == "size")
        return v && !v->size.empty();
    if (field == "material")
        return !p.material.empty();
    if (field == "price")
        return (v ? v->price : p.price) > 0;
    if (field == "description")
        return !stripHtml(p.description).empty();
    if (field == "image")
        return !p.imageUrl.empty();
    if (field == "brand")
        return !p.brand.empty();
    return !p.gtin.empty();
}

// Categories where at least `share` of products carry the field.
std::set<std::string> categoriesUsing(const std::vector<Product>& products, std::string_view field,
                                      double share) {
    std::map<std::string, std::pair<int, int>> counts; // with, total
    for (const auto& p : products) {
        bool with = hasField(p, nullptr, field);
        for (const auto& v : p.variants)
            with |= hasField(p, &v, field);
        auto& c = counts[p.category];
        c.first += with ? 1 : 0;
        ++c.second;
    }
    std::set<std::string> using_;
    for (const auto& [category, c] : counts) {
        // Uncategorized products are left out: whether a size applies to them is unknown, and
        // their missing category is an issue of its own.
        if (!category.empty() && c.first >= share * c.second)
            using_.insert(category);
    }
    return using_;
}

void addIssue(AuditResult& result, AuditIssue issue, std::size_t productCount) {
    if (issue.productIds.empty())
        return;
    issue.impact = issue.weight * double(issue.productIds.size()) /
                   double(std::max<std::size_t>(1, productCount));
    result.fixes.push_back(std::move(issue));
}

AuditIssue issueFor(const std::vector<Product>& products, const std::set<std::size_t>& affected,
                    std::string id, std::string title, std::string why, double weight) {
    AuditIssue issue;
    issue.id = std::move(id);
    issue.title = std::move(title);
    issue.whyItMatters = std::move(why);
    issue.weight = weight;
    for (std::size_t p : affected) {
        issue.productIds.push_back(products[p].id);
        issue.affectedSkus += std::int64_t(std::max<std::size_t>(1, products[p].variants.size()));
    }
    return issue;
}

void qualityIssues(const std::vector<Product>& products, const AuditParams& params,
                   AuditResult& result, std::set<std::size_t>& flagged) {
    std::set<std::size_t> thin, htmlOnly, titleDup, skuDup, outliers, optionGaps, gmc;
    std::vector<std::string> thinEx, htmlEx, titleEx, skuEx, outlierEx, optionEx, gmcEx;
    const auto example = [](std::vector<std::string>& list, std::string text) {
        if (list.size() < 3)
            list.push_back(std::move(text));
    };
    std::map<std::string, std::vector<std::size_t>> titles;
    std::map<std::string, std::vector<std::size_t>> skus;
    std::map<std::string, std::vector<double>> pricesByCategory;
    for (std::size_t i = 0; i < products.size(); ++i) {
        const Product& p = products[i];
        const std::string text = stripHtml(p.description);
        const int count = wordCount(text);
        if (!p.description.empty() && count == 0 && looksLikeHtml(p.description)) {
            htmlOnly.insert(i);
            example(htmlEx, p.id);
        } else if (count > 0 && count < params.thinDescriptionWords) {
            thin.insert(i);
            example(thinEx, p.id + ": \"" + text.substr(0, 60) + "\"");
        }
        std::string titleKey;
        for (const auto& w : words(p.title))
            titleKey += w + " ";
        if (!titleKey.empty())
            titles[titleKey].push_back(i);
        for (const auto& v : p.variants) {
            if (!v.sku.empty())
                skus[v.sku].push_back(i);
        }
        if (p.price > 0)
            pricesByCategory[p.category].push_back(p.price);
        // Variants that leave an option empty while their siblings fill it, or repeat a
        // combination.
        if (p.variants.size() > 1) {
            int withColor = 0, withSize = 0;
            std::set<std::pair<std::string, std::string>> combos;
            bool repeated = false;
            for (const auto& v : p.variants) {
                withColor += v.color.empty() ? 0 : 1;
                withSize += v.size.empty() ? 0 : 1;
                repeated |= !combos.insert({v.color, v.size}).second;
            }
            const int n = int(p.variants.size());
            if ((withColor > 0 && withColor < n) || (withSize > 0 && withSize < n) ||
                (repeated && (withColor > 0 || withSize > 0))) {
                optionGaps.insert(i);
                example(optionEx, p.id);
            }
        }
        std::vector<std::string> lacking;
        if (p.title.empty())
            lacking.push_back("title");
        if (count == 0)
            lacking.push_back("description");
        if (p.imageUrl.empty())
            lacking.push_back("image_link");
        if (p.price <= 0)
            lacking.push_back("price");
        if (p.gtin.empty() && p.brand.empty())
            lacking.push_back("brand or gtin");
        if (!lacking.empty()) {
            gmc.insert(i);
            std::string list;
            for (const auto& l : lacking)
                list += (list.empty() ? "" : ", ") + l;
            example(gmcEx, p.id + ": " + list);
        }
    }
    for (const auto& [key, users] : titles) {
        if (users.size() < 2)
            continue;
        titleDup.insert(users.begin(), users.end());
        example(titleEx,
                "'" + products[users.front()].title + "' x" + std::to_string(users.size()));
    }
    for (const auto& [sku, users] : skus) {
        if (users.size() < 2)
            continue;
        skuDup.insert(users.begin(), users.end());
        example(skuEx, sku + " on " + std::to_string(users.size()) + " variants");
    }
    std::map<std::string, double> medians;
    for (auto& [category, prices] : pricesByCategory) {
        if (prices.size() < 5)
            continue;
        std::nth_element(prices.begin(), prices.begin() + std::ptrdiff_t(prices.size() / 2),
                         prices.end());
        medians[category] = prices[prices.size() / 2];
    }
    for (std::size_t i = 0; i < products.size(); ++i) {
        const auto median = medians.find(products[i].category);
        if (median == medians.end() || products[i].price <= 0)
            continue;
        const double ratio = products[i].price / median->second;
        if (ratio > params.priceOutlierFactor || ratio < 1.0 / params.priceOutlierFactor) {
            outliers.insert(i);
            char text[160];
            std::snprintf(text, sizeof text, "%s: %.2f vs median %.2f", products[i].id.c_str(),
                          products[i].price, median->second);
            example(outlierEx, text);
        }
    }

    const std::size_t n = products.size();
    const auto add = [&](std::set<std::size_t>& set, const char* id, const std::string& what,
                         const char* why, double weight, std::vector<std::string>& examples,
                         bool counts) {
        auto issue =
            issueFor(products, set, id, what + " on " + std::to_string(set.size()) + " products",
                     why, weight);
        issue.examples = examples;
        if (counts)
            flagged.insert(set.begin(), set.end());
        addIssue(result, std::move(issue), n);
    };
    add(thin, "thin_description",
        "Thin descriptions (under " + std::to_string(params.thinDescriptionWords) + " words)",
        "Semantic search and content recommendations have little text to understand.", 0.6, thinEx,
        true);
    add(htmlOnly, "html_only_description", "Descriptions with HTML but no text",
        "The description is only markup (often an image); search and embeddings see nothing.", 0.6,
        htmlEx, true);
    add(titleDup, "duplicate_titles", "Duplicate titles",
        "Shoppers and models cannot tell the products apart; recommendations repeat themselves.",
        0.5, titleEx, true);
    add(skuDup, "duplicate_skus", "Duplicate SKUs",
        "Orders and events cannot be traced to one variant, so models mix their signals.", 0.7,
        skuEx, true);
    add(outliers, "price_outliers",
        "Prices more than " + std::to_string(int(params.priceOutlierFactor)) +
            "x away from their category's median",
        "Likely typos (a missing decimal point); they distort price bands and revenue figures.",
        0.6, outlierEx, true);
    add(optionGaps, "variants_missing_options", "Variants missing option values",
        "A variant without its size or color cannot be filtered or recommended correctly.", 0.6,
        optionEx, true);
    add(gmc, "missing_gmc_required", "Missing Google Merchant Center required attributes",
        "Shopping ads and free listings reject these products.", 0.4, gmcEx, false);
}

} // namespace

Status AuditParams::validate() const {
    if (!(readinessTarget >= 0.5 && readinessTarget <= 1.0))
        return Status::invalidArgument("readinessTarget must be between 0.5 and 1");
    if (thinDescriptionWords < 1 || thinDescriptionWords > 500)
        return Status::invalidArgument("thinDescriptionWords must be between 1 and 500");
    if (!(priceOutlierFactor >= 2.0 && priceOutlierFactor <= 1000.0))
        return Status::invalidArgument("priceOutlierFactor must be between 2 and 1000");
    if (!(attributeUseShare >= 0.0 && attributeUseShare <= 1.0))
        return Status::invalidArgument("attributeUseShare must be between 0 and 1");
    return Status::ok();
}

Result<AuditResult> auditCatalog(const std::vector<Product>& products, const AuditParams& params,
                                 const RunControl& control) {
    if (auto status = params.validate(); !status)
        return status;
    AuditResult result;
    result.readinessTarget = params.readinessTarget;
    result.products = std::int64_t(products.size());
    std::vector<Sku> skus;
    for (std::size_t p = 0; p < products.size(); ++p) {
        if (products[p].variants.empty())
            skus.push_back({p, nullptr});
        for (const auto& v : products[p].variants)
            skus.push_back({p, &v});
    }
    result.skus = std::int64_t(skus.size());
    if (!control.report(0.1, "checking coverage"))
        return Status::cancelled();

    std::set<std::size_t> uncategorized;
    for (const FieldSpec& spec : kFields) {
        const std::string field = spec.name;
        const bool scoped = field == "color" || field == "size" || field == "material";
        const auto using_ = scoped ? categoriesUsing(products, field, params.attributeUseShare)
                                   : std::set<std::string>{};
        FieldCoverage coverage;
        coverage.field = field;
        coverage.readiness = spec.readiness;
        coverage.scope =
            scoped
                ? "SKUs in the " + std::to_string(using_.size()) + " categories where at least " +
                      percent(params.attributeUseShare) + " of products have a " + field + ""
                : "all SKUs";
        std::set<std::size_t> missing;
        for (const Sku& sku : skus) {
            const Product& p = products[sku.product];
            if (scoped && !using_.count(p.category))
                continue;
            ++coverage.applicable;
            if (hasField(p, sku.variant, field))
                ++coverage.filled;
            else
                missing.insert(sku.product);
        }
        if (field == "category")
            uncategorized = missing;
        const bool belowTarget = coverage.share() < params.readinessTarget;
        std::string title = field == "gtin" ? "GTIN" : field;
        title[0] = char(std::toupper(static_cast<unsigned char>(title[0])));
        title += " missing on " + std::to_string(coverage.applicable - coverage.filled) +
                 " SKUs (" + percent(coverage.share()) + " filled";
        title += spec.readiness ? std::string(belowTarget ? ", below" : ", meets") + " the " +
                                      percent(params.readinessTarget) + " target)"
                                : ")";
        auto issue = issueFor(products, missing, "missing_" + field, title, spec.why,
                              spec.weight * (spec.readiness && belowTarget ? 1.0 : 0.6));
        issue.affectedSkus = coverage.applicable - coverage.filled;
        for (std::size_t p : missing) {
            if (issue.examples.size() >= 3)
                break;
            issue.examples.push_back(products[p].id);
        }
        addIssue(result, std::move(issue), products.size());
        result.coverage.push_back(std::move(coverage));
    }
    if (!control.report(0.4, "checking quality"))
        return Status::cancelled();

    std::set<std::size_t> flagged;
    qualityIssues(products, params, result, flagged);
    const TagClustering tags = clusterTags(products);
    result.tagClusters = tags.clusters;
    if (!tags.affected.empty()) {
        std::set<std::size_t> affected(tags.affected.begin(), tags.affected.end());
        auto issue = issueFor(products, affected, "inconsistent_tags",
                              "Inconsistent tags (" + std::to_string(tags.clusters.size()) +
                                  " tags spelled several ways) on " +
                                  std::to_string(affected.size()) + " products",
                              "Filters and tag-based rules split one audience into several; "
                              "'Hoodie', 'hoodies ' and 'HOODIES' look like three things.",
                              0.4);
        for (const auto& cluster : tags.clusters) {
            if (issue.examples.size() >= 3)
                break;
            std::string text;
            for (const auto& s : cluster.spellings)
                text += (text.empty() ? "'" : ", '") + s + "'";
            issue.examples.push_back(text);
        }
        flagged.insert(affected.begin(), affected.end());
        addIssue(result, std::move(issue), products.size());
    }
    if (!control.report(0.7, "suggesting categories"))
        return Status::cancelled();
    result.categorySuggestions = suggestCategories(
        products, std::vector<std::size_t>(uncategorized.begin(), uncategorized.end()));
    // Every uncategorized product also gets the Google category its words match best.
    for (std::size_t p : uncategorized) {
        const TaxonomyMatch match = suggestGoogleCategory(products[p]);
        if (!match.entry)
            continue;
        auto existing = std::find_if(
            result.categorySuggestions.begin(), result.categorySuggestions.end(),
            [&](const CategorySuggestion& s) { return s.productId == products[p].id; });
        if (existing == result.categorySuggestions.end()) {
            CategorySuggestion suggestion;
            suggestion.productId = products[p].id;
            suggestion.because = "its title's words match the Google category";
            result.categorySuggestions.push_back(std::move(suggestion));
            existing = result.categorySuggestions.end() - 1;
        }
        existing->googleCategory = match.entry->path;
        existing->googleCategoryId = match.entry->id;
    }

    std::stable_sort(result.fixes.begin(), result.fixes.end(),
                     [](const AuditIssue& a, const AuditIssue& b) { return a.impact > b.impact; });

    // Score: readiness fields 60 points (each field's share of the target, capped at 1), other
    // fields 20 points (their shares), and 20 points for the share of products free of
    // quality issues (thin or HTML-only text, duplicates, price outliers, option gaps, tags).
    double readiness = 0, other = 0;
    int readinessCount = 0, otherCount = 0;
    result.ready = true;
    for (const auto& c : result.coverage) {
        if (c.readiness) {
            readiness += std::min(1.0, c.share() / params.readinessTarget);
            ++readinessCount;
            result.ready &= c.share() >= params.readinessTarget;
        } else {
            other += c.share();
            ++otherCount;
        }
    }
    const double clean =
        products.empty() ? 1.0 : 1.0 - double(flagged.size()) / double(products.size());
    const double readinessPart = 60.0 * readiness / std::max(1, readinessCount);
    const double otherPart = 20.0 * other / std::max(1, otherCount);
    const double cleanPart = 20.0 * clean;
    result.score = readinessPart + otherPart + cleanPart;
    char explanation[400];
    std::snprintf(explanation, sizeof explanation,
                  "%.1f of 60 for category, color, size, material and price against the %s "
                  "target; %.1f of 20 for description, image, brand and GTIN coverage; %.1f of 20 "
                  "for the %s of products without quality issues",
                  readinessPart, percent(params.readinessTarget).c_str(), otherPart, cleanPart,
                  percent(clean).c_str());
    result.scoreExplanation = explanation;
    if (!control.report(1.0, "done"))
        return Status::cancelled();
    return result;
}

std::string fixListCsv(const AuditResult& result) {
    const auto cell = [](const std::string& value) { return csvCell(value); };
    std::string csv = "rank,issue,title,affected_skus,affected_products,impact,why_it_matters,"
                      "examples,product_ids\n";
    int rank = 0;
    for (const auto& issue : result.fixes) {
        std::string examples, ids;
        for (const auto& e : issue.examples)
            examples += (examples.empty() ? "" : "; ") + e;
        for (const auto& id : issue.productIds)
            ids += (ids.empty() ? "" : " ") + id;
        char impact[32];
        std::snprintf(impact, sizeof impact, "%.4f", issue.impact);
        csv += std::to_string(++rank) + "," + cell(issue.id) + "," + cell(issue.title) + "," +
               std::to_string(issue.affectedSkus) + "," + std::to_string(issue.productIds.size()) +
               "," + impact + "," + cell(issue.whyItMatters) + "," + cell(examples) + "," +
               cell(ids) + "\n";
    }
    return csv;
}

} // namespace merch
