// Send delay per customer: the store's curve of buying on a return visit against the hours
// since abandonment, and each customer's own buying returns shrunk toward its peak.
#include <algorithm>
#include <cmath>

#include "merch/messaging.h"

namespace merch {

namespace {

constexpr double kMinHours = 1.0;
constexpr double kMaxHours = 96.0;
constexpr double kBinEdges[] = {0, 0.5, 1, 2, 4, 8, 12, 18, 24, 36, 48, 72, 96, 168};

} // namespace

double SendTimingModel::buyProbability(double hours) const {
    const double l = std::log(std::max(0.05, hours));
    return 1.0 / (1.0 + std::exp(-(curve[0] + curve[1] * l + curve[2] * l * l)));
}

double SendTimingModel::hoursFor(const std::string& key) const {
    const auto found = customers.find(key);
    return found == customers.end() ? storeHours : found->second.hours;
}

SendTimingModel trainSendTiming(const std::vector<AbandonedCart>& carts, double priorWeight) {
    SendTimingModel model;
    model.priorWeight = priorWeight;
    for (std::size_t b = 0; b + 1 < std::size(kBinEdges); ++b)
        model.bins.push_back({kBinEdges[b], kBinEdges[b + 1], 0, 0});
    std::vector<std::pair<double, bool>> all;
    for (const AbandonedCart& cart : carts) {
        // The curve uses each cart's first return only: later returns are selected by the
        // earlier ones not having bought.
        if (!cart.returns.empty())
            all.push_back(cart.returns.front());
        for (const auto& [hours, bought] : cart.returns) {
            for (auto& bin : model.bins) {
                if (hours >= bin.fromHours && hours < bin.toHours) {
                    ++bin.returns;
                    bin.bought += bought ? 1 : 0;
                    break;
                }
            }
        }
    }
    // P(buy | h) = logistic(c0 + c1 ln h + c2 ln^2 h); its peak is the store's delay.
    int buys = 0;
    for (const auto& r : all)
        buys += r.second ? 1 : 0;
    if (buys > 0 && buys < int(all.size())) {
        Eigen::MatrixXd x(Eigen::Index(all.size()), 2);
        Eigen::VectorXd y(Eigen::Index(all.size()));
        for (std::size_t i = 0; i < all.size(); ++i) {
            const double l = std::log(std::max(0.05, all[i].first));
            x(Eigen::Index(i), 0) = l;
            x(Eigen::Index(i), 1) = l * l;
            y(Eigen::Index(i)) = all[i].second ? 1 : 0;
        }
        const Eigen::VectorXd w = fitLogistic(x, y, 1e-6);
        model.curve[0] = w(2);
        model.curve[1] = w(0);
        model.curve[2] = w(1);
        if (w(1) < 0) {
            model.storeHours = std::exp(-w(0) / (2 * w(1)));
        } else {
            // No interior peak: the better end of the range the store can send in.
            model.storeHours = model.buyProbability(kMinHours) > model.buyProbability(kMaxHours)
                                   ? kMinHours
                                   : kMaxHours;
        }
    }
    model.storeHours = std::clamp(model.storeHours, kMinHours, kMaxHours);

    // Per customer: the mean log delay of their own buying returns, with `priorWeight`
    // pseudo-returns at the store's delay.
    std::unordered_map<std::string, std::pair<int, double>> own;
    for (const AbandonedCart& cart : carts) {
        if (!cart.identified)
            continue;
        for (const auto& [hours, bought] : cart.returns) {
            if (bought) {
                auto& [n, sum] = own[cart.key];
                ++n;
                sum += std::log(std::clamp(hours, kMinHours, kMaxHours));
            }
        }
    }
    const double prior = std::log(model.storeHours);
    for (const auto& [key, evidence] : own) {
        const auto& [n, sum] = evidence;
        SendTimingModel::Customer c;
        c.buyingReturns = n;
        c.hours = std::exp((priorWeight * prior + sum) / (priorWeight + n));
        model.customers.emplace(key, c);
    }
    return model;
}

} // namespace merch
