// The randomisation of an A/B test on a ShopperWorld: a deterministic arm per shopper, and the
// list policy that shows each shopper their arm's pages (plus the contaminated control shoppers,
// who see the treatment while still counted as control).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "merch/shopper_world.h"

namespace merch::experiment {

// A uniform [0, 1) draw per (key, seed, salt), the same on every platform.
double unitHash(std::uint64_t key, std::uint64_t seed, std::uint64_t salt);

// Arm of a shopper: 1 treatment, 0 control.
inline int armOf(int shopper, std::uint64_t seed, double split) {
    return unitHash(std::uint64_t(shopper), seed, 0) < split ? 1 : 0;
}

// Whether a control shopper is contaminated (shown the treatment) at the given share.
inline bool contaminated(int shopper, std::uint64_t seed, double share) {
    return share > 0 && unitHash(std::uint64_t(shopper), seed, 0xC0) < share;
}

// Who is treated when: from `firstDay` on, shoppers in the treatment arm (everyone when
// `everyone`) and the contaminated control shoppers.
struct ArmSplit {
    int firstDay = 0;
    std::uint64_t seed = 0;
    double split = 0.5;
    double contamination = 0;
    bool everyone = false;
    bool treated(int day, int shopper) const {
        return day >= firstDay && (everyone || armOf(shopper, seed, split) == 1 ||
                                   contaminated(shopper, seed, contamination));
    }
};

// The search and recommendation hooks split the same way (`control` of a block may be null:
// no block).
class SplitSearchPolicy final : public SearchPolicy {
public:
    SplitSearchPolicy(const SearchPolicy& control, const SearchPolicy& treatment, ArmSplit arms)
        : m_control(control)
        , m_treatment(treatment)
        , m_arms(arms) {}
    std::string name() const override { return "A/B split"; }
    void search(const SearchContext& context, std::vector<int>& results) const override {
        (m_arms.treated(context.day, context.shopper) ? m_treatment : m_control)
            .search(context, results);
    }

private:
    const SearchPolicy& m_control;
    const SearchPolicy& m_treatment;
    ArmSplit m_arms;
};

class SplitRecommendationPolicy final : public RecommendationPolicy {
public:
    SplitRecommendationPolicy(const RecommendationPolicy* control,
                              const RecommendationPolicy& treatment, ArmSplit arms)
        : m_control(control)
        , m_treatment(treatment)
        , m_arms(arms) {}
    std::string name() const override { return "A/B split"; }
    void recommend(const RecommendationContext& context, std::vector<int>& items) const override {
        if (m_arms.treated(context.day, context.shopper))
            m_treatment.recommend(context, items);
        else if (m_control)
            m_control->recommend(context, items);
    }

private:
    const RecommendationPolicy* m_control;
    const RecommendationPolicy& m_treatment;
    ArmSplit m_arms;
};

class SplitMessagingPolicy final : public MessagingPolicy {
public:
    SplitMessagingPolicy(const MessagingPolicy& control, const MessagingPolicy& treatment,
                         ArmSplit arms)
        : m_control(control)
        , m_treatment(treatment)
        , m_arms(arms) {}
    std::string name() const override { return "A/B split"; }
    std::vector<std::int64_t> cartEmailDelays(const CartAbandonment& cart) const override {
        return arm(cart.day, cart.shopper).cartEmailDelays(cart);
    }
    std::vector<std::int64_t> reminderDelays(const ConsumableOrder& order) const override {
        return arm(order.day, order.shopper).reminderDelays(order);
    }
    bool sendReminder(const ReminderDue& due) const override {
        return arm(due.day, due.shopper).sendReminder(due);
    }

private:
    const MessagingPolicy& arm(int day, int shopper) const {
        return m_arms.treated(day, shopper) ? m_treatment : m_control;
    }
    const MessagingPolicy& m_control;
    const MessagingPolicy& m_treatment;
    ArmSplit m_arms;
};

// Treatment from `firstDay` on for shoppers in the treatment arm (everyone when `everyone`) and
// the contaminated control shoppers; the control policy otherwise.
class SplitPolicy final : public ListPolicy {
public:
    SplitPolicy(const ListPolicy& control, const ListPolicy* treatment, int firstDay,
                std::uint64_t seed, double split, double contamination, bool everyone)
        : m_control(control)
        , m_treatment(treatment)
        , m_firstDay(firstDay)
        , m_seed(seed)
        , m_split(split)
        , m_contamination(contamination)
        , m_everyone(everyone) {}
    std::string name() const override { return "A/B split"; }
    void order(const ListContext& context, std::vector<int>& candidates) const override;

private:
    const ListPolicy& m_control;
    const ListPolicy* m_treatment;
    int m_firstDay;
    std::uint64_t m_seed;
    double m_split;
    double m_contamination;
    bool m_everyone;
};

} // namespace merch::experiment
