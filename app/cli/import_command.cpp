// merchsim-cli import catalog|events: read a store's export into a workspace.
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/catalog_importers.h"
#include "merch/event_importers.h"
#include "merch/import_formats.h"
#include "merch/import_store.h"

namespace merch::cli {

namespace {

constexpr std::size_t kRejectedShown = 10;

using CatalogImporter =
    std::function<Result<CatalogImport>(std::istream&, const ImportOptions&, const RunControl&)>;
using EventImporter =
    std::function<Result<EventImport>(std::istream&, const ImportOptions&, const RunControl&)>;

// The formats by name, from the table the wizard and the fuzzers share (import_formats.h).
template <typename Importer, typename Member>
std::map<std::string, Importer> formatsOf(ImportKind kind, Member member) {
    std::map<std::string, Importer> formats;
    for (const auto& format : importFormats()) {
        if (format.kind == kind)
            formats.emplace(format.name, format.*member);
    }
    return formats;
}

const std::map<std::string, CatalogImporter>& catalogFormats() {
    static const auto formats =
        formatsOf<CatalogImporter>(ImportKind::Catalog, &ImportFormat::importCatalog);
    return formats;
}

// The column mapping saved in `path` (mappingToJson's format), for --format csv.
Result<CatalogColumnMapping> readMappingFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return Status::error(StatusCode::NotFound, "cannot open the mapping file " + path);
    const std::string json{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto mapping = mappingFromJson(json);
    if (!mapping)
        return Status::invalidArgument(path + ": " + mapping.status().message());
    return mapping;
}

const std::map<std::string, EventImporter>& eventFormats() {
    static const auto formats =
        formatsOf<EventImporter>(ImportKind::Events, &ImportFormat::importEvents);
    return formats;
}

template <typename Map>
std::string formatList(const Map& formats) {
    std::string list;
    for (const auto& [name, importer] : formats)
        list += (list.empty() ? "" : "|") + name;
    return list;
}

CommandSpec importSpec(const std::string& kind, const std::string& formats,
                       const std::string& what) {
    return {"import " + kind,
            "Imports " + what +
                " from PATH into the workspace (created when it does not exist). "
                "Bad rows are kept in the import log with file, line, column and reason.",
            {{"workspace", "FILE", "the workspace (*.merchsim)", true},
             {"format", formats, "the file's format", true},
             {"replace", "",
              "the file replaces the workspace's " + what +
                  " (default: append; appending the same events file twice is "
                  "refused)"},
             {"json", "", "print the result as JSON"}},
            "PATH"};
}

Result<std::unique_ptr<Workspace>> openOrCreate(const std::string& path, bool& created) {
    std::error_code error;
    created = !std::filesystem::exists(path, error);
    return created ? Workspace::create(path) : Workspace::open(path);
}

void printResult(const std::string& kind, const std::string& path, const ImportReport& report,
                 const SavedImport& saved, bool json, bool created) {
    if (json) {
        nlohmann::ordered_json out;
        out["file"] = path;
        out["format"] = report.format;
        out["kind"] = kind;
        out["encoding"] = report.encoding;
        out["import_id"] = saved.importId;
        out["imported"] = saved.imported;
        out["rejected"] = saved.rejected;
        out["warnings"] = saved.warnings;
        if (kind == "events")
            out["events_for_unknown_products"] = saved.eventsForUnknownProducts;
        auto rows = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < report.rejected.size() && i < 20; ++i) {
            const auto& r = report.rejected[i];
            rows.push_back(
                {{"line", r.line}, {"column", r.column}, {"reason", r.reason}, {"raw", r.raw}});
        }
        out["rejected_rows"] = rows;
        out["warning_texts"] = saved.warningTexts;
        std::cout << out.dump(2) << "\n";
        return;
    }
    if (created)
        std::cout << "Created a new workspace.\n";
    std::cout << "Imported " << saved.imported << " " << (kind == "catalog" ? "products" : "events")
              << " from " << path << " (" << report.format << ", " << report.encoding << ").\n"
              << "Rejected " << saved.rejected << " rows; " << saved.warnings << " warnings.\n";
    for (const auto& warning : saved.warningTexts)
        std::cout << "  warning: " << warning << "\n";
    for (std::size_t i = 0; i < report.rejected.size() && i < kRejectedShown; ++i) {
        const auto& r = report.rejected[i];
        std::string raw = r.raw.substr(0, 100);
        std::cout << "  line " << r.line << ", column " << r.column << ": " << r.reason << "\n"
                  << "    " << raw << (r.raw.size() > 100 ? "..." : "") << "\n";
    }
    if (report.rejected.size() > kRejectedShown)
        std::cout << "  ... and " << report.rejected.size() - kRejectedShown
                  << " more (all are kept in the workspace's import log)\n";
}

// Runs an importer and saves its result; the two kinds differ only in the functions used.
template <typename Importer, typename Saver>
int runImport(const ParsedArgs& args, const std::string& kind, const Importer& importer,
              const Saver& save) {
    const std::string workspacePath = *args.value("workspace");
    const std::string path = args.positional.front();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        printError("cannot open " + path);
        return kExitFailure;
    }
    ImportOptions options;
    options.fileName = path;
    auto imported = importer(in, options, RunControl{});
    if (!imported) {
        printError(imported.status().message());
        return kExitFailure;
    }
    bool created = false;
    auto workspace = openOrCreate(workspacePath, created);
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    const ImportMode mode = args.has("replace") ? ImportMode::Replace : ImportMode::Append;
    auto saved = save(**workspace, *imported, mode, RunControl{});
    if (!saved) {
        printError(saved.status().message());
        return kExitFailure;
    }
    printResult(kind, path, imported->report, *saved, args.has("json"), created);
    return kExitOk;
}

bool checkArgs(const ParsedArgs& args, const CommandSpec& spec, const std::string& formats,
               bool known) {
    if (args.positional.size() != 1) {
        printError(args.positional.empty() ? "name the file to import"
                                           : "import one file at a time");
        std::cerr << usage(spec);
        return false;
    }
    if (!known) {
        printError("--format must be one of " + formats + " (got '" + *args.value("format") + "')");
        std::cerr << usage(spec);
        return false;
    }
    return true;
}

} // namespace

CommandSpec importCatalogSpec() {
    CommandSpec spec = importSpec("catalog", formatList(catalogFormats()), "catalog");
    spec.options.insert(spec.options.begin() + 2,
                        {"mapping", "FILE",
                         "--format csv only: the column mapping as JSON (without it, the "
                         "mapping is guessed from the header and shown as a warning)"});
    return spec;
}

CommandSpec importEventsSpec() {
    return importSpec("events", formatList(eventFormats()), "events");
}

int runImportCatalog(const ParsedArgs& args) {
    const auto found = catalogFormats().find(*args.value("format"));
    if (!checkArgs(args, importCatalogSpec(), formatList(catalogFormats()),
                   found != catalogFormats().end()))
        return kExitUsage;
    const auto mappingPath = args.value("mapping");
    if (!mappingPath)
        return runImport(args, "catalog", found->second, saveCatalogImport);
    if (found->first != "csv") {
        printError("--mapping applies to --format csv only");
        std::cerr << usage(importCatalogSpec());
        return kExitUsage;
    }
    auto mapping = readMappingFile(*mappingPath);
    if (!mapping) {
        printError(mapping.status().message());
        return kExitFailure;
    }
    const CatalogImporter withMapping =
        [m = *mapping](std::istream& in, const ImportOptions& options, const RunControl& control) {
            return importGenericCatalogCsv(in, m, options, control);
        };
    return runImport(args, "catalog", withMapping, saveCatalogImport);
}

int runImportEvents(const ParsedArgs& args) {
    const auto found = eventFormats().find(*args.value("format"));
    if (!checkArgs(args, importEventsSpec(), formatList(eventFormats()),
                   found != eventFormats().end()))
        return kExitUsage;
    return runImport(args, "events", found->second, saveEventImport);
}

} // namespace merch::cli
