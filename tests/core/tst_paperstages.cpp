// The board-paper sections of stages 4 to 6 (core/paper/stagesections_late.cpp): their keys and
// order, figures that equal what the stages' engines give, prices kept to the exempt section,
// charts with alternative text, sections that say what is missing, and a 40-bid paper.

#include "core/evaluation/criteria.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/monitoring/contractreport.h"
#include "core/monitoring/performance.h"
#include "core/paper/composer.h"
#include "core/paper/stagesections.h"
#include "core/round/londonround.h"
#include "core/round/round.h"
#include "core/supply/coverage.h"

#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <limits>

using namespace CoCommission;
using namespace CoCommission::Paper;

class TestPaperStages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void keysInOrder_data();
    void keysInOrder();
    void tablesAndChartsAreWellFormed_data();
    void tablesAndChartsAreWellFormed();

    void coverageEqualsEngine();
    void timelineNamesMissedRule();
    void resultsEqualEngine();
    void sensitivityNamesWinner();
    void pricesOnlyInPriceSection();
    void onlyPricesExemptByDefault();
    void performanceEqualsEngine();
    void publishedSharesTellNoMoreThanTheirCounts();
    void trendIsLinesOfStartsAgainstDashedProfile();
    void boardListsMeetingsAndOverdueActions();
    void reportGivesTheFourMatters();

    void unscoredBidsSaySoButKeepTheirPrices();
    void roundWithoutDataSaysSo_data();
    void roundWithoutDataSaysSo();

    void fortyBidsOverFourLots();

private:
    static QList<Section> sectionsOf(const Round &round, StageId stage);
    static const Section *find(const QList<Section> &sections, const QString &key);
    static QList<const Table *> tables(const Section &section);
    static QList<const Chart *> charts(const Section &section);
    static QString allText(const Section &section);
    static Round fortyBidRound(const Round &demo);

    Round m_demo;
};

void TestPaperStages::initTestCase()
{
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    m_demo = *demo;
    QVERIFY(!m_demo.supply.providers.isEmpty());
    QVERIFY(!m_demo.tender.bids.isEmpty());
    QVERIFY(!m_demo.monitoring.returns.isEmpty());
}

QList<Section> TestPaperStages::sectionsOf(const Round &round, StageId stage)
{
    switch (stage) {
    case StageId::Supply:
        return supplySections(round);
    case StageId::Selection:
        return selectionSections(round);
    default:
        return monitoringSections(round);
    }
}

const Section *TestPaperStages::find(const QList<Section> &sections, const QString &key)
{
    for (const Section &s : sections) {
        if (s.key == key)
            return &s;
    }
    return nullptr;
}

QList<const Table *> TestPaperStages::tables(const Section &section)
{
    QList<const Table *> out;
    for (const Block &b : section.blocks) {
        if (b.kind == Block::Kind::Table)
            out << &b.table;
    }
    return out;
}

QList<const Chart *> TestPaperStages::charts(const Section &section)
{
    QList<const Chart *> out;
    for (const Block &b : section.blocks) {
        if (b.kind == Block::Kind::Chart)
            out << &b.chart;
    }
    return out;
}

/** Every word a reader (or a screen reader) gets from the section. */
QString TestPaperStages::allText(const Section &section)
{
    QStringList text{section.title};
    for (const Block &b : section.blocks) {
        text << b.text << b.items;
        text << b.table.caption << b.table.header;
        for (const QList<Cell> &row : b.table.rows) {
            for (const Cell &cell : row)
                text << cell.text;
        }
        text << b.chart.title << b.chart.altText << b.chart.categories;
        for (const Series &s : b.chart.series)
            text << s.name;
    }
    return text.join(u'\n');
}

void TestPaperStages::keysInOrder_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<QStringList>("keys");
    QTest::newRow("supply") << int(StageId::Supply)
                            << QStringList{QStringLiteral("supply.register"),
                                           QStringLiteral("supply.coverage"),
                                           QStringLiteral("supply.timeline")};
    QTest::newRow("selection") << int(StageId::Selection)
                               << QStringList{QStringLiteral("selection.criteria"),
                                              QStringLiteral("selection.results"),
                                              QStringLiteral("selection.sensitivity"),
                                              QStringLiteral("selection.award"),
                                              QStringLiteral("selection.prices")};
    QTest::newRow("monitoring") << int(StageId::Monitoring)
                                << QStringList{QStringLiteral("monitoring.performance"),
                                               QStringLiteral("monitoring.trend"),
                                               QStringLiteral("monitoring.priorities"),
                                               QStringLiteral("monitoring.board"),
                                               QStringLiteral("monitoring.report")};
}

void TestPaperStages::keysInOrder()
{
    QFETCH(int, stage);
    QFETCH(QStringList, keys);
    const QList<Section> sections = sectionsOf(m_demo, StageId(stage));
    const QList<SectionInfo> infos = stage == int(StageId::Supply)      ? supplySectionInfo()
                                     : stage == int(StageId::Selection) ? selectionSectionInfo()
                                                                        : monitoringSectionInfo();
    QStringList got, infoKeys;
    for (const Section &s : sections)
        got << s.key;
    for (const SectionInfo &i : infos)
        infoKeys << i.key;
    QCOMPARE(got, keys);
    QCOMPARE(infoKeys, keys);
    for (qsizetype i = 0; i < sections.size(); ++i) {
        QCOMPARE(sections[i].title, infos[i].title);
        QVERIFY(!sections[i].title.isEmpty());
        QVERIFY(sections[i].level == 1 || sections[i].level == 2);
        QVERIFY(!sections[i].exempt); // the composer marks exempt sections
    }
}

void TestPaperStages::tablesAndChartsAreWellFormed_data()
{
    QTest::addColumn<int>("stage");
    QTest::newRow("supply") << int(StageId::Supply);
    QTest::newRow("selection") << int(StageId::Selection);
    QTest::newRow("monitoring") << int(StageId::Monitoring);
}

void TestPaperStages::tablesAndChartsAreWellFormed()
{
    QFETCH(int, stage);
    int tableCount = 0, chartCount = 0;
    QStringList captions;
    for (const Section &s : sectionsOf(m_demo, StageId(stage))) {
        QVERIFY2(!s.blocks.isEmpty(), qPrintable(s.key));
        for (const Table *t : tables(s)) {
            ++tableCount;
            QVERIFY2(t->caption.startsWith(QStringLiteral("Table %1.").arg(stage + 1)),
                     qPrintable(t->caption));
            QVERIFY2(!captions.contains(t->caption), qPrintable(t->caption)); // numbered apart
            captions << t->caption;
            QVERIFY(!t->header.isEmpty());
            QVERIFY2(!t->rows.isEmpty(), qPrintable(t->caption));
            for (const QList<Cell> &row : t->rows) {
                QCOMPARE(row.size(), t->header.size());
                for (qsizetype c = 0; c < row.size(); ++c) {
                    if (row[c].kind != CellKind::Text)
                        QVERIFY2(t->numericColumns.contains(int(c)),
                                 qPrintable(t->caption + u' ' + t->header[c]));
                }
            }
            for (int c : t->numericColumns)
                QVERIFY(c >= 0 && c < t->header.size());
        }
        for (const Chart *c : charts(s)) {
            ++chartCount;
            QVERIFY2(c->altText.size() > 40, qPrintable(c->title));
            QVERIFY2(c->altText.contains(QRegularExpression(QStringLiteral("\\d"))),
                     qPrintable(c->altText)); // leading figures, in words and numbers
            QVERIFY(c->title.startsWith(QStringLiteral("Figure %1.").arg(stage + 1)));
            QVERIFY(!c->valueLabel.isEmpty());
            QVERIFY(!c->categories.isEmpty());
            QVERIFY(!c->series.isEmpty());
            for (const Series &series : c->series)
                QCOMPARE(series.values.size(), c->categories.size());
        }
    }
    QVERIFY(tableCount > 0);
    QVERIFY(chartCount > 0);
}

void TestPaperStages::coverageEqualsEngine()
{
    const CoverageMatrix m = supplyCoverage(m_demo, m_demo.supply);
    QVERIFY(!m.cpas.isEmpty());
    const QList<Section> sections = supplySections(m_demo);
    const Section *coverage = find(sections, QStringLiteral("supply.coverage"));
    QVERIFY(coverage);
    const Table *table = tables(*coverage).first();
    QCOMPARE(table->rows.size(), m.groups.size());
    QCOMPARE(table->header.size(), m.cpas.size() + 1);
    int gaps = 0;
    for (qsizetype r = 0; r < m.groups.size(); ++r) {
        QCOMPARE(table->rows[r][0].text, m.groups[r].name);
        for (qsizetype c = 0; c < m.cpas.size(); ++c) {
            const Cell &cell = table->rows[r][c + 1];
            QCOMPARE(cell.kind, CellKind::Number); // providers are not people
            QCOMPARE(cell.value, double(m.cell(r, c).count()));
            if (m.cell(r, c).gap) {
                QCOMPARE(cell.text, QStringLiteral("Gap"));
                ++gaps;
            }
        }
    }
    QCOMPARE(gaps, int(m.gaps.size()));
    const QString text = allText(*coverage);
    for (const CoverageGap &g : m.gaps)
        QVERIFY2(text.contains(g.message), qPrintable(g.message));

    // The register in numbers: the sector rows add up to the register.
    const Section *reg = find(sections, QStringLiteral("supply.register"));
    const Table *sectors = tables(*reg).first();
    QVERIFY(sectors->lastRowIsTotal);
    QCOMPARE(sectors->rows.last()[1].value, double(m_demo.supply.providers.size()));
    double sum = 0;
    for (qsizetype i = 0; i + 1 < sectors->rows.size(); ++i)
        sum += sectors->rows[i][1].value;
    QCOMPARE(sum, double(m_demo.supply.providers.size()));
    // The providers per CPA equal the engine's.
    const Table *perCpa = tables(*coverage).at(1);
    QCOMPARE(perCpa->rows.size(), m.cpas.size());
    for (qsizetype c = 0; c < m.cpas.size(); ++c) {
        QCOMPARE(perCpa->rows[c][1].value, double(m.cpas[c].providers.size()));
        QCOMPARE(perCpa->rows[c][4].value, double(m.cpas[c].smes));
    }
}

void TestPaperStages::timelineNamesMissedRule()
{
    // The demo's timeline misses one of its four rules.
    const QList<Section> sections = supplySections(m_demo);
    const Section *s = find(sections, QStringLiteral("supply.timeline"));
    QVERIFY(s);
    QCOMPARE(tables(*s).first()->rows.size(), m_demo.supply.milestones.size());
    const QString text = allText(*s);
    QVERIFY2(text.contains(QStringLiteral("does not meet 1 of the board's 4 rules")),
             qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Not met: ")));
}

void TestPaperStages::resultsEqualEngine()
{
    const Result<Evaluation> evaluation = evaluateTender(m_demo);
    QVERIFY2(evaluation.ok(), qPrintable(evaluation.errorMessage()));
    const QList<Section> sections = selectionSections(m_demo);
    const Section *results = find(sections, QStringLiteral("selection.results"));
    QVERIFY(results);
    const QList<const Table *> lotTables = tables(*results);
    const QList<const Chart *> lotCharts = charts(*results);
    QCOMPARE(lotTables.size(), evaluation->lots.size());
    QCOMPARE(lotCharts.size(), evaluation->lots.size());
    for (qsizetype l = 0; l < evaluation->lots.size(); ++l) {
        const LotResult &lot = evaluation->lots[l];
        const Table *table = lotTables[l];
        QVERIFY(table->caption.contains(lot.lot));
        QCOMPARE(table->rows.size(), lot.bids.size());
        for (qsizetype i = 0; i < lot.bids.size(); ++i) {
            const BidResult &b = lot.bids[i];
            const QList<Cell> &row = table->rows[i];
            QCOMPARE(row[1].text, b.bidId);
            QCOMPARE(row[2].text, b.bidder);
            QCOMPARE(row[0].value, double(b.rank));
            QCOMPARE(row[6].value, b.total);
            QCOMPARE(row[6].text, formatNumber(b.total, 2));
            QCOMPARE(row[3].value, b.quality);
            QCOMPARE(row[4].value, b.socialValue);
            QCOMPARE(row[7].text.startsWith(QStringLiteral("Recommended")),
                     lot.winner && *lot.winner == b.bidId);
        }
        const Chart *chart = lotCharts[l];
        QCOMPARE(chart->kind, Chart::Kind::Bars);
        QCOMPARE(chart->series.size(), 1);
        QCOMPARE(chart->categories.size(), lot.bids.size());
        for (qsizetype i = 0; i < lot.bids.size(); ++i)
            QCOMPARE(chart->series[0].values[i], lot.bids[i].total);
        QVERIFY(lot.winner);
        QVERIFY2(chart->altText.contains(*lot.winner), qPrintable(chart->altText));
        QVERIFY(chart->altText.contains(formatNumber(lot.bid(*lot.winner)->total, 2)));
        QVERIFY(allText(*results).contains(QStringLiteral("make %1 (%2) the recommended bid")
                                               .arg(*lot.winner, lot.bid(*lot.winner)->bidder)));
    }
}

void TestPaperStages::sensitivityNamesWinner()
{
    const Result<Evaluation> evaluation = evaluateTender(m_demo);
    QVERIFY(evaluation.ok());
    const LotResult &lot = evaluation->lots.first();
    const QList<Section> sections = selectionSections(m_demo);
    const Section *s = find(sections, QStringLiteral("selection.sensitivity"));
    QVERIFY(s);
    const QList<const Table *> t = tables(*s);
    QCOMPARE(t.size(), 1);
    QCOMPARE(t.first()->rows.size(), lot.sensitivity.size());
    for (qsizetype i = 0; i < lot.sensitivity.size(); ++i) {
        QCOMPARE(t.first()->rows[i][1].value, lot.sensitivity[i].weight);
        QCOMPARE(t.first()->rows[i][2].value, lot.sensitivity[i].stableFrom);
        QCOMPARE(t.first()->rows[i][3].value, lot.sensitivity[i].stableTo);
    }
    const QList<const Chart *> c = charts(*s);
    QCOMPARE(c.size(), 1);
    QCOMPARE(c.first()->series.size(), 3);
    const QString text = allText(*s);
    QVERIFY(text.contains(QStringLiteral("Under the other price formula")));
    QVERIFY(text.contains(QStringLiteral("smallest score change")) ||
            text.contains(QStringLiteral("No change to a single score")));
}

void TestPaperStages::pricesOnlyInPriceSection()
{
    const QList<Section> sections = selectionSections(m_demo);
    const Section *prices = find(sections, QStringLiteral("selection.prices"));
    QVERIFY(prices);
    const Table *table = tables(*prices).first();
    QCOMPARE(table->rows.size(), m_demo.tender.bids.size());
    for (const TenderBid &bid : m_demo.tender.bids) {
        const auto row = std::find_if(table->rows.begin(), table->rows.end(),
                                      [&](const QList<Cell> &r) { return r[1].text == bid.id; });
        QVERIFY(row != table->rows.end());
        QCOMPARE((*row)[3].kind, CellKind::Money);
        QCOMPARE((*row)[3].value, bid.price);
        QCOMPARE((*row)[3].text, formatMoney(bid.price));
    }
    for (const Section &s : sections) {
        if (s.key == prices->key)
            continue;
        const QString text = allText(s);
        for (const TenderBid &bid : m_demo.tender.bids) {
            QVERIFY2(!text.contains(formatMoney(bid.price)), qPrintable(s.key));
            QVERIFY2(!text.contains(QString::number(qint64(bid.price))), qPrintable(s.key));
        }
        for (const Table *t : tables(s)) {
            for (const QList<Cell> &row : t->rows) {
                for (const Cell &cell : row)
                    QVERIFY2(cell.kind != CellKind::Money, qPrintable(s.key));
            }
        }
    }
}

void TestPaperStages::onlyPricesExemptByDefault()
{
    for (const QList<SectionInfo> &infos :
         {supplySectionInfo(), selectionSectionInfo(), monitoringSectionInfo()}) {
        for (const SectionInfo &info : infos)
            QCOMPARE(info.exemptByDefault, info.key == QLatin1String("selection.prices"));
    }
}

void TestPaperStages::performanceEqualsEngine()
{
    const Result<PerformanceReport> report = performanceReport(m_demo);
    QVERIFY2(report.ok(), qPrintable(report.errorMessage()));
    const QList<Section> sections = monitoringSections(m_demo);
    const Section *s = find(sections, QStringLiteral("monitoring.performance"));
    QVERIFY(s);
    const Table *table = tables(*s).first();
    int cpaRows = 0;
    int withoutProfile = 0;
    for (const PerformanceRow &row : report->rows) {
        if (!row.group.isEmpty())
            continue;
        ++cpaRows;
        const auto found =
            std::find_if(table->rows.begin(), table->rows.end(), [&](const QList<Cell> &r) {
                return r[0].text == row.cpaName && r[1].text == monitoringMeasureName(row.measure);
            });
        QVERIFY2(found != table->rows.end(), qPrintable(row.cpaName));
        QCOMPARE((*found)[2].kind, CellKind::Count);
        QCOMPARE((*found)[2].value, row.actual);
        QCOMPARE((*found)[3].kind, CellKind::Number); // a plan, not people: never hidden
        QCOMPARE((*found)[3].value, row.profile);
        if (row.percentOfProfile) {
            QCOMPARE((*found)[4].kind, CellKind::Percent);
            QCOMPARE((*found)[4].value, *row.percentOfProfile);
        } else {
            ++withoutProfile;
            QCOMPARE((*found)[4].text, QStringLiteral("\u2013")); // not "None", as if 0%
        }
        QCOMPARE((*found)[5].text, row.rag ? ragName(*row.rag) : QStringLiteral("No profile"));
    }
    QCOMPARE(table->rows.size(), cpaRows + report->totals.size());
    QVERIFY(withoutProfile > 0); // the demo has a measure with no profile yet

    // One CPA's cumulative starts, summed here from the figures in force.
    const Cpa &first = m_demo.adoptedPlan()->cpas.first();
    double starts = 0;
    for (const MonitoringFigure &f : figuresInForce(m_demo.monitoring)) {
        if (f.cpa == first.id && f.measure == MonitoringMeasure::Starts &&
            f.period <= report->period)
            starts += f.value;
    }
    const auto row =
        std::find_if(table->rows.begin(), table->rows.end(), [&](const QList<Cell> &r) {
            return r[0].text == first.name &&
                   r[1].text == monitoringMeasureName(MonitoringMeasure::Starts);
        });
    QVERIFY(row != table->rows.end());
    QCOMPARE((*row)[2].value, starts);
    QVERIFY(starts > 0);

    // The demo's South London is red on starts: the section names it.
    QVERIFY(allText(*s).contains(QStringLiteral("Red: ")));
}

void TestPaperStages::publishedSharesTellNoMoreThanTheirCounts()
{
    Document document;
    document.sections = monitoringSections(m_demo);
    const Document exact = document;
    const DisclosureRule rule;
    applyDisclosureControl(document, rule);

    // Every share printed is the published count over the published total (or the plan), or
    // hidden with its count: no share lets a reader work back to a count the paper protects.
    const auto check = [&](const QString &key, int people, int of, int share, bool ofPeople,
                           int &changed) {
        const Section *s = find(document.sections, key);
        const Section *before = find(exact.sections, key);
        QVERIFY(s && before);
        const Table &table = *tables(*s).first();
        int shares = 0;
        for (qsizetype r = 0; r < table.rows.size(); ++r) {
            const QList<Cell> &row = table.rows.at(r);
            if (row[share].kind != CellKind::Percent)
                continue;
            ++shares;
            const QString what = row[0].text + u' ' + row[1].text;
            if (row[people].suppressed || (ofPeople && row[of].suppressed)) {
                QVERIFY2(row[share].suppressed, qPrintable(what));
                continue;
            }
            // Counts as printed; a plan as it is (it is not protected, and is printed rounded).
            const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
            const double total = ofPeople ? uk.toDouble(row[of].text) : row[of].value;
            const double published = 100.0 * uk.toDouble(row[people].text) / total;
            QCOMPARE(row[share].text, formatPercent(published));
            changed += row[share].text != tables(*before).first()->rows.at(r)[share].text;
        }
        QVERIFY2(shares > 0, qPrintable(key));
    };
    int changed = 0;
    check(QStringLiteral("monitoring.performance"), 2, 3, 4, false, changed);
    check(QStringLiteral("monitoring.priorities"), 3, 4, 5, true, changed);
    if (QTest::currentTestFailed())
        return;
    // The demo's figures are not all multiples of 5: some shares change.
    QVERIFY(changed > 0);

    // The texts that quote shares give way to their protected wording.
    const Section *performance = find(document.sections, QStringLiteral("monitoring.performance"));
    const QString said = allText(*performance);
    QVERIFY(said.contains(QStringLiteral("Red: ")));
    QVERIFY2(!said.contains(QStringLiteral("of profile)")), qPrintable(said));
    QVERIFY(allText(*find(exact.sections, QStringLiteral("monitoring.performance")))
                .contains(QStringLiteral("of profile)")));
    const Chart &shares =
        *charts(*find(document.sections, QStringLiteral("monitoring.priorities"))).first();
    QVERIFY(!shares.altText.contains(QRegularExpression(QStringLiteral(" at \\d"))));
    QVERIFY(!shares.series.first().suppressed.isEmpty());
}

void TestPaperStages::trendIsLinesOfStartsAgainstDashedProfile()
{
    const Result<PerformanceReport> report = performanceReport(m_demo);
    QVERIFY(report.ok());
    const QList<TrendPoint> trend =
        performanceTrend(m_demo, CpaId(), QString(), MonitoringMeasure::Starts, report->period);
    const QList<Section> sections = monitoringSections(m_demo);
    const Section *s = find(sections, QStringLiteral("monitoring.trend"));
    QVERIFY(s);
    const QList<const Chart *> c = charts(*s);
    QCOMPARE(c.size(), 1);
    const Chart &chart = *c.first();
    QCOMPARE(chart.kind, Chart::Kind::Lines);
    QVERIFY(chart.counts);
    QCOMPARE(chart.categories.size(), trend.size());
    QCOMPARE(chart.series.size(), 2);
    QVERIFY(!chart.series[0].dashed);
    QVERIFY(chart.series[1].dashed);
    for (qsizetype i = 0; i < trend.size(); ++i) {
        QCOMPARE(chart.series[0].values[i], trend[i].actual);
        QCOMPARE(chart.series[1].values[i], trend[i].profile);
    }
    // Counts in the alternative text are approximate, never the exact (undisclosed) figure.
    QVERIFY(chart.altText.contains(QStringLiteral("about ")));
}

void TestPaperStages::boardListsMeetingsAndOverdueActions()
{
    const ProgrammeBoard &board = m_demo.monitoring.board;
    const QList<Section> sections = monitoringSections(m_demo);
    const Section *s = find(sections, QStringLiteral("monitoring.board"));
    QVERIFY(s);
    const QList<const Table *> t = tables(*s);
    QVERIFY(t.size() >= 2); // meetings and overdue actions
    QCOMPARE(t[0]->rows.size(), board.meetings.size());
    int notQuorate = 0;
    for (const BoardMeeting &m : board.meetings)
        notQuorate += board.isQuorate(m) ? 0 : 1;
    QCOMPARE(notQuorate, 1);
    int noRows = 0;
    for (const QList<Cell> &row : t[0]->rows)
        noRows += row[4].text == QLatin1String("No") ? 1 : 0;
    QCOMPARE(noRows, notQuorate);
    QVERIFY(t[1]->caption.contains(QStringLiteral("Overdue actions")));
    QVERIFY(!t[1]->rows.isEmpty());
}

void TestPaperStages::reportGivesTheFourMatters()
{
    const QList<Section> sections = monitoringSections(m_demo);
    const Section *s = find(sections, QStringLiteral("monitoring.report"));
    QVERIFY(s);
    const Result<PerformanceReport> report = performanceReport(m_demo);
    QVERIFY(report.ok());
    const Result<ContractManagerPaper> paper =
        contractManagerPaper(m_demo, report->period, report->period.addMonths(1).addDays(-1));
    QVERIFY(paper.ok());
    const QString text = allText(*s);
    for (const ReportSection &section : paper->sections) {
        QVERIFY2(text.contains(section.title), qPrintable(section.title));
        for (const QString &finding : section.findings)
            QVERIFY2(text.contains(finding), qPrintable(finding));
        if (!section.commentary.isEmpty())
            QVERIFY(text.contains(section.commentary));
    }
    QCOMPARE(paper->sections.size(), 4);
}

void TestPaperStages::roundWithoutDataSaysSo_data()
{
    QTest::addColumn<int>("stage");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");
    const auto row = [](const char *name, StageId stage, const char *key, const char *expected) {
        QTest::newRow(name) << int(stage) << QString::fromLatin1(key)
                            << QString::fromUtf8(expected);
    };
    row("register", StageId::Supply, "supply.register",
        "No providers have been recorded in the register yet (stage 4, Provider register).");
    row("coverage", StageId::Supply, "supply.coverage", "No CPA plan has been adopted");
    row("timeline", StageId::Supply, "supply.timeline",
        "No market engagement milestones have been recorded yet (stage 4, Timeline).");
    row("criteria", StageId::Selection, "selection.criteria",
        "No award criteria have been recorded yet (stage 5, Criteria).");
    row("results", StageId::Selection, "selection.results",
        "No bids have been recorded yet (stage 5, Bids).");
    row("sensitivity", StageId::Selection, "selection.sensitivity",
        "No bids have been recorded yet (stage 5, Bids).");
    row("award", StageId::Selection, "selection.award",
        "No bids have been recorded yet (stage 5, Bids).");
    row("prices", StageId::Selection, "selection.prices",
        "No bids have been recorded yet (stage 5, Bids).");
    row("performance", StageId::Monitoring, "monitoring.performance",
        "No contract profile has been set yet (stage 6, Contract profile).");
    row("trend", StageId::Monitoring, "monitoring.trend",
        "No contract profile has been set yet (stage 6, Contract profile).");
    row("priorities", StageId::Monitoring, "monitoring.priorities",
        "The design sets no directive condition");
    row("board", StageId::Monitoring, "monitoring.board",
        "No programme board has been recorded yet (stage 6, Board and meetings).");
    row("report", StageId::Monitoring, "monitoring.report",
        "No contract profile has been set yet (stage 6, Contract profile).");
}

void TestPaperStages::roundWithoutDataSaysSo()
{
    QFETCH(int, stage);
    QFETCH(QString, key);
    QFETCH(QString, expected);
    const Result<Round> blank = LondonRound::blank(QStringLiteral("Empty round"));
    QVERIFY(blank.ok());
    const QList<Section> sections = sectionsOf(*blank, StageId(stage));
    for (const Section &s : sections) {
        QVERIFY2(!s.blocks.isEmpty(), qPrintable(s.key));
        for (const Table *t : tables(s))
            QVERIFY2(!t->rows.isEmpty(), qPrintable(t->caption));
    }
    const Section *s = find(sections, key);
    QVERIFY(s);
    QCOMPARE(s->blocks.size(), 1);
    QCOMPARE(s->blocks.first().kind, Block::Kind::Paragraph);
    QVERIFY2(s->blocks.first().text.startsWith(expected), qPrintable(s->blocks.first().text));
}

void TestPaperStages::unscoredBidsSaySoButKeepTheirPrices()
{
    Round round = m_demo;
    round.tender.scores.clear();
    round.tender.consensus.clear();
    const QList<Section> sections = selectionSections(round);
    for (const char *key : {"selection.results", "selection.sensitivity", "selection.award"}) {
        const Section *s = find(sections, QString::fromLatin1(key));
        QVERIFY(s);
        QCOMPARE(s->blocks.size(), 1);
        QVERIFY2(s->blocks.first().text.startsWith(
                     QStringLiteral("The bids cannot be evaluated yet (stage 5, Scoring and "
                                    "Moderation): ")),
                 qPrintable(s->blocks.first().text));
    }
    const Section *prices = find(sections, QStringLiteral("selection.prices"));
    const Table *table = tables(*prices).first();
    QCOMPARE(table->rows.size(), round.tender.bids.size());
    for (const QList<Cell> &row : table->rows) {
        QCOMPARE(row[3].kind, CellKind::Money);
        QCOMPARE(row[4].text, QStringLiteral("Not scored"));
    }
    // The criteria do not depend on the scores.
    QVERIFY(!tables(*find(sections, QStringLiteral("selection.criteria"))).isEmpty());
}

Round TestPaperStages::fortyBidRound(const Round &demo)
{
    Round round = demo;
    const Result<CriteriaTree> tree = CriteriaTree::fromList(round.tender.criteria);
    Q_ASSERT(tree.ok());
    const QList<Cpa> &lots = round.adoptedPlan()->cpas;
    for (int i = int(round.tender.bids.size()); i < 40; ++i) {
        TenderBid bid;
        bid.id = QStringLiteral("X%1").arg(i + 1);
        bid.bidder = QStringLiteral("Bidder %1 (test)").arg(i + 1);
        // Ten bids a lot: the demo's own lot first, as it already holds some.
        for (const Cpa &lot : lots) {
            if (round.tender.bidsFor(lot.id).size() < 10) {
                bid.lot = lot.id;
                break;
            }
        }
        bid.price = 2'000'000 + 37'500.0 * ((i * 7) % 13);
        round.tender.bids << bid;
        int leaf = 0;
        for (const QString &id : tree->scoredLeaves()) {
            const Criterion &c = tree->criterion(id);
            ModeratedScore score;
            score.bidId = bid.id;
            score.criterionId = id;
            score.score = c.type == CriterionType::PassFail
                              ? 1
                              : double((i * 3 + leaf++) % (c.scale.maxScore + 1));
            score.rationale = QStringLiteral("Test");
            round.tender.consensus << score;
        }
    }
    return round;
}

void TestPaperStages::fortyBidsOverFourLots()
{
    const Round round = fortyBidRound(m_demo);
    QCOMPARE(round.tender.bids.size(), 40);
    QVERIFY2(evaluateTender(round).ok(), qPrintable(evaluateTender(round).errorMessage()));

    // Its speed is measured by bench/bench_paper, not here.
    const QList<Section> sections = selectionSections(round);

    const Section *prices = find(sections, QStringLiteral("selection.prices"));
    QVERIFY(prices);
    QCOMPARE(tables(*prices).first()->rows.size(), 40);
    const Section *results = find(sections, QStringLiteral("selection.results"));
    QVERIFY(results);
    QCOMPARE(charts(*results).size(), 4);
    QCOMPARE(tables(*results).size(), 4);
    for (const Chart *chart : charts(*results)) {
        QCOMPARE(chart->categories.size(), 10);
        QVERIFY(!chart->altText.isEmpty());
    }
    // Still no price outside the price section.
    for (const Section &s : sections) {
        if (s.key == QLatin1String("selection.prices"))
            continue;
        const QString text = allText(s);
        for (const TenderBid &bid : round.tender.bids)
            QVERIFY2(!text.contains(formatMoney(bid.price)), qPrintable(s.key));
    }
    const Section *award = find(sections, QStringLiteral("selection.award"));
    QCOMPARE(tables(*award).size(), 4);
}

QTEST_MAIN(TestPaperStages)
#include "tst_paperstages.moc"
