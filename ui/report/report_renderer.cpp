#include "report/report_renderer.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>

#include "report/report_painting.h"

namespace merch::ui {

using merch::ReportBlock;
using namespace merch::ui::report;

namespace {

constexpr double kBlockGap = 10;
constexpr double kFooterHeight = 24;
constexpr double kBulletIndent = 14;
constexpr double kTileHeight = 54;

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

double contentWidth() {
    return ReportRenderer::kPageWidth - 2 * ReportRenderer::kMargin;
}

} // namespace

ReportRenderer::ReportRenderer(merch::ReportDocument document)
    : m_document(std::move(document))
    , m_measure(8, 8, QImage::Format_ARGB32) {
    const int dotsPerMeter = qRound(72 / 0.0254); // 72 dpi: one pixel per point
    m_measure.setDotsPerMeterX(dotsPerMeter);
    m_measure.setDotsPerMeterY(dotsPerMeter);
    layout();
}

double ReportRenderer::blockHeight(const ReportBlock& block) const {
    const double width = contentWidth();
    QPaintDevice* measure = const_cast<QImage*>(&m_measure);
    switch (block.kind) {
    case ReportBlock::Kind::Heading:
        return textHeight(qs(block.text), font(16, true), width, measure) + 6;
    case ReportBlock::Kind::Subheading:
        return textHeight(qs(block.text), font(11, true), width, measure);
    case ReportBlock::Kind::Paragraph:
        return textHeight(qs(block.text), font(9.5), width, measure);
    case ReportBlock::Kind::Note:
        return textHeight(qs(block.text), font(8.5), width, measure);
    case ReportBlock::Kind::Bullets: {
        double height = 0;
        for (const auto& item : block.items)
            height += textHeight(qs(item), font(9.5), width - kBulletIndent, measure) + 4;
        return height;
    }
    case ReportBlock::Kind::KeyFigures:
        return kTileHeight;
    case ReportBlock::Kind::Table:
        return tableHeight(block.table, width, measure);
    case ReportBlock::Kind::Chart:
        return kChartHeight;
    case ReportBlock::Kind::PageBreak:
        return 0;
    }
    return 0;
}

void ReportRenderer::layout() {
    const double bottom = kPageHeight - kMargin - kFooterHeight;
    m_pages.emplace_back();
    double y = kMargin;
    for (const ReportBlock& block : m_document.blocks) {
        if (block.kind == ReportBlock::Kind::PageBreak) {
            if (!m_pages.back().empty()) {
                m_pages.emplace_back();
                y = kMargin;
            }
            continue;
        }
        const double height = blockHeight(block);
        // A heading keeps company with what follows it: start a new page when little is left.
        const bool heading =
            block.kind == ReportBlock::Kind::Heading || block.kind == ReportBlock::Kind::Subheading;
        const double needed = heading ? height + 120 : height;
        if (y + needed > bottom && !m_pages.back().empty()) {
            m_pages.emplace_back();
            y = kMargin;
        }
        if (heading && !m_pages.back().empty())
            y += 8;
        m_pages.back().push_back({&block, y, height});
        y += height + kBlockGap;
    }
    if (m_pages.back().empty())
        m_pages.pop_back();
}

void ReportRenderer::paintCover(QPainter& painter) const {
    QPaintDevice* measure = const_cast<QImage*>(&m_measure);
    painter.fillRect(QRectF(0, 0, kPageWidth, 260), paletteColor(0));
    const double width = contentWidth();
    double y = 120;
    y += drawText(painter, qs(m_document.title), font(26, true), QRectF(kMargin, y, width, 200),
                  measure, Qt::white) +
         10;
    drawText(painter, qs(m_document.subtitle), font(12), QRectF(kMargin, y, width, 100), measure,
             QColor(0xe0, 0xe7, 0xff));
    y = 300;
    for (const auto& line : m_document.coverLines)
        y += drawText(painter, qs(line), font(11), QRectF(kMargin, y, width, 40), measure) + 6;
    drawText(painter,
             QStringLiteral("Every number in this report was computed on the store's own data "
                            "(or, for the A/B test, on a simulated world of its shoppers); the "
                            "brief's figures appear only as labelled references. The appendix "
                            "lists the assumptions."),
             font(9), QRectF(kMargin, kPageHeight - 150, width, 80), measure, muted());
}

void ReportRenderer::paintBlock(QPainter& painter, const ReportBlock& block,
                                const QRectF& rect) const {
    QPaintDevice* measure = const_cast<QImage*>(&m_measure);
    switch (block.kind) {
    case ReportBlock::Kind::Heading:
        drawText(painter, qs(block.text), font(16, true), rect, measure, paletteColor(0));
        break;
    case ReportBlock::Kind::Subheading:
        drawText(painter, qs(block.text), font(11, true), rect, measure);
        break;
    case ReportBlock::Kind::Paragraph:
        drawText(painter, qs(block.text), font(9.5), rect, measure);
        break;
    case ReportBlock::Kind::Note:
        drawText(painter, qs(block.text), font(8.5), rect, measure, muted());
        break;
    case ReportBlock::Kind::Bullets: {
        double y = rect.top();
        for (const auto& item : block.items) {
            drawText(painter, QStringLiteral("•"), font(9.5), QRectF(rect.left(), y, 10, 20),
                     measure, paletteColor(0));
            y += drawText(painter, qs(item), font(9.5),
                          QRectF(rect.left() + kBulletIndent, y, rect.width() - kBulletIndent,
                                 rect.height()),
                          measure) +
                 4;
        }
        break;
    }
    case ReportBlock::Kind::KeyFigures: {
        const double gap = 8;
        const auto n = static_cast<double>(std::max<std::size_t>(1, block.items.size()));
        const double tile = (rect.width() - gap * (n - 1)) / n;
        double x = rect.left();
        for (const auto& item : block.items) {
            const auto bar = item.find('|');
            const QString label = qs(item.substr(0, bar));
            const QString value = bar == std::string::npos ? QString() : qs(item.substr(bar + 1));
            const QRectF box(x, rect.top(), tile, kTileHeight);
            painter.setPen(Qt::NoPen);
            painter.setBrush(QColor(0xee, 0xf2, 0xff));
            painter.drawRoundedRect(box, 6, 6);
            drawText(painter, label, font(8), box.adjusted(8, 6, -8, 0), measure, muted());
            drawText(painter, value, font(13, true), box.adjusted(8, 22, -8, 0), measure);
            x += tile + gap;
        }
        break;
    }
    case ReportBlock::Kind::Table:
        drawTable(painter, block.table, rect, measure);
        break;
    case ReportBlock::Kind::Chart:
        drawChart(painter, block.chart, rect, measure);
        break;
    case ReportBlock::Kind::PageBreak:
        break;
    }
}

void ReportRenderer::paintFooter(QPainter& painter, int index) const {
    painter.setFont(font(7.5));
    painter.setPen(muted());
    const QRectF line(kMargin, kPageHeight - kMargin + 4, contentWidth(), 12);
    painter.drawText(line, Qt::AlignLeft, qs(m_document.title));
    painter.drawText(line, Qt::AlignRight,
                     QStringLiteral("page %1 of %2").arg(index + 1).arg(pageCount()));
}

void ReportRenderer::paintPage(QPainter& painter, int index) const {
    painter.setRenderHint(QPainter::Antialiasing);
    painter.fillRect(QRectF(0, 0, kPageWidth, kPageHeight), Qt::white);
    if (index == 0) {
        paintCover(painter);
        return;
    }
    if (index < 1 || index > static_cast<int>(m_pages.size()))
        return;
    for (const Placed& placed : m_pages[static_cast<std::size_t>(index - 1)])
        paintBlock(painter, *placed.block,
                   QRectF(kMargin, placed.top, contentWidth(), placed.height));
    paintFooter(painter, index);
}

QImage ReportRenderer::renderPage(int index, double scale) const {
    QImage image(qRound(kPageWidth * scale), qRound(kPageHeight * scale), QImage::Format_RGB32);
    image.setDotsPerMeterX(m_measure.dotsPerMeterX()); // fonts in points = pixels, then scaled
    image.setDotsPerMeterY(m_measure.dotsPerMeterY());
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.scale(scale, scale);
    paintPage(painter, index);
    return image;
}

merch::Status ReportRenderer::writePdf(const QString& path) const {
    QPdfWriter writer(path);
    writer.setResolution(72);
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(qs(m_document.title));
    writer.setCreator(QStringLiteral("MerchSim"));
    QPainter painter;
    if (!painter.begin(&writer))
        return merch::Status::error(merch::StatusCode::IoError,
                                    "cannot write " + path.toStdString());
    for (int page = 0; page < pageCount(); ++page) {
        if (page > 0)
            writer.newPage();
        paintPage(painter, page);
    }
    if (!painter.end())
        return merch::Status::error(merch::StatusCode::IoError,
                                    "cannot finish " + path.toStdString());
    return merch::Status::ok();
}

} // namespace merch::ui
