// merchsim: the desktop app.
//   merchsim [FILE | --workspace FILE] [--page NAME] [--screenshot FILE.png]
#include <QApplication>
#include <QCommandLineParser>

#include "page_catalog.h"
#include "startup.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    merch::ui::setApplicationIdentity();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("MerchSim: a merchandising simulator for ecommerce teams."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspace(QStringLiteral("workspace"),
                                       QStringLiteral("Open the workspace <file>."),
                                       QStringLiteral("file"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Load the store, save a PNG of the window to <file> and quit."),
        QStringLiteral("file"));
    const QCommandLineOption page(
        QStringLiteral("page"),
        QStringLiteral("Page to show first: %1.").arg(merch::ui::pageNameList()),
        QStringLiteral("name"), QStringLiteral("Store"));
    parser.addOptions({workspace, screenshot, page});
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QStringLiteral("Workspace to open (*.merchsim)."),
                                 QStringLiteral("[file]"));
    parser.process(app);

    merch::ui::StartupOptions options;
    options.workspace = parser.value(workspace);
    if (options.workspace.isEmpty() && !parser.positionalArguments().isEmpty())
        options.workspace = parser.positionalArguments().constFirst();
    options.screenshot = parser.value(screenshot);
    options.page = parser.value(page);
    return merch::ui::runApplication(app, options);
}
