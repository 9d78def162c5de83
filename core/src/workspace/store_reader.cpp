// The read side of Workspace: summaries and in-memory copies of the catalog and events.
#include <sqlite3.h>

#include <algorithm>
#include <map>

#include "merch/workspace.h"
#include "workspace/sqlite_util.h"

namespace merch {

namespace {
constexpr std::int64_t kSecondsPerDay = 86400;

std::int64_t floorDay(std::int64_t timestamp) {
    std::int64_t day = timestamp / kSecondsPerDay;
    if (timestamp < 0 && timestamp % kSecondsPerDay != 0)
        --day;
    return day;
}
} // namespace

Result<StoreSummary> Workspace::summary() const {
    StoreSummary summary;
    const std::pair<std::int64_t*, const char*> counts[] = {
        {&summary.products, "SELECT count(*) FROM products"},
        {&summary.variants, "SELECT count(*) FROM variants"},
        {&summary.sessions, "SELECT count(*) FROM sessions"},
        {&summary.events, "SELECT count(*) FROM events"},
        {&summary.firstEvent, "SELECT coalesce(min(ts), 0) FROM events"},
        {&summary.lastEvent, "SELECT coalesce(max(ts), 0) FROM events"},
    };
    for (const auto& [target, query] : counts) {
        auto value = sql::queryInt(m_db, query);
        if (!value)
            return value.status();
        *target = *value;
    }

    auto totals = sql::Statement::prepare(
        m_db, "SELECT count(DISTINCT visitor_id), count(DISTINCT customer_id), "
              "count(DISTINCT CASE WHEN type = 5 THEN order_id END), "
              "total(CASE WHEN type = 5 THEN price * quantity END) FROM events");
    if (!totals)
        return totals.status();
    if (int rc = totals->step(); rc != SQLITE_ROW)
        return sql::errorStatus(m_db, rc, "summing events");
    summary.visitors = totals->int64(0);
    summary.customers = totals->int64(1);
    summary.orders = totals->int64(2);
    summary.revenue = totals->real(3);

    auto byType = sql::Statement::prepare(m_db, "SELECT type, count(*) FROM events GROUP BY type");
    if (!byType)
        return byType.status();
    int rc = SQLITE_ROW;
    while ((rc = byType->step()) == SQLITE_ROW) {
        const auto type = byType->int64(0);
        if (type >= 0 && type < kEventTypeCount)
            summary.eventsByType[std::size_t(type)] = byType->int64(1);
    }
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "counting events by type");

    auto categories = sql::Statement::prepare(
        m_db, "SELECT coalesce(category, ''), count(*) FROM products GROUP BY 1 "
              "ORDER BY 2 DESC, 1");
    if (!categories)
        return categories.status();
    while ((rc = categories->step()) == SQLITE_ROW)
        summary.categories.push_back({categories->text(0), categories->int64(1)});
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "counting categories");

    auto perDay = sql::Statement::prepare(m_db, "SELECT started_at FROM sessions");
    if (!perDay)
        return perDay.status();
    std::map<std::int64_t, std::int64_t> days;
    while ((rc = perDay->step()) == SQLITE_ROW)
        ++days[floorDay(perDay->int64(0))];
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "counting sessions per day");
    if (!days.empty()) {
        const std::int64_t first = days.begin()->first;
        const std::int64_t last = days.rbegin()->first;
        for (std::int64_t day = first; day <= last; ++day) {
            const auto found = days.find(day);
            summary.sessionsPerDay.push_back(
                {day * kSecondsPerDay, found == days.end() ? 0 : found->second});
        }
    }
    return summary;
}

Result<std::vector<Product>> Workspace::loadProducts() const {
    auto products = sql::Statement::prepare(
        m_db, "SELECT id, product_key, title, coalesce(description, ''), "
              "coalesce(category, ''), coalesce(subcategory, ''), coalesce(brand, ''), "
              "coalesce(color, ''), coalesce(material, ''), coalesce(tags, ''), "
              "coalesce(image_url, ''), coalesce(gtin, ''), price, consumable, "
              "coalesce(taxonomy, ''), coalesce(status, '') FROM products ORDER BY id");
    if (!products)
        return products.status();
    std::vector<Product> result;
    std::map<std::int64_t, std::size_t> indexByRowId;
    int rc = SQLITE_ROW;
    while ((rc = products->step()) == SQLITE_ROW) {
        Product p;
        p.id = products->text(1);
        p.title = products->text(2);
        p.description = products->text(3);
        p.category = products->text(4);
        p.subcategory = products->text(5);
        p.brand = products->text(6);
        p.color = products->text(7);
        p.material = products->text(8);
        p.tags = products->text(9);
        p.imageUrl = products->text(10);
        p.gtin = products->text(11);
        p.price = products->real(12);
        p.consumable = products->int64(13) != 0;
        p.taxonomy = products->text(14);
        p.status = products->text(15);
        indexByRowId.emplace(products->int64(0), result.size());
        result.push_back(std::move(p));
    }
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "reading products");

    auto variants = sql::Statement::prepare(
        m_db, "SELECT product_id, coalesce(sku, ''), coalesce(color, ''), coalesce(size, ''), "
              "price, inventory FROM variants ORDER BY id");
    if (!variants)
        return variants.status();
    while ((rc = variants->step()) == SQLITE_ROW) {
        const auto owner = indexByRowId.find(variants->int64(0));
        if (owner == indexByRowId.end())
            continue;
        result[owner->second].variants.push_back({variants->text(1), variants->text(2),
                                                  variants->text(3), variants->real(4),
                                                  variants->int64(5)});
    }
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "reading variants");
    return result;
}

Result<std::vector<Event>> Workspace::loadEvents(std::int64_t limit) const {
    auto events = sql::Statement::prepare(
        m_db, "SELECT e.ts, coalesce(s.session_key, ''), coalesce(e.visitor_id, ''), "
              "coalesce(e.customer_id, ''), e.type, coalesce(e.product_key, ''), "
              "coalesce(e.list, ''), coalesce(e.position, 0), coalesce(e.query, ''), "
              "coalesce(e.price, 0), coalesce(e.quantity, 0), coalesce(e.order_id, '') "
              "FROM events e LEFT JOIN sessions s ON s.id = e.session_id "
              "ORDER BY e.ts, e.id LIMIT ?");
    if (!events)
        return events.status();
    events->bind(1, limit);
    std::vector<Event> result;
    int rc = SQLITE_ROW;
    while ((rc = events->step()) == SQLITE_ROW) {
        Event e;
        e.timestamp = events->int64(0);
        e.sessionId = events->text(1);
        e.visitorId = events->text(2);
        e.customerId = events->text(3);
        e.type = static_cast<EventType>(events->int64(4));
        e.productId = events->text(5);
        e.list = events->text(6);
        e.position = int(events->int64(7));
        e.query = events->text(8);
        e.price = events->real(9);
        e.quantity = int(events->int64(10));
        e.orderId = events->text(11);
        result.push_back(std::move(e));
    }
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "reading events");
    return result;
}

Result<std::vector<ImportRecord>> Workspace::imports(const std::string& hash) const {
    auto query = sql::Statement::prepare(
        m_db, "SELECT id, started_at, file, format, kind, mode, coalesce(encoding, ''), "
              "coalesce(content_hash, ''), imported, rejected, warnings FROM imports "
              "WHERE ?1 = '' OR content_hash = ?1 ORDER BY id DESC");
    if (!query)
        return query.status();
    query->bind(1, hash);
    std::vector<ImportRecord> records;
    int rc = SQLITE_ROW;
    while ((rc = query->step()) == SQLITE_ROW) {
        ImportRecord r;
        r.id = query->int64(0);
        r.startedAt = query->int64(1);
        r.entry.file = query->text(2);
        r.entry.format = query->text(3);
        r.entry.kind = query->text(4);
        r.entry.mode = query->text(5);
        r.entry.encoding = query->text(6);
        r.entry.contentHash = query->text(7);
        r.entry.imported = query->int64(8);
        r.entry.rejected = query->int64(9);
        r.entry.warnings = query->int64(10);
        records.push_back(std::move(r));
    }
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "reading the import log");
    return records;
}

Result<std::vector<RejectedRowRecord>> Workspace::rejectedRows(std::int64_t importId) const {
    auto query = sql::Statement::prepare(
        m_db, "SELECT coalesce(file, ''), line, col, reason, raw FROM rejected_rows "
              "WHERE import_id = ? ORDER BY line, id");
    if (!query)
        return query.status();
    query->bind(1, importId);
    std::vector<RejectedRowRecord> rows;
    int rc = SQLITE_ROW;
    while ((rc = query->step()) == SQLITE_ROW)
        rows.push_back({query->text(0), query->int64(1), int(query->int64(2)), query->text(3),
                        query->text(4)});
    if (rc != SQLITE_DONE)
        return sql::errorStatus(m_db, rc, "reading rejected rows");
    return rows;
}

} // namespace merch
