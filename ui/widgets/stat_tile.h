// StatTile: one headline number with its caption ("59,812" over "Sessions"), as a card.
#pragma once

#include <QFrame>

class QLabel;

namespace merch::ui {

class StatTile : public QFrame {
    Q_OBJECT
public:
    explicit StatTile(const QString& caption, QWidget* parent = nullptr);

    void setValue(const QString& value, const QString& toolTip = {});
    QString value() const;
    void setCaption(const QString& caption);
    QString caption() const;

private:
    QLabel* m_value;
    QLabel* m_caption;
};

} // namespace merch::ui
