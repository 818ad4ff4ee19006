// The paper as an ODF 1.2 text document, written here: a small ZIP writer (the "mimetype"
// entry first and stored, the rest deflated) and the XML parts written with QXmlStreamWriter.

#include "core/paper/paperwriter.h"
#include "core/paper/paperwriter_p.h"

#include <QFont>
#include <QImage>
#include <QXmlStreamWriter>
#include <string_view>

#include <array>

namespace CoCommission::Paper {

namespace {

// ---------------------------------------------------------------- ZIP

quint32 crc32(const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t{};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char byte : data)
        crc = table[(crc ^ quint8(byte)) & 0xFF] ^ (crc >> 8);
    return crc ^ 0xFFFFFFFFu;
}

/** A ZIP archive written in memory; entries are stored or deflated, with a fixed date. */
class ZipWriter
{
public:
    void add(const QString &name, const QByteArray &data, bool deflate)
    {
        QByteArray packed = data;
        quint16 method = 0;
        if (deflate && !data.isEmpty()) {
            // qCompress: 4-byte length, 2-byte zlib header, raw deflate, 4-byte Adler-32.
            const QByteArray zlib = qCompress(data, 9);
            if (zlib.size() > 10) {
                packed = zlib.mid(6, zlib.size() - 10);
                method = 8;
            }
        }
        const QByteArray fileName = name.toUtf8();
        const quint32 crc = crc32(data);
        Entry entry{fileName,
                    crc,
                    quint32(packed.size()),
                    quint32(data.size()),
                    method,
                    quint32(m_bytes.size())};
        put32(m_bytes, 0x04034b50);
        header(m_bytes, entry);
        put16(m_bytes, quint16(fileName.size()));
        put16(m_bytes, 0); // extra field length
        m_bytes.append(fileName);
        m_bytes.append(packed);
        m_entries.append(entry);
    }

    QByteArray finish()
    {
        const quint32 directoryAt = quint32(m_bytes.size());
        for (const Entry &entry : std::as_const(m_entries)) {
            put32(m_bytes, 0x02014b50);
            put16(m_bytes, 20); // made by: version 2.0
            header(m_bytes, entry);
            put16(m_bytes, quint16(entry.name.size()));
            put16(m_bytes, 0); // extra
            put16(m_bytes, 0); // comment
            put16(m_bytes, 0); // disk
            put16(m_bytes, 0); // internal attributes
            put32(m_bytes, 0); // external attributes
            put32(m_bytes, entry.offset);
            m_bytes.append(entry.name);
        }
        const quint32 directorySize = quint32(m_bytes.size()) - directoryAt;
        put32(m_bytes, 0x06054b50);
        put16(m_bytes, 0);
        put16(m_bytes, 0);
        put16(m_bytes, quint16(m_entries.size()));
        put16(m_bytes, quint16(m_entries.size()));
        put32(m_bytes, directorySize);
        put32(m_bytes, directoryAt);
        put16(m_bytes, 0); // comment length
        return m_bytes;
    }

private:
    struct Entry
    {
        QByteArray name;
        quint32 crc;
        quint32 packedSize;
        quint32 size;
        quint16 method;
        quint32 offset;
    };

    static void put16(QByteArray &out, quint16 v)
    {
        out.append(char(v & 0xFF));
        out.append(char(v >> 8));
    }
    static void put32(QByteArray &out, quint32 v)
    {
        put16(out, quint16(v & 0xFFFF));
        put16(out, quint16(v >> 16));
    }
    /** The fields common to a local header and a central directory entry. */
    static void header(QByteArray &out, const Entry &entry)
    {
        put16(out, 20);     // version needed: 2.0
        put16(out, 0x0800); // flags: names in UTF-8
        put16(out, entry.method);
        put16(out, 0);                       // time 00:00
        put16(out, (0 << 9) | (1 << 5) | 1); // date 1980-01-01: the same bytes every time
        put32(out, entry.crc);
        put32(out, entry.packedSize);
        put32(out, entry.size);
    }

    QByteArray m_bytes;
    QList<Entry> m_entries;
};

// ---------------------------------------------------------------- XML

const QString kOffice = QStringLiteral("urn:oasis:names:tc:opendocument:xmlns:office:1.0");

void namespaces(QXmlStreamWriter &xml)
{
    const std::pair<const char *, const char *> all[] = {
        {"office", "urn:oasis:names:tc:opendocument:xmlns:office:1.0"},
        {"style", "urn:oasis:names:tc:opendocument:xmlns:style:1.0"},
        {"text", "urn:oasis:names:tc:opendocument:xmlns:text:1.0"},
        {"table", "urn:oasis:names:tc:opendocument:xmlns:table:1.0"},
        {"draw", "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"},
        {"fo", "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"},
        {"xlink", "http://www.w3.org/1999/xlink"},
        {"dc", "http://purl.org/dc/elements/1.1/"},
        {"meta", "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"},
        {"svg", "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"},
    };
    for (const auto &[prefix, uri] : all)
        xml.writeAttribute(QStringLiteral("xmlns:") + QLatin1String(prefix), QLatin1String(uri));
    xml.writeAttribute(QStringLiteral("office:version"), QStringLiteral("1.2"));
}

/** Shorthand for writing prefixed elements and attributes. */
struct Xml
{
    QXmlStreamWriter &w;
    void start(const char *name) { w.writeStartElement(QLatin1String(name)); }
    void end() { w.writeEndElement(); }
    void attr(const char *name, const QString &value)
    {
        w.writeAttribute(QLatin1String(name), value);
    }
    void attr(const char *name, const char *value)
    {
        w.writeAttribute(QLatin1String(name), QLatin1String(value));
    }
    void text(const QString &text) { w.writeCharacters(text); }
    /** <text:p text:style-name=style>text</text:p> */
    void p(const char *style, const QString &content)
    {
        start("text:p");
        attr("text:style-name", style);
        text(content);
        end();
    }
    void paragraphStyle(const char *name, const char *display, const char *parent,
                        const QList<std::pair<const char *, const char *>> &paragraph,
                        const QList<std::pair<const char *, const char *>> &textProperties,
                        int outline = 0)
    {
        start("style:style");
        attr("style:name", name);
        if (display)
            attr("style:display-name", display);
        attr("style:family", "paragraph");
        if (parent)
            attr("style:parent-style-name", parent);
        if (outline > 0) {
            attr("style:default-outline-level", QString::number(outline));
            attr("style:next-style-name", "Text_20_body");
        }
        if (!paragraph.isEmpty()) {
            start("style:paragraph-properties");
            for (const auto &[k, v] : paragraph)
                attr(k, v);
            end();
        }
        if (!textProperties.isEmpty()) {
            start("style:text-properties");
            for (const auto &[k, v] : textProperties)
                attr(k, v);
            end();
        }
        end();
    }
};

constexpr double kBodyWidthCm = 16.0; // 21 cm less 2.5 cm each side
constexpr double kCellPaddingCm = 0.08;
constexpr double kTableFontPt = 9.5; // Table Contents' size

QString cm(double value)
{
    return QString::number(value, 'f', 3) + QStringLiteral("cm");
}

void cellStyle(Xml &x, const char *name, const char *top, const char *bottom, bool shade)
{
    x.start("style:style");
    x.attr("style:name", name);
    x.attr("style:family", "table-cell");
    x.start("style:table-cell-properties");
    x.attr("fo:padding", cm(kCellPaddingCm));
    x.attr("fo:border-top", top);
    x.attr("fo:border-bottom", bottom);
    x.attr("fo:border-left", "none");
    x.attr("fo:border-right", "none");
    if (shade)
        x.attr("fo:background-color", "#eeeeee");
    x.end();
    x.end();
}

void listStyle(Xml &x, const char *name, bool numbered)
{
    x.start("text:list-style");
    x.attr("style:name", name);
    x.start(numbered ? "text:list-level-style-number" : "text:list-level-style-bullet");
    x.attr("text:level", "1");
    if (numbered) {
        x.attr("style:num-format", "1");
        x.attr("style:num-suffix", ".");
    } else {
        x.attr("text:bullet-char", QString(QChar(0x2022)));
    }
    x.start("style:list-level-properties");
    x.attr("text:list-level-position-and-space-mode", "label-alignment");
    x.start("style:list-level-label-alignment");
    x.attr("text:label-followed-by", "listtab");
    x.attr("text:list-tab-stop-position", "0.8cm");
    x.attr("fo:text-indent", "-0.5cm");
    x.attr("fo:margin-left", "0.8cm");
    x.end();
    x.end();
    x.end();
    x.end();
}

/**
 * The width of each column of each table of \a document in points, in the order the tables
 * come: each column at least its longest word where the words fit side by side (as the PDF),
 * else in proportion to the longest words. LibreOffice and Word otherwise share the width
 * evenly, which breaks long words in narrow columns.
 */
QList<QList<qreal>> tableColumnWidths(const Document &document)
{
    constexpr qreal kPoints = 72 / 2.54;
    const qreal available = kBodyWidthCm * kPoints - 1;
    const qreal padding = 2 * kCellPaddingCm * kPoints + 2;
    QImage device = Detail::pointsDevice();
    const auto font = [](bool bold) {
        QFont f;
        f.setFamilies(Detail::fontFamilies());
        f.setPointSizeF(kTableFontPt);
        f.setBold(bold);
        return f;
    };
    QList<QList<qreal>> widths;
    for (const Section &section : document.sections) {
        for (const Block &block : section.blocks) {
            if (block.kind != Block::Kind::Table)
                continue;
            const QList<Detail::Extent> extents =
                Detail::columnExtents(block.table, font, padding, &device);
            QList<qreal> shares = Detail::shareWidth(extents, available);
            if (shares.isEmpty()) {
                qreal shortest = 0;
                for (const Detail::Extent &e : extents)
                    shortest += e.shortest;
                for (const Detail::Extent &e : extents)
                    shares.append(shortest > 0 ? e.shortest * available / shortest : 0);
            }
            widths.append(shares);
        }
    }
    return widths;
}

QByteArray contentXml(const Document &document, QList<QByteArray> &pictures)
{
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    Xml x{w};
    w.writeStartDocument();
    x.start("office:document-content");
    namespaces(w);

    x.start("office:automatic-styles");
    for (const char *name : {"HeaderTable", "DataTable", "BoxTable"}) {
        x.start("style:style");
        x.attr("style:name", name);
        x.attr("style:family", "table");
        x.start("style:table-properties");
        x.attr("style:width", cm(kBodyWidthCm));
        x.attr("table:align", "margins");
        x.attr("fo:margin-bottom", "0.3cm");
        x.end();
        x.end();
    }
    cellStyle(x, "HeadCell", "0.8pt solid #808080", "0.8pt solid #808080", true);
    cellStyle(x, "BodyCell", "none", "0.3pt solid #808080", false);
    cellStyle(x, "TotalCell", "0.8pt solid #808080", "0.8pt solid #808080", false);
    cellStyle(x, "PlainCell", "none", "none", false);
    using Props = QList<std::pair<const char *, const char *>>;
    const Props end{{"fo:text-align", "end"}};
    const Props bold{{"fo:font-weight", "bold"}};
    x.paragraphStyle("NumberCell", nullptr, "Table_20_Contents", end, {});
    // Over a column of numbers, aligned as they are.
    x.paragraphStyle("NumberHeading", nullptr, "Table_20_Heading", end, {});
    x.paragraphStyle("TotalNumberCell", nullptr, "Table_20_Contents", end, bold);
    x.paragraphStyle("TotalText", nullptr, "Table_20_Contents", {}, bold);
    x.start("style:style");
    x.attr("style:name", "fr1");
    x.attr("style:family", "graphic");
    x.start("style:graphic-properties");
    x.attr("style:vertical-pos", "top");
    x.attr("style:horizontal-pos", "center");
    x.end();
    x.end();
    // The first paragraph starts the first page, which has no running header (as in print).
    x.start("style:style");
    x.attr("style:name", "FirstBoard");
    x.attr("style:family", "paragraph");
    x.attr("style:parent-style-name", "Board");
    x.attr("style:master-page-name", "First_20_Page");
    x.end();
    const QList<QList<qreal>> columnWidths = tableColumnWidths(document);
    for (qsizetype t = 0; t < columnWidths.size(); ++t) {
        for (qsizetype c = 0; c < columnWidths.at(t).size(); ++c) {
            x.start("style:style");
            x.attr("style:name", QStringLiteral("Table%1.C%2").arg(t + 1).arg(c + 1));
            x.attr("style:family", "table-column");
            x.start("style:table-column-properties");
            x.attr("style:column-width", cm(columnWidths.at(t).at(c) * 2.54 / 72));
            x.attr("style:rel-column-width",
                   QStringLiteral("%1*").arg(qRound(columnWidths.at(t).at(c) * 100)));
            x.end();
            x.end();
        }
    }
    listStyle(x, "Bullets", false);
    listStyle(x, "Numbers", true);
    x.end(); // automatic-styles

    x.start("office:body");
    x.start("office:text");

    // The header block: a two-column table of labels and values.
    const Header &h = document.header;
    x.p("FirstBoard", h.itemNumber.isEmpty() ? h.board
                                             : h.board + QLatin1Char('\t') +
                                                   Detail::tr("Item no: %1").arg(h.itemNumber));
    x.p("Title", h.title);
    x.start("table:table");
    x.attr("table:name", "Header");
    x.attr("table:style-name", "HeaderTable");
    x.start("table:table-column");
    x.attr("table:number-columns-repeated", "2");
    x.end();
    for (const auto &[label, value] : Detail::headerRows(h)) {
        x.start("table:table-row");
        for (const auto &[style, text] :
             {std::pair{"Header_20_Label", label}, std::pair{"Table_20_Contents", value}}) {
            x.start("table:table-cell");
            x.attr("table:style-name", "PlainCell");
            x.attr("office:value-type", "string");
            x.p(style, text);
            x.end();
        }
        x.end();
    }
    x.end();
    for (const QString &notice : document.notices)
        x.p("Note", notice);

    int tableCount = 0;
    for (const Section &section : document.sections) {
        const int level = section.level <= 1 ? 1 : 2;
        x.start("text:h");
        x.attr("text:style-name", level == 1 ? "Heading_20_1" : "Heading_20_2");
        x.attr("text:outline-level", QString::number(level));
        x.text(section.title);
        if (section.exempt && document.version == Version::Full) {
            x.text(QStringLiteral("  "));
            x.start("text:span");
            x.attr("text:style-name", "Exempt");
            x.text(Detail::tr("EXEMPT"));
            x.end();
        }
        x.end();
        for (const Block &block : section.blocks) {
            switch (block.kind) {
            case Block::Kind::Paragraph:
                x.p("Text_20_body", block.text);
                break;
            case Block::Kind::Note:
                x.p("Note", block.text);
                break;
            case Block::Kind::Bullets:
            case Block::Kind::Numbered:
                x.start("text:list");
                x.attr("text:style-name",
                       block.kind == Block::Kind::Bullets ? "Bullets" : "Numbers");
                for (const QString &item : block.items) {
                    x.start("text:list-item");
                    x.p("List_20_Paragraph", item);
                    x.end();
                }
                x.end();
                break;
            case Block::Kind::Table: {
                const Table &t = block.table;
                if (!t.caption.isEmpty())
                    x.p("Table_20_Caption", t.caption);
                x.start("table:table");
                x.attr("table:name", QStringLiteral("Table%1").arg(++tableCount));
                x.attr("table:style-name", "DataTable");
                for (int c = 0; c < t.header.size(); ++c) {
                    x.start("table:table-column");
                    x.attr("table:style-name",
                           QStringLiteral("Table%1.C%2").arg(tableCount).arg(c + 1));
                    x.end();
                }
                x.start("table:table-header-rows");
                x.start("table:table-row");
                for (int c = 0; c < t.header.size(); ++c) {
                    x.start("table:table-cell");
                    x.attr("table:style-name", "HeadCell");
                    x.attr("office:value-type", "string");
                    x.p(t.numericColumns.contains(c) ? "NumberHeading" : "Table_20_Heading",
                        t.header.at(c));
                    x.end();
                }
                x.end();
                x.end();
                for (int r = 0; r < t.rows.size(); ++r) {
                    const bool total = t.lastRowIsTotal && r == t.rows.size() - 1;
                    x.start("table:table-row");
                    for (int c = 0; c < t.header.size(); ++c) {
                        const bool numeric = t.numericColumns.contains(c);
                        x.start("table:table-cell");
                        x.attr("table:style-name", total ? "TotalCell" : "BodyCell");
                        x.attr("office:value-type", "string");
                        const char *style = numeric ? (total ? "TotalNumberCell" : "NumberCell")
                                                    : (total ? "TotalText" : "Table_20_Contents");
                        x.p(style, c < t.rows.at(r).size() ? t.rows.at(r).at(c).text : QString());
                        x.end();
                    }
                    x.end();
                }
                x.end();
                break;
            }
            case Block::Kind::Chart: {
                const Chart &chart = block.chart;
                if (!chart.title.isEmpty())
                    x.p("Figure_20_Caption", chart.title);
                pictures.append(Detail::chartPng(chart));
                const int n = int(pictures.size());
                const QSizeF points = Detail::chartSizePoints(chart, 453);
                x.start("text:p");
                x.attr("text:style-name", "Figure");
                x.start("draw:frame");
                x.attr("draw:style-name", "fr1");
                x.attr("draw:name", QStringLiteral("Chart%1").arg(n));
                x.attr("text:anchor-type", "as-char");
                x.attr("svg:width", cm(kBodyWidthCm));
                x.attr("svg:height", cm(kBodyWidthCm * points.height() / points.width()));
                x.attr("draw:z-index", "0");
                x.start("draw:image");
                x.attr("xlink:href", QStringLiteral("Pictures/chart%1.png").arg(n));
                x.attr("xlink:type", "simple");
                x.attr("xlink:show", "embed");
                x.attr("xlink:actuate", "onLoad");
                x.attr("draw:mime-type", "image/png");
                x.end();
                x.start("svg:title");
                x.text(chart.title.isEmpty() ? chart.altText : chart.title);
                x.end();
                x.start("svg:desc");
                x.text(chart.altText);
                x.end();
                x.end();
                x.end();
                break;
            }
            }
        }
    }
    x.end(); // office:text
    x.end(); // office:body
    x.end();
    w.writeEndDocument();
    return bytes;
}

QByteArray stylesXml(const Document &document)
{
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    Xml x{w};
    w.writeStartDocument();
    x.start("office:document-styles");
    namespaces(w);
    x.start("office:font-face-decls");
    x.start("style:font-face");
    x.attr("style:name", "Arial");
    x.attr("svg:font-family", "Arial");
    x.attr("style:font-family-generic", "swiss");
    x.end();
    x.end();

    x.start("office:styles");
    x.start("style:default-style");
    x.attr("style:family", "paragraph");
    x.start("style:text-properties");
    x.attr("style:font-name", "Arial");
    x.attr("fo:font-size", "11pt");
    const QStringList language = document.language.split(QLatin1Char('-'));
    x.attr("fo:language", language.value(0, QStringLiteral("en")));
    x.attr("fo:country", language.value(1, QStringLiteral("GB")));
    x.end();
    x.end();
    using Props = QList<std::pair<const char *, const char *>>;
    x.paragraphStyle("Standard", nullptr, nullptr, {}, {});
    x.paragraphStyle(
        "Text_20_body", "Text body", "Standard",
        Props{{"fo:margin-top", "0cm"}, {"fo:margin-bottom", "0.25cm"}, {"fo:line-height", "118%"}},
        {});
    x.paragraphStyle("Heading", nullptr, "Standard", Props{{"fo:keep-with-next", "always"}},
                     Props{{"fo:font-weight", "bold"}});
    x.paragraphStyle("Heading_20_1", "Heading 1", "Heading",
                     Props{{"fo:margin-top", "0.5cm"}, {"fo:margin-bottom", "0.18cm"}},
                     Props{{"fo:font-size", "13pt"}}, 1);
    x.paragraphStyle("Heading_20_2", "Heading 2", "Heading",
                     Props{{"fo:margin-top", "0.35cm"}, {"fo:margin-bottom", "0.1cm"}},
                     Props{{"fo:font-size", "11.5pt"}}, 2);
    x.paragraphStyle("Board", nullptr, "Standard", Props{{"fo:margin-bottom", "0.1cm"}},
                     Props{{"fo:font-size", "14pt"}, {"fo:font-weight", "bold"}});
    x.paragraphStyle("Title", nullptr, "Standard",
                     Props{{"fo:margin-bottom", "0.3cm"},
                           {"fo:border-bottom", "0.5pt solid #808080"},
                           {"fo:padding-bottom", "0.2cm"}},
                     Props{{"fo:font-size", "18pt"}, {"fo:font-weight", "bold"}});
    x.paragraphStyle("Table_20_Contents", "Table Contents", "Standard", {},
                     Props{{"fo:font-size", "9.5pt"}}); // kTableFontPt
    x.paragraphStyle("Header_20_Label", "Header Label", "Standard", {},
                     Props{{"fo:font-weight", "bold"}});
    x.paragraphStyle("Table_20_Heading", "Table Heading", "Table_20_Contents", {},
                     Props{{"fo:font-weight", "bold"}});
    x.paragraphStyle("Table_20_Caption", "Table Caption", "Standard",
                     Props{{"fo:margin-top", "0.2cm"},
                           {"fo:margin-bottom", "0.1cm"},
                           {"fo:keep-with-next", "always"}},
                     Props{{"fo:font-size", "10pt"}, {"fo:font-weight", "bold"}});
    x.paragraphStyle("Figure_20_Caption", "Figure Caption", "Table_20_Caption", {}, {});
    x.paragraphStyle("Figure", nullptr, "Standard", Props{{"fo:margin-bottom", "0.3cm"}}, {});
    x.paragraphStyle("List_20_Paragraph", "List Paragraph", "Text_20_body",
                     Props{{"fo:margin-bottom", "0.12cm"}}, {});
    x.paragraphStyle("Note", nullptr, "Standard",
                     Props{{"fo:background-color", "#eeeeee"},
                           {"fo:border", "0.5pt solid #808080"},
                           {"fo:padding", "0.2cm"},
                           {"fo:margin-top", "0.1cm"},
                           {"fo:margin-bottom", "0.3cm"}},
                     {});
    x.start("style:style");
    x.attr("style:name", "Header");
    x.attr("style:family", "paragraph");
    x.attr("style:parent-style-name", "Standard");
    x.start("style:paragraph-properties");
    x.start("style:tab-stops");
    x.start("style:tab-stop");
    x.attr("style:position", cm(kBodyWidthCm));
    x.attr("style:type", "right");
    x.end();
    x.end();
    x.end();
    x.start("style:text-properties");
    x.attr("fo:font-size", "8.5pt");
    x.attr("fo:color", "#595959");
    x.end();
    x.end();
    x.paragraphStyle("Footer", nullptr, "Standard", Props{{"fo:text-align", "center"}},
                     Props{{"fo:font-size", "8.5pt"}, {"fo:color", "#595959"}});
    x.start("style:style");
    x.attr("style:name", "Exempt");
    x.attr("style:family", "text");
    x.start("style:text-properties");
    x.attr("fo:font-size", "9pt");
    x.attr("fo:font-weight", "bold");
    x.attr("fo:color", "#9c0006");
    x.end();
    x.end();
    x.end(); // office:styles

    x.start("office:automatic-styles");
    x.start("style:page-layout");
    x.attr("style:name", "A4");
    x.start("style:page-layout-properties");
    x.attr("fo:page-width", "21cm");
    x.attr("fo:page-height", "29.7cm");
    x.attr("style:print-orientation", "portrait");
    x.attr("fo:margin-top", "1.2cm");
    x.attr("fo:margin-bottom", "1.2cm");
    x.attr("fo:margin-left", "2.5cm");
    x.attr("fo:margin-right", "2.5cm");
    x.end();
    for (const char *part : {"style:header-style", "style:footer-style"}) {
        x.start(part);
        x.start("style:header-footer-properties");
        x.attr("fo:min-height", "0.5cm");
        x.attr(part == std::string_view("style:header-style") ? "fo:margin-bottom"
                                                              : "fo:margin-top",
               "0.3cm");
        x.end();
        x.end();
    }
    x.end();
    x.end();

    // "Page X of Y" with the numbers as fields.
    const auto footer = [&] {
        x.start("style:footer");
        x.start("text:p");
        x.attr("text:style-name", "Footer");
        const QString pattern = Detail::tr("Page %1 of %2");
        const qsizetype first = pattern.indexOf(QLatin1String("%1"));
        const qsizetype second = pattern.indexOf(QLatin1String("%2"));
        if (first >= 0 && second > first) {
            x.text(pattern.left(first));
            x.start("text:page-number");
            x.attr("text:select-page", "current");
            x.text(QStringLiteral("1"));
            x.end();
            x.text(pattern.mid(first + 2, second - first - 2));
            x.start("text:page-count");
            x.text(QStringLiteral("1"));
            x.end();
            x.text(pattern.mid(second + 2));
        }
        x.end();
        x.end();
    };
    x.start("office:master-styles");
    x.start("style:master-page");
    x.attr("style:name", "Standard");
    x.attr("style:page-layout-name", "A4");
    x.start("style:header");
    x.start("text:p");
    x.attr("text:style-name", "Header");
    const Header &h = document.header;
    x.text(h.itemNumber.isEmpty() ? h.board
                                  : Detail::tr("%1 - Item %2").arg(h.board, h.itemNumber));
    x.start("text:tab");
    x.end();
    x.text(h.classification);
    x.end();
    x.end();
    footer();
    x.end();
    // The first page carries the header block itself, so no running header; then Standard.
    x.start("style:master-page");
    x.attr("style:name", "First_20_Page");
    x.attr("style:display-name", "First Page");
    x.attr("style:page-layout-name", "A4");
    x.attr("style:next-style-name", "Standard");
    footer();
    x.end();
    x.end(); // office:master-styles
    x.end(); // office:document-styles
    w.writeEndDocument();
    return bytes;
}

QByteArray metaXml(const Document &document)
{
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    Xml x{w};
    w.writeStartDocument();
    x.start("office:document-meta");
    namespaces(w);
    x.start("office:meta");
    x.start("meta:generator");
    x.text(QStringLiteral("CoCommission"));
    x.end();
    x.start("dc:title");
    x.text(document.documentTitle.isEmpty() ? document.header.title : document.documentTitle);
    x.end();
    x.start("dc:language");
    x.text(document.language.isEmpty() ? QStringLiteral("en-GB") : document.language);
    x.end();
    x.start("meta:initial-creator");
    x.text(document.author);
    x.end();
    x.start("dc:creator");
    x.text(document.author);
    x.end();
    x.end();
    x.end();
    w.writeEndDocument();
    return bytes;
}

QByteArray manifestXml(int pictures)
{
    QByteArray bytes;
    QXmlStreamWriter w(&bytes);
    Xml x{w};
    w.writeStartDocument();
    x.start("manifest:manifest");
    x.attr("xmlns:manifest", "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0");
    x.attr("manifest:version", "1.2");
    const auto entry = [&](const QString &path, const char *type) {
        x.start("manifest:file-entry");
        x.attr("manifest:full-path", path);
        if (path == QLatin1String("/"))
            x.attr("manifest:version", "1.2");
        x.attr("manifest:media-type", type);
        x.end();
    };
    entry(QStringLiteral("/"), "application/vnd.oasis.opendocument.text");
    entry(QStringLiteral("content.xml"), "text/xml");
    entry(QStringLiteral("styles.xml"), "text/xml");
    entry(QStringLiteral("meta.xml"), "text/xml");
    for (int i = 1; i <= pictures; ++i)
        entry(QStringLiteral("Pictures/chart%1.png").arg(i), "image/png");
    x.end();
    w.writeEndDocument();
    return bytes;
}

} // namespace

Result<QByteArray> toOdt(const Document &document)
{
    QList<QByteArray> pictures;
    const QByteArray content = contentXml(document, pictures);
    ZipWriter zip;
    zip.add(QStringLiteral("mimetype"), "application/vnd.oasis.opendocument.text", false);
    zip.add(QStringLiteral("META-INF/manifest.xml"), manifestXml(int(pictures.size())), true);
    zip.add(QStringLiteral("content.xml"), content, true);
    zip.add(QStringLiteral("styles.xml"), stylesXml(document), true);
    zip.add(QStringLiteral("meta.xml"), metaXml(document), true);
    for (int i = 0; i < pictures.size(); ++i)
        zip.add(QStringLiteral("Pictures/chart%1.png").arg(i + 1), pictures.at(i), false);
    return zip.finish();
}

} // namespace CoCommission::Paper
