// PresentationMode: the app on a projector. View > Presentation Mode (F5) turns the window
// full screen with every type size 1.35x and the menu and status bars hidden; the arrow and
// Page Up/Down keys move between the workflow's pages and Esc (or F5) returns to normal.
#pragma once

#include <QObject>

class QAction;
class QMenu;

namespace merch::ui {

class MainWindow;

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

    MainWindow* m_window;
    QAction* m_action;
    bool m_active = false;
    bool m_wasMaximized = false;
};

} // namespace merch::ui
