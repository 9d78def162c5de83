#include "experiment/split_policy.h"

namespace merch::experiment {

double unitHash(std::uint64_t key, std::uint64_t seed, std::uint64_t salt) {
    std::uint64_t x = key * 0x9E3779B97F4A7C15ULL ^ (seed + 0x5851F42D4C957F2DULL);
    x ^= salt * 0xD1B54A32D192ED03ULL;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
    x ^= x >> 31;
    return double(x >> 11) * 0x1.0p-53;
}

void SplitPolicy::order(const ListContext& context, std::vector<int>& candidates) const {
    bool treated = false;
    if (m_treatment && context.day >= m_firstDay) {
        treated = m_everyone || armOf(context.shopper, m_seed, m_split) == 1 ||
                  contaminated(context.shopper, m_seed, m_contamination);
    }
    (treated ? *m_treatment : m_control).order(context, candidates);
}

} // namespace merch::experiment
