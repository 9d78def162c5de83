// StorePage: what is in the open store. Headline numbers, the product table with its filters,
// sessions per day and events by type. Before a store is open it shows the way to one, and
// while the first store loads, the job's progress with Cancel.
#pragma once

#include <QWidget>

#include "jobs/store_snapshot.h"

class QLabel;
class QStackedWidget;
class QTableView;

namespace merch::ui {

class Card;
class EmptyState;
class EventCountsModel;
class ProductBrowser;
class SessionsPerDayChart;
class StoreLoader;
class StoreStatsPanel;

class StorePage : public QWidget {
    Q_OBJECT
public:
    explicit StorePage(StoreLoader* loader, QWidget* parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    const SnapshotPtr& snapshot() const { return m_snapshot; }
    // A non-blocking notice above the numbers; empty hides it.
    void setNotice(const QString& text);
    void focusFilter();

    ProductBrowser* browser() const { return m_browser; }
    SessionsPerDayChart* chart() const { return m_chart; }
    StoreStatsPanel* stats() const { return m_stats; }
    // "Jan 5 – Apr 4, 2026 · 90 days", beside the chart's title.
    QString dateRange() const;

signals:
    void newDemoRequested();
    void openRequested();
    void importRequested();

private:
    QWidget* createContent();
    void updateState();

    StoreLoader* m_loader;
    SnapshotPtr m_snapshot;
    QStackedWidget* m_states;
    EmptyState* m_empty;
    QWidget* m_loading;
    QWidget* m_content;
    QLabel* m_subtitle;
    QLabel* m_notice;
    StoreStatsPanel* m_stats;
    ProductBrowser* m_browser;
    SessionsPerDayChart* m_chart;
    Card* m_chartCard;
    EventCountsModel* m_eventCounts;
    QTableView* m_eventTable;
};

} // namespace merch::ui
