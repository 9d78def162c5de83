// Simulates shopper visits, emails and their consequences for one run of the world.
#pragma once

#include <cstdint>
#include <queue>
#include <unordered_map>
#include <vector>

#include "merch/event.h"
#include "merch/shopper_world.h"
#include "util/rng.h"
#include "world/world_state.h"

namespace merch::world {

// Something scheduled for later in the run: an email or a return visit.
struct Pending {
    enum class Kind { CartEmail, CartReturn, ReplenishEmail, ReplenishVisit };
    std::int64_t time = 0;
    std::uint64_t serial = 0; // creation order: ties in time keep it, and it seeds the draws
    Kind kind = Kind::CartEmail;
    int shopper = 0;
    std::vector<int> items;
    std::int64_t anchor = 0; // abandonment or purchase time the pending refers to
    std::int64_t due = 0;    // replenishment: when the shopper truly runs out
    int step = 0;            // which email of a schedule (0: 1 h, 1: 24 h, 2: 72 h)
    int cartVersion = 0;
    int emailHours = 0;     // cart emails: the delay in hours, named in the email's list
    bool emailable = false; // cart: the store could email the shopper when it was abandoned
    bool fromEmail = false; // a return visit that came from an email's click

    bool operator>(const Pending& other) const {
        return time != other.time ? time > other.time : serial > other.serial;
    }
};

// What changes during a run; the WorldState stays untouched so runs are independent.
struct RunState {
    std::vector<ShopperTruth> shoppers;
    std::vector<std::vector<int>> recent;        // last viewed or carted products per shopper
    std::vector<int> cartVersion;                // per shopper: bumps on every abandonment
    std::vector<std::vector<int>> openCart;      // per shopper: the abandoned cart, if any
    std::vector<double> popularity;              // best-seller score per product
    std::vector<std::vector<double>> dailySales; // ring of the last 14 days
    std::unordered_map<std::uint64_t, std::int64_t> lastPurchase; // (shopper, item) -> time
    std::vector<int> returnPool; // shopper indexes, repeated by return tickets
    int nextNewShopper = 0;
    std::uint64_t sessionSerial = 0;
    std::uint64_t orderSerial = 0;
    std::uint64_t pendingSerial = 0;
    std::priority_queue<Pending, std::vector<Pending>, std::greater<>> pending;
    std::vector<std::vector<std::int64_t>> emailTimes; // per shopper: delivered email times
    WorldOutcome outcome;
};

// The policies of a run, every hook resolved (recommendations may be null: no block).
struct RunPolicies {
    const ListPolicy* list = nullptr;
    const MessagingPolicy* messaging = nullptr;
    const SearchPolicy* search = nullptr;
    const RecommendationPolicy* recommendations = nullptr;
};

class SessionSimulator {
public:
    SessionSimulator(const WorldState& world, RunState& run, const RunPolicies& policies,
                     bool logEvents, const VisitObserver* observer = nullptr);

    // A visit that starts at `start`; kind CartReturn/ReplenishVisit carry the items.
    void browse(int shopper, std::int64_t start, int day, Rng& rng);
    void handle(const Pending& pending, int day, Rng& rng);

    // Events produced since the caller last cleared them, in the order they were produced.
    std::vector<Event>& events() { return m_events; }

private:
    struct Visit;
    double utility(int shopper, int item) const;
    void schedule(Pending pending);
    void emit(Visit& visit, EventType type, int item, std::int64_t gap = 0);
    void showList(Visit& visit, std::vector<int> products, const std::string& listName,
                  const std::string& query, Rng& rng);
    void viewProduct(Visit& visit, int item, Rng& rng);
    void showRecommendations(Visit& visit, int item);
    void search(Visit& visit, int category, Rng& rng);
    void browseCategory(Visit& visit, int category, Rng& rng);
    void finishCart(Visit& visit, Rng& rng);
    void completePurchase(Visit& visit, Rng& rng);
    void finishVisit(const Visit& visit);
    void returnVisit(const Pending& pending, int day, Rng& rng);
    void sendEmail(const Pending& pending, Rng& rng);
    std::string makeQuery(int item, Rng& rng) const;
    MessagingOutcome& messagingOn(int day);
    int messagesLast30Days(int shopper, std::int64_t now) const;
    void countRecovery(const Pending& pending, const Visit& visit, bool fromEmail);

    const WorldState& m_world;
    RunState& m_run;
    const ListPolicy& m_policy;
    const MessagingPolicy& m_messaging;
    const SearchPolicy& m_search;
    const RecommendationPolicy* m_recommendations = nullptr;
    std::vector<int> m_block; // scratch for a recommendation block
    bool m_logEvents = true;
    const VisitObserver* m_observer = nullptr;
    int m_day = 0;
    std::vector<Event> m_events;
};

std::string visitorIdFor(int shopper, int device);
std::string customerIdFor(int shopper);

} // namespace merch::world
