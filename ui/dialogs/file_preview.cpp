#include "dialogs/file_preview.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include "merch/csv_reader.h"
#include "merch/text_decoding.h"

namespace merch::ui {
namespace {

constexpr int kFieldShown = 120; // characters of a field in the preview

QString tr(const char* text) {
    return QCoreApplication::translate("FilePreview", text);
}

QString shown(const std::string& field) {
    QString text = QString::fromStdString(field).simplified();
    if (text.size() > kFieldShown)
        text = text.left(kFieldShown) + QStringLiteral("…");
    return text;
}

// The head cut after its last complete line, so a multi-byte character or a row split by the
// 64 KiB limit does not look like an encoding error or a broken row.
std::string completeLines(const std::string& head, bool wholeFile) {
    if (wholeFile)
        return head;
    const auto end = head.find_last_of('\n');
    return end == std::string::npos ? head : head.substr(0, end + 1);
}

void splitRows(FilePreview& preview, const std::string& text, int maxRows) {
    const merch::CsvDialect dialect = merch::detectDialect(text);
    merch::CsvReader reader(text, dialect);
    merch::CsvRecord record;
    std::string error;
    if (reader.next(record, error) && record.fields.size() >= 2) {
        preview.delimited = true;
        preview.delimiter = QLatin1Char(dialect.delimiter);
        for (const std::string& field : record.fields)
            preview.header << shown(field);
        while (preview.rows.size() < maxRows && reader.next(record, error)) {
            QStringList row;
            for (const std::string& field : record.fields)
                row << shown(field);
            preview.rows << row;
        }
        return;
    }
    // Not a delimited text (JSON lines, XML, one column): show its lines as they are.
    preview.header << tr("Line");
    qsizetype start = 0;
    const QString all = QString::fromStdString(text);
    while (preview.rows.size() <= maxRows && start < all.size()) {
        qsizetype end = all.indexOf(QLatin1Char('\n'), start);
        if (end < 0)
            end = all.size();
        const QString line = all.mid(start, end - start).trimmed();
        if (!line.isEmpty())
            preview.rows << QStringList{line.left(kFieldShown * 2)};
        start = end + 1;
    }
}

} // namespace

FilePreview readFilePreview(const QString& path, int maxRows) {
    FilePreview preview;
    preview.path = path;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        preview.error =
            tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return preview;
    }
    preview.size = file.size();
    const QByteArray bytes = file.read(FilePreview::kHeadBytes);
    preview.head.assign(bytes.constData(), static_cast<std::size_t>(bytes.size()));
    const std::string fileName = QFileInfo(path).fileName().toStdString();
    preview.detected = merch::detectImportFormat(fileName, preview.head);
    if (preview.head.empty()) {
        preview.error = tr("%1 is empty.").arg(QFileInfo(path).fileName());
        return preview;
    }
    auto decoded =
        merch::decodeText(completeLines(preview.head, preview.size <= bytes.size()), fileName);
    if (!decoded) {
        preview.error = QString::fromStdString(decoded.status().message());
        return preview;
    }
    preview.encoding = QString::fromStdString(decoded->encoding);
    splitRows(preview, decoded->text, maxRows);
    return preview;
}

QString delimiterName(QChar delimiter) {
    switch (delimiter.unicode()) {
    case ',':
        return tr("comma");
    case ';':
        return tr("semicolon");
    case '\t':
        return tr("tab");
    case '|':
        return tr("pipe");
    default:
        return QStringLiteral("‘%1’").arg(delimiter);
    }
}

} // namespace merch::ui
