// Clusters tag spellings that mean the same thing (case, spacing, plurals, one-letter slips).
#pragma once

#include <vector>

#include "merch/audit.h"

namespace merch::audit {

struct TagClustering {
    std::vector<TagCluster> clusters;  // clusters with more than one spelling
    std::vector<std::size_t> affected; // products using a non-suggested spelling
};

TagClustering clusterTags(const std::vector<Product>& products);

} // namespace merch::audit
