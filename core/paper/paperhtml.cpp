// The paper as one HTML5 file: real headings, lists and tables, charts as PNG data: URIs with
// their alternative text, and CSS for printing on A4.

#include "core/paper/paperwriter.h"
#include "core/paper/paperwriter_p.h"

namespace CoCommission::Paper {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

const char *const kStyle = R"(
body { font-family: Arial, "Liberation Sans", sans-serif; font-size: 11pt; line-height: 1.4;
       max-width: 46em; margin: 2em auto; padding: 0 1em; color: #000; }
table.header { border-collapse: collapse; width: 100%; margin-bottom: 1em; }
table.header th { text-align: left; padding: 2px 8px 2px 0; width: 30%; vertical-align: top; }
table.header td { padding: 2px 0; }
p.board { font-size: 14pt; font-weight: bold; margin: 0; display: flex;
          justify-content: space-between; }
h1 { font-size: 18pt; margin: 0.3em 0 0.6em; padding-bottom: 0.3em;
     border-bottom: 1px solid #808080; }
h2 { font-size: 13pt; margin: 1.4em 0 0.4em; }
h3 { font-size: 11.5pt; margin: 1em 0 0.3em; }
.exempt { font-size: 9pt; color: #9c0006; border: 1px solid #9c0006; padding: 0 4px;
          margin-left: 0.6em; vertical-align: middle; }
aside, div.note { background: #eee; border: 1px solid #808080; padding: 0.5em 0.8em;
                  margin: 0.6em 0 1em; }
div.note { font-style: italic; }
table.data { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 9.5pt; }
table.data caption { text-align: left; font-weight: bold; caption-side: top;
                     padding-bottom: 0.3em; }
table.data th, table.data td { border-top: 1px solid #808080; border-bottom: 1px solid #808080;
                               padding: 3px 5px; text-align: left; }
table.data thead th { background: #eee; }
table.data .num { text-align: right; }
table.data tr.total td { font-weight: bold; }
figure { margin: 0.6em 0 1em; }
figure img { max-width: 100%; height: auto; }
figcaption { font-weight: bold; font-size: 10pt; margin-bottom: 0.3em; }
@page { size: A4; margin: 20mm 25mm; }
@media print { body { max-width: none; margin: 0; padding: 0; }
               thead { display: table-header-group; } tr, figure { break-inside: avoid; }
               h2, h3 { break-after: avoid; } }
)";

void writeTable(QString &out, const Table &table)
{
    out += QStringLiteral("<table class=\"data\">\n");
    if (!table.caption.isEmpty())
        out += QStringLiteral("<caption>%1</caption>\n").arg(esc(table.caption));
    const auto cls = [&](int column) {
        return table.numericColumns.contains(column) ? QStringLiteral(" class=\"num\"") : QString();
    };
    out += QStringLiteral("<thead><tr>");
    for (int c = 0; c < table.header.size(); ++c)
        out += QStringLiteral("<th scope=\"col\"%1>%2</th>").arg(cls(c), esc(table.header.at(c)));
    out += QStringLiteral("</tr></thead>\n<tbody>\n");
    for (int r = 0; r < table.rows.size(); ++r) {
        const bool total = table.lastRowIsTotal && r == table.rows.size() - 1;
        out += total ? QStringLiteral("<tr class=\"total\">") : QStringLiteral("<tr>");
        for (int c = 0; c < table.header.size(); ++c) {
            const QString text =
                c < table.rows.at(r).size() ? table.rows.at(r).at(c).text : QString();
            out += QStringLiteral("<td%1>%2</td>").arg(cls(c), esc(text));
        }
        out += QStringLiteral("</tr>\n");
    }
    out += QStringLiteral("</tbody>\n</table>\n");
}

void writeBlock(QString &out, const Block &block)
{
    switch (block.kind) {
    case Block::Kind::Paragraph:
        out += QStringLiteral("<p>%1</p>\n").arg(esc(block.text));
        break;
    case Block::Kind::Bullets:
    case Block::Kind::Numbered: {
        const QString tag =
            block.kind == Block::Kind::Bullets ? QStringLiteral("ul") : QStringLiteral("ol");
        out += QStringLiteral("<%1>\n").arg(tag);
        for (const QString &item : block.items)
            out += QStringLiteral("<li>%1</li>\n").arg(esc(item));
        out += QStringLiteral("</%1>\n").arg(tag);
        break;
    }
    case Block::Kind::Table:
        writeTable(out, block.table);
        break;
    case Block::Kind::Chart:
        out += QStringLiteral("<figure>\n");
        if (!block.chart.title.isEmpty())
            out += QStringLiteral("<figcaption>%1</figcaption>\n").arg(esc(block.chart.title));
        out += QStringLiteral("<img src=\"data:image/png;base64,%1\" alt=\"%2\">\n")
                   .arg(QString::fromLatin1(Detail::chartPng(block.chart).toBase64()),
                        esc(block.chart.altText));
        out += QStringLiteral("</figure>\n");
        break;
    case Block::Kind::Note:
        out += QStringLiteral("<div class=\"note\" role=\"note\"><p>%1</p></div>\n")
                   .arg(esc(block.text));
        break;
    }
}

} // namespace

QByteArray toHtml(const Document &document)
{
    const Header &h = document.header;
    const QString title = document.documentTitle.isEmpty() ? h.title : document.documentTitle;
    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head>\n<meta charset=\"utf-8\">\n")
               .arg(esc(document.language.isEmpty() ? QStringLiteral("en-GB") : document.language));
    out += QStringLiteral(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out += QStringLiteral("<title>%1</title>\n").arg(esc(title));
    if (!document.author.isEmpty())
        out += QStringLiteral("<meta name=\"author\" content=\"%1\">\n").arg(esc(document.author));
    out += QStringLiteral("<meta name=\"generator\" content=\"CoCommission\">\n");
    out += QStringLiteral("<style>%1</style>\n</head>\n<body>\n<header>\n")
               .arg(QString::fromLatin1(kStyle));
    out += QStringLiteral("<p class=\"board\"><span>%1</span><span>%2</span></p>\n")
               .arg(esc(h.board), h.itemNumber.isEmpty()
                                      ? QString()
                                      : esc(Detail::tr("Item no: %1").arg(h.itemNumber)));
    out += QStringLiteral("<h1>%1</h1>\n<table class=\"header\">\n").arg(esc(h.title));
    for (const auto &[label, value] : Detail::headerRows(h)) {
        out += QStringLiteral("<tr><th scope=\"row\">%1</th><td>%2</td></tr>\n")
                   .arg(esc(label), esc(value));
    }
    out += QStringLiteral("</table>\n</header>\n");
    if (!document.notices.isEmpty()) {
        out += QStringLiteral("<aside>\n");
        for (const QString &notice : document.notices)
            out += QStringLiteral("<p>%1</p>\n").arg(esc(notice));
        out += QStringLiteral("</aside>\n");
    }
    out += QStringLiteral("<main>\n");
    for (const Section &section : document.sections) {
        const QString tag = section.level <= 1 ? QStringLiteral("h2") : QStringLiteral("h3");
        QString marker;
        if (section.exempt && document.version == Version::Full)
            marker =
                QStringLiteral(" <span class=\"exempt\">%1</span>").arg(esc(Detail::tr("EXEMPT")));
        out += QStringLiteral("<section>\n<%1>%2%3</%1>\n").arg(tag, esc(section.title), marker);
        for (const Block &block : section.blocks)
            writeBlock(out, block);
        out += QStringLiteral("</section>\n");
    }
    out += QStringLiteral("</main>\n</body>\n</html>\n");
    return out.toUtf8();
}

} // namespace CoCommission::Paper
