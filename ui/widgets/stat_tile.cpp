#include "widgets/stat_tile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace merch::ui {

StatTile::StatTile(const QString& caption, QWidget* parent)
    : QFrame(parent)
    , m_value(new QLabel(QStringLiteral("—"), this))
    , m_caption(new QLabel(caption, this)) {
    setObjectName(QStringLiteral("statTile"));
    m_value->setObjectName(QStringLiteral("statValue"));
    m_caption->setObjectName(QStringLiteral("statCaption"));
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(2);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void StatTile::setValue(const QString& value, const QString& toolTip) {
    m_value->setText(value);
    setToolTip(toolTip);
}

QString StatTile::value() const {
    return m_value->text();
}

void StatTile::setCaption(const QString& caption) {
    m_caption->setText(caption);
}

QString StatTile::caption() const {
    return m_caption->text();
}

} // namespace merch::ui
