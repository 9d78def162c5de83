// STAN: Sequence and Time Aware Neighborhood (Garg, Gupta, Malhotra, Vig, Shroff; SIGIR 2019).
#pragma once

#include "merch/recommender.h"

namespace merch::recommend {

// Session kNN with the paper's three decays:
//  1. the current session s of length l is a vector whose item at position p (1-based) weighs
//     w1 = exp((p - l) / lambda1) (a repeated item keeps its most recent position);
//  2. a past session n is similar to s by sim(s, n) = sum of w1 over the items they share /
//     sqrt(|s| |n|) (|.| = distinct items), times w2 = exp(-(t(s) - t(n)) / lambda2) where t is
//     the time of a session's last interaction; the k most similar of the `sampleSize` most
//     recent sessions sharing an item with s are the neighbours;
//  3. a neighbour votes for each of its items i with sim * w2 * w3, where
//     w3 = exp(-|p(i, n) - p(r, n)| / lambda3) and r is the most recent item of s that n also
//     holds (an item repeated in n takes its nearest position).
// t(s) is taken as the end of training: every test session comes after it, so the true t(s)
// would multiply all of a session's neighbours by the same factor and change no ranking.
std::unique_ptr<Recommender> makeStan(const RecommenderParams& params);

} // namespace merch::recommend
