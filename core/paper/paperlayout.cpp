// The paper laid out on A4 pages: a QTextDocument whose page is the body area of an A4 page
// in points, painted page by page with a running header and footer. The same painting serves
// the PDF (paperwriter.cpp) and the GUI's print preview.

#include "core/paper/paperwriter.h"
#include "core/paper/paperwriter_p.h"

#include <QAbstractTextDocumentLayout>
#include <QFont>
#include <QFontMetricsF>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextFrame>
#include <QTextLayout>
#include <QTextList>
#include <QTextObjectInterface>
#include <QTextTable>

#include <cmath>

namespace CoCommission::Paper {

namespace Detail {

QImage pointsDevice()
{
    QImage device(1, 1, QImage::Format_RGB32);
    device.setDotsPerMeterX(qRound(72 / 0.0254));
    device.setDotsPerMeterY(qRound(72 / 0.0254));
    return device;
}

Extent textExtent(const QString &text, const QFont &font, QPaintDevice *device)
{
    QTextLayout layout(text, QFont(font, device), device);
    QTextOption option;
    option.setUseDesignMetrics(true);
    option.setWrapMode(QTextOption::WordWrap);
    layout.setTextOption(option);
    layout.beginLayout();
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine())
        line.setLineWidth(1e6);
    layout.endLayout();
    return {layout.minimumWidth(), layout.maximumWidth()};
}

QList<Extent> columnExtents(const Table &table, const std::function<QFont(bool bold)> &font,
                            qreal padding, QPaintDevice *device)
{
    const QFont regular = font(false);
    const QFont bold = font(true);
    QList<Extent> extents(table.header.size(), Extent{});
    const auto widen = [&](qsizetype column, const QString &text, const QFont &f) {
        const Extent e = textExtent(text, f, device);
        extents[column].shortest = std::max(extents[column].shortest, e.shortest + padding);
        extents[column].natural = std::max(extents[column].natural, e.natural + padding);
    };
    for (qsizetype c = 0; c < table.header.size(); ++c)
        widen(c, table.header.at(c), bold);
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const bool total = table.lastRowIsTotal && r == table.rows.size() - 1;
        const auto &row = table.rows.at(r);
        for (qsizetype c = 0; c < extents.size() && c < row.size(); ++c)
            widen(c, row.at(c).text, total ? bold : regular);
    }
    return extents;
}

QList<qreal> shareWidth(const QList<Extent> &extents, qreal available)
{
    const auto total = [&](const QList<bool> &among, qreal Extent::*field) {
        qreal sum = 0;
        for (qsizetype i = 0; i < extents.size(); ++i)
            sum += among.at(i) ? extents.at(i).*field : 0;
        return sum;
    };
    const QList<bool> all(extents.size(), true);
    if (extents.isEmpty() || total(all, &Extent::shortest) > available)
        return {};
    QList<qreal> widths(extents.size(), 0);
    const qreal natural = total(all, &Extent::natural);
    if (natural <= available) {
        // Every cell fits on one line: the spare room in proportion to the natural widths.
        for (qsizetype i = 0; i < extents.size(); ++i)
            widths[i] = natural > 0 ? extents.at(i).natural * available / natural
                                    : available / qreal(extents.size());
        return widths;
    }
    QList<bool> open = all;
    qreal room = available;
    for (bool settled = false; !settled;) {
        settled = true;
        const qsizetype left = open.count(true);
        for (qsizetype i = 0; i < extents.size(); ++i) {
            if (open.at(i) && extents.at(i).natural <= room / qreal(left)) {
                widths[i] = extents.at(i).natural;
                room -= widths.at(i);
                open[i] = false;
                settled = false;
                break;
            }
        }
    }
    if (total(open, &Extent::shortest) > room) { // the narrow columns took too much: share all
        open = all;
        room = available;
    }
    const qreal shortest = total(open, &Extent::shortest);
    const qreal stretch = total(open, &Extent::natural) - shortest; // > 0: it does not all fit
    for (qsizetype i = 0; i < extents.size(); ++i) {
        if (open.at(i))
            widths[i] =
                extents.at(i).shortest +
                (room - shortest) * (extents.at(i).natural - extents.at(i).shortest) / stretch;
    }
    return widths;
}

} // namespace Detail

namespace {

constexpr qreal kMillimetre = 72.0 / 25.4;
constexpr qreal kSide = 25 * kMillimetre;
constexpr qreal kTopBottom = 20 * kMillimetre;
constexpr int kChartObject = QTextFormat::UserObject + 1;
constexpr int kChartIndex = QTextFormat::UserProperty + 1;
constexpr int kSectionIndex = QTextFormat::UserProperty + 2;
constexpr int kKeepWithNext = QTextFormat::UserProperty + 3; // headings and captions
constexpr int kContentsPages = 4; // a contents list only for papers longer than this
const QColor kShade(0xEE, 0xEE, 0xEE);
const QColor kRule(0x80, 0x80, 0x80);
const QColor kHairline(0xB8, 0xB8, 0xB8);
constexpr qreal kTableCellPadding = 3;
/** Type sizes a table tries, largest first, before a word has to break. */
constexpr qreal kTableSizes[] = {9.5, 9, 8.5, 8};

QSizeF bodySize()
{
    const QSizeF page = PageLayout::pageSizePoints();
    return {page.width() - 2 * kSide, page.height() - 2 * kTopBottom};
}

/** Draws the charts of the document where the text layout placed them, as vectors. */
class ChartObject : public QObject, public QTextObjectInterface
{
    Q_OBJECT
    Q_INTERFACES(QTextObjectInterface)

public:
    explicit ChartObject(const QList<Chart> *charts)
        : m_charts(charts)
    {}

    QSizeF intrinsicSize(QTextDocument *, int, const QTextFormat &format) override
    {
        const int index = format.intProperty(kChartIndex);
        if (index < 0 || index >= m_charts->size())
            return {};
        return Detail::chartSizePoints(m_charts->at(index), bodySize().width() - 2);
    }

    void drawObject(QPainter *painter, const QRectF &rect, QTextDocument *, int,
                    const QTextFormat &format) override
    {
        const int index = format.intProperty(kChartIndex);
        if (index >= 0 && index < m_charts->size())
            paintChart(*painter, rect, m_charts->at(index));
    }

private:
    const QList<Chart> *m_charts;
};

QTextCharFormat charFormat(qreal size, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setFontFamilies(Detail::fontFamilies());
    format.setFontPointSize(size);
    format.setFontWeight(bold ? QFont::Bold : QFont::Normal);
    format.setFontItalic(italic);
    format.setForeground(Qt::black);
    // No ligatures, so "fi" stays two letters for search, copy and screen readers.
    format.setFontStyleStrategy(QFont::PreferNoShaping);
    return format;
}

QTextBlockFormat blockFormat(qreal before, qreal after,
                             Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignAbsolute)
{
    QTextBlockFormat format;
    format.setTopMargin(before);
    format.setBottomMargin(after);
    format.setAlignment(alignment);
    format.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
    return format;
}

void setCellBorders(QTextTableCellFormat &format, qreal top, qreal bottom)
{
    format.setTopBorder(top);
    format.setBottomBorder(bottom);
    format.setLeftBorder(0);
    format.setRightBorder(0);
    // Hairlines between rows in a lighter grey, the rules above and below a table darker.
    format.setTopBorderBrush(top >= 0.5 ? kRule : kHairline);
    format.setBottomBorderBrush(bottom >= 0.5 ? kRule : kHairline);
    format.setTopBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBottomBorderStyle(QTextFrameFormat::BorderStyle_Solid);
}

/** Builds the QTextDocument of a paper; \a contents holds the page of each level-1 heading. */
class Builder
{
public:
    Builder(const Document &document, QTextDocument &text, QList<Chart> &charts,
            QPaintDevice *device)
        : m_document(document)
        , m_text(text)
        , m_charts(charts)
        , m_device(device)
        , m_cursor(&text)
    {}

    void build(const QList<QPair<QString, int>> *contents)
    {
        m_charts.clear();
        // One edit: the layout runs once at the end, not after every cell.
        m_cursor.beginEditBlock();
        headerBlock();
        notices();
        if (contents)
            contentsList(*contents);
        for (int i = 0; i < m_document.sections.size(); ++i)
            section(m_document.sections.at(i), i);
        m_cursor.endEditBlock();
    }

private:
    void paragraph(const QString &text, const QTextBlockFormat &block,
                   const QTextCharFormat &format)
    {
        if (m_first) {
            m_cursor.setBlockFormat(block);
            m_cursor.setBlockCharFormat(format);
            m_first = false;
        } else {
            m_cursor.insertBlock(block, format);
        }
        m_cursor.insertText(text, format);
    }

    void headerBlock()
    {
        const Header &h = m_document.header;
        const auto rows = Detail::headerRows(h);
        QTextTableFormat format;
        format.setBorder(0);
        format.setCellPadding(2);
        format.setCellSpacing(0);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 30),
                                          QTextLength(QTextLength::PercentageLength, 70)});
        format.setBottomMargin(10);
        QTextTable *table = m_cursor.insertTable(2 + int(rows.size()), 2, format);
        m_first = false;
        const auto put = [&](int row, int column, const QString &text, const QTextCharFormat &chars,
                             Qt::Alignment alignment) {
            QTextCursor cell = table->cellAt(row, column).firstCursorPosition();
            cell.setBlockFormat(blockFormat(0, 0, alignment));
            cell.insertText(text, chars);
        };
        // The board across the whole width (its name can be long), the item number set on a
        // right tab stop at the far edge, as in the council report.
        table->mergeCells(0, 0, 1, 2);
        {
            QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
            QTextBlockFormat top = blockFormat(0, 0);
            // Tab positions are read at 96 dots an inch (Qt's design-metrics dpi), while this
            // document is laid out in points: scale, or the stop lands three quarters across.
            const qreal edge = (PageLayout::pageSizePoints().width() - 2 * kSide - 6) * 96.0 / 72.0;
            top.setTabPositions({QTextOption::Tab(edge, QTextOption::RightTab)});
            cell.setBlockFormat(top);
            cell.insertText(h.board, charFormat(14, true));
            if (!h.itemNumber.isEmpty())
                cell.insertText(QStringLiteral("\t") + Detail::tr("Item no: %1").arg(h.itemNumber),
                                charFormat(14, true));
        }
        table->mergeCells(1, 0, 1, 2);
        {
            QTextCursor cell = table->cellAt(1, 0).firstCursorPosition();
            cell.setBlockFormat(blockFormat(6, 10));
            cell.insertText(h.title, charFormat(18, true));
            QTextTableCellFormat cellFormat;
            setCellBorders(cellFormat, 0, 1);
            cellFormat.setBottomPadding(8);
            table->cellAt(1, 0).setFormat(cellFormat);
        }
        for (int i = 0; i < rows.size(); ++i) {
            put(2 + i, 0, rows.at(i).first, charFormat(10.5, true), Qt::AlignLeft);
            put(2 + i, 1, rows.at(i).second, charFormat(10.5), Qt::AlignLeft);
        }
        const int last = 2 + int(rows.size()) - 1;
        for (int column = 0; column < 2; ++column) {
            QTextTableCellFormat cellFormat;
            setCellBorders(cellFormat, 0, 1);
            cellFormat.setBottomPadding(6);
            table->cellAt(last, column).setFormat(cellFormat);
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    /** A one-cell shaded table holding \a paragraphs: notices and notes. */
    void shadedBox(const QStringList &paragraphs, bool italic)
    {
        QTextTableFormat format;
        format.setBorder(0.5);
        format.setBorderBrush(kRule);
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorderCollapse(true);
        format.setCellPadding(6);
        format.setCellSpacing(0);
        format.setBackground(kShade);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setTopMargin(4);
        format.setBottomMargin(8);
        QTextTable *table = m_cursor.insertTable(1, 1, format);
        QTextTableCellFormat box;
        box.setBackground(kShade);
        box.setBorder(0.6);
        box.setBorderBrush(kRule);
        box.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        box.setPadding(6);
        table->cellAt(0, 0).setFormat(box);
        QTextCursor cell = table->cellAt(0, 0).firstCursorPosition();
        for (int i = 0; i < paragraphs.size(); ++i) {
            if (i > 0)
                cell.insertBlock();
            cell.setBlockFormat(blockFormat(0, i + 1 < paragraphs.size() ? 4 : 0));
            cell.insertText(paragraphs.at(i), charFormat(10, false, italic));
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void notices()
    {
        if (!m_document.notices.isEmpty())
            shadedBox(m_document.notices, false);
    }

    void contentsList(const QList<QPair<QString, int>> &contents)
    {
        paragraph(Detail::tr("Contents"), blockFormat(10, 4), charFormat(13, true));
        QTextTableFormat format;
        format.setBorder(0);
        format.setCellPadding(1.5);
        format.setCellSpacing(0);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setColumnWidthConstraints({QTextLength(QTextLength::PercentageLength, 88),
                                          QTextLength(QTextLength::PercentageLength, 12)});
        format.setBottomMargin(8);
        QTextTable *table = m_cursor.insertTable(int(contents.size()), 2, format);
        for (int i = 0; i < contents.size(); ++i) {
            QTextCursor title = table->cellAt(i, 0).firstCursorPosition();
            title.setBlockFormat(blockFormat(0, 0));
            title.insertText(contents.at(i).first, charFormat(10.5));
            QTextCursor page = table->cellAt(i, 1).firstCursorPosition();
            page.setBlockFormat(blockFormat(0, 0, Qt::AlignRight | Qt::AlignAbsolute));
            page.insertText(QString::number(contents.at(i).second), charFormat(10.5));
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void section(const Section &section, int index)
    {
        const bool main = section.level <= 1;
        QTextBlockFormat heading = blockFormat(main ? 14 : 10, main ? 5 : 3);
        heading.setHeadingLevel(main ? 1 : 2);
        heading.setProperty(kSectionIndex, index);
        heading.setProperty(kKeepWithNext, true);
        QTextCharFormat headingChars = charFormat(main ? 13 : 11.5, true);
        paragraph(section.title, heading, headingChars);
        if (section.exempt && m_document.version == Version::Full) {
            QTextCharFormat marker = charFormat(main ? 10 : 9, true);
            marker.setForeground(QColor(0x9C, 0x00, 0x06));
            m_cursor.insertText(QStringLiteral("   "), headingChars);
            m_cursor.insertText(Detail::tr("EXEMPT"), marker);
        }
        for (const Block &block : section.blocks)
            this->block(block);
    }

    void list(const QStringList &items, QTextListFormat::Style style)
    {
        QTextListFormat format;
        format.setStyle(style);
        format.setIndent(1);
        if (style == QTextListFormat::ListDecimal)
            format.setNumberSuffix(QStringLiteral(".\u2002")); // an en space after the number
        QTextList *textList = nullptr;
        for (const QString &item : items) {
            paragraph(item, blockFormat(0, 4), charFormat(11));
            if (!textList)
                textList = m_cursor.createList(format);
            else
                textList->add(m_cursor.block());
        }
    }

    /**
     * Column widths for \a table. Left to itself, QTextDocument measures a column by its widest
     * letter (its wrap mode may break anywhere) and shares the width evenly, so a long word in
     * a narrow column breaks ("Attachmen|t fee"). Here each column gets its longest word, the
     * room goes where the text is, and a table too wide for its words is set a little smaller
     * (\a size) before any word has to break. Empty (Qt's own layout) only when even the
     * smallest size cannot keep the words whole.
     */
    QList<QTextLength> columnWidths(const Table &table, qreal *size) const
    {
        // Qt reads a table's lengths at 96 dots an inch, and this document is laid out in points.
        // It also rounds column edges to whole units: two points to spare in each column.
        const qreal toLayout = m_device->logicalDpiY() / 96.0;
        const qreal padding = 2 * kTableCellPadding * toLayout + 2;
        const qreal available = bodySize().width() - 1;
        for (const qreal candidate : kTableSizes) {
            const QList<Detail::Extent> extents = Detail::columnExtents(
                table, [&](bool bold) { return charFormat(candidate, bold).font(); }, padding,
                m_device);
            const QList<qreal> shares = Detail::shareWidth(extents, available);
            *size = candidate;
            if (shares.isEmpty())
                continue;
            QList<QTextLength> lengths;
            for (const qreal share : shares)
                lengths.append(QTextLength(QTextLength::FixedLength, share / toLayout));
            return lengths;
        }
        return {};
    }

    void table(const Table &table)
    {
        if (!table.caption.isEmpty()) {
            QTextBlockFormat caption = blockFormat(6, 3);
            caption.setProperty(kKeepWithNext, true);
            paragraph(table.caption, caption, charFormat(10, true));
        }
        const int columns = int(table.header.size());
        if (columns == 0)
            return;
        qreal size = kTableSizes[0];
        const QList<QTextLength> widths = columnWidths(table, &size);
        QTextTableFormat format;
        format.setBorder(0);
        format.setBorderCollapse(true);
        format.setCellPadding(kTableCellPadding);
        format.setColumnWidthConstraints(widths);
        format.setCellSpacing(0);
        format.setHeaderRowCount(1);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        format.setBottomMargin(8);
        QTextTable *textTable = m_cursor.insertTable(1 + int(table.rows.size()), columns, format);
        const auto fill = [&](int row, int column, const QString &text, bool bold, bool shade,
                              qreal top, qreal bottom) {
            QTextTableCell cell = textTable->cellAt(row, column);
            QTextTableCellFormat cellFormat;
            setCellBorders(cellFormat, top, bottom);
            if (shade)
                cellFormat.setBackground(kShade);
            cell.setFormat(cellFormat);
            QTextCursor cursor = cell.firstCursorPosition();
            const bool numeric = table.numericColumns.contains(column);
            cursor.setBlockFormat(
                blockFormat(0, 0, (numeric ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignAbsolute));
            cursor.insertText(text, charFormat(size, bold));
        };
        for (int c = 0; c < columns; ++c)
            fill(0, c, table.header.at(c), true, true, 0.8, 0.8);
        for (int r = 0; r < table.rows.size(); ++r) {
            const bool total = table.lastRowIsTotal && r == table.rows.size() - 1;
            const bool last = r == table.rows.size() - 1;
            const auto &row = table.rows.at(r);
            for (int c = 0; c < columns; ++c)
                fill(1 + r, c, c < row.size() ? row.at(c).text : QString(), total, false,
                     total ? 0.8 : 0, last ? 0.8 : 0.25);
        }
        m_cursor.movePosition(QTextCursor::End);
    }

    void chart(const Chart &chart)
    {
        if (!chart.title.isEmpty()) {
            QTextBlockFormat caption = blockFormat(6, 3);
            caption.setProperty(kKeepWithNext, true);
            paragraph(chart.title, caption, charFormat(10, true));
        }
        paragraph(QString(), blockFormat(0, 8), charFormat(10));
        m_charts.append(chart);
        QTextCharFormat object;
        object.setObjectType(kChartObject);
        object.setProperty(kChartIndex, int(m_charts.size() - 1));
        m_cursor.insertText(QString(QChar::ObjectReplacementCharacter), object);
    }

    void block(const Block &block)
    {
        switch (block.kind) {
        case Block::Kind::Paragraph:
            paragraph(block.text, blockFormat(0, 7), charFormat(11));
            break;
        case Block::Kind::Bullets:
            list(block.items, QTextListFormat::ListDisc);
            break;
        case Block::Kind::Numbered:
            list(block.items, QTextListFormat::ListDecimal);
            break;
        case Block::Kind::Table:
            table(block.table);
            break;
        case Block::Kind::Chart:
            chart(block.chart);
            break;
        case Block::Kind::Note:
            shadedBox({block.text}, true);
            break;
        }
    }

    const Document &m_document;
    QTextDocument &m_text;
    QList<Chart> &m_charts;
    QPaintDevice *m_device;
    QTextCursor m_cursor;
    bool m_first = true;
};

} // namespace

struct PageLayout::Private
{
    Document document;
    QImage device; // 72 dpi, so that the layout's units are points
    QList<Chart> charts;
    std::unique_ptr<ChartObject> chartObject;
    std::unique_ptr<QTextDocument> text;
    int pages = 1;

    void build(const QList<QPair<QString, int>> *contents)
    {
        text = std::make_unique<QTextDocument>();
        text->setUndoRedoEnabled(false);
        text->setUseDesignMetrics(true);
        text->setDocumentMargin(0);
        text->setIndentWidth(18);
        QFont font;
        font.setFamilies(Detail::fontFamilies());
        font.setPointSizeF(11);
        font.setStyleStrategy(QFont::PreferNoShaping);
        text->setDefaultFont(font);
        text->setPageSize(bodySize());
        text->documentLayout()->setPaintDevice(&device);
        text->documentLayout()->registerHandler(kChartObject, chartObject.get());
        Builder(document, *text, charts, &device).build(contents);
        keepWithNext();
        pages = std::max(1, text->pageCount());
    }

    /**
     * QTextDocument has no "keep with next": a heading or caption left at the foot of a page
     * whose content starts on the next page is moved there with a page break, one at a time
     * from the top (each move shifts what follows), relaid out from that block on.
     */
    /** Where the first line of \a block is: a page break moves the line, not the block. */
    qreal firstLineTop(const QTextBlock &block) const
    {
        const qreal top = text->documentLayout()->blockBoundingRect(block).top();
        const QTextLayout *lines = block.layout();
        return lines && lines->lineCount() > 0 ? top + lines->lineAt(0).y() : top;
    }

    void keepWithNext()
    {
        const qreal height = bodySize().height();
        QTextBlock block = text->begin();
        for (int moves = 0; block.isValid() && moves < 500;) {
            const QTextBlock next = block.next();
            if (!next.isValid())
                break;
            const QTextBlockFormat format = block.blockFormat();
            if (format.boolProperty(kKeepWithNext) &&
                !(format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)) {
                const int page = int(firstLineTop(block) / height);
                const int nextPage = int((firstLineTop(next) + 1) / height);
                if (nextPage > page) {
                    QTextBlockFormat moved = format;
                    moved.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
                    QTextCursor(block).setBlockFormat(moved);
                    ++moves;
                }
            }
            block = next;
        }
    }

    /** The title and page (1-based) of each level-1 heading, from the current layout. */
    QList<QPair<QString, int>> headingPages() const
    {
        QList<QPair<QString, int>> result;
        const qreal height = bodySize().height();
        for (QTextBlock block = text->begin(); block.isValid(); block = block.next()) {
            const QTextBlockFormat format = block.blockFormat();
            if (format.headingLevel() != 1 || !format.hasProperty(kSectionIndex))
                continue;
            const QRectF rect = text->documentLayout()->blockBoundingRect(block);
            const int index = format.intProperty(kSectionIndex);
            result.append({document.sections.at(index).title, int(rect.top() / height) + 1});
        }
        return result;
    }
};

PageLayout::PageLayout(const Document &document)
    : d(std::make_unique<Private>())
{
    d->document = document;
    d->device = Detail::pointsDevice();
    d->chartObject = std::make_unique<ChartObject>(&d->charts);
    d->build(nullptr);
    if (d->pages > kContentsPages) {
        // Lay out with the contents, read where the headings fell, and again until the
        // numbers printed are the numbers found (a few passes at most).
        QList<QPair<QString, int>> contents = d->headingPages();
        for (int pass = 0; pass < 4; ++pass) {
            d->build(&contents);
            const QList<QPair<QString, int>> found = d->headingPages();
            if (found == contents)
                break;
            contents = found;
        }
    }
}

PageLayout::~PageLayout()
{
    d->text.reset(); // before the handler it uses
}

int PageLayout::pageCount() const
{
    return d->pages;
}

QSizeF PageLayout::pageSizePoints()
{
    return {595.276, 841.89};
}

void PageLayout::paintPage(QPainter &painter, int index, qreal resolution) const
{
    if (index < 0 || index >= d->pages)
        return;
    const QSizeF page = pageSizePoints();
    const QSizeF body = bodySize();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(resolution / 72.0, resolution / 72.0);

    // Running header and footer, small and grey, in the margins.
    QFont small;
    small.setFamilies(Detail::fontFamilies());
    const int dpi = painter.device() ? painter.device()->logicalDpiY() : 72;
    small.setPointSizeF(8.5 * 72.0 / (dpi > 0 ? dpi : 72));
    small.setStyleStrategy(QFont::PreferNoShaping);
    painter.setFont(small);
    painter.setPen(QColor(0x59, 0x59, 0x59));
    const Header &header = d->document.header;
    if (index > 0) {
        const QRectF band(kSide, kTopBottom - 30, body.width(), 14);
        // The classification in full on the right; the board's name shortened to fit beside it.
        const QFontMetricsF metrics(painter.font());
        const QString item = header.itemNumber.isEmpty()
                                 ? QString()
                                 : Detail::tr(" - Item %1").arg(header.itemNumber);
        const qreal room = band.width() - metrics.horizontalAdvance(header.classification) -
                           metrics.horizontalAdvance(item) - 12;
        const QString left =
            metrics.elidedText(header.board, Qt::ElideRight, std::max<qreal>(room, 40)) + item;
        painter.drawText(band, Qt::AlignLeft | Qt::AlignVCenter, left);
        painter.drawText(band, Qt::AlignRight | Qt::AlignVCenter, header.classification);
        painter.setPen(QPen(QColor(0xA0, 0xA0, 0xA0), 0.5));
        painter.drawLine(QPointF(kSide, kTopBottom - 10),
                         QPointF(kSide + body.width(), kTopBottom - 10));
        painter.setPen(QColor(0x59, 0x59, 0x59));
    }
    const QRectF footer(kSide, page.height() - kTopBottom + 14, body.width(), 14);
    painter.drawText(footer, Qt::AlignHCenter | Qt::AlignVCenter,
                     Detail::tr("Page %1 of %2").arg(index + 1).arg(d->pages));

    painter.translate(kSide, kTopBottom - index * body.height());
    const QRectF clip(0, index * body.height(), body.width(), body.height());
    painter.setClipRect(clip.adjusted(-4, 0, 4, 0));
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = clip;
    context.palette.setColor(QPalette::Text, Qt::black);
    d->text->documentLayout()->draw(&painter, context);
    painter.restore();
}

QImage PageLayout::pageImage(int index, int width) const
{
    if (width <= 0 || index < 0 || index >= d->pages)
        return {};
    const QSizeF page = pageSizePoints();
    const qreal scale = width / page.width();
    QImage image(width, qRound(page.height() * scale), QImage::Format_RGB32);
    image.fill(Qt::white);
    // One point a unit at the image's own resolution, then scaled to the width asked for.
    image.setDotsPerMeterX(qRound(72 / 0.0254));
    image.setDotsPerMeterY(qRound(72 / 0.0254));
    QPainter painter(&image);
    paintPage(painter, index, 72 * scale);
    return image;
}

} // namespace CoCommission::Paper

#include "paperlayout.moc"
