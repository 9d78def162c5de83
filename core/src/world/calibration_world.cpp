#include "world/calibration_world.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "merch/world_calibration.h"
#include "util/rng.h"
#include "world/catalog_generator.h"
#include "world/shopper_population.h"

namespace merch::world {

namespace {

constexpr int kPositions = 24;
constexpr std::int64_t kDay = 86400;
constexpr double kTasteLength = 2.6;
// Random streams of a calibrated world (the demo world uses 1..5).
enum Stream : std::uint64_t { CalibratedCatalog = 21, CalibratedShoppers = 22 };

Latent randomLatent(Rng& rng, double sd) {
    Latent v{};
    for (auto& x : v)
        x = rng.normal(0.0, sd);
    return v;
}

double median(std::vector<double> values) {
    if (values.empty())
        return 0;
    const auto mid = values.begin() + std::ptrdiff_t(values.size() / 2);
    std::nth_element(values.begin(), mid, values.end());
    return *mid;
}

// The word shoppers type for a product: the title's last word of three letters or more that
// is not a number (titles usually end with the noun: "Organic Cotton Hoodie").
std::string nounFor(const std::string& title, const std::string& fallback) {
    const auto words = tokenize(title);
    for (auto it = words.rbegin(); it != words.rend(); ++it) {
        const bool digits =
            std::all_of(it->begin(), it->end(), [](char c) { return c >= '0' && c <= '9'; });
        if (it->size() >= 3 && !digits)
            return *it;
    }
    const auto other = tokenize(fallback);
    return other.empty() ? std::string("item") : other.back();
}

} // namespace

Status buildCalibratedState(WorldState& state, const WorldCalibration& c,
                            const WorldParams& params) {
    if (c.products.empty() || c.categories.empty())
        return Status::invalidArgument("calibration has no products or categories");
    if (c.categoryShare.size() != c.categories.size())
        return Status::invalidArgument("calibration category shares do not match categories");
    if (params.days < 1 || params.days > 730)
        return Status::invalidArgument("days must be between 1 and 730");
    if (!(params.sessionsPerDay >= 1.0 && params.sessionsPerDay <= 200000.0))
        return Status::invalidArgument("sessionsPerDay must be between 1 and 200000");

    state.params = params;
    state.params.products = int(c.products.size());
    state.params.catalogDefectRate = 0;
    state.params.returningShare = std::clamp(c.tuning.returningShare, 0.0, 0.95);
    state.params.listExploration = std::clamp(c.value("list_exploration", 0.0), 0.0, 1.0);

    // Traffic shape: the fitted weekday factors on the run's own weekdays, flat trend.
    const std::int64_t startDay = params.startTime >= 0 ? params.startTime / kDay : 0;
    state.weekdayTraffic.resize(7);
    for (int d = 0; d < 7; ++d)
        state.weekdayTraffic[std::size_t(d)] = c.weekdayFactor[std::size_t((startDay + d + 3) % 7)];
    state.trafficGrowth = 0.0;
    state.searchEntry = std::clamp(c.searchEntryShare, 0.0, 1.0);
    state.listEntryEnd = std::clamp(1.0 - c.landingEntryShare, state.searchEntry, 1.0);
    for (int p = 1; p <= kPositions; ++p)
        state.examination.push_back(std::pow(double(p), -c.positionExponent));

    // Subcategory pages: one per (category, subcategory) pair in the catalog.
    const int categoryCount = int(c.categories.size());
    std::map<std::string, int> categoryIndex;
    for (int k = 0; k < categoryCount; ++k)
        categoryIndex.emplace(c.categories[std::size_t(k)], k);
    std::map<std::pair<int, std::string>, int> subIndex;
    std::vector<double> subViews;
    std::vector<int> itemSub(c.products.size());
    std::vector<int> itemCategory(c.products.size());
    for (std::size_t i = 0; i < c.products.size(); ++i) {
        const CalibratedProduct& p = c.products[i];
        const auto cat = categoryIndex.find(p.category);
        if (cat == categoryIndex.end())
            return Status::invalidArgument("product " + p.id +
                                           " has a category the calibration "
                                           "does not list: " +
                                           p.category);
        const std::string sub = p.subcategory.empty() ? p.category : p.subcategory;
        auto [slot, added] = subIndex.try_emplace({cat->second, sub}, int(subViews.size()));
        if (added) {
            subViews.push_back(0);
            state.subcategoryNames.push_back(sub);
            state.subcategoryCategory.push_back(cat->second);
        }
        subViews[std::size_t(slot->second)] += double(p.views) + 1.0;
        itemSub[i] = slot->second;
        itemCategory[i] = cat->second;
    }
    state.subcategoryPages.assign(subViews.size(), {});
    state.categoryItems.assign(std::size_t(categoryCount), {});
    std::vector<double> categoryViews(std::size_t(categoryCount), 0.0);
    for (std::size_t s = 0; s < subViews.size(); ++s)
        categoryViews[std::size_t(state.subcategoryCategory[s])] += subViews[s];
    for (std::size_t s = 0; s < subViews.size(); ++s)
        state.subcategoryWeight.push_back(subViews[s] /
                                          categoryViews[std::size_t(state.subcategoryCategory[s])]);
    for (int k = 0; k < categoryCount; ++k) {
        if (categoryViews[std::size_t(k)] <= 0)
            return Status::invalidArgument("category " + c.categories[std::size_t(k)] +
                                           " has no products");
    }

    // Median price per subcategory: the reference a product's price is judged against.
    std::vector<std::vector<double>> subPrices(subViews.size());
    for (std::size_t i = 0; i < c.products.size(); ++i)
        if (c.products[i].price > 0)
            subPrices[std::size_t(itemSub[i])].push_back(c.products[i].price);
    std::vector<double> subMedian;
    for (auto& prices : subPrices)
        subMedian.push_back(median(prices));

    Rng catalogRng = Rng::derive(state.seed, CalibratedCatalog);
    std::vector<Latent> centroids;
    for (std::size_t s = 0; s < subViews.size(); ++s)
        centroids.push_back(randomLatent(catalogRng, 1.0));
    const double loggedPerDay = std::max(1.0, c.value("sessions_per_day", 1.0));
    const double salesScale = params.sessionsPerDay / loggedPerDay;
    for (std::size_t i = 0; i < c.products.size(); ++i) {
        const CalibratedProduct& cp = c.products[i];
        Product p;
        p.id = cp.id;
        p.title = cp.title;
        p.category = cp.category;
        p.subcategory = state.subcategoryNames[std::size_t(itemSub[i])];
        p.price = cp.price;
        p.consumable = cp.consumable;
        p.status = "active";

        ItemTruth truth;
        truth.category = itemCategory[i];
        truth.subcategory = itemSub[i];
        const Latent noise = randomLatent(catalogRng, 0.7);
        if (cp.taste.size() == truth.latent.size()) {
            // The co-view direction at the length of the demo's latents (sqrt(8 x 0.85)).
            for (std::size_t d = 0; d < truth.latent.size(); ++d)
                truth.latent[d] = kTasteLength * double(cp.taste[d]);
        } else {
            for (std::size_t d = 0; d < truth.latent.size(); ++d)
                truth.latent[d] = 0.6 * centroids[std::size_t(itemSub[i])][d] + noise[d];
        }
        truth.appeal = c.tuning.appealScale * cp.popularity;
        const double ref = subMedian[std::size_t(itemSub[i])];
        // Without categories a price has no peers to be judged against: the logged popularity
        // carries the price's effect alone.
        truth.logPriceRatio =
            c.categoriesKnown && cp.price > 0 && ref > 0 ? std::log(cp.price / ref) : 0.0;
        truth.cycleDays = cp.consumable ? 30.0 : 0.0;
        truth.clickPenalty = -c.tuning.clickShift;
        truth.cartPenalty = -(c.tuning.cartShift + cp.cartEffect);
        truth.listed = true;
        truth.noun = nounFor(cp.title, p.subcategory);
        std::set<std::string> words;
        for (const auto* field : {&p.title, &p.category, &p.subcategory})
            for (auto& token : tokenize(*field))
                words.insert(std::move(token));
        words.insert(truth.noun);
        truth.searchText.assign(words.begin(), words.end());
        for (const auto& word : truth.searchText)
            state.searchIndex[word].push_back(int(i));
        state.categoryItems[std::size_t(truth.category)].push_back(int(i));
        state.subcategoryPages[std::size_t(truth.subcategory)].push_back(int(i));
        state.priorSales.push_back(cp.recentSales * salesScale);
        state.products.push_back(std::move(p));
        state.items.push_back(std::move(truth));
    }

    // Shoppers: interests drawn around the logged category mix with the fitted concentration;
    // the other traits keep the demo's distributions (stated as assumptions).
    Rng shopperRng = Rng::derive(state.seed, CalibratedShoppers);
    const int count = populationSize(state.params);
    state.shoppers.reserve(std::size_t(count));
    for (int s = 0; s < count; ++s) {
        ShopperTruth shopper;
        for (auto& x : shopper.taste)
            x = shopperRng.normal(0.0, 0.45);
        double sum = 0;
        for (int k = 0; k < categoryCount; ++k) {
            const double share = shopperRng.gamma(
                std::max(0.02, c.categoryShare[std::size_t(k)] * c.categoryConcentration));
            shopper.categoryAffinity.push_back(share);
            sum += share;
        }
        for (double& a : shopper.categoryAffinity)
            a = sum > 0 ? a / sum : 1.0 / double(categoryCount);
        shopper.priceSensitivity = shopperRng.logNormal(1.0, 0.5);
        shopper.intent = shopperRng.normal(c.tuning.intentMean, 0.8);
        shopper.emailResponse = std::clamp(shopperRng.logNormal(1.0, 0.45), 0.2, 2.5);
        shopper.bestRecoveryHours = std::clamp(shopperRng.logNormal(14.0, 1.0), 0.5, 96.0);
        shopper.cycleFactor = std::clamp(shopperRng.logNormal(1.0, 0.25), 0.5, 2.0);
        shopper.hasAccount = shopperRng.chance(0.35);
        shopper.identified = shopper.hasAccount;
        shopper.devices = shopperRng.chance(0.3) ? 2 : 1;
        shopper.returnTickets = 1 + shopperRng.geometric(0.45);
        state.shoppers.push_back(std::move(shopper));
    }
    return Status::ok();
}

} // namespace merch::world
