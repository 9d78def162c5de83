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

} // namespace merch
