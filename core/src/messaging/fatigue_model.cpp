// Email fatigue: unsubscribe risk per email against the emails received in the prior 30 days,
// with unsubscribes inferred from carts that stopped getting emails.
#include <algorithm>
#include <cmath>

#include "merch/messaging.h"
#include "messaging/session_index.h"

namespace merch {

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kWindow = 30 * kDay;
constexpr std::int64_t kCartEmailWait = 3 * kDay;
constexpr int kBucketEdges[][2] = {{0, 0}, {1, 2}, {3, 5}, {6, 9}, {10, 1000000}};

} // namespace

double FatigueModel::riskPerMessage(int messagesLast30Days) const {
    return 1.0 / (1.0 + std::exp(-(coefficients[0] + coefficients[1] * messagesLast30Days)));
}

FatigueModel trainFatigue(const std::vector<Event>& events) {
    FatigueModel model;
    for (const auto& edge : kBucketEdges)
        model.buckets.push_back({edge[0], edge[1], 0, 0});
    const auto stitched = messaging::stitchVisitors(events);
    std::unordered_map<std::string, std::vector<std::int64_t>> sends, cartSends;
    std::int64_t logEnd = 0;
    for (const Event& e : events) {
        logEnd = std::max(logEnd, e.timestamp);
        if (e.type != EventType::EmailSend)
            continue;
        const std::string key = messaging::ownerKey(e, stitched);
        sends[key].push_back(e.timestamp);
        if (e.list.rfind("email:cart", 0) == 0)
            cartSends[key].push_back(e.timestamp);
    }
    if (sends.empty())
        return model;
    for (auto& [key, times] : sends)
        std::sort(times.begin(), times.end());
    for (auto& [key, times] : cartSends)
        std::sort(times.begin(), times.end());
    // Carts the store would have emailed: identified owners, early enough to see the email.
    const messaging::SessionIndex index = messaging::indexSessions(events);
    std::unordered_map<std::string, bool> unsubscribed;
    for (const auto& s : index.sessions) {
        if (!s.identified || s.cart.empty() || !s.purchases.empty())
            continue;
        if (s.end + kCartEmailWait > logEnd)
            continue;
        const auto found = sends.find(s.key);
        if (found == sends.end() || found->second.back() > s.end)
            continue; // never emailed, or still emailed afterwards
        const auto& cartTimes = cartSends[s.key];
        const bool emailed = std::any_of(cartTimes.begin(), cartTimes.end(), [&](std::int64_t t) {
            return t >= s.end && t <= s.end + kCartEmailWait;
        });
        if (!emailed)
            unsubscribed[s.key] = true;
    }
    std::vector<std::pair<int, bool>> rows;
    for (const auto& [key, times] : sends) {
        ++model.emailedCustomers;
        const bool left = unsubscribed.count(key) > 0;
        model.inferredUnsubscribes += left ? 1 : 0;
        std::size_t windowStart = 0;
        for (std::size_t i = 0; i < times.size(); ++i) {
            while (times[windowStart] <= times[i] - kWindow)
                ++windowStart;
            const int prior = int(i - windowStart);
            const bool label = left && i + 1 == times.size();
            rows.emplace_back(prior, label);
            for (auto& bucket : model.buckets) {
                if (prior >= bucket.fromMessages && prior <= bucket.toMessages) {
                    ++bucket.sends;
                    bucket.unsubscribes += label ? 1 : 0;
                }
            }
        }
    }
    if (model.inferredUnsubscribes > 0 && model.inferredUnsubscribes < int(rows.size())) {
        Eigen::MatrixXd x(Eigen::Index(rows.size()), 1);
        Eigen::VectorXd y(Eigen::Index(rows.size()));
        for (std::size_t i = 0; i < rows.size(); ++i) {
            x(Eigen::Index(i), 0) = rows[i].first;
            y(Eigen::Index(i)) = rows[i].second ? 1 : 0;
        }
        const Eigen::VectorXd w = fitLogistic(x, y, 1e-6);
        model.coefficients[0] = w(1);
        model.coefficients[1] = w(0);
    } else {
        model.coefficients[0] = -10;
    }
    return model;
}

} // namespace merch
