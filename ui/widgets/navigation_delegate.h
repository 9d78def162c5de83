// NavigationDelegate: paints one workflow step of the sidebar: its number in a circle, its
// name, and for pages still to come the issue that brings them.
#pragma once

#include <QStyledItemDelegate>

namespace merch::ui {

class NavigationDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    enum Role {
        StepRole = Qt::UserRole + 1, // 1-based position in the workflow
        IssueRole,                   // the issue that delivers the page
        AvailableRole,               // false: the page is a "coming" placeholder
    };

    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};

} // namespace merch::ui
