#pragma once

// Writing a composed paper (paperdocument.h) as PDF, ODT or HTML, and painting its pages for
// a print preview. Needs a QGuiApplication (fonts); the offscreen platform will do.

#include "core/common/result.h"
#include "core/paper/paperdocument.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QSizeF>

#include <memory>

class QPainter;
class QRectF;

namespace CoCommission::Paper {

/** The formats a paper is written in, chosen by the output file's suffix. */
enum class Format { Pdf, Odt, Html };

/** The format for \a path's suffix (.pdf, .odt, .html or .htm, any case), or nullopt. */
std::optional<Format> formatForPath(const QString &path);

/**
 * A paper laid out on A4 pages with print margins (25 mm sides, 20 mm top and bottom), a
 * running header (board and item) and a footer "Page X of Y". Papers of more than four pages
 * get a contents list after the header block. Tables break across pages and repeat their
 * header row; charts are drawn as vectors. Used for PDF and for the print preview.
 */
class PageLayout
{
public:
    explicit PageLayout(const Document &document);
    ~PageLayout();
    PageLayout(const PageLayout &) = delete;
    PageLayout &operator=(const PageLayout &) = delete;

    int pageCount() const;
    /** The A4 page size in points (595 × 842). */
    static QSizeF pageSizePoints();
    /**
     * Paints page \a index (0-based) on \a painter, whose device is one page at \a resolution
     * dots per inch (72 for points).
     */
    void paintPage(QPainter &painter, int index, qreal resolution) const;
    /** Page \a index as an image \a width pixels wide, white background, for a preview. */
    QImage pageImage(int index, int width) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

/** The paper as a PDF: A4, fonts embedded, title and author set. */
Result<QByteArray> toPdf(const Document &document);
/** The paper as an ODF text document (.odt): real headings, tables with header rows, images
 *  with alternative text, the language, title and author set. */
Result<QByteArray> toOdt(const Document &document);
/** The paper as one HTML5 file: real headings and tables, charts as images with alt text
 *  (embedded as data: URIs), lang set. */
QByteArray toHtml(const Document &document);

/**
 * Writes \a document to \a path in the format its suffix names. An unknown suffix or a path
 * that cannot be written gives an Error naming the path; nothing is left half-written (the
 * file is written to a temporary and renamed).
 */
Result<void> writePaper(const Document &document, const QString &path);

/** Paints \a chart into \a rect (used by every format). */
void paintChart(QPainter &painter, const QRectF &rect, const Chart &chart);
/** \a chart drawn on a white image of \a size pixels. */
QImage chartImage(const Chart &chart, const QSize &size);

} // namespace CoCommission::Paper
