// The scoping-session report: what a consultant hands over, gathered from one workspace (store
// summary, catalog audit, model quality, the simulated A/B test, build-vs-buy costs, the first
// use case) and laid out as a document of blocks. Core builds the document; a renderer paints
// it (ui/report paints it with QPainter to PDF pages or PNG previews).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "merch/audit.h"
#include "merch/cost_model.h"
#include "merch/cost_uncertainty.h"
#include "merch/experiment.h"
#include "merch/rec_evaluation.h"
#include "merch/run_control.h"
#include "merch/status.h"
#include "merch/store_summary.h"
#include "merch/use_case_priority.h"

namespace merch {

class Workspace;

struct ReportParams {
    std::string storeName;       // on the cover; empty: the workspace's file name
    std::string preparedFor;     // "Prepared for ..." on the cover; may be empty
    std::string date;            // "2026-11-25" on the cover; empty: none
    double trafficScale = 1;     // the workspace holds 1/X of the store's traffic; 1..1e6
    int evaluationCases = 20000; // cases sampled for the model quality table; 100..1000000
    Status validate() const;
};

struct ReportData {
    std::string workspaceFile; // file name only
    StoreSummary summary;
    AuditResult audit;
    std::optional<EvaluationResult> models;     // none when the store has too few sessions
    std::optional<ExperimentResult> experiment; // ranking; none when no world could be built
    std::optional<ExperimentResult> messaging;  // predictive messaging; likewise
    bool calibrated = false; // the tests ran on a world calibrated from an imported store's logs
    CostResult costs;
    UncertaintyResult uncertainty;
    UseCasePlan useCases;
    std::vector<std::string> notes; // what was skipped and why
};

// Reads the workspace and runs the audit, the model evaluation, the default ranking experiment
// (demo stores) and the cost model. Seconds on the demo store; cancellable.
Result<ReportData> gatherReportData(const Workspace& workspace, const ReportParams& params,
                                    const RunControl& control);

// The document: blocks a renderer lays out top to bottom, breaking pages where they say.
struct ReportChart {
    enum class Kind { Bars, HorizontalBars, Lines };
    struct Series {
        std::string name;
        std::vector<double> x; // Lines: x values; Bars: unused (categories give the x)
        std::vector<double> y;
        bool dashed = false;
        int color = 0; // palette index
    };
    Kind kind = Kind::Bars;
    std::string title;
    std::string xLabel;
    std::string yLabel;
    std::string valueFormat = "%.0f";    // printf format of axis values
    std::vector<std::string> categories; // Bars / HorizontalBars
    std::vector<Series> series;
    std::optional<double> referenceY; // a dashed line (the 95% target, zero lift)
    std::string referenceLabel;
};

struct ReportTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> columnWeights; // relative widths; empty: equal
};

struct ReportBlock {
    enum class Kind {
        Heading,
        Subheading,
        Paragraph,
        Bullets,
        KeyFigures,
        Table,
        Chart,
        Note,
        PageBreak
    };
    Kind kind = Kind::Paragraph;
    std::string text;
    std::vector<std::string> items; // Bullets; KeyFigures as "label|value"
    ReportTable table;
    ReportChart chart;
};

struct ReportDocument {
    std::string title;
    std::string subtitle;
    std::vector<std::string> coverLines; // store, prepared for, date
    std::vector<ReportBlock> blocks;
};

ReportDocument buildReportDocument(const ReportData& data, const ReportParams& params);

} // namespace merch
