#include "models/search_results_model.h"

#include <QColor>
#include <QStringList>

namespace merch::ui {

QString searchMethodLabel(const std::string& name) {
    if (name == "keyword")
        return QObject::tr("Keyword");
    if (name == "semantic")
        return QObject::tr("Semantic");
    if (name == "hybrid")
        return QObject::tr("Hybrid");
    if (name == "hybrid_clicks")
        return QObject::tr("Hybrid + clicks");
    if (name == "fts5_all_words")
        return QObject::tr("FTS5 all words");
    if (name == "fts5_any_word")
        return QObject::tr("FTS5 any word");
    return QString::fromStdString(name);
}

void SearchResultsModel::setResponse(std::shared_ptr<const merch::SearchIndex> index,
                                     std::shared_ptr<const merch::SearchResponse> response) {
    beginResetModel();
    m_index = std::move(index);
    m_response = std::move(response);
    endResetModel();
}

int SearchResultsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_response ? 0 : int(m_response->hits.size());
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_response || !m_index)
        return {};
    const auto& hit = m_response->hits[std::size_t(index.row())];
    const auto& product = m_index->catalog()[std::size_t(hit.product)];
    if (role == ValueRole && index.column() == Score)
        return hit.score;
    if (role == Qt::ToolTipRole)
        return QString::fromStdString(product.title + "\n" + product.id);
    if (role == Qt::TextAlignmentRole && (index.column() == Rank || index.column() == Score))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Rank:
        return index.row() + 1;
    case Product:
        return QString::fromStdString(product.title);
    case Score:
        return QString::number(hit.score, 'g', 3);
    case Matched: {
        QStringList words;
        for (const auto& w : hit.matchedTerms)
            words << QString::fromStdString(w);
        return words.join(QStringLiteral(", "));
    }
    }
    return {};
}

QVariant SearchResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Rank:
        return tr("#");
    case Product:
        return tr("Product");
    case Score:
        return tr("Score");
    case Matched:
        return tr("Matched");
    }
    return {};
}

void SearchMethodsModel::setSearchData(SearchDataPtr data) {
    beginResetModel();
    m_data = std::move(data);
    endResetModel();
}

int SearchMethodsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_data || !m_data->evaluation
               ? 0
               : int(m_data->evaluation->methods.size());
}

int SearchMethodsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchMethodsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_data || !m_data->evaluation)
        return {};
    const auto& m = m_data->evaluation->methods[std::size_t(index.row())];
    if (role == ValueRole) {
        switch (index.column()) {
        case Map:
            return m.mapAt5;
        case Mrr:
            return m.mrrAt10;
        case ZeroSearches:
            return m.zeroResultRateSearches;
        case ZeroQueries:
            return m.zeroResultRateQueries;
        case Searches:
            return qlonglong(m.searches);
        }
        return {};
    }
    if (role == Qt::TextAlignmentRole && index.column() != Method)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Method:
        return searchMethodLabel(m.name);
    case Map:
        return QString::number(m.mapAt5, 'f', 3);
    case Mrr:
        return QString::number(m.mrrAt10, 'f', 3);
    case ZeroSearches:
        return QStringLiteral("%1%").arg(m.zeroResultRateSearches * 100, 0, 'f', 1);
    case ZeroQueries:
        return QStringLiteral("%1%").arg(m.zeroResultRateQueries * 100, 0, 'f', 1);
    case Searches:
        return qlonglong(m.searches);
    }
    return {};
}

QVariant SearchMethodsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Method:
        return tr("Method");
    case Map:
        return tr("MAP@5");
    case Mrr:
        return tr("MRR@10");
    case ZeroSearches:
        return tr("No result / search");
    case ZeroQueries:
        return tr("/ query");
    case Searches:
        return tr("Searches");
    }
    return {};
}

void SearchQueriesModel::setSearchData(SearchDataPtr data) {
    beginResetModel();
    m_data = std::move(data);
    endResetModel();
}

int SearchQueriesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !m_data ? 0 : int(m_data->topQueries.size());
}

int SearchQueriesModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SearchQueriesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || !m_data)
        return {};
    const auto& q = m_data->topQueries[std::size_t(index.row())];
    if (role == Qt::ForegroundRole && index.column() == Keyword && q.keywordResults == 0)
        return QColor(0xb0, 0x30, 0x30);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Query:
        return QString::fromStdString(q.query);
    case Searches:
        return q.searches;
    case Keyword:
        return q.keywordResults == 0 ? tr("none") : QString::number(q.keywordResults);
    case Hybrid:
        return q.hybridResults == 0 ? tr("none") : QString::number(q.hybridResults);
    case HybridTop:
        return QString::fromStdString(q.hybridTop);
    }
    return {};
}

QVariant SearchQueriesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Query:
        return tr("Query");
    case Searches:
        return tr("Searches");
    case Keyword:
        return tr("Keyword results");
    case Hybrid:
        return tr("Hybrid results");
    case HybridTop:
        return tr("Hybrid's first result");
    }
    return {};
}

} // namespace merch::ui
