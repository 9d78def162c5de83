#include "io/gmc_feed_reader.h"

#include <algorithm>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "io/catalog_support.h"
#include "io/import_support.h"

namespace merch::io {

namespace {

constexpr std::string_view kGoogleNamespace = "http://base.google.com/ns/1.0";

bool isContinuation(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

// Line starts of a text, to turn many byte offsets into lines and columns.
class LineIndex {
public:
    explicit LineIndex(std::string_view text)
        : m_text(text) {
        m_starts.push_back(0);
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (text[i] == '\n')
                m_starts.push_back(i + 1);
        }
    }
    std::pair<std::int64_t, int> at(std::size_t offset) const {
        offset = std::min(offset, m_text.size());
        const auto it = std::upper_bound(m_starts.begin(), m_starts.end(), offset) - 1;
        int column = 1;
        for (std::size_t i = *it; i < offset; ++i)
            column += isContinuation(m_text[i]) ? 0 : 1;
        return {std::int64_t(it - m_starts.begin()) + 1, column};
    }

private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

Result<FeedItems> readTsv(std::string_view text, const ImportOptions& options,
                          const RunControl& control) {
    FeedItems feed;
    feed.kind = "TSV";
    CsvReader reader(text, detectDialect(text), options.maxFieldBytes);
    CsvRecord record;
    std::string error;
    if (!reader.next(record, error) || !error.empty())
        return Status::invalidArgument(options.fileName + ": the header row could not be read" +
                                       (error.empty() ? "" : " (" + error + ")"));
    std::vector<std::string> names;
    for (const auto& name : record.fields) {
        std::string lower = toLower(trim(name));
        if (lower.rfind("g:", 0) == 0)
            lower.erase(0, 2);
        names.push_back(std::move(lower));
    }
    std::vector<std::string> missing;
    for (const std::string name : {"id", "title", "price"}) {
        if (std::find(names.begin(), names.end(), name) == names.end())
            missing.push_back(name);
    }
    if (!missing.empty())
        return missingColumnsError(options.fileName, missing,
                                   "is this a Google Merchant Center feed (a header row of "
                                   "attribute names, or RSS/Atom XML)?");
    std::int64_t rows = 0;
    while (reader.next(record, error)) {
        if (++rows % 2048 == 0 && !control.report(0.5 * reader.progress(), "reading the feed"))
            return Status::cancelled();
        if (!error.empty()) {
            feed.rejected.push_back(reject(record, -1, error));
            continue;
        }
        if (const auto ragged = raggedRow(record, names.size())) {
            feed.rejected.push_back(reject(record, -1, *ragged));
            continue;
        }
        FeedItem item;
        item.line = record.line;
        item.column = 1;
        item.raw = std::string(record.raw);
        for (std::size_t c = 0; c < names.size(); ++c)
            item.attributes.push_back({names[c], record.fields[c], record.columns[c], true});
        feed.items.push_back(std::move(item));
    }
    return feed;
}

// "g:price" -> "price" when "g:" is bound to Google's namespace; nullopt for other namespaces.
struct NameResolver {
    std::set<std::string> googlePrefixes; // "g:"
    bool defaultIsGoogle = false;
    bool atom = false;

    void learn(const pugi::xml_node& node) {
        for (const auto& attribute : node.attributes()) {
            const std::string_view name = attribute.name();
            if (attribute.value() != kGoogleNamespace)
                continue;
            if (name == "xmlns")
                defaultIsGoogle = true;
            else if (name.rfind("xmlns:", 0) == 0)
                googlePrefixes.insert(std::string(name.substr(6)) + ":");
        }
    }

    std::optional<std::pair<std::string, bool>> resolve(std::string_view name) const {
        const auto colon = name.find(':');
        if (colon == std::string_view::npos) {
            std::string local = toLower(name);
            if (atom && !defaultIsGoogle) {
                if (local == "id")
                    local = "atom:id"; // an Atom entry id is a URI, not the offer id
                else if (local == "summary" || local == "content")
                    local = "description";
            }
            return std::pair{local, defaultIsGoogle};
        }
        if (googlePrefixes.count(std::string(name.substr(0, colon + 1))))
            return std::pair{toLower(name.substr(colon + 1)), true};
        return std::nullopt;
    }
};

// Where an element's "<" is (pugixml gives the offset of its name).
std::size_t elementStart(const pugi::xml_node& element) {
    return std::size_t(std::max<std::ptrdiff_t>(1, element.offset_debug()) - 1);
}

std::string elementText(const pugi::xml_node& element) {
    std::string text;
    for (const auto& child : element.children()) {
        if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            text += child.value();
    }
    return text;
}

Result<FeedItems> readXml(std::string_view text, const ImportOptions& options,
                          const RunControl& control) {
    FeedItems feed;
    pugi::xml_document document;
    const auto parsed =
        document.load_buffer(text.data(), text.size(), pugi::parse_default, pugi::encoding_utf8);
    const LineIndex lines(text);
    if (!parsed) {
        const auto [line, column] =
            lines.at(std::size_t(std::max<std::ptrdiff_t>(0, parsed.offset)));
        return Status::invalidArgument(options.fileName + ", line " + std::to_string(line) +
                                       ", column " + std::to_string(column) +
                                       ": the XML is malformed (" + parsed.description() + ")");
    }
    if (!control.report(0.3, "reading the feed"))
        return Status::cancelled();
    const pugi::xml_node root = document.document_element();
    const std::string rootName = root.name();
    const auto colon = rootName.find(':');
    const std::string prefix = colon == std::string::npos ? "" : rootName.substr(0, colon + 1);
    const std::string local = toLower(rootName.substr(prefix.size()));
    NameResolver resolver;
    resolver.learn(root);
    pugi::xml_node container = root;
    std::string itemName;
    if (local == "rss") {
        feed.kind = "RSS 2.0";
        container = root.child("channel");
        resolver.learn(container);
        itemName = "item";
    } else if (local == "feed") {
        feed.kind = "Atom";
        resolver.atom = true;
        itemName = prefix + "entry";
    } else {
        const auto [line, column] = lines.at(elementStart(root));
        return Status::invalidArgument(
            options.fileName + ", line " + std::to_string(line) + ", column " +
            std::to_string(column) + ": the XML root element is <" + rootName +
            ">; a Google Merchant Center feed is RSS 2.0 (<rss>) or Atom (<feed>)");
    }
    if (resolver.googlePrefixes.empty() && !resolver.defaultIsGoogle) {
        resolver.googlePrefixes.insert("g:");
        feed.warnings.push_back("the feed does not declare the namespace " +
                                std::string(kGoogleNamespace) + "; g: elements were read anyway");
    }
    std::size_t count = 0;
    for (const auto& node : container.children(itemName.c_str())) {
        if (++count % 2048 == 0 && !control.report(0.4, "reading the feed"))
            return Status::cancelled();
        FeedItem item;
        std::tie(item.line, item.column) = lines.at(elementStart(node));
        std::ostringstream raw;
        node.print(raw, "", pugi::format_raw);
        item.raw = raw.str().substr(0, options.maxFieldBytes);
        for (const auto& element : node.children()) {
            const bool nested = element.find_child(
                [](const pugi::xml_node& n) { return n.type() == pugi::node_element; });
            if (element.type() != pugi::node_element || nested)
                continue; // nested attributes (g:shipping) are not read
            const auto name = resolver.resolve(element.name());
            if (!name)
                continue;
            std::string value = elementText(element);
            if (name->first == "link" && element.attribute("href"))
                value = element.attribute("href").value(); // Atom: <link href="..."/>
            const auto column = lines.at(elementStart(element)).second;
            item.attributes.push_back({name->first, std::move(value), column, name->second});
        }
        feed.items.push_back(std::move(item));
    }
    if (feed.items.empty())
        feed.warnings.push_back("the feed has no <" + itemName + "> elements");
    return feed;
}

} // namespace

std::string_view FeedItem::get(std::string_view name) const {
    const Attribute* plain = nullptr;
    for (const auto& a : attributes) {
        if (a.name != name)
            continue;
        if (a.google)
            return trim(a.value);
        if (!plain)
            plain = &a;
    }
    return plain ? trim(plain->value) : std::string_view();
}

int FeedItem::columnOf(std::string_view name) const {
    for (const auto& a : attributes) {
        if (a.name == name)
            return a.column;
    }
    return column;
}

std::string FeedItem::fingerprint() const {
    std::string joined;
    for (const auto& a : attributes)
        joined += a.name + '\x1e' + a.value + '\x1f';
    return contentHash(joined);
}

Result<FeedItems> readFeedItems(std::string_view text, const ImportOptions& options,
                                const RunControl& control) {
    const auto start = text.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos && text[start] == '<')
        return readXml(text, options, control);
    return readTsv(text, options, control);
}

} // namespace merch::io
