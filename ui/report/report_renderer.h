// ReportRenderer: lays out a merch::ReportDocument on A4 pages and paints them with QPainter:
// to a PDF (QPdfWriter, vector text and charts) or to images for the Report page's preview.
// Coordinates are points (1/72 inch); page 1 is the cover. Needs a QGuiApplication (fonts).
#pragma once

#include <QImage>
#include <QString>

#include <vector>

#include "merch/report.h"
#include "merch/status.h"

class QPainter;

namespace merch::ui {

class ReportRenderer {
public:
    static constexpr double kPageWidth = 595; // A4, points
    static constexpr double kPageHeight = 842;
    static constexpr double kMargin = 48;

    explicit ReportRenderer(merch::ReportDocument document);

    int pageCount() const { return static_cast<int>(m_pages.size()) + 1; }
    // Paints page `index` (0: the cover) with the painter's coordinates in points.
    void paintPage(QPainter& painter, int index) const;
    // A page as an image, `scale` pixels per point (2 for a crisp preview).
    QImage renderPage(int index, double scale) const;
    merch::Status writePdf(const QString& path) const;

    const merch::ReportDocument& document() const { return m_document; }

private:
    struct Placed {
        const merch::ReportBlock* block;
        double top;
        double height;
    };
    void layout();
    double blockHeight(const merch::ReportBlock& block) const;
    void paintCover(QPainter& painter) const;
    void paintBlock(QPainter& painter, const merch::ReportBlock& block, const QRectF& rect) const;
    void paintFooter(QPainter& painter, int index) const;

    merch::ReportDocument m_document;
    std::vector<std::vector<Placed>> m_pages; // pages after the cover
    QImage m_measure; // a 72-dpi device for font metrics, so layout matches the PDF
};

} // namespace merch::ui
