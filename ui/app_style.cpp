#include "app_style.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QRegularExpression>
#include <QStyle>
#include <QStyleFactory>

#include "resources.h"

namespace merch::ui {

namespace palette {
QColor accent() {
    return QColor(0x4f, 0x46, 0xe5);
}
QColor accentSoft() {
    return QColor(0xe0, 0xe7, 0xff);
}
QColor text() {
    return QColor(0x0f, 0x17, 0x2a);
}
QColor mutedText() {
    return QColor(0x64, 0x74, 0x8b);
}
QColor border() {
    return QColor(0xe2, 0xe8, 0xf0);
}
QColor sidebarText() {
    return QColor(0xf1, 0xf5, 0xf9);
}
QColor sidebarMuted() {
    return QColor(0x94, 0xa3, 0xb8);
}
QColor sidebarHover() {
    return QColor(255, 255, 255, 14);
}
QColor sidebarSelected() {
    return QColor(99, 102, 241, 70);
}
QColor sidebarStep() {
    return QColor(0x1e, 0x29, 0x3b);
}
QColor sidebarChip() {
    return QColor(0x1e, 0x29, 0x3b);
}
} // namespace palette

namespace {

const char* const kStyleSheet = R"(
QMainWindow, #pageRoot, QScrollArea#pageScroll, QWidget#pageScrollContents {
    background: #f1f5f9;
}
QToolTip { color: #0f172a; background: #ffffff; border: 1px solid #cbd5e1; padding: 4px; }

#navigationBar { background: #0f172a; }
#navigationBar QLabel { color: #e2e8f0; }
#appName { font-size: 16pt; font-weight: 600; color: #ffffff; }
#appTagline { color: #94a3b8; font-size: 9pt; }
#sidebarSection, #sectionCaption { color: #64748b; font-size: 8.5pt; font-weight: 700; }
#navigationList { background: transparent; border: none; outline: 0; }
#sidebarStoreName { color: #f1f5f9; font-weight: 600; }
#sidebarStoreDetail { color: #94a3b8; font-size: 9.5pt; }

#pageTitle { font-size: 22pt; font-weight: 600; color: #0f172a; }
#pageSubtitle { color: #64748b; }
#card, #statTile { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 10px; }
#cardTitle { font-size: 12.5pt; font-weight: 600; color: #0f172a; }
#cardNote { color: #64748b; }
#statValue { font-size: 18pt; font-weight: 600; color: #0f172a; }
#statCaption { color: #64748b; font-size: 9.5pt; }
#notice { background: #fef9c3; border: 1px solid #fde68a; border-radius: 8px; padding: 8px 12px;
          color: #713f12; }

#emptyTitle, #jobTitle { font-size: 20pt; font-weight: 600; color: #0f172a; }
#emptyText, #jobStage { color: #475569; font-size: 12pt; }

#comingCard { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 14px; }
#comingTitle { font-size: 26pt; font-weight: 600; color: #0f172a; }
#issueLabel { background: #eef2ff; color: #3730a3; border-radius: 14px; padding: 6px 14px;
              font-weight: 600; }
#questionLabel { font-size: 15pt; color: #1e293b; }
#comingNote { color: #64748b; }

QPushButton { padding: 7px 18px; border-radius: 6px; border: 1px solid #cbd5e1;
              background: #ffffff; color: #0f172a; }
QPushButton:hover { background: #f8fafc; border-color: #94a3b8; }
QPushButton:disabled { color: #94a3b8; }
#primaryButton { background: #4f46e5; color: #ffffff; border: 1px solid #4f46e5; }
#primaryButton:hover { background: #4338ca; }

QLineEdit, QSpinBox, QDoubleSpinBox { padding: 6px 8px; border: 1px solid #cbd5e1;
    border-radius: 6px; background: #ffffff; selection-background-color: #c7d2fe;
    selection-color: #0f172a; }
QLineEdit:focus, QSpinBox:focus, QDoubleSpinBox:focus { border-color: #4f46e5; }
QSpinBox::up-button, QDoubleSpinBox::up-button { subcontrol-origin: border;
    subcontrol-position: top right; width: 22px; border: none; background: transparent; }
QSpinBox::down-button, QDoubleSpinBox::down-button { subcontrol-origin: border;
    subcontrol-position: bottom right; width: 22px; border: none; background: transparent; }
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow { image: url(:/icons/chevron-up.svg);
    width: 10px; height: 10px; }
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow { image: url(:/icons/chevron-down.svg);
    width: 10px; height: 10px; }
QComboBox { padding: 6px 10px; border: 1px solid #cbd5e1; border-radius: 6px;
            background: #ffffff; }
QComboBox:focus { border-color: #4f46e5; }
QComboBox::drop-down { border: none; width: 28px; }
QComboBox::down-arrow { image: url(:/icons/chevron-down.svg); width: 12px; height: 12px; }
QComboBox QAbstractItemView { background: #ffffff; selection-background-color: #e0e7ff;
                              selection-color: #0f172a; border: 1px solid #cbd5e1; }
#fieldError { color: #b91c1c; }

QTableView { background: #ffffff; border: 1px solid #e2e8f0; border-radius: 10px;
             gridline-color: #f1f5f9; alternate-background-color: #f8fafc;
             selection-background-color: #e0e7ff; selection-color: #0f172a; }
QHeaderView { background: transparent; }
QHeaderView::section { background: #ffffff; border: none; border-bottom: 1px solid #e2e8f0;
                       padding: 7px 8px; font-weight: 600; color: #475569; }
QTableCornerButton::section { background: #ffffff; border: none; }

#auditScore { font-size: 46pt; font-weight: 700; color: #0f172a; }
#auditScoreOutOf { font-size: 16pt; color: #64748b; }
#auditVerdict { border-radius: 14px; padding: 5px 14px; font-size: 12pt; font-weight: 700;
                background: #fee2e2; color: #991b1b; }
#auditVerdict[ready="true"] { background: #dcfce7; color: #166534; }
#auditVerdictDetail { color: #334155; }
#scorePart { color: #334155; }
#fixTitle { font-size: 13pt; font-weight: 600; color: #0f172a; }
#fixWhy, #fixExamples { color: #334155; }
#affectedCount { color: #64748b; }
QTabWidget::pane { border: none; }
QTabBar::tab { padding: 8px 18px; margin-right: 4px; color: #475569; font-weight: 600;
               border: none; border-bottom: 3px solid transparent; background: transparent; }
QTabBar::tab:selected { color: #0f172a; border-bottom: 3px solid #4f46e5; }
QTabBar::tab:hover:!selected { color: #0f172a; }

#resultTitle { font-size: 17pt; font-weight: 600; color: #0f172a; }
#resultMessage, #detectedFormat { color: #334155; }
#choiceText { color: #475569; }
#importModePage QRadioButton { font-size: 12pt; font-weight: 600; color: #0f172a; }

QStatusBar { background: #ffffff; border-top: 1px solid #e2e8f0; color: #475569; }
QStatusBar::item { border: none; }
QStatusBar QLabel { padding: 0 8px; }
QProgressBar { border: none; background: #e2e8f0; border-radius: 4px; max-height: 8px; }
QProgressBar::chunk { background: #4f46e5; border-radius: 4px; }
QSplitter::handle { background: transparent; }
QMenuBar { background: #ffffff; border-bottom: 1px solid #e2e8f0; }
)";

} // namespace

void applyAppStyle(QApplication& app) {
    initResources();
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));

    QPalette colors = app.style()->standardPalette();
    colors.setColor(QPalette::Window, QColor(0xf1, 0xf5, 0xf9));
    colors.setColor(QPalette::WindowText, palette::text());
    colors.setColor(QPalette::Base, Qt::white);
    colors.setColor(QPalette::AlternateBase, QColor(0xf8, 0xfa, 0xfc));
    colors.setColor(QPalette::Text, palette::text());
    colors.setColor(QPalette::Button, Qt::white);
    colors.setColor(QPalette::ButtonText, palette::text());
    colors.setColor(QPalette::Highlight, palette::accent());
    colors.setColor(QPalette::HighlightedText, Qt::white);
    colors.setColor(QPalette::PlaceholderText, QColor(0x94, 0xa3, 0xb8));
    colors.setColor(QPalette::ToolTipBase, Qt::white);
    colors.setColor(QPalette::ToolTipText, palette::text());
    app.setPalette(colors);

    QFont font = app.font();
    font.setFamilies({QStringLiteral("Inter"), QStringLiteral("Noto Sans"),
                      QStringLiteral("Cantarell"), QStringLiteral("Ubuntu"),
                      QStringLiteral("DejaVu Sans")});
    app.setFont(font);
    setAppTypeScale(app, 1.0);
}

void setAppTypeScale(QApplication& app, double scale) {
    QFont font = app.font();
    font.setPointSizeF(11.0 * scale);
    app.setFont(font);
    // "16pt" -> "20.8pt": every size in the style sheet grows with the base font.
    QString sheet = QString::fromUtf8(kStyleSheet);
    static const QRegularExpression points(QStringLiteral("(\\d+(?:\\.\\d+)?)pt"));
    QString scaled;
    qsizetype last = 0;
    for (auto match = points.globalMatch(sheet); match.hasNext();) {
        const auto m = match.next();
        scaled += sheet.mid(last, m.capturedStart() - last);
        scaled += QString::number(m.captured(1).toDouble() * scale, 'f', 1) + QStringLiteral("pt");
        last = m.capturedEnd();
    }
    scaled += sheet.mid(last);
    app.setStyleSheet(scaled);
}

} // namespace merch::ui
