#include "jobs/store_snapshot.h"

#include <QFileInfo>

#include "merch/workspace.h"

namespace merch::ui {

QString StoreSnapshot::fileName() const {
    return QFileInfo(path).fileName();
}

merch::Result<SnapshotPtr> readSnapshot(const std::string& path) {
    auto workspace = merch::Workspace::open(path);
    if (!workspace)
        return workspace.status();
    auto products = (*workspace)->loadProducts();
    if (!products)
        return products.status();
    auto summary = (*workspace)->summary();
    if (!summary)
        return summary.status();

    auto snapshot = std::make_shared<StoreSnapshot>();
    snapshot->path = QString::fromStdString(path);
    snapshot->products =
        std::make_shared<const std::vector<merch::Product>>(std::move(products).value());
    snapshot->summary = std::move(summary).value();
    return SnapshotPtr(std::move(snapshot));
}

SnapshotPtr withPath(const SnapshotPtr& snapshot, const QString& path) {
    auto copy = std::make_shared<StoreSnapshot>(*snapshot);
    copy->path = path;
    return copy;
}

} // namespace merch::ui
