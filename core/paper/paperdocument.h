#pragma once

// A composed board paper: the content of one version of a paper, independent of the output
// format. The composer (composer.h) builds it from a Round and a BoardPaper; the writers
// (paperwriter.h) turn it into PDF, ODT or HTML, and the GUI's preview paints it.

#include <QColor>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace CoCommission::Paper {

/** Which version of a paper is produced. */
enum class Version {
    Full,           ///< everything, for the board; exempt sections marked as such
    Public,         ///< exempt sections left out (and said so); disclosure control always on
    ExemptAppendix, ///< only the exempt sections, as their own document, not for publication
};

/** What a table cell holds; a Count is a number of people and falls under disclosure control. */
enum class CellKind {
    Text,
    Count,   ///< a whole number of people: suppressed / rounded in public papers
    Number,  ///< any other number, printed as text
    Money,   ///< pounds, printed as text
    Percent, ///< printed as text
};

/**
 * A percentage of people: the count it is a share of and what it is taken of. Disclosure control
 * recomputes it from the published figures, and suppresses it with its count, so that a share
 * never tells more than the counts printed beside it (3 of a profile of 10 is not "30%" beside
 * a suppressed count).
 */
struct Share
{
    double people = 0;     ///< the count of people the percentage is of
    double of = 0;         ///< what it is taken of: a total of people, or a planned figure
    bool ofPeople = false; ///< \a of is itself a count of people (protected in turn)
    int decimals = 1;      ///< as the percentage is printed

    bool operator==(const Share &) const = default;
};

struct Cell
{
    QString text;     ///< what is printed; for a suppressed count, the suppression mark
    double value = 0; ///< for Count (and any number): the figure, for disclosure control
    CellKind kind = CellKind::Text;
    bool suppressed = false;         ///< a count hidden by disclosure control
    bool rounded = false;            ///< a count changed by rounding
    std::optional<Share> share = {}; ///< Percent: a share of people, protected as its count

    static Cell text_(const QString &text) { return {text, 0, CellKind::Text}; }
    static Cell count(double value); ///< printed as a whole number with thousands separators
    bool operator==(const Cell &) const = default;
};

/** A real table: a caption, one header row (repeated on every page) and rows of cells. */
struct Table
{
    QString caption; ///< e.g. "Table 2: Joint ranking of priority groups, Central CPA"
    QStringList header;
    QList<QList<Cell>> rows; ///< each row has header.size() cells
    /** Columns that hold numbers (right-aligned); by index. */
    QList<int> numericColumns;
    bool lastRowIsTotal = false;

    bool operator==(const Table &) const = default;
};

/** One series of a chart: a value per category (bars) or per point (lines). */
struct Series
{
    QString name;
    QList<double> values;     ///< one per Chart::categories
    QList<bool> suppressed;   ///< empty, or one per value: hidden by disclosure control
    QColor colour;            ///< invalid: the writer picks one
    bool dashed = false;      ///< e.g. a profile line drawn against actuals
    QList<Share> shares = {}; ///< empty, or one per value: percentages of people (see Share)

    bool operator==(const Series &) const = default;
};

/** One square of a tile map. */
struct Tile
{
    QString label; ///< short name of the authority
    QString group; ///< e.g. its CPA; tiles of one group share a colour
    int column = 0;
    int row = 0;
    QColor colour;

    bool operator==(const Tile &) const = default;
};

/** A chart, drawn by the writers (vector in PDF, an image in ODT and HTML). */
struct Chart
{
    enum class Kind {
        Bars,    ///< horizontal bars, one group per category, one bar per series
        Lines,   ///< one line per series over the categories (e.g. months)
        TileMap, ///< a tile map of authorities coloured by group (e.g. the CPA map)
    };
    Kind kind = Kind::Bars;
    QString title;
    QString altText; ///< required: what the chart shows, in words, for screen readers
    /** The alt text under disclosure control, where altText quotes figures about people. */
    QString protectedAltText;
    QString valueLabel; ///< e.g. "Starts" or "Score (%)"
    QStringList categories;
    QList<Series> series;
    QList<Tile> tiles;   ///< TileMap only
    bool counts = false; ///< values are counts of people: disclosure control applies

    bool operator==(const Chart &) const = default;
};

/** A piece of a section's body. */
struct Block
{
    enum class Kind {
        Paragraph,
        Bullets,  ///< items
        Numbered, ///< items, numbered 1, 2, 3 ...
        Table,
        Chart,
        Note, ///< a short note set apart, e.g. "Illustrative figures" or a disclosure note
    };
    Kind kind = Kind::Paragraph;
    QString text; ///< Paragraph, Note
    /** Paragraph: the text under disclosure control, where \a text quotes figures about people. */
    QString protectedText;
    QStringList items; ///< Bullets, Numbered
    Paper::Table table;
    Paper::Chart chart;

    static Block paragraph(const QString &text);
    static Block note(const QString &text);
    static Block bullets(const QStringList &items);
    static Block numbered(const QStringList &items);
    static Block tableBlock(const Paper::Table &table);
    static Block chartBlock(const Paper::Chart &chart);
    bool operator==(const Block &) const = default;
};

/** A section of the paper, with a heading at \a level (1 = a main heading, 2 = under it). */
struct Section
{
    QString key;   ///< stable, e.g. "summary", "selection.prices"; see paperSectionKeys()
    QString title; ///< the heading
    int level = 1;
    bool exempt = false; ///< marked exempt: left out of the public version
    QList<Block> blocks; ///< never empty: a section without data says so in a paragraph

    bool operator==(const Section &) const = default;
};

/** The header block of a council report. */
struct Header
{
    QString board;
    QString itemNumber;
    QString title;
    QString reportBy;
    QString jobTitle;
    QDate date;
    QString contactOfficer;
    QString email;
    QString telephone;
    QString classification; ///< e.g. "Public" or "Not for publication: ..." (translated)

    bool operator==(const Header &) const = default;
};

/** A composed paper, ready to write. */
struct Document
{
    Version version = Version::Full;
    Header header;
    QString documentTitle; ///< the PDF/ODT/HTML title, e.g. "Item 7: Selecting the provider"
    QString author;        ///< the PDF/ODT author: the report's author
    QString language = QStringLiteral("en-GB");
    /** Notes printed under the header block (disclosure control, exempt sections left out). */
    QStringList notices;
    QList<Section> sections;

    bool operator==(const Document &) const = default;
};

} // namespace CoCommission::Paper
