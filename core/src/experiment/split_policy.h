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
