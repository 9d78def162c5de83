// PresentationMode: the app on a projector. View > Presentation Mode (F5) turns the window
// full screen with every type size 1.35x, the menu and status bars and the pages' editing
// panels (markAsEditing) hidden; the arrow and
// Page Up/Down keys move between the workflow's pages and Esc (or F5) returns to normal.
#pragma once

#include <QObject>

class QAction;
class QMenu;
class QWidget;

namespace merch::ui {

class MainWindow;

// Marks a page's settings or inputs panel: presentation mode hides it, so the audience sees
// the results, not the form.
void markAsEditing(QWidget* panel);

class PresentationMode : public QObject {
    Q_OBJECT
public:
    static constexpr double kTypeScale = 1.35;

    // Adds the toggle to `menu` and watches the window's keys.
    PresentationMode(MainWindow* window, QMenu* menu);

    bool isActive() const { return m_active; }
    void setActive(bool active);
    QAction* action() const { return m_action; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void step(int delta);

    void showEditing(bool show);

    MainWindow* m_window;
    QAction* m_action;
    QList<QWidget*> m_hidden; // editing panels hidden while presenting
    bool m_active = false;
    bool m_wasMaximized = false;
};

} // namespace merch::ui
