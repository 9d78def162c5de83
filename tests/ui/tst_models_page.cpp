// The Models page on a small generated demo store (300 products, 21 days, 150 sessions a day):
// the metrics table rows are a direct evaluateRecommenders call's results, the chart has one
// bar set per metric with one value per model, the recommendations playground shows 10 items
// with reasons naming products, the category playground shows the same products in both
// orders with the moves computed right, settings are validated next to their widgets, a
// workspace without a catalog says so, and the page's item models pass the tester.
#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

#include "charts/model_metrics_chart.h"
#include "jobs/models_runner.h"
#include "jobs/store_snapshot.h"
#include "merch/demo_store.h"
#include "merch/workspace.h"
#include "models/category_order_model.h"
#include "models/model_metrics_model.h"
#include "models/recommendation_list_model.h"
#include "pages/category_playground.h"
#include "pages/model_settings_panel.h"
#include "pages/models_page.h"
#include "pages/recommendation_playground.h"
#include "window_test_support.h"

using merch::ui::ModelMetricsModel;
using merch::ui::ModelSettingsPanel;
using merch::ui::ModelsPage;

namespace {

constexpr int kTimeoutMs = 60000;

bool waitForModels(ModelsPage* page, const std::function<void()>& start) {
    QSignalSpy shown(page, &ModelsPage::modelsShown);
    start();
    return !shown.isEmpty() || shown.wait(kTimeoutMs);
}

} // namespace

class TestModelsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void metricsRowsAreTheEngineResults_data();
    void metricsRowsAreTheEngineResults();
    void baselinesAreMarked();
    void chartHasABarSetPerMetric();
    void playgroundShowsTenWithReasons_data();
    void playgroundShowsTenWithReasons();
    void playgroundAppliesBusinessRules();
    void categoryOrdersHoldTheSameProducts_data();
    void categoryOrdersHoldTheSameProducts();
    void settingsAreValidatedNextToTheWidget_data();
    void settingsAreValidatedNextToTheWidget();
    void modelsPassTheTester();
    void workspaceWithoutCatalogSaysSo();

private:
    QTemporaryDir m_dir;
    merch::ui::SnapshotPtr m_snapshot;
    std::unique_ptr<ModelsPage> m_page;
    merch::EvaluationResult m_expected;
};

void TestModelsPage::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("models.merchsim"));
    merch::DemoStoreParams params;
    params.world.products = 300;
    params.world.days = 21;
    params.world.sessionsPerDay = 150;
    merch::RunControl control;
    control.seed = 11;
    auto written = merch::writeDemoStore(path.toStdString(), params, control);
    QVERIFY2(written.isOk(), written.status().toString().c_str());
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    QVERIFY(snapshot.isOk());
    m_snapshot = *snapshot;

    // The engine's evaluation, called directly with the page's default settings.
    auto workspace = merch::Workspace::open(path.toStdString());
    QVERIFY(workspace.isOk());
    auto events = (*workspace)->loadEvents();
    QVERIFY(events.isOk());
    const auto data = merch::SessionData::fromEvents(*events);
    auto expected = merch::evaluateRecommenders(data, merch::recommenderNames(true), {}, {}, {},
                                                m_snapshot->products.get());
    QVERIFY(expected.isOk());
    m_expected = std::move(expected).value();

    m_page = std::make_unique<ModelsPage>();
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(waitForModels(m_page.get(), [&] { m_page->setSnapshot(m_snapshot); }));
    QCOMPARE(m_page->state(), QStringLiteral("content"));
}

void TestModelsPage::cleanupTestCase() {
    m_page.reset();
}

void TestModelsPage::metricsRowsAreTheEngineResults_data() {
    QTest::addColumn<int>("column");
    QTest::newRow("HR@20") << int(ModelMetricsModel::HitRate);
    QTest::newRow("MRR@20") << int(ModelMetricsModel::Mrr);
    QTest::newRow("NDCG@20") << int(ModelMetricsModel::Ndcg);
    QTest::newRow("coverage") << int(ModelMetricsModel::Coverage);
    QTest::newRow("popularity bias") << int(ModelMetricsModel::PopularityBias);
    QTest::newRow("cases") << int(ModelMetricsModel::Cases);
}

void TestModelsPage::metricsRowsAreTheEngineResults() {
    QFETCH(int, column);
    const QAbstractItemModel* model = m_page->metricsTable()->model();
    QCOMPARE(model->rowCount(), static_cast<int>(m_expected.models.size()));
    QCOMPARE(model->rowCount(), static_cast<int>(merch::recommenderNames(true).size()));
    for (int row = 0; row < model->rowCount(); ++row) {
        const merch::ModelEvaluation& e = m_expected.models[static_cast<std::size_t>(row)];
        QCOMPARE(model->index(row, 0).data(ModelMetricsModel::NameRole).toString(),
                 QString::fromStdString(e.name));
        const QVariant value = model->index(row, column).data(ModelMetricsModel::ValueRole);
        switch (column) {
        case ModelMetricsModel::HitRate:
            QCOMPARE(value.toDouble(), e.hitRate);
            QCOMPARE(model->index(row, column).data().toString(),
                     QString::number(e.hitRate, 'f', 3));
            break;
        case ModelMetricsModel::Mrr:
            QCOMPARE(value.toDouble(), e.mrr);
            break;
        case ModelMetricsModel::Ndcg:
            QCOMPARE(value.toDouble(), e.ndcg);
            break;
        case ModelMetricsModel::Coverage:
            QCOMPARE(value.toDouble(), e.coverage);
            break;
        case ModelMetricsModel::PopularityBias:
            QCOMPARE(value.toDouble(), e.popularityBias);
            break;
        case ModelMetricsModel::Cases:
            QCOMPARE(value.toLongLong(), static_cast<qlonglong>(e.cases));
            break;
        default:
            QFAIL("unexpected column");
        }
    }
    QCOMPARE(model->headerData(ModelMetricsModel::HitRate, Qt::Horizontal).toString(),
             QStringLiteral("HR@20"));
}

void TestModelsPage::baselinesAreMarked() {
    const QAbstractItemModel* model = m_page->metricsTable()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString name = model->index(row, 0).data(ModelMetricsModel::NameRole).toString();
        const bool baseline = name == QStringLiteral("random") ||
                              name == QStringLiteral("best_seller") ||
                              name == QStringLiteral("spop");
        QCOMPARE(model->index(row, 0).data(ModelMetricsModel::BaselineRole).toBool(), baseline);
        QCOMPARE(model->index(row, 0).data(Qt::FontRole).value<QFont>().italic(), baseline);
    }
}

void TestModelsPage::chartHasABarSetPerMetric() {
    const merch::ui::ModelMetricsChart* chart = m_page->chart();
    QCOMPARE(chart->barSetLabels(),
             (QStringList{QStringLiteral("HR@20"), QStringLiteral("MRR@20")}));
    QCOMPARE(chart->modelLabels().size(), static_cast<int>(m_expected.models.size()));
    const QList<qreal> hr = chart->values(0);
    const QList<qreal> mrr = chart->values(1);
    QCOMPARE(hr.size(), static_cast<int>(m_expected.models.size()));
    QCOMPARE(mrr.size(), static_cast<int>(m_expected.models.size()));
    for (std::size_t i = 0; i < m_expected.models.size(); ++i) {
        QCOMPARE(hr[static_cast<int>(i)], m_expected.models[i].hitRate);
        QCOMPARE(mrr[static_cast<int>(i)], m_expected.models[i].mrr);
        QCOMPARE(chart->modelLabels()[static_cast<int>(i)],
                 merch::ui::modelLabel(m_expected.models[i].name));
    }
}

void TestModelsPage::playgroundShowsTenWithReasons_data() {
    QTest::addColumn<QString>("model");
    QTest::newRow("item kNN") << "item_knn";
    QTest::newRow("session kNN+") << "sknn_plus";
    QTest::newRow("V-SKNN") << "vsknn";
    QTest::newRow("STAN") << "stan";
    QTest::newRow("best-seller") << "best_seller";
    QTest::newRow("content") << "content";
    QTest::newRow("hybrid") << "hybrid";
}

void TestModelsPage::playgroundShowsTenWithReasons() {
    QFETCH(QString, model);
    merch::ui::RecommendationPlayground* playground = m_page->recommendations();
    // The most viewed product: every model has at least 10 products to follow it with.
    const merch::ui::ModelsPtr result = m_page->result();
    std::vector<int> views(static_cast<std::size_t>(result->sessions->itemCount()), 0);
    for (const merch::SessionRecord& session : result->sessions->sessions())
        for (const int i : session.items)
            ++views[static_cast<std::size_t>(i)];
    const int item = static_cast<int>(std::max_element(views.begin(), views.end()) - views.begin());
    playground->showFor(item, model);
    QCOMPARE(playground->productCombo()->currentData().toInt(), item);
    QCOMPARE(playground->modelCombo()->currentData().toString(), model);
    const merch::ui::RecommendationListModel* list = playground->listModel();
    QCOMPARE(list->rowCount(), merch::ui::RecommendationPlayground::kCount);
    static const QRegularExpression itemRef(QStringLiteral("\\bitem \\d+"));
    for (const merch::ui::RecommendationRow& row : list->rows()) {
        QVERIFY2(!row.why.trimmed().isEmpty(), qPrintable(row.title));
        QVERIFY2(!row.why.contains(itemRef), qPrintable(row.why)); // products named by title
        QVERIFY(!row.title.isEmpty());
    }
}

void TestModelsPage::playgroundAppliesBusinessRules() {
    merch::ui::RecommendationPlayground* playground = m_page->recommendations();
    const merch::ui::ModelsPtr result = m_page->result();
    std::vector<int> views(static_cast<std::size_t>(result->sessions->itemCount()), 0);
    for (const merch::SessionRecord& session : result->sessions->sessions())
        for (const int i : session.items)
            ++views[static_cast<std::size_t>(i)];
    const int item = static_cast<int>(std::max_element(views.begin(), views.end()) - views.begin());
    playground->showFor(item, QStringLiteral("item_knn"));
    const auto ids = [&] {
        QStringList out;
        for (const auto& row : playground->listModel()->rows())
            out << row.productId;
        return out;
    };
    const QStringList plain = ids();
    QCOMPARE(plain.size(), merch::ui::RecommendationPlayground::kCount);
    QVERIFY(playground->rulesSummary().isEmpty());

    // Pin the last, bury the first: the pin leads and says so; the buried one goes after every
    // other product the model ranks, so with more than ten to show it drops off the list.
    playground->pinProduct(plain.last());
    playground->buryProduct(plain.first());
    const auto& rows = playground->listModel()->rows();
    QCOMPARE(rows.front().productId, plain.last());
    QCOMPARE(rows.front().why, QStringLiteral("pinned by the merchandiser"));
    QCOMPARE(static_cast<int>(rows.size()), merch::ui::RecommendationPlayground::kCount);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (rows[i].productId == plain.first()) {
            QCOMPARE(i + 1, rows.size());
            QVERIFY2(rows[i].why.startsWith(QStringLiteral("buried by the merchandiser")),
                     qPrintable(rows[i].why));
        }
    }
    QCOMPARE(rows[1].productId, plain[1]); // the rest keep the model's order
    QVERIFY(playground->rulesSummary().contains(QStringLiteral("1 buried")));
    QVERIFY(playground->rulesSummary().contains(QStringLiteral("1 pinned")));
    playground->clearPinsAndBurials();
    QCOMPARE(ids(), plain);

    // Kill switch: the best-seller's list, each row saying why.
    playground->killSwitchCheck()->setChecked(true);
    playground->showFor(item, QStringLiteral("best_seller"));
    playground->killSwitchCheck()->setChecked(false);
    const QStringList bestSellers = ids();
    playground->showFor(item, QStringLiteral("item_knn"));
    playground->killSwitchCheck()->setChecked(true);
    QCOMPARE(ids(), bestSellers);
    for (const auto& row : playground->listModel()->rows())
        QVERIFY2(row.why.startsWith(QStringLiteral("fell back to best-seller: kill switch on")),
                 qPrintable(row.why));
    playground->killSwitchCheck()->setChecked(false);

    // A cap of one per category: no two rows share a category.
    playground->capSpin()->setValue(1);
    QStringList categories;
    for (const QString& id : ids()) {
        const int index = result->sessions->itemIndex(id.toStdString());
        categories << QString::fromStdString(
            result->ruleCatalog.category[static_cast<std::size_t>(index)]);
    }
    QVERIFY(!categories.isEmpty());
    QCOMPARE(QSet<QString>(categories.begin(), categories.end()).size(), categories.size());
    playground->capSpin()->setValue(0);

    // Out of stock hidden; a shopper's purchases hidden.
    playground->outOfStockCheck()->setChecked(true);
    for (const QString& id : ids())
        QVERIFY(
            result->ruleCatalog
                .inStock[static_cast<std::size_t>(result->sessions->itemIndex(id.toStdString()))]);
    playground->outOfStockCheck()->setChecked(false);
    QVERIFY(playground->purchasedByCombo()->count() == 1 + int(result->recentPurchases.size()));
    if (playground->purchasedByCombo()->count() > 1) {
        playground->purchasedByCombo()->setCurrentIndex(1);
        for (const QString& id : ids()) {
            const int index = result->sessions->itemIndex(id.toStdString());
            const auto& bought = result->recentPurchases.front().second;
            QVERIFY(std::find(bought.begin(), bought.end(), index) == bought.end());
        }
        playground->purchasedByCombo()->setCurrentIndex(0);
    }
    QCOMPARE(ids(), plain);
}

void TestModelsPage::categoryOrdersHoldTheSameProducts_data() {
    QTest::addColumn<int>("recentCount");
    QTest::newRow("new visitor") << 0;
    QTest::newRow("3 recent products") << 3;
    QTest::newRow("7 recent products") << 7;
}

void TestModelsPage::categoryOrdersHoldTheSameProducts() {
    QFETCH(int, recentCount);
    merch::ui::CategoryPlayground* playground = m_page->categoryPage();
    QVERIFY(playground->unavailableMessage().isEmpty());
    QVERIFY(playground->categoryCombo()->count() > 0);
    playground->setCategory(playground->categoryCombo()->itemData(0).toString());
    const std::vector<int> page = playground->bestSellerOrder();
    QVERIFY(!page.empty());
    // Recent products from this page's category, most recent last.
    std::vector<int> recent(
        page.rbegin(), page.rbegin() + std::min<std::ptrdiff_t>(recentCount, std::ssize(page)));
    playground->setRecent(recent);
    QCOMPARE(playground->recent(), recent);

    std::vector<int> bestSeller = playground->bestSellerOrder();
    std::vector<int> personalized = playground->personalizedOrder();
    QCOMPARE(personalized.size(), bestSeller.size());
    // The best-seller order is the ranker's popularity feature, descending.
    const merch::PersonalizedRanker& ranker = *m_page->result()->ranker;
    for (std::size_t i = 1; i < bestSeller.size(); ++i)
        QVERIFY(ranker.features({}, bestSeller[i - 1])[0] >= ranker.features({}, bestSeller[i])[0]);
    // The personalized order is the ranker's.
    std::vector<int> expected = bestSeller;
    ranker.rank(recent, expected);
    QCOMPARE(personalized, expected);
    // Moves: best-seller position minus personalized position, shown in the model.
    const merch::ui::CategoryOrderModel* model = playground->orderModel();
    QCOMPARE(model->rowCount(), static_cast<int>(bestSeller.size()));
    for (std::size_t i = 0; i < personalized.size(); ++i) {
        const auto from = std::find(bestSeller.begin(), bestSeller.end(), personalized[i]);
        QVERIFY(from != bestSeller.end());
        const int move = static_cast<int>(from - bestSeller.begin()) - static_cast<int>(i);
        const QModelIndex cell =
            model->index(static_cast<int>(i), merch::ui::CategoryOrderModel::Move);
        QCOMPARE(cell.data(merch::ui::CategoryOrderModel::MoveRole).toInt(), move);
        if (move > 0)
            QVERIFY(cell.data().toString().startsWith(QStringLiteral("▲")));
        else if (move < 0)
            QVERIFY(cell.data().toString().startsWith(QStringLiteral("▼")));
        else
            QCOMPARE(cell.data().toString(), QStringLiteral("="));
    }
    std::sort(bestSeller.begin(), bestSeller.end());
    std::sort(personalized.begin(), personalized.end());
    QCOMPARE(personalized, bestSeller);
    QVERIFY(playground->weightsText().contains(QStringLiteral("<td>")));
}

void TestModelsPage::settingsAreValidatedNextToTheWidget_data() {
    QTest::addColumn<int>("field");
    QTest::addColumn<double>("value");
    QTest::addColumn<bool>("valid");
    QTest::newRow("k = 0") << int(ModelSettingsPanel::K) << 0.0 << false;
    QTest::newRow("k = 1001") << int(ModelSettingsPanel::K) << 1001.0 << false;
    QTest::newRow("k = 10") << int(ModelSettingsPanel::K) << 10.0 << true;
    QTest::newRow("test days = 0") << int(ModelSettingsPanel::TestDays) << 0.0 << false;
    QTest::newRow("window = 0") << int(ModelSettingsPanel::Window) << 0.0 << false;
    QTest::newRow("shrinkage = -1") << int(ModelSettingsPanel::Shrinkage) << -1.0 << false;
    QTest::newRow("neighbours = 0") << int(ModelSettingsPanel::Neighbours) << 0.0 << false;
    QTest::newRow("neighbours = 50") << int(ModelSettingsPanel::Neighbours) << 50.0 << true;
}

void TestModelsPage::settingsAreValidatedNextToTheWidget() {
    QFETCH(int, field);
    QFETCH(double, value);
    QFETCH(bool, valid);
    ModelSettingsPanel panel;
    switch (field) {
    case ModelSettingsPanel::K:
        panel.kSpin()->setValue(static_cast<int>(value));
        break;
    case ModelSettingsPanel::TestDays:
        panel.testDaysSpin()->setValue(value);
        break;
    case ModelSettingsPanel::Window:
        panel.windowSpin()->setValue(static_cast<int>(value));
        break;
    case ModelSettingsPanel::Shrinkage:
        panel.shrinkageSpin()->setValue(value);
        break;
    case ModelSettingsPanel::Neighbours:
        panel.neighboursSpin()->setValue(static_cast<int>(value));
        break;
    default:
        QFAIL("unexpected field");
    }
    const auto f = static_cast<ModelSettingsPanel::Field>(field);
    QCOMPARE(panel.errorFor(f).isEmpty(), valid);
    QCOMPARE(panel.isValid(), valid);
    QCOMPARE(panel.trainButton()->isEnabled(), valid);
    if (!valid) { // the engine's own message, naming the field
        const merch::Status evaluation = panel.evaluationParams().validate();
        const merch::Status recommender = panel.recommenderParams().validate();
        const std::string message = !evaluation ? evaluation.message() : recommender.message();
        QCOMPARE(panel.errorFor(f), QString::fromStdString(message));
    }
    for (int other = 0; other < ModelSettingsPanel::FieldCount; ++other) {
        if (other != field)
            QVERIFY(panel.errorFor(static_cast<ModelSettingsPanel::Field>(other)).isEmpty());
    }
}

void TestModelsPage::modelsPassTheTester() {
    QAbstractItemModelTester metrics(m_page->metricsModel(),
                                     QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester list(m_page->recommendations()->listModel(),
                                  QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester order(m_page->categoryPage()->orderModel(),
                                   QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_page->recommendations()->showFor(0, QStringLiteral("item_knn"));
    m_page->categoryPage()->setRecent({0, 1});
    merch::ui::ModelMetricsModel empty;
    QAbstractItemModelTester emptyTester(&empty,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    empty.setResult(m_page->result());
    empty.setResult(nullptr);
}

void TestModelsPage::workspaceWithoutCatalogSaysSo() {
    // The same events with no products: what a public session dataset looks like.
    auto noCatalog = std::make_shared<merch::ui::StoreSnapshot>(*m_snapshot);
    noCatalog->products = std::make_shared<const std::vector<merch::Product>>();
    noCatalog->summary.products = 0;
    ModelsPage page;
    page.resize(1200, 800);
    QVERIFY(waitForModels(&page, [&] { page.setSnapshot(noCatalog); }));
    const auto names = merch::recommenderNames(false);
    QCOMPARE(page.metricsModel()->rowCount(), static_cast<int>(names.size()));
    for (int row = 0; row < page.metricsModel()->rowCount(); ++row) {
        const QString name =
            page.metricsModel()->index(row, 0).data(ModelMetricsModel::NameRole).toString();
        QVERIFY(name != QStringLiteral("content") && name != QStringLiteral("hybrid"));
    }
    QVERIFY(page.metricsNote().contains(QStringLiteral("no catalog")));
    QVERIFY(page.categoryPage()->unavailableMessage().contains(QStringLiteral("no catalog")));
    QCOMPARE(page.recommendations()->modelCombo()->findData(QStringLiteral("content")), -1);
}

QTEST_MAIN(TestModelsPage)
#include "tst_models_page.moc"
