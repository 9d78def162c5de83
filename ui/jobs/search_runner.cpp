#include "jobs/search_runner.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "jobs/promise_run_control.h"
#include "merch/workspace.h"

namespace merch::ui {

namespace {

std::string normalised(const std::string& query) {
    std::string out;
    bool space = false;
    for (char c : query) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += char(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::int64_t resultCount(const merch::SearchIndex& index, const std::string& text,
                         merch::SearchMethod method, std::string* top) {
    merch::SearchQuery q;
    q.text = text;
    q.method = method;
    q.n = 1;
    q.fallback = false;
    auto r = index.search(q);
    if (!r)
        return 0;
    if (top && !r->hits.empty())
        *top = index.catalog()[std::size_t(r->hits[0].product)].title;
    return r->totalMatches;
}

} // namespace

merch::Result<SearchPageData> computeSearchPageData(const SearchRequest& request,
                                                    const merch::RunControl& control) {
    auto workspace = merch::Workspace::open(request.path);
    if (!workspace)
        return workspace.status();
    auto products = (*workspace)->loadProducts();
    if (!products)
        return products.status();
    auto events = (*workspace)->loadEvents();
    if (!events)
        return events.status();
    SearchPageData data;
    if (auto text = (*workspace)->meta(merch::kSynonymsMetaKey)) {
        data.synonymsText = *text;
        auto rules = merch::parseSynonyms(*text);
        if (rules)
            data.synonyms = std::move(rules).value();
        else
            data.note = "The saved synonym list is not used: " + rules.status().message();
    }
    if (products->empty())
        return merch::Status::invalidArgument("this store has no products to search");
    const auto cases = merch::searchCasesFromEvents(*events);
    data.labelledSearches = std::int64_t(cases.size());
    if (!control.report(0.05, "loading"))
        return merch::Status::cancelled();

    auto plain = merch::SearchIndex::build(*products, data.synonyms, {}, request.params,
                                           control.scaled(0.05, 0.2));
    if (!plain)
        return plain.status();
    data.catalogIndex = *plain;
    if (!cases.empty()) {
        auto clicks = merch::SearchIndex::build(*products, data.synonyms, cases, request.params,
                                                control.scaled(0.2, 0.35));
        if (!clicks)
            return clicks.status();
        data.clicksIndex = *clicks;
    }

    // The most frequent queries, found or not by keyword search and by hybrid search.
    std::map<std::string, int> counts;
    for (const auto& c : cases)
        ++counts[normalised(c.query)];
    std::vector<std::pair<std::string, int>> ordered(counts.begin(), counts.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    // The frequent ones, then the frequent ones keyword search misses.
    std::vector<std::pair<std::string, int>> shown(
        ordered.begin(), ordered.begin() + long(std::min<std::size_t>(ordered.size(), 12)));
    for (const auto& q : ordered) {
        if (shown.size() >= 24)
            break;
        if (resultCount(*data.catalogIndex, q.first, merch::SearchMethod::Keyword, nullptr) == 0 &&
            std::find(shown.begin(), shown.end(), q) == shown.end())
            shown.push_back(q);
    }
    for (const auto& [query, n] : shown) {
        QueryOutcome o;
        o.query = query;
        o.searches = n;
        o.keywordResults =
            resultCount(*data.catalogIndex, query, merch::SearchMethod::Keyword, nullptr);
        o.hybridResults =
            resultCount(*data.catalogIndex, query, merch::SearchMethod::Hybrid, &o.hybridTop);
        data.topQueries.push_back(std::move(o));
    }

    if (std::int64_t(cases.size()) >= request.minSearchesToEvaluate) {
        auto evaluation =
            merch::evaluateSearchSplit(*products, data.synonyms, cases, request.params,
                                       request.evaluation, control.scaled(0.35, 1.0));
        if (!evaluation)
            return evaluation.status();
        data.evaluation = std::move(evaluation).value();
    } else if (data.note.empty()) {
        data.note = "Not evaluated: the store has " + std::to_string(cases.size()) +
                    " labelled searches (product views from a search with their query); at "
                    "least " +
                    std::to_string(request.minSearchesToEvaluate) + " are needed.";
    }
    if (!control.report(1.0, "done"))
        return merch::Status::cancelled();
    return data;
}

SearchRunner::SearchRunner(QObject* parent)
    : QObject(parent) {}

SearchRunner::~SearchRunner() = default; // m_job cancels the running job and waits for it

void SearchRunner::run(const SearchRequest& request) {
    m_job.cancel(); // a result of the running job now carries a stale generation
    const quint64 generation = m_job.next();
    auto body = [request](QPromise<Outcome>& promise) {
        promise.setProgressRange(0, kProgressMaximum);
        Outcome outcome;
        auto result = computeSearchPageData(request, promiseRunControl(promise, 42));
        if (result)
            outcome.result = std::make_shared<const SearchPageData>(std::move(result).value());
        else
            outcome.status = result.status();
        promise.addResult(std::move(outcome));
    };
    m_job.start(
        this, generation, std::move(body),
        [this](int value, int maximum, const QString& stage) {
            emit progressChanged(value, maximum, stage);
        },
        [this](const QFuture<Outcome>& future) { emitOutcome(this, future, &Outcome::result); });
}

void SearchRunner::cancel() {
    m_job.cancel();
}

void SearchRunner::waitForIdle() {
    m_job.waitForIdle();
}

} // namespace merch::ui
