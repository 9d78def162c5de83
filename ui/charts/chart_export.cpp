#include "charts/chart_export.h"

#include <QAction>
#include <QChartView>
#include <QFileDialog>
#include <QMessageBox>
#include <QPainter>
#include <QSvgGenerator>

namespace merch::ui {

namespace {

QChartView* chartView(QWidget* widget) {
    if (auto* view = qobject_cast<QChartView*>(widget))
        return view;
    return widget->findChild<QChartView*>();
}

void askAndExport(QChartView* view, const QString& suffix, const QString& filter) {
    const QString path = QFileDialog::getSaveFileName(view, QObject::tr("Export Chart"),
                                                      QStringLiteral("chart.") + suffix, filter);
    if (path.isEmpty())
        return;
    if (auto status = exportChart(view, path); !status)
        QMessageBox::warning(view, QObject::tr("Chart not exported"),
                             QString::fromStdString(status.message()));
}

} // namespace

merch::Status exportChart(QWidget* chartWidget, const QString& path) {
    QChartView* view = chartView(chartWidget);
    if (!view)
        return merch::Status::invalidArgument("no chart to export");
    const QSize size = view->size().expandedTo(QSize(640, 360));
    if (path.endsWith(QStringLiteral(".svg"), Qt::CaseInsensitive)) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(view->chart()->title());
        QPainter painter;
        if (!painter.begin(&svg))
            return merch::Status::error(merch::StatusCode::IoError,
                                        "cannot write " + path.toStdString());
        view->render(&painter, QRectF(QPointF(0, 0), size));
        painter.end();
        return merch::Status::ok();
    }
    QImage image(size * 2, QImage::Format_ARGB32);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        view->render(&painter, QRectF(QPointF(0, 0), QSizeF(size * 2)));
    }
    if (!image.save(path, "PNG"))
        return merch::Status::error(merch::StatusCode::IoError,
                                    "cannot write " + path.toStdString());
    return merch::Status::ok();
}

void enableChartExport(QWidget* root) {
    for (QChartView* view : root->findChildren<QChartView*>()) {
        if (view->property("merchChartExport").toBool())
            continue;
        view->setProperty("merchChartExport", true);
        view->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto* png = new QAction(QObject::tr("Export Chart as PNG…"), view);
        auto* svg = new QAction(QObject::tr("Export Chart as SVG…"), view);
        QObject::connect(png, &QAction::triggered, view, [view] {
            askAndExport(view, QStringLiteral("png"), QObject::tr("PNG image (*.png)"));
        });
        QObject::connect(svg, &QAction::triggered, view, [view] {
            askAndExport(view, QStringLiteral("svg"), QObject::tr("SVG drawing (*.svg)"));
        });
        view->addAction(png);
        view->addAction(svg);
    }
}

} // namespace merch::ui
