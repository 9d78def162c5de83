#include "audit/tag_clusters.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "audit/text_checks.h"

namespace merch::audit {

namespace {

struct UnionFind {
    std::vector<std::size_t> parent;
    explicit UnionFind(std::size_t n)
        : parent(n) {
        std::iota(parent.begin(), parent.end(), 0);
    }
    std::size_t find(std::size_t x) {
        while (parent[x] != x)
            x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(std::size_t a, std::size_t b) { parent[find(a)] = find(b); }
};

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

} // namespace

TagClustering clusterTags(const std::vector<Product>& products) {
    // key -> spelling -> products using it
    std::map<std::string, std::map<std::string, std::vector<std::size_t>>> byKey;
    for (std::size_t p = 0; p < products.size(); ++p) {
        for (const auto& tag : splitTags(products[p].tags)) {
            // "a, b" is the usual separator: the space after a comma is not a spelling.
            const std::string spelling = trimmed(tag);
            const std::string key = tagKey(spelling);
            if (!key.empty())
                byKey[key][spelling].push_back(p);
        }
    }
    std::vector<std::string> keys;
    for (const auto& [key, spellings] : byKey)
        keys.push_back(key);
    // Near-duplicate keys: one edit apart, long enough not to merge "tee" and "tea", and not a
    // word and its extension ("chocolate" and "chocolatey" are different tags).
    UnionFind groups(keys.size());
    const auto extends = [](const std::string& a, const std::string& b) {
        return a.size() != b.size() &&
               (a.size() < b.size() ? b.rfind(a, 0) == 0 : a.rfind(b, 0) == 0);
    };
    for (std::size_t a = 0; a < keys.size(); ++a) {
        if (keys[a].size() < 6)
            continue;
        for (std::size_t b = a + 1; b < keys.size(); ++b) {
            if (keys[b].size() >= 6 && !extends(keys[a], keys[b]) &&
                withinOneEdit(keys[a], keys[b]))
                groups.unite(a, b);
        }
    }
    std::map<std::size_t, std::map<std::string, std::vector<std::size_t>>> merged;
    for (std::size_t k = 0; k < keys.size(); ++k) {
        for (const auto& [spelling, users] : byKey[keys[k]]) {
            auto& target = merged[groups.find(k)][spelling];
            target.insert(target.end(), users.begin(), users.end());
        }
    }

    TagClustering result;
    std::set<std::size_t> affected;
    for (const auto& [root, spellings] : merged) {
        if (spellings.size() < 2)
            continue;
        std::vector<std::pair<std::string, std::size_t>> ranked;
        for (const auto& [spelling, users] : spellings)
            ranked.emplace_back(spelling, users.size());
        std::stable_sort(ranked.begin(), ranked.end(),
                         [](const auto& a, const auto& b) { return a.second > b.second; });
        TagCluster cluster;
        cluster.suggested = trimmed(ranked.front().first);
        std::set<std::size_t> users;
        for (const auto& [spelling, count] : ranked) {
            cluster.spellings.push_back(spelling);
            if (spelling == ranked.front().first)
                continue;
            for (std::size_t p : spellings.at(spelling))
                users.insert(p);
        }
        cluster.products = std::int64_t(users.size());
        affected.insert(users.begin(), users.end());
        result.clusters.push_back(std::move(cluster));
    }
    std::stable_sort(
        result.clusters.begin(), result.clusters.end(),
        [](const TagCluster& a, const TagCluster& b) { return a.products > b.products; });
    result.affected.assign(affected.begin(), affected.end());
    return result;
}

} // namespace merch::audit
