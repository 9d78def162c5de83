// Import benchmark: a 1M-row generic events CSV and a 100k-product Shopify CSV, parsed and saved
// into a workspace (targets: at most 5 s and 3 s on the 2-core machine), with peak memory.
// run_import_benchmark.sh runs pandas read_csv + to_sql on the same files for the ratio.
// Usage: bench_import --write DIR        writes events_1m.csv and shopify_100k.csv into DIR
//        bench_import DIR                 imports them and prints figures
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>

#include "bench_support.h"
#include "merch/catalog_importers.h"
#include "merch/event_importers.h"
#include "merch/import_store.h"
#include "util/rng.h"

using namespace merch;

namespace {

constexpr int kEvents = 1'000'000;
constexpr int kProducts = 100'000;

void writeEvents(const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    out << "timestamp,session_id,visitor_id,customer_id,event,product_id,list,position,query,"
           "price,quantity,order_id\n";
    Rng rng(7);
    const char* types[] = {"list_view", "list_view",   "list_view", "view",
                           "view",      "add_to_cart", "search",    "purchase"};
    for (int i = 0; i < kEvents; ++i) {
        const int session = i / 9;
        const char* type = types[rng.below(8)];
        const bool priced = type[0] == 'p' || type[0] == 'a';
        out << 1767571200 + i * 2 << ",s" << session << ",v" << session / 3 << ','
            << (session % 4 == 0 ? "c" + std::to_string(session / 12) : std::string()) << ','
            << type << ",p" << rng.below(20000) << ',' << (type[0] == 'l' ? "category:Hoodies" : "")
            << ',' << (type[0] == 'l' ? std::to_string(1 + rng.below(24)) : std::string()) << ','
            << (type[0] == 's' ? "\"navy hoodie, large\"" : "") << ',' << (priced ? "64.95" : "")
            << ',' << (priced ? "1" : "") << ','
            << (type[0] == 'p' ? "o" + std::to_string(session) : "") << '\n';
    }
}

void writeShopify(const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    out << "Handle,Title,Body (HTML),Vendor,Product Category,Type,Tags,Published,Option1 Name,"
           "Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Inventory Qty,"
           "Variant Price,Variant Barcode,Image Src,Status\n";
    Rng rng(8);
    const char* sizes[] = {"S", "M", "L"};
    for (int i = 0; i < kProducts; ++i) {
        const std::string handle = "product-" + std::to_string(i);
        const int variants = 1 + rng.below(3);
        for (int v = 0; v < variants; ++v) {
            if (v == 0)
                out << handle << ",\"Relaxed Organic Cotton Hoodie " << i
                    << "\",\"<p>A heavyweight hoodie, brushed inside, with a \"\"kangaroo\"\" "
                       "pocket.</p>\",Northwind,Apparel & Accessories > Clothing,Hoodies,"
                       "\"hoodies, organic\",TRUE,Size,";
            else
                out << handle << ",,,,,,,,,";
            out << sizes[v] << ",Color,Navy," << handle << "-" << sizes[v] << "," << rng.below(40)
                << "," << 40 + rng.below(60) << ".95,0860001" << 100000 + i << ","
                << (v == 0 ? "https://cdn.example/" + handle + ".jpg" : "") << ",active\n";
        }
    }
}

template <typename ImportFn, typename SaveFn>
void measure(const char* label, const std::string& file, ImportFn importFn, SaveFn saveFn,
             double target) {
    const std::string workspacePath = bench::scratchPath("bench_import.merchsim");
    bench::removeScratch(workspacePath);
    bench::Stopwatch total;
    std::ifstream in(file, std::ios::binary);
    ImportOptions options;
    options.fileName = file;
    bench::Stopwatch parse;
    auto imported = importFn(in, options, RunControl{});
    const double parseSeconds = parse.seconds();
    if (!imported) {
        std::fprintf(stderr, "%s\n", imported.status().toString().c_str());
        return;
    }
    auto workspace = Workspace::create(workspacePath);
    bench::Stopwatch save;
    auto saved = saveFn(**workspace, *imported, ImportMode::Replace, RunControl{});
    const double saveSeconds = save.seconds();
    const double seconds = total.seconds();
    if (!saved) {
        std::fprintf(stderr, "%s\n", saved.status().toString().c_str());
        return;
    }
    std::printf(
        "%-22s %8.3f s total (parse %.3f s, save %.3f s)  %9.0f rows/s  %lld imported, "
        "%lld rejected  (target <= %.0f s)\n",
        label, seconds, parseSeconds, saveSeconds, double(imported->report.rowsRead) / seconds,
        static_cast<long long>(saved->imported), static_cast<long long>(saved->rejected), target);
    std::printf("%-22s %8.1f MiB peak memory so far\n", "", bench::peakMemoryMiB());
    workspace->reset();
    bench::removeScratch(workspacePath);
}

} // namespace

int main(int argc, char** argv) {
    if (argc == 3 && std::strcmp(argv[1], "--write") == 0) {
        writeEvents(std::string(argv[2]) + "/events_1m.csv");
        writeShopify(std::string(argv[2]) + "/shopify_100k.csv");
        return 0;
    }
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_import --write DIR | bench_import DIR\n");
        return 2;
    }
    const std::string dir = argv[1];
    measure("shopify 100k products", dir + "/shopify_100k.csv", importShopifyCatalog,
            saveCatalogImport, 3);
    measure("events 1M rows", dir + "/events_1m.csv", importGenericEvents, saveEventImport, 5);
    return 0;
}
