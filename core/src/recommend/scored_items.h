// Keeping the best of a list of scored items, in the order every recommender returns them:
// higher score first, ties by the lower item index (so results are deterministic).
#pragma once

#include <algorithm>
#include <utility>
#include <vector>

#include "merch/recommender.h"

namespace merch::recommend {

inline bool betterScored(const ScoredItem& a, const ScoredItem& b) {
    return a.score != b.score ? a.score > b.score : a.item < b.item;
}

// Sorts `items` best first and keeps at most `count` of them.
inline void keepBest(std::vector<ScoredItem>& items, std::size_t count) {
    if (items.size() > count) {
        std::partial_sort(items.begin(), items.begin() + std::ptrdiff_t(count), items.end(),
                          betterScored);
        items.resize(count);
    } else {
        std::sort(items.begin(), items.end(), betterScored);
    }
}

// Session-kNN neighbours (session index, similarity): keeps the `count` most similar, ties by the
// more recent session (the higher index), best first; a list of at most `count` stays as it is.
inline void keepNearestSessions(std::vector<std::pair<int, double>>& sessions, std::size_t count) {
    if (sessions.size() <= count)
        return;
    std::partial_sort(sessions.begin(), sessions.begin() + std::ptrdiff_t(count), sessions.end(),
                      [](const auto& a, const auto& b) {
                          return a.second != b.second ? a.second > b.second : a.first > b.first;
                      });
    sessions.resize(count);
}

} // namespace merch::recommend
