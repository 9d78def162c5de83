#include "world/catalog_generator.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace merch::world {

namespace {

std::string lower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string slug(std::string_view text) {
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u))
            out += char(std::tolower(u));
        else if (!out.empty() && out.back() != '-')
            out += '-';
    }
    while (!out.empty() && out.back() == '-')
        out.pop_back();
    return out;
}

std::string fill(std::string text, const std::vector<std::pair<std::string, std::string>>& values) {
    for (const auto& [key, value] : values) {
        for (auto at = text.find(key); at != std::string::npos; at = text.find(key, at))
            text.replace(at, key.size(), value);
    }
    return text;
}

// A retail price: lognormal around the median, ending in .95 (or .50 under ten dollars).
double retailPrice(Rng& rng, double median, double spread) {
    const double raw = rng.logNormal(median, spread);
    if (raw < 10.0)
        return std::max(2.5, std::round(raw * 2.0) / 2.0);
    return std::round(raw) - 0.05;
}

// An EAN-13 with a valid check digit, from a fixed store prefix.
std::string gtinFor(int index) {
    std::string digits = "0860001" + std::to_string(100000 + index).substr(1);
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i)
        sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
    digits += char('0' + (10 - sum % 10) % 10);
    return digits;
}

std::string skuCode(std::string_view word) {
    std::string code;
    for (char c : word) {
        if (std::isalpha(static_cast<unsigned char>(c)))
            code += char(std::toupper(static_cast<unsigned char>(c)));
        if (code.size() == 3)
            break;
    }
    return code;
}

Latent randomLatent(Rng& rng, double scale) {
    Latent v{};
    for (auto& x : v)
        x = rng.normal(0.0, scale);
    return v;
}

struct Naming {
    std::string adjective, color, material, brand, noun;
};

std::string titleFor(const Naming& n, bool colorInTitle) {
    std::string title = n.adjective + " " + n.material + " " + n.noun;
    if (colorInTitle && !n.color.empty())
        title += " - " + n.color;
    return title;
}

std::string descriptionFor(Rng& rng, const CategorySpec& category, const Naming& n) {
    const std::vector<std::pair<std::string, std::string>> values = {
        {"{noun}", lower(n.noun)},
        {"{color}", lower(n.color)},
        {"{material}", lower(n.material)},
        {"{brand}", n.brand},
        {"{adjective}", lower(n.adjective)}};
    std::vector<std::size_t> order(category.descriptionLines.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    for (std::size_t i = order.size(); i > 1; --i)
        std::swap(order[i - 1], order[std::size_t(rng.below(int(i)))]);
    std::string text;
    const int sentences = 2 + rng.below(2);
    for (int s = 0; s < sentences && s < int(order.size()); ++s) {
        std::string line = fill(category.descriptionLines[order[std::size_t(s)]], values);
        if (!line.empty())
            line[0] = char(std::toupper(static_cast<unsigned char>(line[0])));
        text += (text.empty() ? "" : " ") + line;
    }
    return text;
}

// Applies one deliberate defect to an exported row and records its cost in the truth.
void applyDefect(WorldState& state, int index, Rng& rng) {
    Product& p = state.products[std::size_t(index)];
    ItemTruth& truth = state.items[std::size_t(index)];
    // Weights follow what real exports lack most: materials and colors are often left to the
    // title, descriptions are thin, tags drift.
    std::vector<std::pair<std::string, double>> kinds = {
        {"missing_material", 8}, {"thin_description", 2},     {"inconsistent_tags", 2},
        {"missing_image", 1},    {"missing_category", 1},     {"missing_gtin", 1},
        {"missing_brand", 1},    {"html_only_description", 1}};
    if (!p.color.empty())
        kinds.push_back({"missing_color", 2});
    std::vector<double> weights;
    for (const auto& k : kinds)
        weights.push_back(k.second);
    const std::string kind = kinds[std::size_t(rng.pick(weights))].first;
    if (kind == "thin_description") {
        p.description = "Great " + lower(p.subcategory.empty() ? "product" : p.subcategory) + ".";
        truth.cartPenalty = 0.45;
    } else if (kind == "inconsistent_tags") {
        std::string tags = p.tags;
        for (auto& c : tags)
            c = char(std::toupper(static_cast<unsigned char>(c)));
        p.tags = " " + tags + "S ,";
    } else if (kind == "missing_image") {
        p.imageUrl.clear();
        truth.clickPenalty = 0.9;
    } else if (kind == "missing_material") {
        p.material.clear();
    } else if (kind == "missing_category") {
        p.category.clear();
        p.subcategory.clear();
        p.taxonomy.clear();
        truth.listed = false;
    } else if (kind == "missing_gtin") {
        p.gtin.clear();
    } else if (kind == "missing_brand") {
        p.brand.clear();
    } else if (kind == "html_only_description") {
        p.description = "<div class=\"pdp\"><img src=\"/files/" + p.id + "-detail.jpg\"></div>";
        truth.cartPenalty = 0.3;
    } else if (kind == "missing_color") {
        p.color.clear();
    }
    state.defects.push_back({index, kind});
}

} // namespace

std::vector<std::string> tokenize(std::string_view text) {
    std::vector<std::string> tokens;
    std::string current;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u)) {
            current += char(std::tolower(u));
        } else if (!current.empty()) {
            tokens.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty())
        tokens.push_back(std::move(current));
    return tokens;
}

void generateCatalog(WorldState& state, Rng& rng) {
    const auto& categories = demoCategories();
    const int total = state.params.products;

    // Subcategory tables and their taste centroids.
    std::vector<Latent> centroids;
    std::vector<int> firstSubcategory;
    for (std::size_t c = 0; c < categories.size(); ++c) {
        firstSubcategory.push_back(int(state.subcategoryNames.size()));
        double weightSum = 0;
        for (const auto& sub : categories[c].subcategories)
            weightSum += sub.weight;
        for (const auto& sub : categories[c].subcategories) {
            state.subcategoryNames.push_back(sub.name);
            state.subcategoryCategory.push_back(int(c));
            state.subcategoryWeight.push_back(sub.weight / weightSum);
            centroids.push_back(randomLatent(rng, 1.0));
        }
    }
    state.subcategoryPages.assign(state.subcategoryNames.size(), {});
    state.categoryItems.assign(categories.size(), {});

    // Products per category by share; the last category takes the rounding remainder.
    std::vector<int> perCategory(categories.size(), 0);
    int assigned = 0;
    for (std::size_t c = 0; c < categories.size(); ++c) {
        perCategory[c] = c + 1 == categories.size()
                             ? total - assigned
                             : int(std::lround(categories[c].productShare * total));
        assigned += perCategory[c];
    }

    std::set<std::string> usedIds;
    std::set<std::string> usedTitles;
    for (std::size_t c = 0; c < categories.size(); ++c) {
        const CategorySpec& category = categories[c];
        std::vector<double> subWeights;
        for (const auto& sub : category.subcategories)
            subWeights.push_back(sub.weight);
        for (int k = 0; k < perCategory[c]; ++k) {
            const int index = int(state.products.size());
            const int localSub = rng.pick(subWeights);
            const SubcategorySpec& sub = category.subcategories[std::size_t(localSub)];
            const int subIndex = firstSubcategory[c] + localSub;

            // Real catalogs rarely repeat a title: draw again (a few times) when this one is
            // taken, so the duplicates the audit finds are the rare ones stores really have.
            Naming naming;
            Product p;
            for (int attempt = 0; attempt < 6; ++attempt) {
                naming = {rng.element(category.adjectives),
                          category.colors.empty() ? std::string() : rng.element(category.colors),
                          category.materials.empty() ? std::string()
                                                     : rng.element(category.materials),
                          rng.element(category.brands), sub.noun};
                p.title = titleFor(naming, !category.hasColorVariants);
                const bool repeatsWord =
                    lower(naming.material).find(lower(naming.adjective)) != std::string::npos;
                if (!repeatsWord && usedTitles.insert(p.title).second)
                    break;
            }
            std::string id = slug(naming.brand + " " + p.title);
            if (!usedIds.insert(id).second) {
                id += "-" + std::to_string(index);
                usedIds.insert(id);
            }
            p.id = id;
            p.description = descriptionFor(rng, category, naming);
            p.category = category.name;
            p.subcategory = sub.name;
            p.brand = naming.brand;
            p.color = naming.color;
            p.material = naming.material;
            p.tags = lower(sub.name) + ", " + lower(naming.adjective) +
                     (naming.material.empty() ? "" : ", " + lower(naming.material));
            p.imageUrl = "https://cdn.demo-store.example/products/" + id + ".jpg";
            p.gtin = gtinFor(index);
            p.taxonomy = sub.googleCategory;
            p.status = "active";
            p.price = retailPrice(rng, sub.priceMedian, sub.priceSpread);
            p.consumable = sub.cycleDays > 0;

            // Variants: colors x sizes for apparel and footwear, colors for accessories.
            std::vector<std::string> colors = {naming.color};
            if (category.hasColorVariants && !category.colors.empty()) {
                const int extra = rng.below(3);
                for (int e = 0; e < extra; ++e) {
                    const std::string& other = rng.element(category.colors);
                    if (std::find(colors.begin(), colors.end(), other) == colors.end())
                        colors.push_back(other);
                }
            }
            const std::vector<std::string> sizes =
                category.hasSizes ? category.sizes : std::vector<std::string>{""};
            const std::string skuBase = skuCode(naming.brand) + "-" + skuCode(sub.noun) + "-" +
                                        std::to_string(10000 + index);
            for (const auto& color : colors) {
                for (const auto& size : sizes) {
                    Variant v;
                    v.sku = skuBase + (color.empty() ? "" : "-" + skuCode(color)) +
                            (size.empty() ? "" : "-" + size);
                    v.color = color;
                    v.size = size;
                    v.price = p.price;
                    v.inventory = rng.chance(0.06) ? 0 : 3 + rng.poisson(25);
                    p.variants.push_back(std::move(v));
                }
            }

            ItemTruth truth;
            truth.category = int(c);
            truth.subcategory = subIndex;
            const Latent noise = randomLatent(rng, 0.7);
            for (std::size_t d = 0; d < truth.latent.size(); ++d)
                truth.latent[d] = 0.6 * centroids[std::size_t(subIndex)][d] + noise[d];
            truth.appeal = rng.normal(0.0, 0.6);
            truth.logPriceRatio = std::log(p.price / sub.priceMedian);
            truth.cycleDays = sub.cycleDays;
            truth.noun = lower(sub.noun);
            truth.color = lower(naming.color);
            truth.material = lower(naming.material);
            truth.brand = lower(naming.brand);
            truth.synonyms = sub.synonyms;

            state.products.push_back(std::move(p));
            state.items.push_back(std::move(truth));
        }
    }

    // Deliberate defects on a share of the exported rows.
    for (int i = 0; i < int(state.products.size()); ++i) {
        if (rng.chance(state.params.catalogDefectRate))
            applyDefect(state, i, rng);
    }

    for (int i = 0; i < int(state.products.size()); ++i) {
        const Product& p = state.products[std::size_t(i)];
        ItemTruth& truth = state.items[std::size_t(i)];
        state.categoryItems[std::size_t(truth.category)].push_back(i);
        if (truth.listed)
            state.subcategoryPages[std::size_t(truth.subcategory)].push_back(i);
        // What the store's native search can match: the exported text, not the truth.
        std::set<std::string> words;
        for (const auto* field :
             {&p.title, &p.tags, &p.category, &p.subcategory, &p.brand, &p.color, &p.material}) {
            for (auto& token : tokenize(*field))
                words.insert(std::move(token));
        }
        for (const auto& variant : p.variants) {
            for (auto& token : tokenize(variant.color))
                words.insert(std::move(token));
        }
        truth.searchText.assign(words.begin(), words.end());
        for (const auto& word : truth.searchText)
            state.searchIndex[word].push_back(i);
        // Best-seller history before day 1, proportional to broad appeal.
        state.priorSales.push_back(double(rng.poisson(2.0 * std::exp(truth.appeal))));
    }
}

} // namespace merch::world
