// Helpers shared by the import GUI tests: small store exports as fixtures, a new workspace
// (optionally holding a catalog) as the snapshot the window would hand over, counts read back
// from a workspace, and screenshots of dialogs when MERCH_SCREENSHOT_DIR is set.
#pragma once

#include <QString>

#include <cstdint>

#include "jobs/store_snapshot.h"

class QWidget;

namespace merch::test {

// Three Shopify products (one with two variants); the mug's price is "abc" (line 4).
extern const char* const kShopifyCsv;
// One other product, to replace a catalog with.
extern const char* const kOtherShopifyCsv;
// Five generic events in two sessions; the last names a product no catalog has.
extern const char* const kEventsCsv;

// Writes `content` to `path`; false when it could not.
bool writeFile(const QString& path, const QByteArray& content);
// A new workspace at `path` (replacing a file there) holding `catalogCsv` imported by the
// engine as "catalog.csv" when given, read back as a snapshot; null on failure.
merch::ui::SnapshotPtr newStore(const QString& path, const char* catalogCsv = nullptr);

int productCount(const QString& workspace);
std::int64_t eventCount(const QString& workspace);
int importCount(const QString& workspace);

// With MERCH_SCREENSHOT_DIR set, saves `widget` there as `name`.png (and styles the app as
// the real one looks: call applyScreenshotStyle() first).
void saveShot(QWidget* widget, const QString& name);
void applyScreenshotStyle();

} // namespace merch::test
