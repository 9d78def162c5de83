#include "recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace merch::ui {
namespace {

const QString kKey = QStringLiteral("recentFiles");

QStringList stored() {
    return QSettings().value(kKey).toStringList();
}

void store(const QStringList& files) {
    QSettings().setValue(kKey, files);
}

QString normalized(const QString& path) {
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

QStringList RecentFiles::list() {
    const QStringList files = stored();
    QStringList existing;
    for (const QString& file : files) {
        if (QFileInfo(file).isFile() && !existing.contains(file))
            existing << file;
    }
    while (existing.size() > kMaximum)
        existing.removeLast();
    if (existing != files)
        store(existing);
    return existing;
}

void RecentFiles::add(const QString& path) {
    const QString file = normalized(path);
    QStringList files = stored();
    files.removeAll(file);
    files.prepend(file);
    while (files.size() > kMaximum)
        files.removeLast();
    store(files);
}

void RecentFiles::remove(const QString& path) {
    QStringList files = stored();
    files.removeAll(normalized(path));
    store(files);
}

void RecentFiles::clear() {
    store({});
}

} // namespace merch::ui
