// The board-paper composer (core/paper/composer.h) and the sections of stages 1 to 3
// (core/paper/stagesections_early.cpp): disclosure control, versions, defaults, and figures
// that match the engines.

#include "core/design/financialmodel.h"
#include "core/needs/indicators.h"
#include "core/paper/composer.h"
#include "core/paper/stagesections.h"
#include "core/priorities/priorityagreement.h"
#include "core/round/londonround.h"
#include "core/round/round.h"

#include <QtTest>

using namespace CoCommission;
using namespace CoCommission::Paper;

namespace {
QList<StageId> kAllStagesList()
{
    return QList<StageId>(kAllStages.begin(), kAllStages.end());
}
} // namespace

namespace {

Round demo()
{
    Result<Round> round = LondonRound::demo();
    if (!round)
        qFatal("The demo round failed: %s", qPrintable(round.errorMessage()));
    return *round;
}

const Section *findSection(const Document &d, const QString &key)
{
    for (const Section &s : d.sections) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

QStringList keysOf(const Document &d)
{
    QStringList keys;
    for (const Section &s : d.sections)
        keys.append(s.key);
    return keys;
}

QList<Table> tablesOf(const Section &s)
{
    QList<Table> tables;
    for (const Block &b : s.blocks) {
        if (b.kind == Block::Kind::Table)
            tables.append(b.table);
    }
    return tables;
}

QList<Chart> chartsOf(const Section &s)
{
    QList<Chart> charts;
    for (const Block &b : s.blocks) {
        if (b.kind == Block::Kind::Chart)
            charts.append(b.chart);
    }
    return charts;
}

QString allText(const Section &s)
{
    QStringList text;
    for (const Block &b : s.blocks)
        text << b.text << b.items;
    return text.join(u'\n');
}

/** Every section has blocks; every table has rows; every chart has alt text. */
void checkNothingEmpty(const Document &d)
{
    for (const Section &s : d.sections) {
        QVERIFY2(!s.blocks.isEmpty(), qPrintable(s.key));
        QVERIFY2(!s.title.isEmpty(), qPrintable(s.key));
        for (const Block &b : s.blocks) {
            if (b.kind == Block::Kind::Table) {
                QVERIFY2(!b.table.rows.isEmpty(), qPrintable(s.key));
                for (const QList<Cell> &row : b.table.rows)
                    QCOMPARE(row.size(), b.table.header.size());
            }
            if (b.kind == Block::Kind::Chart)
                QVERIFY2(!b.chart.altText.isEmpty(), qPrintable(s.key));
            if (b.kind == Block::Kind::Paragraph || b.kind == Block::Kind::Note)
                QVERIFY2(!b.text.isEmpty(), qPrintable(s.key));
        }
    }
}

BoardPaper validPaper()
{
    BoardPaper paper;
    paper.stages = {StageId::Needs};
    paper.meeting = QDate(2025, 3, 12);
    paper.title = QStringLiteral("Local Labour Market Agreements");
    paper.recommendations = {QStringLiteral("Agree the agreements.")};
    return paper;
}

} // namespace

class TestPaperComposer : public QObject
{
    Q_OBJECT

private slots:
    void protectCountEdges_data();
    void protectCountEdges();
    void disclosureOnCells();
    void disclosureOnCharts();
    void disclosureOnShares_data();
    void disclosureOnShares();
    void disclosureOnShareSeriesAndTexts();
    void disclosureAppliesTable_data();
    void disclosureAppliesTable();
    void formatting();
    void publicVersionLeavesOutExemptSections();
    void notForPublicationPublicIsANotice();
    void exemptAppendixWithoutExemptSections();
    void disclosureOffInPrivatePaper();
    void defaultPaperForEachStage_data();
    void defaultPaperForEachStage();
    void sectionKeysInOrder();
    void captionsNumberedThrough();
    void reportFindingsWithheldUnderDisclosure();
    void needsSectionsMatchTheEngines();
    void prioritiesSectionsMatchTheEngine();
    void designSectionsMatchTheFinancialModel();
    void roundWithoutDataSaysSo_data();
    void roundWithoutDataSaysSo();
    void checkPaperMessages_data();
    void checkPaperMessages();
    void illustrativeNotice();
};

void TestPaperComposer::protectCountEdges_data()
{
    QTest::addColumn<double>("count");
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("rounding");
    QTest::addColumn<bool>("suppressed");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("0 below 5") << 0.0 << 5 << 5 << true << qint64(0);
    QTest::newRow("4 below 5") << 4.0 << 5 << 5 << true << qint64(0);
    QTest::newRow("4.9 below 5") << 4.9 << 5 << 5 << true << qint64(0);
    QTest::newRow("5 kept") << 5.0 << 5 << 5 << false << qint64(5);
    QTest::newRow("7 down") << 7.0 << 5 << 5 << false << qint64(5);
    QTest::newRow("7.5 half up") << 7.5 << 5 << 5 << false << qint64(10);
    QTest::newRow("8 up") << 8.0 << 5 << 5 << false << qint64(10);
    QTest::newRow("12 down") << 12.0 << 5 << 5 << false << qint64(10);
    QTest::newRow("13 up") << 13.0 << 5 << 5 << false << qint64(15);
    // Halves go away from zero, not to the even multiple (2.5 -> 3, not 2).
    QTest::newRow("12.5 half away from zero") << 12.5 << 5 << 5 << false << qint64(15);
    QTest::newRow("10/10: 25 half away from zero") << 25.0 << 10 << 10 << false << qint64(30);
    QTest::newRow("-12.5 half away from zero") << -12.5 << 5 << 5 << false << qint64(-15);
    QTest::newRow("1234 to 1235") << 1234.0 << 5 << 5 << false << qint64(1235);
    QTest::newRow("-7 sign kept") << -7.0 << 5 << 5 << false << qint64(-5);
    QTest::newRow("-3 suppressed") << -3.0 << 5 << 5 << true << qint64(0);
    QTest::newRow("10/10: 9 suppressed") << 9.0 << 10 << 10 << true << qint64(0);
    QTest::newRow("10/10: 10") << 10.0 << 10 << 10 << false << qint64(10);
    QTest::newRow("10/10: 14") << 14.0 << 10 << 10 << false << qint64(10);
    QTest::newRow("10/10: 15 half up") << 15.0 << 10 << 10 << false << qint64(20);
    QTest::newRow("1/1: 0 suppressed") << 0.0 << 1 << 1 << true << qint64(0);
    QTest::newRow("1/1: 1 identity") << 1.0 << 1 << 1 << false << qint64(1);
    QTest::newRow("1/1: 37 identity") << 37.0 << 1 << 1 << false << qint64(37);
    QTest::newRow("3/1: 2 suppressed") << 2.0 << 3 << 1 << true << qint64(0);
    QTest::newRow("1/100: 149 down") << 149.0 << 1 << 100 << false << qint64(100);
    QTest::newRow("1/100: 150 up") << 150.0 << 1 << 100 << false << qint64(200);
}

void TestPaperComposer::protectCountEdges()
{
    QFETCH(double, count);
    QFETCH(int, threshold);
    QFETCH(int, rounding);
    QFETCH(bool, suppressed);
    QFETCH(qint64, expected);
    const std::optional<qint64> result = protectCount(count, {threshold, rounding, true});
    QCOMPARE(!result.has_value(), suppressed);
    if (result)
        QCOMPARE(*result, expected);
}

void TestPaperComposer::disclosureOnCells()
{
    Document d;
    Section s;
    s.key = QStringLiteral("t");
    Table t;
    t.header = {QStringLiteral("Name"), QStringLiteral("People"), QStringLiteral("Rate")};
    t.rows = {{Cell::text_(QStringLiteral("3")), Cell::count(3), Cell::count(12347)},
              {Cell::text_(QStringLiteral("A")), Cell::count(15), Cell::count(12)}};
    t.rows[0][2].kind = CellKind::Number; // a number, not a count: left alone
    t.rows[0][2].text = QStringLiteral("12,347");
    s.blocks.append(Block::tableBlock(t));
    d.sections.append(s);
    applyDisclosureControl(d, {});
    const Table &out = d.sections.first().blocks.first().table;
    QCOMPARE(out.rows[0][0].text, QStringLiteral("3")); // text cells untouched
    QCOMPARE(out.rows[0][1].text, suppressionMark());
    QVERIFY(out.rows[0][1].suppressed);
    QCOMPARE(out.rows[0][2].text, QStringLiteral("12,347"));
    QVERIFY(!out.rows[0][2].rounded);
    QCOMPARE(out.rows[1][1].text, QStringLiteral("15"));
    QVERIFY(!out.rows[1][1].rounded && !out.rows[1][1].suppressed);
    QCOMPARE(out.rows[1][2].text, QStringLiteral("10"));
    QVERIFY(out.rows[1][2].rounded);

    Document big;
    big.sections = {s};
    big.sections[0].blocks[0].table.rows[0][2] = Cell::count(12347);
    applyDisclosureControl(big, {});
    QCOMPARE(big.sections[0].blocks[0].table.rows[0][2].text, QStringLiteral("12,345"));
}

void TestPaperComposer::disclosureOnCharts()
{
    Chart counts;
    counts.counts = true;
    counts.categories = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    counts.series = {{QStringLiteral("Starts"), {2, 7, 23}, {}, {}, false}};
    Chart money = counts;
    money.counts = false;
    Document d;
    Section s;
    s.blocks = {Block::chartBlock(counts), Block::chartBlock(money)};
    d.sections = {s};
    applyDisclosureControl(d, {});
    const Series &protectedSeries = d.sections[0].blocks[0].chart.series.first();
    QCOMPARE(protectedSeries.values, (QList<double>{0, 5, 25}));
    QCOMPARE(protectedSeries.suppressed, (QList<bool>{true, false, false}));
    const Series &untouched = d.sections[0].blocks[1].chart.series.first();
    QCOMPARE(untouched.values, (QList<double>{2, 7, 23}));
    QVERIFY(untouched.suppressed.isEmpty());
}

void TestPaperComposer::disclosureOnShares_data()
{
    QTest::addColumn<double>("people");
    QTest::addColumn<double>("of");
    QTest::addColumn<bool>("ofPeople");
    QTest::addColumn<QString>("printed"); // under the default rule (under 5 hidden, to 5)
    QTest::addColumn<bool>("suppressed");
    QTest::addColumn<bool>("rounded");

    // 3 of a profile of 10 would tell the hidden count: hidden with it.
    QTest::newRow("count hidden") << 3.0 << 10.0 << false << suppressionMark() << true << false;
    // 7 is published as 5: the share is 5 of 10, not the 70% that tells the 7.
    QTest::newRow("count rounded")
        << 7.0 << 10.0 << false << QStringLiteral("50.0%") << false << true;
    QTest::newRow("count as it is")
        << 15.0 << 20.0 << false << QStringLiteral("75.0%") << false << false;
    // A planned figure is not people: taken as it is (8 is not rounded to 10).
    QTest::newRow("plan kept") << 10.0 << 8.0 << false << QStringLiteral("125.0%") << false
                               << false;
    // A total of people is published rounded: 12 of 23 is printed as 10 of 25.
    QTest::newRow("total rounded")
        << 12.0 << 23.0 << true << QStringLiteral("40.0%") << false << true;
    QTest::newRow("total hidden") << 0.0 << 4.0 << true << suppressionMark() << true << false;
    QTest::newRow("zero hidden") << 0.0 << 10.0 << false << suppressionMark() << true << false;
    QTest::newRow("of nothing") << 5.0 << 0.0 << false << suppressionMark() << true << false;
}

void TestPaperComposer::disclosureOnShares()
{
    QFETCH(double, people);
    QFETCH(double, of);
    QFETCH(bool, ofPeople);
    QFETCH(QString, printed);
    QFETCH(bool, suppressed);
    QFETCH(bool, rounded);

    const double percent = of == 0 ? 0 : 100.0 * people / of;
    Cell share{formatPercent(percent), percent, CellKind::Percent};
    share.share = Share{people, of, ofPeople, 1};
    Cell plain = share; // a percentage that is no share of people: left alone
    plain.share.reset();
    Table t;
    t.header = {QStringLiteral("People"), QStringLiteral("Share"), QStringLiteral("Weight")};
    t.rows = {{Cell::count(people), share, plain}};
    Document d;
    d.sections = {Section{}};
    d.sections[0].blocks = {Block::tableBlock(t)};
    const Document before = d;
    applyDisclosureControl(d, {});
    const QList<Cell> &row = d.sections[0].blocks[0].table.rows[0];
    QCOMPARE(row[1].text, printed);
    QCOMPARE(row[1].suppressed, suppressed);
    QCOMPARE(row[1].rounded, rounded);
    QCOMPARE(row[2], before.sections[0].blocks[0].table.rows[0][2]);
    // The share never tells more than the count beside it: hidden with it.
    if (row[0].suppressed)
        QVERIFY(row[1].suppressed);
    // Off, nothing changes.
    Document off = before;
    applyDisclosureControl(off, {1, 1, true});
    if (people >= 1 && (!ofPeople || of >= 1) && of != 0)
        QCOMPARE(off.sections[0].blocks[0].table.rows[0][1].text, formatPercent(percent));
}

void TestPaperComposer::disclosureOnShareSeriesAndTexts()
{
    Chart chart;
    chart.categories = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    Series share{QStringLiteral("Share of starts"), {30, 70, 52.17}, {}, {}, false};
    share.shares = {Share{3, 10, true, 1}, Share{7, 10, true, 1}, Share{12, 23, true, 1}};
    Series minimum{QStringLiteral("Minimum"), {20, 20, 20}, {}, {}, true};
    chart.series = {share, minimum};
    chart.altText = QStringLiteral("Lowest: a at 30.0%.");
    chart.protectedAltText = QStringLiteral("Lowest: a.");
    Block said = Block::paragraph(QStringLiteral("Red: a (30.0% of profile)."));
    said.protectedText = QStringLiteral("Red: a.");
    const Block plain = Block::paragraph(QStringLiteral("Nothing to protect."));
    Document d;
    d.sections = {Section{}};
    d.sections[0].blocks = {Block::chartBlock(chart), said, plain};
    applyDisclosureControl(d, {});

    const Chart &out = d.sections[0].blocks[0].chart;
    QCOMPARE(out.series[0].values, (QList<double>{0, 50, 40}));
    QCOMPARE(out.series[0].suppressed, (QList<bool>{true, false, false}));
    QCOMPARE(out.series[1].values, minimum.values); // no shares: a minimum, not people
    QVERIFY(out.series[1].suppressed.isEmpty());
    QCOMPARE(out.altText, QStringLiteral("Lowest: a."));
    QCOMPARE(d.sections[0].blocks[1].text, QStringLiteral("Red: a."));
    QCOMPARE(d.sections[0].blocks[2].text, plain.text);
}

void TestPaperComposer::disclosureAppliesTable_data()
{
    QTest::addColumn<bool>("notForPublication");
    QTest::addColumn<bool>("enabled");
    QTest::addColumn<int>("version");
    QTest::addColumn<bool>("applies");
    for (int v = 0; v < 3; ++v) {
        const char *name[] = {"full", "public", "appendix"};
        for (int nfp = 0; nfp < 2; ++nfp) {
            for (int en = 0; en < 2; ++en) {
                const bool applies = v == int(Version::Public) || !(nfp && !en);
                QTest::addRow("%s nfp=%d enabled=%d", name[v], nfp, en)
                    << bool(nfp) << bool(en) << v << applies;
            }
        }
    }
}

void TestPaperComposer::disclosureAppliesTable()
{
    QFETCH(bool, notForPublication);
    QFETCH(bool, enabled);
    QFETCH(int, version);
    QFETCH(bool, applies);
    BoardPaper paper;
    paper.notForPublication = notForPublication;
    paper.disclosure.enabled = enabled;
    QCOMPARE(disclosureApplies(paper, Version(version)), applies);
}

void TestPaperComposer::formatting()
{
    QCOMPARE(formatMoney(1234567), QStringLiteral("£1,234,567"));
    QCOMPARE(formatMoney(999.6), QStringLiteral("£1,000"));
    QCOMPARE(formatMoney(-2500), QStringLiteral("-£2,500"));
    QCOMPARE(formatPercent(12.5), QStringLiteral("12.5%"));
    QCOMPARE(formatPercent(7, 0), QStringLiteral("7%"));
    QCOMPARE(formatNumber(1234), QStringLiteral("1,234"));
    QCOMPARE(formatNumber(0.456, 2), QStringLiteral("0.46"));
}

void TestPaperComposer::publicVersionLeavesOutExemptSections()
{
    const Round round = demo();
    BoardPaper paper = defaultPaper(round, {StageId::Design}, QDate(2025, 3, 12));
    paper.exemptSections = {QStringLiteral("design.finance")};

    const Document full = composePaper(round, paper, Version::Full);
    const Section *finance = findSection(full, QStringLiteral("design.finance"));
    QVERIFY(finance);
    QVERIFY(finance->exempt);
    QVERIFY(!findSection(full, QStringLiteral("design.payment"))->exempt);
    QVERIFY(allText(*findSection(full, QStringLiteral("appendices"))).contains(finance->title));
    QCOMPARE(full.header.classification.isEmpty(), false);

    const Document pub = composePaper(round, paper, Version::Public);
    QVERIFY(!findSection(pub, QStringLiteral("design.finance")));
    QVERIFY(findSection(pub, QStringLiteral("design.payment")));
    QVERIFY(pub.notices.contains(
        QStringLiteral("Section 'Financial model' is exempt information and is not included in "
                       "this public version.")));
    QCOMPARE(pub.header.classification, QStringLiteral("Public"));
    QCOMPARE(pub.documentTitle, QStringLiteral("Item 1: %1").arg(paper.title));

    const Document appendix = composePaper(round, paper, Version::ExemptAppendix);
    QCOMPARE(keysOf(appendix), QStringList{QStringLiteral("design.finance")});
    QVERIFY(appendix.header.title.endsWith(QStringLiteral(": exempt appendix")));
    QVERIFY(appendix.header.classification.contains(QStringLiteral("Schedule 12A")));
    QCOMPARE(appendix.sections.first().blocks, finance->blocks);
}

void TestPaperComposer::notForPublicationPublicIsANotice()
{
    const Round round = demo();
    BoardPaper paper = defaultPaper(round, {StageId::Needs}, QDate(2025, 3, 12));
    paper.notForPublication = true;
    const Document pub = composePaper(round, paper, Version::Public);
    QVERIFY(pub.sections.isEmpty());
    QCOMPARE(pub.notices.size(), 1);
    QVERIFY(pub.notices.first().contains(QStringLiteral("not for publication")));
    QCOMPARE(pub.header.title, paper.title);
    QVERIFY(pub.header.classification.startsWith(QStringLiteral("Not for publication")));

    const Document full = composePaper(round, paper, Version::Full);
    QVERIFY(findSection(full, QStringLiteral("needs.indicators")));
    QVERIFY(full.header.classification.startsWith(QStringLiteral("Not for publication")));
}

void TestPaperComposer::exemptAppendixWithoutExemptSections()
{
    const Round round = demo();
    BoardPaper paper = defaultPaper(round, {StageId::Needs}, QDate(2025, 3, 12));
    paper.exemptSections.clear();
    const Document appendix = composePaper(round, paper, Version::ExemptAppendix);
    QCOMPARE(appendix.sections.size(), 1);
    QVERIFY(allText(appendix.sections.first()).contains(QStringLiteral("No section")));
    const Document full = composePaper(round, paper, Version::Full);
    QCOMPARE(allText(*findSection(full, QStringLiteral("appendices"))), QStringLiteral("None."));
}

void TestPaperComposer::disclosureOffInPrivatePaper()
{
    const Round round = demo();
    BoardPaper paper = defaultPaper(round, {StageId::Needs}, QDate(2025, 3, 12));
    paper.notForPublication = true;
    paper.disclosure.enabled = false;
    const Document full = composePaper(round, paper, Version::Full);
    const Table byCpa = tablesOf(*findSection(full, QStringLiteral("needs.indicators"))).first();
    // The demo's claimants for 12 months or more per CPA, unrounded.
    const Indicators indicators(round);
    const IndicatorInfo *info = indicators.find(QStringLiteral("claimants_12_months_plus"));
    QVERIFY(info);
    const Cpa &first = round.adoptedPlan()->cpas.first();
    const double exact = *indicators.value(info->id, first.members, info->dates.last());
    const int column = int(byCpa.header.indexOf(info->name));
    QVERIFY(column > 0);
    QCOMPARE(byCpa.rows[0][column].text, formatNumber(exact));
    for (const QString &notice : full.notices)
        QVERIFY(!notice.contains(QStringLiteral("suppressed")));

    paper.disclosure.enabled = true;
    paper.disclosure.rounding = 1000;
    const Document rounded = composePaper(round, paper, Version::Full);
    const Table byCpa2 =
        tablesOf(*findSection(rounded, QStringLiteral("needs.indicators"))).first();
    QCOMPARE(byCpa2.rows[0][column].text,
             formatNumber(std::round(exact / 1000) * 1000)); // the rule in force is the paper's
    QVERIFY(rounded.notices.contains(
        QStringLiteral("Counts below 5 are suppressed ([c]) and other counts are rounded to the "
                       "nearest 1000; shares of people are taken of the counts as printed. "
                       "Totals may not equal the sum of their parts.")));
}

void TestPaperComposer::defaultPaperForEachStage_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("recommendation");
    QTest::addColumn<QString>("stageKey");
    QTest::newRow("needs") << int(StageId::Needs)
                           << QStringLiteral("Agree the Local Labour Market Agreement for each "
                                             "Contract Package Area (section 4).")
                           << QStringLiteral("needs.indicators");
    QTest::newRow("priorities") << int(StageId::Priorities) << QStringLiteral("priority groups")
                                << QStringLiteral("priorities.ranking");
    QTest::newRow("design") << int(StageId::Design) << QStringLiteral("payment model")
                            << QStringLiteral("design.finance");
    QTest::newRow("supply") << int(StageId::Supply) << QStringLiteral("lot structure") << QString();
    QTest::newRow("selection") << int(StageId::Selection)
                               << QStringLiteral("Agree the award recommendation for each lot.")
                               << QString();
    QTest::newRow("monitoring") << int(StageId::Monitoring) << QStringLiteral("performance")
                                << QString();
}

void TestPaperComposer::defaultPaperForEachStage()
{
    QFETCH(int, stage);
    QFETCH(QString, recommendation);
    QFETCH(QString, stageKey);
    const Round round = demo();
    const QDate meeting(2025, 3, 12);
    const BoardPaper paper = defaultPaper(round, {StageId(stage)}, meeting);
    QCOMPARE(paper.id, qint64(0));
    QCOMPARE(paper.meeting, meeting);
    QCOMPARE(paper.stages, QList<StageId>{StageId(stage)});
    QCOMPARE(paper.itemNumber, QStringLiteral("1"));
    QVERIFY(!paper.title.isEmpty());
    QVERIFY(paper.board.contains(QStringLiteral("programme board")));
    // The demo plan covers all four partnerships: the board names them all.
    for (const Partnership &p : round.partnerships)
        QVERIFY2(paper.board.contains(p.name), qPrintable(paper.board));
    QCOMPARE(paper.recommendations.size(), 1);
    QVERIFY2(paper.recommendations.first().contains(recommendation),
             qPrintable(paper.recommendations.first()));
    QVERIFY(paper.legal.contains(QStringLiteral("Public Contract Regulations 2015")));
    QVERIFY(paper.legal.contains(QStringLiteral("Schedule 12A")));
    QVERIFY(paper.equalities.contains(QStringLiteral("section 149")));
    QVERIFY(!paper.financial.isEmpty());
    QVERIFY(paper.backgroundPapers.contains(
        QStringLiteral("Work and Health Programme: co-commissioning in London")));
    QCOMPARE(checkPaper(paper), QString());

    QStringList exemptByDefault;
    QStringList keys;
    for (const SectionInfo &info : paperSectionKeys(round, paper.stages)) {
        keys.append(info.key);
        if (info.exemptByDefault)
            exemptByDefault.append(info.key);
    }
    QCOMPARE(paper.exemptSections, exemptByDefault);
    if (!stageKey.isEmpty()) {
        QVERIFY(keys.contains(stageKey));
        QVERIFY(paper.exemptSections.isEmpty()); // nothing in stages 1 to 3 is exempt
    }
    if (StageId(stage) == StageId::Design) {
        // The financial implications come from the financial model of the first scenario.
        const Result<ScenarioForecast> f =
            forecastScenario(round, round.design.scenarios.first(), 0);
        QVERIFY(f);
        QVERIFY2(paper.financial.contains(formatMoney(f->cost)), qPrintable(paper.financial));
    }
}

void TestPaperComposer::sectionKeysInOrder()
{
    const Round round = demo();
    const QList<SectionInfo> infos =
        paperSectionKeys(round, {StageId::Design, StageId::Needs, StageId::Priorities});
    QStringList keys;
    for (const SectionInfo &info : infos) {
        keys.append(info.key);
        QVERIFY(!info.title.isEmpty());
    }
    QCOMPARE(keys.mid(0, 3),
             (QStringList{QStringLiteral("summary"), QStringLiteral("recommendations"),
                          QStringLiteral("background")}));
    QCOMPARE(keys.last(), QStringLiteral("background_papers"));
    QVERIFY(keys.indexOf(QStringLiteral("needs.map")) <
            keys.indexOf(QStringLiteral("priorities.ranking")));
    QVERIFY(keys.indexOf(QStringLiteral("priorities.places")) <
            keys.indexOf(QStringLiteral("design.standards")));
    QVERIFY(keys.indexOf(QStringLiteral("design.contributions")) <
            keys.indexOf(QStringLiteral("financial")));
    QCOMPARE(keys.removeDuplicates(), 0);

    // The composed paper prints the sections in the same order.
    BoardPaper paper = defaultPaper(round, {StageId::Needs, StageId::Priorities, StageId::Design},
                                    QDate(2025, 3, 12));
    QCOMPARE(keysOf(composePaper(round, paper, Version::Full)), keys);
}

void TestPaperComposer::captionsNumberedThrough()
{
    const Round round = demo();
    const BoardPaper paper = defaultPaper(round, kAllStagesList(), QDate(2025, 3, 12));
    const Document full = composePaper(round, paper, Version::Full);
    int tables = 0;
    int figures = 0;
    for (const Section &s : full.sections) {
        for (const Block &b : s.blocks) {
            if (b.kind == Block::Kind::Table)
                QVERIFY2(b.table.caption.startsWith(QStringLiteral("Table %1: ").arg(++tables)),
                         qPrintable(b.table.caption));
            if (b.kind == Block::Kind::Chart)
                QVERIFY2(b.chart.title.startsWith(QStringLiteral("Figure %1: ").arg(++figures)),
                         qPrintable(b.chart.title));
        }
    }
    QVERIFY(tables > 20); // the stages each start at 1 (or 5.1): numbered through, not restarted
    QVERIFY(figures >= 6);
}

void TestPaperComposer::reportFindingsWithheldUnderDisclosure()
{
    const Round round = demo();
    BoardPaper paper = defaultPaper(round, {StageId::Monitoring}, QDate(2028, 7, 1));
    const auto reportSection = [&](Version version) -> Section {
        const Document d = composePaper(round, paper, version);
        for (const Section &s : d.sections)
            if (s.key == QLatin1String("monitoring.report"))
                return s;
        return {};
    };
    const auto has = [](const Section &s, Block::Kind kind) {
        return std::any_of(s.blocks.begin(), s.blocks.end(),
                           [&](const Block &b) { return b.kind == kind; });
    };
    // Public and a public paper's full version: the findings quote exact counts, so they go.
    for (Version version : {Version::Public, Version::Full}) {
        const Section s = reportSection(version);
        QCOMPARE(s.key, QStringLiteral("monitoring.report"));
        QVERIFY(!has(s, Block::Kind::Bullets));
        QVERIFY(has(s, Block::Kind::Note));
    }
    // Not for publication with disclosure control off: the findings are printed.
    paper.notForPublication = true;
    paper.disclosure.enabled = false;
    const Section s = reportSection(Version::Full);
    QVERIFY(has(s, Block::Kind::Bullets));
    QVERIFY(!has(s, Block::Kind::Note));
}

void TestPaperComposer::needsSectionsMatchTheEngines()
{
    const Round round = demo();
    const BoardPaper paper = defaultPaper(round, {StageId::Needs}, QDate(2025, 3, 12));
    const Document full = composePaper(round, paper, Version::Full);
    checkNothingEmpty(full);
    for (const char *key :
         {"summary", "recommendations", "background", "needs", "needs.indicators", "needs.ranking",
          "needs.agreements", "needs.map", "needs.cpas", "options", "financial", "legal",
          "equalities", "appendices", "background_papers"})
        QVERIFY2(findSection(full, QString::fromLatin1(key)), key);

    const Section *recs = findSection(full, QStringLiteral("recommendations"));
    QCOMPARE(recs->blocks.first().text, QStringLiteral("The board is asked to:"));
    QCOMPARE(recs->blocks.at(1).kind, Block::Kind::Numbered);
    QCOMPARE(recs->blocks.at(1).items, paper.recommendations);
    // "section 4" in the needs recommendation: the fourth section is the needs stage.
    QCOMPARE(full.sections.at(3).key, QStringLiteral("needs"));

    // The tile map: 33 London tiles, coloured by CPA.
    const QList<Chart> charts = chartsOf(*findSection(full, QStringLiteral("needs.map")));
    QCOMPARE(charts.size(), 1);
    QCOMPARE(charts.first().kind, Chart::Kind::TileMap);
    QCOMPARE(charts.first().tiles.size(), 33);
    const Cpa &first = round.adoptedPlan()->cpas.first();
    int inFirst = 0;
    for (const Tile &t : charts.first().tiles) {
        if (t.group == first.name) {
            ++inFirst;
            QCOMPARE(t.colour, QColor(first.colour));
        }
    }
    QCOMPARE(inFirst, int(first.members.size()));
    QVERIFY(charts.first().altText.contains(first.name));

    // The CPA table: the claimant counts per CPA, computed again through the engine.
    const Indicators indicators(round);
    const Table byCpa = tablesOf(*findSection(full, QStringLiteral("needs.indicators"))).first();
    QCOMPARE(byCpa.rows.size(), round.adoptedPlan()->cpas.size());
    const IndicatorInfo *longTerm = indicators.find(QStringLiteral("claimants_12_months_plus"));
    const int column = int(byCpa.header.indexOf(longTerm->name));
    QVERIFY(column > 0);
    QVERIFY(byCpa.numericColumns.contains(column));
    const Cell &cell = byCpa.rows[0][column];
    QCOMPARE(cell.kind, CellKind::Count);
    const double expected = *indicators.value(longTerm->id, first.members, longTerm->dates.last());
    QCOMPARE(cell.value, expected);
    // Disclosure control applies to a public paper: the printed figure is the protected one.
    QCOMPARE(cell.text, formatNumber(double(*protectCount(expected, paper.disclosure))));

    // The authority table has every authority; the ranking is by the claimant rate.
    const QList<Table> indicatorTables =
        tablesOf(*findSection(full, QStringLiteral("needs.indicators")));
    QCOMPARE(indicatorTables.size(), 2);
    QCOMPARE(indicatorTables.at(1).rows.size(), round.authorities.size());
    const Table ranking = tablesOf(*findSection(full, QStringLiteral("needs.ranking"))).first();
    const QString rate = round.ratios.first().key();
    const QHash<QString, double> rates =
        indicators.authorityValues(rate, indicators.find(rate)->dates.last());
    const auto top = std::max_element(rates.begin(), rates.end());
    QCOMPARE(ranking.rows.first()[1].text, round.authority(top.key())->name);
    QCOMPARE(ranking.rows.first()[3].text, formatPercent(*top, 1));
    QCOMPARE(ranking.rows.size(), rates.size());

    // The CPA figures: members and totals, with a total row.
    const Table cpas = tablesOf(*findSection(full, QStringLiteral("needs.cpas"))).first();
    QVERIFY(cpas.lastRowIsTotal);
    QCOMPARE(cpas.rows.size(), round.adoptedPlan()->cpas.size() + 1);
    QCOMPARE(cpas.rows.last()[1].text, QString::number(round.authorities.size()));

    // The agreements: each CPA's narrative.
    const QString agreements = allText(*findSection(full, QStringLiteral("needs.agreements")));
    for (const LabourMarketAgreement &a : round.agreements)
        QVERIFY(agreements.contains(a.narrative));
}

void TestPaperComposer::prioritiesSectionsMatchTheEngine()
{
    Round round = demo();
    const Cpa &cpa = round.adoptedPlan()->cpas.first();
    QStringList keys;
    for (const PriorityGroup &g : round.priorityGroups)
        keys.append(g.key);
    QVERIFY(keys.size() >= 3);
    QStringList reversed = keys;
    std::reverse(reversed.begin(), reversed.end());
    QStringList swapped = keys;
    swapped.swapItemsAt(0, 1);
    const QStringList partners = round.priorityPartners(cpa);
    QCOMPARE(partners.size(), 2);
    round.rankings = {{cpa.id, partners.at(0), keys, {}}, {cpa.id, partners.at(1), swapped, {}}};
    round.decisions = {{cpa.id, keys.mid(0, 3), QStringLiteral("The partners agreed."), {}}};
    round.priorityPlaces = {cpa.members.first()};

    const BoardPaper paper = defaultPaper(round, {StageId::Priorities}, QDate(2025, 3, 12));
    const Document full = composePaper(round, paper, Version::Public);
    checkNothingEmpty(full);
    const Section *ranking = findSection(full, QStringLiteral("priorities.ranking"));
    QVERIFY(ranking);
    const QList<Table> tables = tablesOf(*ranking);
    QCOMPARE(tables.size(), 1); // only the first CPA has rankings; the others say why not
    const Result<JointRanking> joint = PriorityAgreement::jointRanking(round, cpa);
    QVERIFY(joint);
    const Table &t = tables.first();
    QCOMPARE(t.rows.size(), joint->groups.size());
    QCOMPARE(t.header.size(), 2 + partners.size() + 1);
    for (qsizetype i = 0; i < joint->groups.size(); ++i) {
        QCOMPARE(t.rows[i].last().value, joint->groups[i].score);
        const int partnerRank = int(keys.indexOf(joint->groups[i].group)) + 1;
        QCOMPARE(t.rows[i][2].text, QString::number(partnerRank));
    }
    const QList<Chart> charts = chartsOf(*ranking);
    QCOMPARE(charts.size(), 1);
    QCOMPARE(charts.first().series.first().values.first(), joint->groups.first().score);
    QVERIFY(charts.first().altText.contains(cpa.name));
    // The agreement measure, as the engine reads it.
    const PairAgreement &pair = joint->agreements.first();
    QVERIFY(
        allText(*ranking).contains(PriorityAgreement::bandName(PriorityAgreement::band(pair.tau))));
    QVERIFY(allText(*ranking).contains(formatNumber(*pair.tau, 2)));

    const QString decisions = allText(*findSection(full, QStringLiteral("priorities.decisions")));
    QVERIFY(decisions.contains(QStringLiteral("The partners agreed.")));
    QVERIFY(decisions.contains(round.priorityGroups.first().name));
    QVERIFY(decisions.contains(QStringLiteral("not recorded a decision")));
    const QString places = allText(*findSection(full, QStringLiteral("priorities.places")));
    QVERIFY(places.contains(round.authority(cpa.members.first())->name));
    QCOMPARE(tablesOf(*findSection(full, QStringLiteral("priorities.groups"))).first().rows.size(),
             round.priorityGroups.size());
}

void TestPaperComposer::designSectionsMatchTheFinancialModel()
{
    const Round round = demo();
    const BoardPaper paper = defaultPaper(round, {StageId::Design}, QDate(2025, 3, 12));
    QElapsedTimer timer;
    timer.start();
    const Document full = composePaper(round, paper, Version::Full);
    qInfo("Composing the demo's design paper took %lld ms", timer.elapsed());
    checkNothingEmpty(full);
    for (const char *key : {"design", "design.standards", "design.eligibility", "design.payment",
                            "design.finance", "design.contributions"})
        QVERIFY2(findSection(full, QString::fromLatin1(key)), key);

    const Section *finance = findSection(full, QStringLiteral("design.finance"));
    const Table t = tablesOf(*finance).first();
    QCOMPARE(t.header.size(), 1 + round.design.scenarios.size());
    const Result<ScenarioForecast> f = forecastScenario(round, round.design.scenarios.first(), 0);
    QVERIFY(f);
    const auto row = std::find_if(t.rows.begin(), t.rows.end(), [](const QList<Cell> &r) {
        return r.first().text == QLatin1String("Expected cost");
    });
    QVERIFY(row != t.rows.end());
    QCOMPARE((*row)[1].text, formatMoney(f->cost));
    QCOMPARE((*row)[1].kind, CellKind::Money);
    const QList<Chart> charts = chartsOf(*finance);
    QCOMPARE(charts.size(), 1);
    QCOMPARE(charts.first().series.size(), round.design.scenarios.size());
    QCOMPARE(charts.first().categories.size(), round.adoptedPlan()->cpas.size());
    QVERIFY(charts.first().altText.contains(formatMoney(f->cost)));

    const Table standards =
        tablesOf(*findSection(full, QStringLiteral("design.standards"))).first();
    QCOMPARE(standards.rows.size(), round.design.standards.size());
    const Table contributions =
        tablesOf(*findSection(full, QStringLiteral("design.contributions"))).first();
    double total = 0;
    for (const LocalContribution &c : round.design.contributions)
        total += c.valuePerYear;
    QCOMPARE(contributions.rows.last()[3].text, formatMoney(total));
}

void TestPaperComposer::roundWithoutDataSaysSo_data()
{
    QTest::addColumn<bool>("authoritiesOnly");
    QTest::newRow("blank London round") << false;
    QTest::newRow("authorities only") << true;
}

void TestPaperComposer::roundWithoutDataSaysSo()
{
    QFETCH(bool, authoritiesOnly);
    Result<Round> blank = LondonRound::blank(QStringLiteral("Empty"));
    QVERIFY(blank);
    Round round = *blank;
    if (authoritiesOnly) {
        Round bare;
        bare.authorities = round.authorities;
        round = bare;
    }
    const QList<StageId> stages{StageId::Needs, StageId::Priorities, StageId::Design};
    const BoardPaper paper = defaultPaper(round, stages, QDate(2025, 3, 12));
    QCOMPARE(checkPaper(paper), QString());
    for (Version v : {Version::Full, Version::Public}) {
        const Document d = composePaper(round, paper, v);
        checkNothingEmpty(d);
        for (const char *key : {"needs.indicators", "needs.map", "priorities.ranking",
                                "design.finance", "design.contributions"}) {
            const Section *s = findSection(d, QString::fromLatin1(key));
            QVERIFY2(s, key);
            QVERIFY2(tablesOf(*s).isEmpty(), key);
            QVERIFY2(allText(*s).contains(QStringLiteral("stage")), key);
        }
        for (const QString &notice : d.notices)
            QVERIFY(!notice.startsWith(QStringLiteral("Illustrative")));
    }
    if (authoritiesOnly)
        QCOMPARE(paper.board, QStringLiteral("Programme board")); // no partnership: plain
    else
        QVERIFY(paper.board.startsWith(QStringLiteral("Sub-regional programme board")));
}

void TestPaperComposer::checkPaperMessages_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("message");
    QTest::newRow("valid") << 0 << QString();
    QTest::newRow("no stage") << 1 << QStringLiteral("A paper must cover at least one stage.");
    QTest::newRow("stage twice") << 2
                                 << QStringLiteral("The paper names the stage \"Assessing local "
                                                   "needs\" twice.");
    QTest::newRow("no date") << 3 << QStringLiteral("The paper needs a valid meeting date.");
    QTest::newRow("threshold 0")
        << 4 << QStringLiteral("The disclosure threshold must be between 1 and 100, not 0.");
    QTest::newRow("threshold 101")
        << 5 << QStringLiteral("The disclosure threshold must be between 1 and 100, not 101.");
    QTest::newRow("rounding 0")
        << 6 << QStringLiteral("Counts must be rounded to a multiple between 1 and 100, not 0.");
    QTest::newRow("empty recommendation") << 7 << QStringLiteral("Recommendation 3 is empty.");
    QTest::newRow("51 recommendations")
        << 8 << QStringLiteral("A paper can hold at most 50 recommendations; this one has 51.");
    QTest::newRow("long recommendation")
        << 9 << QStringLiteral("Recommendation 1 is longer than 100,000 characters.");
    QTest::newRow("empty title") << 10 << QStringLiteral("The paper needs a title.");
    QTest::newRow("long summary") << 11
                                  << QStringLiteral(
                                         "The summary is longer than 100,000 characters.");
    QTest::newRow("100 recommendations of 100,000 ok") << 12 << QString();
}

void TestPaperComposer::checkPaperMessages()
{
    QFETCH(int, change);
    QFETCH(QString, message);
    BoardPaper paper = validPaper();
    switch (change) {
    case 1:
        paper.stages.clear();
        break;
    case 2:
        paper.stages = {StageId::Needs, StageId::Design, StageId::Needs};
        break;
    case 3:
        paper.meeting = QDate();
        break;
    case 4:
        paper.disclosure.threshold = 0;
        break;
    case 5:
        paper.disclosure.threshold = 101;
        break;
    case 6:
        paper.disclosure.rounding = 0;
        break;
    case 7:
        paper.recommendations = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("  ")};
        break;
    case 8:
        paper.recommendations = QStringList(51, QStringLiteral("x"));
        break;
    case 9:
        paper.recommendations = {QString(100001, u'x')};
        break;
    case 10:
        paper.title = QStringLiteral(" ");
        break;
    case 11:
        paper.summary = QString(100001, u'x');
        break;
    case 12:
        paper.recommendations = QStringList(50, QString(100000, u'x'));
        paper.disclosure = {100, 100, false};
        break;
    default:
        break;
    }
    QCOMPARE(checkPaper(paper), message);
}

void TestPaperComposer::illustrativeNotice()
{
    const Round round = demo();
    QVERIFY(round.hasIllustrativeFigures());
    for (StageId stage : {StageId::Needs, StageId::Priorities, StageId::Design}) {
        const BoardPaper paper = defaultPaper(round, {stage}, QDate(2025, 3, 12));
        for (Version v : {Version::Full, Version::Public, Version::ExemptAppendix}) {
            const Document d = composePaper(round, paper, v);
            QVERIFY(std::any_of(d.notices.begin(), d.notices.end(), [](const QString &n) {
                return n.startsWith(QStringLiteral("Illustrative"));
            }));
            // Disclosure applies to every version of an ordinary paper, and says so.
            QVERIFY(d.notices.contains(
                QStringLiteral("Counts below 5 are suppressed ([c]) and other counts are rounded "
                               "to the nearest 5; shares of people are taken of the counts as "
                               "printed. Totals may not equal the sum of their parts.")));
        }
    }
}

QTEST_MAIN(TestPaperComposer)
#include "tst_papercomposer.moc"
