// Messaging models on real exports from ../shared/data (skipped when the folder is absent):
// OTTO sessions (carts and orders) and the head of the UCI Online Retail invoices.
#include <QDir>
#include <QTest>

#include <fstream>
#include <map>
#include <set>

#include "merch/event_importers.h"
#include "merch/messaging.h"
#include "test_support.h"

using namespace merch;

namespace {

Result<EventImport> importFile(const QString& relative,
                               Result<EventImport> (*importer)(std::istream&, const ImportOptions&,
                                                               const RunControl&)) {
    const QString path = QDir(MERCH_SHARED_DATA_DIR).filePath(relative);
    std::ifstream in(path.toStdString(), std::ios::binary);
    if (!in)
        return Status::error(StatusCode::NotFound, "cannot open " + path.toStdString());
    ImportOptions options;
    options.fileName = path.toStdString();
    return importer(in, options, {});
}

} // namespace

class TestMessagingReal : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void ottoCartsAndTheirRecovery();
    void onlineRetailOrderHistory();
};

void TestMessagingReal::initTestCase() {
    if (!QDir(MERCH_SHARED_DATA_DIR).exists())
        QSKIP("../shared/data is absent: the real-data messaging checks need it");
}

void TestMessagingReal::ottoCartsAndTheirRecovery() {
    auto imported = importFile("sessions/otto-sample/train.jsonl", importOttoEvents);
    MERCH_VERIFY_OK(imported);
    const auto& events = imported->events;
    // Independently: sessions with a cart event and no order.
    std::map<std::string, std::pair<bool, bool>> sessions;
    for (const Event& e : events) {
        auto& [carted, ordered] = sessions[e.sessionId];
        carted = carted || e.type == EventType::AddToCart;
        ordered = ordered || e.type == EventType::Purchase;
    }
    int abandoned = 0;
    for (const auto& [id, flags] : sessions)
        abandoned += flags.first && !flags.second ? 1 : 0;
    const auto carts = extractAbandonedCarts(events, 7);
    QCOMPARE(int(carts.size()), abandoned);
    for (const AbandonedCart& c : carts) {
        QVERIFY(c.items > 0);
        if (c.recovered)
            QVERIFY(c.hoursToRecovery >= 0 && c.hoursToRecovery <= 7 * 24);
    }
    // Whether a model can be trained depends on both outcomes being present; either way the
    // answer is a Result, and a refusal names the carts.
    auto model = RecoveryModel::train(carts, 1.0);
    if (!model)
        QVERIFY(QString::fromStdString(model.status().message()).startsWith("carts"));
    qInfo("OTTO sample: %d abandoned carts of %d sessions", int(carts.size()),
          int(sessions.size()));
}

void TestMessagingReal::onlineRetailOrderHistory() {
    auto imported =
        importFile("sessions/online-retail-head/OnlineRetail.csv", importOnlineRetailInvoices);
    MERCH_VERIFY_OK(imported);
    const auto& events = imported->events;
    QVERIFY(!events.empty());
    // Invoices only: no carts to recover, and the recovery model says why.
    QVERIFY(extractAbandonedCarts(events, 7).empty());
    auto model = RecoveryModel::train({}, 1.0);
    QVERIFY(!model);
    // Reorder intervals: a (customer, product) bought on two different days. Counted
    // independently from the imported rows.
    std::map<std::pair<std::string, std::string>, std::set<std::int64_t>> days;
    for (const Event& e : events) {
        if (!e.customerId.empty())
            days[{e.customerId, e.productId}].insert(e.timestamp / 86400);
    }
    int expected = 0;
    for (const auto& [key, set] : days) {
        // Purchases less than a day apart merge; distinct calendar days approximate that.
        expected += int(set.size()) - 1;
    }
    const auto intervals = reorderIntervals(events, {});
    QVERIFY(int(intervals.size()) <= expected);
    const ReplenishmentModel replenishment = trainReplenishment(events, {}, 5);
    int modelled = 0;
    for (const auto& [id, cycle] : replenishment.products)
        modelled += cycle.intervals;
    QCOMPARE(modelled, int(intervals.size()));
    qInfo("Online Retail head: %d invoice lines, %d reorder intervals", int(events.size()),
          int(intervals.size()));
}

QTEST_GUILESS_MAIN(TestMessagingReal)
#include "tst_messaging_real.moc"
