// StoreSnapshot: everything the pages show about one workspace, read once in a worker thread
// and then shared, immutable, by every page (std::shared_ptr<const StoreSnapshot>).
#pragma once

#include <QString>

#include <memory>
#include <string>
#include <vector>

#include "merch/product.h"
#include "merch/status.h"
#include "merch/store_summary.h"

namespace merch::ui {

struct StoreSnapshot {
    QString path; // the workspace file the snapshot was read from
    std::shared_ptr<const std::vector<merch::Product>> products;
    merch::StoreSummary summary;

    QString fileName() const;
    bool isEmpty() const { return summary.products == 0 && summary.events == 0; }
};

using SnapshotPtr = std::shared_ptr<const StoreSnapshot>;

// Opens `path` with its own Workspace connection (call it from the job's thread), loads the
// products and the summary, and closes the connection again.
merch::Result<SnapshotPtr> readSnapshot(const std::string& path);

// The same store under another file name (after Save As): shares the products, no re-read.
SnapshotPtr withPath(const SnapshotPtr& snapshot, const QString& path);

} // namespace merch::ui
