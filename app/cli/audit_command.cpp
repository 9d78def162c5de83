// merchsim-cli audit: catalog readiness for personalization and the ranked fix list.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/audit.h"
#include "merch/workspace.h"

namespace merch::cli {

CommandSpec auditSpec() {
    return {"audit",
            "Audits the workspace's catalog: attribute coverage against the readiness target, a "
            "score with its parts, and a ranked fix list.",
            {{"workspace", "FILE", "the workspace to read", true},
             {"target", "X", "readiness target, share of SKUs per field, 0.5..1 (default 0.95)"},
             {"csv", "FILE", "also write the fix list as CSV (spreadsheet-safe cells)"},
             {"json", "", "print JSON"}},
            ""};
}

namespace {

nlohmann::ordered_json toJson(const AuditResult& r) {
    nlohmann::ordered_json json;
    json["products"] = r.products;
    json["skus"] = r.skus;
    json["score"] = r.score;
    json["score_explanation"] = r.scoreExplanation;
    json["readiness_target"] = r.readinessTarget;
    json["ready"] = r.ready;
    auto coverage = nlohmann::ordered_json::array();
    for (const auto& c : r.coverage)
        coverage.push_back({{"field", c.field},
                            {"readiness", c.readiness},
                            {"filled", c.filled},
                            {"applicable", c.applicable},
                            {"share", c.share()},
                            {"scope", c.scope}});
    json["coverage"] = coverage;
    auto fixes = nlohmann::ordered_json::array();
    for (const auto& f : r.fixes)
        fixes.push_back({{"id", f.id},
                         {"title", f.title},
                         {"affected_skus", f.affectedSkus},
                         {"affected_products", f.productIds.size()},
                         {"impact", f.impact},
                         {"why_it_matters", f.whyItMatters},
                         {"examples", f.examples},
                         {"product_ids", f.productIds}});
    json["fixes"] = fixes;
    auto tags = nlohmann::ordered_json::array();
    for (const auto& t : r.tagClusters)
        tags.push_back(
            {{"suggested", t.suggested}, {"spellings", t.spellings}, {"products", t.products}});
    json["tag_clusters"] = tags;
    auto suggestions = nlohmann::ordered_json::array();
    for (const auto& s : r.categorySuggestions)
        suggestions.push_back({{"product_id", s.productId},
                               {"suggested", s.suggested},
                               {"confidence", s.confidence},
                               {"because", s.because},
                               {"google_category", s.googleCategory},
                               {"google_category_id", s.googleCategoryId}});
    json["category_suggestions"] = suggestions;
    return json;
}

void printText(const AuditResult& r) {
    std::printf("Catalog readiness score %.0f / 100 (%s)\n", r.score,
                r.ready ? "ready" : "not ready");
    std::printf("  %s\n\n", r.scoreExplanation.c_str());
    std::printf("%-12s %9s %11s  %s\n", "field", "filled", "of SKUs", "");
    for (const auto& c : r.coverage)
        std::printf("%-12s %8.1f%% %11lld  %s%s\n", c.field.c_str(), c.share() * 100.0,
                    static_cast<long long>(c.applicable),
                    c.readiness ? (c.share() >= r.readinessTarget ? "meets target" : "BELOW TARGET")
                                : "",
                    c.scope == "all SKUs" ? "" : "  (scoped)");
    std::printf("\nFix first:\n");
    int rank = 0;
    for (const auto& f : r.fixes) {
        std::printf("%2d. %s\n    %s\n", ++rank, f.title.c_str(), f.whyItMatters.c_str());
        if (!f.examples.empty()) {
            std::string examples;
            for (const auto& e : f.examples)
                examples += (examples.empty() ? "" : "; ") + e;
            std::printf("    e.g. %s\n", examples.c_str());
        }
    }
    if (!r.categorySuggestions.empty()) {
        std::printf("\nSuggested categories for uncategorized products:\n");
        for (std::size_t i = 0; i < r.categorySuggestions.size() && i < 10; ++i) {
            const auto& s = r.categorySuggestions[i];
            std::printf("  %s -> %s (%.0f%%, %s)\n     Google: %s\n", s.productId.c_str(),
                        s.suggested.c_str(), s.confidence * 100.0, s.because.c_str(),
                        s.googleCategory.c_str());
        }
    }
}

} // namespace

int runAudit(const ParsedArgs& args) {
    std::string error;
    AuditParams params;
    const auto target = doubleOption(args, "target", params.readinessTarget, 0.5, 1.0, error);
    if (!target) {
        printError(error);
        std::cerr << usage(auditSpec());
        return kExitUsage;
    }
    params.readinessTarget = *target;
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto products = (*workspace)->loadProducts();
    if (!products) {
        printError(products.status().message());
        return kExitFailure;
    }
    if (products->empty()) {
        printError("the workspace has no products to audit; import a catalog first");
        return kExitFailure;
    }
    auto result = auditCatalog(*products, params, {});
    if (!result) {
        printError(result.status().message());
        return kExitFailure;
    }
    if (const auto csv = args.value("csv")) {
        std::ofstream out(*csv, std::ios::binary | std::ios::trunc);
        out << fixListCsv(*result);
        if (!out) {
            printError("cannot write " + *csv);
            return kExitFailure;
        }
    }
    if (args.has("json"))
        std::cout << toJson(*result).dump(2) << "\n";
    else
        printText(*result);
    return kExitOk;
}

} // namespace merch::cli
