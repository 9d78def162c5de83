// The Search page on the fixture store of tests/data/search (12 made-up products, 107 searches
// with the clicked product): shown, it builds the indexes and evaluates every method in the
// background; the chart and the table hold the engine's numbers (evaluateSearchSplit called
// directly gives the same); the query box shows keyword, semantic and hybrid side by side with
// the corrected spelling; the click-feedback column knows a word the catalog lacks; the synonym
// editor refuses a malformed list, saves a good one in the workspace and the next search uses it;
// Cancel stops a run on a larger generated catalog.
#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "charts/search_metrics_chart.h"
#include "jobs/search_runner.h"
#include "jobs/store_snapshot.h"
#include "merch/catalog_importers.h"
#include "merch/event_importers.h"
#include "merch/workspace.h"
#include "models/search_results_model.h"
#include "pages/search_page.h"
#include "widgets/progress_panel.h"
#include "window_test_support.h"

using merch::ui::SearchMethodsModel;
using merch::ui::SearchPage;
using merch::ui::SearchResultsModel;

namespace {

constexpr int kTimeoutMs = 120000;

merch::Status writeStore(const QString& path, const std::vector<merch::Product>& products,
                         const std::vector<merch::Event>& events) {
    auto workspace = merch::Workspace::create(path.toStdString());
    if (!workspace)
        return workspace.status();
    auto writer = (*workspace)->beginWrite();
    if (!writer)
        return writer.status();
    for (const auto& p : products)
        if (auto s = (*writer)->addProduct(p); !s)
            return s;
    for (const auto& e : events)
        if (auto s = (*writer)->addEvent(e); !s)
            return s;
    return (*writer)->commit();
}

QString column(const SearchResultsModel* model, int row, int col) {
    return model->index(row, col).data().toString();
}

} // namespace

class TestSearchPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void evaluationHoldsTheEngineNumbers();
    void threeMethodsSideBySide();
    void clickFeedbackKnowsTheLogsWords();
    void synonymsAreValidatedAndSaved();
    void modelsPassTheTester();
    void cancelStopsTheRun();

private:
    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<SearchPage> m_page;
};

void TestSearchPage::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    std::ifstream products(MERCH_TEST_DATA_DIR "/search/products.csv", std::ios::binary);
    std::ifstream log(MERCH_TEST_DATA_DIR "/search/searches.csv", std::ios::binary);
    auto catalog = merch::importBestBuyProducts(products, {}, {});
    auto events = merch::importBestBuySearchLog(log, {}, {});
    QVERIFY(catalog.isOk() && events.isOk());
    m_path = m_dir.filePath(QStringLiteral("search.merchsim"));
    const auto written = writeStore(m_path, catalog->products, events->events);
    QVERIFY2(written.isOk(), written.toString().c_str());
    auto snapshot = merch::ui::readSnapshot(m_path.toStdString());
    QVERIFY(snapshot.isOk());

    m_page = std::make_unique<SearchPage>();
    m_page->resize(1500, 950);
    m_page->setSnapshot(*snapshot); // not visible yet: nothing runs
    QVERIFY(!m_page->isBusy());
    QSignalSpy shown(m_page.get(), SIGNAL(dataShown()));
    m_page->show();
    QVERIFY(m_page->isBusy());
    QCOMPARE(m_page->state(), QStringLiteral("progress"));
    QVERIFY(shown.wait(kTimeoutMs));
    QCOMPARE(m_page->state(), QStringLiteral("content"));
    QVERIFY(m_page->searchData() && m_page->searchData()->evaluation);
}

void TestSearchPage::cleanupTestCase() {
    m_page.reset();
}

void TestSearchPage::evaluationHoldsTheEngineNumbers() {
    auto workspace = merch::Workspace::open(m_path.toStdString());
    QVERIFY(workspace.isOk());
    auto products = (*workspace)->loadProducts();
    auto events = (*workspace)->loadEvents();
    QVERIFY(products.isOk() && events.isOk());
    auto direct = merch::evaluateSearchSplit(*products, {}, merch::searchCasesFromEvents(*events),
                                             {}, {}, {});
    QVERIFY2(direct.isOk(), direct.status().toString().c_str());
    const SearchMethodsModel* model = m_page->methodsModel();
    QCOMPARE(model->rowCount(), int(direct->methods.size()));
    const auto labels = m_page->chart()->methodLabels();
    const auto maps = m_page->chart()->mapValues();
    const auto zeros = m_page->chart()->zeroResultValues();
    QCOMPARE(labels.size(), model->rowCount());
    for (int row = 0; row < model->rowCount(); ++row) {
        const auto& m = direct->methods[std::size_t(row)];
        QCOMPARE(model->index(row, SearchMethodsModel::Map)
                     .data(SearchMethodsModel::ValueRole)
                     .toDouble(),
                 m.mapAt5);
        QCOMPARE(model->index(row, SearchMethodsModel::ZeroQueries)
                     .data(SearchMethodsModel::ValueRole)
                     .toDouble(),
                 m.zeroResultRateQueries);
        QCOMPARE(model->index(row, SearchMethodsModel::Method).data().toString(),
                 merch::ui::searchMethodLabel(m.name));
        QCOMPARE(maps[row], m.mapAt5);
        QCOMPARE(zeros[row], m.zeroResultRateSearches);
    }
    QCOMPARE(labels.first(), QStringLiteral("Keyword"));
    QVERIFY(labels.contains(QStringLiteral("+ clicks")));
    QVERIFY(labels.contains(QStringLiteral("FTS5 any")));
    // Where the numbers come from.
    const QString source = m_page->sourceLabel()->text();
    QVERIFY(source.contains(QStringLiteral("107 searches with the product clicked")));
    QVERIFY(source.contains(QString::number(direct->testSearches)));
    // The frequent queries: "zzqx" finds nothing with keyword search.
    const auto* queries = m_page->queriesModel();
    bool zzqx = false;
    for (int row = 0; row < queries->rowCount(); ++row)
        if (queries->index(row, 0).data().toString() == QStringLiteral("zzqx")) {
            zzqx = true;
            QCOMPARE(queries->index(row, 2).data().toString(), QStringLiteral("none"));
        }
    QVERIFY(zzqx);
}

void TestSearchPage::threeMethodsSideBySide() {
    m_page->thirdMethod()->setCurrentIndex(0);
    m_page->queryEdit()->setText(QStringLiteral("backpak"));
    QTest::keyClick(m_page->queryEdit(), Qt::Key_Return);
    const SearchResultsModel* keyword = m_page->resultsModel(0);
    const SearchResultsModel* semantic = m_page->resultsModel(1);
    const SearchResultsModel* hybrid = m_page->resultsModel(2);
    QVERIFY(keyword->rowCount() > 0);
    QVERIFY(semantic->rowCount() > 0);
    QVERIFY(hybrid->rowCount() >= keyword->rowCount());
    QVERIFY(m_page->resultsNote(0)->text().contains(QStringLiteral("<b>backpack</b>")));
    QVERIFY(column(keyword, 0, SearchResultsModel::Product).contains(QStringLiteral("Backpack")));
    QCOMPARE(column(keyword, 0, SearchResultsModel::Matched), QStringLiteral("backpack"));
    // The table's scores are the engine's, best first.
    for (const auto* model : {keyword, semantic, hybrid})
        for (int row = 1; row < model->rowCount(); ++row)
            QVERIFY(model->index(row - 1, SearchResultsModel::Score)
                        .data(SearchResultsModel::ValueRole)
                        .toDouble() >= model->index(row, SearchResultsModel::Score)
                                           .data(SearchResultsModel::ValueRole)
                                           .toDouble());
    m_page->queryEdit()->setText(QStringLiteral("zzqx"));
    m_page->search();
    QCOMPARE(keyword->rowCount(), 0);
    QVERIFY(m_page->resultsNote(0)->text().contains(QStringLiteral("No results")));
}

void TestSearchPage::clickFeedbackKnowsTheLogsWords() {
    m_page->queryEdit()->setText(QStringLiteral("bivvy"));
    m_page->thirdMethod()->setCurrentIndex(0); // catalog only
    m_page->search();
    QCOMPARE(m_page->resultsModel(0)->rowCount(), 0);
    m_page->thirdMethod()->setCurrentIndex(1); // searches again
    const SearchResultsModel* clicks = m_page->resultsModel(2);
    QVERIFY(clicks->rowCount() > 0);
    QCOMPARE(column(clicks, 0, SearchResultsModel::Product),
             QStringLiteral("Summit Ultralight Backpacking Tent"));
    m_page->thirdMethod()->setCurrentIndex(0);
}

void TestSearchPage::synonymsAreValidatedAndSaved() {
    m_page->synonymsEdit()->setPlainText(QStringLiteral("shelter, tent\nlantern\n"));
    QVERIFY(!m_page->saveSynonyms());
    QVERIFY(m_page->synonymsMessage()->text().contains(QStringLiteral("line 2")));
    QVERIFY(!m_page->isBusy());
    QSignalSpy shown(m_page.get(), SIGNAL(dataShown()));
    m_page->synonymsEdit()->setPlainText(QStringLiteral("shelter, tent\n"));
    QVERIFY(m_page->saveSynonyms());
    QVERIFY(shown.wait(kTimeoutMs));
    auto workspace = merch::Workspace::open(m_path.toStdString());
    QVERIFY(workspace.isOk());
    QCOMPARE(*(*workspace)->meta(merch::kSynonymsMetaKey), std::string("shelter, tent\n"));
    m_page->queryEdit()->setText(QStringLiteral("shelter"));
    m_page->search();
    QCOMPARE(m_page->resultsModel(0)->rowCount(), 2);
    QVERIFY(m_page->resultsNote(0)->text().contains(QStringLiteral("synonyms: tent")));
}

void TestSearchPage::modelsPassTheTester() {
    QAbstractItemModelTester a(m_page->resultsModel(0),
                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester b(m_page->methodsModel(),
                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester c(m_page->queriesModel(),
                               QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->queryEdit()->setText(QStringLiteral("sleeping bag"));
    m_page->search();
    QVERIFY(m_page->resultsModel(0)->rowCount() >= 2);
}

void TestSearchPage::cancelStopsTheRun() {
    // 30,000 generated products take seconds to index: long enough to cancel.
    std::vector<merch::Product> products;
    for (int i = 0; i < 30000; ++i) {
        merch::Product p;
        p.id = "P" + std::to_string(i);
        p.title = "Item " + std::to_string(i) + " model " + std::to_string(i * 7919 % 100003) +
                  " series " + std::to_string(i % 97);
        products.push_back(std::move(p));
    }
    const QString path = m_dir.filePath(QStringLiteral("large.merchsim"));
    QVERIFY(writeStore(path, products, {}).isOk());
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    QVERIFY(snapshot.isOk());
    QSignalSpy cancelled(m_page->runner(), SIGNAL(cancelled()));
    m_page->setSnapshot(*snapshot); // visible: runs at once
    QVERIFY(m_page->isBusy());
    QCOMPARE(m_page->state(), QStringLiteral("progress"));
    m_page->progress()->cancelButton()->click();
    QVERIFY(cancelled.wait(kTimeoutMs));
    QVERIFY(!m_page->isBusy());
    QCOMPARE(m_page->state(), QStringLiteral("empty"));
    QVERIFY(!m_page->searchData());
}

QTEST_MAIN(TestSearchPage)
#include "tst_search_page.moc"
