#include "error_reporter.h"

#include <QMessageBox>
#include <QPointer>

namespace merch::ui {

ErrorReporter messageBoxReporter(QWidget* parent) {
    QPointer<QWidget> owner(parent);
    return [owner](const ErrorReport& report) {
        QMessageBox box(QMessageBox::Warning, report.title, report.message, QMessageBox::Ok,
                        owner.data());
        box.setObjectName(QStringLiteral("errorMessageBox"));
        if (!report.details.isEmpty())
            box.setDetailedText(report.details);
        box.exec();
    };
}

} // namespace merch::ui
