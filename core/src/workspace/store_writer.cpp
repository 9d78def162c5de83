#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "merch/workspace.h"
#include "workspace/sqlite_util.h"

namespace merch {

namespace {

struct SessionAggregate {
    std::int64_t rowId = 0;
    std::string visitorId;
    std::string customerId;
    std::int64_t startedAt = 0;
    std::int64_t endedAt = 0;
    std::int64_t eventCount = 0;
};

} // namespace

struct StoreWriter::Impl {
    sqlite3* db = nullptr;
    sql::Statement insertProduct;
    sql::Statement insertVariant;
    sql::Statement insertEvent;
    sql::Statement findSession;
    sql::Statement insertSession;
    sql::Statement updateSession;
    sql::Statement insertIdentity;
    sql::Statement upsertProduct;
    sql::Statement deleteVariants;
    sql::Statement insertImport;
    sql::Statement insertRejected;
    std::unordered_map<std::string, SessionAggregate> sessions;
    bool rebuildEventIndexes = false;
    // "visitor\x1fcustomer" -> first time the pair was seen in this write
    std::unordered_map<std::string, std::int64_t> identities;

    Status prepareAll();
    Result<SessionAggregate*> session(const Event& event);
    Status flushSessions();
    Status flushIdentities();
};

Status StoreWriter::Impl::prepareAll() {
    struct Entry {
        sql::Statement* target;
        const char* text;
    };
    const Entry entries[] = {
        {&insertProduct,
         "INSERT INTO products(product_key, title, description, category, subcategory, brand, "
         "color, material, tags, image_url, gtin, price, consumable, taxonomy, status) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"},
        {&upsertProduct,
         "INSERT INTO products(product_key, title, description, category, subcategory, brand, "
         "color, material, tags, image_url, gtin, price, consumable, taxonomy, status) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(product_key) DO UPDATE "
         "SET title = excluded.title, description = excluded.description, "
         "category = excluded.category, subcategory = excluded.subcategory, "
         "brand = excluded.brand, color = excluded.color, material = excluded.material, "
         "tags = excluded.tags, image_url = excluded.image_url, gtin = excluded.gtin, "
         "price = excluded.price, consumable = excluded.consumable, "
         "taxonomy = excluded.taxonomy, status = excluded.status RETURNING id"},
        {&deleteVariants, "DELETE FROM variants WHERE product_id = ?"},
        {&insertImport,
         "INSERT INTO imports(started_at, file, format, kind, imported, rejected, warnings, "
         "status, content_hash, mode, encoding) "
         "VALUES (strftime('%s', 'now'), ?, ?, ?, ?, ?, ?, 'ok', ?, ?, ?)"},
        {&insertRejected, "INSERT INTO rejected_rows(import_id, line, col, reason, raw, file) "
                          "VALUES (?, ?, ?, ?, ?, ?)"},
        {&insertVariant, "INSERT INTO variants(product_id, sku, color, size, price, inventory) "
                         "VALUES (?, ?, ?, ?, ?, ?)"},
        {&insertEvent,
         "INSERT INTO events(ts, session_id, visitor_id, customer_id, type, product_key, list, "
         "position, query, price, quantity, order_id, import_id) "
         "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&findSession, "SELECT id, visitor_id, customer_id, started_at, ended_at, event_count "
                       "FROM sessions WHERE session_key = ?"},
        {&insertSession,
         "INSERT INTO sessions(session_key, started_at, ended_at) VALUES (?, ?, ?)"},
        {&updateSession, "UPDATE sessions SET visitor_id = ?, customer_id = ?, started_at = ?, "
                         "ended_at = ?, event_count = ? WHERE id = ?"},
        {&insertIdentity, "INSERT INTO identities(visitor_id, customer_id, first_seen) "
                          "VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET "
                          "first_seen = min(first_seen, excluded.first_seen)"},
    };
    for (const auto& entry : entries) {
        auto statement = sql::Statement::prepare(db, entry.text);
        if (!statement)
            return statement.status();
        *entry.target = std::move(statement).value();
    }
    return Status::ok();
}

Result<SessionAggregate*> StoreWriter::Impl::session(const Event& event) {
    if (auto found = sessions.find(event.sessionId); found != sessions.end())
        return &found->second;
    SessionAggregate aggregate;
    findSession.bind(1, event.sessionId);
    const int rc = findSession.step();
    if (rc == SQLITE_ROW) {
        aggregate.rowId = findSession.int64(0);
        aggregate.visitorId = findSession.text(1);
        aggregate.customerId = findSession.text(2);
        aggregate.startedAt = findSession.int64(3);
        aggregate.endedAt = findSession.int64(4);
        aggregate.eventCount = findSession.int64(5);
    }
    findSession.reset();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sql::errorStatus(db, rc, "looking up session " + event.sessionId);
    if (rc == SQLITE_DONE) {
        insertSession.bind(1, event.sessionId);
        insertSession.bind(2, event.timestamp);
        insertSession.bind(3, event.timestamp);
        if (auto status = insertSession.run("adding session " + event.sessionId); !status)
            return status;
        aggregate.rowId = sqlite3_last_insert_rowid(db);
        aggregate.startedAt = aggregate.endedAt = event.timestamp;
    }
    auto [it, inserted] = sessions.emplace(event.sessionId, std::move(aggregate));
    return &it->second;
}

Status StoreWriter::Impl::flushSessions() {
    for (const auto& [key, aggregate] : sessions) {
        updateSession.bindOptional(1, aggregate.visitorId);
        updateSession.bindOptional(2, aggregate.customerId);
        updateSession.bind(3, aggregate.startedAt);
        updateSession.bind(4, aggregate.endedAt);
        updateSession.bind(5, aggregate.eventCount);
        updateSession.bind(6, aggregate.rowId);
        if (auto status = updateSession.run("updating session " + key); !status)
            return status;
    }
    return Status::ok();
}

Status StoreWriter::Impl::flushIdentities() {
    for (const auto& [pair, firstSeen] : identities) {
        const auto split = pair.find('\x1f');
        const std::string_view visitor(pair.data(), split);
        const std::string_view customer(pair.data() + split + 1, pair.size() - split - 1);
        insertIdentity.bind(1, visitor);
        insertIdentity.bind(2, customer);
        insertIdentity.bind(3, firstSeen);
        if (auto status = insertIdentity.run("linking visitor to customer"); !status)
            return status;
    }
    return Status::ok();
}

StoreWriter::StoreWriter(Workspace& workspace)
    : m_workspace(workspace)
    , m_impl(std::make_unique<Impl>()) {
    m_impl->db = workspace.m_db;
}

StoreWriter::~StoreWriter() {
    rollback();
}

Status StoreWriter::begin(const WriteOptions& options) {
    sqlite3* db = m_impl->db;
    if (auto status = m_impl->prepareAll(); !status)
        return status;
    if (auto status = sql::exec(db, "BEGIN IMMEDIATE", "starting a write"); !status)
        return status;
    m_active = true;
    m_workspace.m_writerOpen = true;
    m_updateExistingProducts = options.updateExistingProducts;
    if (options.replaceCatalog) {
        if (auto status = sql::exec(db, "DELETE FROM variants; DELETE FROM products;",
                                    "clearing the catalog");
            !status)
            return status;
    }
    if (options.replaceEvents) {
        // The event indexes are rebuilt in one sorted pass at commit, which is several times
        // quicker than updating them row by row during a bulk load; all inside the transaction.
        if (auto status = sql::exec(db,
                                    "DELETE FROM events; DELETE FROM sessions; "
                                    "DELETE FROM identities; DROP INDEX IF EXISTS events_session; "
                                    "DROP INDEX IF EXISTS events_ts;",
                                    "clearing events and sessions");
            !status)
            return status;
        m_impl->rebuildEventIndexes = true;
    }
    return Status::ok();
}

Status StoreWriter::addProduct(const Product& product) {
    if (!m_active)
        return Status::error(StatusCode::Internal, "the write was already finished");
    if (product.id.empty())
        return Status::invalidArgument("a product has no id");
    auto& s = m_updateExistingProducts ? m_impl->upsertProduct : m_impl->insertProduct;
    s.bind(1, product.id);
    s.bind(2, product.title);
    s.bindOptional(3, product.description);
    s.bindOptional(4, product.category);
    s.bindOptional(5, product.subcategory);
    s.bindOptional(6, product.brand);
    s.bindOptional(7, product.color);
    s.bindOptional(8, product.material);
    s.bindOptional(9, product.tags);
    s.bindOptional(10, product.imageUrl);
    s.bindOptional(11, product.gtin);
    s.bind(12, product.price);
    s.bind(13, product.consumable ? 1 : 0);
    s.bindOptional(14, product.taxonomy);
    s.bindOptional(15, product.status);
    const int rc = s.step();
    const std::int64_t rowId = rc == SQLITE_ROW ? s.int64(0) : 0;
    const int done = rc == SQLITE_ROW ? s.step() : rc;
    s.reset();
    if (done != SQLITE_DONE) {
        if ((done & 0xFF) == SQLITE_CONSTRAINT)
            return Status::invalidArgument("duplicate product id " + product.id);
        return sql::errorStatus(m_impl->db, done, "adding product " + product.id);
    }
    if (m_updateExistingProducts) {
        m_impl->deleteVariants.bind(1, rowId);
        if (auto status = m_impl->deleteVariants.run("replacing variants of " + product.id);
            !status)
            return status;
    }
    auto& v = m_impl->insertVariant;
    for (const auto& variant : product.variants) {
        v.bind(1, rowId);
        v.bindOptional(2, variant.sku);
        v.bindOptional(3, variant.color);
        v.bindOptional(4, variant.size);
        v.bind(5, variant.price);
        v.bind(6, variant.inventory);
        if (auto status = v.run("adding a variant of " + product.id); !status)
            return status;
    }
    ++m_productsAdded;
    return Status::ok();
}

Result<std::int64_t> StoreWriter::logImport(const ImportLogEntry& entry) {
    if (!m_active)
        return Status::error(StatusCode::Internal, "the write was already finished");
    auto& s = m_impl->insertImport;
    s.bind(1, entry.file);
    s.bind(2, entry.format);
    s.bind(3, entry.kind);
    s.bind(4, entry.imported);
    s.bind(5, entry.rejected);
    s.bind(6, entry.warnings);
    s.bindOptional(7, entry.contentHash);
    s.bind(8, entry.mode.empty() ? std::string_view("append") : std::string_view(entry.mode));
    s.bindOptional(9, entry.encoding);
    if (auto status = s.run("logging the import of " + entry.file); !status)
        return status;
    m_importId = sqlite3_last_insert_rowid(m_impl->db);
    return m_importId;
}

Status StoreWriter::addRejectedRow(std::int64_t importId, const RejectedRowRecord& row) {
    if (!m_active)
        return Status::error(StatusCode::Internal, "the write was already finished");
    auto& s = m_impl->insertRejected;
    s.bind(1, importId);
    s.bind(2, row.line);
    s.bind(3, row.column);
    s.bind(4, row.reason);
    s.bind(5, row.raw);
    s.bindOptional(6, row.file);
    return s.run("keeping a rejected row");
}

Status StoreWriter::addEvent(const Event& event) {
    if (!m_active)
        return Status::error(StatusCode::Internal, "the write was already finished");
    auto& s = m_impl->insertEvent;
    s.bind(1, event.timestamp);
    if (event.sessionId.empty()) {
        s.bindNull(2);
    } else {
        auto session = m_impl->session(event);
        if (!session)
            return session.status();
        SessionAggregate& aggregate = **session;
        aggregate.startedAt = std::min(aggregate.startedAt, event.timestamp);
        aggregate.endedAt = std::max(aggregate.endedAt, event.timestamp);
        ++aggregate.eventCount;
        if (aggregate.visitorId.empty())
            aggregate.visitorId = event.visitorId;
        if (aggregate.customerId.empty())
            aggregate.customerId = event.customerId;
        s.bind(2, aggregate.rowId);
    }
    s.bindOptional(3, event.visitorId);
    s.bindOptional(4, event.customerId);
    s.bind(5, static_cast<int>(event.type));
    s.bindOptional(6, event.productId);
    s.bindOptional(7, event.list);
    if (event.position > 0)
        s.bind(8, event.position);
    s.bindOptional(9, event.query);
    if (event.type == EventType::AddToCart || event.type == EventType::RemoveFromCart ||
        event.type == EventType::Purchase || event.price != 0.0) {
        s.bind(10, event.price);
        s.bind(11, event.quantity);
    }
    s.bindOptional(12, event.orderId);
    if (m_importId > 0)
        s.bind(13, m_importId);
    if (auto status = s.run("adding an event"); !status)
        return status;
    if (!event.visitorId.empty() && !event.customerId.empty()) {
        std::string key = event.visitorId;
        key += '\x1f';
        key += event.customerId;
        auto [it, inserted] = m_impl->identities.try_emplace(std::move(key), event.timestamp);
        if (!inserted)
            it->second = std::min(it->second, event.timestamp);
    }
    ++m_eventsAdded;
    return Status::ok();
}

Status StoreWriter::commit() {
    if (!m_active)
        return Status::error(StatusCode::Internal, "the write was already finished");
    auto fail = [this](Status status) {
        rollback();
        return status;
    };
    if (auto status = m_impl->flushSessions(); !status)
        return fail(status);
    if (auto status = m_impl->flushIdentities(); !status)
        return fail(status);
    if (m_impl->rebuildEventIndexes) {
        if (auto status =
                sql::exec(m_impl->db,
                          "CREATE INDEX IF NOT EXISTS events_session ON events(session_id);"
                          "CREATE INDEX IF NOT EXISTS events_ts ON events(ts);",
                          "indexing the events");
            !status)
            return fail(status);
    }
    if (auto status = sql::exec(m_impl->db, "COMMIT", "saving the write"); !status)
        return fail(status);
    m_active = false;
    m_workspace.m_writerOpen = false;
    return Status::ok();
}

void StoreWriter::rollback() {
    if (!m_active)
        return;
    (void)sql::exec(m_impl->db, "ROLLBACK", "undoing the write");
    m_active = false;
    m_workspace.m_writerOpen = false;
}

} // namespace merch
