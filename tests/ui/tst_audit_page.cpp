// The Audit page on a small generated demo store: the score, verdict and parts are the
// engine's, the fix list rows are result.fixes, selecting a fix shows its products, the
// coverage chart has one bar per field and the target line where the target is, a new target
// re-runs the audit, the fix list exports as the engine's CSV, and an empty catalog points to
// File > Import. The page's item models are checked with QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QFile>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "charts/coverage_chart.h"
#include "dialogs/import_wizard.h"
#include "format.h"
#include "import_controller.h"
#include "jobs/audit_runner.h"
#include "main_window.h"
#include "merch/audit.h"
#include "merch/workspace.h"
#include "models/affected_products_model.h"
#include "models/category_suggestion_model.h"
#include "models/fix_list_model.h"
#include "models/tag_cluster_model.h"
#include "pages/audit_page.h"
#include "pages/audit_score_panel.h"
#include "pages/fix_list_panel.h"
#include "widgets/empty_state.h"
#include "window_test_support.h"

using merch::ui::AuditPage;
using merch::ui::FixListModel;
using merch::ui::MainWindow;

namespace {

constexpr int kAuditTimeoutMs = 60000;

merch::AuditResult engineAudit(const std::vector<merch::Product>& products, double target) {
    merch::AuditParams params;
    params.readinessTarget = target;
    auto result = merch::auditCatalog(products, params, merch::RunControl{});
    return result ? std::move(result).value() : merch::AuditResult{};
}

// Runs `start` and waits until the page shows a new audit.
bool waitForAudit(AuditPage* page, const std::function<void()>& start) {
    QSignalSpy shown(page, &AuditPage::auditShown);
    start();
    return !shown.isEmpty() || shown.wait(kAuditTimeoutMs);
}

} // namespace

class TestAuditPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void showsTheEngineScore();
    void fixListRowsAreTheEngineFixes();
    void drillDownShowsAffectedProducts_data();
    void drillDownShowsAffectedProducts();
    void chartHasOneBarPerFieldAndTheTargetLine();
    void barTooltipsGiveCountsAndScope();
    void newTargetRerunsTheAudit_data();
    void newTargetRerunsTheAudit();
    void exportWritesTheFixListCsv();
    void tagClustersAndSuggestionsAreListed();
    void modelsPassTheTester();
    void staleAuditIsDropped();
    void emptyCatalogPointsToImport();

private:
    AuditPage* page() const { return m_window->auditPage(); }
    const std::vector<merch::Product>& products() const { return *m_window->snapshot()->products; }

    QTemporaryDir m_dir;
    QString m_store;
    std::unique_ptr<MainWindow> m_window;
    merch::AuditResult m_expected; // the engine's audit of the store at the default target
};

void TestAuditPage::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_store = m_dir.filePath(QStringLiteral("small.merchsim"));
    auto written = merch::test::writeSmallDemo(m_store);
    QVERIFY2(written.isOk(), written.status().toString().c_str());

    m_window = std::make_unique<MainWindow>();
    m_window->setErrorReporter([](const merch::ui::ErrorReport& report) {
        QFAIL(qPrintable(report.title + QStringLiteral(": ") + report.message));
    });
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->showPage(QStringLiteral("Audit")));
    QSignalSpy shown(page(), &AuditPage::auditShown);
    QVERIFY(merch::test::runAndWaitForLoad(*m_window, [&] { m_window->openWorkspace(m_store); }));
    QVERIFY(!shown.isEmpty() || shown.wait(kAuditTimeoutMs));
    QCOMPARE(page()->state(), QStringLiteral("content"));
    m_expected = engineAudit(products(), 0.95);
    QVERIFY(!m_expected.fixes.empty());
}

void TestAuditPage::cleanupTestCase() {
    m_window.reset();
}

void TestAuditPage::showsTheEngineScore() {
    const merch::ui::AuditPtr shown = page()->result();
    QVERIFY(shown);
    QCOMPARE(shown->score, m_expected.score);
    QCOMPARE(shown->ready, m_expected.ready);
    const merch::ui::AuditScorePanel* panel = page()->scorePanel();
    QCOMPARE(panel->scoreText(), QString::number(qRound(m_expected.score)));
    QCOMPARE(panel->verdictText(),
             m_expected.ready ? QStringLiteral("Ready") : QStringLiteral("Not ready"));
    QVERIFY(panel->verdictDetail().contains(QStringLiteral("95.0%")));
    // The three parts, as the engine explains them.
    const QStringList parts = panel->explanationParts();
    QCOMPARE(parts.size(), 3);
    QCOMPARE(parts.join(QStringLiteral("; ")), QString::fromStdString(m_expected.scoreExplanation));
    QVERIFY(parts[0].contains(QStringLiteral("of 60")));
    QVERIFY(parts[1].contains(QStringLiteral("of 20")));
    QVERIFY(parts[2].contains(QStringLiteral("of 20")));
}

void TestAuditPage::fixListRowsAreTheEngineFixes() {
    const QAbstractItemModel* model = page()->fixPanel()->fixTable()->model();
    QCOMPARE(model->rowCount(), static_cast<int>(m_expected.fixes.size()));
    QCOMPARE(model->columnCount(), int(FixListModel::ColumnCount));
    for (int row = 0; row < model->rowCount(); ++row) {
        const merch::AuditIssue& fix = m_expected.fixes[static_cast<std::size_t>(row)];
        const auto cell = [&](int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(cell(FixListModel::Rank), QString::number(row + 1));
        QCOMPARE(cell(FixListModel::Issue), QString::fromStdString(fix.title));
        QCOMPARE(cell(FixListModel::Skus), merch::ui::formatCount(fix.affectedSkus));
        QCOMPARE(cell(FixListModel::Products),
                 merch::ui::formatCount(static_cast<std::int64_t>(fix.productIds.size())));
        QCOMPARE(cell(FixListModel::WhyItMatters), QString::fromStdString(fix.whyItMatters));
        QCOMPARE(model->index(row, 0).data(FixListModel::IssueIdRole).toString(),
                 QString::fromStdString(fix.id));
    }
    QCOMPARE(page()->tabs()->tabText(0),
             QStringLiteral("Fix list (%1)").arg(m_expected.fixes.size()));
}

void TestAuditPage::drillDownShowsAffectedProducts_data() {
    QTest::addColumn<int>("row");
    QTest::newRow("top fix") << 0;
    QTest::newRow("second fix") << 1;
    QTest::newRow("last fix") << -1;
}

void TestAuditPage::drillDownShowsAffectedProducts() {
    QFETCH(int, row);
    merch::ui::FixListPanel* panel = page()->fixPanel();
    QTableView* fixes = panel->fixTable();
    if (row < 0)
        row = fixes->model()->rowCount() - 1;
    QVERIFY(row < fixes->model()->rowCount());
    const merch::AuditIssue& fix = m_expected.fixes[static_cast<std::size_t>(row)];

    // Select by clicking the row, as a user would.
    const QModelIndex index = fixes->model()->index(row, FixListModel::Issue);
    fixes->scrollTo(index);
    QTest::mouseClick(fixes->viewport(), Qt::LeftButton, {}, fixes->visualRect(index).center());
    QCOMPARE(panel->selectedFix(), row);

    const QAbstractItemModel* affected = panel->affectedTable()->model();
    const int count = static_cast<int>(fix.productIds.size());
    QCOMPARE(affected->rowCount(), count);
    QVERIFY(panel->affectedCountText().contains(merch::ui::formatCount(count)));
    QVERIFY(count > 0);
    const QString firstId = QString::fromStdString(fix.productIds.front());
    QCOMPARE(affected->index(0, merch::ui::AffectedProductsModel::Id).data().toString(), firstId);
    const auto product =
        std::find_if(products().begin(), products().end(),
                     [&](const merch::Product& p) { return p.id == fix.productIds.front(); });
    QVERIFY(product != products().end());
    QCOMPARE(affected->index(0, merch::ui::AffectedProductsModel::Title).data().toString(),
             QString::fromStdString(product->title));
    // Examples that say more than a product id are shown.
    for (const std::string& example : fix.examples) {
        if (std::find(fix.productIds.begin(), fix.productIds.end(), example) ==
            fix.productIds.end())
            QVERIFY(panel->examplesText().contains(QString::fromStdString(example)));
    }
}

void TestAuditPage::chartHasOneBarPerFieldAndTheTargetLine() {
    const merch::ui::CoverageChart* chart = page()->chart();
    QCOMPARE(chart->barCount(), static_cast<int>(m_expected.coverage.size()));
    QCOMPARE(chart->barCount(), 9); // category, color, size, material, price, + 4 others
    QStringList labels;
    for (const merch::FieldCoverage& field : m_expected.coverage)
        labels << merch::ui::auditFieldLabel(field.field);
    QCOMPARE(chart->fieldLabels(), labels);
    QCOMPARE(chart->targetLineValue(), 95.0);
}

void TestAuditPage::barTooltipsGiveCountsAndScope() {
    const merch::ui::CoverageChart* chart = page()->chart();
    for (int i = 0; i < static_cast<int>(m_expected.coverage.size()); ++i) {
        const merch::FieldCoverage& field = m_expected.coverage[static_cast<std::size_t>(i)];
        const QString tip = chart->toolTipFor(i);
        QVERIFY2(tip.contains(QStringLiteral("%1 of %2 SKUs")
                                  .arg(merch::ui::formatCount(field.filled),
                                       merch::ui::formatCount(field.applicable))),
                 qPrintable(tip));
        QVERIFY2(tip.contains(QString::fromStdString(field.scope).toHtmlEscaped()),
                 qPrintable(tip));
        QCOMPARE(tip.contains(QStringLiteral("Readiness field")), field.readiness);
    }
}

void TestAuditPage::newTargetRerunsTheAudit_data() {
    QTest::addColumn<int>("percent");
    QTest::newRow("80%") << 80;
    QTest::newRow("100%") << 100;
    QTest::newRow("lowest, 50%") << 50;
}

void TestAuditPage::newTargetRerunsTheAudit() {
    QFETCH(int, percent);
    QSpinBox* spin = page()->scorePanel()->targetSpin();
    QCOMPARE(spin->minimum(), 50);
    QCOMPARE(spin->maximum(), 100);
    QVERIFY(waitForAudit(page(), [&] { spin->setValue(percent); }));
    const merch::AuditResult expected = engineAudit(products(), percent / 100.0);
    QCOMPARE(page()->result()->readinessTarget, percent / 100.0);
    QCOMPARE(page()->result()->score, expected.score);
    QCOMPARE(page()->result()->ready, expected.ready);
    QCOMPARE(page()->chart()->targetLineValue(), static_cast<double>(percent));
    QCOMPARE(page()->fixPanel()->fixTable()->model()->rowCount(),
             static_cast<int>(expected.fixes.size()));
    QVERIFY(waitForAudit(page(), [&] { spin->setValue(95); }));
    QCOMPARE(page()->result()->score, m_expected.score);
}

void TestAuditPage::exportWritesTheFixListCsv() {
    const QString path = m_dir.filePath(QStringLiteral("fixes")); // ".csv" is added
    merch::ui::FixListPanel* panel = page()->fixPanel();
    panel->setPathChooser([&](const QString& suggested) {
        [&] { QVERIFY(suggested.endsWith(QStringLiteral("fix-list.csv"))); }();
        return path;
    });
    QSignalSpy exported(panel, &merch::ui::FixListPanel::exported);
    QSignalSpy failed(panel, &merch::ui::FixListPanel::exportFailed);
    QVERIFY(panel->exportButton()->isVisible());
    QTest::mouseClick(panel->exportButton(), Qt::LeftButton);
    QCOMPARE(failed.count(), 0);
    QCOMPARE(exported.count(), 1);
    QCOMPARE(exported.constFirst().constFirst().toString(), path + QStringLiteral(".csv"));

    QFile file(path + QStringLiteral(".csv"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray csv = file.readAll();
    const QByteArray header = csv.left(csv.indexOf('\n'));
    QCOMPARE(header, QByteArray("rank,issue,title,affected_skus,affected_products,impact,"
                                "why_it_matters,examples,product_ids"));
    QCOMPARE(csv, QByteArray::fromStdString(merch::fixListCsv(m_expected)));
    QCOMPARE(csv.count('\n'), static_cast<qsizetype>(m_expected.fixes.size()) + 1);
}

void TestAuditPage::tagClustersAndSuggestionsAreListed() {
    QCOMPARE(page()->tagTable()->model()->rowCount(),
             static_cast<int>(m_expected.tagClusters.size()));
    QCOMPARE(page()->suggestionTable()->model()->rowCount(),
             static_cast<int>(m_expected.categorySuggestions.size()));
    if (!m_expected.tagClusters.empty())
        QCOMPARE(page()->tagTable()->model()->index(0, 0).data().toString(),
                 QString::fromStdString(m_expected.tagClusters.front().suggested));
    QVERIFY(page()->tabs()->tabText(1).contains(QString::number(m_expected.tagClusters.size())));
    QVERIFY(page()->tabs()->tabText(2).contains(
        QString::number(m_expected.categorySuggestions.size())));
}

void TestAuditPage::modelsPassTheTester() {
    auto result = std::make_shared<const merch::AuditResult>(m_expected);
    auto catalog = m_window->snapshot()->products;
    using Mode = QAbstractItemModelTester::FailureReportingMode;

    FixListModel fixes;
    QAbstractItemModelTester fixTester(&fixes, Mode::QtTest);
    fixes.setResult(result);
    QCOMPARE(fixes.rowCount(), static_cast<int>(m_expected.fixes.size()));
    QVERIFY(fixes.fix(0) && !fixes.fix(fixes.rowCount()));
    fixes.setResult(nullptr);
    QCOMPARE(fixes.rowCount(), 0);
    fixes.setResult(result);

    merch::ui::AffectedProductsModel affected;
    QAbstractItemModelTester affectedTester(&affected, Mode::QtTest);
    affected.setProducts(catalog);
    affected.setFix(result, 0);
    QCOMPARE(affected.rowCount(), static_cast<int>(m_expected.fixes.front().productIds.size()));
    affected.setFix(result, 10000); // no such fix: no rows
    QCOMPARE(affected.rowCount(), 0);
    affected.setFix(result, static_cast<int>(m_expected.fixes.size()) - 1);

    merch::ui::TagClusterModel tags;
    QAbstractItemModelTester tagTester(&tags, Mode::QtTest);
    tags.setResult(result);
    tags.setResult(nullptr);

    merch::ui::CategorySuggestionModel suggestions;
    QAbstractItemModelTester suggestionTester(&suggestions, Mode::QtTest);
    suggestions.setResult(result);
    suggestions.setResult(nullptr);

    // The page's own models, as the views hold them.
    QAbstractItemModelTester pageFixes(page()->fixPanel()->fixTable()->model(), Mode::QtTest);
    QAbstractItemModelTester pageAffected(page()->fixPanel()->affectedTable()->model(),
                                          Mode::QtTest);
    page()->fixPanel()->selectFix(1);
    page()->fixPanel()->selectFix(0);
}

void TestAuditPage::staleAuditIsDropped() {
    merch::ui::AuditRunner runner;
    QSignalSpy finished(&runner, &merch::ui::AuditRunner::finished);
    merch::AuditParams first;
    first.readinessTarget = 0.6;
    merch::AuditParams second;
    second.readinessTarget = 0.9;
    runner.run(m_window->snapshot()->products, first);
    runner.waitForIdle(); // the first result is queued, not yet delivered
    runner.run(m_window->snapshot()->products, second);
    QVERIFY(finished.wait(kAuditTimeoutMs));
    runner.waitForIdle();
    QTest::qWait(100); // a stale result, if any, would arrive now
    QCOMPARE(finished.count(), 1);
    const auto result = finished.constFirst().constFirst().value<merch::ui::AuditPtr>();
    QVERIFY(result);
    QCOMPARE(result->readinessTarget, 0.9);
}

void TestAuditPage::emptyCatalogPointsToImport() {
    const QString path = m_dir.filePath(QStringLiteral("empty.merchsim"));
    {
        auto created = merch::Workspace::create(path.toStdString());
        QVERIFY2(created.isOk(), created.status().toString().c_str());
    }
    QVERIFY(merch::test::runAndWaitForLoad(*m_window, [&] { m_window->openWorkspace(path); }));
    QCOMPARE(page()->state(), QStringLiteral("empty"));
    QVERIFY(!page()->result());
    QVERIFY2(page()->emptyState()->text().contains(QStringLiteral("File > Import")),
             qPrintable(page()->emptyState()->text()));
    QPushButton* import = nullptr;
    for (QPushButton* button : page()->emptyState()->findChildren<QPushButton*>()) {
        if (button->text() == QStringLiteral("Import…"))
            import = button;
    }
    QVERIFY(import && import->isVisible());
    QTest::mouseClick(import, Qt::LeftButton);
    QPointer<merch::ui::ImportWizard> wizard = m_window->imports()->wizard();
    QVERIFY(wizard);
    QTRY_VERIFY(wizard->isVisible());
    wizard->reject();
    QTRY_VERIFY(!wizard); // deleted on close

    // Back to the demo store: the audit runs again.
    QVERIFY(waitForAudit(page(), [&] {
        QVERIFY(
            merch::test::runAndWaitForLoad(*m_window, [&] { m_window->openWorkspace(m_store); }));
    }));
    QCOMPARE(page()->state(), QStringLiteral("content"));
}

QTEST_MAIN(TestAuditPage)
#include "tst_audit_page.moc"
