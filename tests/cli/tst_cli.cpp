// merchsim-cli smoke tests: help, usage errors (exit 2), demo and info, JSON keys.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
    QTest::newRow("missing workspace") << QStringList{"info"}
                                       << QByteArray("--workspace is required");
    QTest::newRow("unknown option") << QStringList{"info", "--workspace", "x", "--colour"}
                                    << QByteArray("unknown option --colour");
    QTest::newRow("option without value") << QStringList{"demo", "--workspace"}
                                          << QByteArray("needs a value");
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
    QTest::newRow("demo") << "demo";
    QTest::newRow("info") << "info";
}

void TestCli::everyVerbHasHelp() {
    QFETCH(QString, verb);
    const Run run = cli({verb, "--help"});
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
