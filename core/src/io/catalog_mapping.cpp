// CatalogColumnMapping: validation, guessing from a header, JSON. See catalog_importers.h.
#include "io/catalog_mapping.h"

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <optional>

#include "io/import_support.h"

namespace merch {

namespace {

constexpr std::string_view kFormat = "merchsim-catalog-mapping";
constexpr int kVersion = 1;

// "#3" -> 3; nullopt when `source` is not of that form.
std::optional<int> columnNumber(std::string_view source) {
    source = io::trim(source);
    if (source.size() < 2 || source.front() != '#')
        return std::nullopt;
    int n = 0;
    const auto* end = source.data() + source.size();
    const auto [ptr, ec] = std::from_chars(source.data() + 1, end, n);
    if (ec != std::errc() || ptr != end)
        return std::nullopt;
    return n;
}

// For guessing: lower case, "_-./()" as spaces, runs of spaces as one.
std::string normalized(std::string_view name) {
    std::string out;
    for (char c : io::toLower(io::trim(name))) {
        if (c == '_' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == ':')
            c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

struct Synonyms {
    std::string CatalogColumnMapping::*member;
    std::vector<std::string_view> exact;
    std::vector<std::string_view> prefixes; // "price eur" starts with "price "
};

// English, German, French, Spanish, Italian, Dutch, Portuguese; the first match wins.
const std::vector<Synonyms>& synonyms() {
    using M = CatalogColumnMapping;
    static const std::vector<Synonyms> table = {
        {&M::id,
         {"id",         "product id", "productid",  "item id",     "itemid",      "article id",
          "artikel id", "produkt id", "id produit", "id producto", "id prodotto", "product code",
          "item code",  "handle",     "url handle", "reference",   "référence",   "ref",
          "referencia", "codice",     "código",     "codigo",      "code"},
         {}},
        {&M::sku,
         {"sku", "variant sku", "sku id", "artikelnummer", "artikel nr", "art nr", "artnr",
          "article number", "item number", "part number", "ugs", "codice articolo",
          "número de artículo", "artikelcode"},
         {}},
        {&M::title,
         {"title",
          "name",
          "product name",
          "productname",
          "product title",
          "item name",
          "item title",
          "titel",
          "bezeichnung",
          "produktname",
          "artikelname",
          "artikelbezeichnung",
          "produktbezeichnung",
          "nom",
          "nom du produit",
          "titre",
          "désignation",
          "designation",
          "libellé",
          "nombre",
          "nombre del producto",
          "título",
          "titulo",
          "nome",
          "nome prodotto",
          "nome do produto",
          "naam",
          "productnaam"},
         {}},
        {&M::groupId,
         {"item group id", "group id", "parent id", "parent sku", "parent", "variant group",
          "gruppen id", "übergeordnete id"},
         {}},
        {&M::price,
         {"price", "unit price", "regular price", "current price", "selling price", "retail price",
          "list price", "variant price", "preis", "verkaufspreis", "prix", "prix de vente",
          "precio", "prezzo", "prijs", "preço", "preco"},
         {"price ", "preis ", "prix ", "precio ", "prezzo ", "prijs ", "preço "}},
        {&M::description,
         {"description", "body html", "body", "long description", "product description",
          "beschreibung", "produktbeschreibung", "artikelbeschreibung", "description longue",
          "descripción", "descripcion", "descrizione", "beschrijving", "omschrijving", "descrição",
          "descricao", "short description", "summary"},
         {}},
        {&M::category,
         {"category",         "categories", "cat",         "category path", "product category",
          "product type",     "type",       "kategorie",   "kategorien",    "warengruppe",
          "produktkategorie", "catégorie",  "categorie",   "catégories",    "categoría",
          "categoria",        "categorías", "categorieën", "rubrik",        "department"},
         {}},
        {&M::subcategory,
         {"subcategory", "sub category", "subcat", "unterkategorie", "sous catégorie",
          "sous categorie", "subcategoría", "subcategoria", "sottocategoria", "subcategorie"},
         {}},
        {&M::taxonomy,
         {"google product category", "google category", "taxonomy",
          "google shopping google product category"},
         {}},
        {&M::brand,
         {"brand", "vendor", "manufacturer", "make", "marke", "hersteller", "marque", "fabricant",
          "marca", "fabricante", "merk", "fabrikant", "produttore"},
         {}},
        {&M::color, {"color", "colour", "farbe", "couleur", "kleur", "colore", "cor"}, {}},
        {&M::size,
         {"size", "größe", "groesse", "grösse", "taille", "maat", "taglia", "talla", "tamanho",
          "grootte"},
         {}},
        {&M::material,
         {"material", "materiaal", "matière", "matiere", "materiale", "stoff", "fabric"},
         {}},
        {&M::tags,
         {"tags", "tag", "keywords", "schlagwörter", "schlagworte", "stichwörter", "mots clés",
          "mots cles", "étiquettes", "etiquetas", "etichette", "trefwoorden", "palavras chave"},
         {}},
        {&M::imageUrl,
         {"image",    "image url",  "image link",        "image src",
          "images",   "main image", "product image url", "picture",
          "photo",    "img",        "thumbnail",         "bild",
          "bild url", "bilder",     "produktbild",       "image principale",
          "imagen",   "immagine",   "afbeelding",        "imagem"},
         {}},
        {&M::gtin,
         {"gtin", "ean", "upc", "barcode", "isbn", "ean13", "gtin13", "ean code", "variant barcode",
          "strichcode", "code barre", "código de barras", "codice a barre", "streepjescode"},
         {}},
        {&M::status,
         {"status", "state", "published", "produktstatus", "statut", "estado", "stato"},
         {}},
        {&M::inventory,
         {"inventory",
          "stock",
          "quantity",
          "qty",
          "stock quantity",
          "inventory quantity",
          "variant inventory qty",
          "on hand",
          "available",
          "bestand",
          "lagerbestand",
          "menge",
          "quantité",
          "quantite",
          "existencias",
          "cantidad",
          "quantità",
          "giacenza",
          "voorraad",
          "aantal",
          "estoque",
          "quantidade"},
         {}},
    };
    return table;
}

} // namespace

Status CatalogColumnMapping::validate() const {
    if (io::trim(id).empty())
        return Status::invalidArgument("mapping: id names no column (it is required)");
    if (io::trim(title).empty())
        return Status::invalidArgument("mapping: title names no column (it is required)");
    for (const auto& f : io::mappingFields()) {
        const std::string& source = this->*f.member;
        if (io::trim(source).empty())
            continue;
        const auto n = columnNumber(source);
        if (io::trim(source).front() == '#' && (!n || *n < 1))
            return Status::invalidArgument("mapping: " + std::string(f.key) + " is '" + source +
                                           "'; a column number is #1, #2, ...");
        if (!hasHeader && !n)
            return Status::invalidArgument(
                "mapping: " + std::string(f.key) + " names the column '" + source +
                "', but the file has no header (\"header\": false); use #1, #2, ...");
    }
    return Status::ok();
}

Result<CatalogColumnMapping> guessCatalogMapping(const std::vector<std::string>& header) {
    std::vector<std::string> names;
    for (const auto& name : header)
        names.push_back(normalized(name));
    std::vector<bool> claimed(names.size(), false);
    CatalogColumnMapping mapping;
    for (const auto& s : synonyms()) {
        std::optional<std::size_t> found;
        for (const auto& word : s.exact) {
            for (std::size_t c = 0; c < names.size() && !found; ++c)
                found = !claimed[c] && names[c] == word ? std::optional(c) : std::nullopt;
        }
        for (const auto& prefix : s.prefixes) {
            for (std::size_t c = 0; c < names.size() && !found; ++c) {
                if (!claimed[c] && names[c].rfind(prefix, 0) == 0)
                    found = c;
            }
        }
        if (found) {
            claimed[*found] = true;
            mapping.*s.member = std::string(io::trim(header[*found]));
        }
    }
    // A SKU next to a product id: the SKU names the row, the product id groups the variants.
    if (!mapping.sku.empty() && !mapping.id.empty() && mapping.groupId.empty()) {
        mapping.groupId = mapping.id;
        mapping.id = mapping.sku;
        mapping.sku.clear();
    } else if (mapping.id.empty()) {
        std::swap(mapping.id, mapping.sku);
    }
    if (mapping.id.empty())
        return Status::invalidArgument("no column looks like an id (id, sku, product id, "
                                       "Artikelnummer, référence, ...)");
    if (mapping.title.empty())
        return Status::invalidArgument("no column looks like a title (title, name, product "
                                       "name, Bezeichnung, nom, nombre, ...)");
    return mapping;
}

std::string mappingToJson(const CatalogColumnMapping& mapping, int indent) {
    nlohmann::ordered_json columns = nlohmann::ordered_json::object();
    for (const auto& f : io::mappingFields()) {
        if (!(mapping.*f.member).empty())
            columns[std::string(f.key)] = mapping.*f.member;
    }
    nlohmann::ordered_json out;
    out["format"] = kFormat;
    out["version"] = kVersion;
    out["header"] = mapping.hasHeader;
    out["columns"] = columns;
    return out.dump(indent);
}

Result<CatalogColumnMapping> mappingFromJson(std::string_view text) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        return Status::invalidArgument("mapping: not valid JSON (at byte " +
                                       std::to_string(e.byte) + ")");
    }
    if (!json.is_object())
        return Status::invalidArgument("mapping: expected a JSON object");
    CatalogColumnMapping mapping;
    for (const auto& [key, value] : json.items()) {
        if (key == "format") {
            if (!value.is_string() || value.get<std::string>() != kFormat)
                return Status::invalidArgument("mapping: \"format\" must be \"" +
                                               std::string(kFormat) + "\"");
        } else if (key == "version") {
            if (!value.is_number_integer() || value.get<int>() > kVersion || value.get<int>() < 1)
                return Status::invalidArgument("mapping: \"version\" " + value.dump() +
                                               " is not one this MerchSim reads (1)");
        } else if (key == "header") {
            if (!value.is_boolean())
                return Status::invalidArgument("mapping: \"header\" must be true or false");
            mapping.hasHeader = value.get<bool>();
        } else if (key != "columns") {
            return Status::invalidArgument("mapping: unknown key \"" + key + "\"");
        }
    }
    if (!json.contains("columns") || !json["columns"].is_object())
        return Status::invalidArgument("mapping: \"columns\" must be an object of field names "
                                       "to source columns");
    for (const auto& [key, value] : json["columns"].items()) {
        const auto& fields = io::mappingFields();
        const std::string name = key; // clang 14 cannot capture a structured binding
        const auto f = std::find_if(fields.begin(), fields.end(),
                                    [&](const io::MappingField& m) { return m.key == name; });
        if (f == fields.end()) {
            std::string known;
            for (const auto& m : fields)
                known += (known.empty() ? "" : ", ") + std::string(m.key);
            return Status::invalidArgument("mapping: unknown field \"" + key +
                                           "\" (fields: " + known + ")");
        }
        if (!value.is_string())
            return Status::invalidArgument("mapping: field \"" + key +
                                           "\" must name a column as a string");
        mapping.*f->member = value.get<std::string>();
    }
    if (auto status = mapping.validate(); !status)
        return status;
    return mapping;
}

} // namespace merch

namespace merch::io {

const std::vector<MappingField>& mappingFields() {
    using M = CatalogColumnMapping;
    static const std::vector<MappingField> fields = {
        {"id", &M::id},
        {"title", &M::title},
        {"group_id", &M::groupId},
        {"sku", &M::sku},
        {"description", &M::description},
        {"price", &M::price},
        {"category", &M::category},
        {"subcategory", &M::subcategory},
        {"taxonomy", &M::taxonomy},
        {"brand", &M::brand},
        {"color", &M::color},
        {"size", &M::size},
        {"material", &M::material},
        {"tags", &M::tags},
        {"image_url", &M::imageUrl},
        {"gtin", &M::gtin},
        {"status", &M::status},
        {"inventory", &M::inventory},
    };
    return fields;
}

Result<int> resolveMappedColumn(std::string_view key, const std::string& source,
                                const std::vector<std::string>& header, bool hasHeader) {
    if (io::trim(source).empty())
        return -1;
    if (const auto n = columnNumber(source)) {
        if (*n < 1 || std::size_t(*n) > header.size())
            return Status::invalidArgument("the mapping's " + std::string(key) + " is column " +
                                           source + ", but the file has " +
                                           std::to_string(header.size()) + " columns");
        return *n - 1;
    }
    const int found = hasHeader ? HeaderIndex(header).find({toLower(trim(source))}) : -1;
    if (found < 0) {
        std::string names;
        for (std::size_t c = 0; c < header.size() && c < 30; ++c)
            names += (names.empty() ? "" : ", ") + header[c];
        return Status::invalidArgument("the mapping's column '" + source + "' (for " +
                                       std::string(key) + ") is not in the header (" + names +
                                       (header.size() > 30 ? ", ..." : "") + ")");
    }
    return found;
}

} // namespace merch::io
