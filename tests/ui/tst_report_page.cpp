// The Report page on a small generated demo store: Build Report gathers the data in the
// background and previews every page the PDF will have; Export PDF writes a PDF of that many
// pages; the document's numbers are the engine's; Cancel stops a build.
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "jobs/store_snapshot.h"
#include "merch/demo_store.h"
#include "merch/report.h"
#include "merch/workspace.h"
#include "pages/report_page.h"
#include "report/report_renderer.h"
#include "widgets/progress_panel.h"
#include "window_test_support.h"

using merch::ui::ReportPage;

class TestReportPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void previewShowsEveryPage();
    void exportWritesThePdf();
    void documentCarriesTheEngineNumbers();
    void cancelStopsTheBuild();

private:
    QTemporaryDir m_dir;
    QString m_path;
    merch::ui::SnapshotPtr m_snapshot;
    std::unique_ptr<ReportPage> m_page;
};

void TestReportPage::initTestCase() {
    merch::test::isolateSettings();
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("report.merchsim"));
    QVERIFY(merch::test::writeSmallDemo(m_path).isOk());
    auto snapshot = merch::ui::readSnapshot(m_path.toStdString());
    QVERIFY(snapshot.isOk());
    m_snapshot = *snapshot;
    m_page = std::make_unique<ReportPage>(); // not shown: builds only when asked
    m_page->setSnapshot(m_snapshot);
    QCOMPARE(m_page->state(), QStringLiteral("empty"));
    QVERIFY(!m_page->exportButton()->isEnabled());
    m_page->storeNameEdit()->setText(QStringLiteral("Test Store"));
    QSignalSpy shown(m_page.get(), &ReportPage::reportShown);
    m_page->buildButton()->click();
    QVERIFY(shown.wait(180000));
    QCOMPARE(m_page->state(), QStringLiteral("content"));
}

void TestReportPage::previewShowsEveryPage() {
    QVERIFY(m_page->previewPageCount() >= 8); // cover, summary, sections, plan, appendix
    QVERIFY(m_page->exportButton()->isEnabled());
}

void TestReportPage::exportWritesThePdf() {
    const QString pdf = m_dir.filePath(QStringLiteral("out.pdf"));
    const merch::Status status = m_page->exportPdf(pdf);
    QVERIFY2(status.isOk(), status.toString().c_str());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    // One page object per previewed page.
    QCOMPARE(int(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") +
                 bytes.count("/Type /Page ") + bytes.count("/Type /Page>")),
             m_page->previewPageCount());
    QVERIFY(!m_page->exportPdf(QStringLiteral("/nonexistent-dir/x.pdf")).isOk());
}

void TestReportPage::documentCarriesTheEngineNumbers() {
    auto workspace = merch::Workspace::open(m_path.toStdString());
    QVERIFY(workspace.isOk());
    merch::ReportParams params;
    params.storeName = "Test Store";
    auto data = merch::gatherReportData(**workspace, params, {});
    QVERIFY2(data.isOk(), data.status().toString().c_str());
    const merch::ReportDocument document = merch::buildReportDocument(*data, params);
    QCOMPARE(document.coverLines.front(), std::string("Store: Test Store"));
    QStringList headings;
    const merch::ReportTable* paths = nullptr;
    for (const auto& block : document.blocks) {
        if (block.kind == merch::ReportBlock::Kind::Heading)
            headings << QString::fromStdString(block.text);
        if (block.kind == merch::ReportBlock::Kind::Table && !block.table.header.empty() &&
            block.table.header.front() == "Path")
            paths = &block.table;
    }
    for (const char* section :
         {"Summary", "The store", "Catalog audit", "The simulated A/B test",
          "Build vs buy vs hybrid", "Which use case first", "The 90-day plan"})
        QVERIFY2(headings.contains(QString::fromUtf8(section)), section);
    // A store too short for a time split has no model section, and the report says why.
    QCOMPARE(headings.contains(QStringLiteral("Model quality")), data->models.has_value());
    if (!data->models)
        QVERIFY(!data->notes.empty() && data->notes.front().find("Model quality") == 0);
    QVERIFY(paths);
    QCOMPARE(paths->rows.size(), std::size_t(3));
    // The cost table's payback column is the engine's.
    for (merch::CostPath p : merch::allCostPaths()) {
        const int week = data->costs.path(p).paybackWeek;
        const std::string expected =
            week < 0 ? std::string("not within 3 years") : "week " + std::to_string(week);
        QCOMPARE(paths->rows[static_cast<std::size_t>(p)][4], expected);
    }
    const merch::ui::ReportRenderer renderer(document);
    QCOMPARE(renderer.pageCount(), m_page->previewPageCount());
}

void TestReportPage::cancelStopsTheBuild() {
    ReportPage page;
    page.setSnapshot(m_snapshot);
    QSignalSpy cancelled(page.runner(), &merch::ui::ReportRunner::cancelled);
    page.build();
    QCOMPARE(page.state(), QStringLiteral("progress"));
    emit page.findChild<merch::ui::ProgressPanel*>()->cancelRequested();
    QVERIFY(!cancelled.isEmpty() || cancelled.wait(180000));
    QCOMPARE(page.state(), QStringLiteral("empty"));
}

QTEST_MAIN(TestReportPage)
#include "tst_report_page.moc"
