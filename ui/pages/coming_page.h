// ComingPage: the placeholder for a page whose issue is not done yet. It says plainly which
// issue brings the page and the question the page will answer.
#pragma once

#include <QWidget>

namespace merch::ui {

struct PageInfo;

class ComingPage : public QWidget {
    Q_OBJECT
public:
    explicit ComingPage(const PageInfo& page, QWidget* parent = nullptr);

    // "Arrives with issue #3, Import real store data, and audit the catalog".
    static QString arrivalText(const PageInfo& page);
};

} // namespace merch::ui
