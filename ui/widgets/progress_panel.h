// ProgressPanel: a centred title, progress bar, stage line and Cancel button for a page or a
// wizard step whose only content, for now, is a job in progress. It shows progress; the owner
// decides what Cancel does (cancelRequested()).
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace merch::ui {

class ProgressPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProgressPanel(QWidget* parent = nullptr);

    // Starts over: the title, an empty bar, "Starting" and an enabled Cancel.
    void start(const QString& title, bool cancellable = true);
    // value in 0..maximum; maximum 0 shows a busy bar.
    void setProgress(int value, int maximum, const QString& stage);
    // Cancel was pressed: the button is disabled and the stage reads "Cancelling…".
    void showCancelling();

    QString title() const;
    QString stage() const;
    QProgressBar* bar() const { return m_bar; }
    QPushButton* cancelButton() const { return m_cancel; }

signals:
    void cancelRequested();

private:
    QLabel* m_title;
    QProgressBar* m_bar;
    QLabel* m_stage;
    QPushButton* m_cancel;
};

} // namespace merch::ui
