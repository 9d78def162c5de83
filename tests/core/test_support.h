// Small helpers shared by the core test suites.
#pragma once

#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QTest>

#include <string>

#include "merch/status.h"

namespace merch::test {

inline QByteArray fileHash(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
}

inline std::string stdPath(const QString& path) {
    return path.toStdString();
}

} // namespace merch::test

// QVERIFY for a Status or Result, printing its message when it fails.
#define MERCH_VERIFY_OK(expr)                                                                      \
    do {                                                                                           \
        const auto& merchResult_ = (expr);                                                         \
        QVERIFY2(merchResult_.isOk(), merchResultMessage(merchResult_).c_str());                   \
    } while (false)

inline std::string merchResultMessage(const merch::Status& status) {
    return status.toString();
}
template <typename T>
std::string merchResultMessage(const merch::Result<T>& result) {
    return result.isOk() ? std::string("ok") : result.status().toString();
}
