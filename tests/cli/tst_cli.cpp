// merchsim-cli smoke tests: help, usage errors (exit 2), demo and info, JSON keys.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Run cli(const QStringList& args) {
    QProcess process;
    process.start(QStringLiteral(MERCH_CLI_PATH), args);
    Run run;
    if (!process.waitForFinished(300000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void usageErrorsExitTwo_data();
    void usageErrorsExitTwo();
    void everyVerbHasHelp_data();
    void everyVerbHasHelp();
    void infoPrintsTheDocumentedJson();
    void infoPrintsReadableText();
    void infoOnAFileThatIsNotAWorkspaceFails();
    void demoRefusesToOverwriteWithoutForce();
    void statsBadInputExitsTwo_data();
    void statsBadInputExitsTwo();
    void statsVerbsHaveHelp_data();
    void statsVerbsHaveHelp();
    void statsPrintsTheDocumentedJson_data();
    void statsPrintsTheDocumentedJson();
    void statsSampleSizeNamesItsFormula();
    void statsTextIsReadable();
    void importKeepsBadRowsAndAppendsOnce();
    void auditPrintsTheDocumentedJson();
    void evaluateRecsPrintsTheDocumentedJson();
    void recommendAndRankExplain();
    void recommendAppliesBusinessRules();
    void rankAppliesBusinessRules();
    void experimentPrintsTheDocumentedJson();
    void exportRoundTripsThroughImport();
    void costPrintsTheDocumentedJson();
    void costSavesAndReadsScenarios();
    void reportWritesAPdf();
    void searchAndEvaluateSearchOnFixtures();
    void searchRejectsBadArguments_data();
    void searchRejectsBadArguments();
    void experimentReportsPitfallsVendorAndReplicates();
    void experimentRejectsBadPitfalls_data();
    void experimentRejectsBadPitfalls();
    void messagingPrintsTheDocumentedJson();
    void messagingRejectsBadOptions();

    void calibrateAndExperimentOnAnImportedStore();
    void calibrateRefusesStoresWithoutBehaviour();

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestCli::initTestCase() {
    QVERIFY(m_dir.isValid());
    m_demo = m_dir.filePath("demo.merchsim");
    const Run run = cli({"demo", "--workspace", m_demo, "--products", "120", "--days", "5",
                         "--sessions-per-day", "80", "--seed", "9"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QVERIFY(run.out.contains("120 products"));
}

void TestCli::usageErrorsExitTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("no verb") << QStringList{} << QByteArray("Usage: merchsim-cli VERB");
    QTest::newRow("unknown verb") << QStringList{"frobnicate"} << QByteArray("unknown verb");
    QTest::newRow("missing workspace")
        << QStringList{"info"} << QByteArray("--workspace is required");
    QTest::newRow("unknown option") << QStringList{"info", "--workspace", "x", "--colour"}
                                    << QByteArray("unknown option --colour");
    QTest::newRow("option without value")
        << QStringList{"demo", "--workspace"} << QByteArray("needs a value");
    QTest::newRow("non-numeric products")
        << QStringList{"demo", "--workspace", "x.merchsim", "--products", "many"}
        << QByteArray("--products must be a whole number");
    QTest::newRow("too few products")
        << QStringList{"demo", "--workspace", "x.merchsim", "--products", "3"}
        << QByteArray("--products must be a whole number from 50");
    QTest::newRow("negative defect rate")
        << QStringList{"demo", "--workspace", "x.merchsim", "--defect-rate", "-1"}
        << QByteArray("--defect-rate must be a number from 0 to 1");
    QTest::newRow("stray argument") << QStringList{"info", "--workspace", "x", "extra"}
                                    << QByteArray("unexpected argument 'extra'");
    QTest::newRow("flag with value") << QStringList{"info", "--workspace", "x", "--json=yes"}
                                     << QByteArray("--json takes no value");
}

void TestCli::usageErrorsExitTwo() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run run = cli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.err.contains("Usage:"));
}

void TestCli::everyVerbHasHelp_data() {
    QTest::addColumn<QString>("verb");
    for (const char* verb : {"demo", "info", "import catalog", "import events", "export events",
                             "audit", "evaluate recs", "recommend", "rank", "experiment", "cost",
                             "report"})
        QTest::newRow(verb) << verb;
}

void TestCli::everyVerbHasHelp() {
    QFETCH(QString, verb);
    const Run run = cli(verb.split(' ') << "--help");
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: merchsim-cli " + verb.toUtf8()));
    QVERIFY(run.out.contains("--workspace FILE"));
    const Run overview = cli({"--help"});
    QCOMPARE(overview.exitCode, 0);
    QVERIFY(overview.out.contains("  " + verb.toUtf8()));
}

void TestCli::infoPrintsTheDocumentedJson() {
    const Run run = cli({"info", "--workspace", m_demo, "--json"});
    QCOMPARE(run.exitCode, 0);
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (const char* key : {"workspace", "products", "variants", "sessions", "events", "visitors",
                            "customers", "orders", "revenue", "events_by_type", "first_event",
                            "last_event", "categories", "sessions_per_day"})
        QVERIFY2(json.contains(key), key);
    QCOMPARE(json["products"].toInt(), 120);
    QCOMPARE(json["sessions_per_day"].toArray().size(), 5);
    QCOMPARE(json["first_event"].toString().left(10), QString("2026-01-05"));
    const QJsonObject byType = json["events_by_type"].toObject();
    qint64 total = 0;
    for (const char* type : {"list_view", "view", "add_to_cart", "remove_from_cart", "checkout",
                             "purchase", "search", "email_send", "email_open", "email_click"}) {
        QVERIFY2(byType.contains(type), type);
        total += byType[type].toInteger();
    }
    QCOMPARE(total, json["events"].toInteger());
    QVERIFY(json["categories"].toArray().size() >= 6);
}

void TestCli::infoPrintsReadableText() {
    const Run run = cli({"info", "--workspace", m_demo});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("Products    120"));
    QVERIFY(run.out.contains("Date range  2026-01-05"));
    QVERIFY(run.out.contains("Apparel"));
}

void TestCli::infoOnAFileThatIsNotAWorkspaceFails() {
    const QString path = m_dir.filePath("products.csv");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Handle,Title\nhoodie,Hoodie\n");
    file.close();
    const Run run = cli({"info", "--workspace", path});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("is not a MerchSim workspace"), run.err.constData());
    QVERIFY(run.err.contains(path.toUtf8()));
}

void TestCli::demoRefusesToOverwriteWithoutForce() {
    const Run refused = cli({"demo", "--workspace", m_demo, "--products", "60", "--days", "2"});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY(refused.err.contains("--force"));
    const Run replaced = cli({"demo", "--workspace", m_demo, "--products", "60", "--days", "2",
                              "--sessions-per-day", "30", "--force", "--json"});
    QCOMPARE(replaced.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(replaced.out).object();
    QCOMPARE(json["products"].toInt(), 60);
    QVERIFY(!QFile::exists(m_demo + ".new"));
}

void TestCli::statsBadInputExitsTwo_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    const QStringList proportion{"stats", "proportion", "--treatment", "16/30"};
    QTest::newRow("stats without subcommand")
        << QStringList{"stats"} << QByteArray("'stats' needs one of: proportion");
    QTest::newRow("zero units") << (proportion + QStringList{"--control", "14/0"})
                                << QByteArray("--control: n must be at least 2 (got 0)");
    QTest::newRow("not a fraction") << (proportion + QStringList{"--control", "abc"})
                                    << QByteArray("--control must be CONVERSIONS/UNITS");
    QTest::newRow("more conversions than units")
        << (proportion + QStringList{"--control", "30/28"})
        << QByteArray("--control: successes must be between 0 and n (got 30 with n 28)");
    QTest::newRow("alpha 0.5") << (proportion + QStringList{"--control", "14/28", "--alpha", "0.5"})
                               << QByteArray("--alpha must be greater than 0");
    QTest::newRow("unknown alternative")
        << (proportion + QStringList{"--control", "14/28", "--alternative", "up"})
        << QByteArray("--alternative must be two-sided|greater|less");
    QTest::newRow("prior mean without sd")
        << (proportion + QStringList{"--control", "14/28", "--prior-mean", "0.1"})
        << QByteArray("--prior-mean needs --prior-sd");
    QTest::newRow("no variance") << QStringList{"stats", "proportion",  "--control",
                                                "0/28",  "--treatment", "0/30"}
                                 << QByteArray("zero variance");
    QTest::newRow("mean with two numbers")
        << QStringList{"stats", "mean", "--control", "1,2", "--treatment", "1,2,3"}
        << QByteArray("--control must be SUM,SUMSQ,N");
    QTest::newRow("impossible sum of squares")
        << QStringList{"stats", "mean", "--control", "100,10,10", "--treatment", "50,400,10"}
        << QByteArray("--control: sumSquares must be at least");
    QTest::newRow("ratio missing key")
        << QStringList{"stats", "ratio", "--control", "n=100,m=270", "--treatment", "n=2"}
        << QByteArray("--control is missing m2=");
    QTest::newRow("srm weights count")
        << QStringList{"stats", "srm", "--counts", "10,12", "--weights", "0.5"}
        << QByteArray("--weights must have one entry per arm");
    QTest::newRow("adjust p above 1") << QStringList{"stats", "adjust", "--p", "0.01,1.2"}
                                      << QByteArray("--p: value 2 must be between 0 and 1");
    QTest::newRow("adjust unknown method")
        << QStringList{"stats", "adjust", "--method", "bonferroni", "--p", "0.1"}
        << QByteArray("--method must be holm|bh");
    QTest::newRow("sample size without mde")
        << QStringList{"stats", "sample-size", "--baseline", "0.05"}
        << QByteArray("--mde is required");
    QTest::newRow("mde beyond 100%")
        << QStringList{"stats", "sample-size", "--baseline", "0.5", "--mde", "2"}
        << QByteArray("--mde is too large");
}

void TestCli::statsBadInputExitsTwo() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run run = cli(args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
    QVERIFY(run.err.contains("Usage:"));
    QVERIFY(run.out.isEmpty());
}

void TestCli::statsVerbsHaveHelp_data() {
    QTest::addColumn<QString>("subcommand");
    QTest::addColumn<QByteArray>("option");
    QTest::newRow("proportion") << "proportion" << QByteArray("--control X/N");
    QTest::newRow("mean") << "mean" << QByteArray("--control SUM,SUMSQ,N");
    QTest::newRow("ratio") << "ratio" << QByteArray("--control n=N,m=SUM_M");
    QTest::newRow("srm") << "srm" << QByteArray("--counts N,N,...");
    QTest::newRow("adjust") << "adjust" << QByteArray("--method NAME");
    QTest::newRow("sample-size") << "sample-size" << QByteArray("--sessions-per-day N");
    QTest::newRow("mde") << "mde" << QByteArray("--days N");
}

void TestCli::statsVerbsHaveHelp() {
    QFETCH(QString, subcommand);
    QFETCH(QByteArray, option);
    const Run run = cli({"stats", subcommand, "--help"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.startsWith("Usage: merchsim-cli stats " + subcommand.toUtf8()));
    QVERIFY2(run.out.contains(option), run.out.constData());
    const Run overview = cli({"--help"});
    QVERIFY(overview.out.contains("  stats " + subcommand.toUtf8() + " "));
}

void TestCli::statsPrintsTheDocumentedJson_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QStringList>("keys");
    QTest::addColumn<QString>("key"); // "name" or "name[index]"
    QTest::addColumn<double>("expected");
    QTest::addColumn<double>("tolerance");
    const QStringList test{"lift", "se", "ci_low", "ci_high", "p_value", "significant"};
    const QStringList gbMean{"--control", "1396.87,52377.9767,3407", "--treatment",
                             "2422.7,134698.29,3461", "--json"};
    // GrowthBook's published fixtures (5 or 9 digits) and values derived in tst_stats.
    QTest::newRow("proportion p") << QStringList{"stats",       "proportion", "--control", "14/28",
                                                 "--treatment", "16/30",      "--json"}
                                  << test << "p_value" << 0.80707 << 5e-6;
    QTest::newRow("proportion chance to win")
        << QStringList{"stats",       "proportion", "--control",  "14/28",
                       "--treatment", "16/30",      "--bayesian", "--json"}
        << (test + QStringList{"chance_to_win"}) << "chance_to_win" << 0.59691501044424 << 1e-9;
    QTest::newRow("mean relative")
        << (QStringList{"stats", "mean"} + gbMean) << test << "ci_high" << 1.44989 << 5e-6;
    QTest::newRow("mean absolute") << (QStringList{"stats", "mean", "--absolute"} + gbMean) << test
                                   << "p_value" << 0.02016 << 5e-6;
    QTest::newRow("mean sequential")
        << (QStringList{"stats", "mean", "--sequential"} + gbMean)
        << (test + QStringList{"sequential_tuning"}) << "ci_low" << -0.4444237691289097 << 1e-12;
    QTest::newRow("ratio") << QStringList{"stats",
                                          "ratio",
                                          "--control",
                                          "n=100,m=270,m2=848.79,d=510,d2=810,md=-900",
                                          "--treatment",
                                          "md=-905,n=120,m=300,m2=869,d=500,d2=800",
                                          "--json"}
                           << test << "p_value" << 0.610663339 << 5e-10;
    QTest::newRow("srm") << QStringList{"stats",     "srm",     "--counts", "1000,1200",
                                        "--weights", "0.5,0.5", "--json"}
                         << QStringList{"chi_square", "p_value", "mismatch", "expected"}
                         << "p_value" << 0.000020079 << 5e-10;
    // statsmodels multipletests(method="holm"): 0.03, 0.06, 0.06, 0.02
    QTest::newRow("adjust holm") << QStringList{"stats", "adjust", "--method",
                                                "holm",  "--p",    "0.01,0.04,0.03,0.005",
                                                "--json"}
                                 << QStringList{"adjusted", "rejected"} << "adjusted[1]" << 0.06
                                 << 1e-15;
    QTest::newRow("sample size")
        << QStringList{"stats", "sample-size",        "--baseline", "0.05",  "--mde",
                       "0.10",  "--sessions-per-day", "2000",       "--json"}
        << QStringList{"per_arm", "formula", "runway_days"} << "per_arm" << 31234.0 << 0.0;
    QTest::newRow("mde")
        << QStringList{"stats", "mde",    "--baseline", "0.05",  "--sessions-per-day",
                       "2000",  "--days", "28",         "--json"}
        << QStringList{"mde", "mde_absolute", "formula"} << "total_units" << 56000.0 << 0.0;
}

void TestCli::statsPrintsTheDocumentedJson() {
    QFETCH(QStringList, args);
    QFETCH(QStringList, keys);
    QFETCH(QString, key);
    QFETCH(double, expected);
    QFETCH(double, tolerance);
    const Run run = cli(args);
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonParseError error;
    const QJsonObject json = QJsonDocument::fromJson(run.out, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    for (const QString& k : keys)
        QVERIFY2(json.contains(k), qPrintable(k));
    const qsizetype bracket = key.indexOf('[');
    const QJsonValue value =
        bracket < 0 ? json[key]
                    : json[key.left(bracket)].toArray().at(key.mid(bracket + 1).chopped(1).toInt());
    QVERIFY2(std::fabs(value.toDouble() - expected) <= tolerance,
             qPrintable(QString::number(value.toDouble(), 'g', 17)));
}

void TestCli::statsSampleSizeNamesItsFormula() {
    const QStringList args{"stats", "sample-size", "--baseline", "0.05", "--mde", "0.1", "--json"};
    const QJsonObject pooled = QJsonDocument::fromJson(cli(args).out).object();
    QCOMPARE(pooled["formula"].toString(), QString("pooled_normal"));
    QVERIFY(pooled["formula_description"].toString().contains("Fleiss"));
    QVERIFY(pooled["runway_days"].isNull());
    const QJsonObject arcsine =
        QJsonDocument::fromJson(cli(args + QStringList{"--formula", "arcsine"}).out).object();
    QCOMPARE(arcsine["formula"].toString(), QString("arcsine"));
    QVERIFY(arcsine["per_arm"].toInt() != pooled["per_arm"].toInt());
    // A one-sided test has an open end, which JSON shows as null.
    const QJsonObject greater =
        QJsonDocument::fromJson(cli({"stats", "proportion", "--control", "14/28", "--treatment",
                                     "16/30", "--alternative", "greater", "--json"})
                                    .out)
            .object();
    QVERIFY(greater["ci_high"].isNull());
    QVERIFY(greater["ci_low"].isDouble());
}

void TestCli::statsTextIsReadable() {
    const Run test =
        cli({"stats", "proportion", "--control", "14/28", "--treatment", "16/30", "--bayesian"});
    QCOMPARE(test.exitCode, 0);
    for (const char* text : {"relative lift", "+6.67%", "95% CI", "p-value", "0.8071",
                             "not significant", "chance to win", "59.7%"})
        QVERIFY2(test.out.contains(text), text);
    const Run srm = cli({"stats", "srm", "--counts", "1000,1200"});
    QCOMPARE(srm.exitCode, 0);
    QVERIFY(srm.out.contains("MISMATCH"));
    const Run size = cli({"stats", "sample-size", "--baseline", "0.05", "--mde", "0.10",
                          "--sessions-per-day", "2000"});
    QVERIFY(size.out.contains("31,234"));
    QVERIFY(size.out.contains("32 days"));
}

void TestCli::importKeepsBadRowsAndAppendsOnce() {
    const QString csv = m_dir.filePath("products.csv");
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Handle,Title,Variant Price\ntee,Tee,25\nmug,Mug,abc\n");
    file.close();
    const QString workspace = m_dir.filePath("imported.merchsim");
    const Run run =
        cli({"import", "catalog", "--workspace", workspace, "--format", "shopify", "--json", csv});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json["imported"].toInt(), 1);
    QCOMPARE(json["rejected"].toInt(), 1);
    const QJsonObject row = json["rejected_rows"].toArray().first().toObject();
    QCOMPARE(row["line"].toInt(), 3);
    QCOMPARE(row["column"].toInt(), 9);
    QVERIFY(row["reason"].toString().contains("'abc' is not a number"));
    QCOMPARE(cli({"import", "catalog", "--workspace", workspace, "--format", "nope", csv}).exitCode,
             2);
    QCOMPARE(cli({"import", "catalog", "--workspace", workspace, "--format", "shopify"}).exitCode,
             2);
    const Run notCsv =
        cli({"import", "events", "--workspace", workspace, "--format", "generic", csv});
    QCOMPARE(notCsv.exitCode, 1);
    QVERIFY(notCsv.err.contains("missing required column"));
}

void TestCli::auditPrintsTheDocumentedJson() {
    const Run run = cli({"audit", "--workspace", m_demo, "--json"});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    for (const char* key : {"products", "skus", "score", "score_explanation", "readiness_target",
                            "ready", "coverage", "fixes", "tag_clusters", "category_suggestions"})
        QVERIFY2(json.contains(key), key);
    QCOMPARE(json["coverage"].toArray().size(), 9);
    QCOMPARE(cli({"audit", "--workspace", m_demo, "--target", "2"}).exitCode, 2);
}

void TestCli::evaluateRecsPrintsTheDocumentedJson() {
    const Run run = cli({"evaluate", "recs", "--workspace", m_demo, "--test-days", "1", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray models = QJsonDocument::fromJson(run.out).object()["models"].toArray();
    QCOMPARE(models.size(), 9); // seven session models, content and hybrid (a catalog exists)
    for (const auto& entry : models) {
        const QJsonObject m = entry.toObject();
        for (const char* key : {"name", "hr_at_k", "mrr_at_k", "ndcg_at_k", "coverage", "cases"})
            QVERIFY2(m.contains(key), key);
    }
    QCOMPARE(cli({"evaluate", "recs", "--workspace", m_demo, "--k", "0"}).exitCode, 2);
}

void TestCli::recommendAndRankExplain() {
    const Run info = cli({"info", "--workspace", m_demo, "--json"});
    QVERIFY(info.exitCode == 0);
    // A product some session viewed: take it from an export of the events.
    const QString events = m_dir.filePath("events-for-recs.csv");
    QCOMPARE(cli({"export", "events", "--workspace", m_demo, "--out", events}).exitCode, 0);
    QFile file(events);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString product;
    while (!file.atEnd() && product.isEmpty()) {
        const QStringList fields = QString::fromUtf8(file.readLine()).split(',');
        if (fields.size() > 5 && fields[4] == "view")
            product = fields[5];
    }
    QVERIFY(!product.isEmpty());
    const Run recs = cli({"recommend", "--workspace", m_demo, "--item", product, "--json"});
    QVERIFY2(recs.exitCode == 0, recs.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(recs.out).array();
    QVERIFY(!list.isEmpty());
    QVERIFY(!list.first().toObject()["why"].toString().isEmpty());
    QCOMPARE(cli({"recommend", "--workspace", m_demo, "--item", "no-such-product"}).exitCode, 1);
    const Run rank = cli({"rank", "--workspace", m_demo, "--category", "Apparel", "--history",
                          product, "--n", "5", "--json"});
    QVERIFY2(rank.exitCode == 0, rank.err.constData());
    QCOMPARE(QJsonDocument::fromJson(rank.out).array().size(), 5);
}

namespace {

// Column `column` of the exported events' rows whose event is `type` (first `count`, distinct).
QStringList exportedColumn(const QString& events, const QString& type, int column, int count) {
    QFile file(events);
    QStringList out;
    if (!file.open(QIODevice::ReadOnly))
        return out;
    while (!file.atEnd() && out.size() < count) {
        const QStringList fields = QString::fromUtf8(file.readLine()).split(',');
        if (fields.size() > column && fields[4] == type && !fields[column].isEmpty() &&
            !out.contains(fields[column]))
            out << fields[column];
    }
    return out;
}

QStringList productIds(const QJsonArray& list, const char* key = "product_id") {
    QStringList out;
    for (const auto& entry : list)
        out << entry.toObject()[key].toString();
    return out;
}

} // namespace

void TestCli::recommendAppliesBusinessRules() {
    const QString events = m_dir.filePath("events-for-rules.csv");
    QCOMPARE(cli({"export", "events", "--workspace", m_demo, "--out", events}).exitCode, 0);
    const QString product = exportedColumn(events, "view", 5, 1).value(0);
    QVERIFY(!product.isEmpty());
    const QStringList base = {"recommend", "--workspace", m_demo, "--item", product,
                              "--n",       "10",          "--json"};
    // Best-sellers always fill the list (a session model may know few neighbours here).
    const QStringList bestSellers = base + QStringList{"--model", "best_seller"};
    const Run plain = cli(bestSellers);
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    const QStringList plainIds = productIds(QJsonDocument::fromJson(plain.out).array());
    QCOMPARE(plainIds.size(), 10);

    // Pin the third, bury the first: the pin leads, the buried one sinks below every other.
    const Run moved =
        cli(bestSellers + QStringList{"--pin", plainIds[2], "--bury", plainIds[0]});
    QVERIFY2(moved.exitCode == 0, moved.err.constData());
    const QJsonArray movedList = QJsonDocument::fromJson(moved.out).array();
    QCOMPARE(movedList.first().toObject()["product_id"].toString(), plainIds[2]);
    QCOMPARE(movedList.first().toObject()["rule"].toString(), QString("pinned"));
    QCOMPARE(movedList.first().toObject()["why"].toString(), QString("pinned by the merchandiser"));
    const QStringList movedIds = productIds(movedList);
    if (movedIds.contains(plainIds[0])) {
        QCOMPARE(movedIds.last(), plainIds[0]);
        QVERIFY(movedList.last().toObject()["why"].toString().startsWith("buried"));
    }

    // Kill switch: the best-seller's list, every reason saying so.
    const Run killed = cli(base + QStringList{"--kill-switch"});
    QVERIFY2(killed.exitCode == 0, killed.err.constData());
    QCOMPARE(productIds(QJsonDocument::fromJson(killed.out).array()), plainIds);
    for (const auto& entry : QJsonDocument::fromJson(killed.out).array())
        QVERIFY(entry.toObject()["why"].toString().startsWith(
            "fell back to best-seller: kill switch on"));

    // One per category, and only products in stock.
    const Run capped =
        cli(bestSellers + QStringList{"--cap-per-category", "1", "--exclude-out-of-stock"});
    QVERIFY2(capped.exitCode == 0, capped.err.constData());
    const QJsonArray cappedList = QJsonDocument::fromJson(capped.out).array();
    QVERIFY(!cappedList.isEmpty());
    const QStringList categories = productIds(cappedList, "category");
    QCOMPARE(QSet<QString>(categories.begin(), categories.end()).size(), categories.size());
    for (const auto& entry : cappedList)
        QVERIFY(entry.toObject()["in_stock"].toBool());

    // A customer's recent purchases are left out; best-sellers include some of them.
    const QStringList buyers = exportedColumn(events, "purchase", 3, 10);
    const Run all = cli({"recommend", "--workspace", m_demo, "--item", product, "--model",
                         "best_seller", "--n", "100", "--json"});
    bool excludedOne = false;
    for (const QString& buyer : buyers) {
        const Run without = cli({"recommend", "--workspace", m_demo, "--item", product, "--model",
                                 "best_seller", "--n", "100", "--json", "--exclude-purchased-by",
                                 buyer});
        QCOMPARE(without.exitCode, 0);
        const QStringList allIds = productIds(QJsonDocument::fromJson(all.out).array());
        const QStringList keptIds = productIds(QJsonDocument::fromJson(without.out).array());
        for (const QString& id : keptIds)
            QVERIFY(allIds.contains(id));
        if (keptIds.size() < allIds.size() || keptIds != allIds.mid(0, keptIds.size())) {
            excludedOne = true;
            break;
        }
    }
    QVERIFY2(excludedOne || buyers.isEmpty(), "no buyer's purchases were ever excluded");

    QCOMPARE(cli(base + QStringList{"--cap-per-category", "101"}).exitCode, 2);
    QCOMPARE(cli(base + QStringList{"--pin", "no-such-product"}).exitCode, 1);
    QCOMPARE(cli(base + QStringList{"--exclude-purchased-by", "nobody-at-all"}).exitCode, 1);
}

void TestCli::rankAppliesBusinessRules() {
    const QStringList base = {"rank", "--workspace", m_demo, "--category", "Apparel",
                              "--n",  "200",         "--json"};
    const Run plain = cli(base + QStringList{"--history", ""});
    QVERIFY2(plain.exitCode == 0, plain.err.constData());
    const QJsonArray page = QJsonDocument::fromJson(plain.out).array();
    QVERIFY(page.size() >= 3);
    const QString last = page.last().toObject()["best_seller"].toString();
    const QString first = page.first().toObject()["personalized"].toString();
    const Run ruled =
        cli(base + QStringList{"--history", "", "--pin", last, "--bury", first, "--kill-switch"});
    QVERIFY2(ruled.exitCode == 0, ruled.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(ruled.out).array();
    QCOMPARE(list.size(), page.size());
    QCOMPARE(list.first().toObject()["personalized"].toString(), last);
    QCOMPARE(list.first().toObject()["rule"].toString(), QString("pinned"));
    QCOMPARE(list.last().toObject()["personalized"].toString(), first);
    QVERIFY(list.last().toObject()["why"].toString().startsWith("buried by the merchandiser"));
    // Kill switch: between the pin and the burial, the best-seller order, saying so.
    for (int i = 1; i + 1 < list.size(); ++i) {
        const QJsonObject row = list[i].toObject();
        QVERIFY(row["why"].toString().startsWith("fell back to best-seller order: kill switch on"));
    }
    QCOMPARE(cli(base + QStringList{"--history", "", "--pin", "no-such-product"}).exitCode, 1);
}

void TestCli::experimentPrintsTheDocumentedJson() {
    const Run run = cli(
        {"experiment", "--workspace", m_demo, "--treatment", "ranking", "--weeks", "1", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject metrics = QJsonDocument::fromJson(run.out).object()["metrics"].toObject();
    for (const char* metric : {"add_to_cart_rate", "conversion_rate", "revenue_per_session"}) {
        const QJsonObject m = metrics[metric].toObject();
        for (const char* key : {"true_lift", "measured_lift", "ci_low", "ci_high", "p_value",
                                "vendor_reported_lift", "days_to_significance"})
            QVERIFY2(m.contains(key), key);
    }
    QCOMPARE(cli({"experiment", "--workspace", m_demo, "--treatment", "magic"}).exitCode, 2);
}

void TestCli::exportRoundTripsThroughImport() {
    const QString events = m_dir.filePath("events.csv");
    QCOMPARE(cli({"export", "events", "--workspace", m_demo, "--out", events}).exitCode, 0);
    const QString copy = m_dir.filePath("roundtrip.merchsim");
    const Run imported =
        cli({"import", "events", "--workspace", copy, "--format", "generic", "--json", events});
    QCOMPARE(imported.exitCode, 0);
    const QJsonObject a =
        QJsonDocument::fromJson(cli({"info", "--workspace", m_demo, "--json"}).out).object();
    const QJsonObject b =
        QJsonDocument::fromJson(cli({"info", "--workspace", copy, "--json"}).out).object();
    QCOMPARE(b["events"].toInt(), a["events"].toInt());
    QCOMPARE(b["sessions"].toInt(), a["sessions"].toInt());
    QCOMPARE(b["orders"].toInt(), a["orders"].toInt());
    QCOMPARE(cli({"import", "events", "--workspace", copy, "--format", "generic", events}).exitCode,
             1);
}

void TestCli::costPrintsTheDocumentedJson() {
    const Run run =
        cli({"cost", "--workspace", m_demo, "--traffic-scale", "2000", "--draws", "200", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const QJsonArray paths = json["paths"].toArray();
    QCOMPARE(paths.size(), 3);
    QStringList keys;
    for (const auto& value : paths) {
        const QJsonObject path = value.toObject();
        keys << path["path"].toString();
        for (const char* key : {"year1_cost", "time_to_value_weeks", "payback_week", "npv_3y",
                                "p10_payback_week", "p90_payback_week", "monthly_run_cost"})
            QVERIFY2(path.contains(key), key);
        const QJsonObject parts = path["year1_breakdown"].toObject();
        const double sum = parts["build_people"].toDouble() + parts["run_people"].toDouble() +
                           parts["saas_fees"].toDouble() + parts["infrastructure"].toDouble();
        QVERIFY(std::abs(sum - path["year1_cost"].toDouble()) < 1e-6 * sum);
    }
    QCOMPARE(keys, (QStringList{"saas", "hybrid", "custom"}));
    QVERIFY(keys.contains(json["recommended"].toString()));
    QVERIFY(!json["reasons"].toArray().isEmpty());
    QCOMPARE(json["lift"].toObject()["source"].toString(), QStringLiteral("entered"));
    QVERIFY(json["cache"].toObject()["ttl"].toArray().size() > 3);
    QCOMPARE(json["use_cases"].toObject()["ranked"].toArray().size(), 4);
    QVERIFY(!json["price_points"].toArray().isEmpty());
    // A larger lift raises every path's NPV.
    const Run more = cli({"cost", "--workspace", m_demo, "--traffic-scale", "2000", "--draws",
                          "200", "--lift", "0.3", "--json"});
    QCOMPARE(more.exitCode, 0);
    const QJsonArray morePaths = QJsonDocument::fromJson(more.out).object()["paths"].toArray();
    for (int i = 0; i < 3; ++i)
        QVERIFY(morePaths[i].toObject()["npv_3y"].toDouble() >
                paths[i].toObject()["npv_3y"].toDouble());
    QCOMPARE(cli({"cost", "--workspace", m_demo, "--lift", "lots"}).exitCode, 2);
    QCOMPARE(cli({"cost", "--workspace", m_demo, "--save"}).exitCode, 2);
    QCOMPARE(cli({"cost", "--workspace", m_demo, "--traffic-scale", "0"}).exitCode, 2);
}

void TestCli::costSavesAndReadsScenarios() {
    const QString copy = m_dir.filePath("cost.merchsim");
    QVERIFY(QFile::copy(m_demo, copy));
    QCOMPARE(cli({"cost", "--workspace", copy, "--scenario", "missing"}).exitCode, 1);
    QCOMPARE(cli({"cost", "--workspace", copy, "--scenario", "quoted", "--lift", "0.12", "--save",
                  "--draws", "100"})
                 .exitCode,
             0);
    const Run saved = cli({"cost", "--workspace", copy, "--scenario", "quoted", "--draws", "100",
                           "--json"});
    QVERIFY2(saved.exitCode == 0, saved.err.constData());
    const QJsonObject lift = QJsonDocument::fromJson(saved.out).object()["lift"].toObject();
    QCOMPARE(lift["revenue_lift"].toDouble(), 0.12);
    QCOMPARE(lift["source"].toString(), QStringLiteral("entered (--lift)"));
}

void TestCli::experimentReportsPitfallsVendorAndReplicates() {
    const Run run = cli({"experiment", "--workspace", m_demo, "--treatment", "ranking", "--weeks",
                         "2", "--sessions-per-day", "300", "--tracking-loss", "0.2", "--peeking",
                         "--replicates", "500", "--vendor-window", "5", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QVERIFY(json["srm_mismatch"].toBool()); // 20% of the treatment's bounces unrecorded
    const QJsonObject pitfalls = json["pitfalls"].toObject();
    QVERIFY(pitfalls["peeking"].toBool());
    QCOMPARE(pitfalls["tracking_loss"].toDouble(), 0.2);
    QVERIFY(pitfalls["visits_lost"].toInt() > 0);
    QCOMPARE(pitfalls["notes"].toArray().size(), 2); // peeking and tracking loss
    const QJsonObject atc = json["metrics"].toObject()["add_to_cart_rate"].toObject();
    QVERIFY(atc["vendor_reported_lift"].isDouble());
    QCOMPARE(atc["vendor"].toObject()["window_days"].toInt(), 5);
    QVERIFY(atc["reported_day"].toInt() >= 1 && atc["reported_day"].toInt() <= 14);
    const QJsonObject attribution = json["attribution"].toObject();
    for (const char* key : {"click_then_buy_share", "treatment_revenue", "attributed_revenue",
                            "incremental_revenue", "claimed_lift"})
        QVERIFY2(attribution[key].isDouble(), key);
    const QJsonObject replicates = json["replicates"].toObject();
    QCOMPARE(replicates["count"].toInt(), 500);
    const QJsonObject r = replicates["metrics"].toObject()["add_to_cart_rate"].toObject();
    for (const char* key : {"power", "mean_lift", "mean_significant_lift", "coverage",
                            "false_positive_fixed", "false_positive_peeking",
                            "false_positive_sequential", "window_mean_significant_lift"})
        QVERIFY2(r[key].isDouble(), key);
    QVERIFY(r["false_positive_peeking"].toDouble() >= r["false_positive_fixed"].toDouble());

    const Run off = cli({"experiment", "--workspace", m_demo, "--treatment", "aa", "--weeks", "1",
                         "--sessions-per-day", "100", "--replicates", "0", "--json"});
    QVERIFY2(off.exitCode == 0, off.err.constData());
    QVERIFY(QJsonDocument::fromJson(off.out).object()["replicates"].isNull());
}

void TestCli::experimentRejectsBadPitfalls_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("novelty") << QStringList{"--novelty", "5"} << QByteArray("--novelty");
    QTest::newRow("tracking loss")
        << QStringList{"--tracking-loss", "0.9"} << QByteArray("--tracking-loss");
    QTest::newRow("contamination")
        << QStringList{"--contamination", "many"} << QByteArray("--contamination");
    QTest::newRow("outliers") << QStringList{"--outliers", "0.5"} << QByteArray("--outliers");
    QTest::newRow("cap") << QStringList{"--cap-percentile", "20"}
                         << QByteArray("pitfalls.revenueCapPercentile");
    QTest::newRow("window past runway")
        << QStringList{"--weeks", "1", "--vendor-window", "10"} << QByteArray("vendorWindowDays");
    QTest::newRow("replicates") << QStringList{"--replicates", "-3"} << QByteArray("--replicates");
}

void TestCli::experimentRejectsBadPitfalls() {
    QFETCH(QStringList, args);
    QFETCH(QByteArray, message);
    const Run run =
        cli(QStringList{"experiment", "--workspace", m_demo, "--treatment", "ranking"} + args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(message), run.err.constData());
}

// Search on the fixtures in tests/data/search (made-up outdoor products and searches).
void TestCli::searchAndEvaluateSearchOnFixtures() {
    const QString data = QStringLiteral(MERCH_TEST_DATA_DIR "/search/");
    const QString ws = m_dir.filePath("search.merchsim");
    Run run = cli({"import", "catalog", "--workspace", ws, "--format", "bestbuy",
                   data + "products.csv"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    run = cli({"import", "events", "--workspace", ws, "--format", "bestbuy", data + "searches.csv"});
    QVERIFY2(run.exitCode == 0, run.err.constData());

    run = cli({"search", "--workspace", ws, "--method", "keyword", "--n", "3", "--json", "tnet"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json["corrected_query"].toString(), QString("tent"));
    QCOMPARE(json["method"].toString(), QString("keyword"));
    const QJsonArray results = json["results"].toArray();
    QVERIFY(!results.isEmpty() && results.size() <= 3);
    QVERIFY(results[0].toObject()["title"].toString().endsWith("Tent"));
    QCOMPARE(results[0].toObject()["matched_terms"].toArray()[0].toString(), QString("tent"));
    for (const char* key : {"product_id", "title", "score", "matched_terms"})
        QVERIFY2(results[0].toObject().contains(key), key);
    // Text output shows the corrected spelling; two words make one query.
    run = cli({"search", "--workspace", ws, "sleeping", "bagg"});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains("Showing results for: sleeping bag"), run.out.constData());
    // Only the click feedback knows "bivvy".
    run = cli({"search", "--workspace", ws, "--method", "hybrid_clicks", "--json", "bivvy"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonArray bivvy = QJsonDocument::fromJson(run.out).object()["results"].toArray();
    QVERIFY(!bivvy.isEmpty());
    QCOMPARE(bivvy[0].toObject()["product_id"].toString(), QString("1002"));

    for (const bool testLog : {false, true}) {
        QStringList args{"evaluate", "search", "--workspace", ws, "--json"};
        if (testLog)
            args << "--test-log" << data + "searches.csv" << "--format" << "bestbuy";
        run = cli(args);
        QVERIFY2(run.exitCode == 0, run.err.constData());
        json = QJsonDocument::fromJson(run.out).object();
        QCOMPARE(json["mode"].toString(), QString(testLog ? "test_log" : "time_split"));
        QCOMPARE(json["test_searches"].toInt(), testLog ? 107 : 21); // 20% of 107, rounded
        QStringList names;
        for (const auto& m : json["methods"].toArray()) {
            const QJsonObject o = m.toObject();
            names << o["name"].toString();
            for (const char* key : {"map_at_5", "mrr_at_10", "zero_result_rate_searches",
                                    "zero_result_rate_queries", "searches"})
                QVERIFY2(o.contains(key), key);
            QCOMPARE(o["searches"].toInt(), json["test_searches"].toInt());
            QVERIFY(o["map_at_5"].toDouble() >= 0 && o["map_at_5"].toDouble() <= 1);
            QVERIFY(o["zero_result_rate_queries"].toDouble() >= 0);
        }
        for (const char* name : {"keyword", "semantic", "hybrid", "hybrid_clicks"})
            QVERIFY2(names.contains(name), name);
    }
    run = cli({"evaluate", "search", "--workspace", ws});
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.out.contains("zero results: share of test searches / of distinct test queries"));
}

void TestCli::searchRejectsBadArguments_data() {
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QByteArray>("message");
    QTest::newRow("unknown method") << QStringList{"search", "--method", "fuzzy", "tent"} << 2
                                    << QByteArray("--method must be keyword, semantic");
    QTest::newRow("no query") << QStringList{"search"} << 2 << QByteArray("give the QUERY");
    QTest::newRow("n out of range")
        << QStringList{"search", "--n", "0", "tent"} << 2 << QByteArray("--n");
    QTest::newRow("bad test fraction") << QStringList{"evaluate", "search", "--test-fraction", "2"}
                                       << 2 << QByteArray("--test-fraction");
    QTest::newRow("bad test log format")
        << QStringList{"evaluate", "search", "--test-log", "x.csv", "--format", "nope"} << 2
        << QByteArray("--format must name an events format");
    QTest::newRow("clicks without logs")
        << QStringList{"search", "--method", "hybrid_clicks", "tent"} << 1
        << QByteArray("needs search logs");
}

void TestCli::searchRejectsBadArguments() {
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QByteArray, message);
    // A workspace with a catalog but no searches.
    const QString ws = m_dir.filePath("search-catalog-only.merchsim");
    if (!QFile::exists(ws)) {
        const Run imported = cli({"import", "catalog", "--workspace", ws, "--format", "bestbuy",
                                  QStringLiteral(MERCH_TEST_DATA_DIR "/search/products.csv")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
    }
    args.insert(args.first() == "evaluate" ? 2 : 1, "--workspace");
    args.insert(args.first() == "evaluate" ? 3 : 2, ws);
    const Run run = cli(args);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), run.err.constData());
}

void TestCli::messagingPrintsTheDocumentedJson() {
    const Run run = cli({"messaging", "--workspace", m_demo, "--test-days", "2", "--history-days",
                         "14", "--sim-days", "7", "--replicates", "2", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    for (const char* key : {"workspace", "demo_store", "events", "recovery", "send_timing",
                            "replenishment", "fatigue", "at_risk_carts", "comparison", "notes"})
        QVERIFY2(json.contains(key), key);
    for (const char* key : {"available", "auc", "calibration", "train_carts", "test_carts"})
        QVERIFY2(json["recovery"].toObject().contains(key), key);
    const QJsonObject comparison = json["comparison"].toObject();
    QCOMPARE(comparison["replicates"].toInt(), 2);
    const QJsonArray metrics = comparison["metrics"].toArray();
    QCOMPARE(metrics.size(), 8);
    QCOMPARE(metrics[0].toObject()["key"].toString(), QString("reactivation_rate"));
    for (const char* key : {"fixed", "predictive", "oracle", "lift", "ci_low", "ci_high",
                            "reference"})
        QVERIFY2(metrics[0].toObject().contains(key), key);
    QCOMPARE(comparison["fixed_runs"].toArray().size(), 2);
    const Run text = cli({"messaging", "--workspace", m_demo, "--test-days", "2", "--no-simulate"});
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY(text.out.contains("Cart recovery"));
}

void TestCli::messagingRejectsBadOptions() {
    const Run zero = cli({"messaging", "--workspace", m_demo, "--replicates", "0"});
    QCOMPARE(zero.exitCode, 2);
    QVERIFY2(zero.err.contains("--replicates"), zero.err.constData());
    const Run emails = cli({"messaging", "--workspace", m_demo, "--emails-per-cart", "5"});
    QCOMPARE(emails.exitCode, 2);
    const Run missing = cli({"messaging", "--workspace", m_dir.filePath("none.merchsim")});
    QCOMPARE(missing.exitCode, 1);
    const Run help = cli({"messaging", "--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.startsWith("Usage: merchsim-cli messaging"));
    QVERIFY(help.out.contains("--workspace FILE") && help.out.contains("--replicates N"));
    QVERIFY(cli({"--help"}).out.contains("  messaging"));
}

void TestCli::reportWritesAPdf() {
    const QString pdf = m_dir.filePath("report.pdf");
    const QString pngs = m_dir.filePath("report-pages");
    const Run run = cli({"report", "--workspace", m_demo, "--out", pdf, "--png-dir", pngs,
                         "--store-name", "CLI Store", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    const int pages = json["pages"].toInt();
    QVERIFY(pages >= 8);
    QVERIFY(json["sections"].toArray().contains(QJsonValue("Build vs buy vs hybrid")));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QCOMPARE(json["png"].toArray().size(), pages);
    QVERIFY(QFile::exists(pngs + "/page-1.png"));
    QCOMPARE(cli({"report", "--workspace", m_demo}).exitCode, 2); // --out is required
    QCOMPARE(cli({"report", "--workspace", m_dir.filePath("missing.merchsim"), "--out", pdf})
                 .exitCode,
             1);
}

// An imported store (the demo's events exported and imported, no catalog): calibrate prints
// every parameter with its source and the replay table; experiment runs on the calibrated world.
void TestCli::calibrateAndExperimentOnAnImportedStore() {
    const QString demo = m_dir.filePath("calibration-demo.merchsim");
    QCOMPARE(cli({"demo", "--workspace", demo, "--products", "150", "--days", "14",
                  "--sessions-per-day", "150", "--seed", "4"})
                 .exitCode,
             0);
    const QString events = m_dir.filePath("calibration-events.csv");
    QCOMPARE(cli({"export", "events", "--workspace", demo, "--out", events}).exitCode, 0);
    const QString store = m_dir.filePath("calibration-store.merchsim");
    QCOMPARE(cli({"import", "events", "--workspace", store, "--format", "generic", events}).exitCode,
             0);

    const Run help = cli({"calibrate", "--help"});
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.out.contains("--replay-days"));
    const Run bad = cli({"calibrate", "--workspace", store, "--tuning-days", "3"});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("--tuning-days"), bad.err.constData());

    const Run run = cli({"calibrate", "--workspace", store, "--replay-days", "14", "--json"});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject json = QJsonDocument::fromJson(run.out).object();
    QCOMPARE(json["catalog_known"].toBool(), false);
    QCOMPARE(json["days"].toInt(), 14);
    const QJsonArray parameters = json["parameters"].toArray();
    QVERIFY(parameters.size() >= 25);
    QSet<QString> names;
    for (const auto& value : parameters) {
        const QJsonObject p = value.toObject();
        names << p["name"].toString();
        QVERIFY(p["low"].toDouble() <= p["value"].toDouble() + 1e-9);
        QVERIFY(p["value"].toDouble() <= p["high"].toDouble() + 1e-9);
        const QString kind = p["kind"].toString();
        QVERIFY2(kind == "measured" || kind == "assumed" || kind == "tuned", qPrintable(kind));
        QVERIFY(p["source"].toString().startsWith(kind == "measured" ? "measured" : kind));
    }
    for (const char* name : {"sessions_per_day", "position_exponent", "add_to_cart_rate",
                             "conversion_rate", "aov", "top10_view_share", "intent_mean"})
        QVERIFY2(names.contains(name), name);
    const QJsonArray rows = json["validation"].toObject()["rows"].toArray();
    QVERIFY(rows.size() >= 10);
    for (const auto& value : rows)
        for (const char* key : {"metric", "logged", "low", "high", "simulated", "within"})
            QVERIFY2(value.toObject().contains(key), key);
    QVERIFY(!json["assumptions"].toArray().isEmpty());
    QVERIFY(!json["warnings"].toArray().isEmpty()); // no categories, some products unpriced

    const Run text = cli({"calibrate", "--workspace", store, "--replay-days", "14"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("Replay: the calibrated baseline over 14 days"));
    QVERIFY(text.out.contains("Assumptions:"));

    const Run experiment = cli({"experiment", "--workspace", store, "--treatment", "aa",
                                "--weeks", "1", "--replicates", "0", "--json"});
    QVERIFY2(experiment.exitCode == 0, experiment.err.constData());
    const QJsonObject result = QJsonDocument::fromJson(experiment.out).object();
    QCOMPARE(result["world"].toString(), QString("calibrated"));
    QVERIFY(result["control_shoppers"].toInt() > 0);
    QVERIFY(result["metrics"].toObject().contains("conversion_rate"));
}

void TestCli::calibrateRefusesStoresWithoutBehaviour() {
    const QString csv = m_dir.filePath("calibration-catalog.csv");
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Handle,Title,Variant Price\ntee,Tee,25\nmug,Mug,12\n");
    file.close();
    const QString store = m_dir.filePath("calibration-catalog-only.merchsim");
    QCOMPARE(cli({"import", "catalog", "--workspace", store, "--format", "shopify", csv}).exitCode,
             0);
    const Run run = cli({"calibrate", "--workspace", store});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("no events"), run.err.constData());
    const Run experiment = cli({"experiment", "--workspace", store, "--treatment", "ranking"});
    QCOMPARE(experiment.exitCode, 1);
    QVERIFY2(experiment.err.contains("cannot calibrate"), experiment.err.constData());
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
