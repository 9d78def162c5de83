#include "workspace/schema.h"

#include <array>
#include <string>
#include <string_view>

#include "merch/workspace.h"
#include "workspace/sqlite_util.h"

namespace merch::schema {

namespace {

// Version 1: the store itself (catalog, behaviour, identities) and free-form settings.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE products (
    id          INTEGER PRIMARY KEY,
    product_key TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL DEFAULT '',
    description TEXT,
    category    TEXT,
    subcategory TEXT,
    brand       TEXT,
    color       TEXT,
    material    TEXT,
    tags        TEXT,
    image_url   TEXT,
    gtin        TEXT,
    price       REAL NOT NULL DEFAULT 0,
    consumable  INTEGER NOT NULL DEFAULT 0 CHECK (consumable IN (0, 1))
);

CREATE TABLE variants (
    id         INTEGER PRIMARY KEY,
    product_id INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
    sku        TEXT,
    color      TEXT,
    size       TEXT,
    price      REAL NOT NULL DEFAULT 0,
    inventory  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX variants_product ON variants(product_id);

CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    session_key TEXT NOT NULL UNIQUE,
    visitor_id  TEXT,
    customer_id TEXT,
    started_at  INTEGER NOT NULL,
    ended_at    INTEGER NOT NULL,
    event_count INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_started ON sessions(started_at);

CREATE TABLE events (
    id          INTEGER PRIMARY KEY,
    ts          INTEGER NOT NULL,
    session_id  INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    visitor_id  TEXT,
    customer_id TEXT,
    type        INTEGER NOT NULL CHECK (type BETWEEN 0 AND 9),
    product_key TEXT,
    list        TEXT,
    position    INTEGER,
    query       TEXT,
    price       REAL,
    quantity    INTEGER,
    order_id    TEXT
);
CREATE INDEX events_session ON events(session_id);
CREATE INDEX events_ts ON events(ts);

CREATE TABLE identities (
    visitor_id  TEXT NOT NULL,
    customer_id TEXT NOT NULL,
    first_seen  INTEGER NOT NULL,
    PRIMARY KEY (visitor_id, customer_id)
) WITHOUT ROWID;
)sql";

// Version 2: what users and models produce: import log with rejected rows, model runs,
// scenarios and their results.
constexpr std::string_view kVersion2 = R"sql(
CREATE TABLE imports (
    id         INTEGER PRIMARY KEY,
    started_at INTEGER NOT NULL,
    file       TEXT NOT NULL,
    format     TEXT NOT NULL,
    kind       TEXT NOT NULL CHECK (kind IN ('catalog', 'events')),
    imported   INTEGER NOT NULL DEFAULT 0,
    rejected   INTEGER NOT NULL DEFAULT 0,
    warnings   INTEGER NOT NULL DEFAULT 0,
    status     TEXT NOT NULL
);

CREATE TABLE rejected_rows (
    id        INTEGER PRIMARY KEY,
    import_id INTEGER NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
    line      INTEGER NOT NULL,
    col       INTEGER NOT NULL,
    reason    TEXT NOT NULL,
    raw       TEXT NOT NULL
);
CREATE INDEX rejected_rows_import ON rejected_rows(import_id);

CREATE TABLE model_runs (
    id           INTEGER PRIMARY KEY,
    model        TEXT NOT NULL,
    trained_at   INTEGER NOT NULL,
    params_json  TEXT NOT NULL,
    metrics_json TEXT NOT NULL
);

CREATE TABLE scenarios (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    name        TEXT NOT NULL,
    params_json TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    UNIQUE (kind, name)
);

CREATE TABLE results (
    id          INTEGER PRIMARY KEY,
    scenario_id INTEGER REFERENCES scenarios(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    result_json TEXT NOT NULL
);
)sql";

// Version 3: imports remember their file's content and mode, so the same file is not appended
// twice; events remember the import they came from; products keep their taxonomy path and
// publishing status.
constexpr std::string_view kVersion3 = R"sql(
ALTER TABLE imports ADD COLUMN content_hash TEXT;
ALTER TABLE imports ADD COLUMN mode TEXT NOT NULL DEFAULT 'append';
ALTER TABLE imports ADD COLUMN encoding TEXT;
ALTER TABLE rejected_rows ADD COLUMN file TEXT;
ALTER TABLE events ADD COLUMN import_id INTEGER REFERENCES imports(id) ON DELETE SET NULL;
ALTER TABLE products ADD COLUMN taxonomy TEXT;
ALTER TABLE products ADD COLUMN status TEXT;
CREATE INDEX imports_content ON imports(content_hash);
)sql";

constexpr std::array<std::string_view, 3> kMigrations = {kVersion1, kVersion2, kVersion3};
static_assert(kMigrations.size() == Workspace::kSchemaVersion,
              "every schema version needs its migration");

} // namespace

Status migrate(sqlite3* db, int target) {
    auto current = sql::queryInt(db, "PRAGMA user_version");
    if (!current)
        return current.status();
    if (target < 0 || target > int(kMigrations.size()))
        return Status::invalidArgument("schema version " + std::to_string(target) +
                                       " is not one this build knows");
    for (int version = int(*current) + 1; version <= target; ++version) {
        const std::string doing = "migrating the workspace to schema " + std::to_string(version);
        if (auto status = sql::exec(db, "BEGIN IMMEDIATE", doing); !status)
            return status;
        std::string script(kMigrations[std::size_t(version - 1)]);
        script += "\nPRAGMA user_version = " + std::to_string(version) + ";";
        if (auto status = sql::exec(db, script, doing); !status) {
            (void)sql::exec(db, "ROLLBACK", doing);
            return status;
        }
        if (auto status = sql::exec(db, "COMMIT", doing); !status) {
            (void)sql::exec(db, "ROLLBACK", doing);
            return status;
        }
    }
    return Status::ok();
}

} // namespace merch::schema
