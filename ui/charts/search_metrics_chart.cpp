#include "charts/search_metrics_chart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QBoxLayout>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QValueAxis>

#include <algorithm>

#include "charts/chart_style.h"
#include "models/search_results_model.h"

namespace merch::ui {

namespace {

// Short enough for the axis at the page's width.
QString shortLabel(const std::string& name) {
    if (name == "hybrid_clicks")
        return QObject::tr("+ clicks");
    if (name == "fts5_all_words")
        return QObject::tr("FTS5 all");
    if (name == "fts5_any_word")
        return QObject::tr("FTS5 any");
    return searchMethodLabel(name);
}

} // namespace

SearchMetricsChart::SearchMetricsChart(QWidget* parent)
    : QWidget(parent)
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_bars(new QHorizontalBarSeries)
    , m_map(new QBarSet(tr("MAP@5")))
    , m_zero(new QBarSet(tr("Searches with no result")))
    , m_methods(new QBarCategoryAxis)
    , m_value(new QValueAxis) {
    setObjectName(QStringLiteral("searchMetricsChart"));
    setMinimumHeight(240);
    const QFont font = chart::labelFont(this->font());
    chart::styleChart(m_chart, font);
    m_map->setColor(chart::primary());
    m_map->setBorderColor(chart::primary());
    m_zero->setColor(chart::reference());
    m_zero->setBorderColor(chart::reference());
    // The first set is drawn at the bottom of each group: zero results first puts MAP on top.
    m_bars->append(m_zero);
    m_bars->append(m_map);
    m_bars->setBarWidth(0.75);
    m_chart->addSeries(m_bars);
    chart::styleAxis(m_methods, font);
    chart::styleAxis(m_value, font);
    m_methods->setGridLineVisible(false);
    m_value->setLabelFormat(QStringLiteral("%.2f"));
    m_chart->addAxis(m_methods, Qt::AlignLeft);
    m_chart->addAxis(m_value, Qt::AlignBottom);
    m_bars->attachAxis(m_methods);
    m_bars->attachAxis(m_value);
    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setBackgroundBrush(Qt::white);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    setData(nullptr);
}

SearchMetricsChart::~SearchMetricsChart() = default;

void SearchMetricsChart::setData(SearchDataPtr searchData) {
    m_map->remove(0, m_map->count());
    m_zero->remove(0, m_zero->count());
    m_methods->clear();
    if (!searchData || !searchData->evaluation)
        return;
    const auto& methods = searchData->evaluation->methods;
    QStringList labels;
    double peak = 0;
    // Categories run bottom-up: append in reverse so the first method is at the top.
    for (auto it = methods.rbegin(); it != methods.rend(); ++it) {
        labels << shortLabel(it->name);
        m_map->append(it->mapAt5);
        m_zero->append(it->zeroResultRateSearches);
        peak = std::max({peak, it->mapAt5, it->zeroResultRateSearches});
    }
    m_methods->append(labels);
    m_value->setRange(0.0, std::max(0.05, peak * 1.1));
    m_value->applyNiceNumbers();
}

QList<qreal> SearchMetricsChart::values(const QBarSet* set) {
    QList<qreal> out;
    for (int i = set->count() - 1; i >= 0; --i) // back to the evaluation's order
        out << set->at(i);
    return out;
}

QStringList SearchMetricsChart::methodLabels() const {
    QStringList labels = m_methods->categories();
    std::reverse(labels.begin(), labels.end());
    return labels;
}

QList<qreal> SearchMetricsChart::mapValues() const {
    return values(m_map);
}

QList<qreal> SearchMetricsChart::zeroResultValues() const {
    return values(m_zero);
}

} // namespace merch::ui
