#include "import_test_support.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QWidget>

#include <sstream>

#include "app_style.h"
#include "merch/catalog_importers.h"
#include "merch/import_store.h"
#include "merch/workspace.h"

namespace merch::test {

const char* const kShopifyCsv =
    "Handle,Title,Body (HTML),Vendor,Type,Tags,Option1 Name,Option1 Value,Variant SKU,"
    "Variant Price,Image Src\n"
    "tee,Organic Tee,<p>Soft organic cotton tee</p>,Northwind,Apparel,\"tees, cotton\",Size,M,"
    "TEE-M,19.00,https://example.com/tee.jpg\n"
    "tee,,,,,,,L,TEE-L,19.00,\n"
    "mug,Stoneware Mug,<p>A mug</p>,Fjord,Kitchen,mugs,Title,Default Title,MUG-1,abc,\n"
    "cap,Trail Cap,<p>A cap</p>,Northwind,Apparel,caps,Title,Default Title,CAP-1,12.50,\n";

const char* const kOtherShopifyCsv = "Handle,Title,Variant Price\nhat,Wool Hat,25\n";

const char* const kEventsCsv = "timestamp,session_id,visitor_id,event,product_id,price\n"
                               "1767607200,s1,v1,view,tee,\n"
                               "1767607260,s1,v1,add_to_cart,tee,19.00\n"
                               "1767607320,s1,v1,purchase,tee,19.00\n"
                               "1767610000,s2,v2,view,cap,\n"
                               "1767610100,s2,v2,view,ghost,\n";

bool writeFile(const QString& path, const QByteArray& content) {
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

merch::ui::SnapshotPtr newStore(const QString& path, const char* catalogCsv) {
    QFile::remove(path);
    auto workspace = merch::Workspace::create(path.toStdString());
    if (!workspace)
        return nullptr;
    if (catalogCsv) {
        std::istringstream in(catalogCsv);
        merch::ImportOptions options;
        options.fileName = "catalog.csv";
        auto imported = merch::importShopifyCatalog(in, options, {});
        if (!imported ||
            !merch::saveCatalogImport(**workspace, *imported, merch::ImportMode::Append, {}))
            return nullptr;
    }
    workspace->reset();
    auto snapshot = merch::ui::readSnapshot(path.toStdString());
    return snapshot ? *snapshot : nullptr;
}

int productCount(const QString& workspace) {
    auto opened = merch::Workspace::open(workspace.toStdString());
    if (!opened)
        return -1;
    auto products = (*opened)->loadProducts();
    return products ? static_cast<int>(products->size()) : -1;
}

std::int64_t eventCount(const QString& workspace) {
    auto opened = merch::Workspace::open(workspace.toStdString());
    if (!opened)
        return -1;
    auto summary = (*opened)->summary();
    return summary ? summary->events : -1;
}

int importCount(const QString& workspace) {
    auto opened = merch::Workspace::open(workspace.toStdString());
    if (!opened)
        return -1;
    auto imports = (*opened)->imports();
    return imports ? static_cast<int>(imports->size()) : -1;
}

void applyScreenshotStyle() {
    if (!qEnvironmentVariableIsEmpty("MERCH_SCREENSHOT_DIR"))
        merch::ui::applyAppStyle(*qApp);
}

void saveShot(QWidget* widget, const QString& name) {
    const QString dir = qEnvironmentVariable("MERCH_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QApplication::processEvents();
    widget->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")), "PNG");
}

} // namespace merch::test
