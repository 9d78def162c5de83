// SearchIndex: building the parts and answering queries with each method.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "merch/search.h"
#include "search/bm25_index.h"
#include "search/click_model.h"
#include "search/query_rewriting.h"
#include "search/subword_embedding.h"
#include "search/text_analysis.h"
#include "search/vector_index.h"

namespace merch {

using search::Bm25Index;
using search::FieldDocument;

struct SearchIndex::Impl {
    std::vector<Product> catalog;
    SearchParams params;
    std::unordered_map<std::string, int> byId;
    Bm25Index keyword;       // catalog fields only
    Bm25Index keywordClicks; // plus the queries field (when there are clicks)
    search::SubwordEmbedding semantic;
    search::SubwordEmbedding semanticClicks;
    search::VectorIndex vectors, vectorsClicks; // nearest neighbours of each embedding
    search::ClickModel clicks;
    bool hasClicks = false;
    std::vector<search::WordRule> rules;                    // the workspace's and the learned ones
    std::vector<std::vector<int>> spelling, spellingClicks; // correction candidates by length
    std::vector<SynonymRule> learned;
    // Filter attributes, lowercased.
    std::vector<std::vector<std::string>> categories, colors, sizes;
};

const char* searchMethodName(SearchMethod method) {
    switch (method) {
    case SearchMethod::Keyword:
        return "keyword";
    case SearchMethod::Semantic:
        return "semantic";
    case SearchMethod::Hybrid:
        return "hybrid";
    case SearchMethod::HybridClicks:
        return "hybrid_clicks";
    }
    return "keyword";
}

std::optional<SearchMethod> searchMethodFromName(const std::string& name) {
    for (auto m : {SearchMethod::Keyword, SearchMethod::Semantic, SearchMethod::Hybrid,
                   SearchMethod::HybridClicks})
        if (name == searchMethodName(m))
            return m;
    return std::nullopt;
}

namespace {

std::string lower(std::string s) {
    for (auto& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

Status range(double value, double lo, double hi, const char* name) {
    if (!(value >= lo && value <= hi))
        return Status::invalidArgument(std::string(name) + " must be in [" + std::to_string(lo) +
                                       ", " + std::to_string(hi) + "] (got " +
                                       std::to_string(value) + ")");
    return Status::ok();
}

bool isNumber(const std::string& w) {
    return !w.empty() &&
           std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Title words plus each adjacent pair run together ("spider man" -> "spiderman"), so a query
// that writes them as one word still matches, and the acronyms of runs of 2 to 4 words, numbers
// kept whole ("Call of Duty: Modern Warfare 3" -> "cod", "mw3", "codmw", ...), the way shoppers
// abbreviate titles.
std::vector<std::string> titleWords(const std::string& title) {
    auto w = search::words(title);
    const std::size_t n = w.size();
    for (std::size_t i = 0; i + 1 < n; ++i)
        w.push_back(w[i] + w[i + 1]);
    for (std::size_t i = 0; i < n; ++i) {
        std::string acronym;
        int letters = 0;
        for (std::size_t j = i; j < n && j < i + 4; ++j) {
            if (isNumber(w[j])) {
                acronym += w[j];
            } else {
                acronym += w[j][0];
                ++letters;
            }
            if (j > i && letters >= 2 && acronym.size() >= 2)
                w.push_back(acronym);
        }
    }
    return w;
}

// Category, brand, color, material, tags, variant colors and sizes; with `ids`, the product id
// and SKUs too (shoppers paste them into the search box; the embedding leaves them out).
std::vector<std::string> attributeWords(const Product& p, bool ids) {
    std::string text = p.category + " " + p.subcategory + " " + p.brand + " " + p.color + " " +
                       p.material + " " + p.tags;
    if (ids)
        text += " " + p.id;
    for (const auto& v : p.variants)
        text += " " + (ids ? v.sku + " " : std::string()) + v.color + " " + v.size;
    return search::words(text);
}

struct Ranked {
    int doc;
    double score;
};

bool rankedBefore(const Ranked& a, const Ranked& b) {
    return a.score != b.score ? a.score > b.score : a.doc < b.doc;
}

void sortRanked(std::vector<Ranked>& list) {
    std::sort(list.begin(), list.end(), rankedBefore);
}

} // namespace

Status SearchParams::validate() const {
    for (auto [v, name] : {std::pair{titleWeight, "titleWeight"},
                           {descriptionWeight, "descriptionWeight"},
                           {attributeWeight, "attributeWeight"},
                           {clickQueryFieldWeight, "clickQueryFieldWeight"},
                           {clickExactWeight, "clickExactWeight"},
                           {clickWordWeight, "clickWordWeight"}})
        if (auto s = range(v, 0, 100, name); !s)
            return s;
    if (titleWeight + descriptionWeight + attributeWeight <= 0)
        return Status::invalidArgument("titleWeight, descriptionWeight and attributeWeight are "
                                       "all 0: keyword search would read no field");
    for (auto s : {range(k1, 0, 10, "k1"),
                   range(b, 0, 1, "b"),
                   range(maxEdits, 0, 2, "maxEdits"),
                   range(minWordLengthForTypo, 2, 20, "minWordLengthForTypo"),
                   range(minWordLengthForTwoEdits, 3, 30, "minWordLengthForTwoEdits"),
                   range(correctedWeight, 0, 1, "correctedWeight"),
                   range(synonymWeight, 0, 1, "synonymWeight"),
                   range(minNgram, 1, 8, "minNgram"),
                   range(maxNgram, minNgram, 8, "maxNgram"),
                   range(dimensions, 8, 1024, "dimensions"),
                   range(minSimilarity, -1, 1, "minSimilarity"),
                   range(rrfK, 1, 1000, "rrfK"),
                   range(keywordFusionWeight, 0, 10, "keywordFusionWeight"),
                   range(semanticFusionWeight, 0, 10, "semanticFusionWeight"),
                   range(fusionDepth, 1, 100000, "fusionDepth"),
                   range(clickSmoothing, 0, 1000, "clickSmoothing"),
                   range(clickHalfLifeDays, 0, 3650, "clickHalfLifeDays"),
                   range(clickPopularityWeight, 0, 100, "clickPopularityWeight"),
                   range(learnedSynonymShare, 0, 1, "learnedSynonymShare"),
                   range(learnedSynonymMinClicks, 1, 1000000, "learnedSynonymMinClicks"),
                   range(annMinProducts, 0, 1000000000, "annMinProducts"),
                   range(annM, 2, 100, "annM"),
                   range(annEfConstruction, 10, 2000, "annEfConstruction"),
                   range(annEfSearch, 10, 10000, "annEfSearch")})
        if (!s)
            return s;
    return Status::ok();
}

Status SearchFilters::validate() const {
    if (!(minPrice >= 0))
        return Status::invalidArgument("minPrice must be >= 0 (got " + std::to_string(minPrice) +
                                       ")");
    if (maxPrice >= 0 && maxPrice < minPrice)
        return Status::invalidArgument("maxPrice must be >= minPrice or negative for no bound");
    return Status::ok();
}

SearchIndex::SearchIndex(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl)) {}
SearchIndex::~SearchIndex() = default;
const std::vector<Product>& SearchIndex::catalog() const {
    return m_impl->catalog;
}
const SearchParams& SearchIndex::params() const {
    return m_impl->params;
}
bool SearchIndex::hasClicks() const {
    return m_impl->hasClicks;
}
const std::vector<SynonymRule>& SearchIndex::learnedSynonyms() const {
    return m_impl->learned;
}
int SearchIndex::embeddingDimensions() const {
    return m_impl->semantic.dimensions();
}
std::int64_t SearchIndex::vocabularySize() const {
    return m_impl->keyword.termCount();
}
bool SearchIndex::approximateNeighbours() const {
    return m_impl->vectors.approximate();
}
int SearchIndex::productIndex(const std::string& id) const {
    const auto it = m_impl->byId.find(id);
    return it == m_impl->byId.end() ? -1 : it->second;
}

Result<std::shared_ptr<const SearchIndex>>
SearchIndex::build(std::vector<Product> catalog, const std::vector<SynonymRule>& synonyms,
                   const std::vector<SearchCase>& clickCases, const SearchParams& params,
                   const RunControl& control) {
    if (auto s = params.validate(); !s)
        return s;
    auto impl = std::make_unique<Impl>();
    impl->params = params;
    impl->catalog = std::move(catalog);
    const auto& products = impl->catalog;
    const int n = int(products.size());
    for (int i = 0; i < n; ++i)
        impl->byId.emplace(products[std::size_t(i)].id, i);

    std::vector<FieldDocument> docs(static_cast<std::size_t>(n));
    std::vector<std::vector<std::string>> titles(static_cast<std::size_t>(n));
    std::vector<std::vector<std::string>> embeddingAttributes(static_cast<std::size_t>(n));
    impl->categories.resize(std::size_t(n));
    impl->colors.resize(std::size_t(n));
    impl->sizes.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const auto& p = products[std::size_t(i)];
        auto& d = docs[std::size_t(i)];
        d.fields[search::TitleField] = titleWords(p.title);
        d.fields[search::DescriptionField] = search::words(p.description);
        d.fields[search::AttributeField] = attributeWords(p, true);
        embeddingAttributes[std::size_t(i)] = attributeWords(p, false);
        titles[std::size_t(i)] = search::words(p.title);
        auto& cats = impl->categories[std::size_t(i)];
        for (const auto& c : {p.category, p.subcategory})
            if (!c.empty())
                cats.push_back(lower(c));
        if (!p.color.empty())
            impl->colors[std::size_t(i)].push_back(lower(p.color));
        for (const auto& v : p.variants) {
            if (!v.color.empty())
                impl->colors[std::size_t(i)].push_back(lower(v.color));
            if (!v.size.empty())
                impl->sizes[std::size_t(i)].push_back(lower(v.size));
        }
    }
    std::array<double, search::kFieldCount> weights{params.titleWeight, params.descriptionWeight,
                                                    params.attributeWeight, 0.0};
    impl->keyword.build(docs, weights, params.k1, params.b);
    // Correction candidates: the catalog's own words (titles, descriptions, attributes).
    std::vector<std::string> baseWords;
    for (int i = 0; i < n; ++i) {
        const auto& t = titles[std::size_t(i)];
        const auto& desc = docs[std::size_t(i)].fields[search::DescriptionField];
        const auto& attributes = embeddingAttributes[std::size_t(i)];
        baseWords.insert(baseWords.end(), t.begin(), t.end());
        baseWords.insert(baseWords.end(), desc.begin(), desc.end());
        baseWords.insert(baseWords.end(), attributes.begin(), attributes.end());
    }
    impl->spelling = search::candidatesByLength(impl->keyword, baseWords);
    if (!control.report(0.1, "keyword index"))
        return Status::cancelled();

    // Embedding documents: title, attributes and the first words of the description.
    const auto embeddingDocs = [&](bool withQueries) {
        std::vector<std::vector<std::string>> out(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const auto& d = docs[std::size_t(i)];
            auto& o = out[std::size_t(i)];
            o = titles[std::size_t(i)];
            o.insert(o.end(), embeddingAttributes[std::size_t(i)].begin(),
                     embeddingAttributes[std::size_t(i)].end());
            const auto& desc = d.fields[search::DescriptionField];
            o.insert(o.end(), desc.begin(),
                     desc.begin() + long(std::min<std::size_t>(desc.size(), 60)));
            if (withQueries)
                o.insert(o.end(), d.fields[search::QueryField].begin(),
                         d.fields[search::QueryField].end());
        }
        return out;
    };
    const bool clicksGiven = !clickCases.empty();
    if (auto s =
            impl->semantic.train(embeddingDocs(false), params.minNgram, params.maxNgram,
                                 params.dimensions, control.scaled(0.1, clicksGiven ? 0.5 : 1.0));
        !s)
        return s;

    const search::VectorIndexSettings ann{params.annMinProducts, params.annM,
                                          params.annEfConstruction, params.annEfSearch,
                                          static_cast<unsigned>(control.seed)};
    if (n >= params.annMinProducts && params.annMinProducts > 0 &&
        !control.report(clicksGiven ? 0.45 : 0.9, "nearest-neighbour graph"))
        return Status::cancelled();
    impl->vectors.build(impl->semantic.productVectors(), ann);

    // Click feedback.
    std::vector<search::ClickModel::Click> cases;
    for (const auto& c : clickCases) {
        const auto it = impl->byId.find(c.productId);
        if (it == impl->byId.end())
            continue;
        auto w = search::words(c.query);
        if (w.empty())
            continue;
        cases.push_back({std::move(w), it->second, c.timestamp});
    }
    std::vector<SynonymRule> allRules = synonyms;
    if (!cases.empty()) {
        impl->hasClicks = true;
        impl->clicks.train(cases, params.clickHalfLifeDays * 86400.0);
        impl->learned = impl->clicks.learnSynonyms(
            impl->keyword, titles, params.learnedSynonymShare, params.learnedSynonymMinClicks);
        allRules.insert(allRules.end(), impl->learned.begin(), impl->learned.end());
        // Each product's queries field: the words of the queries that led to it (each distinct
        // query once per product, so a popular query does not drown the title).
        std::vector<std::set<std::string>> seen(static_cast<std::size_t>(n));
        for (const auto& [w, product, timestamp] : cases) {
            std::string key;
            for (const auto& x : w)
                key += x + " ";
            if (!seen[std::size_t(product)].insert(key).second)
                continue;
            auto& field = docs[std::size_t(product)].fields[search::QueryField];
            field.insert(field.end(), w.begin(), w.end());
        }
        weights[search::QueryField] = params.clickQueryFieldWeight;
        impl->keywordClicks.build(docs, weights, params.k1, params.b);
        impl->spellingClicks = search::candidatesByLength(impl->keywordClicks, baseWords);
        if (auto s =
                impl->semanticClicks.train(embeddingDocs(true), params.minNgram, params.maxNgram,
                                           params.dimensions, control.scaled(0.5, 1.0));
            !s)
            return s;
        impl->vectorsClicks.build(impl->semanticClicks.productVectors(), ann);
    }
    impl->rules = search::toWordRules(allRules);
    if (!control.report(1.0, "search index"))
        return Status::cancelled();
    return std::shared_ptr<const SearchIndex>(new SearchIndex(std::move(impl)));
}

namespace {

bool matchesAny(const std::vector<std::string>& values, const std::string& wanted) {
    return std::find(values.begin(), values.end(), wanted) != values.end();
}

std::vector<FacetCount> facetList(const std::map<std::string, int>& counts) {
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts)
        out.push_back({value, count});
    std::stable_sort(out.begin(), out.end(),
                     [](const FacetCount& a, const FacetCount& b) { return a.count > b.count; });
    return out;
}

const char* priceBucket(double price) {
    if (price < 10)
        return "0-10";
    if (price < 25)
        return "10-25";
    if (price < 50)
        return "25-50";
    if (price < 100)
        return "50-100";
    if (price < 250)
        return "100-250";
    return "250+";
}

} // namespace

Result<SearchResponse> SearchIndex::search(const SearchQuery& query) const {
    if (query.n < 1 || query.n > 10000)
        return Status::invalidArgument("n must be in [1, 10000] (got " + std::to_string(query.n) +
                                       ")");
    if (auto s = query.filters.validate(); !s)
        return s;
    if (query.method == SearchMethod::HybridClicks && !m_impl->hasClicks)
        return Status::invalidArgument(
            "method hybrid_clicks needs search logs: this index was built without clicks");
    const Impl& d = *m_impl;
    const SearchParams& p = d.params;
    const bool useClicks = query.method == SearchMethod::HybridClicks;
    const Bm25Index& index = useClicks ? d.keywordClicks : d.keyword;
    const auto& embedding = useClicks ? d.semanticClicks : d.semantic;
    const auto& vectors = useClicks ? d.vectorsClicks : d.vectors;
    const int n = int(d.catalog.size());

    SearchResponse response;
    response.method = query.method;
    const auto original = search::words(query.text);
    const search::TypoSettings typo{p.maxEdits, p.minWordLengthForTypo, p.minWordLengthForTwoEdits,
                                    p.correctedWeight, useClicks ? &d.spellingClicks : &d.spelling};
    // Correction reads the catalog vocabulary; with clicks, words known from queries stay.
    const auto rewritten = search::rewriteQuery(original, index, typo, d.rules, p.synonymWeight);
    std::vector<std::string> corrected, all;
    bool anyCorrection = false;
    for (const auto& r : rewritten) {
        all.push_back(r.word);
        if (r.synonym)
            response.expandedSynonyms.push_back(r.word);
        else
            corrected.push_back(r.word);
        anyCorrection = anyCorrection || r.corrected;
    }
    if (anyCorrection)
        for (const auto& w : corrected)
            response.correctedQuery += (response.correctedQuery.empty() ? "" : " ") + w;

    // Keyword terms, each once with its largest weight.
    std::vector<search::QueryTerm> terms;
    for (const auto& r : rewritten) {
        const int id = index.termId(r.word);
        if (id < 0)
            continue;
        auto it = std::find_if(terms.begin(), terms.end(),
                               [&](const search::QueryTerm& t) { return t.term == id; });
        if (it == terms.end())
            terms.push_back({id, r.weight});
        else
            it->weight = std::max(it->weight, r.weight);
    }

    const auto allowed = [&](int doc, bool relaxed) {
        if (relaxed)
            return true;
        const auto& f = query.filters;
        const auto& prod = d.catalog[std::size_t(doc)];
        if (!f.category.empty() && !matchesAny(d.categories[std::size_t(doc)], lower(f.category)))
            return false;
        if (!f.color.empty() && !matchesAny(d.colors[std::size_t(doc)], lower(f.color)))
            return false;
        if (!f.size.empty() && !matchesAny(d.sizes[std::size_t(doc)], lower(f.size)))
            return false;
        if (prod.price < f.minPrice || (f.maxPrice >= 0 && prod.price > f.maxPrice))
            return false;
        return true;
    };

    // BM25 accumulators: one zeroed buffer per thread, reused (only the touched entries are
    // reset), so a query on a large catalog does not allocate and clear a score per product.
    thread_local std::vector<double> scores;
    if (scores.size() < std::size_t(n))
        scores.assign(std::size_t(n), 0.0);
    std::vector<int> touched;
    index.accumulate(terms, scores, touched);
    struct ResetScores {
        std::vector<double>& scores;
        const std::vector<int>& touched;
        ~ResetScores() {
            for (int doc : touched)
                scores[std::size_t(doc)] = 0.0;
        }
    } resetScores{scores, touched};
    Eigen::VectorXf qv;
    const bool embedded = query.method != SearchMethod::Keyword && embedding.embed(all, qv);
    const bool filtered = !query.filters.category.empty() || !query.filters.color.empty() ||
                          !query.filters.size.empty() || query.filters.minPrice > 0 ||
                          query.filters.maxPrice >= 0;
    // The graph answers unfiltered lists; filtered ones (which may need to read past the graph's
    // nearest) and exact requests scan every product.
    const bool useGraph = vectors.approximate() && !query.exactNeighbours;
    Eigen::VectorXf sims;

    // `depth` > 0 keeps only the best `depth` (fusion reads no further).
    const auto keywordList = [&](bool relaxed, std::size_t depth) {
        std::vector<Ranked> out;
        for (int doc : touched)
            if (allowed(doc, relaxed))
                out.push_back({doc, scores[std::size_t(doc)]});
        if (depth > 0 && out.size() > depth) {
            std::nth_element(out.begin(), out.begin() + long(depth), out.end(), rankedBefore);
            out.resize(depth);
        }
        sortRanked(out);
        return out;
    };
    const std::size_t fusionDepth = std::size_t(p.fusionDepth);
    std::int64_t semanticMatches = 0;
    const auto semanticList = [&](bool relaxed) {
        std::vector<Ranked> out;
        if (!embedded)
            return out;
        const std::size_t keep = std::size_t(std::max(query.n, p.fusionDepth));
        if (useGraph && (relaxed || !filtered)) {
            for (const auto& [doc, sim] :
                 vectors.nearest(qv, int(keep), float(p.minSimilarity), false))
                out.push_back({doc, double(sim)});
            semanticMatches = std::int64_t(out.size());
            return out;
        }
        if (sims.size() == 0)
            sims = embedding.similarities(qv);
        for (int doc = 0; doc < n; ++doc)
            if (double(sims(doc)) >= p.minSimilarity && allowed(doc, relaxed))
                out.push_back({doc, double(sims(doc))});
        semanticMatches = std::int64_t(out.size());
        // Only the best are read (n for the list itself, fusionDepth for fusion).
        if (out.size() > keep) {
            std::nth_element(out.begin(), out.begin() + long(keep), out.end(), rankedBefore);
            out.resize(keep);
        }
        sortRanked(out);
        return out;
    };
    const auto clickList = [&](const std::vector<std::pair<int, double>>& raw, bool relaxed) {
        std::vector<Ranked> out;
        for (const auto& [doc, s] : raw)
            if (allowed(doc, relaxed))
                out.push_back({doc, s});
        return out;
    };
    // Rank lists fuse by weighted reciprocal rank; score lists (click shares, 0..1) add their
    // weighted scores.
    using Lists = std::vector<std::pair<const std::vector<Ranked>*, double>>;
    const auto fuse = [&](const Lists& lists, const Lists& scored, double popularityWeight) {
        std::unordered_map<int, double> fused;
        for (const auto& [list, weight] : lists) {
            if (weight <= 0)
                continue;
            const std::size_t depth =
                std::min<std::size_t>(list->size(), std::size_t(p.fusionDepth));
            for (std::size_t r = 0; r < depth; ++r)
                fused[(*list)[r].doc] += weight / (p.rrfK + double(r + 1));
        }
        for (const auto& [list, weight] : scored)
            if (weight > 0)
                for (const auto& r : *list)
                    fused[r.doc] += weight * r.score;
        if (popularityWeight > 0) // a tie-breaker among the products already found
            for (auto& [doc, s] : fused)
                s += popularityWeight * d.clicks.popularity(doc);
        std::vector<Ranked> out;
        for (const auto& [doc, s] : fused)
            out.push_back({doc, s});
        sortRanked(out);
        return out;
    };

    const auto run = [&](bool relaxed) {
        switch (query.method) {
        case SearchMethod::Keyword:
            return keywordList(relaxed, 0);
        case SearchMethod::Semantic:
            return semanticList(relaxed);
        case SearchMethod::Hybrid: {
            const auto k = keywordList(relaxed, fusionDepth);
            const auto s = semanticList(relaxed);
            return fuse({{&k, p.keywordFusionWeight}, {&s, p.semanticFusionWeight}}, {}, 0.0);
        }
        case SearchMethod::HybridClicks: {
            const auto k = keywordList(relaxed, fusionDepth);
            const auto s = semanticList(relaxed);
            std::string normalized;
            for (const auto& w : original)
                normalized += (normalized.empty() ? "" : " ") + w;
            const double smoothing = p.clickSmoothing;
            auto exact = clickList(d.clicks.exact(normalized, smoothing), relaxed);
            if (exact.empty() && !response.correctedQuery.empty())
                exact = clickList(d.clicks.exact(response.correctedQuery, smoothing), relaxed);
            const auto words = clickList(d.clicks.byWords(corrected, smoothing), relaxed);
            return fuse({{&k, p.keywordFusionWeight}, {&s, p.semanticFusionWeight}},
                        {{&exact, p.clickExactWeight}, {&words, p.clickWordWeight}},
                        p.clickPopularityWeight);
        }
        }
        return std::vector<Ranked>{};
    };

    std::vector<Ranked> ranked = run(false);
    if (ranked.empty() && query.fallback && filtered) {
        ranked = run(true);
        response.relaxedFilters = !ranked.empty();
    }
    if (ranked.empty() && query.fallback && query.method == SearchMethod::Keyword) {
        Eigen::VectorXf fv;
        if (d.semantic.embed(all, fv) && useGraph && !filtered) {
            for (const auto& [doc, sim] : d.vectors.nearest(fv, std::max(query.n, p.fusionDepth),
                                                            float(p.minSimilarity), false))
                ranked.push_back({doc, double(sim)});
            response.usedSemanticFallback = !ranked.empty();
        } else if (d.semantic.embed(all, fv)) {
            const Eigen::VectorXf fs = d.semantic.similarities(fv);
            for (bool relaxed : {false, true}) {
                for (int doc = 0; doc < n; ++doc)
                    if (double(fs(doc)) >= p.minSimilarity && allowed(doc, relaxed))
                        ranked.push_back({doc, double(fs(doc))});
                if (!ranked.empty()) {
                    response.relaxedFilters = response.relaxedFilters || relaxed;
                    break;
                }
                if (!filtered)
                    break;
            }
            sortRanked(ranked);
            response.usedSemanticFallback = !ranked.empty();
        }
    }
    response.totalMatches = query.method == SearchMethod::Semantic && !response.relaxedFilters
                                ? semanticMatches
                                : std::int64_t(ranked.size());
    if (query.facets) {
        std::map<std::string, int> cats, colors, sizes, prices;
        for (const auto& r : ranked) {
            const auto& prod = d.catalog[std::size_t(r.doc)];
            if (!prod.category.empty())
                ++cats[prod.category];
            std::set<std::string> c, s;
            if (!prod.color.empty())
                c.insert(prod.color);
            for (const auto& v : prod.variants) {
                if (!v.color.empty())
                    c.insert(v.color);
                if (!v.size.empty())
                    s.insert(v.size);
            }
            for (const auto& x : c)
                ++colors[x];
            for (const auto& x : s)
                ++sizes[x];
            ++prices[priceBucket(prod.price)];
        }
        response.categoryFacets = facetList(cats);
        response.colorFacets = facetList(colors);
        response.sizeFacets = facetList(sizes);
        response.priceFacets = facetList(prices);
    }
    if (int(ranked.size()) > query.n)
        ranked.resize(std::size_t(query.n));
    for (const auto& r : ranked) {
        SearchHit hit;
        hit.product = r.doc;
        hit.score = r.score;
        for (const auto& t : terms)
            if (index.contains(t.term, r.doc))
                hit.matchedTerms.push_back(index.term(t.term));
        response.hits.push_back(std::move(hit));
    }
    return response;
}

} // namespace merch
