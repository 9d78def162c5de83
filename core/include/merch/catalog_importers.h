// Catalog importers: one pure function per format, (stream, options, RunControl) -> result.
// A Result error means the file could not be imported at all (not text, no header, required
// columns missing, cancelled); a bad row is a RejectedRow inside a successful result.
#pragma once

#include <istream>

#include "merch/import.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

// Shopify product CSV in every header dialect: legacy (Handle, Title, Body (HTML), ...), 2023
// (Product Category), 2024+ (Option Linked To, metafield columns) and the 2025 template
// (Title, URL handle, Description, ...). Rows are grouped into products by handle; variant rows
// carry options, SKU and price; image-only rows add images. Metafield columns are matched on the
// key in brackets ("(product.metafields.shopify.color-pattern)"), whatever the label's language.
Result<CatalogImport> importShopifyCatalog(std::istream& in, const ImportOptions& options,
                                           const RunControl& control);

// WooCommerce product CSV export (Products > Export; UTF-8, usually with a BOM). Columns are
// found by their English labels or WooCommerce's internal keys: ID, Type, SKU, Name (required,
// with ID or SKU), Published, Short description, Description, Regular price, Sale price,
// Categories ("Clothing > Hoodies, Clothing"; "\," escapes a comma), Tags, Images (URLs, comma
// separated), Parent ("id:44" or the parent's SKU), Stock, Brands, GTIN/UPC/EAN/ISBN, and the
// numbered "Attribute N name" / "Attribute N value(s)" pairs.
// - Product id: the SKU, or the ID when the row has no SKU. Simple and external products get one
//   variant; grouped products none (their price is their children's lowest); variable products
//   get their variations, matched to the parent by "id:N" or SKU wherever they are in the file.
// - Price: the sale price when one is set (what the shopper pays), else the regular price; a
//   product's price is its lowest variant price.
// - Attributes named Color/Colour, Size, Material, Brand (or their translations, "pa_" prefix
//   ignored) fill color, size, material and brand; other attributes are not kept.
// - Published 1 -> "active", 0 (private) and -1 (draft) -> "draft".
// - Rejected: a variation whose parent is not in the file, an ID or SKU already used by another
//   row, a price that is not a number or negative, a stock that is not a whole number, a row of
//   the wrong width. An exact repeat of an earlier row is skipped with one warning.
Result<CatalogImport> importWooCommerceCatalog(std::istream& in, const ImportOptions& options,
                                               const RunControl& control);

// Google Merchant Center product feed, as tab-separated text (a header row of attribute names,
// "g:" prefix optional) or XML: RSS 2.0 (<rss><channel><item>) or Atom (<feed><entry>) with the
// g: namespace http://base.google.com/ns/1.0 (whatever prefix the feed binds it to). The kind is
// detected from the content. Attributes read: id, title, description, image_link, price
// ("25.00 USD" or "USD 25.00"), sale_price (the price when set), brand, gtin,
// google_product_category (-> taxonomy), product_type (-> category and subcategory), color,
// size, material, item_group_id. Items sharing an item_group_id become the variants (SKU = the
// item's id) of one product whose id is the group id; other items are products of one variant.
// Availability is read but not kept (a variant has no quantity in a feed).
// - TSV needs the columns id, title and price; an XML error is a file-level error naming the
//   line and column. An item without an id, with a bad price, or with an id already used is
//   rejected; mixed currencies are warned about.
Result<CatalogImport> importGoogleMerchantFeed(std::istream& in, const ImportOptions& options,
                                               const RunControl& control);

// Which source column feeds each product field, for importGenericCatalogCsv. A source column is
// a header name (matched case-insensitively, surrounding spaces ignored) or "#N" for the N-th
// column (1-based), which files without a header need. Empty: the field is not in the file.
struct CatalogColumnMapping {
    std::string id;          // required: the row's unique id (a SKU or product id)
    std::string title;       // required
    std::string groupId;     // rows with the same value become variants of one product whose id
                             // is that value (Google's item_group_id, a parent SKU); such a row
                             // may have no id of its own (a variant without a SKU)
    std::string sku;         // the variant's SKU; unmapped: the row's id
    std::string description; // plain text or HTML
    std::string price;       // "12.50", "12,50", "$12.50", "12.50 EUR"; must be >= 0
    std::string category;    // a top level, or a path "Clothing > Hoodies" when subcategory is
                             // unmapped
    std::string subcategory;
    std::string taxonomy; // Google product category path or id
    std::string brand;
    std::string color;
    std::string size;
    std::string material;
    std::string tags;
    std::string imageUrl;
    std::string gtin;
    std::string status;    // true/1/published -> "active", false/0/unpublished -> "draft",
                           // others kept lower-cased
    std::string inventory; // a whole number
    bool hasHeader = true; // false: the first row is data, and columns are named "#N"

    // InvalidArgument naming the field when id or title is unmapped, or a "#N" is not a
    // positive number.
    Status validate() const;
};

// Guesses a mapping from a header row by common column names in English, German, French,
// Spanish, Italian, Dutch and Portuguese ("sku", "Artikelnummer", "name", "Bezeichnung",
// "price_eur", "Preis", "cat", ...). InvalidArgument naming the field when no column looks like
// an id or a title.
Result<CatalogColumnMapping> guessCatalogMapping(const std::vector<std::string>& header);

// A mapping as JSON, to save and reuse: {"format": "merchsim-catalog-mapping", "version": 1,
// "header": true, "columns": {"id": "sku", "title": "name", "price": "price_eur", ...}} with
// field names in snake_case (image_url, group_id); unmapped fields are left out. `indent` as in
// nlohmann::json::dump (-1: one line).
std::string mappingToJson(const CatalogColumnMapping& mapping, int indent = 2);
// Reads mappingToJson's output. InvalidArgument on malformed JSON (with its byte offset), an
// unknown field name (so a typo is not silently ignored), a value that is not a string, or a
// mapping that fails validate().
Result<CatalogColumnMapping> mappingFromJson(std::string_view json);

// Any delimited product list (delimiter and encoding detected) read with `mapping`. Rows sharing
// a group id become variants; an id used by an earlier row with other content is rejected, an
// exact repeat skipped; a price that is not a number or negative, or an inventory that is not a
// whole number, rejects its row. A mapped column missing from the header is a file-level error.
Result<CatalogImport> importGenericCatalogCsv(std::istream& in, const CatalogColumnMapping& mapping,
                                              const ImportOptions& options,
                                              const RunControl& control);
// The same with the mapping guessed from the header (guessCatalogMapping); the guessed mapping
// is the first warning of the result, as JSON, so it can be saved, corrected and passed back.
Result<CatalogImport> importGenericCatalogCsv(std::istream& in, const ImportOptions& options,
                                              const RunControl& control);

// Best Buy product list (the ACM SF hackathon "small_product_data.csv"): `sku,name,release
// date` with no header (a header row starting with "sku" is skipped), an optional empty 4th
// field. id and variant SKU = sku, title = name. The release date is checked but not kept: a
// date that does not parse is a warning, never a lost product. A row without a SKU or of the
// wrong width is rejected; a SKU used by an earlier row with another name is rejected; an exact
// repeat (the published file lists every row twice) is skipped with one warning.
Result<CatalogImport> importBestBuyProducts(std::istream& in, const ImportOptions& options,
                                            const RunControl& control);

} // namespace merch
