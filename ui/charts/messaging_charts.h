// The Messaging page's charts (percent and counts from merch::MessagingAnalysis):
// - MessagingTimelineChart: emails sent and purchases they bring (recovered carts + reorders)
//   per day of the simulated test period, fixed vs predictive;
// - MessagingComparisonChart: change vs the fixed schedule per metric (predictive with its 95%
//   interval, oracle beside it) with the brief's figure as a shaded reference band;
// - MessagingReplenishmentChart: predicted reorder interval against the number of a customer's
//   own intervals, per consumable: the empirical-Bayes estimate leaving the product's interval.
#pragma once

#include <QStringList>
#include <QWidget>

#include <memory>

#include "merch/messaging_analysis.h"

QT_BEGIN_NAMESPACE
class QChart;
class QValueAxis;
class QBarCategoryAxis;
QT_END_NAMESPACE

namespace merch::ui {

using MessagingResult = std::shared_ptr<const merch::MessagingAnalysis>;

class MessagingTimelineChart : public QWidget {
    Q_OBJECT
public:
    explicit MessagingTimelineChart(QWidget* parent = nullptr);
    void setResult(const MessagingResult& result);
    int pointCount() const; // points per series (days of the test period)
    QStringList seriesNames() const;

private:
    QChart* m_chart;
    QValueAxis* m_days;
    QValueAxis* m_emails;
    QValueAxis* m_purchases;
};

class MessagingComparisonChart : public QWidget {
    Q_OBJECT
public:
    explicit MessagingComparisonChart(QWidget* parent = nullptr);
    void setResult(const MessagingResult& result);
    QStringList categories() const;
    QList<qreal> predictiveLifts() const; // percent, per category
    int referenceBands() const;

private:
    QChart* m_chart;
    QBarCategoryAxis* m_metrics;
    QValueAxis* m_position; // hidden: -0.5..n-0.5 for the bands and intervals
    QValueAxis* m_percent;
    QList<qreal> m_lifts;
    int m_bands = 0;
};

class MessagingReplenishmentChart : public QWidget {
    Q_OBJECT
public:
    explicit MessagingReplenishmentChart(QWidget* parent = nullptr);
    void setResult(const MessagingResult& result);
    int curveCount() const;

private:
    QChart* m_chart;
    QValueAxis* m_intervals;
    QValueAxis* m_days;
    int m_curves = 0;
};

} // namespace merch::ui
