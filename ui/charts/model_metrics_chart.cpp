#include "charts/model_metrics_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"

namespace merch::ui {

ModelMetricsChart::ModelMetricsChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_bars(new QHorizontalBarSeries)
    , m_hitRate(new QBarSet(QString()))
    , m_mrr(new QBarSet(QString()))
    , m_models(new QBarCategoryAxis)
    , m_value(new QValueAxis) {
    setObjectName(QStringLiteral("modelMetricsChart"));
    setMinimumHeight(240);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);

    m_hitRate->setColor(chart::primary());
    m_hitRate->setBorderColor(chart::primary());
    m_mrr->setColor(chart::secondary());
    m_mrr->setBorderColor(chart::secondary());
    // QHorizontalBarSeries draws the first set at the bottom of each group: MRR first puts
    // HR on top, matching the table's column order.
    m_bars->append(m_mrr);
    m_bars->append(m_hitRate);
    m_bars->setBarWidth(0.75);
    m_chart->addSeries(m_bars);

    chart::styleAxis(m_models, font);
    chart::styleAxis(m_value, font);
    m_models->setGridLineVisible(false);
    m_value->setLabelFormat(QStringLiteral("%.2f"));
    m_chart->addAxis(m_models, Qt::AlignLeft);
    m_chart->addAxis(m_value, Qt::AlignBottom);
    m_bars->attachAxis(m_models);
    m_bars->attachAxis(m_value);

    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setResult(nullptr);
}

ModelMetricsChart::~ModelMetricsChart() = default;

void ModelMetricsChart::setResult(ModelsPtr result) {
    m_result = std::move(result);
    const int k = m_result ? m_result->evaluation.k : merch::EvaluationParams{}.k;
    m_hitRate->setLabel(tr("HR@%1").arg(k));
    m_mrr->setLabel(tr("MRR@%1").arg(k));
    m_hitRate->remove(0, m_hitRate->count());
    m_mrr->remove(0, m_mrr->count());
    m_models->clear();
    if (!m_result)
        return;
    // Categories run bottom-up on a vertical axis: append in reverse so the first model of the
    // evaluation is at the top, as in the table.
    const auto& models = m_result->metrics.models;
    QStringList labels;
    double peak = 0.0;
    for (auto it = models.rbegin(); it != models.rend(); ++it) {
        labels << modelLabel(it->name);
        m_hitRate->append(it->hitRate);
        m_mrr->append(it->mrr);
        peak = std::max({peak, it->hitRate, it->mrr});
    }
    m_models->append(labels);
    m_value->setRange(0.0, std::max(0.05, peak * 1.1));
    m_value->applyNiceNumbers();
}

QStringList ModelMetricsChart::barSetLabels() const {
    return {m_hitRate->label(), m_mrr->label()};
}

QList<qreal> ModelMetricsChart::values(int set) const {
    const QBarSet* bars = set == 0 ? m_hitRate : m_mrr;
    QList<qreal> out;
    for (int i = bars->count() - 1; i >= 0; --i) // back to the evaluation's order
        out << bars->at(i);
    return out;
}

QStringList ModelMetricsChart::modelLabels() const {
    QStringList labels = m_models->categories();
    std::reverse(labels.begin(), labels.end());
    return labels;
}

} // namespace merch::ui
