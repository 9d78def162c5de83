// writeDemoStore: the demo store lands in a workspace, byte for byte reproducible, and a
// cancelled or refused generation leaves nothing behind.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>

#include "merch/demo_store.h"
#include "merch/workspace.h"
#include "test_support.h"

using namespace merch;

namespace {
DemoStoreParams smallStore() {
    DemoStoreParams params;
    params.world.products = 250;
    params.world.days = 14;
    params.world.sessionsPerDay = 150;
    return params;
}
} // namespace

class TestDemoStore : public QObject {
    Q_OBJECT

private slots:
    void writesTheStoreAndItsSummary();
    void sameSeedSameBytes();
    void cancelLeavesNoFile();
    void refusesAnExistingFile();
    void invalidParamsAreRefusedBeforeWriting();
    void worldSettingsReadBack();

private:
    std::string path(const char* name) const { return test::stdPath(m_dir.filePath(name)); }
    QTemporaryDir m_dir;
};

void TestDemoStore::writesTheStoreAndItsSummary() {
    const std::string file = path("demo.merchsim");
    RunControl control;
    double last = -1;
    bool monotone = true;
    control.progress = [&](double fraction, std::string_view) {
        monotone &= fraction >= last;
        last = fraction;
        return true;
    };
    auto summary = writeDemoStore(file, smallStore(), control);
    MERCH_VERIFY_OK(summary);
    QVERIFY(monotone);
    QCOMPARE(last, 1.0);
    QCOMPARE(summary->products, std::int64_t(250));
    QVERIFY(summary->variants > summary->products);
    QVERIFY(summary->sessions > 1500);
    QVERIFY(summary->orders > 0);
    QCOMPARE(summary->sessionsPerDay.size(), std::size_t(14));
    QVERIFY(summary->categories.size() >= 6);

    auto workspace = Workspace::open(file);
    MERCH_VERIFY_OK(workspace);
    auto seed = (*workspace)->meta("demo.seed");
    MERCH_VERIFY_OK(seed);
    QCOMPARE(*seed, std::string("42"));
    auto reread = (*workspace)->summary();
    MERCH_VERIFY_OK(reread);
    QCOMPARE(reread->events, summary->events);
    // The truth stays in the world: no table holds tastes, utilities or cycles.
    auto products = (*workspace)->loadProducts();
    MERCH_VERIFY_OK(products);
    QCOMPARE(products->size(), std::size_t(250));
}

void TestDemoStore::sameSeedSameBytes() {
    const std::string a = path("same-a.merchsim");
    const std::string b = path("same-b.merchsim");
    const std::string c = path("other-seed.merchsim");
    RunControl control;
    control.seed = 5;
    MERCH_VERIFY_OK(writeDemoStore(a, smallStore(), control));
    MERCH_VERIFY_OK(writeDemoStore(b, smallStore(), control));
    control.seed = 6;
    MERCH_VERIFY_OK(writeDemoStore(c, smallStore(), control));
    const QByteArray hashA = test::fileHash(QString::fromStdString(a));
    QVERIFY(!hashA.isEmpty());
    QCOMPARE(test::fileHash(QString::fromStdString(b)), hashA);
    QVERIFY(test::fileHash(QString::fromStdString(c)) != hashA);
}

void TestDemoStore::cancelLeavesNoFile() {
    const std::string file = path("cancelled.merchsim");
    RunControl control;
    control.progress = [](double fraction, std::string_view) { return fraction < 0.3; };
    auto summary = writeDemoStore(file, smallStore(), control);
    QVERIFY(!summary.isOk());
    QCOMPARE(summary.status().code(), StatusCode::Cancelled);
    QVERIFY(!QFile::exists(QString::fromStdString(file)));
    QVERIFY(!QFile::exists(QString::fromStdString(file + "-journal")));
}

void TestDemoStore::refusesAnExistingFile() {
    const std::string file = path("existing.merchsim");
    std::ofstream(file) << "my notes";
    auto summary = writeDemoStore(file, smallStore(), {});
    QVERIFY(!summary.isOk());
    std::ifstream in(file);
    std::string content;
    std::getline(in, content);
    QCOMPARE(content, std::string("my notes"));
}

void TestDemoStore::invalidParamsAreRefusedBeforeWriting() {
    const std::string file = path("invalid.merchsim");
    DemoStoreParams params = smallStore();
    params.world.days = 0;
    auto summary = writeDemoStore(file, params, {});
    QCOMPARE(summary.status().code(), StatusCode::InvalidArgument);
    QVERIFY(!QFile::exists(QString::fromStdString(file)));
}

void TestDemoStore::worldSettingsReadBack() {
    const std::string file = path("settings.merchsim");
    RunControl control;
    control.seed = 9'000'000'000'000'000'123ULL; // above 2^53: must survive whole
    MERCH_VERIFY_OK(writeDemoStore(file, smallStore(), control));
    auto workspace = Workspace::open(file);
    MERCH_VERIFY_OK(workspace);
    auto settings = readDemoWorldSettings(**workspace);
    MERCH_VERIFY_OK(settings);
    QVERIFY(settings->has_value());
    QCOMPARE((*settings)->seed, control.seed);
    QCOMPARE((*settings)->world.products, 250);
    QCOMPARE((*settings)->world.days, 14);
    QCOMPARE((*settings)->world.sessionsPerDay, 150.0);

    MERCH_VERIFY_OK((*workspace)->setMeta("demo.seed", "forty-two"));
    QCOMPARE(readDemoWorldSettings(**workspace).status().code(), StatusCode::Corrupted);

    auto imported = Workspace::create(path("imported.merchsim"));
    MERCH_VERIFY_OK(imported);
    auto none = readDemoWorldSettings(**imported);
    MERCH_VERIFY_OK(none);
    QVERIFY(!none->has_value());
}

QTEST_GUILESS_MAIN(TestDemoStore)
#include "tst_demo_store.moc"
