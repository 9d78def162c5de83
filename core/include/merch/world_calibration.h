// WorldCalibration: a ShopperWorld fitted to an imported store's catalog and event logs.
//
// calibrateWorld measures what the logs say (traffic per day and weekday, returning shoppers,
// how sessions start, position bias, item popularity, view -> cart -> order rates, order value,
// how focused shoppers are on categories), each with its source and a 95% interval. It then
// tunes the world's intercepts on short simulated runs (common random numbers, damped
// fixed-point steps) so a baseline run reproduces the logged rates, and replays the baseline
// once more, with another seed, to compare simulated and logged figures side by side.
// ShopperWorld::createCalibrated builds the world from the result.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "merch/event.h"
#include "merch/product.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

class Workspace;

struct CalibrationParams {
    double appealSmoothing = 5.0;       // pseudo-views added to every product's view count before
                                        // its popularity is taken (additive smoothing); 0..1000
    double cartSmoothing = 20.0;        // pseudo-views pulling a product's own view -> cart rate
                                        // toward the store's; 1..10000
    int bootstrapSamples = 200;         // resamples for intervals without a closed form; 20..5000
    int tuningDays = 90;                // days per tuning run (at most the logged days; runs as
                                        // long as the logs see as many consumable reorders and
                                        // return visits); 7..120
    double tuningSessionsPerDay = 1000; // cap on a tuning run's arrivals a day (the best-seller
                                        // order sharpens with traffic, so runs below the
                                        // store's own traffic read fewer views); 50..20000
    int tuningIterations = 14;          // damped fixed-point steps at most; 0..60
    bool replay = true;                 // replay the baseline and fill WorldCalibration::validation
    int replayDays = 90;                // days replayed (at most the logged days); 7..365

    Status validate() const; // names the first bad field
};

// One fitted number with its provenance.
struct CalibratedValue {
    enum class Kind { Measured, Assumed, Tuned };
    std::string name;  // snake_case key, e.g. "sessions_per_day"
    std::string label; // for people, e.g. "Sessions a day"
    std::string unit;  // "sessions", "share", "log-odds", "currency", ...
    double value = 0;
    double low = 0; // 95% interval; equal to value when there is none (assumed values)
    double high = 0;
    Kind kind = Kind::Measured;
    std::string source; // "measured from 61,234 sessions over 90 days (Wilson 95%)",
                        // "assumed: ...", "tuned: ..."
};
const char* calibratedKindName(CalibratedValue::Kind kind); // "measured", "assumed", "tuned"

// A product of the calibrated world: the imported row plus what the logs say about it.
struct CalibratedProduct {
    std::string id;
    std::string title;
    std::string category;    // top-level ("(all items)" when the store has no categories)
    std::string subcategory; // the list page it sits on
    double price = 0;
    bool consumable = false;
    std::int64_t views = 0, carts = 0, purchases = 0; // in the logs
    double popularity = 0;  // log((views + s) / (mean views + s)), s = appealSmoothing
    double cartEffect = 0;  // log-odds of its smoothed view -> cart rate over the store's
    double recentSales = 0; // units sold over the logs' last 14 days (the best-seller seed)
    // Taste direction from the co-view graph (8 numbers, unit length): products viewed in the
    // same sessions point the same way. Empty: too few co-views; drawn around its list page's.
    std::vector<float> taste;
};

// The world's knobs that no log measures directly, found by simulation.
struct WorldTuning {
    double arrivalsPerDay = 0;    // browsing arrivals a day (return visits come on top)
    double returningShare = 0.45; // WorldParams::returningShare
    double appealScale = 1.0;     // product appeal = appealScale x popularity
    double clickShift = 0;        // added to every product's list attraction (log-odds)
    double cartShift = 0;         // added to every product's view -> cart log-odds
    double intentMean = 0;        // mean of the shoppers' purchase intent (log-odds)
    int iterations = 0;
    bool converged = false; // every tuned target within 2% (relative) of the logs, or within
                            // the half-width of its logged 95% interval when wider
};

// Logged versus simulated, one row per figure.
struct ValidationRow {
    std::string metric; // "add_to_cart_rate", "ctr_position_3", ...
    std::string label;
    double logged = 0, low = 0, high = 0; // the logs' value and its 95% interval
    double simulated = 0;
    bool within = false; // simulated inside [low, high]
};

struct CalibrationValidation {
    int days = 0; // days replayed
    std::int64_t sessions = 0;
    std::uint64_t seed = 0;
    std::vector<ValidationRow> rows;
};

struct WorldCalibration {
    bool catalogKnown = false;    // the workspace has a catalog the events match
    bool categoriesKnown = false; // products carry categories
    int days = 0;                 // days from the first to the last session
    std::int64_t sessions = 0;    // browsing sessions in the logs
    std::int64_t firstDay = 0;    // unix seconds of the first day, 00:00 UTC

    // Every fitted parameter in display order (see find()).
    std::vector<CalibratedValue> parameters;
    const CalibratedValue* find(const std::string& name) const;
    double value(const std::string& name, double fallback = 0) const;

    std::vector<CalibratedProduct> products;
    std::vector<std::string> categories;   // category index -> name
    std::vector<double> categoryShare;     // share of sessions entering each category
    double categoryConcentration = 2.0;    // Dirichlet concentration of shoppers' interests
    std::array<double, 7> weekdayFactor{}; // Monday..Sunday, mean 1
    double positionExponent = 0.7;         // examination(p) = p^-exponent
    double searchEntryShare = 0.16;        // sessions starting with a search
    double landingEntryShare = 0.12;       // sessions starting on a product page

    WorldTuning tuning;
    CalibrationValidation validation; // empty rows when params.replay was false

    std::vector<std::string> assumptions; // every assumption, in words
    std::vector<std::string> warnings;    // what the data lacked and what was done about it
};

// Fits a world to a workspace's catalog (may be empty: events-only stores get one category and
// prices from the events) and events. Refuses, naming the reason: no events, no product views,
// no purchases, fewer than two days of sessions, fewer than 10 sessions. Deterministic in
// (inputs, params, control.seed).
Result<WorldCalibration> calibrateWorld(const std::vector<Product>& catalog,
                                        const std::vector<Event>& events,
                                        const CalibrationParams& params, const RunControl& control);

// The same on a workspace's catalog and events (what the Lift and Costs pages' jobs call for an
// imported store; they take a few seconds to a minute: run it off the UI thread).
Result<WorldCalibration> calibrateWorkspace(const Workspace& workspace,
                                            const CalibrationParams& params,
                                            const RunControl& control);

} // namespace merch
