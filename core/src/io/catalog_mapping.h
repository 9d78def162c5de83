// The fields of a CatalogColumnMapping as a table, shared by the mapping's JSON form, its
// guessing and the generic catalog importer.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "merch/catalog_importers.h"

namespace merch::io {

struct MappingField {
    std::string_view key; // the JSON name: "id", "image_url", "group_id"
    std::string CatalogColumnMapping::*member;
};

// Every mapped field, in the order the guesser claims columns.
const std::vector<MappingField>& mappingFields();

// The 0-based column of `source` ("price_eur" or "#3") in a file whose first row is `header`
// (names, or the first data row when the file has no header). -1 when `source` is empty.
// InvalidArgument naming `key` and the column when it is not there.
Result<int> resolveMappedColumn(std::string_view key, const std::string& source,
                                const std::vector<std::string>& header, bool hasHeader);

} // namespace merch::io
