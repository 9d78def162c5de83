// Reading the items of a Google Merchant Center feed, whichever of its three shapes the file has
// (tab-separated text, RSS 2.0 or Atom XML), into one list of attribute/value items.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "merch/import.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch::io {

struct FeedItem {
    struct Attribute {
        std::string name; // lower case, without the namespace prefix: "price", "item_group_id"
        std::string value;
        int column = 0;      // 1-based character column where the value (TSV) or element starts
        bool google = false; // from the g: namespace (XML), or a TSV column
    };
    std::int64_t line = 0; // 1-based line where the item starts
    int column = 0;
    std::string raw; // the row, or the item's XML
    std::vector<Attribute> attributes;

    // The first value of `name`, a g: element before a plain one ("title" in RSS); trimmed,
    // empty when absent.
    std::string_view get(std::string_view name) const;
    // Where `name` is, or where the item starts when it has no such attribute.
    int columnOf(std::string_view name) const;
    // The item's attributes joined, to tell an exact repeat from a conflicting item.
    std::string fingerprint() const;
};

struct FeedItems {
    std::string kind; // "TSV", "RSS 2.0", "Atom"
    std::vector<FeedItem> items;
    std::vector<RejectedRow> rejected; // rows that could not be read at all
    std::vector<std::string> warnings;
};

// The items of the feed in `text` (decoded UTF-8). A Result error means the file is not a feed
// that can be read: malformed XML (with the line and column the parser stopped at), an XML root
// other than <rss> or <feed>, a TSV header without id, title or price, or cancellation.
Result<FeedItems> readFeedItems(std::string_view text, const ImportOptions& options,
                                const RunControl& control);

} // namespace merch::io
