#include "workspace/sqlite_util.h"

namespace merch::sql {

Status errorStatus(sqlite3* db, int rc, std::string_view doing) {
    const int primary = rc & 0xFF;
    StatusCode code = StatusCode::IoError;
    if (primary == SQLITE_CORRUPT)
        code = StatusCode::Corrupted;
    else if (primary == SQLITE_NOTADB)
        code = StatusCode::NotAWorkspace;
    else if (primary == SQLITE_CONSTRAINT || primary == SQLITE_MISMATCH)
        code = StatusCode::InvalidArgument;
    std::string message(doing);
    message += ": ";
    message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return Status::error(code, std::move(message));
}

Status exec(sqlite3* db, std::string_view sql, std::string_view doing) {
    const std::string text(sql);
    const int rc = sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return errorStatus(db, rc, doing);
    return Status::ok();
}

Statement& Statement::operator=(Statement&& other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = other.m_stmt;
        m_db = other.m_db;
        other.m_stmt = nullptr;
    }
    return *this;
}

Statement::~Statement() {
    sqlite3_finalize(m_stmt);
}

Result<Statement> Statement::prepare(sqlite3* db, std::string_view sql) {
    Statement statement;
    statement.m_db = db;
    const int rc = sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &statement.m_stmt, nullptr);
    if (rc != SQLITE_OK)
        return errorStatus(db, rc, "preparing a query");
    return statement;
}

void Statement::bind(int index, std::string_view text) {
    // A null destructor is SQLITE_STATIC: the caller's text outlives the step that reads it.
    sqlite3_bind_text(m_stmt, index, text.data(), int(text.size()), nullptr);
}

void Statement::bindOptional(int index, std::string_view text) {
    if (text.empty())
        sqlite3_bind_null(m_stmt, index);
    else
        bind(index, text);
}

Status Statement::run(std::string_view doing) {
    int rc = step();
    while (rc == SQLITE_ROW)
        rc = step();
    reset();
    if (rc != SQLITE_DONE)
        return errorStatus(m_db, rc, doing);
    return Status::ok();
}

std::string Statement::text(int column) const {
    const auto* data = sqlite3_column_text(m_stmt, column);
    if (!data)
        return {};
    return std::string(reinterpret_cast<const char*>(data),
                       std::size_t(sqlite3_column_bytes(m_stmt, column)));
}

Result<std::int64_t> queryInt(sqlite3* db, std::string_view sql) {
    auto statement = Statement::prepare(db, sql);
    if (!statement)
        return statement.status();
    const int rc = statement->step();
    if (rc == SQLITE_ROW)
        return statement->int64(0);
    if (rc == SQLITE_DONE)
        return std::int64_t{0};
    return errorStatus(db, rc, "reading a value");
}

} // namespace merch::sql
