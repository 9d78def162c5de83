// Product search: BM25F keyword search with typo tolerance and synonyms, semantic search over
// subword embeddings trained here, hybrid fusion, click feedback learned from search logs,
// filters, facets and a zero-result fallback.
//
// A SearchIndex is built once from a catalog (and, optionally, labelled searches from the logs)
// and is immutable afterwards: any number of threads may query it at once.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

enum class SearchMethod {
    Keyword,      // BM25F over the catalog's text, typo-corrected and synonym-expanded
    Semantic,     // cosine of subword (character n-gram) embeddings, nearest neighbours
    Hybrid,       // reciprocal rank fusion of Keyword and Semantic
    HybridClicks, // Hybrid, plus what earlier shoppers clicked after the same words
};

// "keyword", "semantic", "hybrid", "hybrid_clicks".
const char* searchMethodName(SearchMethod method);
std::optional<SearchMethod> searchMethodFromName(const std::string& name);

// One labelled search from a log: the query and the product clicked after it.
struct SearchCase {
    std::int64_t timestamp = 0; // unix seconds of the click
    std::string query;          // as typed
    std::string productId;      // the product clicked after the search
};

// A synonym rule. `terms` are equivalent words or phrases ("tv, television"); when `oneWay`
// is true only the first term expands to the others ("bf3 => battlefield 3").
struct SynonymRule {
    std::vector<std::string> terms;
    bool oneWay = false;
};

// Parses the workspace's synonym list: one rule a line, `a, b, c` (equivalent) or
// `a => b, c` (one way); empty lines and lines starting with # are skipped. A malformed line
// (a rule with fewer than two terms) is an InvalidArgument naming the line.
Result<std::vector<SynonymRule>> parseSynonyms(const std::string& text);
// The key under which a workspace keeps its synonym list (Workspace::meta).
inline constexpr const char* kSynonymsMetaKey = "search.synonyms";

struct SearchParams {
    // BM25F. Field weights multiply a field's term frequency; 0 ignores the field.
    double titleWeight = 3.0;       // title; default 3, 0..100
    double descriptionWeight = 1.0; // description (HTML stripped); default 1, 0..100
    double attributeWeight = 1.5;   // category, subcategory, brand, color, material, tags,
                                    // variant colors and sizes; default 1.5, 0..100
    double k1 = 1.2;                // term-frequency saturation; default 1.2, 0..10
    double b = 0.75;                // length normalisation; default 0.75, 0..1

    // Typo tolerance: a query word the catalog does not know is corrected to the most frequent
    // catalog word within this many edits (Damerau). Words shorter than minWordLengthForTypo
    // are left as they are; two edits need a word of at least minWordLengthForTwoEdits.
    int maxEdits = 2;                 // default 2, 0..2 (0 turns correction off)
    int minWordLengthForTypo = 4;     // letters; default 4, 2..20
    int minWordLengthForTwoEdits = 8; // letters; default 8, 3..30
    double correctedWeight = 0.9;     // weight of a corrected word; default 0.9, 0..1
    double synonymWeight = 0.6;       // weight of a synonym's words; default 0.6, 0..1

    // Semantic: character n-grams of every word (with word boundaries), TF-IDF weighted,
    // projected to `dimensions` by a truncated SVD trained on the catalog (LSA).
    int minNgram = 2;            // characters; default 2, 1..8
    int maxNgram = 4;            // characters; default 4, minNgram..8
    int dimensions = 128;        // embedding size; default 128, 8..1024 (capped by the data)
    double minSimilarity = 0.35; // cosine below which a product is not a result; default
                                 // 0.35, -1..1

    // Hybrid: weighted reciprocal rank fusion, score = sum w / (rrfK + rank).
    double rrfK = 60;                  // default 60, 1..1000
    double keywordFusionWeight = 1;    // default 1, 0..10
    double semanticFusionWeight = 0.3; // default 0.3, 0..10
    int fusionDepth = 100;             // how deep each list is read for fusion; default 100,
                                       // 1..100000

    // Click feedback (HybridClicks): training queries are added to the clicked product's text
    // (a "queries" field for BM25 and the embedding), and each product's share of the clicks
    // after the same query and after each of its words is added, weighted, to the fused
    // reciprocal-rank score (so a weight of 1 outweighs any rank list).
    double clickQueryFieldWeight = 2.0; // BM25F weight of the queries field; default 2, 0..100
    double clickExactWeight = 1.0;      // fusion weight of the same-query click list; default
                                        // 1, 0..100
    double clickWordWeight = 0.03;      // fusion weight of the per-word click list; default
                                        // 0.03, 0..100
    double clickSmoothing = 1.0; // pseudo-clicks added to a query's count; default 1, 0..1000
    // Recent clicks count more: a click's weight halves every clickHalfLifeDays before the
    // latest click of the log (0: every click counts 1). Default 10 days, 0..3650.
    double clickHalfLifeDays = 10;
    // Weight of a found product's share of all (decayed) clicks, relative to the most clicked
    // product: breaks ties among products the query matches. Default 0 (it did not help on
    // the Best Buy validation slice), 0..100.
    double clickPopularityWeight = 0;
    // Synonyms learned from logs: a query word the catalog does not know maps to catalog words
    // found in at least this share of the products clicked after it.
    double learnedSynonymShare = 0.6; // default 0.6, 0..1 (1 keeps only unanimous ones)
    int learnedSynonymMinClicks = 3;  // default 3, 1..1000000

    // Nearest neighbours for the semantic list: brute force (exact) below annMinProducts
    // products, an HNSW graph (approximate; hnswlib) from there on. 0 always uses brute force;
    // so does a build without hnswlib. Default 20000, 0..1e9.
    int annMinProducts = 20000;
    int annM = 32;               // graph links per product; default 32, 2..100
    int annEfConstruction = 100; // candidates while building; default 100, 10..2000
    int annEfSearch = 100;       // candidates while searching, at least the depth read
                                 // (max(n, fusionDepth)); default 100, 10..10000

    Status validate() const;
};

// Filters applied to every method (products outside them are never returned).
struct SearchFilters {
    std::string category; // exact match on category or subcategory (case-insensitive); empty: any
    std::string color;    // matches the product color or a variant color; empty: any
    std::string size;     // matches a variant size; empty: any
    double minPrice = 0;  // store currency, inclusive; default 0
    double maxPrice = -1; // inclusive; < 0: no upper bound

    Status validate() const;
};

struct SearchHit {
    int product = 0;                       // index into the index's catalog
    double score = 0;                      // method's score (BM25, cosine or fused)
    std::vector<std::string> matchedTerms; // query words (after correction) found in the product
};

struct FacetCount {
    std::string value;
    int count = 0;
};

struct SearchResponse {
    SearchMethod method = SearchMethod::Keyword;
    std::vector<SearchHit> hits; // best first
    // Products the method matched before the cut to n. Hybrid methods fuse at most
    // fusionDepth semantic matches, so theirs counts the keyword matches plus those. When the
    // index has an HNSW graph (approximateNeighbours()), an unfiltered semantic list counts at
    // most max(n, fusionDepth) matches: the graph returns no more.
    std::int64_t totalMatches = 0;
    std::string correctedQuery; // the query as searched after typo correction ("" if none)
    std::vector<std::string> expandedSynonyms; // synonym words added to the query
    // Zero-result fallback: the keyword part found nothing with the filters and they were
    // relaxed; then, if still nothing, the semantic list was used.
    bool relaxedFilters = false;
    bool usedSemanticFallback = false;
    std::vector<FacetCount> categoryFacets; // over all matches, most frequent first
    std::vector<FacetCount> colorFacets;
    std::vector<FacetCount> sizeFacets;
    std::vector<FacetCount> priceFacets; // "0-10", "10-25", "25-50", "50-100", "100-250", "250+"
};

struct SearchQuery {
    std::string text;
    SearchMethod method = SearchMethod::Hybrid;
    int n = 10; // results; 1..10000
    SearchFilters filters;
    bool fallback = true; // zero-result fallback (relax filters, then semantic)
    bool facets = false;  // fill the facet counts
    // Scan every product for the semantic list even when the index has an approximate
    // (HNSW) graph: the exact neighbours (what the graph's recall is measured against).
    bool exactNeighbours = false;
};

class SearchIndex {
public:
    // Builds the index. `clicks` (may be empty) are the labelled searches the click feedback and
    // learned synonyms come from; products they name that the catalog lacks are ignored.
    static Result<std::shared_ptr<const SearchIndex>>
    build(std::vector<Product> catalog, const std::vector<SynonymRule>& synonyms,
          const std::vector<SearchCase>& clicks, const SearchParams& params,
          const RunControl& control);

    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    Result<SearchResponse> search(const SearchQuery& query) const;

    const std::vector<Product>& catalog() const;
    int productIndex(const std::string& id) const; // -1 when absent
    const SearchParams& params() const;
    bool hasClicks() const;
    // The synonyms learned from the logs, as "word => catalog words" rules.
    const std::vector<SynonymRule>& learnedSynonyms() const;
    int embeddingDimensions() const;     // after capping by the data
    std::int64_t vocabularySize() const; // distinct catalog words
    // True when the semantic list comes from an HNSW graph (catalog of at least
    // SearchParams::annMinProducts products), false for brute force.
    bool approximateNeighbours() const;

    struct Impl;

private:
    explicit SearchIndex(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace merch
