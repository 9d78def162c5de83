// Chart export: any chart as PNG (at twice its on-screen size, crisp on slides) or SVG
// (vector), from a context menu on the chart.
#pragma once

#include <QString>

#include "merch/status.h"

class QWidget;

namespace merch::ui {

// Writes the first chart view under `chartWidget` to `path`; SVG when the path ends in .svg.
merch::Status exportChart(QWidget* chartWidget, const QString& path);

// Adds "Export Chart as PNG…" and "Export Chart as SVG…" to every chart under `root`.
void enableChartExport(QWidget* root);

} // namespace merch::ui
