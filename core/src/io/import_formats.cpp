#include "merch/import_formats.h"

#include <algorithm>

#include "io/import_support.h"
#include "merch/catalog_importers.h"
#include "merch/event_importers.h"

namespace merch {

namespace {

// The first record of a delimited text, split with the detected delimiter, lower-cased.
std::vector<std::string> firstRecord(std::string_view head) {
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

bool looksLikeTimestamp(std::string_view text) {
    return io::parseTimestamp(text).has_value();
}

std::string_view trimmedHead(std::string_view head) {
    if (head.rfind("\xEF\xBB\xBF", 0) == 0)
        head.remove_prefix(3);
    while (!head.empty() && (head.front() == ' ' || head.front() == '\n' || head.front() == '\r'))
        head.remove_prefix(1);
    return head;
}

using Recogniser = std::function<double(std::string_view, std::string_view)>;

// Recognisers: how sure each format is that a file is its own.
const Recogniser shopify = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    if ((has(h, "handle") || has(h, "url handle")) && has(h, "title"))
        return has(h, "variant price") || has(h, "option1 name") || has(h, "body (html)") ? 0.95
                                                                                          : 0.8;
    return 0.0;
};
const Recogniser woocommerce = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    return has(h, "id") && has(h, "type") && has(h, "sku") && has(h, "name") ? 0.95 : 0.0;
};
const Recogniser gmc = [](std::string_view, std::string_view head) {
    const auto text = trimmedHead(head);
    if (!text.empty() && text.front() == '<')
        return text.find("base.google.com/ns/1.0") != std::string_view::npos ? 0.95 : 0.2;
    const auto h = firstRecord(head);
    const auto attribute = [&](std::string_view name) {
        return has(h, name) || has(h, "g:" + std::string(name));
    };
    return attribute("id") && attribute("title") && attribute("price") &&
                   (attribute("link") || attribute("image_link") || attribute("availability"))
               ? 0.9
               : 0.0;
};
const Recogniser genericCatalog = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    std::vector<std::string> header(h.begin(), h.end());
    return h.size() >= 2 && guessCatalogMapping(header).isOk() ? 0.3 : 0.0;
};
const Recogniser bestBuyProducts = [](std::string_view, std::string_view head) {
    const auto r = firstRecord(head);
    return r.size() >= 3 && io::parseInteger(r[0]) && !r[1].empty() && looksLikeTimestamp(r[2])
               ? 0.7
               : 0.0;
};
const Recogniser genericEvents = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    if (has(h, "timestamp") && has(h, "event") && (has(h, "session_id") || has(h, "visitor_id")))
        return has(h, "product_id") ? 0.95 : 0.85;
    return 0.0;
};
const Recogniser ga4 = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    return has(h, "event_name") && has(h, "user_pseudo_id") ? 0.95 : 0.0;
};
const Recogniser otto = [](std::string_view, std::string_view head) {
    const auto text = trimmedHead(head);
    return !text.empty() && text.front() == '{' &&
                   text.find("\"session\"") != std::string_view::npos &&
                   text.find("\"events\"") != std::string_view::npos
               ? 0.95
               : 0.0;
};
const Recogniser diginetica = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    return has(h, "session_id") && has(h, "item_id") && has(h, "timeframe") ? 0.95 : 0.0;
};
const Recogniser retailRocket = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    return has(h, "visitorid") && has(h, "itemid") && has(h, "event") ? 0.95 : 0.0;
};
const Recogniser yoochoose = [](std::string_view, std::string_view head) {
    const auto r = firstRecord(head);
    if (has(r, "sessionid") && has(r, "itemid") && has(r, "time"))
        return 0.9;
    return r.size() == 4 && io::parseInteger(r[0]) && r[1].find('t') != std::string::npos &&
                   looksLikeTimestamp(r[1]) && io::parseInteger(r[2])
               ? 0.8
               : 0.0;
};
const Recogniser onlineRetail = [](std::string_view, std::string_view head) {
    const auto h = firstRecord(head);
    return (has(h, "invoiceno") || has(h, "invoice")) && (has(h, "stockcode")) ? 0.95 : 0.0;
};
const Recogniser bestBuySearch = [](std::string_view, std::string_view head) {
    const auto r = firstRecord(head);
    if (has(r, "user") && has(r, "query") && has(r, "click_time"))
        return 0.95;
    return r.size() == 6 && looksLikeTimestamp(r[4]) && looksLikeTimestamp(r[5]) ? 0.8 : 0.0;
};

ImportFormat catalog(std::string name, std::string label, std::string extensions,
                     decltype(ImportFormat::importCatalog) function, Recogniser recognise) {
    ImportFormat f;
    f.name = std::move(name);
    f.label = std::move(label);
    f.kind = ImportKind::Catalog;
    f.extensions = std::move(extensions);
    f.importCatalog = std::move(function);
    f.recognise = std::move(recognise);
    return f;
}

ImportFormat events(std::string name, std::string label, std::string extensions,
                    decltype(ImportFormat::importEvents) function, Recogniser recognise) {
    ImportFormat f;
    f.name = std::move(name);
    f.label = std::move(label);
    f.kind = ImportKind::Events;
    f.extensions = std::move(extensions);
    f.importEvents = std::move(function);
    f.recognise = std::move(recognise);
    return f;
}

} // namespace

const std::vector<ImportFormat>& importFormats() {
    static const std::vector<ImportFormat> formats = {
        catalog("shopify", "Shopify product CSV", "*.csv", importShopifyCatalog, shopify),
        catalog("woocommerce", "WooCommerce product CSV", "*.csv", importWooCommerceCatalog,
                woocommerce),
        catalog("gmc", "Google Merchant Center feed (TSV, RSS or Atom)", "*.tsv *.txt *.xml",
                importGoogleMerchantFeed, gmc),
        catalog(
            "csv", "Catalog CSV with a column mapping", "*.csv *.tsv *.txt",
            [](std::istream& in, const ImportOptions& options, const RunControl& control) {
                return importGenericCatalogCsv(in, options, control);
            },
            genericCatalog),
        catalog("bestbuy", "Best Buy product list", "*.csv", importBestBuyProducts,
                bestBuyProducts),
        events("generic", "MerchSim events CSV", "*.csv", importGenericEvents, genericEvents),
        events("ga4", "Google Analytics 4 export (flattened)", "*.csv", importGa4Events, ga4),
        events("otto", "OTTO sessions (JSON lines)", "*.jsonl *.json", importOttoEvents, otto),
        events("diginetica", "Diginetica item views", "*.csv", importDigineticaEvents, diginetica),
        events("retailrocket", "RetailRocket events", "*.csv", importRetailRocketEvents,
               retailRocket),
        events("yoochoose", "YooChoose clicks (RecSys 2015)", "*.dat *.csv *.txt",
               importYoochooseEvents, yoochoose),
        events("online-retail", "UCI Online Retail invoices", "*.csv", importOnlineRetailInvoices,
               onlineRetail),
        events("bestbuy", "Best Buy search log", "*.csv", importBestBuySearchLog, bestBuySearch),
    };
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
