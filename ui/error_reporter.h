// How the window tells the user that something failed. The default shows a modal QMessageBox
// with the engine's Status message and the details folded away; tests and the screenshot mode
// install their own reporter instead.
#pragma once

#include <QString>

#include <functional>

class QWidget;

namespace merch::ui {

struct ErrorReport {
    QString title;   // "Could not open store.csv"
    QString message; // the engine's Status message, in a sentence
    QString details; // folded away: code, path
};

using ErrorReporter = std::function<void(const ErrorReport&)>;

// A reporter that shows a warning QMessageBox over `parent`.
ErrorReporter messageBoxReporter(QWidget* parent);

} // namespace merch::ui
