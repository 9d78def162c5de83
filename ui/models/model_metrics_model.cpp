#include "models/model_metrics_model.h"

#include <QBrush>
#include <QFont>

#include "app_style.h"
#include "format.h"

namespace merch::ui {

ModelMetricsModel::ModelMetricsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void ModelMetricsModel::setResult(ModelsPtr result) {
    beginResetModel();
    m_result = std::move(result);
    endResetModel();
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

int ModelMetricsModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !m_result)
        return 0;
    return static_cast<int>(m_result->metrics.models.size());
}

int ModelMetricsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ModelMetricsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const merch::ModelEvaluation& m =
        m_result->metrics.models[static_cast<std::size_t>(index.row())];
    const bool baseline = isBaselineModel(m.name);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Model:
            return modelLabel(m.name);
        case HitRate:
            return QString::number(m.hitRate, 'f', 3);
        case Mrr:
            return QString::number(m.mrr, 'f', 3);
        case Ndcg:
            return QString::number(m.ndcg, 'f', 3);
        case Coverage:
            return formatPercent(m.coverage);
        case PopularityBias:
            return QString::number(m.popularityBias, 'f', 3);
        case Cases:
            return formatCount(m.cases);
        case Micros:
            return QString::number(m.predictMicros, 'f', 1);
        default:
            return {};
        }
    case ValueRole:
        switch (index.column()) {
        case Model:
            return QString::fromStdString(m.name);
        case HitRate:
            return m.hitRate;
        case Mrr:
            return m.mrr;
        case Ndcg:
            return m.ndcg;
        case Coverage:
            return m.coverage;
        case PopularityBias:
            return m.popularityBias;
        case Cases:
            return static_cast<qint64>(m.cases);
        case Micros:
            return m.predictMicros;
        default:
            return {};
        }
    case NameRole:
        return QString::fromStdString(m.name);
    case BaselineRole:
        return baseline;
    case Qt::TextAlignmentRole:
        return index.column() == Model ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                       : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole:
        return baseline ? QBrush(palette::mutedText()) : QVariant();
    case Qt::FontRole:
        if (baseline) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::ToolTipRole:
        return baseline ? tr("%1 is a baseline: the bar the personalized models must clear.")
                              .arg(modelLabel(m.name))
                        : tr("Trained in %1 s").arg(m.trainSeconds, 0, 'f', 2);
    default:
        return {};
    }
}

QVariant ModelMetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    const int k = m_result ? m_result->evaluation.k : merch::EvaluationParams{}.k;
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Model:
            return tr("Model");
        case HitRate:
            return tr("HR@%1").arg(k);
        case Mrr:
            return tr("MRR@%1").arg(k);
        case Ndcg:
            return tr("NDCG@%1").arg(k);
        case Coverage:
            return tr("Coverage");
        case PopularityBias:
            return tr("Pop. bias");
        case Cases:
            return tr("Cases");
        case Micros:
            return tr("µs");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case HitRate:
            return tr("Share of cases whose next item is in the top %1").arg(k);
        case Mrr:
            return tr("Mean reciprocal rank of the next item (0 when missed)");
        case Ndcg:
            return tr("Normalised discounted cumulative gain at %1").arg(k);
        case Coverage:
            return tr("Share of products that appear in any recommendation list");
        case PopularityBias:
            return tr("Mean popularity of what is recommended, 1 = the best-seller only");
        case Cases:
            return tr("Test positions evaluated (every position of every test session)");
        case Micros:
            return tr("Mean time per recommendation, in microseconds");
        default:
            return {};
        }
    }
    if (role == Qt::TextAlignmentRole)
        return section == Model ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return QAbstractTableModel::headerData(section, orientation, role);
}

} // namespace merch::ui
