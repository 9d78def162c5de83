// What the merchsim executable does once its command line is parsed: style the app, open the
// requested workspace (or the most recent one, or the first-start demo store), and in
// screenshot mode wait for the store, show a page, save a PNG of the window and quit.
#pragma once

#include <QSize>
#include <QString>

class QApplication;

namespace merch::ui {

struct StartupOptions {
    QString workspace;  // --workspace FILE (or the positional FILE); empty: recent or demo
    QString screenshot; // --screenshot FILE.png; empty: run interactively
    QString page = QStringLiteral("Store"); // --page NAME (case-insensitive)
    QSize screenshotSize{1400, 900};
};

// Sets the organization and application names QSettings and QStandardPaths use.
void setApplicationIdentity();
// Runs the GUI until it quits; returns the process exit code.
int runApplication(QApplication& app, const StartupOptions& options);

} // namespace merch::ui
