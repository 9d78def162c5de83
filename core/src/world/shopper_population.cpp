#include "world/shopper_population.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace merch::world {

int populationSize(const WorldParams& params) {
    const double sessions = params.sessionsPerDay * params.days;
    return std::max(50, int(std::ceil(sessions * (1.0 - params.returningShare) * 1.25)) + 50);
}

double weekdayFactor(int weekday) {
    // Monday..Sunday: weekday lunch-break browsing, a Sunday evening peak.
    static constexpr std::array<double, 7> kFactors = {0.97, 0.95, 0.94, 0.97, 1.00, 1.05, 1.12};
    return kFactors[std::size_t(((weekday % 7) + 7) % 7)];
}

const std::vector<double>& hourlyProfile() {
    static const std::vector<double> profile = [] {
        std::vector<double> weights = {1.2, 0.8, 0.5, 0.4, 0.4, 0.6, 1.2, 2.2, 3.2, 3.8, 4.2, 4.6,
                                       5.2, 5.0, 4.6, 4.5, 4.8, 5.4, 6.4, 7.4, 8.0, 7.2, 5.2, 2.8};
        double sum = 0;
        for (double w : weights)
            sum += w;
        for (double& w : weights)
            w /= sum;
        return weights;
    }();
    return profile;
}

void generateShoppers(WorldState& state, Rng& rng) {
    const auto& categories = demoCategories();
    const int count = populationSize(state.params);
    state.shoppers.reserve(std::size_t(count));
    for (int s = 0; s < count; ++s) {
        ShopperTruth shopper;
        for (auto& x : shopper.taste)
            x = rng.normal(0.0, 0.45);
        // Dirichlet draw around the store's traffic mix: most shoppers favour one or two
        // categories, the population as a whole follows the mix.
        double sum = 0;
        for (const auto& category : categories) {
            const double share = rng.gamma(std::max(0.05, category.trafficShare * 2.0));
            shopper.categoryAffinity.push_back(share);
            sum += share;
        }
        for (double& a : shopper.categoryAffinity)
            a = sum > 0 ? a / sum : 1.0 / double(categories.size());
        shopper.priceSensitivity = rng.logNormal(1.0, 0.5);
        shopper.intent = rng.normal(0.0, 0.8);
        shopper.emailResponse = std::clamp(rng.logNormal(1.0, 0.45), 0.2, 2.5);
        shopper.bestRecoveryHours = std::clamp(rng.logNormal(14.0, 1.0), 0.5, 96.0);
        shopper.cycleFactor = std::clamp(rng.logNormal(1.0, 0.25), 0.5, 2.0);
        shopper.hasAccount = rng.chance(0.35);
        shopper.identified = shopper.hasAccount;
        shopper.devices = rng.chance(0.3) ? 2 : 1;
        shopper.returnTickets = 1 + rng.geometric(0.45);
        state.shoppers.push_back(std::move(shopper));
    }
}

} // namespace merch::world
