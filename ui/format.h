// Number and date formatting shared by the pages: one place decides how counts, money and
// day ranges read on screen (and on a projector).
#pragma once

#include <QString>

#include <cstdint>
#include <string>

namespace merch::ui {

// 59812 -> "59,812".
QString formatCount(std::int64_t value);
// 1234567 -> "1.23M", 45210 -> "45.2k", 812 -> "812".
QString formatCompact(double value);
// 1234.5 -> "1,234.50" (store currency, no symbol: imported stores may use any currency).
QString formatMoney(double value);
// Cost figures in US dollars, compact: 52310 -> "$52.3k", -1.2e6 -> "-$1.20M".
QString formatDollars(double value);
// Unix seconds (UTC) -> "Jan 5, 2026".
QString formatDay(std::int64_t unixSeconds);
// "Jan 5 – Apr 4, 2026", or "—" when there are no events.
QString formatDayRange(std::int64_t firstUnixSeconds, std::int64_t lastUnixSeconds);
// 0.1234 -> "12.3%".
QString formatPercent(double fraction);
// An audit field for people: "color" -> "Color", "gtin" -> "GTIN".
QString auditFieldLabel(const std::string& field);

} // namespace merch::ui
