#include "pages/store_stats_panel.h"

#include <QGridLayout>

#include "format.h"
#include "widgets/stat_tile.h"

namespace merch::ui {

StoreStatsPanel::StoreStatsPanel(QWidget* parent)
    : QWidget(parent)
    , m_products(new StatTile(tr("Products"), this))
    , m_variants(new StatTile(tr("Variants"), this))
    , m_sessions(new StatTile(tr("Sessions"), this))
    , m_events(new StatTile(tr("Events"), this))
    , m_visitors(new StatTile(tr("Visitors"), this))
    , m_customers(new StatTile(tr("Customers"), this))
    , m_orders(new StatTile(tr("Orders"), this))
    , m_revenue(new StatTile(tr("Revenue"), this)) {
    setObjectName(QStringLiteral("storeStats"));
    constexpr int kColumns = 4;
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(12);
    StatTile* const tiles[] = {m_products, m_variants,  m_sessions, m_events,
                               m_visitors, m_customers, m_orders,   m_revenue};
    int position = 0;
    for (StatTile* tile : tiles) {
        grid->addWidget(tile, position / kColumns, position % kColumns);
        ++position;
    }
    for (int column = 0; column < kColumns; ++column)
        grid->setColumnStretch(column, 1);
}

void StoreStatsPanel::setSummary(const merch::StoreSummary& summary) {
    m_products->setValue(formatCount(summary.products));
    m_variants->setValue(formatCount(summary.variants));
    m_sessions->setValue(formatCount(summary.sessions));
    m_events->setValue(formatCompact(static_cast<double>(summary.events)),
                       tr("%1 events").arg(formatCount(summary.events)));
    m_visitors->setValue(formatCount(summary.visitors), tr("Distinct visitor ids (devices)"));
    m_customers->setValue(formatCount(summary.customers), tr("Distinct customer ids"));
    m_orders->setValue(formatCount(summary.orders),
                       summary.sessions > 0
                           ? tr("%1 orders per session")
                                 .arg(formatPercent(static_cast<double>(summary.orders) /
                                                    static_cast<double>(summary.sessions)))
                           : QString());
    m_revenue->setValue(formatCompact(summary.revenue),
                        tr("%1 in the store's currency").arg(formatMoney(summary.revenue)));
}

QString StoreStatsPanel::value(const QString& caption) const {
    const auto tiles = findChildren<StatTile*>();
    for (const StatTile* tile : tiles) {
        if (tile->caption() == caption)
            return tile->value();
    }
    return {};
}

} // namespace merch::ui
