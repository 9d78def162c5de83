// WooCommerce product CSV export. See catalog_importers.h.
#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

#include "io/catalog_support.h"
#include "io/import_support.h"
#include "merch/catalog_importers.h"

namespace merch {

namespace {

using io::field;

enum class WooType { Simple, Variable, Variation, Grouped, External };

struct WooColumns {
    int id, type, sku, name, published, shortDescription, description, regularPrice, salePrice,
        categories, tags, images, parent, grouped, stock, brands, gtin;
    std::vector<std::pair<int, int>> attributes; // (name column, value column)

    explicit WooColumns(const io::HeaderIndex& h) {
        id = h.find({"id"});
        type = h.find({"type"});
        sku = h.find({"sku"});
        name = h.find({"name", "post_title"});
        published = h.find({"published"});
        shortDescription = h.find({"short description", "short_description", "post_excerpt"});
        description = h.find({"description", "post_content"});
        regularPrice = h.find({"regular price", "regular_price"});
        salePrice = h.find({"sale price", "sale_price"});
        categories = h.find({"categories", "category_ids"});
        tags = h.find({"tags", "tag_ids"});
        images = h.find({"images"});
        parent = h.find({"parent", "parent_id"});
        grouped = h.find({"grouped products", "grouped_products", "children"});
        stock = h.find({"stock", "stock_quantity"});
        brands = h.find({"brands", "brand"});
        gtin = h.find({"gtin, upc, ean, or isbn", "gtin, upc, ean or isbn", "gtin", "ean", "upc",
                       "isbn", "meta: _global_unique_id"});
        const auto& names = h.names();
        for (std::size_t c = 0; c < names.size(); ++c) {
            const std::string& n = names[c];
            if (n.rfind("attribute ", 0) != 0 || n.size() < 15 || n.substr(n.size() - 5) != " name")
                continue;
            const std::string number = n.substr(10, n.size() - 15);
            const int value =
                h.find({"attribute " + number + " value(s)", "attribute " + number + " values",
                        "attribute " + number + " value"});
            if (value >= 0)
                attributes.emplace_back(int(c), value);
        }
    }
};

// "simple, downloadable, virtual" -> Simple; plugin types by their family ("variable-
// subscription" -> Variable, "subscription_variation" -> Variation); others are sold like simple
// products and listed in `unknown`.
WooType parseType(std::string_view text, std::set<std::string>& unknown) {
    const std::string lower = io::toLower(io::trim(text));
    if (lower.find("variation") != std::string::npos)
        return WooType::Variation;
    if (lower.find("variable") != std::string::npos)
        return WooType::Variable;
    if (lower.find("grouped") != std::string::npos)
        return WooType::Grouped;
    if (lower.find("external") != std::string::npos)
        return WooType::External;
    if (!lower.empty() && lower.find("simple") == std::string::npos)
        unknown.insert(lower);
    return WooType::Simple;
}

// WooCommerce writes line breaks inside descriptions as the two characters "\n".
std::string unescapeNewlines(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

// One accepted row, kept until every row is read: variations may come before their parents.
struct WooRow {
    WooType type = WooType::Simple;
    std::int64_t line = 0;
    int parentColumn = 0;
    std::string raw, id, sku, parent, grouped;
    std::optional<double> price;
    std::int64_t stock = 0;
    Product fields; // title, description, category, ..., color/size/material/brand as written
    Variant variant;
};

WooRow readRow(const CsvRecord& record, const WooColumns& col, WooType type) {
    WooRow row;
    row.type = type;
    row.line = record.line;
    row.raw = std::string(record.raw);
    row.parentColumn = io::columnOf(record, col.parent);
    row.id = std::string(io::trim(field(record, col.id)));
    row.sku = std::string(io::trim(field(record, col.sku)));
    row.parent = std::string(io::trim(field(record, col.parent)));
    row.grouped = std::string(field(record, col.grouped));
    Product& p = row.fields;
    p.title = std::string(io::trim(field(record, col.name)));
    p.description = unescapeNewlines(io::trim(field(record, col.description)));
    if (p.description.empty())
        p.description = unescapeNewlines(io::trim(field(record, col.shortDescription)));
    // The most specific of the listed category paths; the first on ties.
    std::size_t depth = 0;
    for (const auto& path : io::splitEscapedList(field(record, col.categories))) {
        const auto levels = std::size_t(std::count(path.begin(), path.end(), '>')) + 1;
        if (levels > depth) {
            const auto split = io::splitCategoryPath(path);
            p.category = split.category;
            p.subcategory = split.subcategory;
            depth = levels;
        }
    }
    std::string tags;
    for (const auto& tag : io::splitEscapedList(field(record, col.tags)))
        tags += (tags.empty() ? "" : ", ") + tag;
    p.tags = tags;
    const auto images = io::splitEscapedList(field(record, col.images));
    if (!images.empty())
        p.imageUrl = images.front();
    const auto brands = io::splitEscapedList(field(record, col.brands));
    if (!brands.empty())
        p.brand = brands.front();
    p.gtin = std::string(io::trim(field(record, col.gtin)));
    const auto published = io::trim(field(record, col.published));
    if (published == "1")
        p.status = "active";
    else if (published == "0" || published == "-1")
        p.status = "draft";
    for (const auto& [nameColumn, valueColumn] : col.attributes) {
        // A variation holds one value; a parent lists the values its variations choose from.
        const std::string value(io::trim(field(record, valueColumn)));
        if (value.empty())
            continue;
        switch (io::attributeKind(field(record, nameColumn))) {
        case io::AttributeKind::Color:
            io::ProductBuilder::fill(p.color, value);
            break;
        case io::AttributeKind::Size:
            io::ProductBuilder::fill(row.variant.size, value);
            break;
        case io::AttributeKind::Material:
            io::ProductBuilder::fill(p.material, value);
            break;
        case io::AttributeKind::Brand:
            io::ProductBuilder::fill(p.brand, value);
            break;
        case io::AttributeKind::Other:
            break;
        }
    }
    row.variant.color = p.color;
    row.variant.sku = row.sku;
    return row;
}

// A single attribute value ("Blue"), not a list of choices ("Blue, Green, Red").
std::string single(const std::string& value) {
    return io::splitEscapedList(value).size() == 1 ? value : std::string();
}

} // namespace

Result<CatalogImport> importWooCommerceCatalog(std::istream& in, const ImportOptions& options,
                                               const RunControl& control) {
    CatalogImport result;
    ImportReport& report = result.report;
    report.format = "woocommerce";
    auto text = io::readText(in, options, report);
    if (!text)
        return text.status();

    CsvReader reader(*text, detectDialect(*text), options.maxFieldBytes);
    CsvRecord record;
    std::string error;
    if (!reader.next(record, error) || !error.empty())
        return Status::invalidArgument(options.fileName + ": the header row could not be read" +
                                       (error.empty() ? "" : " (" + error + ")"));
    const WooColumns col{io::HeaderIndex(record.fields)};
    std::vector<std::string> missing;
    if (col.id < 0 && col.sku < 0)
        missing.push_back("ID (or SKU)");
    if (col.name < 0)
        missing.push_back("Name");
    if (!missing.empty())
        return io::missingColumnsError(options.fileName, missing,
                                       "is this a WooCommerce product export?");
    const std::size_t width = record.fields.size();

    std::vector<WooRow> rows;
    std::set<std::string> unknownTypes;
    io::DuplicateIds duplicates;
    while (reader.next(record, error)) {
        ++report.rowsRead;
        if (report.rowsRead % 2048 == 0 && !control.report(reader.progress(), "reading products"))
            return Status::cancelled();
        if (!error.empty()) {
            report.rejected.push_back(io::reject(record, -1, error));
            continue;
        }
        if (const auto ragged = io::raggedRow(record, width)) {
            report.rejected.push_back(io::reject(record, -1, *ragged));
            continue;
        }
        const auto id = io::trim(field(record, col.id));
        const auto sku = io::trim(field(record, col.sku));
        if (id.empty() && sku.empty()) {
            report.rejected.push_back(io::reject(record, col.id >= 0 ? col.id : col.sku,
                                                 "the row has neither an ID nor a SKU"));
            continue;
        }
        const auto regular = io::parsePriceCell(field(record, col.regularPrice), "regular price");
        const auto sale = io::parsePriceCell(field(record, col.salePrice), "sale price");
        if (!regular.error.empty() || !sale.error.empty()) {
            const bool regularBad = !regular.error.empty();
            report.rejected.push_back(io::reject(record,
                                                 regularBad ? col.regularPrice : col.salePrice,
                                                 regularBad ? regular.error : sale.error));
            continue;
        }
        std::int64_t stock = 0;
        if (const auto qty = io::trim(field(record, col.stock)); !qty.empty()) {
            const auto parsed = io::parseInteger(qty);
            if (!parsed) {
                report.rejected.push_back(io::reject(
                    record, col.stock, "stock '" + std::string(qty) + "' is not a whole number"));
                continue;
            }
            stock = *parsed;
        }
        // The first row with an ID or SKU keeps it; both are unique in a WooCommerce store.
        const std::string print = io::fingerprint(record);
        const std::array<std::tuple<std::string, std::string, int>, 2> keys = {
            std::tuple{std::string("ID"), std::string(id), col.id},
            std::tuple{std::string("SKU"), std::string(sku), col.sku}};
        auto seen = io::DuplicateIds::Seen::New;
        for (const auto& [what, value, column] : keys) {
            if (value.empty() || seen == io::DuplicateIds::Seen::Conflict)
                continue;
            const auto s = duplicates.check(what, value, print);
            if (s == io::DuplicateIds::Seen::Conflict)
                report.rejected.push_back(
                    io::reject(record, column, duplicates.conflictReason(what, value)));
            seen = std::max(seen, s);
        }
        if (seen != io::DuplicateIds::Seen::New) {
            if (seen == io::DuplicateIds::Seen::Repeat) // counted once, under its first key
                duplicates.add(id.empty() ? "SKU" : "ID", std::string(id.empty() ? sku : id),
                               record.line, print);
            continue;
        }
        for (const auto& [what, value, column] : keys) {
            if (!value.empty())
                duplicates.add(what, value, record.line, print);
        }
        WooRow row = readRow(record, col, parseType(field(record, col.type), unknownTypes));
        row.price = sale.value ? sale.value : regular.value;
        row.stock = stock;
        rows.push_back(std::move(row));
    }
    if (!control.report(0.9, "grouping variations"))
        return Status::cancelled();

    // Products first, so that variations and grouped children find them wherever they are.
    std::vector<io::ProductBuilder> builders;
    std::vector<const WooRow*> builderRows;         // the row each builder was made from
    std::map<std::string, std::size_t> byId, bySku; // row ID / SKU -> builder
    for (const auto& row : rows) {
        if (row.type == WooType::Variation)
            continue;
        io::ProductBuilder b;
        b.product = row.fields;
        b.product.id = row.sku.empty() ? row.id : row.sku;
        b.line = row.line;
        b.product.color = single(row.fields.color);
        if (row.type == WooType::Simple || row.type == WooType::External) {
            Variant v = row.variant;
            v.color = single(v.color);
            v.size = single(v.size);
            v.inventory = row.stock;
            b.addVariant(std::move(v), row.price);
        } else if (row.type == WooType::Variable && row.price) {
            b.notePrice(*row.price); // used only when no variation has a price
        }
        if (!row.id.empty())
            byId.emplace(row.id, builders.size());
        if (!row.sku.empty())
            bySku.emplace(row.sku, builders.size());
        builders.push_back(std::move(b));
        builderRows.push_back(&row);
    }
    // "id:44" is an ID; anything else a SKU, or an ID when no SKU matches.
    const auto findProduct = [&](std::string_view ref) -> io::ProductBuilder* {
        ref = io::trim(ref);
        const auto lookUp = [&](const std::map<std::string, std::size_t>& map,
                                std::string_view key) {
            const auto it = map.find(std::string(io::trim(key)));
            return it == map.end() ? nullptr : &builders[it->second];
        };
        if (io::toLower(ref.substr(0, 3)) == "id:")
            return lookUp(byId, ref.substr(3));
        auto* found = lookUp(bySku, ref);
        return found ? found : lookUp(byId, ref);
    };

    std::set<const io::ProductBuilder*> withVariationPrice;
    for (auto& row : rows) {
        if (row.type != WooType::Variation)
            continue;
        io::ProductBuilder* parent = row.parent.empty() ? nullptr : findProduct(row.parent);
        if (!parent) {
            report.rejected.push_back(
                {row.line, row.parentColumn,
                 row.parent.empty() ? "the variation names no parent product"
                                    : "the variation's parent '" + row.parent +
                                          "' is not in the file (no product with that ID or SKU)",
                 row.raw});
            continue;
        }
        // A variable product's own price (rare) gives way to its variations' prices.
        if (row.price && withVariationPrice.insert(parent).second)
            parent->hasPrice = false;
        Variant v = std::move(row.variant);
        v.inventory = row.stock;
        io::ProductBuilder::fill(parent->product.material, row.fields.material);
        io::ProductBuilder::fill(parent->product.brand, row.fields.brand);
        io::ProductBuilder::fill(parent->product.gtin, row.fields.gtin);
        parent->addVariant(std::move(v), row.price);
    }
    for (std::size_t b = 0; b < builders.size(); ++b) {
        Product& p = builders[b].product;
        // A variable product without variations keeps its list of colors as written.
        if (p.color.empty())
            p.color = builderRows[b]->fields.color;
        // A grouped product costs what its cheapest child costs.
        if (builderRows[b]->type != WooType::Grouped)
            continue;
        for (const auto& child : io::splitEscapedList(builderRows[b]->grouped)) {
            const auto* c = findProduct(child);
            if (c && c != &builders[b] && c->hasPrice)
                builders[b].notePrice(c->product.price);
        }
    }
    if (!unknownTypes.empty()) {
        std::string list;
        for (const auto& t : unknownTypes)
            list += (list.empty() ? "" : ", ") + t;
        report.warnings.push_back("product types read as simple products: " + list);
    }
    duplicates.warnRepeats(report);
    if (!control.report(1.0, "reading products"))
        return Status::cancelled();
    io::finishProducts(builders, result.products, report);
    return result;
}

} // namespace merch
