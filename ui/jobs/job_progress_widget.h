// JobProgressWidget: shows the StoreLoader's running job (label, stage, progress bar) with a
// Cancel button that cancels the job, which makes the engine's RunControl.progress return false.
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace merch::ui {

class StoreLoader;

class JobProgressWidget : public QWidget {
    Q_OBJECT
public:
    enum class Size {
        Compact, // one line for the status bar; hides itself when no job runs
        Large,   // a centered panel for a page that has nothing else to show yet
    };
    JobProgressWidget(StoreLoader* loader, Size size, QWidget* parent = nullptr);

    QPushButton* cancelButton() const { return m_cancel; }

private:
    void onStarted(const QString& label, bool cancellable);
    void onProgress(int value, int maximum, const QString& stage);
    void onFinished();

    StoreLoader* m_loader;
    Size m_size;
    QLabel* m_label;
    QLabel* m_stage;
    QProgressBar* m_bar;
    QPushButton* m_cancel;
};

} // namespace merch::ui
