// World calibration: fitted from a demo store's own logs, where the truth is known, the
// parameters must recover the demo world's and the calibrated baseline must reproduce the
// logs; degenerate inputs are refused with the reason; real samples (when ../shared/data is
// present) are calibrated and their validation table printed.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <fstream>

#include "merch/demo_store.h"
#include "merch/event_importers.h"
#include "merch/experiment.h"
#include "merch/shopper_world.h"
#include "merch/world_calibration.h"
#include "test_support.h"

using namespace merch;

namespace {

struct DemoLogs {
    WorldParams params;
    std::shared_ptr<const ShopperWorld> world;
    std::vector<Event> events;
};

// A small demo store: 400 products, 42 days at 400 sessions a day, seed 7.
const DemoLogs& demoLogs() {
    static const DemoLogs logs = [] {
        DemoLogs out;
        out.params.products = 400;
        out.params.days = 42;
        out.params.sessionsPerDay = 400;
        auto world = ShopperWorld::create(out.params, 7);
        if (!world)
            return out;
        out.world = *world;
        auto baseline = out.world->baselinePolicy();
        auto run = out.world->run(*baseline,
                                  [&](const Event& e) {
                                      out.events.push_back(e);
                                      return Status::ok();
                                  },
                                  {});
        if (!run)
            out.events.clear();
        return out;
    }();
    return logs;
}

CalibrationParams quickParams() {
    CalibrationParams params;
    params.tuningDays = 28;
    params.tuningSessionsPerDay = 400;
    params.replayDays = 42;
    params.bootstrapSamples = 100;
    return params;
}

const Result<WorldCalibration>& demoCalibration() {
    static const Result<WorldCalibration> calibration = [] {
        const DemoLogs& logs = demoLogs();
        RunControl control;
        control.seed = 11;
        return calibrateWorld(logs.world ? logs.world->products() : std::vector<Product>{},
                              logs.events, quickParams(), control);
    }();
    return calibration;
}

std::string describe(const WorldCalibration& c) {
    std::string out;
    for (const auto& p : c.parameters)
        out += p.name + " = " + std::to_string(p.value) + " [" + std::to_string(p.low) + ", " +
               std::to_string(p.high) + "] " + calibratedKindName(p.kind) + "\n";
    for (const auto& r : c.validation.rows)
        out += "replay " + r.metric + ": logged " + std::to_string(r.logged) + " [" +
               std::to_string(r.low) + ", " + std::to_string(r.high) + "] simulated " +
               std::to_string(r.simulated) + (r.within ? " within" : " OUTSIDE") + "\n";
    return out;
}

const ValidationRow* row(const WorldCalibration& c, const std::string& metric) {
    for (const auto& r : c.validation.rows)
        if (r.metric == metric)
            return &r;
    return nullptr;
}

} // namespace

class TestWorldCalibration : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void recoversMeasuredTruth_data();
    void recoversMeasuredTruth();
    void recoversTunedTruth_data();
    void recoversTunedTruth();
    void everyParameterHasSourceAndInterval();
    void replayReproducesLogs_data();
    void replayReproducesLogs();
    void calibratedWorldUsesTheCatalog();
    void deterministic();
    void coViewTasteFollowsSubcategories();
    void calibratesAWorkspace();
    void experimentRunsOnTheCalibratedWorld_data();
    void experimentRunsOnTheCalibratedWorld();
    void refusesDegenerateInputs_data();
    void refusesDegenerateInputs();
    void eventsOnlyDegradesWithReasons();
    void paramsValidation_data();
    void paramsValidation();
    void realSamples_data();
    void realSamples();
};

void TestWorldCalibration::initTestCase() {
    QVERIFY(demoLogs().world);
    QVERIFY(!demoLogs().events.empty());
    MERCH_VERIFY_OK(demoCalibration());
    qInfo("%s", describe(*demoCalibration()).c_str());
}

// Measured parameters against the demo world's truth (shopper_population.cpp,
// shopper_world.cpp, session_simulator.cpp): the weekday factors, the position curve p^-0.7,
// the 16% of browsing sessions that start with a search, the 10% randomized category pages.
// Tolerance: the truth lies inside the 95% interval widened by `slack` (model differences the
// interval does not cover, named per row).
void TestWorldCalibration::recoversMeasuredTruth_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("truth");
    QTest::addColumn<double>("slack");
    // Weekday factors: 6 of each weekday at ~400 sessions, plus the world's 12% growth.
    QTest::newRow("monday") << "weekday_monday" << 0.97 << 0.03;
    QTest::newRow("wednesday") << "weekday_wednesday" << 0.94 << 0.03;
    QTest::newRow("sunday") << "weekday_sunday" << 1.12 << 0.03;
    QTest::newRow("position bias") << "position_exponent" << 0.7 << 0.05;
    // Cart-return visits (about 2% of sessions) start on a product page, not a search.
    QTest::newRow("search entry") << "entry_search" << 0.16 << 0.01;
    QTest::newRow("exploration") << "list_exploration" << 0.10 << 0.005;
    // The growth over the run: 12% from the first day to the last.
    QTest::newRow("trend") << "traffic_trend" << 0.12 << 0.02;
    // Shoppers' interests are Dirichlet(2 x traffic share); cart returns and email visits
    // revisit the same category, so the measured focus is somewhat higher (lower s).
    QTest::newRow("category focus") << "category_concentration" << 2.0 << 1.0;
}

void TestWorldCalibration::recoversMeasuredTruth() {
    QFETCH(QString, name);
    QFETCH(double, truth);
    QFETCH(double, slack);
    const WorldCalibration& c = *demoCalibration();
    const CalibratedValue* p = c.find(name.toStdString());
    QVERIFY2(p, qPrintable(name));
    QCOMPARE(p->kind, CalibratedValue::Kind::Measured);
    QVERIFY2(truth >= p->low - slack && truth <= p->high + slack,
             qPrintable(QString("%1 = %2 [%3, %4], truth %5")
                            .arg(name)
                            .arg(p->value)
                            .arg(p->low)
                            .arg(p->high)
                            .arg(truth)));
}

// Tuned knobs against the demo world's truth: intent ~ N(0, 0.8), no cart or click offsets
// (the demo's penalties sit on 20% of products only), 45% returning arrivals, and 400
// arrivals a day growing 12% over the run (mean 1.06 x 400 as the world is made flat).
void TestWorldCalibration::recoversTunedTruth_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<double>("truth");
    QTest::addColumn<double>("tolerance");
    QTest::newRow("arrivals") << "arrivals_per_day" << 400 * 1.06 << 0.06 * 424;
    QTest::newRow("returning") << "returning_share_param" << 0.45 << 0.08;
    QTest::newRow("intent") << "intent_mean" << 0.0 << 0.5;
    QTest::newRow("cart") << "cart_shift" << 0.0 << 0.5;
    QTest::newRow("click") << "click_shift" << 0.0 << 0.6;
}

void TestWorldCalibration::recoversTunedTruth() {
    QFETCH(QString, name);
    QFETCH(double, truth);
    QFETCH(double, tolerance);
    const WorldCalibration& c = *demoCalibration();
    const CalibratedValue* p = c.find(name.toStdString());
    QVERIFY2(p, qPrintable(name));
    QCOMPARE(p->kind, CalibratedValue::Kind::Tuned);
    QVERIFY2(
        std::abs(p->value - truth) <= tolerance,
        qPrintable(
            QString("%1 = %2, truth %3 +- %4").arg(name).arg(p->value).arg(truth).arg(tolerance)));
}

void TestWorldCalibration::everyParameterHasSourceAndInterval() {
    const WorldCalibration& c = *demoCalibration();
    QVERIFY(c.catalogKnown);
    QVERIFY(c.categoriesKnown);
    QCOMPARE(int(c.products.size()), 400);
    QVERIFY(c.parameters.size() >= 25);
    for (const auto& p : c.parameters) {
        QVERIFY2(!p.source.empty() && !p.label.empty(), p.name.c_str());
        QVERIFY2(p.low <= p.value + 1e-12 && p.value <= p.high + 1e-12, p.name.c_str());
        if (p.kind == CalibratedValue::Kind::Measured)
            QVERIFY2(p.source.rfind("measured", 0) == 0, p.name.c_str());
        if (p.kind == CalibratedValue::Kind::Assumed)
            QVERIFY2(p.source.rfind("assumed: ", 0) == 0, p.name.c_str());
    }
    // Rates measured from tens of thousands of sessions have a real, narrow interval.
    const CalibratedValue* atc = c.find("add_to_cart_rate");
    QVERIFY(atc && atc->high > atc->low && atc->high - atc->low < 0.02);
    QVERIFY(c.assumptions.size() >= 7);
    QVERIFY(c.tuning.iterations >= 1 && c.tuning.iterations <= quickParams().tuningIterations);
}

// The calibrated baseline, replayed with another seed, against the logs: the rates must
// fall inside the logs' 95% interval widened by a relative `slack` (the replay's own sampling
// noise over ~17k sessions, and the cart-return and email visits the tuning does not target).
void TestWorldCalibration::replayReproducesLogs_data() {
    QTest::addColumn<QString>("metric");
    QTest::addColumn<double>("slack");
    QTest::newRow("sessions a day") << "sessions_per_day" << 0.03;
    QTest::newRow("add-to-cart rate") << "add_to_cart_rate" << 0.05;
    QTest::newRow("conversion rate") << "conversion_rate" << 0.08;
    QTest::newRow("cart to order") << "cart_to_purchase_rate" << 0.08;
    QTest::newRow("views a session") << "views_per_session" << 0.05;
    QTest::newRow("order value") << "aov" << 0.10;
    QTest::newRow("top 10% views") << "top10_view_share" << 0.08;
    QTest::newRow("returning") << "returning_share" << 0.08;
    QTest::newRow("ctr position 1") << "ctr_position_1" << 0.15;
    // A quarter of the products have too few co-views to be placed by the embedding.
    QTest::newRow("same-page co-views") << "same_page_coviews" << 0.15;
    QTest::newRow("ctr position 3") << "ctr_position_3" << 0.15;
}

void TestWorldCalibration::replayReproducesLogs() {
    QFETCH(QString, metric);
    QFETCH(double, slack);
    const WorldCalibration& c = *demoCalibration();
    const ValidationRow* r = row(c, metric.toStdString());
    QVERIFY2(r, qPrintable(metric));
    const double low = r->low * (1 - slack), high = r->high * (1 + slack);
    QVERIFY2(r->simulated >= low && r->simulated <= high,
             qPrintable(QString("%1: simulated %2, logged %3 [%4, %5]")
                            .arg(metric)
                            .arg(r->simulated)
                            .arg(r->logged)
                            .arg(r->low)
                            .arg(r->high)));
}

void TestWorldCalibration::calibratedWorldUsesTheCatalog() {
    const WorldCalibration& c = *demoCalibration();
    WorldParams params;
    params.days = 7;
    params.sessionsPerDay = 300;
    auto world = ShopperWorld::createCalibrated(c, params, 5);
    MERCH_VERIFY_OK(world);
    const auto& demo = demoLogs().world->products();
    QCOMPARE((*world)->products().size(), demo.size());
    for (std::size_t i = 0; i < demo.size(); i += 37) {
        QCOMPARE((*world)->products()[i].id, demo[i].id);
        QCOMPARE((*world)->products()[i].price, demo[i].price);
    }
    QCOMPARE((*world)->examinationProbability(4), std::pow(4.0, -c.positionExponent));
    auto baseline = (*world)->baselinePolicy();
    auto run = (*world)->run(*baseline, {}, {});
    MERCH_VERIFY_OK(run);
    QVERIFY(double(run->sessions) > 7 * 300 * 0.8);
    QVERIFY(run->orders > 0);
}

void TestWorldCalibration::deterministic() {
    const DemoLogs& logs = demoLogs();
    CalibrationParams params = quickParams();
    params.tuningIterations = 3;
    params.replay = false;
    RunControl control;
    control.seed = 3;
    auto a = calibrateWorld(logs.world->products(), logs.events, params, control);
    auto b = calibrateWorld(logs.world->products(), logs.events, params, control);
    MERCH_VERIFY_OK(a);
    MERCH_VERIFY_OK(b);
    QCOMPARE(a->parameters.size(), b->parameters.size());
    for (std::size_t i = 0; i < a->parameters.size(); ++i) {
        QCOMPARE(a->parameters[i].value, b->parameters[i].value);
        QCOMPARE(a->parameters[i].low, b->parameters[i].low);
    }
    QVERIFY(a->validation.rows.empty());
}

// The co-view embedding places products of one subcategory together: in the demo world their
// taste directions share a subcategory centroid, so shoppers view them together.
void TestWorldCalibration::coViewTasteFollowsSubcategories() {
    const WorldCalibration& c = *demoCalibration();
    const auto& demo = demoLogs().world->products();
    double within = 0, across = 0;
    int withinCount = 0, acrossCount = 0, placed = 0;
    for (std::size_t a = 0; a < c.products.size(); ++a) {
        if (c.products[a].taste.empty())
            continue;
        ++placed;
        for (std::size_t b = a + 1; b < c.products.size(); ++b) {
            if (c.products[b].taste.empty())
                continue;
            double cosine = 0;
            for (std::size_t d = 0; d < c.products[a].taste.size(); ++d)
                cosine += double(c.products[a].taste[d]) * double(c.products[b].taste[d]);
            if (demo[a].subcategory == demo[b].subcategory && !demo[a].subcategory.empty()) {
                within += cosine;
                ++withinCount;
            } else {
                across += cosine;
                ++acrossCount;
            }
        }
    }
    QVERIFY2(placed > 200, qPrintable(QString::number(placed)));
    QVERIFY(withinCount > 100 && acrossCount > 100);
    within /= withinCount;
    across /= acrossCount;
    qInfo("mean cosine: same subcategory %.3f, different %.3f (%d products placed)", within,
          across, placed);
    QVERIFY2(within > across + 0.2, qPrintable(QString("%1 vs %2").arg(within).arg(across)));
}

// The workspace entry point reads the catalog and events a demo store wrote: the world's
// products are the workspace's, and the logged sessions are all counted.
void TestWorldCalibration::calibratesAWorkspace() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("store.merchsim").toStdString();
    DemoStoreParams demo;
    demo.world.products = 120;
    demo.world.days = 14;
    demo.world.sessionsPerDay = 150;
    auto written = writeDemoStore(path, demo, {});
    MERCH_VERIFY_OK(written);
    auto workspace = Workspace::open(path);
    MERCH_VERIFY_OK(workspace);
    CalibrationParams params = quickParams();
    params.tuningIterations = 3;
    params.replayDays = 14;
    auto calibration = calibrateWorkspace(**workspace, params, {});
    MERCH_VERIFY_OK(calibration);
    QCOMPARE(std::int64_t(calibration->products.size()), written->products);
    QCOMPARE(calibration->sessions, written->sessions);
    QCOMPARE(calibration->days, 14);
    QVERIFY(!calibration->validation.rows.empty());
}

void TestWorldCalibration::experimentRunsOnTheCalibratedWorld_data() {
    QTest::addColumn<QString>("treatment");
    QTest::newRow("A/A") << "aa";
    QTest::newRow("ranking") << "ranking";
}

// The A/B simulation on a calibrated world: the catalog is the store's, an A/A test has no
// true lift, a ranking test reads a finite lift with its interval.
void TestWorldCalibration::experimentRunsOnTheCalibratedWorld() {
    QFETCH(QString, treatment);
    ExperimentParams params;
    params.treatment = treatment.toStdString();
    params.weeks = 1;
    params.historyDays = 14;
    params.sessionsPerDay = 300;
    params.replicates = 0;
    params.calibration = std::make_shared<const WorldCalibration>(*demoCalibration());
    RunControl control;
    control.seed = 8;
    auto result = simulateExperiment(params, control);
    MERCH_VERIFY_OK(result);
    QVERIFY(result->controlShoppers > 100 && result->treatmentShoppers > 100);
    QVERIFY(result->metrics.size() >= 3);
    for (const auto& m : result->metrics) {
        QVERIFY2(std::isfinite(m.test.lift) && m.test.ciLow <= m.test.ciHigh, m.metric.c_str());
        if (treatment == "aa")
            QCOMPARE(m.trueLift, 0.0);
        else
            QVERIFY2(std::isfinite(m.trueLift) && std::abs(m.trueLift) < 1.0, m.metric.c_str());
    }
}

void TestWorldCalibration::refusesDegenerateInputs_data() {
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("reason");
    QTest::newRow("catalog only") << "no-events"
                                  << "no events";
    QTest::newRow("one day") << "one-day"
                             << "one day";
    QTest::newRow("no purchases") << "no-purchases"
                                  << "no purchase events";
    QTest::newRow("no views") << "no-views"
                              << "no product views";
    QTest::newRow("too few sessions") << "few"
                                      << "at least 10";
    QTest::newRow("no products") << "no-products"
                                 << "no session event names a product";
}

void TestWorldCalibration::refusesDegenerateInputs() {
    QFETCH(QString, kind);
    QFETCH(QString, reason);
    const DemoLogs& logs = demoLogs();
    std::vector<Event> events;
    const std::int64_t firstDayEnd = logs.params.startTime + 86400;
    for (const Event& e : logs.events) {
        if (kind == "one-day" && e.timestamp >= firstDayEnd)
            continue;
        if (kind == "no-purchases" && e.type == EventType::Purchase)
            continue;
        if (kind == "no-views" && e.type == EventType::View)
            continue;
        if (kind == "few" && e.timestamp >= logs.params.startTime + 3 * 3600)
            continue;
        if (kind == "no-events")
            continue;
        events.push_back(e);
        if (kind == "no-products")
            events.back().productId.clear();
    }
    if (kind == "few") {
        // Keep a handful of sessions spread over two days.
        std::vector<Event> kept;
        for (const Event& e : events)
            if (e.sessionId < "s1000005")
                kept.push_back(e);
        Event late = kept.back();
        late.timestamp += 3 * 86400;
        kept.push_back(late);
        events = kept;
    }
    auto result = calibrateWorld(logs.world->products(), events, quickParams(), {});
    QVERIFY(!result);
    QCOMPARE(result.status().code(), StatusCode::InvalidArgument);
    QVERIFY2(QString::fromStdString(result.status().message()).contains(reason),
             result.status().message().c_str());
}

void TestWorldCalibration::eventsOnlyDegradesWithReasons() {
    const DemoLogs& logs = demoLogs();
    CalibrationParams params = quickParams();
    params.tuningIterations = 4;
    params.replay = false;
    auto result = calibrateWorld({}, logs.events, params, {});
    MERCH_VERIFY_OK(result);
    QVERIFY(!result->catalogKnown);
    QVERIFY(!result->categoriesKnown);
    QCOMPARE(result->categories.size(), std::size_t(1));
    // Every product the events name, with prices from the cart and purchase rows.
    QVERIFY(result->products.size() >= 300);
    int priced = 0;
    for (const auto& p : result->products)
        priced += p.price > 0 ? 1 : 0;
    QCOMPARE(priced, int(result->products.size()));
    const CalibratedValue* focus = result->find("category_concentration");
    QVERIFY(focus && focus->kind == CalibratedValue::Kind::Assumed);
    QVERIFY(focus->source.find("no categories") != std::string::npos);
    bool warned = false;
    for (const auto& w : result->warnings)
        warned = warned || w.find("no categories") != std::string::npos;
    QVERIFY(warned);
    // Still a world to simulate on.
    WorldParams world;
    world.days = 3;
    world.sessionsPerDay = 100;
    auto created = ShopperWorld::createCalibrated(*result, world, 1);
    MERCH_VERIFY_OK(created);
}

void TestWorldCalibration::paramsValidation_data() {
    QTest::addColumn<QString>("field");
    QTest::addColumn<double>("value");
    QTest::newRow("appeal smoothing") << "appealSmoothing" << -1.0;
    QTest::newRow("cart smoothing") << "cartSmoothing" << 0.5;
    QTest::newRow("bootstrap") << "bootstrapSamples" << 5.0;
    QTest::newRow("tuning days") << "tuningDays" << 3.0;
    QTest::newRow("tuning sessions") << "tuningSessionsPerDay" << 1e6;
    QTest::newRow("iterations") << "tuningIterations" << 61.0;
    QTest::newRow("replay days") << "replayDays" << 400.0;
}

void TestWorldCalibration::paramsValidation() {
    QFETCH(QString, field);
    QFETCH(double, value);
    CalibrationParams p;
    MERCH_VERIFY_OK(p.validate());
    if (field == "appealSmoothing")
        p.appealSmoothing = value;
    else if (field == "cartSmoothing")
        p.cartSmoothing = value;
    else if (field == "bootstrapSamples")
        p.bootstrapSamples = int(value);
    else if (field == "tuningDays")
        p.tuningDays = int(value);
    else if (field == "tuningSessionsPerDay")
        p.tuningSessionsPerDay = value;
    else if (field == "tuningIterations")
        p.tuningIterations = int(value);
    else if (field == "replayDays")
        p.replayDays = int(value);
    const Status status = p.validate();
    QVERIFY(!status);
    QVERIFY2(QString::fromStdString(status.message()).startsWith(field), status.message().c_str());
    auto refused = calibrateWorld({}, demoLogs().events, p, {});
    QVERIFY(!refused);
}

void TestWorldCalibration::realSamples_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("refusal"); // empty: must calibrate
    const QString shared = QStringLiteral(MERCH_SHARED_DATA_DIR "/");
    QTest::newRow("GA4 sample") << shared + "sessions/ga4_obfuscated_sample_item_events_by_type.csv"
                                << "ga4"
                                << "";
    QTest::newRow("OTTO sample") << shared + "sessions/otto-sample/train.jsonl"
                                 << "otto"
                                 << "";
    QTest::newRow("DIGINETICA views") << shared + "sessions/diginetica-sample/sample_train-item-"
                                                  "views.csv"
                                      << "diginetica"
                                      << "no purchase events";
    QTest::newRow("Online Retail invoices") << shared + "sessions/online-retail-head/"
                                                        "OnlineRetail.csv"
                                            << "online-retail"
                                            << "no product views";
}

void TestWorldCalibration::realSamples() {
    QFETCH(QString, path);
    QFETCH(QString, format);
    QFETCH(QString, refusal);
    if (!QFile::exists(path))
        QSKIP(qPrintable("../shared/data is absent (" + path + "); this real file is not checked"));
    std::ifstream in(path.toStdString(), std::ios::binary);
    ImportOptions options;
    options.fileName = path.toStdString();
    Result<EventImport> import = Status::invalidArgument("unknown format");
    if (format == "ga4")
        import = importGa4Events(in, options, {});
    else if (format == "otto")
        import = importOttoEvents(in, options, {});
    else if (format == "diginetica")
        import = importDigineticaEvents(in, options, {});
    else
        import = importOnlineRetailInvoices(in, options, {});
    MERCH_VERIFY_OK(import);
    CalibrationParams params;
    params.replayDays = 7;
    params.tuningDays = 7;
    auto result = calibrateWorld({}, import->events, params, {});
    if (!refusal.isEmpty()) {
        QVERIFY(!result);
        QVERIFY2(QString::fromStdString(result.status().message()).contains(refusal),
                 result.status().message().c_str());
        return;
    }
    MERCH_VERIFY_OK(result);
    qInfo("%s\n%s", qPrintable(path), describe(*result).c_str());
    QVERIFY(!result->validation.rows.empty());
    // Tiny samples: wide intervals, every rate inside 0..1.
    const CalibratedValue* conversion = result->find("conversion_rate");
    QVERIFY(conversion && conversion->low >= 0 && conversion->high <= 1);
    QVERIFY(conversion->high - conversion->low > 0.05);
}

QTEST_GUILESS_MAIN(TestWorldCalibration)
#include "tst_world_calibration.moc"
