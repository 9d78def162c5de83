// The SQLite FTS5 reference: an in-memory FTS5 table over title, description and attributes,
// queried with every word required (AND) or any word (OR), ordered by FTS5's bm25().
#pragma once

#include <string>
#include <vector>

#include "merch/product.h"
#include "merch/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace merch::search {

class Fts5Baseline {
public:
    Fts5Baseline() = default;
    ~Fts5Baseline();
    Fts5Baseline(const Fts5Baseline&) = delete;
    Fts5Baseline& operator=(const Fts5Baseline&) = delete;

    Status build(const std::vector<Product>& catalog);
    // Product indexes, best first; at most n.
    Result<std::vector<int>> search(const std::string& query, bool allWords, int n) const;

private:
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_query = nullptr;
};

} // namespace merch::search
