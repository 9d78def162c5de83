// EmptyState: what an area shows when it has nothing to show yet: a title, one or two
// sentences, and optional buttons leading to the next step. Never a blank grey rectangle.
#pragma once

#include <QWidget>

class QLabel;
class QHBoxLayout;
class QPushButton;

namespace merch::ui {

class EmptyState : public QWidget {
    Q_OBJECT
public:
    EmptyState(const QString& title, const QString& text, QWidget* parent = nullptr);

    void setTitle(const QString& title);
    void setText(const QString& text);
    QString text() const;
    QPushButton* addButton(const QString& label, bool primary = false);

private:
    QLabel* m_title;
    QLabel* m_text;
    QHBoxLayout* m_buttons;
};

} // namespace merch::ui
