// ModelMetricsModel: the offline evaluation of every recommender as a table (model, HR@k,
// MRR@k, NDCG@k, coverage, popularity bias, cases, µs per query), read straight from the
// immutable ModelsResult. Baselines are shown muted and in italics, with "baseline" in the
// model column, so the models that must beat them stand out.
#pragma once

#include <QAbstractTableModel>

#include "jobs/models_runner.h"

namespace merch::ui {

class ModelMetricsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Model, HitRate, Mrr, Ndcg, Coverage, PopularityBias, Cases, Micros, ColumnCount };
    enum Role {
        ValueRole = Qt::UserRole + 1, // the engine's number (double, or qint64 for cases)
        NameRole,                     // the engine's model name ("best_seller")
        BaselineRole,                 // bool
    };

    explicit ModelMetricsModel(QObject* parent = nullptr);

    void setResult(ModelsPtr result);
    const ModelsPtr& result() const { return m_result; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    ModelsPtr m_result;
};

} // namespace merch::ui
