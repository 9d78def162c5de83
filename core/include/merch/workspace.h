// Workspace: one SQLite file per store (*.merchsim). The only place store data is persisted.
//
// Not thread-safe: each thread opens its own Workspace on the same path (one connection per
// thread). Every write happens inside a StoreWriter transaction, so a failure, a cancel or a
// crash leaves the file as it was before the write began.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "merch/event.h"
#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/status.h"
#include "merch/store_summary.h"

struct sqlite3;

namespace merch {

class StoreWriter;

// A rejected row as the workspace keeps it (see import.h for how importers produce them).
struct RejectedRowRecord {
    std::string file;
    std::int64_t line = 0;
    int column = 0;
    std::string reason;
    std::string raw;
};

// What a write does with the data already in the workspace.
struct WriteOptions {
    bool replaceCatalog = false;         // delete all products and variants first
    bool replaceEvents = false;          // delete all events, sessions and identities first
    bool updateExistingProducts = false; // a product id already present is updated (its
                                         // variants replaced) instead of refused
};

// One entry of the import log, written in the same transaction as the imported rows.
struct ImportLogEntry {
    std::string file;   // the file name as the user chose it
    std::string format; // "shopify", "generic", ...
    std::string kind;   // "catalog" or "events"
    std::string mode;   // "append" or "replace"
    std::string encoding;
    std::string contentHash;
    std::int64_t imported = 0;
    std::int64_t rejected = 0;
    std::int64_t warnings = 0;
};

// A past import, as the log holds it.
struct ImportRecord {
    std::int64_t id = 0;
    std::int64_t startedAt = 0; // unix seconds
    ImportLogEntry entry;
};

class Workspace {
public:
    // The schema this build writes. Older files are migrated on open; newer ones are refused.
    static constexpr int kSchemaVersion = 3;
    // PRAGMA application_id of every workspace ("MSIM").
    static constexpr std::int32_t kApplicationId = 0x4D53494D;

    // Creates a new, empty workspace. Fails when a file already exists at path.
    static Result<std::unique_ptr<Workspace>> create(const std::string& path);
    // Opens an existing workspace, migrating an older schema. A file that is not a workspace,
    // has a newer schema or fails the integrity check is refused and left untouched.
    static Result<std::unique_ptr<Workspace>> open(const std::string& path);
    // Brings a fresh database at `path` up to `version` only; used by migration tests.
    static Result<std::unique_ptr<Workspace>> createAtVersion(const std::string& path, int version);

    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    const std::string& path() const { return m_path; }
    int schemaVersion() const;

    // Starts a transaction for a bulk write. Only one writer may be open at a time.
    Result<std::unique_ptr<StoreWriter>> beginWrite(const WriteOptions& options = {});

    Result<StoreSummary> summary() const;
    Result<std::vector<Product>> loadProducts() const;
    // Events in timestamp order; `limit` < 0 means all.
    Result<std::vector<Event>> loadEvents(std::int64_t limit = -1) const;

    // The import log, newest first; `contentHash` filters to imports of that content.
    Result<std::vector<ImportRecord>> imports(const std::string& contentHash = {}) const;
    // Rejected rows of one import, in file order.
    Result<std::vector<RejectedRowRecord>> rejectedRows(std::int64_t importId) const;

    // Free-form settings kept in the workspace ("demo.seed" -> "42").
    Status setMeta(const std::string& key, const std::string& value);
    Result<std::string> meta(const std::string& key) const; // NotFound when absent

    // Writes a compacted copy of the workspace to `path` (replacing a file there atomically).
    Status saveCopyAs(const std::string& path) const;

    sqlite3* handle() const { return m_db; } // for the writer and tests; not for callers

private:
    Workspace(sqlite3* db, std::string path)
        : m_db(db)
        , m_path(std::move(path)) {}
    sqlite3* m_db = nullptr;
    std::string m_path;
    bool m_writerOpen = false;
    friend class StoreWriter;
};

// A bulk write in one transaction with prepared statements. Add rows, then commit(); a writer
// destroyed without commit() rolls everything back. Sessions and identities are derived from the
// events as they arrive.
class StoreWriter {
public:
    ~StoreWriter();
    StoreWriter(const StoreWriter&) = delete;
    StoreWriter& operator=(const StoreWriter&) = delete;

    // Fails with InvalidArgument on a duplicate product id (unless updateExistingProducts).
    Status addProduct(const Product& product);
    // Logs an import; events added afterwards remember it. Returns the import's id.
    Result<std::int64_t> logImport(const ImportLogEntry& entry);
    Status addRejectedRow(std::int64_t importId, const RejectedRowRecord& row);
    Status addEvent(const Event& event);
    Status commit();
    void rollback();

    std::int64_t productsAdded() const { return m_productsAdded; }
    std::int64_t eventsAdded() const { return m_eventsAdded; }

private:
    friend class Workspace;
    struct Impl;
    explicit StoreWriter(Workspace& workspace);
    Status begin(const WriteOptions& options);

    Workspace& m_workspace;
    std::unique_ptr<Impl> m_impl;
    bool m_active = false;
    std::int64_t m_productsAdded = 0;
    std::int64_t m_eventsAdded = 0;
    std::int64_t m_importId = 0; // 0: events are not tied to an import
    bool m_updateExistingProducts = false;
};

} // namespace merch
