// The compiled-in resources (resources/merchsim.qrc): the app icon.
#pragma once

#include <QIcon>
#include <QPixmap>

namespace merch::ui {

// Registers the resources of the static merch_ui library; call once before using them.
void initResources();
// The app icon (resources/icons/merchsim.svg) rendered sharply at common sizes.
QIcon appIcon();
// The logo at `size` logical pixels for a screen with `devicePixelRatio`.
QPixmap appLogo(int size, qreal devicePixelRatio = 1.0);

} // namespace merch::ui
