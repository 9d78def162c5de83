// Session kNN: the reference V-SKNN (Ludewig & Jannach 2018) and our tuned variant.
#pragma once

#include "merch/recommender.h"

namespace merch::recommend {

// V-SKNN as published: the current session is a vector whose last item weighs 1 and earlier
// items decay linearly with position; candidate neighbours are the most recent `sampleSize`
// past sessions sharing an item with it; similarity is the dot product with a neighbour's
// binary vector; the k most similar neighbours vote for their items with their similarity.
std::unique_ptr<Recommender> makeVsknn(const RecommenderParams& params);

// Our variant: V-SKNN plus inverse-document-frequency weights on the shared items, and votes
// that decay with the distance, inside the neighbour session, from the last shared item (items
// right after it count most), so a neighbour says what people did next.
std::unique_ptr<Recommender> makeSknnPlus(const RecommenderParams& params);

} // namespace merch::recommend
