// FilePreview: what the import wizard shows about a file before importing it: its first rows
// split into fields, its encoding, and the format the engine's table recognises in its name
// and first 64 KiB (merch::detectImportFormat).
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <string>

#include "merch/import_formats.h"

namespace merch::ui {

struct FilePreview {
    static constexpr qint64 kHeadBytes = 64 * 1024; // what detection and the preview read

    QString path;
    QString error;          // why there is no preview (cannot read, empty, not text); empty: fine
    std::string head;       // the file's first bytes, at most kHeadBytes
    qint64 size = 0;        // of the whole file, in bytes
    QString encoding;       // "UTF-8", "Windows-1252", ...
    bool delimited = false; // rows split into fields; otherwise one line per row
    QChar delimiter;
    QStringList header;      // the first row's fields (or "Line" when not delimited)
    QList<QStringList> rows; // the rows after the header, at most maxRows
    merch::DetectedFormat detected;
};

// Reads the first kHeadBytes of `path`; fast enough to call on the UI thread.
FilePreview readFilePreview(const QString& path, int maxRows = 20);

// "comma", "tab", ... for the preview's note.
QString delimiterName(QChar delimiter);

} // namespace merch::ui
