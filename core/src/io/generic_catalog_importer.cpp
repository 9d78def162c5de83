// Any delimited product list read with a column mapping. See catalog_importers.h.
#include <map>

#include "io/catalog_mapping.h"
#include "io/catalog_support.h"
#include "io/import_support.h"
#include "merch/catalog_importers.h"

namespace merch {

namespace {

using io::field;

// The mapping's columns resolved against one file: 0-based, -1 when unmapped.
struct MappedColumns {
    int id = -1, title = -1, groupId = -1, sku = -1, description = -1, price = -1, category = -1,
        subcategory = -1, taxonomy = -1, brand = -1, color = -1, size = -1, material = -1,
        tags = -1, imageUrl = -1, gtin = -1, status = -1, inventory = -1;

    int& of(std::string_view key) {
        static const std::map<std::string_view, int MappedColumns::*> members = {
            {"id", &MappedColumns::id},
            {"title", &MappedColumns::title},
            {"group_id", &MappedColumns::groupId},
            {"sku", &MappedColumns::sku},
            {"description", &MappedColumns::description},
            {"price", &MappedColumns::price},
            {"category", &MappedColumns::category},
            {"subcategory", &MappedColumns::subcategory},
            {"taxonomy", &MappedColumns::taxonomy},
            {"brand", &MappedColumns::brand},
            {"color", &MappedColumns::color},
            {"size", &MappedColumns::size},
            {"material", &MappedColumns::material},
            {"tags", &MappedColumns::tags},
            {"image_url", &MappedColumns::imageUrl},
            {"gtin", &MappedColumns::gtin},
            {"status", &MappedColumns::status},
            {"inventory", &MappedColumns::inventory}};
        return this->*members.at(key);
    }
};

// "TRUE", "1", "published" -> "active"; "FALSE", "0", "unpublished" -> "draft"; others as
// written, lower-cased.
std::string productStatus(std::string_view text) {
    const std::string lower = io::toLower(io::trim(text));
    for (const std::string_view active : {"true", "1", "yes", "published", "publish", "active"}) {
        if (lower == active)
            return "active";
    }
    for (const std::string_view draft : {"false", "0", "no", "unpublished", "draft", "private"}) {
        if (lower == draft)
            return "draft";
    }
    return lower;
}

Result<CatalogImport> importMapped(std::istream& in, const CatalogColumnMapping* given,
                                   const ImportOptions& options, const RunControl& control) {
    CatalogImport result;
    ImportReport& report = result.report;
    report.format = "csv";
    auto text = io::readText(in, options, report);
    if (!text)
        return text.status();
    CsvReader reader(*text, detectDialect(*text), options.maxFieldBytes);
    CsvRecord record;
    std::string error;
    if (!reader.next(record, error) || !error.empty())
        return Status::invalidArgument(options.fileName + ": the first row could not be read" +
                                       (error.empty() ? "" : " (" + error + ")"));
    CatalogColumnMapping mapping;
    if (given) {
        if (auto status = given->validate(); !status)
            return status;
        mapping = *given;
    } else {
        auto guessed = guessCatalogMapping(record.fields);
        if (!guessed)
            return Status::invalidArgument(options.fileName +
                                           ", line 1: " + guessed.status().message() +
                                           "; give a column mapping (--mapping)");
        mapping = *guessed;
        report.warnings.push_back("column mapping guessed from the header (save it to a file, "
                                  "correct it and pass it back): " +
                                  mappingToJson(mapping, -1));
    }
    MappedColumns col;
    for (const auto& f : io::mappingFields()) {
        auto column =
            io::resolveMappedColumn(f.key, mapping.*f.member, record.fields, mapping.hasHeader);
        if (!column)
            return Status::invalidArgument(options.fileName +
                                           ", line 1: " + column.status().message());
        col.of(f.key) = *column;
    }
    const std::size_t width = record.fields.size();
    // Without a header the first row is a product too.
    bool pending = !mapping.hasHeader;

    std::vector<io::ProductBuilder> builders;
    std::map<std::string, std::size_t> byKey;
    std::map<std::string, std::int64_t> currencies;
    io::DuplicateIds duplicates;
    while (pending || reader.next(record, error)) {
        pending = false;
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
        const std::string group(io::trim(field(record, col.groupId)));
        // A row of a group may have no id of its own: a variant without a SKU.
        const std::string id(io::trim(field(record, col.id)));
        if (id.empty() && group.empty()) {
            report.rejected.push_back(
                io::reject(record, col.id, "the row has no id (column " + mapping.id + ")"));
            continue;
        }
        const auto price = io::parsePriceCell(field(record, col.price));
        if (!price.error.empty()) {
            report.rejected.push_back(io::reject(record, col.price, price.error));
            continue;
        }
        std::int64_t inventory = 0;
        if (const auto qty = io::trim(field(record, col.inventory)); !qty.empty()) {
            const auto parsed = io::parseInteger(qty);
            if (!parsed) {
                report.rejected.push_back(
                    io::reject(record, col.inventory,
                               "inventory '" + std::string(qty) + "' is not a whole number"));
                continue;
            }
            inventory = *parsed;
        }
        if (!id.empty()) {
            const auto seen = duplicates.add("id", id, record.line, io::fingerprint(record));
            if (seen == io::DuplicateIds::Seen::Conflict)
                report.rejected.push_back(
                    io::reject(record, col.id, duplicates.conflictReason("id", id)));
            if (seen != io::DuplicateIds::Seen::New)
                continue;
        }
        if (!price.currency.empty())
            currencies.try_emplace(price.currency, record.line);

        const std::string& key = group.empty() ? id : group;
        const auto [it, isNew] = byKey.try_emplace(key, builders.size());
        if (isNew) {
            io::ProductBuilder b;
            b.product.id = key;
            b.line = record.line;
            builders.push_back(std::move(b));
        }
        io::ProductBuilder& b = builders[it->second];
        Product& p = b.product;
        const auto fill = [&](std::string& target, int column) {
            io::ProductBuilder::fill(target, field(record, column));
        };
        fill(p.title, col.title);
        fill(p.description, col.description);
        fill(p.taxonomy, col.taxonomy);
        fill(p.brand, col.brand);
        fill(p.material, col.material);
        fill(p.tags, col.tags);
        fill(p.imageUrl, col.imageUrl);
        fill(p.gtin, col.gtin);
        if (p.status.empty())
            p.status = productStatus(field(record, col.status));
        if (p.category.empty()) {
            const auto path = io::splitCategoryPath(field(record, col.category));
            p.category = path.category;
            p.subcategory = path.subcategory;
            if (const auto sub = io::trim(field(record, col.subcategory)); !sub.empty())
                p.subcategory = std::string(sub);
        }
        Variant v;
        v.sku = col.sku >= 0 ? std::string(io::trim(field(record, col.sku))) : id;
        v.color = std::string(io::trim(field(record, col.color)));
        v.size = std::string(io::trim(field(record, col.size)));
        v.inventory = inventory;
        b.addVariant(std::move(v), price.value);
    }
    if (currencies.size() > 1) {
        std::string list;
        for (const auto& [currency, line] : currencies)
            list += (list.empty() ? "" : ", ") + currency + " (first on line " +
                    std::to_string(line) + ")";
        report.warnings.push_back("the file mixes currencies: " + list +
                                  "; prices are kept as written, without conversion");
    }
    duplicates.warnRepeats(report);
    if (!control.report(1.0, "reading products"))
        return Status::cancelled();
    io::finishProducts(builders, result.products, report);
    return result;
}

} // namespace

Result<CatalogImport> importGenericCatalogCsv(std::istream& in, const CatalogColumnMapping& mapping,
                                              const ImportOptions& options,
                                              const RunControl& control) {
    return importMapped(in, &mapping, options, control);
}

Result<CatalogImport> importGenericCatalogCsv(std::istream& in, const ImportOptions& options,
                                              const RunControl& control) {
    return importMapped(in, nullptr, options, control);
}

} // namespace merch
