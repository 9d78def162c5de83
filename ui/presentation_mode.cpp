#include "presentation_mode.h"

#include <QAction>
#include <QApplication>
#include <QKeyEvent>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>

#include "app_style.h"
#include "main_window.h"
#include "page_catalog.h"

namespace merch::ui {

namespace {
const char* const kEditingProperty = "merchEditing";
}

void markAsEditing(QWidget* panel) {
    panel->setProperty(kEditingProperty, true);
}

PresentationMode::PresentationMode(MainWindow* window, QMenu* menu)
    : QObject(window)
    , m_window(window)
    , m_action(menu->addAction(tr("&Presentation Mode"))) {
    m_action->setObjectName(QStringLiteral("presentationModeAction"));
    m_action->setCheckable(true);
    m_action->setShortcut(QKeySequence(Qt::Key_F5));
    m_action->setShortcutContext(Qt::ApplicationShortcut);
    // The menu bar is hidden while presenting, so the shortcut must live on the window too.
    window->addAction(m_action);
    connect(m_action, &QAction::toggled, this, &PresentationMode::setActive);
    qApp->installEventFilter(this);
}

void PresentationMode::setActive(bool active) {
    if (active == m_active)
        return;
    m_active = active;
    {
        const QSignalBlocker blocker(m_action);
        m_action->setChecked(active);
    }
    if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
        setAppTypeScale(*app, active ? kTypeScale : 1.0);
    showEditing(!active);
    m_window->menuBar()->setVisible(!active);
    m_window->statusBar()->setVisible(!active);
    if (active) {
        m_wasMaximized = m_window->isMaximized();
        m_window->showFullScreen();
    } else if (m_wasMaximized) {
        m_window->showMaximized();
    } else {
        m_window->showNormal();
    }
}

void PresentationMode::showEditing(bool show) {
    if (show) {
        for (QWidget* panel : std::as_const(m_hidden))
            panel->show();
        m_hidden.clear();
        return;
    }
    for (QWidget* panel : m_window->findChildren<QWidget*>()) {
        if (panel->property(kEditingProperty).toBool() && !panel->isHidden()) {
            panel->hide();
            m_hidden << panel;
        }
    }
}

void PresentationMode::step(int delta) {
    const int count = static_cast<int>(pageCatalog().size());
    const int next = (m_window->currentPage() + delta + count) % count;
    m_window->showPage(pageCatalog()[static_cast<std::size_t>(next)].name);
}

bool PresentationMode::eventFilter(QObject* watched, QEvent* event) {
    if (!m_active || event->type() != QEvent::KeyPress)
        return QObject::eventFilter(watched, event);
    // Arrow keys keep their meaning inside editors, lists and tables.
    const QWidget* focus = QApplication::focusWidget();
    const bool editing =
        focus && (focus->inherits("QAbstractSpinBox") || focus->inherits("QLineEdit") ||
                  focus->inherits("QAbstractItemView") || focus->inherits("QComboBox"));
    switch (static_cast<QKeyEvent*>(event)->key()) {
    case Qt::Key_Escape:
        setActive(false);
        return true;
    case Qt::Key_PageDown:
        step(1);
        return true;
    case Qt::Key_PageUp:
        step(-1);
        return true;
    case Qt::Key_Right:
        if (editing)
            break;
        step(1);
        return true;
    case Qt::Key_Left:
        if (editing)
            break;
        step(-1);
        return true;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace merch::ui
