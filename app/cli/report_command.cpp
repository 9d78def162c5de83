// merchsim-cli report: the scoping-session PDF (cover, summary, store, audit, models, the
// simulated A/B test, costs, first use case, 90-day plan, appendix), rendered headless.
#include <QDir>
#include <QGuiApplication>
#include <QString>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "merch/report.h"
#include "merch/workspace.h"
#include "report/report_renderer.h"

namespace merch::cli {

CommandSpec reportSpec() {
    return {"report",
            "Writes the scoping-session report as a PDF: store, audit, model quality, the "
            "simulated A/B test, build vs buy vs hybrid, the first use case and a 90-day plan.",
            {{"workspace", "FILE", "the store to report on", true},
             {"out", "FILE.pdf", "the PDF to write (replaced if it exists)", true},
             {"store-name", "NAME", "the store's name on the cover (default: the file name)"},
             {"prepared-for", "WHO", "\"Prepared for ...\" on the cover"},
             {"date", "TEXT", "the date on the cover"},
             {"traffic-scale", "X",
              "the workspace holds 1/X of the store's traffic, 1..1e6 (default 1)"},
             {"png-dir", "DIR", "also render every page to DIR/page-N.png (150 dpi)"},
             {"json", "", "print JSON"}},
            ""};
}

namespace {

// Fonts and painting need a QGuiApplication; the CLI has no display, so it runs offscreen.
std::unique_ptr<QGuiApplication> ensureGuiApplication() {
    if (QGuiApplication::instance())
        return nullptr;
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    static int argc = 1;
    static char name[] = "merchsim-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace

int runReport(const ParsedArgs& args) {
    std::string error;
    const auto scale = doubleOption(args, "traffic-scale", 1, 1, 1e6, error);
    if (!scale) {
        printError(error);
        std::cerr << usage(reportSpec());
        return kExitUsage;
    }
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    ReportParams params;
    params.storeName = args.value("store-name").value_or("");
    params.preparedFor = args.value("prepared-for").value_or("");
    params.date = args.value("date").value_or("");
    params.trafficScale = *scale;
    auto data = gatherReportData(**workspace, params, {});
    if (!data) {
        printError(data.status().message());
        return kExitFailure;
    }
    const auto app = ensureGuiApplication();
    const ui::ReportRenderer renderer(buildReportDocument(*data, params));
    const QString out = QString::fromStdString(*args.value("out"));
    if (auto status = renderer.writePdf(out); !status) {
        printError(status.message());
        return kExitFailure;
    }
    std::vector<std::string> images;
    if (const auto dir = args.value("png-dir")) {
        const QDir folder(QString::fromStdString(*dir));
        if (!folder.exists() && !QDir().mkpath(folder.path())) {
            printError("cannot create " + *dir);
            return kExitFailure;
        }
        for (int page = 0; page < renderer.pageCount(); ++page) {
            const QString file = folder.filePath(QStringLiteral("page-%1.png").arg(page + 1));
            if (!renderer.renderPage(page, 150.0 / 72.0).save(file, "PNG")) {
                printError("cannot write " + file.toStdString());
                return kExitFailure;
            }
            images.push_back(file.toStdString());
        }
    }
    if (!args.has("json")) {
        std::cout << "Wrote " << out.toStdString() << " (" << renderer.pageCount() << " pages)\n";
        for (const auto& note : data->notes)
            std::cout << "  note: " << note << "\n";
        return kExitOk;
    }
    nlohmann::ordered_json json;
    json["out"] = out.toStdString();
    json["pages"] = renderer.pageCount();
    std::vector<std::string> sections;
    for (const ReportBlock& block : renderer.document().blocks) {
        if (block.kind == ReportBlock::Kind::Heading)
            sections.push_back(block.text);
    }
    json["sections"] = sections;
    json["recommended_path"] = costPathKey(data->costs.recommended);
    json["first_use_case"] = useCaseKey(data->useCases.first);
    json["notes"] = data->notes;
    json["png"] = images;
    std::cout << json.dump(2) << "\n";
    return kExitOk;
}

} // namespace merch::cli
