// merchsim-cli export events: the generic events CSV, so any workspace round-trips.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "merch/event_importers.h"
#include "merch/workspace.h"

namespace merch::cli {

CommandSpec exportEventsSpec() {
    return {"export events",
            "Writes the workspace's events as the generic events CSV (the format `import events "
            "--format generic` reads).",
            {{"workspace", "FILE", "the workspace to read", true},
             {"out", "FILE", "the CSV file to write", true}},
            ""};
}

int runExportEvents(const ParsedArgs& args) {
    if (!args.positional.empty()) {
        printError("unexpected argument '" + args.positional.front() + "'");
        std::cerr << usage(exportEventsSpec());
        return kExitUsage;
    }
    auto workspace = Workspace::open(*args.value("workspace"));
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto events = (*workspace)->loadEvents();
    if (!events) {
        printError(events.status().message());
        return kExitFailure;
    }
    const std::string out = *args.value("out");
    const std::string partial = out + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        if (!file) {
            printError("cannot write " + out);
            return kExitFailure;
        }
        writeGenericEventsCsv(file, *events);
        if (!file.flush()) {
            printError("writing " + out + " failed");
            return kExitFailure;
        }
    }
    if (std::rename(partial.c_str(), out.c_str()) != 0) {
        printError("cannot replace " + out);
        return kExitFailure;
    }
    std::cout << "Wrote " << events->size() << " events to " << out << ".\n";
    return kExitOk;
}

} // namespace merch::cli
