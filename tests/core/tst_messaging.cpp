// Messaging models: carts from sessions, the recovery model against scikit-learn, AUC and
// calibration, send timing, replenishment shrinkage, the predictive policy's rules, and the
// whole analysis with its simulated comparison on a small demo store.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

#include "merch/demo_store.h"
#include "merch/messaging_analysis.h"
#include "test_support.h"

using namespace merch;

// Fixtures computed once with /usr/bin/python3 (numpy, scikit-learn 1.2.1), see the tests below
// for the exact calls.
#define MESSAGING_AUC_SCORES                                                                       \
    "0.3,1.0,0.3,0.8,0.9,0.4,0.4,0.4,0.1,0.5,0.2,0.3,0.2,0.2,0.8,0.4,0.3,0.6,0.6,0.6,0.9,0.2,0.4," \
    "0.3,0.0,0.2,0.4,0.4,0.6,0.5,0.6,0.2,0.1,0.3,0.1,0.4,0.5,0.7,0.9,0.1"
#define MESSAGING_AUC_LABELS                                                                       \
    "0,1,0,1,1,0,0,1,0,1,0,0,0,0,1,0,1,0,1,1,1,1,1,0,0,1,0,1,1,0,0,0,0,1,0,1,1,1,1,0"
#define MESSAGING_AUC_EXPECTED 0.820000000000000
#define MESSAGING_LR_X                                                                             \
    "2.39,0.43,1.26,-0.48,1.82,0.52,0.05,-0.90,0.37,-0.49,-0.22,-1.62,-0.49,0.16,-1.25,0.07,0.66," \
    "-0.31,-0.62,-0.62,0.94,-1.53,-0.30,-0.42,0.14,-0.07,-1.11,2.04,0.18,-1.34,-0.89,0.10,0.61,"   \
    "-1.34,0.71,-1.37,-0.79,0.85,1.70,-0.08,-0.31,1.27,-1.07,0.28,0.23,1.01,0.30,-0.27,0.61,"      \
    "-1.13,0.81,-0.67,-0.91,-0.37,0.05,0.71,-0.21,0.74,0.98,-0.11"
#define MESSAGING_LR_Y "1,1,1,1,0,1,0,0,0,1,1,0,0,0,1,1,0,1,0,1,1,1,0,1,1,0,1,0,0,1"
// coef_[0][0], coef_[0][1], intercept_[0]
#define MESSAGING_LR_COEF 0.442834017139, -0.635857792990, 0.100773100688

namespace {

constexpr std::int64_t kT0 = 1767571200; // 2026-01-05 00:00 UTC, a Monday
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

Event make(std::int64_t t, const std::string& session, const std::string& visitor,
           const std::string& customer, EventType type, const std::string& product = {},
           double price = 0) {
    Event e;
    e.timestamp = t;
    e.sessionId = session;
    e.visitorId = visitor;
    e.customerId = customer;
    e.type = type;
    e.productId = product;
    e.price = price;
    e.quantity = price > 0 ? 1 : 0;
    return e;
}

std::vector<double> parseList(const char* text) {
    std::vector<double> out;
    for (const QString& part : QString(text).split(','))
        out.push_back(part.toDouble());
    return out;
}

} // namespace

class TestMessaging : public QObject {
    Q_OBJECT
private slots:
    void aucMatchesScikitLearn();
    void logisticFitMatchesScikitLearn();
    void calibrationBinsHaveEqualCounts();
    void cartsFromSessions();
    void sendTimingFindsThePeak();
    void replenishmentShrinksTowardTheProduct_data();
    void replenishmentShrinksTowardTheProduct();
    void reminderDrivenIntervalsAreLeftOut();
    void predictivePolicyRules();
    void paramsNameTheBadField_data();
    void paramsNameTheBadField();
    void analysisOnADemoStore();
};

void TestMessaging::aucMatchesScikitLearn() {
    // Reference: /usr/bin/python3 with scikit-learn 1.2.1 (Debian python3-sklearn):
    //   rng = numpy.random.default_rng(8); s = numpy.round(rng.uniform(0, 1, 40), 1)
    //   y = (rng.uniform(0, 1, 40) < s).astype(int); sklearn.metrics.roc_auc_score(y, s)
    // Scores rounded to one decimal, so ties are many. Tolerance 1e-12.
    const std::vector<double> scores = parseList(MESSAGING_AUC_SCORES);
    std::vector<int> labels;
    for (double v : parseList(MESSAGING_AUC_LABELS))
        labels.push_back(int(v));
    QCOMPARE(scores.size(), labels.size());
    QVERIFY(std::abs(rocAuc(scores, labels) - MESSAGING_AUC_EXPECTED) < 1e-12);
    // One class only: no ranking to measure.
    QCOMPARE(rocAuc({0.1, 0.7}, {1, 1}), 0.5);
}

void TestMessaging::logisticFitMatchesScikitLearn() {
    // Reference: LogisticRegression(C=1.0, tol=1e-12, max_iter=10000) on the same rng's next
    // draws (X = round(normal(0, 1, (30, 2)), 2)); sklearn minimizes sum(log loss) +
    // ||w||^2 / 2 with the intercept unpenalized, as fitLogistic does with l2 = 1. Tolerance 1e-6.
    const std::vector<double> flat = parseList(MESSAGING_LR_X);
    const std::vector<double> y = parseList(MESSAGING_LR_Y);
    Eigen::MatrixXd x(Eigen::Index(y.size()), 2);
    Eigen::VectorXd target(Eigen::Index(y.size()));
    for (std::size_t i = 0; i < y.size(); ++i) {
        x(Eigen::Index(i), 0) = flat[2 * i];
        x(Eigen::Index(i), 1) = flat[2 * i + 1];
        target(Eigen::Index(i)) = y[i];
    }
    const Eigen::VectorXd w = fitLogistic(x, target, 1.0);
    const double expected[] = {MESSAGING_LR_COEF};
    for (int j = 0; j < 3; ++j)
        QVERIFY2(std::abs(w(j) - expected[j]) < 1e-6,
                 qPrintable(QString("%1: %2 vs %3").arg(j).arg(w(j)).arg(expected[j])));
}

void TestMessaging::calibrationBinsHaveEqualCounts() {
    std::vector<double> scores;
    std::vector<int> labels;
    for (int i = 0; i < 103; ++i) {
        scores.push_back(double((i * 37) % 103) / 103.0);
        labels.push_back(i % 3 == 0 ? 1 : 0);
    }
    const auto curve = calibrationCurve(scores, labels, 10);
    QCOMPARE(int(curve.size()), 10);
    int total = 0, positives = 0;
    for (std::size_t b = 0; b < curve.size(); ++b) {
        QVERIFY(curve[b].count == 10 || curve[b].count == 11);
        total += curve[b].count;
        positives += int(std::lround(curve[b].observedRate * curve[b].count));
        if (b > 0)
            QVERIFY(curve[b].meanPredicted > curve[b - 1].meanPredicted);
    }
    QCOMPARE(total, 103);
    QCOMPARE(positives, 35);
}

void TestMessaging::cartsFromSessions() {
    std::vector<Event> events = {
        // Anonymous visitor v1 carts a and b, removes b, leaves; logs in as c1 three days later
        // and buys a: the first cart is recovered after 72 h and belongs to c1 (stitched).
        make(kT0 + 10 * kHour, "s1", "v1", "", EventType::View, "a"),
        make(kT0 + 10 * kHour + 5, "s1", "v1", "", EventType::AddToCart, "a", 20),
        make(kT0 + 10 * kHour + 9, "s1", "v1", "", EventType::AddToCart, "b", 5),
        make(kT0 + 10 * kHour + 20, "s1", "v1", "", EventType::RemoveFromCart, "b", 5),
        make(kT0 + 82 * kHour, "s2", "v1", "c1", EventType::Purchase, "a", 20),
        // c2 carts c and never returns; then within the window a session without purchase.
        make(kT0 + kDay, "s3", "v2", "c2", EventType::AddToCart, "c", 7),
        make(kT0 + 2 * kDay, "s4", "v2", "c2", EventType::View, "c"),
        // v3 carts and buys in the same session: not abandoned.
        make(kT0 + kDay, "s5", "v3", "", EventType::AddToCart, "d", 3),
        make(kT0 + kDay + 60, "s5", "v3", "", EventType::Purchase, "d", 3),
    };
    const auto carts = extractAbandonedCarts(events, 7);
    QCOMPARE(int(carts.size()), 2);
    const AbandonedCart& first = carts[0];
    QCOMPARE(first.key, std::string("c1"));
    QVERIFY(first.identified);
    QCOMPARE(first.productIds, std::vector<std::string>{"a"});
    QCOMPARE(first.value, 20.0);
    QVERIFY(first.recovered);
    QVERIFY(std::abs(first.hoursToRecovery - 72.0) < 0.01);
    QCOMPARE(first.hour, 10);
    QCOMPARE(first.weekday, 0);
    QCOMPARE(first.priorSessions, 0);
    QCOMPARE(carts[1].key, std::string("c2"));
    QVERIFY(!carts[1].recovered);
    QCOMPARE(int(carts[1].returns.size()), 1);
    QVERIFY(!carts[1].returns[0].second);
    // With a 2-day window the 72 h recovery falls outside.
    QVERIFY(!extractAbandonedCarts(events, 2)[0].recovered);
}

void TestMessaging::sendTimingFindsThePeak() {
    // Returns whose buying rate follows logistic(-2 + 2 exp(-ln^2(h / 8) / 2)): peak at 8 h.
    std::vector<AbandonedCart> carts;
    int serial = 0;
    for (double hours : {0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0}) {
        const double d = std::log(hours / 8.0);
        const double p = 1.0 / (1.0 + std::exp(2.0 - 2.0 * std::exp(-0.5 * d * d)));
        const int bought = int(std::lround(400 * p));
        for (int k = 0; k < 400; ++k) {
            AbandonedCart c;
            c.key = "visitor:" + std::to_string(serial++);
            c.returns.emplace_back(hours, k < bought);
            carts.push_back(c);
        }
    }
    // One identified customer whose own buying returns were at 40 h.
    for (int k = 0; k < 2; ++k) {
        AbandonedCart c;
        c.key = "c9";
        c.identified = true;
        c.returns.emplace_back(40.0, true);
        carts.push_back(c);
    }
    const SendTimingModel model = trainSendTiming(carts, 2.0);
    QVERIFY2(model.storeHours > 6 && model.storeHours < 11,
             qPrintable(QString::number(model.storeHours)));
    // Own evidence pulls c9 halfway (2 returns against a prior weight of 2) in log hours.
    const double expected = std::exp((2 * std::log(model.storeHours) + 2 * std::log(40.0)) / 4);
    QVERIFY(std::abs(model.hoursFor("c9") - expected) < 1e-9);
    QCOMPARE(model.hoursFor("someone new"), model.storeHours);
}

void TestMessaging::replenishmentShrinksTowardTheProduct_data() {
    QTest::addColumn<int>("ownIntervals");
    QTest::newRow("one own interval") << 1;
    QTest::newRow("three own intervals") << 3;
    QTest::newRow("six own intervals") << 6;
}

void TestMessaging::replenishmentShrinksTowardTheProduct() {
    QFETCH(int, ownIntervals);
    // 40 customers reorder product p every 20..40 days (each at their own pace); customer "x"
    // every 60 days. The estimate for x lies between the product's and x's own, and moves
    // toward x's own as x's intervals accumulate.
    std::vector<Event> events;
    int session = 0;
    const auto buy = [&](const std::string& customer, std::int64_t t) {
        events.push_back(make(t, "s" + std::to_string(session++), "v" + customer, customer,
                              EventType::Purchase, "p", 10));
    };
    for (int c = 0; c < 40; ++c) {
        const double pace = 20.0 + c % 21;
        for (int k = 0; k < 4; ++k)
            buy("c" + std::to_string(c), kT0 + std::int64_t((k * pace + (k % 2) * 1.5) * kDay));
    }
    for (int k = 0; k <= ownIntervals; ++k)
        buy("x", kT0 + std::int64_t(k) * 60 * kDay);
    const ReplenishmentModel model = trainReplenishment(events, {"p"}, 5);
    const double product = model.products.at("p").days();
    QVERIFY(product > 24 && product < 36);
    double weight = 0;
    const double x = model.predictedDays("x", "p", &weight);
    QVERIFY(x > product && x < 60.0);
    QVERIFY(weight > 0 && weight < 1);
    // The empirical-Bayes weight: n tau^2 / (n tau^2 + sigma^2).
    const double tau2 = model.products.at("p").tau2;
    QVERIFY(std::abs(weight - ownIntervals * tau2 / (ownIntervals * tau2 + model.sigma2)) < 1e-12);
    QCOMPARE(model.predictedDays("new customer", "p"), product);
}

void TestMessaging::reminderDrivenIntervalsAreLeftOut() {
    std::vector<Event> events = {
        make(kT0, "s1", "v1", "c1", EventType::Purchase, "p", 10),
        make(kT0 + 21 * kDay, "s2", "v1", "c1", EventType::View, "p"),
        make(kT0 + 21 * kDay + 30, "s2", "v1", "c1", EventType::Purchase, "p", 10),
        make(kT0 + 50 * kDay, "s3", "v1", "c1", EventType::Purchase, "p", 10),
    };
    events[1].list = "email:replenish";
    const auto intervals = reorderIntervals(events, {"p"});
    QCOMPARE(int(intervals.size()), 2);
    QVERIFY(intervals[0].reminderDriven && !intervals[1].reminderDriven);
    const ReplenishmentModel model = trainReplenishment(events, {"p"}, 5);
    QCOMPARE(model.excludedReminderIntervals, 1);
    QCOMPARE(model.customers.at("c1|p").intervals, 1);
    QVERIFY(std::abs(std::exp(model.customers.at("c1|p").sumLogDays) - 29.0) < 0.01);
}

void TestMessaging::predictivePolicyRules() {
    auto models = std::make_shared<MessagingModels>();
    models->timing.storeHours = 10;
    models->timing.customers["c1"] = {30.0, 2};
    models->replenishment.products["p"] = {std::log(30.0), 0.1, 50, 20};
    PredictivePolicyParams params;
    params.emailsPerCart = 2;
    params.followUpFactor = 3;
    params.reminderLeadDays = 3;
    params.maxMessagesPer30Days = 4;
    PredictiveMessagingPolicy policy(models, {"p", "q"}, params);
    const std::vector<int> items = {1};
    CartAbandonment cart;
    cart.identified = true;
    cart.customerId = "c1";
    cart.items = items;
    QCOMPARE(policy.cartEmailDelays(cart), (std::vector<std::int64_t>{30 * kHour, 90 * kHour}));
    PredictiveMessagingPolicy three(models, {"p", "q"}, PredictivePolicyParams{});
    QCOMPARE(three.cartEmailDelays(cart),
             (std::vector<std::int64_t>{10 * kHour, 30 * kHour, 90 * kHour}));
    // Never sooner than an hour.
    QCOMPARE(cartEmailPlan(2.0, 3, 3.0),
             (std::vector<std::int64_t>{1 * kHour, 2 * kHour, 6 * kHour}));
    cart.customerId = "c2"; // no history: the store's delay
    QCOMPARE(policy.cartEmailDelays(cart).front(), 10 * kHour);
    cart.messagesLast30Days = 4; // fatigue cap
    QVERIFY(policy.cartEmailDelays(cart).empty());
    cart.messagesLast30Days = 0;
    cart.unsubscribed = true;
    QVERIFY(policy.cartEmailDelays(cart).empty());
    cart.unsubscribed = false;
    cart.identified = false;
    QVERIFY(policy.cartEmailDelays(cart).empty());
    ConsumableOrder order;
    order.identified = true;
    order.customerId = "c5";
    order.product = 0;
    QCOMPARE(policy.reminderDelays(order), (std::vector<std::int64_t>{27 * kDay}));
    // The store's policy never reads the world's truth: changing it changes nothing.
    order.shopper = 17;
    order.trueRunOut = 5 * kDay;
    QCOMPARE(policy.reminderDelays(order), (std::vector<std::int64_t>{27 * kDay}));
    CartAbandonment truthOnly = cart;
    truthOnly.identified = true;
    truthOnly.shopper = 123;
    const auto plan = policy.cartEmailDelays(truthOnly);
    truthOnly.shopper = 7;
    QCOMPARE(policy.cartEmailDelays(truthOnly), plan);
    ReminderDue due;
    QVERIFY(policy.sendReminder(due));
    due.reorderedSince = true;
    QVERIFY(!policy.sendReminder(due));

    // An A/B split by shopper: odd shoppers get the predictive plan, even ones nothing.
    class Silent final : public MessagingPolicy {
    public:
        std::string name() const override { return "silent"; }
        std::vector<std::int64_t> cartEmailDelays(const CartAbandonment&) const override {
            return {};
        }
        std::vector<std::int64_t> reminderDelays(const ConsumableOrder&) const override {
            return {};
        }
    } silent;
    ShopperSplitMessagingPolicy split(silent, policy, [](int shopper) { return shopper % 2 == 1; });
    cart.identified = true;
    cart.customerId = "c1";
    cart.shopper = 3;
    QCOMPARE(split.cartEmailDelays(cart), policy.cartEmailDelays(cart));
    cart.shopper = 4;
    QVERIFY(split.cartEmailDelays(cart).empty());
    due.shopper = 4;
    due.reorderedSince = true;
    QVERIFY(split.sendReminder(due)); // the silent arm's default
}

void TestMessaging::paramsNameTheBadField_data() {
    QTest::addColumn<QString>("field");
    QTest::newRow("testDays") << "testDays";
    QTest::newRow("l2") << "l2";
    QTest::newRow("emailsPerCart") << "emailsPerCart";
    QTest::newRow("replicates") << "replicates";
}

void TestMessaging::paramsNameTheBadField() {
    QFETCH(QString, field);
    MessagingAnalysisParams params;
    if (field == "testDays")
        params.models.testDays = 0;
    else if (field == "l2")
        params.models.l2 = -1;
    else if (field == "emailsPerCart")
        params.policy.emailsPerCart = 4;
    else
        params.replicates = 0;
    const Status status = params.validate();
    QVERIFY(!status);
    QVERIFY2(QString::fromStdString(status.message()).startsWith(field), status.message().c_str());
}

void TestMessaging::analysisOnADemoStore() {
    QTemporaryDir dir;
    const std::string path = test::stdPath(dir.filePath("demo.merchsim"));
    DemoStoreParams demo;
    demo.world.products = 400;
    demo.world.days = 60;
    demo.world.sessionsPerDay = 400;
    RunControl control;
    control.seed = 21;
    MERCH_VERIFY_OK(writeDemoStore(path, demo, control));
    auto workspace = Workspace::open(path);
    MERCH_VERIFY_OK(workspace);
    MessagingAnalysisParams params;
    params.historyDays = 30;
    params.testDays = 14;
    params.replicates = 2;
    auto analysis = analyzeMessaging(**workspace, params, {});
    MERCH_VERIFY_OK(analysis);
    const RecoveryEvaluation& r = analysis->recovery;
    QVERIFY(analysis->demoStore);
    QVERIFY(r.available);
    QVERIFY(r.trainCarts > 500 && r.testCarts > 50);
    // Recovery is predictable from what the store logs (identified shoppers get emails).
    QVERIFY2(r.auc > 0.65, qPrintable(QString::number(r.auc)));
    QVERIFY(r.brier < r.baseRateBrier);
    QVERIFY(!analysis->atRisk.empty());
    for (std::size_t i = 1; i < analysis->atRisk.size(); ++i)
        QVERIFY(analysis->atRisk[i - 1].probability >= analysis->atRisk[i].probability);
    QVERIFY(analysis->replenishment.products > 0);
    QVERIFY(analysis->comparison.has_value());
    const MessagingComparison& c = *analysis->comparison;
    QCOMPARE(int(c.fixedRuns.size()), 2);
    QCOMPARE(int(c.metrics.size()), 8);
    QCOMPARE(int(c.timeline.size()), 14);
    for (const auto& m : c.metrics)
        QVERIFY2(m.ciLow <= m.lift && m.lift <= m.ciHigh, m.key.c_str());
    // Same seed, same comparison.
    auto again = analyzeMessaging(**workspace, params, {});
    MERCH_VERIFY_OK(again);
    QCOMPARE(again->comparison->metrics[0].predictive, c.metrics[0].predictive);
    // Cancelling stops it.
    RunControl cancel;
    cancel.progress = [](double fraction, std::string_view) { return fraction < 0.3; };
    auto cancelled = analyzeMessaging(**workspace, params, cancel);
    QVERIFY(!cancelled);
    QCOMPARE(cancelled.status().code(), StatusCode::Cancelled);
}

QTEST_GUILESS_MAIN(TestMessaging)
#include "tst_messaging.moc"
