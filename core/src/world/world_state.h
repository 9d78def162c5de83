// The world's ground truth: what the generator knows about products and shoppers and never
// writes to the workspace. Internal to core/src/world.
#pragma once

#include <array>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "merch/product.h"
#include "merch/shopper_world.h"
#include "world/vocabulary.h"

namespace merch::world {

inline constexpr int kLatentDims = 8;
using Latent = std::array<double, kLatentDims>;

inline double dot(const Latent& a, const Latent& b) {
    double sum = 0;
    for (int i = 0; i < kLatentDims; ++i)
        sum += a[std::size_t(i)] * b[std::size_t(i)];
    return sum;
}

struct ItemTruth {
    int category = 0;         // index into demoCategories()
    int subcategory = 0;      // global index into WorldState::subcategoryPages
    Latent latent{};          // taste direction; utility uses the shopper's dot product with it
    double appeal = 0;        // how attractive the product is to everyone (log-odds)
    double logPriceRatio = 0; // log(price / subcategory median)
    double cycleDays = 0;     // consumables: days one unit lasts a typical shopper; 0 otherwise
    double clickPenalty = 0;  // log-odds lost to data defects on lists (missing image)
    double cartPenalty = 0;   // log-odds lost on the product page (thin description)
    bool listed = true;       // false when the exported row lost its category
    std::vector<std::string> searchText; // lower-case tokens of the exported row
    // True attributes, whatever the exported row lost: what shoppers ask for when searching.
    std::string noun, color, material, brand;
    std::vector<std::string> synonyms;
};

struct ShopperTruth {
    Latent taste{};
    std::vector<double> categoryAffinity; // sums to 1 over categories
    double priceSensitivity = 1.0;        // multiplies -log(price ratio) in utility
    double intent = 0;                    // log-odds shift of carting and buying
    double emailResponse = 0.5;           // multiplies open and click rates
    double bestRecoveryHours = 24;        // when after abandoning this shopper is most
                                          // receptive to a reminder
    double cycleFactor = 1.0;             // consumes faster (<1) or slower (>1) than typical
    bool hasAccount = false;
    bool identified = false; // the store knows an email for them (account or past order)
    bool unsubscribed = false;
    int devices = 1;
    int returnTickets = 1; // weight among returning visitors
};

// The shopper's true utility for a product (log-odds scale): broad appeal, taste match, price.
inline double trueUtility(const ShopperTruth& shopper, const ItemTruth& item) {
    return item.appeal + dot(shopper.taste, item.latent) -
           0.9 * shopper.priceSensitivity * item.logPriceRatio;
}

// A product page's block sits below the product's details: 0.35 p^-0.7, the list curve scaled
// by the share of visitors who scroll that far.
inline std::array<double, kRecommendationBlockSize> recommendationExaminationCurve() {
    std::array<double, kRecommendationBlockSize> curve{};
    for (int p = 1; p <= kRecommendationBlockSize; ++p)
        curve[std::size_t(p - 1)] = 0.35 * std::pow(double(p), -0.7);
    return curve;
}

// Everything the generator built once; the run loop reads it and mutates only shopper state
// that is part of the history (identified, unsubscribed), which it copies per run.
struct WorldState {
    WorldParams params;
    std::uint64_t seed = 0;
    std::vector<Product> products; // as exported (with defects)
    std::vector<ShopperWorld::Defect> defects;
    std::vector<ItemTruth> items;                   // truth, aligned with products
    std::vector<std::string> subcategoryNames;      // global subcategory index -> name
    std::vector<int> subcategoryCategory;           // global subcategory index -> category
    std::vector<double> subcategoryWeight;          // share within its category
    std::vector<std::vector<int>> subcategoryPages; // listed products per subcategory
    std::vector<std::vector<int>> categoryItems;    // all products per category
    std::vector<double> examination;                // P(examine position p), index p - 1
    // P(examine position p) of a product page's recommendation block, index p - 1.
    std::array<double, kRecommendationBlockSize> recommendationExamination =
        recommendationExaminationCurve();
    std::vector<double> priorSales; // best-seller counts before day 1
    // The store's native search index: exported token -> products containing it (ascending).
    std::unordered_map<std::string, std::vector<int>> searchIndex;
    std::vector<ShopperTruth> shoppers; // pre-drawn population
    // Calibrated worlds (merch/world_calibration.h) set the traffic shape and how browsing
    // sessions start from a store's logs; the defaults are the demo's.
    std::vector<double> weekdayTraffic; // factor per (run day % 7); empty: weekdayFactor()
    double trafficGrowth = 0.12;        // relative growth of arrivals over a run
    double searchEntry = 0.16;          // share of browsing sessions starting with a search
    double listEntryEnd = 0.88;         // share starting with a search or a list page
};

} // namespace merch::world
