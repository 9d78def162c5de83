// RunControl: what every long-running engine entry point receives from its caller.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace merch {

struct RunControl {
    // Called with the fraction done (0..1) and a short stage name ("sessions", "writing events").
    // Returning false asks the job to stop; it then returns StatusCode::Cancelled and leaves
    // every output as it was. May be empty. Called from the job's own thread.
    std::function<bool(double fraction, std::string_view stage)> progress;

    // Seed for every random draw the job makes. Same seed and inputs give the same output.
    std::uint64_t seed = 42;

    // Reports progress; returns false when the caller asked to cancel.
    bool report(double fraction, std::string_view stage) const {
        return !progress || progress(fraction, stage);
    }

    // A RunControl for a sub-task whose 0..1 maps onto [from, to] of this one's progress, with
    // the same seed. This RunControl must outlive the returned one.
    RunControl scaled(double from, double to) const {
        RunControl sub;
        sub.seed = seed;
        if (progress) {
            sub.progress = [this, from, to](double fraction, std::string_view stage) {
                return report(from + (to - from) * fraction, stage);
            };
        }
        return sub;
    }
};

} // namespace merch
