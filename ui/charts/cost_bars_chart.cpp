#include "charts/cost_bars_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"

namespace merch::ui {

CostBarsChart::CostBarsChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_series(new QStackedBarSeries)
    , m_paths(new QBarCategoryAxis)
    , m_dollars(new QValueAxis) {
    setObjectName(QStringLiteral("costBarsChart"));
    setMinimumHeight(160);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    const QStringList kinds = {tr("Build (people)"), tr("Run (people)"), tr("SaaS fees"),
                               tr("Infrastructure")};
    const QList<QColor> colors = {chart::primary(), chart::primary().lighter(150),
                                  chart::secondary(), QColor(0xf5, 0x9e, 0x0b)};
    for (int i = 0; i < kinds.size(); ++i) {
        auto* set = new QBarSet(kinds[i]);
        set->setColor(colors[i]);
        set->setBorderColor(colors[i]);
        m_sets << set;
        m_series->append(set);
    }
    m_series->setBarWidth(0.55);
    m_chart->addSeries(m_series);
    chart::styleAxis(m_paths, font);
    chart::styleAxis(m_dollars, font);
    m_paths->setGridLineVisible(false);
    m_dollars->setLabelFormat(QStringLiteral("$%.0fk"));
    m_chart->addAxis(m_paths, Qt::AlignBottom);
    m_chart->addAxis(m_dollars, Qt::AlignLeft);
    m_series->attachAxis(m_paths);
    m_series->attachAxis(m_dollars);
    chart::fillWithChart(this, m_chart);
}

CostBarsChart::~CostBarsChart() = default;

void CostBarsChart::setResult(const merch::CostResult* result) {
    for (QBarSet* set : m_sets)
        set->remove(0, set->count());
    m_paths->clear();
    if (!result)
        return;
    QStringList labels;
    double top = 0;
    for (merch::CostPath p : merch::allCostPaths()) {
        const merch::CostBreakdown& year = result->path(p).year1;
        labels << QString::fromUtf8(merch::costPathLabel(p));
        m_sets[0]->append(year.buildPeople / 1e3);
        m_sets[1]->append(year.runPeople / 1e3);
        m_sets[2]->append(year.saasFees / 1e3);
        m_sets[3]->append(year.infrastructure / 1e3);
        top = std::max(top, year.total() / 1e3);
    }
    m_paths->append(labels);
    chart::setNiceRange(m_dollars, 0, top * 1.05, 6);
}

QList<qreal> CostBarsChart::values(int kind) const {
    QList<qreal> out;
    for (int i = 0; i < m_sets[kind]->count(); ++i)
        out << m_sets[kind]->at(i);
    return out;
}

} // namespace merch::ui
