#include "widgets/navigation_delegate.h"

#include <QPainter>
#include <QPainterPath>

#include "app_style.h"

namespace merch::ui {

void NavigationDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                               const QModelIndex& index) const {
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    const bool available = index.data(AvailableRole).toBool();
    const QRectF row = QRectF(option.rect).adjusted(10, 3, -10, -3);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (selected || hovered) {
        QPainterPath background;
        background.addRoundedRect(row, 8, 8);
        painter->fillPath(background,
                          selected ? palette::sidebarSelected() : palette::sidebarHover());
    }

    // The step number in a circle.
    const qreal diameter = 26;
    const QRectF circle(row.left() + 10, row.center().y() - diameter / 2, diameter, diameter);
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? palette::accent() : palette::sidebarStep());
    painter->drawEllipse(circle);
    QFont small = option.font;
    small.setPointSizeF(option.font.pointSizeF() * 0.82);
    small.setBold(true);
    painter->setFont(small);
    painter->setPen(selected ? QColor(Qt::white) : palette::sidebarMuted());
    painter->drawText(circle, Qt::AlignCenter, index.data(StepRole).toString());

    // The page name.
    QFont name = option.font;
    name.setBold(selected);
    painter->setFont(name);
    painter->setPen(available || selected ? palette::sidebarText() : palette::sidebarMuted());
    const QRectF textRect(circle.right() + 12, row.top(), row.width() - diameter - 70,
                          row.height());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft,
                      index.data(Qt::DisplayRole).toString());

    // The issue that brings a page still to come.
    if (!available) {
        painter->setFont(small);
        const QString issue = QStringLiteral("#%1").arg(index.data(IssueRole).toInt());
        const QRectF chip(row.right() - 44, row.center().y() - 11, 36, 22);
        QPainterPath chipPath;
        chipPath.addRoundedRect(chip, 11, 11);
        painter->fillPath(chipPath, palette::sidebarChip());
        painter->setPen(palette::sidebarMuted());
        painter->drawText(chip, Qt::AlignCenter, issue);
    }
    painter->restore();
}

QSize NavigationDelegate::sizeHint(const QStyleOptionViewItem& option,
                                   const QModelIndex& index) const {
    const QSize base = QStyledItemDelegate::sizeHint(option, index);
    return {base.width(), std::max(base.height() + 20, 46)};
}

} // namespace merch::ui
