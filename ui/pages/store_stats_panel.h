// StoreStatsPanel: the store's headline numbers as tiles, four to a row: products, variants,
// sessions, events, visitors, customers, orders and revenue.
#pragma once

#include <QWidget>

#include "merch/store_summary.h"

namespace merch::ui {

class StatTile;

class StoreStatsPanel : public QWidget {
    Q_OBJECT
public:
    explicit StoreStatsPanel(QWidget* parent = nullptr);

    void setSummary(const merch::StoreSummary& summary);
    // The value shown on the tile with `caption` ("Sessions"); for tests.
    QString value(const QString& caption) const;

private:
    StatTile* m_products;
    StatTile* m_variants;
    StatTile* m_sessions;
    StatTile* m_events;
    StatTile* m_visitors;
    StatTile* m_customers;
    StatTile* m_orders;
    StatTile* m_revenue;
};

} // namespace merch::ui
