#include "widgets/card.h"

#include <QBoxLayout>
#include <QLabel>

namespace merch::ui {

Card::Card(const QString& title, QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(title, this))
    , m_note(new QLabel(this))
    , m_layout(new QVBoxLayout(this)) {
    setObjectName(QStringLiteral("card"));
    m_title->setObjectName(QStringLiteral("cardTitle"));
    m_title->setWordWrap(true); // a long title wraps instead of widening the window
    m_layout->setContentsMargins(16, 14, 16, 16);
    m_layout->setSpacing(10);
    m_note->setObjectName(QStringLiteral("cardNote"));
    m_note->setWordWrap(true);
    auto* header = new QVBoxLayout;
    header->setSpacing(2);
    header->addWidget(m_title);
    header->addWidget(m_note);
    m_layout->addLayout(header);
    m_title->setVisible(!title.isEmpty());
    m_note->hide();
}

void Card::addWidget(QWidget* widget, int stretch) {
    m_layout->addWidget(widget, stretch);
}

void Card::setNote(const QString& note) {
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString Card::note() const {
    return m_note->text();
}

void Card::setTitle(const QString& title) {
    m_title->setText(title);
    m_title->setVisible(!title.isEmpty());
}

} // namespace merch::ui
