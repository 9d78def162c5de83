// merchsim-cli: MerchSim without a display. `merchsim-cli --help` lists the verbs.
#include <iostream>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace merch::cli {

void printError(const std::string& message) {
    std::cerr << "merchsim-cli: " << message << "\n";
}

namespace {

std::vector<Command> commands() {
    return {{demoSpec(), runDemo}, {infoSpec(), runInfo}};
}

void printOverview(std::ostream& out) {
    out << "Usage: merchsim-cli VERB [OPTIONS]\n\n"
           "MerchSim, headless: build and inspect store workspaces.\n\nVerbs:\n";
    for (const auto& command : commands()) {
        std::string verb = "  " + command.spec.verb;
        verb.resize(12, ' ');
        out << verb << command.spec.summary << "\n";
    }
    out << "\n`merchsim-cli VERB --help` describes a verb's options.\n";
}

} // namespace
} // namespace merch::cli

int main(int argc, char** argv) {
    using namespace merch::cli;
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) {
        printOverview(std::cerr);
        return kExitUsage;
    }
    if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        printOverview(std::cout);
        return kExitOk;
    }
    if (args[0] == "--version") {
        std::cout << "merchsim-cli 0.1.0\n";
        return kExitOk;
    }
    for (const auto& command : commands()) {
        if (command.spec.verb != args[0])
            continue;
        const std::vector<std::string> rest(args.begin() + 1, args.end());
        for (const auto& arg : rest) {
            if (arg == "--help" || arg == "-h") {
                std::cout << usage(command.spec);
                return kExitOk;
            }
        }
        std::string error;
        const auto parsed = parseArgs(command.spec, rest, error);
        if (!parsed || !parsed->positional.empty()) {
            printError(parsed ? "unexpected argument '" + parsed->positional.front() + "'" : error);
            std::cerr << usage(command.spec);
            return kExitUsage;
        }
        return command.run(*parsed);
    }
    printError("unknown verb '" + args[0] + "'");
    printOverview(std::cerr);
    return kExitUsage;
}
