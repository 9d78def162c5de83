// Thin RAII helpers over SQLite's C API, internal to the workspace.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "merch/status.h"

namespace merch::sql {

// A Status from the connection's last error, prefixed with what we were doing.
Status errorStatus(sqlite3* db, int rc, std::string_view doing);
// Runs one or more statements without results.
Status exec(sqlite3* db, std::string_view sql, std::string_view doing);

// A prepared statement, reset after each step cycle. Bind indexes are 1-based.
class Statement {
public:
    Statement() = default;
    Statement(Statement&& other) noexcept
        : m_stmt(other.m_stmt)
        , m_db(other.m_db) {
        other.m_stmt = nullptr;
    }
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    static Result<Statement> prepare(sqlite3* db, std::string_view sql);

    void bind(int index, std::int64_t value) { sqlite3_bind_int64(m_stmt, index, value); }
    void bind(int index, int value) { sqlite3_bind_int(m_stmt, index, value); }
    void bind(int index, double value) { sqlite3_bind_double(m_stmt, index, value); }
    // The text must stay alive until the statement has been stepped (bound without a copy).
    void bind(int index, std::string_view text);
    // Binds NULL for an empty string, so absent values stay NULL in the file.
    void bindOptional(int index, std::string_view text);
    void bindNull(int index) { sqlite3_bind_null(m_stmt, index); }

    // SQLITE_ROW, SQLITE_DONE or an error code.
    int step() { return sqlite3_step(m_stmt); }
    // Steps to completion and resets; errors become a Status.
    Status run(std::string_view doing);
    void reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }

    std::int64_t int64(int column) const { return sqlite3_column_int64(m_stmt, column); }
    double real(int column) const { return sqlite3_column_double(m_stmt, column); }
    std::string text(int column) const;
    bool isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

    sqlite3_stmt* get() const { return m_stmt; }

private:
    sqlite3_stmt* m_stmt = nullptr;
    sqlite3* m_db = nullptr;
};

// One value from a single-row query, e.g. "PRAGMA user_version".
Result<std::int64_t> queryInt(sqlite3* db, std::string_view sql);

} // namespace merch::sql
