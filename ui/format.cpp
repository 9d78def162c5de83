#include "format.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace merch::ui {
namespace {

// A fixed English locale: numbers group the same way on every machine and in screenshots.
const QLocale& numberLocale() {
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QDate utcDate(std::int64_t unixSeconds) {
    return QDateTime::fromSecsSinceEpoch(unixSeconds, QTimeZone::utc()).date();
}

} // namespace

QString formatCount(std::int64_t value) {
    return numberLocale().toString(static_cast<qlonglong>(value));
}

QString formatCompact(double value) {
    const double magnitude = std::abs(value);
    if (magnitude >= 1e9)
        return numberLocale().toString(value / 1e9, 'f', 2) + QStringLiteral("B");
    if (magnitude >= 1e6)
        return numberLocale().toString(value / 1e6, 'f', 2) + QStringLiteral("M");
    if (magnitude >= 1e4)
        return numberLocale().toString(value / 1e3, 'f', 1) + QStringLiteral("k");
    return numberLocale().toString(value, 'f', 0);
}

QString formatMoney(double value) {
    return numberLocale().toString(value, 'f', 2);
}

QString formatDollars(double value) {
    const QString magnitude = formatCompact(std::abs(value));
    return (value < 0 ? QStringLiteral("-$") : QStringLiteral("$")) + magnitude;
}

QString formatDay(std::int64_t unixSeconds) {
    return numberLocale().toString(utcDate(unixSeconds), QStringLiteral("MMM d, yyyy"));
}

QString formatDayRange(std::int64_t firstUnixSeconds, std::int64_t lastUnixSeconds) {
    if (firstUnixSeconds <= 0 && lastUnixSeconds <= 0)
        return QStringLiteral("—");
    const QDate first = utcDate(firstUnixSeconds);
    const QDate last = utcDate(lastUnixSeconds);
    if (first == last)
        return formatDay(lastUnixSeconds);
    const QString firstFormat =
        first.year() == last.year() ? QStringLiteral("MMM d") : QStringLiteral("MMM d, yyyy");
    return numberLocale().toString(first, firstFormat) + QStringLiteral(" – ") +
           formatDay(lastUnixSeconds);
}

QString formatPercent(double fraction) {
    return numberLocale().toString(fraction * 100.0, 'f', 1) + QStringLiteral("%");
}

QString auditFieldLabel(const std::string& field) {
    if (field == "gtin")
        return QStringLiteral("GTIN");
    QString label = QString::fromStdString(field);
    if (!label.isEmpty())
        label[0] = label[0].toUpper();
    return label;
}

} // namespace merch::ui
