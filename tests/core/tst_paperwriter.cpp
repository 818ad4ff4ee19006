// The paper writers (paperwriter.h): PDF checked with poppler's tools, ODT with python3's
// zipfile, HTML as text; papers built by hand, not by the composer.

#include "core/paper/paperwriter.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace CoCommission;
using namespace CoCommission::Paper;

namespace {

Chart barsChart()
{
    Chart chart;
    chart.kind = Chart::Kind::Bars;
    chart.title = QStringLiteral("Figure 1: Starts by borough");
    chart.altText =
        QStringLiteral("Bar chart of starts: Barnet 120, Camden 95, Ealing suppressed.");
    chart.valueLabel = QStringLiteral("Starts");
    chart.categories = {QStringLiteral("Barnet"), QStringLiteral("Camden"),
                        QStringLiteral("Ealing")};
    Series planned{QStringLiteral("Planned"), {150, 100, 40}, {}, {}, false};
    Series actual{QStringLiteral("Actual"), {120, 95, 3}, {false, false, true}, {}, false};
    chart.series = {planned, actual};
    chart.counts = true;
    return chart;
}

Chart linesChart()
{
    Chart chart;
    chart.kind = Chart::Kind::Lines;
    chart.title = QStringLiteral("Figure 2: Starts by month");
    chart.altText = QStringLiteral("Line chart of monthly starts against the profile.");
    chart.valueLabel = QStringLiteral("Starts");
    for (int m = 1; m <= 12; ++m)
        chart.categories.append(QDate(2025, m, 1).toString(QStringLiteral("MMM yy")));
    Series profile{QStringLiteral("Profile"), {}, {}, {}, true};
    Series actual{QStringLiteral("Actual"), {}, {}, {}, false};
    for (int m = 0; m < 12; ++m) {
        profile.values.append(20 + 5 * m);
        actual.values.append(18 + 6 * m);
    }
    chart.series = {profile, actual};
    return chart;
}

Chart tileChart()
{
    Chart chart;
    chart.kind = Chart::Kind::TileMap;
    chart.title = QStringLiteral("Figure 3: Contract package areas");
    chart.altText = QStringLiteral("Tile map of London boroughs coloured by CPA.");
    chart.tiles = {{QStringLiteral("Brnt"), QStringLiteral("West"), 1, 0, {}},
                   {QStringLiteral("Camd"), QStringLiteral("Central"), 2, 0, {}},
                   {QStringLiteral("Hack"), QStringLiteral("Central"), 3, 0, {}},
                   {QStringLiteral("Ealg"), QStringLiteral("West"), 0, 1, {}},
                   {QStringLiteral("Sthw"), QStringLiteral("South"), 3, 1, {}}};
    return chart;
}

Table smallTable()
{
    Table table;
    table.caption = QStringLiteral("Table 1: Starts by borough");
    table.header = {QStringLiteral("Borough"), QStringLiteral("Starts"), QStringLiteral("Cost")};
    table.numericColumns = {1, 2};
    table.rows = {{Cell::text_(QStringLiteral("Barnet")), Cell::count(1234),
                   Cell::text_(QStringLiteral("£10,500"))},
                  {Cell::text_(QStringLiteral("Camden")), Cell::count(987),
                   Cell::text_(QStringLiteral("£9,870"))},
                  {Cell::text_(QStringLiteral("Total")), Cell::count(2221),
                   Cell::text_(QStringLiteral("£20,370"))}};
    table.lastRowIsTotal = true;
    return table;
}

Table longTable(int rows)
{
    Table table;
    table.caption = QStringLiteral("Table 9: Monthly returns");
    table.header = {QStringLiteral("Return period"), QStringLiteral("Referrals received"),
                    QStringLiteral("Starts")};
    table.numericColumns = {1, 2};
    for (int r = 0; r < rows; ++r)
        table.rows.append({Cell::text_(QStringLiteral("Period row %1").arg(r + 1)),
                           Cell::count(100 + r), Cell::count(50 + r)});
    return table;
}

const QString kLorem = QStringLiteral(
    "The board is asked to note the progress made by the boroughs and the provider in the "
    "first year of the programme, the referrals received from Jobcentre Plus and the starts "
    "made against the profile agreed at contract award. ");

Document shortPaper()
{
    Document document;
    document.header.board = QStringLiteral("Executive");
    document.header.itemNumber = QStringLiteral("7");
    document.header.title = QStringLiteral("Work and Health Programme - Update");
    document.header.reportBy = QStringLiteral("Doug Flight");
    document.header.jobTitle = QStringLiteral("Head of Strategic Policy");
    document.header.date = QDate(2015, 3, 3);
    document.header.contactOfficer = QStringLiteral("Ann Other");
    document.header.email = QStringLiteral("ann.other@example.gov.uk");
    document.header.telephone = QStringLiteral("020 7934 9805");
    document.header.classification = QStringLiteral("Public");
    document.documentTitle = QStringLiteral("Item 7: Work and Health Programme - Update");
    document.author = QStringLiteral("Doug Flight");
    document.notices = {QStringLiteral("Illustrative figures: the demo round is not real data.")};

    Section summary{
        QStringLiteral("summary"), QStringLiteral("Summary"), 1, false, {Block::paragraph(kLorem)}};
    Section recommendations{
        QStringLiteral("recommendations"),
        QStringLiteral("Recommendations"),
        1,
        false,
        {Block::paragraph(QStringLiteral("The Executive is asked to:")),
         Block::numbered({QStringLiteral("Note the progress made in the first year."),
                          QStringLiteral("Agree the revised profile of starts."),
                          QStringLiteral("Comment on the draft evaluation plan.")})}};
    Section performance{QStringLiteral("performance"),
                        QStringLiteral("Performance"),
                        1,
                        false,
                        {Block::bullets({QStringLiteral("Referrals are on profile."),
                                         QStringLiteral("Starts are behind in Ealing.")}),
                         Block::tableBlock(smallTable()), Block::chartBlock(barsChart()),
                         Block::note(QStringLiteral("Counts under 5 are suppressed [c]."))}};
    document.sections = {summary, recommendations, performance};
    return document;
}

/** About ten pages: many sections, a long table and six charts. */
Document longPaper()
{
    Document document = shortPaper();
    const QList<Chart> charts = {barsChart(), linesChart(), tileChart()};
    for (int i = 0; i < 8; ++i) {
        Section section{QStringLiteral("body%1").arg(i),
                        QStringLiteral("Body section %1").arg(i + 1),
                        1,
                        false,
                        {}};
        for (int p = 0; p < 3; ++p)
            section.blocks.append(Block::paragraph(kLorem + kLorem + kLorem));
        if (i < 6)
            section.blocks.append(Block::chartBlock(charts.at(i % 3)));
        document.sections.append(section);
        Section sub{QStringLiteral("body%1.sub").arg(i),
                    QStringLiteral("Detail %1").arg(i + 1),
                    2,
                    false,
                    {Block::paragraph(kLorem)}};
        document.sections.append(sub);
    }
    document.sections.append({QStringLiteral("returns"),
                              QStringLiteral("Monthly returns"),
                              1,
                              false,
                              {Block::tableBlock(longTable(90))}});
    return document;
}

struct Run
{
    bool started = false;
    int exitCode = -1;
    QByteArray out;
};

Run run(const QString &program, const QStringList &arguments)
{
    Run result;
    const QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        return result;
    QProcess process;
    process.start(path, arguments);
    if (!process.waitForFinished(60000))
        return result;
    result.started = true;
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    return result;
}

#define REQUIRE_TOOL(program)                                                                      \
    do {                                                                                           \
        if (QStandardPaths::findExecutable(QStringLiteral(program)).isEmpty())                     \
            QSKIP(program " is not installed (poppler-utils / python3); cannot check the file.");  \
    } while (false)

/** Writes \a bytes into \a dir; with PAPERWRITER_KEEP=folder set, a copy goes there to look at. */
QString writeBytes(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    const QString keep = qEnvironmentVariable("PAPERWRITER_KEEP");
    if (!keep.isEmpty()) {
        QFile copy(QDir(keep).filePath(QString::fromLatin1(QTest::currentTestFunction()) +
                                       QLatin1Char('-') + name));
        if (copy.open(QIODevice::WriteOnly))
            copy.write(bytes);
    }
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

QString pdfText(const QString &path, int page = 0)
{
    QStringList arguments = {QStringLiteral("-layout")};
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
                  << QString::number(page);
    arguments << path << QStringLiteral("-");
    return QString::fromUtf8(run(QStringLiteral("pdftotext"), arguments).out);
}

QString pdfInfo(const QString &path)
{
    return QString::fromUtf8(run(QStringLiteral("pdfinfo"), {path}).out);
}

int pdfPages(const QString &path)
{
    const auto match = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(pdfInfo(path));
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

QByteArray zipMember(const QString &zip, const QString &member)
{
    return run(QStringLiteral("python3"),
               {QStringLiteral("-c"),
                QStringLiteral(
                    "import sys, zipfile; "
                    "sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))"),
                zip, member})
        .out;
}

} // namespace

class TestPaperWriter : public QObject
{
    Q_OBJECT

private slots:
    void formatForPath_data();
    void formatForPath();
    void pdfHoldsTheHeaderBlockAndText();
    void pdfInfoHasA4TitleAuthorAndPages();
    void pdfFontsAreEmbedded();
    void everyPageHasItsFooterAndLaterPagesTheRunningHeader();
    void longTableRepeatsItsHeaderRow();
    void tableColumnsKeepTheirWordsWhole_data();
    void tableColumnsKeepTheirWordsWhole();
    void contentsOnlyForLongPapersWithRightPages();
    void chartsAreVectorText();
    void exemptSectionsAreMarked();
    void pageImageIsAWhitePage();
    void chartImagesAreDrawn();
    void outputIsDeterministic();
    void htmlIsAccessible();
    void odtIsAValidOpenDocument();
    void odtFirstPageHasNoRunningHeader();
    void odtColumnsAreAsWideAsTheirText();
    void writePaperPicksTheFormatBySuffix();
    void writePaperRefusesBadPaths();
};

void TestPaperWriter::formatForPath_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("format"); // -1: none
    QTest::newRow("pdf") << QStringLiteral("/tmp/a.pdf") << int(Format::Pdf);
    QTest::newRow("PDF upper case") << QStringLiteral("C:/papers/A.PDF") << int(Format::Pdf);
    QTest::newRow("odt") << QStringLiteral("paper.odt") << int(Format::Odt);
    QTest::newRow("html") << QStringLiteral("paper.html") << int(Format::Html);
    QTest::newRow("Htm") << QStringLiteral("paper.Htm") << int(Format::Html);
    QTest::newRow("docx") << QStringLiteral("paper.docx") << -1;
    QTest::newRow("no suffix") << QStringLiteral("paper") << -1;
}

void TestPaperWriter::formatForPath()
{
    QFETCH(QString, path);
    QFETCH(int, format);
    const auto found = Paper::formatForPath(path);
    QCOMPARE(found ? int(*found) : -1, format);
}

void TestPaperWriter::pdfHoldsTheHeaderBlockAndText()
{
    REQUIRE_TOOL("pdftotext");
    QTemporaryDir dir;
    const auto pdf = toPdf(shortPaper());
    QVERIFY2(pdf.ok(), qPrintable(pdf.errorMessage()));
    const QString text = pdfText(writeBytes(dir, QStringLiteral("p.pdf"), *pdf));
    for (const QString &expected : {QStringLiteral("Executive"),
                                    QStringLiteral("Item no: 7"),
                                    QStringLiteral("Work and Health Programme"),
                                    QStringLiteral("Report by:"),
                                    QStringLiteral("Doug Flight"),
                                    QStringLiteral("Head of Strategic Policy"),
                                    QStringLiteral("3 March 2015"),
                                    QStringLiteral("Ann Other"),
                                    QStringLiteral("ann.other@example.gov.uk"),
                                    QStringLiteral("020 7934 9805"),
                                    QStringLiteral("Classification:"),
                                    QStringLiteral("Illustrative figures"),
                                    QStringLiteral("Recommendations"),
                                    QStringLiteral("1. Note the progress made"),
                                    QStringLiteral("3. Comment on the draft evaluation plan."),
                                    QStringLiteral("Table 1: Starts by borough"),
                                    QStringLiteral("1,234"),
                                    QStringLiteral("2,221"),
                                    QStringLiteral("£20,370"),
                                    QStringLiteral("Counts under 5 are suppressed")}) {
        QVERIFY2(text.contains(expected), qPrintable(expected));
    }
    // The bullets are real list items, the numbered ones come in order.
    QVERIFY(text.indexOf(QStringLiteral("1. Note")) < text.indexOf(QStringLiteral("2. Agree")));
}

void TestPaperWriter::pdfInfoHasA4TitleAuthorAndPages()
{
    REQUIRE_TOOL("pdfinfo");
    QTemporaryDir dir;
    const Document document = shortPaper();
    const auto pdf = toPdf(document);
    QVERIFY(pdf.ok());
    const QString info = pdfInfo(writeBytes(dir, QStringLiteral("p.pdf"), *pdf));
    QVERIFY2(
        QRegularExpression(QStringLiteral("Page size:\\s+595(\\.\\d+)? x 84[12](\\.\\d+)? pts"))
            .match(info)
            .hasMatch(),
        qPrintable(info));
    QVERIFY2(info.contains(
                 QStringLiteral("Title:           Item 7: Work and Health Programme - Update")),
             qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Author:          Doug Flight")), qPrintable(info));
    QVERIFY2(!info.contains(QStringLiteral("Syntax")), qPrintable(info));
    const PageLayout layout(document);
    QCOMPARE(pdfPages(dir.filePath(QStringLiteral("p.pdf"))), layout.pageCount());
}

void TestPaperWriter::pdfFontsAreEmbedded()
{
    REQUIRE_TOOL("pdffonts");
    QTemporaryDir dir;
    const auto pdf = toPdf(longPaper());
    QVERIFY(pdf.ok());
    const QString fonts = QString::fromUtf8(
        run(QStringLiteral("pdffonts"), {writeBytes(dir, QStringLiteral("p.pdf"), *pdf)}).out);
    const QStringList lines = fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(lines.size() > 2, qPrintable(fonts)); // a heading, a rule, at least one font
    for (const QString &line : lines.mid(2)) {
        // name type encoding emb sub uni object ID: "emb" must say yes.
        const QStringList columns = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(columns.size() >= 5 && columns.at(columns.size() - 5) == QLatin1String("yes"),
                 qPrintable(line));
    }
}

void TestPaperWriter::everyPageHasItsFooterAndLaterPagesTheRunningHeader()
{
    REQUIRE_TOOL("pdftotext");
    QTemporaryDir dir;
    const auto pdf = toPdf(longPaper());
    QVERIFY(pdf.ok());
    const QString path = writeBytes(dir, QStringLiteral("p.pdf"), *pdf);
    const int pages = pdfPages(path);
    QVERIFY2(pages >= 5, qPrintable(QString::number(pages)));
    for (int page = 1; page <= pages; ++page) {
        const QString text = pdfText(path, page);
        QVERIFY2(text.contains(QStringLiteral("Page %1 of %2").arg(page).arg(pages)),
                 qPrintable(QStringLiteral("page %1").arg(page)));
        QCOMPARE(text.contains(QStringLiteral("Executive - Item 7")), page > 1);
    }
}

void TestPaperWriter::longTableRepeatsItsHeaderRow()
{
    REQUIRE_TOOL("pdftotext");
    QTemporaryDir dir;
    Document document = shortPaper();
    document.sections.append({QStringLiteral("returns"),
                              QStringLiteral("Monthly returns"),
                              1,
                              false,
                              {Block::tableBlock(longTable(150))}});
    const auto pdf = toPdf(document);
    QVERIFY(pdf.ok());
    const QString path = writeBytes(dir, QStringLiteral("p.pdf"), *pdf);
    int pagesWithRows = 0;
    for (int page = 1; page <= pdfPages(path); ++page) {
        const QString text = pdfText(path, page);
        if (!text.contains(QStringLiteral("Period row ")))
            continue;
        ++pagesWithRows;
        QVERIFY2(text.contains(QStringLiteral("Referrals received")),
                 qPrintable(QStringLiteral("no header row on page %1").arg(page)));
    }
    QVERIFY2(pagesWithRows >= 3, qPrintable(QString::number(pagesWithRows)));
}

/** A table of \a columns columns whose header and cells are the words of \a words in turn. */
Table wordyTable(int columns, const QStringList &words)
{
    Table table;
    table.caption = QStringLiteral("Table 9: Tariffs");
    for (int c = 0; c < columns; ++c)
        table.header << words.at(c % words.size()) + QStringLiteral(" fee");
    for (int r = 0; r < 3; ++r) {
        QList<Cell> row;
        for (int c = 0; c < columns; ++c)
            row << Cell::text_(
                QStringLiteral("Early %1").arg(words.at((c + r + 1) % words.size())));
        table.rows << row;
    }
    table.numericColumns = {2, 3};
    return table;
}

void TestPaperWriter::tableColumnsKeepTheirWordsWhole_data()
{
    QTest::addColumn<Table>("table");
    // As the paper's tariff table: QTextDocument's own layout printed "Attachmen" above "t fee".
    QTest::newRow("tariffs") << wordyTable(
        7, {QStringLiteral("Attachment"), QStringLiteral("Sustainment"),
            QStringLiteral("disadvantaged"), QStringLiteral("outcome"), QStringLiteral("All")});
    // As the providers table: short columns given just their width, which Qt then rounds.
    Table providers;
    providers.header = {QStringLiteral("CPA"),
                        QStringLiteral("Providers"),
                        QStringLiteral("Voluntary and community"),
                        QStringLiteral("Share"),
                        QStringLiteral("SMEs"),
                        QStringLiteral("Share")};
    providers.numericColumns = {1, 2, 3, 4, 5};
    for (const QString &cpa :
         {QStringLiteral("Central London Forward"), QStringLiteral("South London Partnership")})
        providers.rows << QList<Cell>{Cell::text_(cpa), Cell::count(4),
                                      Cell::count(3),   Cell::text_(QStringLiteral("75.0%")),
                                      Cell::count(3),   Cell::text_(QStringLiteral("75.0%"))};
    QTest::newRow("providers") << providers;
    // Whole only at a smaller type size.
    QTest::newRow("wide") << wordyTable(
        6, {QStringLiteral("Sustainments"), QStringLiteral("Attachments"),
            QStringLiteral("disadvantaged"), QStringLiteral("Partnership")});
}

void TestPaperWriter::tableColumnsKeepTheirWordsWhole()
{
    REQUIRE_TOOL("pdftotext");
    QFETCH(Table, table);
    QTemporaryDir dir;
    Document document = shortPaper();
    document.sections.append({QStringLiteral("tariffs"),
                              QStringLiteral("Tariffs"),
                              1,
                              false,
                              {Block::tableBlock(table)}});
    const auto pdf = toPdf(document);
    QVERIFY(pdf.ok());
    const QString text = pdfText(writeBytes(dir, QStringLiteral("p.pdf"), *pdf));
    QStringList words = table.header;
    for (const auto &row : table.rows)
        for (const Cell &cell : row)
            words << cell.text;
    for (const QString &phrase : words) {
        for (const QString &word : phrase.split(QLatin1Char(' '))) {
            QVERIFY2(text.contains(word),
                     qPrintable(QStringLiteral("\"%1\" is broken in:\n%2").arg(word, text)));
        }
    }
}

void TestPaperWriter::contentsOnlyForLongPapersWithRightPages()
{
    REQUIRE_TOOL("pdftotext");
    QTemporaryDir dir;
    const auto shortPdf = toPdf(shortPaper());
    QVERIFY(shortPdf.ok());
    QVERIFY(!pdfText(writeBytes(dir, QStringLiteral("s.pdf"), *shortPdf))
                 .contains(QStringLiteral("Contents")));

    const auto pdf = toPdf(longPaper());
    QVERIFY(pdf.ok());
    const QString path = writeBytes(dir, QStringLiteral("l.pdf"), *pdf);
    const QString first = pdfText(path, 1);
    QVERIFY2(first.contains(QStringLiteral("Contents")), qPrintable(first));
    const int pages = pdfPages(path);
    for (const QString &heading :
         {QStringLiteral("Body section 4"), QStringLiteral("Body section 8"),
          QStringLiteral("Monthly returns")}) {
        const auto listed = QRegularExpression(QRegularExpression::escape(heading) +
                                                   QStringLiteral("\\s+(\\d+)\\s*$"),
                                               QRegularExpression::MultilineOption)
                                .match(first);
        QVERIFY2(listed.hasMatch(), qPrintable(heading));
        int foundOn = -1;
        for (int page = 2; page <= pages && foundOn < 0; ++page) {
            if (pdfText(path, page).contains(heading))
                foundOn = page;
        }
        QCOMPARE(listed.captured(1).toInt(), foundOn);
    }
}

void TestPaperWriter::chartsAreVectorText()
{
    REQUIRE_TOOL("pdftotext");
    QTemporaryDir dir;
    const auto pdf = toPdf(longPaper());
    QVERIFY(pdf.ok());
    const QString path = writeBytes(dir, QStringLiteral("p.pdf"), *pdf);
    const QString text = pdfText(path);
    // Category, value, legend, month and tile labels are text, so the charts are not bitmaps.
    for (const QString &label :
         {QStringLiteral("Barnet"), QStringLiteral("Camden"), QStringLiteral("120"),
          QStringLiteral("[c]"), QStringLiteral("Planned"), QStringLiteral("Profile"),
          QStringLiteral("Brnt"), QStringLiteral("Central")})
        QVERIFY2(text.contains(label), qPrintable(label));
    if (!QStandardPaths::findExecutable(QStringLiteral("pdfimages")).isEmpty()) {
        const QStringList images =
            QString::fromUtf8(run(QStringLiteral("pdfimages"), {QStringLiteral("-list"), path}).out)
                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(images.size(), 2); // the two heading lines, no image
    }
}

void TestPaperWriter::exemptSectionsAreMarked()
{
    REQUIRE_TOOL("pdftotext");
    Document document = shortPaper();
    document.sections[2].exempt = true;
    QTemporaryDir dir;
    const auto pdf = toPdf(document);
    QVERIFY(pdf.ok());
    QVERIFY(pdfText(writeBytes(dir, QStringLiteral("p.pdf"), *pdf))
                .contains(QRegularExpression(QStringLiteral("Performance\\s+EXEMPT"))));
    QVERIFY(QString::fromUtf8(toHtml(document)).contains(QStringLiteral(">EXEMPT<")));
    document.sections[2].exempt = false;
    QVERIFY(!QString::fromUtf8(toHtml(document)).contains(QStringLiteral(">EXEMPT<")));
}

void TestPaperWriter::pageImageIsAWhitePage()
{
    const PageLayout layout(shortPaper());
    QVERIFY(layout.pageCount() >= 1);
    const QImage image = layout.pageImage(0, 595);
    QCOMPARE(image.width(), 595);
    QVERIFY(qAbs(image.height() - 842) <= 1); // A4's 841.89 pt, rounded at this scale
    QCOMPARE(image.pixelColor(5, 5), QColor(Qt::white));
    // The title is printed near the top: some dark pixels in the upper part of the page.
    int dark = 0;
    for (int y = 50; y < 200; ++y)
        for (int x = 70; x < 525; ++x)
            dark += qGray(image.pixel(x, y)) < 100;
    QVERIFY(dark > 200);
    QVERIFY(layout.pageImage(layout.pageCount(), 595).isNull());
}

void TestPaperWriter::chartImagesAreDrawn()
{
    for (const Chart &chart : {barsChart(), linesChart(), tileChart()}) {
        const QImage image = chartImage(chart, QSize(600, 300));
        QCOMPARE(image.size(), QSize(600, 300));
        int coloured = 0;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                coloured += image.pixel(x, y) != qRgb(255, 255, 255);
        QVERIFY2(coloured > 500, qPrintable(chart.title));
    }
    QVERIFY(chartImage(barsChart(), QSize()).isNull());
}

void TestPaperWriter::outputIsDeterministic()
{
    const Document document = longPaper();
    QCOMPARE(toHtml(document), toHtml(document));
    QCOMPARE(*toOdt(document), *toOdt(document));
    const auto stripDate = [](QByteArray pdf) {
        static const QRegularExpression date(QStringLiteral("/CreationDate \\([^)]*\\)"));
        return QString::fromLatin1(pdf).remove(date);
    };
    QCOMPARE(stripDate(*toPdf(document)), stripDate(*toPdf(document)));
}

void TestPaperWriter::htmlIsAccessible()
{
    Document document = shortPaper();
    document.header.title = QStringLiteral("Costs <&> \"risks\"");
    const QString html = QString::fromUtf8(toHtml(document));
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<html lang=\"en-GB\">")));
    QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    QVERIFY(
        html.contains(QStringLiteral("<title>Item 7: Work and Health Programme - Update</title>")));
    QVERIFY(html.contains(QStringLiteral("<meta name=\"author\" content=\"Doug Flight\">")));
    QVERIFY(html.contains(QStringLiteral("<h1>Costs &lt;&amp;&gt; &quot;risks&quot;</h1>")));
    QVERIFY(!html.contains(QStringLiteral("<&>")));
    QVERIFY(html.contains(QStringLiteral("<h2>Recommendations</h2>")));
    QVERIFY(html.contains(QStringLiteral("3 March 2015")));
    QVERIFY(
        html.contains(QStringLiteral("<ol>\n<li>Note the progress made in the first year.</li>")));
    QVERIFY(html.contains(QStringLiteral("<ul>\n<li>Referrals are on profile.</li>")));
    QVERIFY(html.contains(QStringLiteral("<caption>Table 1: Starts by borough</caption>")));
    QVERIFY(html.contains(QStringLiteral("<thead><tr><th scope=\"col\">Borough</th>")));
    QVERIFY(html.contains(QStringLiteral("<tbody>")));
    QVERIFY(html.contains(QStringLiteral("<td class=\"num\">1,234</td>")));
    QVERIFY(html.contains(QStringLiteral("<figcaption>Figure 1: Starts by borough</figcaption>")));
    const auto image =
        QRegularExpression(
            QStringLiteral(
                "<img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\" alt=\"([^\"]*)\">"))
            .match(html);
    QVERIFY(image.hasMatch());
    QCOMPARE(image.captured(2), barsChart().altText.toHtmlEscaped());
    QVERIFY(
        !QImage::fromData(QByteArray::fromBase64(image.captured(1).toLatin1()), "PNG").isNull());
    QVERIFY(html.contains(QStringLiteral("<aside>\n<p>Illustrative figures")));
    QVERIFY(html.contains(QStringLiteral("role=\"note\"")));
    QVERIFY(html.contains(QStringLiteral("@page { size: A4; margin: 20mm 25mm; }")));
}

void TestPaperWriter::odtIsAValidOpenDocument()
{
    REQUIRE_TOOL("python3");
    QTemporaryDir dir;
    const auto odt = toOdt(shortPaper());
    QVERIFY2(odt.ok(), qPrintable(odt.errorMessage()));
    // The mimetype entry first, stored, with no extra field, at offset 0.
    QVERIFY(odt->startsWith("PK\x03\x04"));
    QCOMPARE(odt->mid(8, 2), QByteArray("\0\0", 2));        // method: stored
    QCOMPARE(odt->mid(26, 4), QByteArray("\x08\0\0\0", 4)); // name length 8, no extra field
    QCOMPARE(odt->mid(30, 8 + 39), QByteArray("mimetypeapplication/vnd.oasis.opendocument.text"));
    const QString path = writeBytes(dir, QStringLiteral("p.odt"), *odt);
    const Run check = run(QStringLiteral("python3"),
                          {QStringLiteral("-c"),
                           QStringLiteral("import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                          "print(z.testzip()); print(' '.join(z.namelist()))"),
                           path});
    QCOMPARE(check.exitCode, 0);
    QCOMPARE(QString::fromUtf8(check.out).trimmed(),
             QStringLiteral("None\nmimetype META-INF/manifest.xml content.xml styles.xml "
                            "meta.xml Pictures/chart1.png"));

    const QByteArray content = zipMember(path, QStringLiteral("content.xml"));
    QXmlStreamReader xml(content);
    QStringList outline;
    bool headerRows = false;
    QString svgTitle;
    QString svgDesc;
    QString href;
    int lists = 0;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.qualifiedName().toString();
        if (name == QLatin1String("text:h")) {
            const QString level =
                xml.attributes().value(QStringLiteral("text:outline-level")).toString();
            outline.append(level + QLatin1Char(':') +
                           xml.readElementText(QXmlStreamReader::IncludeChildElements));
        } else if (name == QLatin1String("table:table-header-rows")) {
            headerRows = true;
        } else if (name == QLatin1String("svg:title")) {
            svgTitle = xml.readElementText();
        } else if (name == QLatin1String("svg:desc")) {
            svgDesc = xml.readElementText();
        } else if (name == QLatin1String("draw:image")) {
            href = xml.attributes().value(QStringLiteral("xlink:href")).toString();
        } else if (name == QLatin1String("text:list")) {
            ++lists;
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QCOMPARE(outline, QStringList({QStringLiteral("1:Summary"), QStringLiteral("1:Recommendations"),
                                   QStringLiteral("1:Performance")}));
    QVERIFY(headerRows);
    QCOMPARE(svgTitle, barsChart().title);
    QCOMPARE(svgDesc, barsChart().altText);
    QCOMPARE(href, QStringLiteral("Pictures/chart1.png"));
    QCOMPARE(lists, 2);

    const QString meta = QString::fromUtf8(zipMember(path, QStringLiteral("meta.xml")));
    QVERIFY(meta.contains(
        QStringLiteral("<dc:title>Item 7: Work and Health Programme - Update</dc:title>")));
    QVERIFY(meta.contains(QStringLiteral("<dc:creator>Doug Flight</dc:creator>")));
    QVERIFY(
        meta.contains(QStringLiteral("<meta:initial-creator>Doug Flight</meta:initial-creator>")));
    QVERIFY(meta.contains(QStringLiteral("<dc:language>en-GB</dc:language>")));
    const QString styles = QString::fromUtf8(zipMember(path, QStringLiteral("styles.xml")));
    QVERIFY(styles.contains(QStringLiteral("fo:page-width=\"21cm\"")));
    QVERIFY(styles.contains(QStringLiteral("style:name=\"Heading_20_1\"")));
    QVERIFY(styles.contains(QStringLiteral("<text:page-count>")));
    QVERIFY(styles.contains(QStringLiteral("Executive - Item 7")));
    QXmlStreamReader stylesReader(styles);
    while (!stylesReader.atEnd())
        stylesReader.readNext();
    QVERIFY(!stylesReader.hasError());
    QVERIFY(
        !QImage::fromData(zipMember(path, QStringLiteral("Pictures/chart1.png")), "PNG").isNull());
}

void TestPaperWriter::odtFirstPageHasNoRunningHeader()
{
    REQUIRE_TOOL("python3");
    QTemporaryDir dir;
    const auto odt = toOdt(shortPaper());
    QVERIFY2(odt.ok(), qPrintable(odt.errorMessage()));
    const QString path = writeBytes(dir, QStringLiteral("p.odt"), *odt);

    // The first paragraph of the text, and the master page its style starts.
    QXmlStreamReader content(zipMember(path, QStringLiteral("content.xml")));
    QHash<QString, QString> masterOfStyle;
    QString firstStyle;
    bool inText = false;
    while (!content.atEnd() && firstStyle.isEmpty()) {
        if (content.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = content.qualifiedName().toString();
        const QXmlStreamAttributes a = content.attributes();
        if (name == QLatin1String("style:style"))
            masterOfStyle.insert(a.value(QStringLiteral("style:name")).toString(),
                                 a.value(QStringLiteral("style:master-page-name")).toString());
        else if (name == QLatin1String("office:text"))
            inText = true;
        else if (inText && name == QLatin1String("text:p"))
            firstStyle = a.value(QStringLiteral("text:style-name")).toString();
    }
    const QString firstMaster = masterOfStyle.value(firstStyle);
    QVERIFY2(!firstMaster.isEmpty(), qPrintable(firstStyle));

    // Each master page: whether it has a header and a footer, and the page after it.
    struct Master
    {
        bool header = false;
        bool footer = false;
        QString next;
    };
    QHash<QString, Master> masters;
    QXmlStreamReader styles(zipMember(path, QStringLiteral("styles.xml")));
    QString current;
    while (!styles.atEnd()) {
        if (styles.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = styles.qualifiedName().toString();
        if (name == QLatin1String("style:master-page")) {
            current = styles.attributes().value(QStringLiteral("style:name")).toString();
            masters[current].next =
                styles.attributes().value(QStringLiteral("style:next-style-name")).toString();
        } else if (name == QLatin1String("style:header")) {
            masters[current].header = true;
        } else if (name == QLatin1String("style:footer")) {
            masters[current].footer = true;
        }
    }
    QVERIFY(!styles.hasError());
    QVERIFY(masters.contains(firstMaster));
    QVERIFY(!masters.value(firstMaster).header); // the header block is on the page itself
    QVERIFY(masters.value(firstMaster).footer);  // "Page 1 of N"
    const QString next = masters.value(firstMaster).next;
    QCOMPARE(next, QStringLiteral("Standard"));
    QVERIFY(masters.value(next).header);
    QVERIFY(masters.value(next).footer);
}

void TestPaperWriter::odtColumnsAreAsWideAsTheirText()
{
    REQUIRE_TOOL("python3");
    Table table;
    table.header = {QStringLiteral("Payment group"), QStringLiteral("CPA"),
                    QStringLiteral("Attachment fee"), QStringLiteral("Rate")};
    table.numericColumns = {2, 3};
    table.rows << QList<Cell>{Cell::text_(QStringLiteral("Early entry: disadvantaged groups")),
                              Cell::text_(QStringLiteral("All CPAs")),
                              Cell::text_(QStringLiteral("£450")),
                              Cell::text_(QStringLiteral("20.0%"))};
    Document document = shortPaper();
    document.sections = {{QStringLiteral("tariffs"),
                          QStringLiteral("Tariffs"),
                          1,
                          false,
                          {Block::tableBlock(table)}}};
    QTemporaryDir dir;
    const auto odt = toOdt(document);
    QVERIFY2(odt.ok(), qPrintable(odt.errorMessage()));
    const QString path = writeBytes(dir, QStringLiteral("p.odt"), *odt);

    // Column styles by name, then the styles the table's columns use, in order.
    QXmlStreamReader xml(zipMember(path, QStringLiteral("content.xml")));
    QHash<QString, double> widthOfStyle;
    QList<double> widths;
    QString style;
    QString tableName;
    QHash<QString, QString> alignOfStyle;
    QStringList headingAligns; // the heading row's paragraphs, in order
    bool inHeading = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QString name = xml.qualifiedName().toString();
        const QXmlStreamAttributes a = xml.attributes();
        if (name == QLatin1String("style:style")) {
            style = a.value(QStringLiteral("style:name")).toString();
        } else if (name == QLatin1String("style:table-column-properties")) {
            QString width = a.value(QStringLiteral("style:column-width")).toString();
            QVERIFY2(width.endsWith(QLatin1String("cm")), qPrintable(width));
            widthOfStyle.insert(style, width.chopped(2).toDouble());
        } else if (name == QLatin1String("style:paragraph-properties")) {
            alignOfStyle.insert(style, a.value(QStringLiteral("fo:text-align")).toString());
        } else if (name == QLatin1String("table:table-header-rows")) {
            inHeading = tableName == QLatin1String("Table1");
        } else if (name == QLatin1String("text:p") && inHeading) {
            headingAligns.append(
                alignOfStyle.value(a.value(QStringLiteral("text:style-name")).toString()));
            inHeading = headingAligns.size() < 4;
        } else if (name == QLatin1String("table:table")) {
            tableName = a.value(QStringLiteral("table:name")).toString();
        } else if (name == QLatin1String("table:table-column") &&
                   tableName == QLatin1String("Table1")) {
            const QString used = a.value(QStringLiteral("table:style-name")).toString();
            QVERIFY2(widthOfStyle.contains(used), qPrintable(used));
            widths.append(widthOfStyle.value(used));
        }
    }
    QCOMPARE(widths.size(), 4);
    double sum = 0;
    for (const double w : widths)
        sum += w;
    QVERIFY2(qAbs(sum - 16.0) < 0.05, qPrintable(QString::number(sum))); // the text width
    // Not four even shares of 4 cm: the text takes the room, the short numbers little.
    QVERIFY2(widths.at(0) > 4.0, qPrintable(QString::number(widths.at(0))));
    QVERIFY2(widths.at(3) < 4.0, qPrintable(QString::number(widths.at(3))));
    QVERIFY(widths.at(0) > widths.at(3));
    // Headings over numbers are aligned with them, at the end.
    QCOMPARE(headingAligns,
             QStringList({QString(), QString(), QStringLiteral("end"), QStringLiteral("end")}));
}

void TestPaperWriter::writePaperPicksTheFormatBySuffix()
{
    QTemporaryDir dir;
    const Document document = shortPaper();
    for (const auto &[name, magic] :
         {std::pair{QStringLiteral("p.PDF"), QByteArray("%PDF-")},
          std::pair{QStringLiteral("p.odt"), QByteArray("PK\x03\x04")},
          std::pair{QStringLiteral("p.htm"), QByteArray("<!DOCTYPE html>")}}) {
        const QString path = dir.filePath(name);
        const auto written = writePaper(document, path);
        QVERIFY2(written.ok(), qPrintable(written.errorMessage()));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(file.readAll().startsWith(magic), qPrintable(name));
    }
}

void TestPaperWriter::writePaperRefusesBadPaths()
{
    QTemporaryDir dir;
    const Document document = shortPaper();
    const QString unknown = dir.filePath(QStringLiteral("paper.docx"));
    const auto refused = writePaper(document, unknown);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.errorMessage().contains(QDir::toNativeSeparators(unknown)),
             qPrintable(refused.errorMessage()));
    QVERIFY(refused.errorMessage().contains(QStringLiteral(".pdf")));
    QVERIFY(!QFile::exists(unknown));

    const QString missing = dir.filePath(QStringLiteral("no such folder/paper.pdf"));
    const auto noFolder = writePaper(document, missing);
    QVERIFY(!noFolder.ok());
    QVERIFY2(noFolder.errorMessage().contains(QDir::toNativeSeparators(missing)),
             qPrintable(noFolder.errorMessage()));
    QVERIFY(noFolder.errorMessage().contains(QStringLiteral("does not exist")));
    QVERIFY(!QFile::exists(missing));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

QTEST_MAIN(TestPaperWriter)
#include "tst_paperwriter.moc"
