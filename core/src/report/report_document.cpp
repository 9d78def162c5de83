// Lays out the report: every number is read from ReportData; the sentences around them only
// compare what was computed (the brief's figures appear as references, labelled as such).
#include <algorithm>
#include <cstdio>

#include "cost/cost_support.h"
#include "merch/report.h"

namespace merch {

namespace {

using Kind = ReportBlock::Kind;

std::string format(const char* fmt, double value) {
    char text[64];
    std::snprintf(text, sizeof text, fmt, value);
    return text;
}
std::string pct(double fraction) {
    return format("%+.1f%%", fraction * 100);
}
std::string share(double fraction) {
    return format("%.1f%%", fraction * 100);
}
std::string count(double value) {
    std::string digits = format("%.0f", value);
    for (int i = int(digits.size()) - 3; i > (digits[0] == '-' ? 1 : 0); i -= 3)
        digits.insert(std::size_t(i), ",");
    return digits;
}
std::string money(double dollars) {
    return cost::formatMoney(dollars);
}
std::string week(int w) {
    return w < 0 ? std::string("not within 3 years") : "week " + std::to_string(w);
}

class Builder {
public:
    explicit Builder(ReportDocument& document)
        : m_doc(document) {}
    void heading(const std::string& text) { add(Kind::Heading, text); }
    void subheading(const std::string& text) { add(Kind::Subheading, text); }
    void paragraph(const std::string& text) { add(Kind::Paragraph, text); }
    void note(const std::string& text) { add(Kind::Note, text); }
    void pageBreak() { add(Kind::PageBreak, {}); }
    void bullets(std::vector<std::string> items) {
        ReportBlock block;
        block.kind = Kind::Bullets;
        block.items = std::move(items);
        m_doc.blocks.push_back(std::move(block));
    }
    void keyFigures(std::vector<std::string> items) {
        ReportBlock block;
        block.kind = Kind::KeyFigures;
        block.items = std::move(items);
        m_doc.blocks.push_back(std::move(block));
    }
    void table(ReportTable table) {
        ReportBlock block;
        block.kind = Kind::Table;
        block.table = std::move(table);
        m_doc.blocks.push_back(std::move(block));
    }
    void chart(ReportChart chart) {
        ReportBlock block;
        block.kind = Kind::Chart;
        block.chart = std::move(chart);
        m_doc.blocks.push_back(std::move(block));
    }

private:
    void add(Kind kind, std::string text) {
        ReportBlock block;
        block.kind = kind;
        block.text = std::move(text);
        m_doc.blocks.push_back(std::move(block));
    }
    ReportDocument& m_doc;
};

const MetricReading* metric(const ReportData& data, const std::string& name) {
    if (!data.experiment)
        return nullptr;
    for (const auto& m : data.experiment->metrics) {
        if (m.metric == name)
            return &m;
    }
    return nullptr;
}

const ModelEvaluation* model(const ReportData& data, const std::string& name) {
    if (!data.models)
        return nullptr;
    for (const auto& m : data.models->models) {
        if (m.name == name)
            return &m;
    }
    return nullptr;
}

const ModelEvaluation* bestModel(const ReportData& data) {
    if (!data.models || data.models->models.empty())
        return nullptr;
    return &*std::max_element(data.models->models.begin(), data.models->models.end(),
                              [](const auto& a, const auto& b) { return a.hitRate < b.hitRate; });
}

void summarySection(Builder& b, const ReportData& data) {
    b.heading("Summary");
    std::vector<std::string> points;
    const AuditResult& audit = data.audit;
    points.push_back(
        "Catalog: scores " + format("%.0f", audit.score) + " out of 100 and " +
        (audit.ready ? std::string("meets") : std::string("does not yet meet")) +
        " the readiness target (category, color, size, material and price on at "
        "least 95% of SKUs)" +
        (audit.fixes.empty() ? "." : "; the first fix: " + audit.fixes.front().title + "."));
    const ModelEvaluation* best = bestModel(data);
    const ModelEvaluation* baseline = model(data, "best_seller");
    if (best && baseline)
        points.push_back("Models: " + best->name + " finds the next product in the top 20 for " +
                         share(best->hitRate) + " of held-out clicks, against " +
                         share(baseline->hitRate) + " for best-sellers.");
    if (const MetricReading* atc = metric(data, "add_to_cart_rate")) {
        points.push_back("A/B test (simulated): personalized category ranking measured " +
                         pct(atc->test.lift) + " add-to-cart (95% CI " + pct(atc->test.ciLow) +
                         " to " + pct(atc->test.ciHigh) + "); the world's true lift is " +
                         pct(atc->trueLift) + ". A vendor dashboard would report " +
                         pct(atc->vendor.reportedLift) + ".");
        points.push_back(data.experiment->verdict);
    }
    const PathResult& path = data.costs.path(data.costs.recommended);
    points.push_back(std::string("Recommended path: ") + costPathLabel(data.costs.recommended) +
                     ", " + money(path.year1.total()) + " in year one, payback " +
                     week(path.paybackWeek) + ", 3-year NPV " + money(path.npv) + ".");
    points.push_back(std::string("First use case: ") + useCaseLabel(data.useCases.first) + ".");
    b.bullets(points);
    for (const auto& line : data.notes)
        b.note(line);
}

void storeSection(Builder& b, const ReportData& data) {
    const StoreSummary& s = data.summary;
    b.heading("The store");
    const double days =
        s.lastEvent > s.firstEvent ? double(s.lastEvent - s.firstEvent) / 86400.0 : 0.0;
    b.paragraph("The workspace " + data.workspaceFile + " holds " + count(double(s.products)) +
                " products and " + count(double(s.events)) + " shopper events over " +
                format("%.0f", days) + " days: " + count(double(s.sessions)) + " sessions from " +
                count(double(s.visitors)) + " devices and " + count(double(s.customers)) +
                " identified customers, " + count(double(s.orders)) + " orders worth " +
                money(s.revenue) + ".");
    ReportTable events;
    events.header = {"Event", "Count", "Per session"};
    for (EventType type : allEventTypes()) {
        const double n = double(s.eventsOfType(type));
        if (n > 0)
            events.rows.push_back({std::string(eventTypeName(type)), count(n),
                                   format("%.2f", s.sessions ? n / double(s.sessions) : 0)});
    }
    events.columnWeights = {2, 1, 1};
    b.table(events);
}

void auditSection(Builder& b, const ReportData& data) {
    const AuditResult& audit = data.audit;
    b.heading("Catalog audit");
    b.paragraph("Score " + format("%.0f", audit.score) + " / 100. " + audit.scoreExplanation);
    ReportChart coverage;
    coverage.kind = ReportChart::Kind::Bars;
    coverage.title = "Share of SKUs with each field filled";
    coverage.yLabel = "% of SKUs";
    coverage.valueFormat = "%.0f%%";
    ReportChart::Series filled{"filled", {}, {}, false, 0};
    for (const FieldCoverage& field : audit.coverage) {
        coverage.categories.push_back(field.field);
        filled.y.push_back(field.share() * 100);
    }
    coverage.series.push_back(filled);
    coverage.referenceY = audit.readinessTarget * 100;
    coverage.referenceLabel = "readiness target";
    b.chart(coverage);
    ReportTable fixes;
    fixes.header = {"Fix", "SKUs", "Why it matters"};
    fixes.columnWeights = {2.2, 0.6, 3};
    for (std::size_t i = 0; i < std::min<std::size_t>(6, audit.fixes.size()); ++i) {
        const AuditIssue& fix = audit.fixes[i];
        fixes.rows.push_back({fix.title, count(double(fix.affectedSkus)), fix.whyItMatters});
    }
    if (!fixes.rows.empty()) {
        b.subheading("Top fixes, by how much they hurt personalization");
        b.table(fixes);
    }
}

void modelSection(Builder& b, const ReportData& data) {
    if (!data.models)
        return;
    const EvaluationResult& models = *data.models;
    b.heading("Model quality");
    b.paragraph("Trained here on the store's sessions and evaluated on the last 7 days, every "
                "position of every held-out session a case (the session-rec protocol): " +
                count(double(models.trainSessions)) + " training and " +
                count(double(models.testSessions)) +
                " test sessions. HR@20: the next clicked product is in the top 20; MRR@20: its "
                "mean reciprocal rank; coverage: share of products ever recommended.");
    ReportTable table;
    table.header = {"Model", "HR@20", "MRR@20", "NDCG@20", "Coverage", "Cases"};
    table.columnWeights = {1.6, 1, 1, 1, 1, 1};
    ReportChart chart;
    chart.kind = ReportChart::Kind::Bars;
    chart.title = "Hit rate at 20 by model";
    chart.yLabel = "HR@20 (%)";
    chart.valueFormat = "%.0f%%";
    ReportChart::Series hits{"HR@20", {}, {}, false, 0};
    for (const ModelEvaluation& m : models.models) {
        table.rows.push_back({m.name, share(m.hitRate), format("%.3f", m.mrr),
                              format("%.3f", m.ndcg), share(m.coverage), count(double(m.cases))});
        chart.categories.push_back(m.name);
        hits.y.push_back(m.hitRate * 100);
    }
    chart.series.push_back(hits);
    b.table(table);
    b.chart(chart);
}

void experimentSection(Builder& b, const ReportData& data) {
    if (!data.experiment)
        return;
    const ExperimentResult& e = *data.experiment;
    b.heading("The simulated A/B test");
    b.paragraph("Personalized category ranking against the store's best-seller pages, " +
                format("%.0f", e.params.split * 100) + "% of shoppers treated for " +
                std::to_string(e.params.weeks) + " weeks at " +
                format("%.0f", e.params.sessionsPerDay) + " sessions a day, on " +
                (data.calibrated ? std::string("a world calibrated from this store's logs "
                                               "(traffic, position bias, popularity, cart and "
                                               "order rates, order value)")
                                 : std::string("the demo store's world")) +
                ". The world knows each shopper's true preferences, so the true lift (all "
                "shoppers treated vs none) stands beside the lift the test measures.");
    if (const MetricReading* atc = metric(data, "add_to_cart_rate")) {
        ReportChart lift;
        lift.kind = ReportChart::Kind::Lines;
        lift.title = "Cumulative add-to-cart lift by day, with its 95% interval";
        lift.xLabel = "day of the test";
        lift.yLabel = "lift (%)";
        lift.valueFormat = "%+.0f%%";
        ReportChart::Series measured{"measured", {}, {}, false, 0};
        ReportChart::Series low{"95% interval", {}, {}, true, 0};
        ReportChart::Series high{"", {}, {}, true, 0};
        ReportChart::Series truth{"true lift", {}, {}, false, 2};
        for (const DailyReading& day : atc->daily) {
            for (auto* s : {&measured, &low, &high, &truth})
                s->x.push_back(day.day);
            measured.y.push_back(day.lift * 100);
            low.y.push_back(day.ciLow * 100);
            high.y.push_back(day.ciHigh * 100);
            truth.y.push_back(atc->trueLift * 100);
        }
        lift.series = {measured, low, high, truth};
        lift.referenceY = 0;
        b.chart(lift);
    }
    ReportTable table;
    table.header = {"Metric", "Measured", "95% CI", "p", "True", "Vendor would report"};
    table.columnWeights = {1.6, 1, 1.5, 0.7, 0.9, 1.3};
    for (const MetricReading& m : e.metrics)
        table.rows.push_back(
            {m.metric, pct(m.test.lift), pct(m.test.ciLow) + " to " + pct(m.test.ciHigh),
             format("%.3f", m.test.pValue), pct(m.trueLift), pct(m.vendor.reportedLift)});
    b.table(table);
    b.paragraph("Verdict: " + e.verdict);
    if (data.messaging) {
        const auto& m = data.messaging->metrics;
        b.paragraph("Predictive messaging, tested the same way (cart emails timed per customer "
                    "and replenishment reminders from personal cycles, category pages "
                    "unchanged): conversion " +
                    pct(m[1].test.lift) + " measured (95% CI " + pct(m[1].test.ciLow) + " to " +
                    pct(m[1].test.ciHigh) + "), " + pct(m[1].trueLift) +
                    " true; revenue per session " + pct(m[2].trueLift) + " true.");
    }
    b.note("The vendor figure reads a short window and publishes only significant wins; the "
           "brief says vendor dashboards overstate lift by 30-40% (a reference, not a target).");
}

void costSection(Builder& b, const ReportData& data) {
    const CostResult& costs = data.costs;
    b.heading("Build vs buy vs hybrid");
    b.paragraph("Priced on the store's traffic and revenue (annualised from the workspace) at a " +
                pct(costs.inputs.lift.revenueLift) + " revenue lift (" + costs.inputs.lift.source +
                "), a $" + format("%.0f", costs.inputs.rates.dayRate) + " day rate and " +
                share(costs.inputs.store.grossMargin) + " gross margin. P10-P90 over " +
                std::to_string(data.uncertainty.draws) + " Monte Carlo draws.");
    ReportTable table;
    table.header = {"Path",    "Year 1",          "Run / month", "To value",
                    "Payback", "P10-P90 payback", "NPV 3 yr"};
    table.columnWeights = {1.3, 1, 1, 0.9, 1.2, 1.4, 1};
    const auto shortWeek = [](int w) { return w < 0 ? std::string(">156") : std::to_string(w); };
    for (CostPath p : allCostPaths()) {
        const PathResult& r = costs.path(p);
        const PathUncertainty& u = data.uncertainty.path(p);
        table.rows.push_back({costPathLabel(p), money(r.year1.total()), money(r.monthlyRunCost),
                              format("%.1f wk", r.timeToValueWeeks), week(r.paybackWeek),
                              shortWeek(u.p10PaybackWeek) + " - " + shortWeek(u.p90PaybackWeek),
                              money(r.npv)});
    }
    b.table(table);
    ReportChart curves;
    curves.kind = ReportChart::Kind::Lines;
    curves.title = "Cumulative cost (dashed) vs incremental gross profit (solid)";
    curves.xLabel = "week";
    curves.yLabel = "$ thousands";
    curves.valueFormat = "$%.0fk";
    for (CostPath p : allCostPaths()) {
        const PathResult& r = costs.path(p);
        ReportChart::Series cost{"", {}, {}, true, int(p) + 1}; // the legend names paths once
        ReportChart::Series profit{costPathLabel(p), {}, {}, false, int(p) + 1};
        for (std::size_t w = 0; w < r.cumulativeCost.size(); w += 2) {
            cost.x.push_back(double(w + 1));
            profit.x.push_back(double(w + 1));
            cost.y.push_back(r.cumulativeCost[w] / 1e3);
            profit.y.push_back(r.cumulativeProfit[w] / 1e3);
        }
        curves.series.push_back(cost);
        curves.series.push_back(profit);
    }
    b.chart(curves);
    b.subheading(std::string("Recommended: ") + costPathLabel(costs.recommended));
    b.bullets(costs.reasons);
    ReportChart tornado;
    tornado.kind = ReportChart::Kind::HorizontalBars;
    tornado.title = std::string("What moves ") + costPathLabel(data.uncertainty.tornadoPath) +
                    "'s 3-year NPV most (input at its low / high end)";
    tornado.yLabel = "change in NPV, $ thousands";
    tornado.valueFormat = "%+.0fk";
    const double baseNpv = costs.path(data.uncertainty.tornadoPath).npv;
    ReportChart::Series low{"input low", {}, {}, false, 1};
    ReportChart::Series high{"input high", {}, {}, false, 0};
    auto bars = data.uncertainty.tornado;
    std::stable_sort(bars.begin(), bars.end(), [](const auto& a, const auto& c) {
        return std::abs(a.npvAtHigh - a.npvAtLow) > std::abs(c.npvAtHigh - c.npvAtLow);
    });
    for (std::size_t i = 0; i < std::min<std::size_t>(7, bars.size()); ++i) {
        tornado.categories.push_back(bars[i].label);
        low.y.push_back((bars[i].npvAtLow - baseNpv) / 1e3);
        high.y.push_back((bars[i].npvAtHigh - baseNpv) / 1e3);
    }
    tornado.series = {low, high};
    tornado.referenceY = 0;
    b.chart(tornado);
}

void useCaseSection(Builder& b, const ReportData& data) {
    b.heading("Which use case first");
    ReportTable table;
    table.header = {"Use case", "Lift", "Revenue touched / yr", "Year 1", "Payback", "NPV 3 yr"};
    table.columnWeights = {1.6, 0.8, 1.4, 1, 1.3, 1};
    for (const UseCaseResult& r : data.useCases.ranked)
        table.rows.push_back({useCaseLabel(r.input.useCase), pct(r.input.lift),
                              money(r.revenueBase), money(r.year1Cost), week(r.paybackWeek),
                              money(r.npv)});
    b.table(table);
    b.bullets(data.useCases.reasons);
    if (data.experiment)
        b.note("Each use case's lift is the true revenue lift of its simulated A/B test (ranking, "
               "a recommendations block, engine search against the store's native search, "
               "predictive messaging), spread over the revenue the use case touches.");
    else
        b.note("No world could be simulated for this store, so the lifts are entered "
               "placeholders.");
}

void planSection(Builder& b, const ReportData& data) {
    b.heading("The 90-day plan");
    const std::string fix = data.audit.fixes.empty() ? std::string("keep the catalog clean")
                                                     : data.audit.fixes.front().title;
    ReportTable plan;
    plan.header = {"Weeks", "Do", "Done when"};
    plan.columnWeights = {0.6, 3, 2.2};
    plan.rows = {
        {"1-2", "Audit the data: " + fix + "; fill category, color, size, material and price.",
         "Readiness fields at 95% (today: score " + format("%.0f", data.audit.score) + ")."},
        {"3-4",
         std::string("Ship the first use case (") + useCaseLabel(data.useCases.first) +
             ") behind a 50/50 test; check the sample ratio daily, do not peek at p.",
         "The test is live with balanced arms."},
        {"5-8",
         "Add triggered messaging: cart recovery timed per customer, replenishment "
         "reminders from personal cycles.",
         "Messages go out under a holdout."},
        {"9-12", "Read the 4-week test at 95% significance; kill what did not work.",
         "Keep what beats the baseline by 5% or more; otherwise fix the data first."}};
    b.table(plan);
}

void appendix(Builder& b, const ReportData& data) {
    b.heading("Appendix: assumptions and methods");
    b.bullets({
        "Catalog readiness follows the brief: category, color, size, material and price filled "
        "for at least 95% of SKUs (color, size and material over the categories that use them).",
        "Models are trained locally on this workspace; nothing is downloaded. Evaluation splits "
        "by time and treats every position of every test session as a case.",
        "The A/B test runs on a generative shopper world with known preferences, position bias "
        "and purchase cycles; its statistics are Welch/delta-method tests on ratio metrics over "
        "shoppers, with sequential intervals valid to read daily.",
        "Costs: people = day rate x people x months (build, then run); SaaS fees = flat tier, "
        "share of vendor-attributed revenue and per-1k requests and records; infrastructure = "
        "VMs, cache, inference per 1k impressions after cache hits and re-embedding. Benefit = "
        "revenue x share touched x lift x lift captured x gross margin, from go-live with a "
        "ramp. NPV at " +
            share(data.costs.inputs.rates.discountRate) + " a year over 156 weeks.",
        "Lift captured by path (SaaS 70%, hybrid 90%, custom 100%) and the people and months "
        "per path are editable assumptions; published prices carry their sources in the app.",
        "Monte Carlo draws vary the lift, day rate, gross margin, vendor-attributed revenue, "
        "build months (the brief's time-to-value ranges) and lift captured.",
    });
}

} // namespace

ReportDocument buildReportDocument(const ReportData& data, const ReportParams& params) {
    ReportDocument document;
    document.title = "Personalization scoping report";
    const std::string store = params.storeName.empty() ? data.workspaceFile : params.storeName;
    document.subtitle =
        "What AI personalization would do for " + store + ", measured on its own data";
    document.coverLines.push_back("Store: " + store);
    if (!params.preparedFor.empty())
        document.coverLines.push_back("Prepared for: " + params.preparedFor);
    if (!params.date.empty())
        document.coverLines.push_back("Date: " + params.date);
    document.coverLines.push_back("Generated by MerchSim from " + data.workspaceFile);
    Builder b(document);
    b.keyFigures({"Products|" + count(double(data.summary.products)),
                  "Sessions|" + count(double(data.summary.sessions)),
                  "Orders|" + count(double(data.summary.orders)),
                  "Audit score|" + format("%.0f", data.audit.score),
                  std::string("Recommended|") + costPathLabel(data.costs.recommended)});
    summarySection(b, data);
    b.pageBreak();
    storeSection(b, data);
    auditSection(b, data);
    b.pageBreak();
    modelSection(b, data);
    experimentSection(b, data);
    b.pageBreak();
    costSection(b, data);
    useCaseSection(b, data);
    b.pageBreak();
    planSection(b, data);
    appendix(b, data);
    return document;
}

} // namespace merch
