// SearchRunner: builds the search indexes of a workspace (catalog only, and with its search logs
// as click feedback) and evaluates every method on a time-ordered split of its labelled searches
// (merch::evaluateSearchSplit), off the UI thread, for the Search page. The job opens its own
// connection; each run gets a new generation and a stale result is dropped.
#pragma once

#include <QObject>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "jobs/generation_job.h"
#include "merch/search_evaluation.h"

namespace merch::ui {

// One frequent query of the log, searched with the catalog-only keyword and hybrid methods.
struct QueryOutcome {
    std::string query; // normalised as the log has it most often
    int searches = 0;
    std::int64_t keywordResults = 0; // products the keyword method finds (no fallback)
    std::int64_t hybridResults = 0;
    std::string hybridTop; // the hybrid method's first product title
};

struct SearchPageData {
    std::shared_ptr<const merch::SearchIndex> catalogIndex; // keyword, semantic, hybrid
    std::shared_ptr<const merch::SearchIndex> clicksIndex;  // null without search logs
    std::optional<merch::SearchEvaluation> evaluation;      // null with too few searches
    std::int64_t labelledSearches = 0;
    std::vector<merch::SynonymRule> synonyms;
    std::string synonymsText; // as the workspace keeps it
    std::vector<QueryOutcome> topQueries;
    std::string note; // why something is missing, for the user
};

using SearchDataPtr = std::shared_ptr<const SearchPageData>;

struct SearchRequest {
    std::string path;
    merch::SearchParams params;
    merch::SearchEvaluationParams evaluation;
    int minSearchesToEvaluate = 20; // fewer labelled searches: no evaluation, a note instead
};

class SearchRunner : public QObject {
    Q_OBJECT
public:
    explicit SearchRunner(QObject* parent = nullptr);
    ~SearchRunner() override; // cancels the running job and waits for it

    void run(const SearchRequest& request);
    void cancel();
    bool isRunning() const { return m_job.isRunning(); }
    void waitForIdle();

signals:
    void progressChanged(int value, int maximum, const QString& stage);
    void finished(const merch::ui::SearchDataPtr& result);
    void failed(const merch::Status& status);
    void cancelled();

private:
    struct Outcome {
        merch::Status status;
        SearchDataPtr result;
    };
    GenerationJob<Outcome> m_job;
};

// The work of one run, callable without Qt's thread pool (tests use it for reference values).
merch::Result<SearchPageData> computeSearchPageData(const SearchRequest& request,
                                                    const merch::RunControl& control);

} // namespace merch::ui
