#include "merch/price_points.h"

namespace merch {

const std::vector<PricePoint>& publishedPricePoints() {
    static const std::vector<PricePoint> points = {
        {"saasPer1kSearches", "Algolia Grow: search requests beyond 10k a month free", 0.50,
         "$ per 1k requests", "algolia.com/pricing (Grow plan, as summarised in 2025)", "2025"},
        {"saasPer1kRecords", "Algolia Grow: records beyond 100k free", 0.40, "$ per 1k records",
         "algolia.com/pricing (Grow plan, as summarised in 2025)", "2025"},
        {"saasMinimumMonthly", "Nosto legacy (Classic) plans: minimum fee", 99, "$ a month",
         "help.nosto.com: Terms of Use change 1st of January 2019", "2019-01-01"},
        {"saasRevenueShare",
         "Nosto legacy plans: fee on same-session attributed gross revenue (rate illustrative: "
         "not published; enter your quote)",
         0.02, "share of attributed revenue", "nosto.com/payment-terms", "2026"},
        {"activeProfiles", "Klaviyo: email plans priced by active profiles", 0, "tier by profiles",
         "help.klaviyo.com: billing changes effective 2025-02-18", "2025-02-18"},
        {"vmPerHour", "General-purpose VM (2 vCPU, on demand)", 0.08, "$ an hour",
         "the brief; cloud on-demand list prices", "2026"},
        {"cacheMonthly", "Managed serverless cache (ElastiCache Serverless, Redis OSS, 1 GB floor)",
         91, "$ a month", "usage.ai: ElastiCache Serverless pricing (US East)", "2026-06"},
        {"embeddingPer1MTokens", "Embeddings (OpenAI text-embedding-3-small)", 0.02,
         "$ per 1M tokens", "tokenprice.fyi snapshot of developers.openai.com", "2026-07-03"},
    };
    return points;
}

} // namespace merch
