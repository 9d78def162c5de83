#include "merch/store_cost_profile.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "cost/cost_support.h"
#include "merch/workspace.h"

namespace merch {

namespace {

struct SessionTouch {
    double revenue = 0;
    bool category = false;
    bool productPage = false;
    bool search = false;
    bool email = false;
};

} // namespace

Result<StoreCostProfile> measureStoreCostProfile(std::span<const Event> events,
                                                 std::int64_t catalogSize, double trafficScale) {
    if (auto status = cost::checkRange(trafficScale, 1, 1e6, "trafficScale"); !status)
        return status;
    StoreCostProfile profile;
    profile.trafficScale = trafficScale;
    if (events.empty())
        return Status::invalidArgument("the store has no events to measure traffic from");

    std::unordered_map<std::string, SessionTouch> sessions;
    std::unordered_set<std::string> orders, customers, products;
    std::int64_t first = events.front().timestamp, last = first, searches = 0, views = 0;
    for (const Event& event : events) {
        first = std::min(first, event.timestamp);
        last = std::max(last, event.timestamp);
        if (!event.customerId.empty())
            customers.insert(event.customerId);
        if (!event.productId.empty() && catalogSize <= 0)
            products.insert(event.productId);
        if (event.sessionId.empty())
            continue; // emails sent outside a visit
        SessionTouch& touch = sessions[event.sessionId];
        if (event.list.starts_with("category:"))
            touch.category = true;
        if (event.list.starts_with("email:"))
            touch.email = true;
        switch (event.type) {
        case EventType::View:
            touch.productPage = true;
            ++views;
            break;
        case EventType::Search:
            touch.search = true;
            ++searches;
            break;
        case EventType::Purchase:
            touch.revenue += event.price * std::max(1, event.quantity);
            if (!event.orderId.empty())
                orders.insert(event.orderId);
            break;
        default:
            break;
        }
    }
    profile.sampleDays = std::max(1.0, double(last - first) / 86400.0);
    profile.sessions = std::int64_t(sessions.size());
    profile.orders = std::int64_t(orders.size());
    double category = 0, product = 0, search = 0, email = 0;
    for (const auto& [id, touch] : sessions) {
        profile.revenue += touch.revenue;
        category += touch.category ? touch.revenue : 0;
        product += touch.productPage ? touch.revenue : 0;
        search += touch.search ? touch.revenue : 0;
        email += touch.email ? touch.revenue : 0;
    }
    if (profile.revenue > 0) {
        profile.categoryRevenueShare = category / profile.revenue;
        profile.recommendationRevenueShare = product / profile.revenue;
        profile.searchRevenueShare = search / profile.revenue;
        profile.emailRevenueShare = email / profile.revenue;
    }
    const double perDay = trafficScale / profile.sampleDays;
    StoreEconomics& economics = profile.economics;
    economics.annualRevenue = profile.revenue * perDay * 365;
    economics.sessionsPerMonth = double(profile.sessions) * perDay * cost::kDaysPerMonth;
    economics.ordersPerMonth = double(profile.orders) * perDay * cost::kDaysPerMonth;
    economics.catalogSize = double(
        std::max<std::int64_t>(1, catalogSize > 0 ? catalogSize : std::int64_t(products.size())));
    economics.recImpressionsPerDay = double(views) * perDay;
    economics.searchRequestsPerMonth = double(searches) * perDay * cost::kDaysPerMonth;
    economics.activeProfiles = double(customers.size()) * trafficScale;
    profile.requests = recommendationRequests(events);
    return profile;
}

std::vector<UseCaseInput> useCaseInputsFor(const StoreCostProfile& profile,
                                           const LiftAssumption& storeLift,
                                           const UseCaseLifts& simulated) {
    auto inputs =
        defaultUseCaseInputs(profile.categoryRevenueShare, profile.recommendationRevenueShare,
                             profile.searchRevenueShare, profile.emailRevenueShare);
    for (UseCaseInput& input : inputs) {
        const auto& lift = input.useCase == UseCase::CategoryRanking
                               ? std::optional<LiftAssumption>(storeLift)
                               : simulated[static_cast<std::size_t>(input.useCase)];
        if (!lift)
            continue;
        const double gained = lift->revenueLift * lift->affectedRevenueShare;
        input.lift = std::clamp(gained / std::max(0.01, input.revenueShare), -0.5, 2.0);
        input.liftSource = lift->source;
    }
    return inputs;
}

Result<StoreCostProfile> measureStoreCostProfile(const Workspace& workspace, double trafficScale,
                                                 const RunControl& control) {
    if (!control.report(0.0, "reading events"))
        return Status::cancelled();
    auto summary = workspace.summary();
    if (!summary)
        return summary.status();
    auto events = workspace.loadEvents();
    if (!events)
        return events.status();
    if (!control.report(0.7, "measuring traffic"))
        return Status::cancelled();
    auto profile = measureStoreCostProfile(*events, summary->products, trafficScale);
    control.report(1.0, "measuring traffic");
    return profile;
}

} // namespace merch
