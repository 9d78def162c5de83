#include "merch/import_formats.h"

#include <algorithm>

#include "io/import_support.h"
#include "merch/catalog_importers.h"
#include "merch/event_importers.h"

namespace merch {

namespace {

// The header line of a delimited text, split with the detected delimiter, lower-cased.
std::vector<std::string> headerOf(std::string_view head) {
    std::string text(head);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text.erase(0, 3);
    CsvReader reader(text, detectDialect(text));
    CsvRecord record;
    std::string error;
    std::vector<std::string> names;
    if (reader.next(record, error)) {
        for (const auto& field : record.fields)
            names.push_back(io::toLower(io::trim(field)));
    }
    return names;
}

bool has(const std::vector<std::string>& header, std::string_view name) {
    return std::find(header.begin(), header.end(), name) != header.end();
}

double shopify(std::string_view, std::string_view head) {
    const auto h = headerOf(head);
    if ((has(h, "handle") || has(h, "url handle")) && has(h, "title"))
        return has(h, "variant price") || has(h, "option1 name") || has(h, "body (html)") ? 0.95 : 0.8;
    return 0;
}

double genericEvents(std::string_view, std::string_view head) {
    const auto h = headerOf(head);
    if (has(h, "timestamp") && has(h, "event") && (has(h, "session_id") || has(h, "visitor_id")))
        return has(h, "product_id") ? 0.95 : 0.85;
    return 0;
}

} // namespace

const std::vector<ImportFormat>& importFormats() {
    static const std::vector<ImportFormat> formats = [] {
        std::vector<ImportFormat> list;
        ImportFormat shopifyFormat;
        shopifyFormat.name = "shopify";
        shopifyFormat.label = "Shopify product CSV";
        shopifyFormat.kind = ImportKind::Catalog;
        shopifyFormat.extensions = "*.csv";
        shopifyFormat.importCatalog = importShopifyCatalog;
        shopifyFormat.recognise = shopify;
        list.push_back(std::move(shopifyFormat));

        ImportFormat generic;
        generic.name = "generic";
        generic.label = "MerchSim events CSV";
        generic.kind = ImportKind::Events;
        generic.extensions = "*.csv";
        generic.importEvents = importGenericEvents;
        generic.recognise = genericEvents;
        list.push_back(std::move(generic));
        return list;
    }();
    return formats;
}

const ImportFormat* findImportFormat(std::string_view name, ImportKind kind) {
    for (const auto& format : importFormats()) {
        if (format.name == name && format.kind == kind)
            return &format;
    }
    return nullptr;
}

DetectedFormat detectImportFormat(std::string_view fileName, std::string_view head) {
    DetectedFormat best;
    for (const auto& format : importFormats()) {
        const double confidence = format.recognise ? format.recognise(fileName, head) : 0.0;
        if (confidence > best.confidence)
            best = {&format, confidence};
    }
    return best;
}

} // namespace merch
