#include "search/fts5_baseline.h"

#include <sqlite3.h>

#include <cctype>

namespace merch::search {

Fts5Baseline::~Fts5Baseline() {
    sqlite3_finalize(m_query);
    sqlite3_close(m_db);
}

namespace {

Status sqliteError(sqlite3* db, const std::string& what) {
    return Status::error(StatusCode::IoError, what + ": " + sqlite3_errmsg(db));
}

} // namespace

Status Fts5Baseline::build(const std::vector<Product>& catalog) {
    if (sqlite3_open(":memory:", &m_db) != SQLITE_OK)
        return Status::error(StatusCode::IoError, "cannot open an in-memory SQLite database");
    if (sqlite3_exec(m_db,
                     "CREATE VIRTUAL TABLE docs USING fts5(title, description, attributes);"
                     "BEGIN;",
                     nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(m_db, "FTS5 is not available");
    sqlite3_stmt* insert = nullptr;
    if (sqlite3_prepare_v2(m_db,
                           "INSERT INTO docs(rowid, title, description, attributes) "
                           "VALUES (?, ?, ?, ?)",
                           -1, &insert, nullptr) != SQLITE_OK)
        return sqliteError(m_db, "FTS5 insert");
    for (std::size_t i = 0; i < catalog.size(); ++i) {
        const auto& p = catalog[i];
        std::string attributes = p.category + " " + p.subcategory + " " + p.brand + " " + p.color +
                                 " " + p.material + " " + p.tags;
        sqlite3_bind_int64(insert, 1, sqlite3_int64(i) + 1);
        sqlite3_bind_text(insert, 2, p.title.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, p.description.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 4, attributes.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(insert) != SQLITE_DONE) {
            sqlite3_finalize(insert);
            return sqliteError(m_db, "FTS5 insert");
        }
        sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    if (sqlite3_exec(m_db, "COMMIT;", nullptr, nullptr, nullptr) != SQLITE_OK)
        return sqliteError(m_db, "FTS5 commit");
    if (sqlite3_prepare_v2(m_db,
                           "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                           -1, &m_query, nullptr) != SQLITE_OK)
        return sqliteError(m_db, "FTS5 query");
    return Status::ok();
}

Result<std::vector<int>> Fts5Baseline::search(const std::string& query, bool allWords,
                                              int n) const {
    // Words as FTS5's unicode61 tokenizer sees them (ASCII letters and digits; other bytes
    // kept), each quoted so that no query word is read as FTS5 syntax.
    std::string expression, word;
    const auto flush = [&] {
        if (word.empty())
            return;
        if (!expression.empty())
            expression += allWords ? " " : " OR ";
        expression += "\"" + word + "\"";
        word.clear();
    };
    for (char ch : query) {
        const unsigned char c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) || c >= 0x80)
            word += char(std::tolower(c));
        else
            flush();
    }
    flush();
    std::vector<int> out;
    if (expression.empty())
        return out;
    sqlite3_reset(m_query);
    sqlite3_bind_text(m_query, 1, expression.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(m_query, 2, n);
    int rc;
    while ((rc = sqlite3_step(m_query)) == SQLITE_ROW)
        out.push_back(int(sqlite3_column_int64(m_query, 0) - 1));
    if (rc != SQLITE_DONE)
        return sqliteError(m_db, "FTS5 search");
    return out;
}

} // namespace merch::search
