#include "pages/coming_page.h"

#include <QBoxLayout>
#include <QLabel>

#include "page_catalog.h"

namespace merch::ui {

QString ComingPage::arrivalText(const PageInfo& page) {
    return tr("Arrives with issue #%1, %2").arg(page.issue).arg(page.issueTitle);
}

ComingPage::ComingPage(const PageInfo& page, QWidget* parent)
    : QWidget(parent) {
    setObjectName(QStringLiteral("comingPage_%1").arg(page.name.toLower()));

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("comingCard"));
    card->setMaximumWidth(860);
    card->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);

    auto* title = new QLabel(page.name, card);
    title->setObjectName(QStringLiteral("comingTitle"));
    auto* issue = new QLabel(arrivalText(page), card);
    issue->setObjectName(QStringLiteral("issueLabel"));
    auto* caption = new QLabel(tr("THE QUESTION THIS PAGE WILL ANSWER"), card);
    caption->setObjectName(QStringLiteral("sectionCaption"));
    auto* question = new QLabel(page.question, card);
    question->setObjectName(QStringLiteral("questionLabel"));
    question->setWordWrap(true);
    auto* note = new QLabel(tr("Until then, the Store page shows the products, sessions and "
                               "events this page will work from."),
                            card);
    note->setObjectName(QStringLiteral("comingNote"));
    note->setWordWrap(true);

    auto* issueRow = new QHBoxLayout;
    issueRow->addWidget(issue);
    issueRow->addStretch();

    auto* inner = new QVBoxLayout(card);
    inner->setContentsMargins(40, 36, 40, 36);
    inner->setSpacing(14);
    inner->addWidget(title);
    inner->addLayout(issueRow);
    inner->addSpacing(18);
    inner->addWidget(caption);
    inner->addWidget(question);
    inner->addSpacing(18);
    inner->addWidget(note);

    // Side stretches centre the card; the card's own stretch lets it grow to its maximum width
    // so the wrapped question gets its full measure.
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card, 8);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(40, 40, 40, 40);
    layout->addStretch(2);
    layout->addLayout(row);
    layout->addStretch(3);
}

} // namespace merch::ui
