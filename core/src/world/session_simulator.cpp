#include "world/session_simulator.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iterator>

#include "world/catalog_generator.h"

namespace merch::world {

namespace {

constexpr std::int64_t kMinute = 60;
constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;
constexpr int kPageSize = 24;
constexpr int kRecentActions = 7;
constexpr std::int64_t kFatigueWindow = 30 * kDay; // what messagesLast30Days counts

double sigmoid(double x) {
    return 1.0 / (1.0 + std::exp(-x));
}

std::uint64_t pairKey(int shopper, int item) {
    return (std::uint64_t(std::uint32_t(shopper)) << 32) | std::uint32_t(item);
}

std::int64_t gapSeconds(Rng& rng, double mean) {
    return 1 + std::int64_t(rng.exponential(mean));
}

// "email:cart_1h", "email:cart_24h", ...: the list a cart email (and its visit) is logged under.
std::string cartEmailList(int hours) {
    return "email:cart_" + std::to_string(hours) + "h";
}

} // namespace

std::string visitorIdFor(int shopper, int device) {
    std::uint64_t x = std::uint64_t(shopper) * 2 + std::uint64_t(device) + 0x51ED270B27F1ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    char buffer[24];
    std::snprintf(buffer, sizeof buffer, "v%010llx",
                  static_cast<unsigned long long>(x & 0xFFFFFFFFFFULL));
    return buffer;
}

std::string customerIdFor(int shopper) {
    return "c" + std::to_string(100000 + shopper);
}

struct SessionSimulator::Visit {
    int shopper = 0;
    std::string sessionId;
    std::string visitorId;
    std::string customerId; // empty until the shopper logs in or identifies at checkout
    std::int64_t time = 0;
    std::vector<int> cart;
    bool carted = false;
    bool purchased = false;
    double revenue = 0.0;
    // Where the product being looked at came from, copied onto view and cart events.
    std::string list;
    int position = 0;
    std::string query;
    bool searched = false;
    // Recommendation blocks draw from their own stream (seeded once per visit, and only when
    // the run has a block), so the rest of the visit keeps its draws whatever a block shows.
    std::uint64_t blockSeed = 0;
    int blocks = 0;     // blocks shown in this visit
    int blockDepth = 0; // > 0 while a product opened from a block is being viewed
};

SessionSimulator::SessionSimulator(const WorldState& world, RunState& run,
                                   const RunPolicies& policies, bool logEvents,
                                   const VisitObserver* observer)
    : m_world(world)
    , m_run(run)
    , m_policy(*policies.list)
    , m_messaging(*policies.messaging)
    , m_search(*policies.search)
    , m_recommendations(policies.recommendations)
    , m_logEvents(logEvents)
    , m_observer(observer && *observer ? observer : nullptr) {}

void SessionSimulator::finishVisit(const Visit& visit) {
    ++m_run.outcome.sessions;
    m_run.outcome.sessionsWithAddToCart += visit.carted ? 1 : 0;
    m_run.outcome.sessionsWithPurchase += visit.purchased ? 1 : 0;
    if (visit.searched) {
        ++m_run.outcome.sessionsWithSearch;
        m_run.outcome.searchSessionsWithPurchase += visit.purchased ? 1 : 0;
        m_run.outcome.searchSessionRevenue += visit.revenue;
    }
    if (m_observer)
        (*m_observer)(
            {visit.shopper, m_day, visit.carted, visit.purchased, visit.revenue, visit.searched});
}

MessagingOutcome& SessionSimulator::messagingOn(int day) {
    auto& byDay = m_run.outcome.messagingByDay;
    const std::size_t index = std::size_t(std::max(0, day));
    if (byDay.size() <= index)
        byDay.resize(index + 1);
    return byDay[index];
}

int SessionSimulator::messagesLast30Days(int shopper, std::int64_t now) const {
    int count = 0;
    for (std::int64_t t : m_run.emailTimes[std::size_t(shopper)])
        count += t > now - kFatigueWindow && t <= now ? 1 : 0;
    return count;
}

double SessionSimulator::utility(int shopper, int item) const {
    return trueUtility(m_run.shoppers[std::size_t(shopper)], m_world.items[std::size_t(item)]);
}

void SessionSimulator::schedule(Pending pending) {
    pending.serial = m_run.pendingSerial++;
    m_run.pending.push(std::move(pending));
}

void SessionSimulator::emit(Visit& visit, EventType type, int item, std::int64_t gap) {
    visit.time += gap;
    ++m_run.outcome.events;
    if (!m_logEvents)
        return;
    Event& e = m_events.emplace_back();
    e.timestamp = visit.time;
    e.sessionId = visit.sessionId;
    e.visitorId = visit.visitorId;
    e.customerId = visit.customerId;
    e.type = type;
    if (item >= 0) {
        e.productId = m_world.products[std::size_t(item)].id;
        e.list = visit.list;
        e.position = visit.position;
        e.query = visit.query;
    }
    if (type == EventType::AddToCart || type == EventType::RemoveFromCart ||
        type == EventType::Purchase) {
        e.price = m_world.products[std::size_t(item)].price;
        e.quantity = 1;
    }
}

void SessionSimulator::browse(int shopper, std::int64_t start, int day, Rng& rng) {
    m_day = day;
    ShopperTruth& s = m_run.shoppers[std::size_t(shopper)];
    Visit visit;
    visit.shopper = shopper;
    visit.sessionId = "s" + std::to_string(1000000 + m_run.sessionSerial++);
    visit.visitorId = visitorIdFor(shopper, rng.below(s.devices));
    visit.time = start;
    if (s.hasAccount && rng.chance(0.4))
        visit.customerId = customerIdFor(shopper);
    if (m_recommendations)
        visit.blockSeed = rng.next();

    const int category = rng.pick(s.categoryAffinity);
    const double entry = rng.uniform();
    if (entry < m_world.searchEntry) {
        search(visit, category, rng);
    } else if (entry < m_world.listEntryEnd) {
        browseCategory(visit, category, rng);
    } else {
        // Landing on a product page from an ad or a shared link: the best of a few candidates.
        const auto& pool = m_world.categoryItems[std::size_t(category)];
        int best = pool[std::size_t(rng.below(int(pool.size())))];
        for (int k = 0; k < 4; ++k) {
            const int candidate = pool[std::size_t(rng.below(int(pool.size())))];
            if (utility(shopper, candidate) > utility(shopper, best))
                best = candidate;
        }
        visit.list.clear();
        visit.position = 0;
        viewProduct(visit, best, rng);
    }
    for (int extra = 0; extra < 3 && rng.chance(0.35); ++extra) {
        if (rng.chance(0.2))
            search(visit, category, rng);
        else
            browseCategory(visit, rng.chance(0.8) ? category : rng.pick(s.categoryAffinity), rng);
    }
    finishCart(visit, rng);
    finishVisit(visit);
}

void SessionSimulator::browseCategory(Visit& visit, int category, Rng& rng) {
    std::vector<double> weights;
    std::vector<int> subcategories;
    for (std::size_t sub = 0; sub < m_world.subcategoryNames.size(); ++sub) {
        if (m_world.subcategoryCategory[sub] == category) {
            subcategories.push_back(int(sub));
            weights.push_back(m_world.subcategoryWeight[sub]);
        }
    }
    const int sub = subcategories[std::size_t(rng.pick(weights))];
    std::vector<int> candidates = m_world.subcategoryPages[std::size_t(sub)];
    if (candidates.empty())
        return;
    std::string listName = "category:" + m_world.subcategoryNames[std::size_t(sub)];
    if (rng.chance(m_world.params.listExploration)) {
        // The store logs which sort it used; "#shuffle" pages are its randomized slot.
        listName += "#shuffle";
        for (std::size_t i = candidates.size(); i > 1; --i)
            std::swap(candidates[i - 1], candidates[std::size_t(rng.below(int(i)))]);
    } else {
        const auto& recent = m_run.recent[std::size_t(visit.shopper)];
        ListContext context;
        context.day = m_day;
        context.shopper = visit.shopper;
        context.recentProducts = recent;
        context.listName = listName;
        context.popularity = m_run.popularity;
        m_policy.order(context, candidates);
    }
    showList(visit, std::move(candidates), listName, "", rng);
}

void SessionSimulator::showList(Visit& visit, std::vector<int> products,
                                const std::string& listName, const std::string& query, Rng& rng) {
    const int shown = std::min<int>(kPageSize, int(products.size()));
    const int depth = std::min(shown, 3 + rng.geometric(0.3));
    visit.list = listName;
    visit.query = query;
    for (int p = 1; p <= depth; ++p) {
        visit.position = p;
        emit(visit, EventType::ListView, products[std::size_t(p - 1)], p == 1 ? 2 : 0);
    }
    // Position-based clicks: examined with the position's probability, clicked by appeal.
    std::vector<int> clicked;
    for (int p = 1; p <= depth; ++p) {
        const int item = products[std::size_t(p - 1)];
        const double attraction = sigmoid(-2.9 + utility(visit.shopper, item) -
                                          m_world.items[std::size_t(item)].clickPenalty);
        if (rng.uniform() < m_world.examination[std::size_t(p - 1)] * attraction)
            clicked.push_back(p);
    }
    for (int p : clicked) {
        visit.list = listName;
        visit.position = p;
        visit.query = query;
        viewProduct(visit, products[std::size_t(p - 1)], rng);
    }
}

void SessionSimulator::viewProduct(Visit& visit, int item, Rng& rng) {
    emit(visit, EventType::View, item, gapSeconds(rng, 20));
    auto& recent = m_run.recent[std::size_t(visit.shopper)];
    recent.push_back(item);
    if (recent.size() > kRecentActions)
        recent.erase(recent.begin());

    const ShopperTruth& s = m_run.shoppers[std::size_t(visit.shopper)];
    const double cart = sigmoid(-3.3 + s.intent + 0.7 * utility(visit.shopper, item) -
                                m_world.items[std::size_t(item)].cartPenalty);
    if (rng.uniform() < cart) {
        emit(visit, EventType::AddToCart, item, gapSeconds(rng, 45));
        if (std::find(visit.cart.begin(), visit.cart.end(), item) == visit.cart.end())
            visit.cart.push_back(item);
        visit.carted = true;
    }
    if (m_recommendations && visit.blockDepth < 2)
        showRecommendations(visit, item);
}

void SessionSimulator::showRecommendations(Visit& visit, int item) {
    Rng rng = Rng::derive(visit.blockSeed, 6, std::uint64_t(visit.blocks++));
    RecommendationContext context;
    context.day = m_day;
    context.shopper = visit.shopper;
    context.product = item;
    context.recentProducts = m_run.recent[std::size_t(visit.shopper)];
    context.popularity = m_run.popularity;
    m_block.clear();
    m_recommendations->recommend(context, m_block);
    std::vector<int> block;
    for (int candidate : m_block) {
        if (int(block.size()) == kRecommendationBlockSize)
            break;
        if (candidate >= 0 && candidate < int(m_world.items.size()) && candidate != item &&
            std::find(block.begin(), block.end(), candidate) == block.end())
            block.push_back(candidate);
    }
    if (block.empty())
        return;
    ++m_run.outcome.recommendationBlocks;
    // The block sits below the product's details: shown whole, examined with its own bias.
    const std::string savedList = visit.list;
    const int savedPosition = visit.position;
    const std::string savedQuery = visit.query;
    visit.list = "recs";
    visit.query.clear();
    for (std::size_t p = 0; p < block.size(); ++p) {
        visit.position = int(p) + 1;
        emit(visit, EventType::ListView, block[p], p == 0 ? 3 : 0);
    }
    std::vector<int> clicked;
    for (std::size_t p = 0; p < block.size(); ++p) {
        const int candidate = block[p];
        const double attraction = sigmoid(-2.9 + utility(visit.shopper, candidate) -
                                          m_world.items[std::size_t(candidate)].clickPenalty);
        if (rng.uniform() < m_world.recommendationExamination[p] * attraction)
            clicked.push_back(int(p));
    }
    ++visit.blockDepth;
    for (int p : clicked) {
        ++m_run.outcome.recommendationClicks;
        visit.list = "recs";
        visit.position = p + 1;
        visit.query.clear();
        viewProduct(visit, block[std::size_t(p)], rng);
    }
    --visit.blockDepth;
    visit.list = savedList;
    visit.position = savedPosition;
    visit.query = savedQuery;
}

std::string SessionSimulator::makeQuery(int item, Rng& rng) const {
    const ItemTruth& truth = m_world.items[std::size_t(item)];
    std::vector<std::string> words;
    if (!truth.brand.empty() && rng.chance(0.08))
        words.push_back(truth.brand);
    if (!truth.color.empty() && rng.chance(0.3))
        words.push_back(truth.color);
    if (!truth.material.empty() && rng.chance(0.15))
        words.push_back(truth.material);
    words.push_back(!truth.synonyms.empty() && rng.chance(0.15) ? rng.element(truth.synonyms)
                                                                : truth.noun);
    if (rng.chance(0.09)) {
        // A typo in one word: a known misspelling when there is one, else a slipped key.
        std::string& word = words[std::size_t(rng.below(int(words.size())))];
        bool replaced = false;
        for (const auto& [correct, typo] : commonMisspellings()) {
            if (word == correct) {
                word = typo;
                replaced = true;
                break;
            }
        }
        if (!replaced && word.size() >= 4) {
            const std::size_t at = 1 + std::size_t(rng.below(int(word.size()) - 2));
            switch (rng.below(3)) {
            case 0:
                word.erase(at, 1);
                break;
            case 1:
                std::swap(word[at], word[at + 1]);
                break;
            default:
                word.insert(at, 1, word[at]);
                break;
            }
        }
    }
    std::string query;
    for (const auto& w : words)
        query += (query.empty() ? "" : " ") + w;
    return query;
}

void SessionSimulator::search(Visit& visit, int category, Rng& rng) {
    const auto& pool = m_world.categoryItems[std::size_t(category)];
    int target = pool[std::size_t(rng.below(int(pool.size())))];
    for (int k = 0; k < 7; ++k) {
        const int candidate = pool[std::size_t(rng.below(int(pool.size())))];
        if (utility(visit.shopper, candidate) > utility(visit.shopper, target))
            target = candidate;
    }
    const std::string query = makeQuery(target, rng);
    visit.list = "search";
    visit.position = 0;
    visit.query = query;
    emit(visit, EventType::Search, -1, gapSeconds(rng, 15));
    if (m_logEvents)
        m_events.back().query = query;
    visit.searched = true;
    ++m_run.outcome.searches;
    SearchContext context;
    context.day = m_day;
    context.shopper = visit.shopper;
    context.query = query;
    context.recentProducts = m_run.recent[std::size_t(visit.shopper)];
    context.popularity = m_run.popularity;
    std::vector<int> results;
    m_search.search(context, results);
    if (results.empty()) {
        ++m_run.outcome.searchesWithoutResults;
        if (rng.chance(0.4))
            browseCategory(visit, category, rng);
        return;
    }
    showList(visit, results, "search", query, rng);
}

void SessionSimulator::finishCart(Visit& visit, Rng& rng) {
    if (visit.cart.empty())
        return;
    ShopperTruth& s = m_run.shoppers[std::size_t(visit.shopper)];
    visit.list.clear();
    visit.position = 0;
    visit.query.clear();
    if (visit.cart.size() > 1 && rng.chance(0.1)) {
        const int removed = visit.cart.back();
        visit.cart.pop_back();
        emit(visit, EventType::RemoveFromCart, removed, gapSeconds(rng, 30));
    }
    const bool checksOut = rng.chance(sigmoid(-0.9 + 0.6 * s.intent));
    if (checksOut) {
        if (visit.customerId.empty()) {
            // Logs in, or checks out as a guest with an email: identified from now on.
            visit.customerId = customerIdFor(visit.shopper);
            s.identified = true;
        }
        emit(visit, EventType::Checkout, -1, gapSeconds(rng, 60));
        if (rng.chance(0.7)) {
            completePurchase(visit, rng);
            return;
        }
    }
    // Abandoned: the messaging policy plans the cart emails (the baseline: identified
    // shoppers at a fixed 1/24/72 h).
    const int version = ++m_run.cartVersion[std::size_t(visit.shopper)];
    m_run.openCart[std::size_t(visit.shopper)] = visit.cart;
    Pending pending;
    pending.shopper = visit.shopper;
    pending.items = visit.cart;
    pending.anchor = visit.time;
    pending.cartVersion = version;
    pending.emailable = s.identified && !s.unsubscribed;
    MessagingOutcome& today = messagingOn(m_day);
    ++today.cartsAbandoned;
    today.cartsAbandonedEmailable += pending.emailable ? 1 : 0;
    CartAbandonment abandonment;
    abandonment.day = m_day;
    abandonment.time = visit.time;
    abandonment.customerId = s.identified ? customerIdFor(visit.shopper) : visit.customerId;
    abandonment.visitorId = visit.visitorId;
    abandonment.identified = s.identified;
    abandonment.unsubscribed = s.unsubscribed;
    abandonment.items = visit.cart;
    for (int item : visit.cart)
        abandonment.cartValue += m_world.products[std::size_t(item)].price;
    abandonment.messagesLast30Days = messagesLast30Days(visit.shopper, visit.time);
    abandonment.shopper = visit.shopper;
    const std::vector<std::int64_t> delays = m_messaging.cartEmailDelays(abandonment);
    for (std::size_t step = 0; step < delays.size(); ++step) {
        pending.kind = Pending::Kind::CartEmail;
        pending.step = int(step);
        pending.emailHours = int(std::max<std::int64_t>(1, (delays[step] + kHour / 2) / kHour));
        pending.time = visit.time + std::max<std::int64_t>(60, delays[step]);
        schedule(pending);
    }
    if (rng.chance(0.1)) {
        pending.kind = Pending::Kind::CartReturn;
        pending.time = visit.time + std::int64_t(rng.exponential(36.0) * double(kHour));
        schedule(pending);
    }
}

void SessionSimulator::completePurchase(Visit& visit, Rng& rng) {
    ShopperTruth& s = m_run.shoppers[std::size_t(visit.shopper)];
    const std::string orderId = "o" + std::to_string(500000 + m_run.orderSerial++);
    visit.time += gapSeconds(rng, 90);
    for (int item : visit.cart) {
        emit(visit, EventType::Purchase, item, 0);
        if (m_logEvents)
            m_events.back().orderId = orderId;
        const double price = m_world.products[std::size_t(item)].price;
        m_run.outcome.revenue += price;
        visit.revenue += price;
        m_run.dailySales[std::size_t(m_day % 14)][std::size_t(item)] += 1.0;
        const ItemTruth& truth = m_world.items[std::size_t(item)];
        const std::uint64_t key = pairKey(visit.shopper, item);
        if (truth.cycleDays > 0) {
            MessagingOutcome& today = messagingOn(m_day);
            ++today.consumableOrders;
            if (m_run.lastPurchase.count(key)) {
                ++today.reorders;
                today.reorderRevenue += price;
            }
        }
        m_run.lastPurchase[key] = visit.time;
        if (truth.cycleDays <= 0)
            continue;
        // A consumable: it runs out after the shopper's own cycle; some reorder unprompted,
        // and the baseline sends a reminder a fixed 21 days after the order.
        const double days = truth.cycleDays * s.cycleFactor * rng.logNormal(1.0, 0.15);
        Pending replenish;
        replenish.shopper = visit.shopper;
        replenish.items = {item};
        replenish.anchor = visit.time;
        replenish.due = visit.time + std::int64_t(days * double(kDay));
        if (rng.chance(0.5)) {
            replenish.kind = Pending::Kind::ReplenishVisit;
            replenish.time = replenish.due + std::int64_t(rng.normal(0, 1.5) * double(kDay));
            schedule(replenish);
        }
        ConsumableOrder order;
        order.day = m_day;
        order.time = visit.time;
        order.customerId = s.identified ? customerIdFor(visit.shopper) : visit.customerId;
        order.identified = s.identified;
        order.unsubscribed = s.unsubscribed;
        order.product = item;
        order.messagesLast30Days = messagesLast30Days(visit.shopper, visit.time);
        order.shopper = visit.shopper;
        order.trueRunOut = replenish.due;
        for (std::int64_t delay : m_messaging.reminderDelays(order)) {
            replenish.kind = Pending::Kind::ReplenishEmail;
            replenish.time = visit.time + std::max<std::int64_t>(60, delay);
            schedule(replenish);
        }
    }
    ++m_run.outcome.orders;
    visit.purchased = true;
    m_run.openCart[std::size_t(visit.shopper)].clear();
}

void SessionSimulator::handle(const Pending& pending, int day, Rng& rng) {
    m_day = day;
    if (pending.kind == Pending::Kind::CartEmail || pending.kind == Pending::Kind::ReplenishEmail)
        sendEmail(pending, rng);
    else
        returnVisit(pending, day, rng);
}

void SessionSimulator::sendEmail(const Pending& pending, Rng& rng) {
    ShopperTruth& s = m_run.shoppers[std::size_t(pending.shopper)];
    if (s.unsubscribed || !s.identified)
        return;
    const bool cart = pending.kind == Pending::Kind::CartEmail;
    bool timely = true;
    if (cart) {
        if (m_run.cartVersion[std::size_t(pending.shopper)] != pending.cartVersion ||
            m_run.openCart[std::size_t(pending.shopper)].empty())
            return; // bought or abandoned another cart since: the schedule stops
    } else {
        const auto last = m_run.lastPurchase.find(pairKey(pending.shopper, pending.items.front()));
        const bool reordered = last != m_run.lastPurchase.end() && last->second > pending.anchor;
        ReminderDue due;
        due.day = m_day;
        due.time = pending.time;
        due.orderTime = pending.anchor;
        due.customerId = customerIdFor(pending.shopper);
        due.product = pending.items.front();
        due.reorderedSince = reordered;
        due.messagesLast30Days = messagesLast30Days(pending.shopper, pending.time);
        due.shopper = pending.shopper;
        if (!m_messaging.sendReminder(due))
            return;
        timely = !reordered && pending.time >= pending.due - 7 * kDay &&
                 pending.time <= pending.due + 2 * kDay;
        if (reordered && rng.chance(0.04)) {
            s.unsubscribed = true; // a reminder for something already bought annoys
            ++messagingOn(m_day).unsubscribes;
            return;
        }
    }
    Visit email;
    email.shopper = pending.shopper;
    email.visitorId = visitorIdFor(pending.shopper, 0);
    email.customerId = customerIdFor(pending.shopper);
    email.time = pending.time;
    email.list = cart ? cartEmailList(pending.emailHours) : "email:replenish";
    const int item = pending.items.front();
    emit(email, EventType::EmailSend, item, 0);
    MessagingOutcome& today = messagingOn(m_day);
    ++(cart ? today.cartEmails : today.reminderEmails);
    auto& sent = m_run.emailTimes[std::size_t(pending.shopper)];
    while (!sent.empty() && sent.front() <= pending.time - kFatigueWindow)
        sent.erase(sent.begin());
    sent.push_back(pending.time);
    if (rng.chance(0.004)) {
        s.unsubscribed = true;
        ++today.unsubscribes;
        return;
    }
    const double open = std::min(0.9, (timely ? 0.42 : 0.22) * s.emailResponse);
    if (!rng.chance(open))
        return;
    emit(email, EventType::EmailOpen, item, gapSeconds(rng, 40.0 * kMinute));
    const double click = std::min(0.9, (timely ? 0.3 : 0.1) * s.emailResponse);
    if (!rng.chance(click))
        return;
    emit(email, EventType::EmailClick, item, gapSeconds(rng, 30));
    ++today.emailClicks;
    Pending visit = pending;
    visit.kind = cart ? Pending::Kind::CartReturn : Pending::Kind::ReplenishVisit;
    visit.time = email.time + gapSeconds(rng, 60);
    visit.fromEmail = true;
    schedule(visit);
}

void SessionSimulator::returnVisit(const Pending& pending, int day, Rng& rng) {
    const bool cart = pending.kind == Pending::Kind::CartReturn;
    const int shopper = pending.shopper;
    ShopperTruth& s = m_run.shoppers[std::size_t(shopper)];
    if (cart && (m_run.cartVersion[std::size_t(shopper)] != pending.cartVersion ||
                 m_run.openCart[std::size_t(shopper)].empty()))
        return;
    if (!cart) {
        const auto last = m_run.lastPurchase.find(pairKey(shopper, pending.items.front()));
        if (last != m_run.lastPurchase.end() && last->second > pending.anchor)
            return; // already reordered
    }
    Visit visit;
    visit.shopper = shopper;
    visit.sessionId = "s" + std::to_string(1000000 + m_run.sessionSerial++);
    const bool fromEmail = pending.fromEmail;
    visit.visitorId = visitorIdFor(shopper, fromEmail ? 0 : rng.below(s.devices));
    visit.time = pending.time;
    if (fromEmail || (s.hasAccount && rng.chance(0.4)))
        visit.customerId = customerIdFor(shopper);
    visit.list = fromEmail ? (cart ? cartEmailList(pending.emailHours) : "email:replenish") : "";
    for (int item : pending.items)
        emit(visit, EventType::View, item, gapSeconds(rng, 20));

    double buy = 0;
    if (cart) {
        // Receptiveness peaks at the shopper's own delay after abandoning (the timing truth).
        const double hours = std::max(0.05, double(pending.time - pending.anchor) / kHour);
        const double distance = std::log(hours / s.bestRecoveryHours);
        const double timing = std::exp(-0.5 * distance * distance);
        buy = sigmoid(-1.6 + 0.6 * s.intent + 2.2 * timing);
    } else {
        buy = sigmoid(1.0 + 0.5 * s.intent);
    }
    visit.cart = cart ? m_run.openCart[std::size_t(shopper)] : pending.items;
    if (!cart)
        emit(visit, EventType::AddToCart, pending.items.front(), gapSeconds(rng, 30));
    visit.carted = !cart;
    if (rng.chance(buy)) {
        visit.list.clear();
        visit.customerId = customerIdFor(shopper);
        emit(visit, EventType::Checkout, -1, gapSeconds(rng, 60));
        completePurchase(visit, rng);
        countRecovery(pending, visit, fromEmail);
    }
    finishVisit(visit);
    (void)day;
}

void SessionSimulator::countRecovery(const Pending& pending, const Visit& visit, bool fromEmail) {
    if (pending.kind == Pending::Kind::ReplenishVisit) {
        messagingOn(m_day).remindedReorders += fromEmail ? 1 : 0;
        return;
    }
    // A cart counts on the day it was abandoned, so a policy's carts are compared like for like.
    const int abandonedOn = int((pending.anchor - m_world.params.startTime) / kDay);
    MessagingOutcome& then = messagingOn(abandonedOn);
    ++then.cartsRecovered;
    then.cartsRecoveredEmailable += pending.emailable ? 1 : 0;
    then.cartsRecoveredByEmail += fromEmail ? 1 : 0;
    then.recoveredRevenue += visit.revenue;
}

} // namespace merch::world
