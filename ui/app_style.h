// The look of the app: one palette, one font, one style sheet, chosen for a projector (large
// type, strong contrast) as much as for a laptop screen.
#pragma once

#include <QColor>

class QApplication;

namespace merch::ui {

// Fusion style, the palette below, the base font and the app style sheet.
void applyAppStyle(QApplication& app);
// Scales every type size of the style (the base font and the style sheet's point sizes), for
// presentation mode on a projector; 1 is the normal look.
void setAppTypeScale(QApplication& app, double scale);

namespace palette {
QColor accent();
QColor accentSoft();
QColor text();
QColor mutedText();
QColor border();
QColor sidebarText();
QColor sidebarMuted();
QColor sidebarHover();
QColor sidebarSelected();
QColor sidebarStep();
QColor sidebarChip();
} // namespace palette

} // namespace merch::ui
