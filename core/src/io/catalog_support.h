// Pieces the catalog importers share beyond import_support.h: attribute names in several
// languages, category paths, escaped lists, prices with a currency, duplicate ids, and building
// a product out of variant rows.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "merch/csv_reader.h"
#include "merch/import.h"
#include "merch/product.h"
#include "merch/status.h"

namespace merch::io {

// What a store's attribute or option name means: "Color", "Colour", "Farbe", "pa_color" ->
// Color; "Size", "Größe", "Taille" -> Size; "Material", "Stoff" -> Material; "Brand" -> Brand.
enum class AttributeKind { Color, Size, Material, Brand, Other };
AttributeKind attributeKind(std::string_view name);

// "Clothing > Tops > Hoodies" -> {"Clothing", "Hoodies"}: the top level and the most specific
// level (empty when the path has one level).
struct CategoryPath {
    std::string category;
    std::string subcategory;
};
CategoryPath splitCategoryPath(std::string_view path);

// "a, b\, c, d" -> {"a", "b, c", "d"}: items split on `separator`, "\," keeps a separator in an
// item (WooCommerce writes category and attribute names that way), items trimmed, empty dropped.
std::vector<std::string> splitEscapedList(std::string_view text, char separator = ',');

// A price cell. Empty -> no value and no error. "25.00", "25.00 USD", "USD 25.00", "$25",
// "25,00 EUR" -> the value (and the ISO currency when one is written). Not a number or negative
// -> `error` says so in the words the other importers use ("price 'abc' is not a number").
struct PriceCell {
    std::optional<double> value;
    std::string currency; // "USD"; empty when the cell has none
    std::string error;
};
PriceCell parsePriceCell(std::string_view text, std::string_view label = "price");

// "products.csv, line 1: missing required column Name; <hint>".
Status missingColumnsError(const std::string& fileName, const std::vector<std::string>& missing,
                           std::string_view hint);

// "row has 3 fields, the header has 16" when a record's width differs from the header's.
std::optional<std::string> raggedRow(const CsvRecord& record, std::size_t width);

// A record's fields joined, to tell an exact repeat of a row from a conflicting one.
std::string fingerprint(const CsvRecord& record);

// Duplicate ids: the first row with an id wins. A later row that repeats it exactly is skipped
// and counted (exports sometimes list every row twice); a later row with other content under the
// same id is a conflict, rejected by the caller with conflictReason().
class DuplicateIds {
public:
    enum class Seen { New, Repeat, Conflict };
    // `what` names the id in messages ("SKU", "ID", "id"). check() only looks; add() also
    // remembers a new id and counts a repeat.
    Seen check(const std::string& what, const std::string& id,
               const std::string& fingerprint) const;
    Seen add(const std::string& what, const std::string& id, std::int64_t line,
             const std::string& fingerprint);
    std::string conflictReason(const std::string& what, const std::string& id) const;
    // One warning for all exact repeats, naming the first.
    void warnRepeats(ImportReport& report) const;

private:
    struct First {
        std::int64_t line;
        std::string fingerprint;
    };
    std::map<std::string, First> m_seen; // key: what + '\x1f' + id
    std::int64_t m_repeats = 0;
    std::int64_t m_firstRepeatLine = 0;
    std::int64_t m_firstRepeatOf = 0;
};

// A product assembled from rows: fields filled by the first row that has them, variants added
// one by one, price the lowest variant price.
struct ProductBuilder {
    Product product;
    bool hasPrice = false;
    std::int64_t line = 0; // where the product's first row is

    static void fill(std::string& target, std::string_view value);
    void addVariant(Variant variant, std::optional<double> price);
    void notePrice(double price);
};

// Moves the built products into `products`, warning about products without a title.
void finishProducts(std::vector<ProductBuilder>& builders, std::vector<Product>& products,
                    ImportReport& report);

} // namespace merch::io
