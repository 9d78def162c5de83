#include "dialogs/import_wizard_state.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace merch::ui {

ImportRequest ImportWizardState::request() const {
    ImportRequest request;
    request.filePath = QFileInfo(filePath).absoluteFilePath().toStdString();
    if (format) {
        request.formatName = format->name;
        request.kind = format->kind;
    }
    request.mode = createsStore() ? merch::ImportMode::Append : mode;
    request.workspacePath = QFileInfo(workspacePath()).absoluteFilePath().toStdString();
    request.createWorkspace = createsStore();
    if (needsMapping())
        request.mapping = mapping;
    return request;
}

QString wizardTitle(const QString& text) {
    return QStringLiteral("<span style=\"font-size: 15pt; font-weight: 600;\">%1</span>")
        .arg(text.toHtmlEscaped());
}

QString kindNoun(merch::ImportKind kind) {
    return kind == merch::ImportKind::Catalog
               ? QCoreApplication::translate("ImportWizard", "catalog")
               : QCoreApplication::translate("ImportWizard", "events");
}

QString kindItems(merch::ImportKind kind) {
    return kind == merch::ImportKind::Catalog
               ? QCoreApplication::translate("ImportWizard", "products")
               : QCoreApplication::translate("ImportWizard", "events");
}

} // namespace merch::ui
