// Google Merchant Center feeds (TSV, RSS 2.0, Atom). See catalog_importers.h.
#include <algorithm>
#include <map>
#include <set>

#include "io/catalog_support.h"
#include "io/gmc_feed_reader.h"
#include "io/import_support.h"
#include "merch/catalog_importers.h"

namespace merch {

namespace {

RejectedRow rejectItem(const io::FeedItem& item, std::string_view attribute, std::string reason) {
    return {item.line, attribute.empty() ? item.column : item.columnOf(attribute),
            std::move(reason), item.raw};
}

struct FeedProduct {
    std::size_t builder;
    bool grouped; // keyed by item_group_id rather than by an item's id
    std::int64_t firstLine;
};

} // namespace

Result<CatalogImport> importGoogleMerchantFeed(std::istream& in, const ImportOptions& options,
                                               const RunControl& control) {
    CatalogImport result;
    ImportReport& report = result.report;
    report.format = "gmc";
    auto text = io::readText(in, options, report);
    if (!text)
        return text.status();
    auto feed = io::readFeedItems(*text, options, control);
    if (!feed)
        return feed.status();
    report.warnings.insert(report.warnings.end(), feed->warnings.begin(), feed->warnings.end());
    report.rejected = std::move(feed->rejected);
    report.rowsRead = std::int64_t(feed->items.size() + report.rejected.size());

    std::vector<io::ProductBuilder> builders;
    std::map<std::string, FeedProduct> products;    // product id -> builder
    std::map<std::string, std::int64_t> currencies; // -> first line
    io::DuplicateIds duplicates;
    std::size_t done = 0;
    for (const auto& item : feed->items) {
        if (++done % 2048 == 0 &&
            !control.report(0.5 + 0.5 * double(done) / double(feed->items.size()),
                            "reading products"))
            return Status::cancelled();
        // TSV fields are held to maxFieldBytes by the CSV reader; XML values here.
        const auto huge = std::find_if(item.attributes.begin(), item.attributes.end(),
                                       [&](const io::FeedItem::Attribute& a) {
                                           return a.value.size() > options.maxFieldBytes;
                                       });
        if (huge != item.attributes.end()) {
            report.rejected.push_back({item.line, huge->column,
                                       "<" + huge->name + "> is longer than " +
                                           std::to_string(options.maxFieldBytes / 1024) + " KiB",
                                       item.raw});
            continue;
        }
        const std::string id(item.get("id"));
        if (id.empty()) {
            report.rejected.push_back(rejectItem(item, "id", "the item has no id"));
            continue;
        }
        const auto price = io::parsePriceCell(item.get("price"));
        if (!price.error.empty()) {
            report.rejected.push_back(rejectItem(item, "price", price.error));
            continue;
        }
        const auto sale = io::parsePriceCell(item.get("sale_price"), "sale price");
        if (!sale.error.empty()) {
            report.rejected.push_back(rejectItem(item, "sale_price", sale.error));
            continue;
        }
        const std::string print = item.fingerprint();
        const auto seen = duplicates.check("id", id, print);
        if (seen == io::DuplicateIds::Seen::Conflict) {
            report.rejected.push_back(rejectItem(item, "id", duplicates.conflictReason("id", id)));
            continue;
        }
        if (seen == io::DuplicateIds::Seen::Repeat) {
            duplicates.add("id", id, item.line, print);
            continue;
        }
        // Items of a group are variants of one product whose id is the group id; an item of its
        // own is a product of one variant. The two must not share an id.
        const std::string group(item.get("item_group_id"));
        const std::string& key = group.empty() ? id : group;
        auto found = products.find(key);
        if (found != products.end() && found->second.grouped == group.empty()) {
            const std::string where = std::to_string(found->second.firstLine);
            report.rejected.push_back(
                group.empty()
                    ? rejectItem(item, "id",
                                 "id " + id + " is also the item_group_id of the items from line " +
                                     where)
                    : rejectItem(item, "item_group_id",
                                 "item_group_id " + group + " is also the id of the item on line " +
                                     where));
            continue;
        }
        duplicates.add("id", id, item.line, print);
        if (found == products.end()) {
            found = products.emplace(key, FeedProduct{builders.size(), !group.empty(), item.line})
                        .first;
            io::ProductBuilder b;
            b.product.id = key;
            b.line = item.line;
            builders.push_back(std::move(b));
        }
        for (const auto& c : {price.currency, sale.currency}) {
            if (!c.empty())
                currencies.try_emplace(c, item.line);
        }

        io::ProductBuilder& b = builders[found->second.builder];
        Product& p = b.product;
        io::ProductBuilder::fill(p.title, item.get("title"));
        io::ProductBuilder::fill(p.description, item.get("description"));
        io::ProductBuilder::fill(p.brand, item.get("brand"));
        io::ProductBuilder::fill(p.gtin, item.get("gtin"));
        io::ProductBuilder::fill(p.imageUrl, item.get("image_link"));
        io::ProductBuilder::fill(p.taxonomy, item.get("google_product_category"));
        io::ProductBuilder::fill(p.material, item.get("material"));
        if (p.category.empty()) {
            // The store's own product_type; Google's category path when there is none.
            auto path = item.get("product_type");
            if (path.empty() && item.get("google_product_category").find('>') != std::string::npos)
                path = item.get("google_product_category");
            const auto split = io::splitCategoryPath(path);
            p.category = split.category;
            p.subcategory = split.subcategory;
        }
        Variant v;
        v.sku = id;
        v.color = std::string(item.get("color"));
        v.size = std::string(item.get("size"));
        b.addVariant(std::move(v), sale.value ? sale.value : price.value);
    }
    if (currencies.size() > 1) {
        std::string list;
        for (const auto& [currency, line] : currencies)
            list += (list.empty() ? "" : ", ") + currency + " (first on line " +
                    std::to_string(line) + ")";
        report.warnings.push_back("the feed mixes currencies: " + list +
                                  "; prices are kept as written, without conversion");
    }
    duplicates.warnRepeats(report);
    std::stable_sort(report.rejected.begin(), report.rejected.end(),
                     [](const RejectedRow& a, const RejectedRow& b) { return a.line < b.line; });
    if (!control.report(1.0, "reading products"))
        return Status::cancelled();
    io::finishProducts(builders, result.products, report);
    return result;
}

} // namespace merch
