// Bulk insert of 1M events into a workspace (target: at most 5 s and 500 MB peak on the 2-core
// machine), against a reference in the same process: the same rows through one bare prepared
// INSERT into an index-free table, i.e. what SQLite itself costs without our session and
// identity derivation or indexes.
// Usage: bench_workspace_insert [--events N]
#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "bench_support.h"
#include "merch/workspace.h"
#include "util/rng.h"

using namespace merch;

namespace {

// Fills `e` with the i-th synthetic event: sessions of ~10 events, 1 in 4 visitors logged in.
void makeEvent(std::int64_t i, Rng& rng, Event& e) {
    const std::int64_t session = i / 10;
    e.timestamp = 1'767'571'200 + i * 3;
    e.sessionId = "s" + std::to_string(session);
    e.visitorId = "v" + std::to_string(session / 3);
    e.customerId = session % 4 == 0 ? "c" + std::to_string(session / 12) : std::string();
    const int roll = rng.below(100);
    e.type = roll < 65   ? EventType::ListView
             : roll < 85 ? EventType::View
             : roll < 93 ? EventType::AddToCart
             : roll < 97 ? EventType::Search
                         : EventType::Purchase;
    e.productId = "p" + std::to_string(rng.below(20000));
    e.list = e.type == EventType::ListView ? "category:Hoodies" : std::string();
    e.position = e.type == EventType::ListView ? 1 + rng.below(24) : 0;
    e.query = e.type == EventType::Search ? "navy hoodie" : std::string();
    e.price = e.type == EventType::Purchase || e.type == EventType::AddToCart ? 64.95 : 0.0;
    e.quantity = e.price > 0 ? 1 : 0;
    e.orderId = e.type == EventType::Purchase ? "o" + std::to_string(session) : std::string();
}

double insertWithWorkspace(const std::string& path, std::int64_t count) {
    bench::removeScratch(path);
    bench::Stopwatch watch;
    auto workspace = Workspace::create(path);
    if (!workspace)
        return -1;
    auto writer = (*workspace)->beginWrite();
    if (!writer)
        return -1;
    Rng rng(1);
    Event e;
    for (std::int64_t i = 0; i < count; ++i) {
        makeEvent(i, rng, e);
        if (!(*writer)->addEvent(e).isOk())
            return -1;
    }
    if (!(*writer)->commit().isOk())
        return -1;
    return watch.seconds();
}

double insertBare(const std::string& path, std::int64_t count) {
    bench::removeScratch(path);
    bench::Stopwatch watch;
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_exec(db,
                 "CREATE TABLE events(ts INTEGER, session TEXT, visitor TEXT, customer TEXT, "
                 "type INTEGER, product TEXT, list TEXT, position INTEGER, query TEXT, "
                 "price REAL, quantity INTEGER, order_id TEXT); BEGIN;",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", -1, &insert,
                       nullptr);
    const auto text = [&](int index, const std::string& value) {
        if (value.empty())
            sqlite3_bind_null(insert, index);
        else
            sqlite3_bind_text(insert, index, value.data(), int(value.size()), nullptr);
    };
    Rng rng(1);
    Event e;
    for (std::int64_t i = 0; i < count; ++i) {
        makeEvent(i, rng, e);
        sqlite3_bind_int64(insert, 1, e.timestamp);
        text(2, e.sessionId);
        text(3, e.visitorId);
        text(4, e.customerId);
        sqlite3_bind_int(insert, 5, int(e.type));
        text(6, e.productId);
        text(7, e.list);
        sqlite3_bind_int(insert, 8, e.position);
        text(9, e.query);
        sqlite3_bind_double(insert, 10, e.price);
        sqlite3_bind_int(insert, 11, e.quantity);
        text(12, e.orderId);
        sqlite3_step(insert);
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return watch.seconds();
}

} // namespace

int main(int argc, char** argv) {
    std::int64_t count = 1'000'000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--events") == 0)
            count = std::stoll(argv[i + 1]);
    }
    const std::string ours = bench::scratchPath("bench_insert.merchsim");
    const std::string bare = bench::scratchPath("bench_insert_bare.sqlite");

    const double workspaceSeconds = insertWithWorkspace(ours, count);
    const double workspacePeak = bench::peakMemoryMiB();
    const double bareSeconds = insertBare(bare, count);
    bench::removeScratch(ours);
    bench::removeScratch(bare);
    if (workspaceSeconds < 0) {
        std::fprintf(stderr, "workspace insert failed\n");
        return 1;
    }
    std::printf("events                  %lld (sessions of 10, %d%% logged in)\n",
                static_cast<long long>(count), 25);
    std::printf("workspace bulk insert   %8.3f s  %10.0f events/s  (target <= 5 s)\n",
                workspaceSeconds, double(count) / workspaceSeconds);
    std::printf("  peak memory           %8.1f MiB                 (target <= 500 MB)\n",
                workspacePeak);
    std::printf("reference: bare SQLite  %8.3f s  %10.0f events/s  (no indexes, no sessions)\n",
                bareSeconds, double(count) / bareSeconds);
    std::printf("ratio workspace/bare    %8.2f x\n", workspaceSeconds / bareSeconds);
    return 0;
}
