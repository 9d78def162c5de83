// SearchResultsModel: one method's answer to a query (rank, product, score, matched words), a
// thin adapter over an immutable SearchResponse. SearchMethodsModel: the evaluation's figures,
// one row per method. SearchQueriesModel: the log's frequent queries, found or not.
#pragma once

#include <QAbstractTableModel>

#include <memory>

#include "jobs/search_runner.h"

namespace merch::ui {

class SearchResultsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Rank, Product, Score, Matched, ColumnCount };
    static constexpr int ValueRole = Qt::UserRole + 1; // the raw score

    using QAbstractTableModel::QAbstractTableModel;
    void setResponse(std::shared_ptr<const merch::SearchIndex> index,
                     std::shared_ptr<const merch::SearchResponse> response);
    const merch::SearchResponse* response() const { return m_response.get(); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    std::shared_ptr<const merch::SearchIndex> m_index;
    std::shared_ptr<const merch::SearchResponse> m_response;
};

class SearchMethodsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Method, Map, Mrr, ZeroSearches, ZeroQueries, Searches, ColumnCount };
    static constexpr int ValueRole = Qt::UserRole + 1;

    using QAbstractTableModel::QAbstractTableModel;
    void setSearchData(SearchDataPtr data);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    SearchDataPtr m_data;
};

class SearchQueriesModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Query, Searches, Keyword, Hybrid, HybridTop, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;
    void setSearchData(SearchDataPtr data);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    SearchDataPtr m_data;
};

// "Keyword", "Semantic", "Hybrid", "Hybrid + clicks", "FTS5 all words", "FTS5 any word".
QString searchMethodLabel(const std::string& name);

} // namespace merch::ui
