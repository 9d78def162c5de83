// Card: a white, rounded panel with a title, holding one body widget.
#pragma once

#include <QFrame>

class QLabel;
class QVBoxLayout;

namespace merch::ui {

class Card : public QFrame {
    Q_OBJECT
public:
    explicit Card(const QString& title, QWidget* parent = nullptr);

    // Adds `widget` below the title (and below earlier widgets) with the given stretch.
    void addWidget(QWidget* widget, int stretch = 0);
    void setTitle(const QString& title);
    // A short muted note under the title ("Jan 5 – Apr 4, 2026 · 90 days").
    void setNote(const QString& note);
    QString note() const;

private:
    QLabel* m_title;
    QLabel* m_note;
    QVBoxLayout* m_layout;
};

} // namespace merch::ui
