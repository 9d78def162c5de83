#include "widgets/empty_state.h"

#include <QBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace merch::ui {

EmptyState::EmptyState(const QString& title, const QString& text, QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(title, this))
    , m_text(new QLabel(text, this))
    , m_buttons(new QHBoxLayout) {
    setObjectName(QStringLiteral("emptyState"));
    m_title->setObjectName(QStringLiteral("emptyTitle"));
    m_text->setObjectName(QStringLiteral("emptyText"));
    m_title->setAlignment(Qt::AlignCenter);
    m_text->setAlignment(Qt::AlignCenter);
    m_text->setWordWrap(true);
    m_text->setFixedWidth(560); // a fixed measure lets the wrapped text get its full height

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addStretch(2);
    layout->addWidget(m_title);
    // Centred by stretches, not by an alignment flag: an aligned item loses its
    // height-for-width and the wrapped text would be cut off.
    auto* textRow = new QHBoxLayout;
    textRow->addStretch();
    textRow->addWidget(m_text);
    textRow->addStretch();
    layout->addLayout(textRow);
    layout->addSpacing(8);
    m_buttons->setSpacing(12);
    m_buttons->addStretch();
    m_buttons->addStretch();
    layout->addLayout(m_buttons);
    layout->addStretch(3);
}

void EmptyState::setTitle(const QString& title) {
    m_title->setText(title);
}

void EmptyState::setText(const QString& text) {
    m_text->setText(text);
}

QString EmptyState::text() const {
    return m_text->text();
}

QPushButton* EmptyState::addButton(const QString& label, bool primary) {
    auto* button = new QPushButton(label, this);
    if (primary)
        button->setObjectName(QStringLiteral("primaryButton"));
    m_buttons->insertWidget(m_buttons->count() - 1, button);
    return button;
}

} // namespace merch::ui
