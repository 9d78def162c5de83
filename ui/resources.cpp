#include "resources.h"

#include <QPainter>
#include <QSvgRenderer>

// Q_INIT_RESOURCE must be used outside any namespace. Calling it from the library makes the
// linker keep the resource object even though merch_ui is a static library.
static void initMerchSimResources() {
    Q_INIT_RESOURCE(merchsim);
}

namespace merch::ui {
namespace {
const QString kIconPath = QStringLiteral(":/icons/merchsim.svg");
}

void initResources() {
    static const bool done = [] {
        initMerchSimResources();
        return true;
    }();
    (void)done;
}

QPixmap appLogo(int size, qreal devicePixelRatio) {
    initResources();
    const int pixels = qRound(size * devicePixelRatio);
    QPixmap pixmap(pixels, pixels);
    pixmap.fill(Qt::transparent);
    QSvgRenderer renderer(kIconPath);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

QIcon appIcon() {
    QIcon icon;
    for (const int size : {16, 24, 32, 48, 64, 128, 256})
        icon.addPixmap(appLogo(size));
    return icon;
}

} // namespace merch::ui
