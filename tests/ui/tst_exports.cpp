// Exports: tables as spreadsheet-safe CSV (formula-like cells escaped, plain numbers kept,
// quotes and commas quoted, hidden columns left out) and as JSON keyed by header; charts as
// PNG and SVG files.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include "charts/chart_export.h"
#include "charts/cost_bars_chart.h"
#include "merch/cost_model.h"
#include "merch/csv_writer.h"
#include "widgets/table_export.h"

class TestExports : public QObject {
    Q_OBJECT

private slots:
    void csvCells_data();
    void csvCells();
    void tableAsCsvAndJson();
    void chartAsPngAndSvg();
};

void TestExports::csvCells_data() {
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("formula") << "=SUM(A1:A9)"
                             << "'=SUM(A1:A9)";
    QTest::newRow("at") << "@cmd"
                        << "'@cmd";
    QTest::newRow("plus formula") << "+1+cmd|' /C calc'!A0"
                                  << "'+1+cmd|' /C calc'!A0";
    QTest::newRow("minus money") << "-$3158"
                                 << "'-$3158";
    QTest::newRow("negative number") << "-5.9"
                                     << "-5.9";
    QTest::newRow("negative percent") << "-12%"
                                      << "-12%";
    QTest::newRow("positive lift") << "+7.8%"
                                   << "+7.8%";
    QTest::newRow("comma") << "a,b"
                           << "\"a,b\"";
    QTest::newRow("quotes") << "say \"hi\""
                            << "\"say \"\"hi\"\"\"";
    QTest::newRow("newline") << "two\nlines"
                             << "\"two\nlines\"";
    QTest::newRow("tab start") << "\tx"
                               << "'\tx";
    QTest::newRow("plain") << "Hybrid"
                           << "Hybrid";
    QTest::newRow("empty") << ""
                           << "";
}

void TestExports::csvCells() {
    QFETCH(QString, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(merch::csvCell(value.toStdString())), expected);
}

void TestExports::tableAsCsvAndJson() {
    QStandardItemModel model(2, 3);
    model.setHorizontalHeaderLabels({"Path", "Hidden", "NPV"});
    model.setItem(0, 0, new QStandardItem("Pure SaaS"));
    model.setItem(0, 1, new QStandardItem("x"));
    model.setItem(0, 2, new QStandardItem("-$3,158"));
    model.setItem(1, 0, new QStandardItem("=HYPERLINK(\"http://x\")"));
    model.setItem(1, 1, new QStandardItem("y"));
    model.setItem(1, 2, new QStandardItem("-5.9"));
    QTableView view;
    view.setModel(&model);
    view.setColumnHidden(1, true);
    QCOMPARE(
        merch::ui::tableCsv(model, &view),
        QByteArray("Path,NPV\nPure SaaS,\"'-$3,158\"\n\"'=HYPERLINK(\"\"http://x\"\")\",-5.9\n"));
    QCOMPARE(merch::ui::tableCsv(model).count('\n'), 3);
    const QJsonArray rows = QJsonDocument::fromJson(merch::ui::tableJson(model, &view)).array();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows[0].toObject()["NPV"].toString(), QStringLiteral("-$3,158"));
    QVERIFY(!rows[0].toObject().contains("Hidden"));
}

void TestExports::chartAsPngAndSvg() {
    QTemporaryDir dir;
    merch::ui::CostBarsChart chart;
    chart.resize(600, 300);
    const merch::CostInputs defaults;
    auto result = merch::computeCosts(defaults);
    QVERIFY(result.isOk());
    chart.setResult(&*result);
    chart.show(); // laid out as on screen, so labels are not elided
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    const QString png = dir.filePath("bars.png");
    const QString svg = dir.filePath("bars.svg");
    QVERIFY(merch::ui::exportChart(&chart, png).isOk());
    QVERIFY(merch::ui::exportChart(&chart, svg).isOk());
    QImage image(png);
    QCOMPARE(image.size(), QSize(1280, 720)); // twice the minimum export size, crisp on slides
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("Pure SaaS")); // the axis labels are text, not pixels
    QVERIFY(!merch::ui::exportChart(&chart, dir.filePath("missing/x.png")).isOk());
    QWidget empty;
    QCOMPARE(merch::ui::exportChart(&empty, png).code(), merch::StatusCode::InvalidArgument);
}

QTEST_MAIN(TestExports)
#include "tst_exports.moc"
