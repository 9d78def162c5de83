#include <cstdio>
#include <iostream>

#include "cli/commands.h"
#include "cli/json_output.h"
#include "merch/workspace.h"

namespace merch::cli {

CommandSpec infoSpec() {
    return {"info",
            "Prints what a workspace holds: products, variants, sessions, events by type, "
            "customers, date range and categories.",
            {{"workspace", "FILE", "the workspace to read (*.merchsim)", true},
             {"json", "", "print JSON (keys documented in the README)"}},
            ""};
}

namespace {
void printText(const StoreSummary& s, const std::string& path) {
    std::printf("Workspace   %s\n", path.c_str());
    std::printf("Products    %lld (%lld variants)\n", static_cast<long long>(s.products),
                static_cast<long long>(s.variants));
    std::printf("Sessions    %lld\n", static_cast<long long>(s.sessions));
    std::printf("Visitors    %lld devices, %lld customers\n", static_cast<long long>(s.visitors),
                static_cast<long long>(s.customers));
    std::printf("Orders      %lld, revenue %.2f\n", static_cast<long long>(s.orders), s.revenue);
    if (s.events > 0)
        std::printf("Date range  %s to %s\n", isoTime(s.firstEvent).c_str(),
                    isoTime(s.lastEvent).c_str());
    std::printf("Events      %lld\n", static_cast<long long>(s.events));
    for (EventType type : allEventTypes()) {
        const std::string name(eventTypeName(type));
        std::printf("  %-18s %lld\n", name.c_str(), static_cast<long long>(s.eventsOfType(type)));
    }
    std::printf("Categories  %zu\n", s.categories.size());
    for (const auto& c : s.categories)
        std::printf("  %-18s %lld products\n",
                    c.category.empty() ? "(uncategorized)" : c.category.c_str(),
                    static_cast<long long>(c.products));
}
} // namespace

int runInfo(const ParsedArgs& args) {
    const std::string path = *args.value("workspace");
    auto workspace = Workspace::open(path);
    if (!workspace) {
        printError(workspace.status().message());
        return kExitFailure;
    }
    auto summary = (*workspace)->summary();
    if (!summary) {
        printError(summary.status().message());
        return kExitFailure;
    }
    if (args.has("json"))
        std::cout << summaryToJson(*summary, path).dump(2) << "\n";
    else
        printText(*summary, path);
    return kExitOk;
}

} // namespace merch::cli
