// The plain-language verdict of a simulated A/B test and what each switched-on pitfall did to
// its reading, for the CLI and the Lift page.
#pragma once

#include <string>
#include <vector>

#include "merch/experiment.h"

namespace merch::experiment {

// The brief's rule on the add-to-cart reading (a lift under 5% means fix the data first), after
// the sample-ratio check: a mismatch means the reading cannot be trusted at all.
std::string experimentVerdict(const ExperimentResult& result);

// One sentence per pitfall that is switched on, with its figures.
std::vector<std::string> pitfallNotes(const ExperimentResult& result);

} // namespace merch::experiment
