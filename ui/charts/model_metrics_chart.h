// ModelMetricsChart: HR@k and MRR@k of every evaluated model as grouped horizontal bars, one
// bar set per metric, one value per model (in the evaluation's order, top to bottom).
// Forward-declares the Qt Charts classes so no one outside ui/charts includes Qt Charts.
#pragma once

#include <QStringList>
#include <QWidget>

#include "jobs/models_runner.h"

QT_BEGIN_NAMESPACE
class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalBarSeries;
class QValueAxis;
QT_END_NAMESPACE

namespace merch::ui {

class ModelMetricsChart : public QWidget {
    Q_OBJECT
public:
    explicit ModelMetricsChart(QWidget* parent = nullptr);
    ~ModelMetricsChart() override;

    void setResult(ModelsPtr result);

    // "HR@20", "MRR@20": one bar set per metric.
    QStringList barSetLabels() const;
    // The values of bar set `set`, one per model in the evaluation's order.
    QList<qreal> values(int set) const;
    // Model labels in the evaluation's order.
    QStringList modelLabels() const;

private:
    ModelsPtr m_result;
    QChartView* m_view;
    QChart* m_chart;
    QHorizontalBarSeries* m_bars;
    QBarSet* m_hitRate;
    QBarSet* m_mrr;
    QBarCategoryAxis* m_models;
    QValueAxis* m_value;
};

} // namespace merch::ui
