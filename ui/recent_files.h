// RecentFiles: the "Open Recent" list kept in QSettings, most recent first, at most kMaximum
// entries. Files that no longer exist are pruned whenever the list is read.
#pragma once

#include <QString>
#include <QStringList>

namespace merch::ui {

class RecentFiles {
public:
    static constexpr int kMaximum = 8;

    // Existing files, most recent first (missing ones are dropped from the settings too).
    static QStringList list();
    // Moves `path` to the front.
    static void add(const QString& path);
    static void remove(const QString& path);
    static void clear();
};

} // namespace merch::ui
