// Shopify product CSV, every header dialect. See catalog_importers.h.
#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "io/import_support.h"
#include "merch/catalog_importers.h"

namespace merch {

namespace {

using io::field;

// Column positions for one file, whichever dialect wrote it.
struct ShopifyColumns {
    int handle, title, body, vendor, productCategory, googleCategory, type, tags, sku, barcode,
        price, inventory, image, variantImage, status;
    std::array<int, 3> optionName, optionValue;
    // Metafields by their key's last part ("color-pattern", "material").
    std::map<std::string, int> metafields;

    explicit ShopifyColumns(const io::HeaderIndex& h) {
        handle = h.find({"handle", "url handle"});
        title = h.find({"title"});
        body = h.find({"body (html)", "description", "body html"});
        vendor = h.find({"vendor"});
        productCategory = h.find({"product category", "standardized product type"});
        googleCategory = h.find({"google shopping / google product category"});
        type = h.find({"type", "product type", "custom product type"});
        tags = h.find({"tags"});
        sku = h.find({"variant sku", "sku"});
        barcode = h.find({"variant barcode", "barcode"});
        price = h.find({"variant price", "price"});
        inventory = h.find({"variant inventory qty", "inventory quantity"});
        image = h.find({"image src", "product image url"});
        variantImage = h.find({"variant image", "variant image url"});
        status = h.find({"status"});
        for (int i = 0; i < 3; ++i) {
            const std::string n = "option" + std::to_string(i + 1);
            optionName[std::size_t(i)] = h.find({n + " name"});
            optionValue[std::size_t(i)] = h.find({n + " value"});
        }
        const auto& names = h.names();
        for (std::size_t c = 0; c < names.size(); ++c) {
            const auto at = names[c].find("product.metafields.");
            if (at == std::string::npos)
                continue;
            std::string key = names[c].substr(at + 19);
            key = key.substr(0, key.find(')'));
            const auto dot = key.rfind('.');
            metafields.emplace(dot == std::string::npos ? key : key.substr(dot + 1), int(c));
        }
    }

    int metafield(std::initializer_list<std::string_view> keys) const {
        for (const auto key : keys) {
            for (const auto& [name, column] : metafields) {
                if (name.find(key) != std::string::npos)
                    return column;
            }
        }
        return -1;
    }
};

enum class OptionKind { Color, Size, Material, Other };

OptionKind optionKind(std::string_view name) {
    const std::string lower = io::toLower(io::trim(name));
    static const std::set<std::string> colors = {"color",  "colour", "farbe", "couleur", "kleur",
                                                 "colore", "cor",    "färg",  "farve",   "väri"};
    static const std::set<std::string> sizes = {"size",    "größe",    "groesse", "taille",
                                                "maat",    "taglia",   "talla",   "tamanho",
                                                "storlek", "størrelse"};
    static const std::set<std::string> materials = {"material",  "materiaal", "matière",
                                                    "materiale", "stoff",     "fabric"};
    if (colors.count(lower))
        return OptionKind::Color;
    if (sizes.count(lower))
        return OptionKind::Size;
    if (materials.count(lower))
        return OptionKind::Material;
    return OptionKind::Other;
}

std::string lastSegment(std::string_view path) {
    const auto at = path.rfind('>');
    return std::string(io::trim(at == std::string_view::npos ? path : path.substr(at + 1)));
}

// A metafield's value: Shopify writes references as "gid://shopify/Metaobject/..." or lists as
// JSON-like "[\"Red\"]"; keep readable values only.
std::string metafieldValue(std::string_view value) {
    value = io::trim(value);
    if (value.rfind("gid://", 0) == 0)
        return {};
    std::string out(value);
    out.erase(std::remove_if(out.begin(), out.end(),
                             [](char c) { return c == '[' || c == ']' || c == '"'; }),
              out.end());
    return std::string(io::trim(out));
}

struct Builder {
    Product product;
    std::array<OptionKind, 3> options{OptionKind::Other, OptionKind::Other, OptionKind::Other};
    bool hasPrice = false;
};

} // namespace

Result<CatalogImport> importShopifyCatalog(std::istream& in, const ImportOptions& options,
                                           const RunControl& control) {
    CatalogImport result;
    ImportReport& report = result.report;
    report.format = "shopify";
    auto text = io::readText(in, options, report);
    if (!text)
        return text.status();

    CsvReader reader(*text, detectDialect(*text), options.maxFieldBytes);
    CsvRecord record;
    std::string error;
    if (!reader.next(record, error) || !error.empty())
        return Status::invalidArgument(options.fileName + ": the header row could not be read" +
                                       (error.empty() ? "" : " (" + error + ")"));
    const io::HeaderIndex header(record.fields);
    const ShopifyColumns col(header);
    std::vector<std::string> missing;
    if (col.handle < 0)
        missing.push_back("Handle (or URL handle)");
    if (col.title < 0)
        missing.push_back("Title");
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing)
            list += (list.empty() ? "" : ", ") + m;
        return Status::invalidArgument(options.fileName + ", line 1: missing required column" +
                                       (missing.size() > 1 ? "s " : " ") + list +
                                       "; is this a Shopify product export?");
    }
    const int colorMeta = col.metafield({"color"});
    const int materialMeta = col.metafield({"material", "fabric"});
    const std::size_t width = record.fields.size();

    std::vector<Builder> builders;
    std::map<std::string, std::size_t> byHandle;
    std::map<std::string, std::int64_t> skuLines;
    while (reader.next(record, error)) {
        ++report.rowsRead;
        if (report.rowsRead % 2048 == 0 && !control.report(reader.progress(), "reading products"))
            return Status::cancelled();
        if (io::rejectMalformed(record, error, width, report))
            continue;
        const std::string handle(io::trim(field(record, col.handle)));
        if (handle.empty()) {
            report.rejected.push_back(io::reject(record, col.handle, "the row has no handle"));
            continue;
        }
        // Price first: a bad price rejects the row before it changes anything.
        const std::string_view priceText = io::trim(field(record, col.price));
        std::optional<double> price;
        if (!priceText.empty()) {
            price = io::parseNumber(priceText);
            if (!price) {
                report.rejected.push_back(io::reject(
                    record, col.price, "price '" + std::string(priceText) + "' is not a number"));
                continue;
            }
            if (*price < 0) {
                report.rejected.push_back(io::reject(
                    record, col.price, "price " + std::string(priceText) + " is negative"));
                continue;
            }
        }
        std::optional<std::int64_t> inventory;
        if (const auto qty = io::trim(field(record, col.inventory)); !qty.empty()) {
            inventory = io::parseInteger(qty);
            if (!inventory) {
                report.rejected.push_back(io::reject(record, col.inventory,
                                                     "inventory quantity '" + std::string(qty) +
                                                         "' is not a whole number"));
                continue;
            }
        }

        auto [it, isNew] = byHandle.try_emplace(handle, builders.size());
        if (isNew) {
            Builder b;
            b.product.id = handle;
            builders.push_back(std::move(b));
        }
        Builder& b = builders[it->second];
        Product& p = b.product;
        // The product's first row carries its fields; later rows of the handle only fill gaps.
        const auto fillIfEmpty = [&](std::string& target, int column) {
            if (target.empty())
                target = std::string(io::trim(field(record, column)));
        };
        fillIfEmpty(p.title, col.title);
        fillIfEmpty(p.description, col.body);
        fillIfEmpty(p.brand, col.vendor);
        fillIfEmpty(p.tags, col.tags);
        fillIfEmpty(p.imageUrl, col.image);
        fillIfEmpty(p.status, col.status);
        if (p.taxonomy.empty()) {
            p.taxonomy = std::string(io::trim(field(record, col.productCategory)));
            if (p.taxonomy.empty() || p.taxonomy.find('>') == std::string::npos) {
                const auto google = io::trim(field(record, col.googleCategory));
                if (!google.empty())
                    p.taxonomy = std::string(google);
            }
        }
        if (p.category.empty())
            p.category = std::string(io::trim(field(record, col.type)));
        if (colorMeta >= 0 && p.color.empty())
            p.color = metafieldValue(field(record, colorMeta));
        if (materialMeta >= 0 && p.material.empty())
            p.material = metafieldValue(field(record, materialMeta));
        for (std::size_t o = 0; o < 3; ++o) {
            const auto name = io::trim(field(record, col.optionName[o]));
            if (!name.empty())
                b.options[o] = optionKind(name);
        }

        Variant v;
        bool isVariant = price.has_value();
        for (std::size_t o = 0; o < 3; ++o) {
            const std::string value(io::trim(field(record, col.optionValue[o])));
            if (value.empty())
                continue;
            isVariant = true;
            switch (b.options[o]) {
            case OptionKind::Color:
                v.color = value;
                break;
            case OptionKind::Size:
                v.size = value;
                break;
            case OptionKind::Material:
                if (p.material.empty())
                    p.material = value;
                break;
            case OptionKind::Other:
                break;
            }
        }
        v.sku = std::string(io::trim(field(record, col.sku)));
        isVariant |= !v.sku.empty();
        if (!isVariant)
            continue; // an image-only row: its image was taken above if the product had none
        v.price = price.value_or(0.0);
        v.inventory = inventory.value_or(0);
        if (p.gtin.empty())
            p.gtin = std::string(io::trim(field(record, col.barcode)));
        if (!v.sku.empty()) {
            const auto [sku, fresh] = skuLines.try_emplace(v.sku, record.line);
            if (!fresh)
                report.warnings.push_back("SKU " + v.sku + " on line " +
                                          std::to_string(record.line) + " also appears on line " +
                                          std::to_string(sku->second));
        }
        if (price) {
            p.price = b.hasPrice ? std::min(p.price, *price) : *price;
            b.hasPrice = true;
        }
        if (p.color.empty() && !v.color.empty())
            p.color = v.color;
        p.variants.push_back(std::move(v));
    }
    if (!control.report(1.0, "reading products"))
        return Status::cancelled();

    for (auto& b : builders) {
        Product& p = b.product;
        if (p.category.empty() && !p.taxonomy.empty())
            p.category = lastSegment(p.taxonomy);
        const std::string leaf = lastSegment(p.taxonomy);
        if (!leaf.empty() && leaf != p.category)
            p.subcategory = leaf;
        if (p.title.empty())
            report.warnings.push_back("product " + p.id + " has no title");
        result.products.push_back(std::move(p));
    }
    return result;
}

} // namespace merch
