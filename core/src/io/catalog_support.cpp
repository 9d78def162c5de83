#include "io/catalog_support.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "io/import_support.h"

namespace merch::io {

namespace {

bool isLetters(std::string_view text, std::size_t count) {
    return text.size() == count && std::all_of(text.begin(), text.end(), [](char c) {
               return std::isalpha(static_cast<unsigned char>(c)) != 0;
           });
}

bool endsWith(std::string_view text, std::string_view suffix) {
    return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

} // namespace

AttributeKind attributeKind(std::string_view name) {
    std::string lower = toLower(trim(name));
    for (const std::string_view prefix : {"pa_", "attribute:", "attribute_"}) {
        if (lower.rfind(prefix, 0) == 0)
            lower.erase(0, prefix.size());
    }
    static const std::set<std::string, std::less<>> colors = {
        "color",  "colour", "colors", "colours", "farbe", "couleur", "kleur",
        "colore", "cor",    "färg",   "farve",   "väri",  "kolor",   "barva"};
    static const std::set<std::string, std::less<>> sizes = {
        "size",   "sizes", "größe",   "groesse", "grösse",    "taille",  "maat",
        "taglia", "talla", "tamanho", "storlek", "størrelse", "rozmiar", "velikost"};
    static const std::set<std::string, std::less<>> materials = {
        "material",  "materials", "materiaal", "matière", "matiere",
        "materiale", "stoff",     "fabric",    "materiał"};
    static const std::set<std::string, std::less<>> brands = {
        "brand", "brands", "marke", "marque", "marca", "merk", "manufacturer", "hersteller"};
    if (colors.count(lower) || endsWith(lower, " color") || endsWith(lower, " colour"))
        return AttributeKind::Color;
    if (sizes.count(lower) || endsWith(lower, " size"))
        return AttributeKind::Size;
    if (materials.count(lower))
        return AttributeKind::Material;
    if (brands.count(lower))
        return AttributeKind::Brand;
    return AttributeKind::Other;
}

CategoryPath splitCategoryPath(std::string_view path) {
    std::vector<std::string> levels;
    while (!path.empty()) {
        const auto at = path.find('>');
        const auto level = trim(path.substr(0, at));
        if (!level.empty())
            levels.emplace_back(level);
        if (at == std::string_view::npos)
            break;
        path.remove_prefix(at + 1);
    }
    CategoryPath out;
    if (!levels.empty())
        out.category = levels.front();
    if (levels.size() > 1)
        out.subcategory = levels.back();
    return out;
}

std::vector<std::string> splitEscapedList(std::string_view text, char separator) {
    std::vector<std::string> items;
    std::string current;
    const auto flush = [&] {
        const auto item = trim(current);
        if (!item.empty())
            items.emplace_back(item);
        current.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == separator) {
            current += separator;
            ++i;
        } else if (text[i] == separator) {
            flush();
        } else {
            current += text[i];
        }
    }
    flush();
    return items;
}

PriceCell parsePriceCell(std::string_view text, std::string_view label) {
    PriceCell cell;
    text = trim(text);
    if (text.empty())
        return cell;
    std::string_view number = text;
    // "25.00 USD", "USD 25.00", "25.00USD": an ISO 4217 code on either side.
    const auto space = text.find_first_of(" \t");
    if (space != std::string_view::npos) {
        const auto first = text.substr(0, space);
        const auto second = trim(text.substr(space));
        if (isLetters(second, 3)) {
            cell.currency = std::string(second);
            number = first;
        } else if (isLetters(first, 3)) {
            cell.currency = std::string(first);
            number = second;
        }
    } else if (text.size() > 3 && isLetters(text.substr(text.size() - 3), 3)) {
        cell.currency = std::string(text.substr(text.size() - 3));
        number = text.substr(0, text.size() - 3);
    } else if (text.size() > 3 && isLetters(text.substr(0, 3), 3)) {
        cell.currency = std::string(text.substr(0, 3));
        number = text.substr(3);
    }
    for (auto& c : cell.currency)
        c = char(std::toupper(static_cast<unsigned char>(c)));
    const auto value = parseNumber(number);
    if (!value) {
        cell.currency.clear();
        cell.error = std::string(label) + " '" + std::string(text) + "' is not a number";
    } else if (*value < 0) {
        cell.error = std::string(label) + " " + std::string(text) + " is negative";
    } else {
        cell.value = value;
    }
    return cell;
}

Status missingColumnsError(const std::string& fileName, const std::vector<std::string>& missing,
                           std::string_view hint) {
    std::string list;
    for (const auto& m : missing)
        list += (list.empty() ? "" : ", ") + m;
    return Status::invalidArgument(fileName + ", line 1: missing required column" +
                                   (missing.size() > 1 ? "s " : " ") + list + "; " +
                                   std::string(hint));
}

std::optional<std::string> raggedRow(const CsvRecord& record, std::size_t width) {
    if (record.fields.size() == width)
        return std::nullopt;
    return "row has " + std::to_string(record.fields.size()) + " fields, the header has " +
           std::to_string(width);
}

std::string fingerprint(const CsvRecord& record) {
    std::string joined;
    for (const auto& f : record.fields) {
        joined += f;
        joined += '\x1f';
    }
    return contentHash(joined);
}

DuplicateIds::Seen DuplicateIds::check(const std::string& what, const std::string& id,
                                       const std::string& print) const {
    const auto it = m_seen.find(what + '\x1f' + id);
    if (it == m_seen.end())
        return Seen::New;
    return it->second.fingerprint == print ? Seen::Repeat : Seen::Conflict;
}

DuplicateIds::Seen DuplicateIds::add(const std::string& what, const std::string& id,
                                     std::int64_t line, const std::string& print) {
    const auto [it, fresh] = m_seen.try_emplace(what + '\x1f' + id, First{line, print});
    if (fresh)
        return Seen::New;
    if (it->second.fingerprint != print)
        return Seen::Conflict;
    if (m_repeats++ == 0) {
        m_firstRepeatLine = line;
        m_firstRepeatOf = it->second.line;
    }
    return Seen::Repeat;
}

std::string DuplicateIds::conflictReason(const std::string& what, const std::string& id) const {
    const auto it = m_seen.find(what + '\x1f' + id);
    const std::int64_t first = it == m_seen.end() ? 0 : it->second.line;
    return what + " " + id + " is already used by the row on line " + std::to_string(first) +
           " (the first row with an id is kept)";
}

void DuplicateIds::warnRepeats(ImportReport& report) const {
    if (m_repeats == 0)
        return;
    report.warnings.push_back(std::to_string(m_repeats) +
                              (m_repeats > 1 ? " rows repeat an earlier row exactly and were"
                                             : " row repeats an earlier row exactly and was") +
                              " skipped (the first: line " +
                              std::to_string(m_firstRepeatLine) + " repeats line " +
                              std::to_string(m_firstRepeatOf) + ")");
}

void ProductBuilder::fill(std::string& target, std::string_view value) {
    if (target.empty())
        target = std::string(trim(value));
}

void ProductBuilder::notePrice(double price) {
    product.price = hasPrice ? std::min(product.price, price) : price;
    hasPrice = true;
}

void ProductBuilder::addVariant(Variant variant, std::optional<double> price) {
    if (price)
        notePrice(*price);
    variant.price = price.value_or(0.0);
    if (product.color.empty() && !variant.color.empty())
        product.color = variant.color;
    product.variants.push_back(std::move(variant));
}

void finishProducts(std::vector<ProductBuilder>& builders, std::vector<Product>& products,
                    ImportReport& report) {
    products.reserve(products.size() + builders.size());
    for (auto& b : builders) {
        if (b.product.title.empty())
            report.warnings.push_back("product " + b.product.id + " (line " +
                                      std::to_string(b.line) + ") has no title");
        products.push_back(std::move(b.product));
    }
    builders.clear();
}

} // namespace merch::io
