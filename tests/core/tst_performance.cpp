#include "core/monitoring/performance.h"
#include "core/round/londonround.h"
#include "core/round/round.h"

#include <QTest>

#include <cmath>

using namespace CoCommission;

/**
 * The analysis of performance returns (stage 6) on a round built by hand: the demo round's
 * authorities, plan and design with small monitoring figures whose results are worked out in
 * the comments, so that every expected number can be checked with a pencil.
 *
 * The contract runs April 2018 to March 2019. Profile:
 *   CLF esa_wrag:     Apr R10 S8 J2;  May R10 S8 J2 U1;  Jun R10 S8 J4 U1
 *   CLF lone_parents: Apr R10 S10;    May R10 S10
 *   LL  esa_wrag:     Apr R20 S20
 * Returns (R referrals, S starts, J job outcomes, U sustained job outcomes):
 *   1 "april.csv": Apr CLF esa R9 S8 J1, CLF lone R10 S6, LL esa R19 S17;
 *                  standards Apr CLF first_contact 4, key_worker 1, in_work_support 5,
 *                  LL first_contact 6
 *   2 "may.csv":   May CLF esa R10 S7 J2 U1, CLF lone R9 S9;
 *                  standards May CLF first_contact 6, in_work_support 6, LL key_worker 0
 *   3 "correction": Apr CLF esa R11 (was 9); standard Apr LL first_contact 5 (was 6)
 */
class TestPerformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void ragKeysAndNames();
    void ragAtThresholdEdges_data();
    void ragAtThresholdEdges();

    void figuresInForceSupersede();
    void figureHistoryShowsEveryVersion();
    void standardsInForceSupersede();
    void summariseReturns();

    void reportRowsAreCumulative();
    void reportToAnEarlierPeriod();
    void percentAndRagAtExactEdges();
    void customThresholds();
    void conversionRates();
    void prioritySharesAgainstConditions();
    void standardsByDirection();
    void warningsForOutcomesAboveStarts();
    void reportDefaultsToLatestReportedMonth();
    void reportErrors();
    void unknownCpasAndGroupsDoNotCrash();
    void trendMonthlyAndCumulative();

private:
    static MonitoringFigure fig(int year, int month, CpaId cpa, const char *group,
                                MonitoringMeasure measure, double value)
    {
        return {QDate(year, month, 1), cpa, QString::fromLatin1(group), measure, value};
    }
    static const PerformanceRow *row(const PerformanceReport &report, CpaId cpa,
                                     const QString &group, MonitoringMeasure measure);

    Round m_round;
    CpaId m_clf, m_ll, m_sl, m_wla;
};

using M = MonitoringMeasure;

void TestPerformance::initTestCase()
{
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_round = *demo;
    const CpaPlan *plan = m_round.adoptedPlan();
    QVERIFY(plan);
    QCOMPARE(plan->cpas.size(), 4);
    m_clf = plan->cpas[0].id;
    m_ll = plan->cpas[1].id;
    m_wla = plan->cpas[2].id;
    m_sl = plan->cpas[3].id;
    QCOMPARE(plan->cpas[0].name, QStringLiteral("Central London Forward"));
    QVERIFY(plan->cpas[0].members.contains(QStringLiteral("E09000007"))); // Camden

    Monitoring &mon = m_round.monitoring;
    mon = {};
    mon.profile.start = QDate(2018, 4, 1);
    mon.profile.months = 12;
    mon.profile.source = QStringLiteral("By hand");
    mon.profile.figures = {
        fig(2018, 4, m_clf, "esa_wrag", M::Referrals, 10),
        fig(2018, 4, m_clf, "esa_wrag", M::Starts, 8),
        fig(2018, 4, m_clf, "esa_wrag", M::JobOutcomes, 2),
        fig(2018, 5, m_clf, "esa_wrag", M::Referrals, 10),
        fig(2018, 5, m_clf, "esa_wrag", M::Starts, 8),
        fig(2018, 5, m_clf, "esa_wrag", M::JobOutcomes, 2),
        fig(2018, 5, m_clf, "esa_wrag", M::SustainedJobOutcomes, 1),
        fig(2018, 6, m_clf, "esa_wrag", M::Referrals, 10),
        fig(2018, 6, m_clf, "esa_wrag", M::Starts, 8),
        fig(2018, 6, m_clf, "esa_wrag", M::JobOutcomes, 4),
        fig(2018, 6, m_clf, "esa_wrag", M::SustainedJobOutcomes, 1),
        fig(2018, 4, m_clf, "lone_parents", M::Referrals, 10),
        fig(2018, 4, m_clf, "lone_parents", M::Starts, 10),
        fig(2018, 5, m_clf, "lone_parents", M::Referrals, 10),
        fig(2018, 5, m_clf, "lone_parents", M::Starts, 10),
        fig(2018, 4, m_ll, "esa_wrag", M::Referrals, 20),
        fig(2018, 4, m_ll, "esa_wrag", M::Starts, 20),
    };

    PerformanceReturn april;
    april.id = 1;
    april.source = QStringLiteral("april.csv");
    april.receivedAt = QDateTime(QDate(2018, 5, 10), QTime(9, 0), Qt::UTC);
    april.figures = {
        fig(2018, 4, m_clf, "esa_wrag", M::Referrals, 9),
        fig(2018, 4, m_clf, "esa_wrag", M::Starts, 8),
        fig(2018, 4, m_clf, "esa_wrag", M::JobOutcomes, 1),
        fig(2018, 4, m_clf, "lone_parents", M::Referrals, 10),
        fig(2018, 4, m_clf, "lone_parents", M::Starts, 6),
        fig(2018, 4, m_ll, "esa_wrag", M::Referrals, 19),
        fig(2018, 4, m_ll, "esa_wrag", M::Starts, 17),
    };
    const QDate apr(2018, 4, 1), may(2018, 5, 1);
    april.standards = {
        {apr, m_clf, QStringLiteral("first_contact"), 4},
        {apr, m_clf, QStringLiteral("key_worker"), 1},
        {apr, m_clf, QStringLiteral("in_work_support"), 5},
        {apr, m_ll, QStringLiteral("first_contact"), 6},
    };
    PerformanceReturn mayReturn;
    mayReturn.id = 2;
    mayReturn.source = QStringLiteral("may.csv");
    mayReturn.receivedAt = QDateTime(QDate(2018, 6, 8), QTime(9, 0), Qt::UTC);
    mayReturn.figures = {
        fig(2018, 5, m_clf, "esa_wrag", M::Referrals, 10),
        fig(2018, 5, m_clf, "esa_wrag", M::Starts, 7),
        fig(2018, 5, m_clf, "esa_wrag", M::JobOutcomes, 2),
        fig(2018, 5, m_clf, "esa_wrag", M::SustainedJobOutcomes, 1),
        fig(2018, 5, m_clf, "lone_parents", M::Referrals, 9),
        fig(2018, 5, m_clf, "lone_parents", M::Starts, 9),
    };
    mayReturn.standards = {
        {may, m_clf, QStringLiteral("first_contact"), 6},
        {may, m_clf, QStringLiteral("in_work_support"), 6},
        {may, m_ll, QStringLiteral("key_worker"), 0},
    };
    PerformanceReturn correction;
    correction.id = 3;
    correction.source = QStringLiteral("correction");
    correction.note = QStringLiteral("April referrals in CLF were 11");
    correction.receivedAt = QDateTime(QDate(2018, 6, 12), QTime(9, 0), Qt::UTC);
    correction.figures = {fig(2018, 4, m_clf, "esa_wrag", M::Referrals, 11)};
    correction.standards = {{apr, m_ll, QStringLiteral("first_contact"), 5}};
    mon.returns = {april, mayReturn, correction};

    m_round.design.conditions = {
        {ConditionKind::GroupShare, QStringLiteral("esa_wrag"), CpaId(), 50, {}},
        {ConditionKind::GroupShare, QStringLiteral("lone_parents"), m_clf, 60, {}},
        {ConditionKind::PlacePresence, QStringLiteral("E09000007"), CpaId(), 0, {}},
    };
    // The demo design's standards: first_contact at most 5, key_worker required,
    // in_work_support at least 6, and three more no return reports.
    QCOMPARE(m_round.design.standards.size(), 6);
}

const PerformanceRow *TestPerformance::row(const PerformanceReport &report, CpaId cpa,
                                           const QString &group, MonitoringMeasure measure)
{
    for (const PerformanceRow &r : report.rows) {
        if (r.cpa == cpa && r.group == group && r.measure == measure)
            return &r;
    }
    return nullptr;
}

void TestPerformance::ragKeysAndNames()
{
    QCOMPARE(ragKey(Rag::Green), QStringLiteral("green"));
    QCOMPARE(ragKey(Rag::Amber), QStringLiteral("amber"));
    QCOMPARE(ragKey(Rag::Red), QStringLiteral("red"));
    QCOMPARE(ragName(Rag::Green), QStringLiteral("Green"));
    QCOMPARE(ragName(Rag::Amber), QStringLiteral("Amber"));
    QCOMPARE(ragName(Rag::Red), QStringLiteral("Red"));
}

void TestPerformance::ragAtThresholdEdges_data()
{
    QTest::addColumn<double>("green");
    QTest::addColumn<double>("amber");
    QTest::addColumn<double>("percent");
    QTest::addColumn<int>("expected"); // -1: none

    const double below95 = std::nextafter(95.0, 0.0);
    const double below85 = std::nextafter(85.0, 0.0);
    QTest::newRow("default, well above") << 95.0 << 85.0 << 120.0 << int(Rag::Green);
    QTest::newRow("default, exactly 95") << 95.0 << 85.0 << 95.0 << int(Rag::Green);
    QTest::newRow("default, just under 95") << 95.0 << 85.0 << below95 << int(Rag::Amber);
    QTest::newRow("default, 94.99") << 95.0 << 85.0 << 94.99 << int(Rag::Amber);
    QTest::newRow("default, exactly 85") << 95.0 << 85.0 << 85.0 << int(Rag::Amber);
    QTest::newRow("default, just under 85") << 95.0 << 85.0 << below85 << int(Rag::Red);
    QTest::newRow("default, 0") << 95.0 << 85.0 << 0.0 << int(Rag::Red);
    QTest::newRow("default, no percent") << 95.0 << 85.0 << qQNaN() << -1;
    QTest::newRow("custom 100/90, exactly 100") << 100.0 << 90.0 << 100.0 << int(Rag::Green);
    QTest::newRow("custom 100/90, 99.9") << 100.0 << 90.0 << 99.9 << int(Rag::Amber);
    QTest::newRow("custom 100/90, exactly 90") << 100.0 << 90.0 << 90.0 << int(Rag::Amber);
    QTest::newRow("custom 100/90, 89.99") << 100.0 << 90.0 << 89.99 << int(Rag::Red);
    QTest::newRow("custom 80/80, 80 is green") << 80.0 << 80.0 << 80.0 << int(Rag::Green);
    QTest::newRow("custom 80/80, 79.9 is red") << 80.0 << 80.0 << 79.9 << int(Rag::Red);
    QTest::newRow("custom 0/0, 0 is green") << 0.0 << 0.0 << 0.0 << int(Rag::Green);
}

void TestPerformance::ragAtThresholdEdges()
{
    QFETCH(double, green);
    QFETCH(double, amber);
    QFETCH(double, percent);
    QFETCH(int, expected);

    ProgrammeBoard board;
    board.greenPercent = green;
    board.amberPercent = amber;
    const std::optional<double> p = std::isnan(percent) ? std::nullopt : std::optional(percent);
    const std::optional<Rag> rag = ragFor(p, board);
    if (expected < 0) {
        QVERIFY(!rag);
    } else {
        QVERIFY(rag);
        QCOMPARE(int(*rag), expected);
    }
}

void TestPerformance::figuresInForceSupersede()
{
    const QList<MonitoringFigure> inForce = figuresInForce(m_round.monitoring);
    // 7 April + 6 May figures; the correction replaces one, adding none.
    QCOMPARE(inForce.size(), 13);
    // Ordered by period, then CPA id, group and measure.
    QCOMPARE(inForce[0], fig(2018, 4, m_clf, "esa_wrag", M::Referrals, 11));
    QCOMPARE(inForce[1], fig(2018, 4, m_clf, "esa_wrag", M::Starts, 8));
    QCOMPARE(inForce[2], fig(2018, 4, m_clf, "esa_wrag", M::JobOutcomes, 1));
    QCOMPARE(inForce[3], fig(2018, 4, m_clf, "lone_parents", M::Referrals, 10));
    QCOMPARE(inForce[5], fig(2018, 4, m_ll, "esa_wrag", M::Referrals, 19));
    QCOMPARE(inForce[7], fig(2018, 5, m_clf, "esa_wrag", M::Referrals, 10));
    QCOMPARE(inForce.last(), fig(2018, 5, m_clf, "lone_parents", M::Starts, 9));
    QVERIFY(m_clf < m_ll);

    // Supersession goes by return id, not by the order the list holds them in.
    Monitoring shuffled = m_round.monitoring;
    std::swap(shuffled.returns[0], shuffled.returns[2]);
    QCOMPARE(figuresInForce(shuffled), inForce);

    QVERIFY(figuresInForce(Monitoring{}).isEmpty());
}

void TestPerformance::figureHistoryShowsEveryVersion()
{
    const QList<FigureVersion> history =
        figureHistory(m_round.monitoring, QDate(2018, 4, 1), m_clf, "esa_wrag", M::Referrals);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history[0].returnId, 1);
    QCOMPARE(history[0].source, QStringLiteral("april.csv"));
    QCOMPARE(history[0].value, 9.0);
    QVERIFY(!history[0].inForce);
    QCOMPARE(history[0].receivedAt, m_round.monitoring.returns[0].receivedAt);
    QCOMPARE(history[1].returnId, 3);
    QCOMPARE(history[1].value, 11.0);
    QCOMPARE(history[1].note, QStringLiteral("April referrals in CLF were 11"));
    QVERIFY(history[1].inForce);

    const QList<FigureVersion> once =
        figureHistory(m_round.monitoring, QDate(2018, 4, 1), m_clf, "esa_wrag", M::Starts);
    QCOMPARE(once.size(), 1);
    QVERIFY(once[0].inForce);
    QCOMPARE(once[0].value, 8.0);

    QVERIFY(figureHistory(m_round.monitoring, QDate(2018, 6, 1), m_clf, "esa_wrag", M::Starts)
                .isEmpty());
    QVERIFY(figureHistory(m_round.monitoring, QDate(2018, 4, 1), m_clf, "homelessness", M::Starts)
                .isEmpty());
}

void TestPerformance::standardsInForceSupersede()
{
    const QList<StandardFigure> inForce = standardsInForce(m_round.monitoring);
    QCOMPARE(inForce.size(), 7); // 4 + 3; the correction replaces one
    const QDate apr(2018, 4, 1);
    QCOMPARE(inForce[0], (StandardFigure{apr, m_clf, QStringLiteral("first_contact"), 4}));
    QCOMPARE(inForce[1], (StandardFigure{apr, m_clf, QStringLiteral("in_work_support"), 5}));
    QCOMPARE(inForce[2], (StandardFigure{apr, m_clf, QStringLiteral("key_worker"), 1}));
    QCOMPARE(inForce[3], (StandardFigure{apr, m_ll, QStringLiteral("first_contact"), 5}));
    QCOMPARE(inForce[4].period, QDate(2018, 5, 1));
}

void TestPerformance::summariseReturns()
{
    const Monitoring &mon = m_round.monitoring;
    const ReturnSummary april = summariseReturn(mon, 1);
    QCOMPARE(april.figures, 11);
    QCOMPARE(april.corrections, 0);
    QCOMPARE(april.superseded, 2); // CLF esa referrals and LL first contact
    QCOMPARE(april.firstPeriod, QDate(2018, 4, 1));
    QCOMPARE(april.lastPeriod, QDate(2018, 4, 1));

    const ReturnSummary may = summariseReturn(mon, 2);
    QCOMPARE(may.figures, 9);
    QCOMPARE(may.corrections, 0);
    QCOMPARE(may.superseded, 0);
    QCOMPARE(may.firstPeriod, QDate(2018, 5, 1));

    const ReturnSummary correction = summariseReturn(mon, 3);
    QCOMPARE(correction.figures, 2);
    QCOMPARE(correction.corrections, 2);
    QCOMPARE(correction.superseded, 0);

    const ReturnSummary none = summariseReturn(mon, 99);
    QCOMPARE(none.figures, 0);
    QVERIFY(!none.firstPeriod.isValid());
}

void TestPerformance::reportRowsAreCumulative()
{
    const Result<PerformanceReport> report = performanceReport(m_round, QDate(2018, 5, 1));
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->from, QDate(2018, 4, 1));
    QCOMPARE(report->period, QDate(2018, 5, 1));

    // CLF: esa_wrag and lone_parents (catalogue order), then its total; LL: esa_wrag, total;
    // West London and South London: totals only. Four measures each.
    QCOMPARE(report->rows.size(), (3 + 2 + 1 + 1) * 4);
    QStringList order;
    for (int i = 0; i < report->rows.size(); i += 4) {
        const PerformanceRow &r = report->rows[i];
        order << r.cpaName + u'/' + r.group;
        QCOMPARE(r.measure, M::Referrals);
        QCOMPARE(report->rows[i + 3].measure, M::SustainedJobOutcomes);
    }
    QCOMPARE(order,
             (QStringList{"Central London Forward/esa_wrag", "Central London Forward/lone_parents",
                          "Central London Forward/", "Local London/esa_wrag", "Local London/",
                          "West London Alliance/", "South London Partnership/"}));

    struct Expect
    {
        CpaId cpa;
        const char *group;
        M measure;
        double actual;
        double profile;
    };
    // Actual: April (corrected) + May; profile: April + May.
    const Expect expected[] = {
        {m_clf, "esa_wrag", M::Referrals, 11 + 10, 20},
        {m_clf, "esa_wrag", M::Starts, 8 + 7, 16},
        {m_clf, "esa_wrag", M::JobOutcomes, 1 + 2, 4},
        {m_clf, "esa_wrag", M::SustainedJobOutcomes, 1, 1},
        {m_clf, "lone_parents", M::Referrals, 10 + 9, 20},
        {m_clf, "lone_parents", M::Starts, 6 + 9, 20},
        {m_clf, "lone_parents", M::JobOutcomes, 0, 0},
        {m_clf, "", M::Referrals, 40, 40},
        {m_clf, "", M::Starts, 30, 36},
        {m_clf, "", M::JobOutcomes, 3, 4},
        {m_ll, "esa_wrag", M::Referrals, 19, 20},
        {m_ll, "esa_wrag", M::Starts, 17, 20},
        {m_ll, "", M::Starts, 17, 20},
        {m_sl, "", M::Referrals, 0, 0},
    };
    for (const Expect &e : expected) {
        const PerformanceRow *r = row(*report, e.cpa, QString::fromLatin1(e.group), e.measure);
        QVERIFY2(r, e.group);
        QCOMPARE(r->actual, e.actual);
        QCOMPARE(r->profile, e.profile);
    }

    const PerformanceRow *esaStarts = row(*report, m_clf, "esa_wrag", M::Starts);
    QCOMPARE(*esaStarts->percentOfProfile, 15.0 * 100 / 16); // 93.75
    QCOMPARE(*esaStarts->rag, Rag::Amber);
    const PerformanceRow *esaReferrals = row(*report, m_clf, "esa_wrag", M::Referrals);
    QCOMPARE(*esaReferrals->percentOfProfile, 105.0);
    QCOMPARE(*esaReferrals->rag, Rag::Green);
    const PerformanceRow *esaJobs = row(*report, m_clf, "esa_wrag", M::JobOutcomes);
    QCOMPARE(*esaJobs->percentOfProfile, 75.0);
    QCOMPARE(*esaJobs->rag, Rag::Red);
    // No profile: no percent and no rating.
    const PerformanceRow *loneJobs = row(*report, m_clf, "lone_parents", M::JobOutcomes);
    QVERIFY(!loneJobs->percentOfProfile);
    QVERIFY(!loneJobs->rag);

    QCOMPARE(report->totals.size(), 4);
    QVERIFY(!report->totals[0].cpa.isValid());
    QVERIFY(report->totals[0].group.isEmpty());
    QCOMPARE(report->totals[0].actual, 59.0);
    QCOMPARE(report->totals[0].profile, 60.0);
    QCOMPARE(report->totals[1].actual, 47.0);
    QCOMPARE(report->totals[1].profile, 56.0);
    QCOMPARE(report->totals[3].actual, 1.0);
    QCOMPARE(report->totals[3].profile, 1.0);
}

void TestPerformance::reportToAnEarlierPeriod()
{
    const Result<PerformanceReport> report = performanceReport(m_round, QDate(2018, 4, 1));
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const PerformanceRow *referrals = row(*report, m_clf, "esa_wrag", M::Referrals);
    QCOMPARE(referrals->actual, 11.0); // the correction, not the first figure
    QCOMPARE(referrals->profile, 10.0);
    QCOMPARE(*referrals->percentOfProfile, 110.0);
    const PerformanceRow *jobs = row(*report, m_clf, "esa_wrag", M::JobOutcomes);
    QCOMPARE(jobs->actual, 1.0);
    QCOMPARE(jobs->profile, 2.0);
    QCOMPARE(*jobs->percentOfProfile, 50.0);
    const PerformanceRow *sustained = row(*report, m_clf, "esa_wrag", M::SustainedJobOutcomes);
    QCOMPARE(sustained->actual, 0.0);
    QVERIFY(!sustained->percentOfProfile);

    // A day in the month reports to the month.
    const Result<PerformanceReport> midMonth = performanceReport(m_round, QDate(2018, 4, 17));
    QVERIFY(midMonth);
    QCOMPARE(midMonth->period, QDate(2018, 4, 1));

    // Later months with nothing reported add profile only.
    const Result<PerformanceReport> june = performanceReport(m_round, QDate(2018, 6, 1));
    QVERIFY(june);
    QCOMPARE(row(*june, m_clf, "esa_wrag", M::JobOutcomes)->profile, 8.0);
    QCOMPARE(row(*june, m_clf, "esa_wrag", M::JobOutcomes)->actual, 3.0);
}

void TestPerformance::percentAndRagAtExactEdges()
{
    const Result<PerformanceReport> report = performanceReport(m_round, QDate(2018, 5, 1));
    QVERIFY(report);
    // 19 of 20 is exactly 95: green.
    const PerformanceRow *loneReferrals = row(*report, m_clf, "lone_parents", M::Referrals);
    QCOMPARE(*loneReferrals->percentOfProfile, 95.0);
    QCOMPARE(*loneReferrals->rag, Rag::Green);
    // 17 of 20 is exactly 85: amber.
    const PerformanceRow *llStarts = row(*report, m_ll, "esa_wrag", M::Starts);
    QCOMPARE(*llStarts->percentOfProfile, 85.0);
    QCOMPARE(*llStarts->rag, Rag::Amber);
    // 59 of 60 is 98.3: green; 47 of 56 is 83.9: red.
    QCOMPARE(*report->totals[0].rag, Rag::Green);
    QCOMPARE(*report->totals[1].rag, Rag::Red);

    // Just under the edge: 1,899 of 2,000 (94.95%) is amber, 1,699 of 2,000 (84.95%) red.
    Round round = m_round;
    round.monitoring.profile.figures = {fig(2018, 4, m_clf, "esa_wrag", M::Referrals, 2000),
                                        fig(2018, 4, m_clf, "esa_wrag", M::Starts, 2000)};
    PerformanceReturn r;
    r.id = 1;
    r.figures = {fig(2018, 4, m_clf, "esa_wrag", M::Referrals, 1899),
                 fig(2018, 4, m_clf, "esa_wrag", M::Starts, 1699)};
    round.monitoring.returns = {r};
    const Result<PerformanceReport> under = performanceReport(round, QDate(2018, 4, 1));
    QVERIFY(under);
    QCOMPARE(*row(*under, m_clf, "esa_wrag", M::Referrals)->rag, Rag::Amber);
    QCOMPARE(*row(*under, m_clf, "esa_wrag", M::Starts)->rag, Rag::Red);
}

void TestPerformance::customThresholds()
{
    Round round = m_round;
    round.monitoring.board.greenPercent = 100;
    round.monitoring.board.amberPercent = 90;
    const Result<PerformanceReport> report = performanceReport(round, QDate(2018, 5, 1));
    QVERIFY(report);
    QCOMPARE(*row(*report, m_clf, "esa_wrag", M::Referrals)->rag, Rag::Green);     // 105
    QCOMPARE(*row(*report, m_clf, "", M::Referrals)->rag, Rag::Green);             // exactly 100
    QCOMPARE(*row(*report, m_clf, "esa_wrag", M::Starts)->rag, Rag::Amber);        // 93.75
    QCOMPARE(*row(*report, m_clf, "lone_parents", M::Referrals)->rag, Rag::Amber); // 95
    QCOMPARE(*row(*report, m_ll, "esa_wrag", M::Starts)->rag, Rag::Red);           // 85
}

void TestPerformance::conversionRates()
{
    const Result<PerformanceReport> report = performanceReport(m_round, QDate(2018, 5, 1));
    QVERIFY(report);
    // Three rates for each of the four CPAs, then three for all CPAs.
    QCOMPARE(report->conversions.size(), 15);
    const ConversionRate &s = report->conversions[0];
    QCOMPARE(s.cpa, m_clf);
    QCOMPARE(s.key, QStringLiteral("starts_per_referral"));
    QCOMPARE(s.name, QStringLiteral("Starts per referral"));
    QCOMPARE(*s.actualPercent, 75.0);  // 30 of 40
    QCOMPARE(*s.profilePercent, 90.0); // 36 of 40
    const ConversionRate &j = report->conversions[1];
    QCOMPARE(j.key, QStringLiteral("job_outcomes_per_start"));
    QCOMPARE(*j.actualPercent, 10.0);                // 3 of 30
    QCOMPARE(*j.profilePercent, 4.0 * 100.0 / 36.0); // 4 of 36
    const ConversionRate &u = report->conversions[2];
    QCOMPARE(u.key, QStringLiteral("sustained_per_job_outcome"));
    QCOMPARE(*u.actualPercent, 100.0 / 3.0); // 1 of 3
    QCOMPARE(*u.profilePercent, 25.0);       // 1 of 4

    // Local London: 17 starts, no job outcomes at all: the third rate divides by 0.
    QCOMPARE(report->conversions[3].cpa, m_ll);
    QCOMPARE(*report->conversions[3].actualPercent, 17.0 * 100.0 / 19.0);
    QCOMPARE(*report->conversions[4].actualPercent, 0.0);  // 0 of 17
    QCOMPARE(*report->conversions[4].profilePercent, 0.0); // 0 of 20
    QVERIFY(!report->conversions[5].actualPercent);
    // West London: nothing at all.
    QCOMPARE(report->conversions[6].cpa, m_wla);
    for (int i = 6; i < 9; ++i) {
        QVERIFY(!report->conversions[i].actualPercent);
        QVERIFY(!report->conversions[i].profilePercent);
    }
    // All CPAs: 47 starts of 59 referrals.
    const ConversionRate &all = report->conversions[12];
    QVERIFY(!all.cpa.isValid());
    QCOMPARE(*all.actualPercent, 47.0 * 100.0 / 59.0);
    QCOMPARE(*all.profilePercent, 56.0 * 100.0 / 60.0);
}

void TestPerformance::prioritySharesAgainstConditions()
{
    const Result<PerformanceReport> report = performanceReport(m_round, QDate(2018, 5, 1));
    QVERIFY(report);
    // esa_wrag in each of the 4 CPAs, lone_parents in CLF, the place once.
    QCOMPARE(report->priorities.size(), 6);

    const PriorityShare &clf = report->priorities[0];
    QCOMPARE(clf.condition, 0);
    QCOMPARE(clf.cpa, m_clf);
    QCOMPARE(clf.group, QStringLiteral("esa_wrag"));
    QVERIFY(clf.measurable);
    QCOMPARE(clf.groupStarts, 15.0);
    QCOMPARE(clf.totalStarts, 30.0);
    QCOMPARE(*clf.sharePercent, 50.0);
    QCOMPARE(*clf.met, true); // exactly the minimum of 50

    const PriorityShare &ll = report->priorities[1];
    QCOMPARE(ll.cpa, m_ll);
    QCOMPARE(*ll.sharePercent, 100.0);
    QCOMPARE(*ll.met, true);

    const PriorityShare &sl = report->priorities[2];
    QCOMPARE(sl.cpa, m_wla);
    QCOMPARE(sl.totalStarts, 0.0);
    QVERIFY(!sl.sharePercent); // no starts: not judged
    QVERIFY(!sl.met);
    QCOMPARE(report->priorities[3].cpa, m_sl);

    const PriorityShare &lone = report->priorities[4];
    QCOMPARE(lone.condition, 1);
    QCOMPARE(lone.cpa, m_clf);
    QCOMPARE(lone.minimumPercent, 60.0);
    QCOMPARE(lone.groupStarts, 15.0);
    QCOMPARE(*lone.sharePercent, 50.0);
    QCOMPARE(*lone.met, false);

    const PriorityShare &place = report->priorities[5];
    QCOMPARE(place.condition, 2);
    QVERIFY(!place.measurable);
    QCOMPARE(place.group, QStringLiteral("E09000007"));
    QCOMPARE(place.cpa, m_clf); // Camden is in Central London Forward
    QVERIFY(!place.sharePercent);
    QVERIFY(!place.met);

    // In April alone: CLF 8 of 14 esa_wrag starts (57%), still met.
    const Result<PerformanceReport> april = performanceReport(m_round, QDate(2018, 4, 1));
    QVERIFY(april);
    QCOMPARE(april->priorities[0].totalStarts, 14.0);
    QCOMPARE(*april->priorities[0].sharePercent, 8.0 * 100.0 / 14.0);
}

void TestPerformance::standardsByDirection()
{
    const auto check = [](const PerformanceReport &report, CpaId cpa, const char *standard) {
        for (const StandardCheck &c : report.standards) {
            if (c.cpa == cpa && c.standard == QLatin1String(standard))
                return c;
        }
        qWarning("no check for %s", standard);
        return StandardCheck{};
    };

    const Result<PerformanceReport> april = performanceReport(m_round, QDate(2018, 4, 1));
    QVERIFY(april);
    // Six standards × four CPAs.
    QCOMPARE(april->standards.size(), 24);
    QCOMPARE(april->standards[0].standard, QStringLiteral("first_contact"));
    QCOMPARE(april->standards[0].cpa, m_clf);
    QCOMPARE(april->standards[1].cpa, m_ll);
    // AtMost 5: 4 met.
    StandardCheck c = check(*april, m_clf, "first_contact");
    QCOMPARE(*c.value, 4.0);
    QCOMPARE(c.reportedFor, QDate(2018, 4, 1));
    QCOMPARE(*c.met, true);
    // AtLeast 6: 5 not met.
    QCOMPARE(*check(*april, m_clf, "in_work_support").met, false);
    // Required: 1 met.
    QCOMPARE(*check(*april, m_clf, "key_worker").met, true);
    // AtMost 5: the correction's 5 (not the first 6) is in force, and meets it at the edge.
    c = check(*april, m_ll, "first_contact");
    QCOMPARE(*c.value, 5.0);
    QCOMPARE(*c.met, true);
    // Nothing reported: none.
    c = check(*april, m_ll, "key_worker");
    QVERIFY(!c.value);
    QVERIFY(!c.met);
    QVERIFY(!c.reportedFor.isValid());
    QVERIFY(!check(*april, m_clf, "caseload").met);

    const Result<PerformanceReport> may = performanceReport(m_round, QDate(2018, 5, 1));
    QVERIFY(may);
    // The latest value wins: May's 6 days fails where April's 4 met.
    c = check(*may, m_clf, "first_contact");
    QCOMPARE(*c.value, 6.0);
    QCOMPARE(c.reportedFor, QDate(2018, 5, 1));
    QCOMPARE(*c.met, false);
    // AtLeast 6: exactly 6 met.
    QCOMPARE(*check(*may, m_clf, "in_work_support").met, true);
    // Required: 0 not met.
    QCOMPARE(*check(*may, m_ll, "key_worker").met, false);
    // The key worker figure of April still stands in May.
    c = check(*may, m_clf, "key_worker");
    QCOMPARE(c.reportedFor, QDate(2018, 4, 1));
    QCOMPARE(*c.met, true);
}

void TestPerformance::warningsForOutcomesAboveStarts()
{
    QVERIFY(performanceWarnings(m_round).isEmpty());

    // A June return: LL esa_wrag 20 job outcomes against 17 starts to date; CLF lone_parents
    // 2 sustained outcomes without a job outcome, in June and again in July.
    PerformanceReturn june;
    june.figures = {fig(2018, 6, m_ll, "esa_wrag", M::JobOutcomes, 20),
                    fig(2018, 6, m_clf, "lone_parents", M::SustainedJobOutcomes, 2),
                    fig(2018, 7, m_clf, "lone_parents", M::SustainedJobOutcomes, 1)};
    const QStringList warnings = performanceWarnings(m_round, &june);
    QCOMPARE(warnings.size(), 2); // each CPA and group once per kind
    QCOMPARE(warnings[0],
             QStringLiteral("In Central London Forward, sustained job outcomes for lone parents "
                            "whose youngest child is 3 or over exceed job outcomes to date in June "
                            "2018: 2 sustained against 0 job "
                            "outcomes."));
    QCOMPARE(warnings[1],
             QStringLiteral("In Local London, job outcomes for ESA work-related activity group "
                            "exceed starts to date in June 2018: 20 job outcomes against 17 "
                            "starts."));

    // Once received, the report to May does not warn; to June it does.
    Round round = m_round;
    june.id = 4;
    round.monitoring.returns.append(june);
    QCOMPARE(performanceWarnings(round), warnings);
    QVERIFY(performanceReport(round, QDate(2018, 5, 1))->warnings.isEmpty());
    QCOMPARE(performanceReport(round, QDate(2018, 6, 1))->warnings, warnings);

    // Job outcomes equal to starts to date are no warning.
    PerformanceReturn equal;
    equal.figures = {fig(2018, 6, m_ll, "esa_wrag", M::JobOutcomes, 17)};
    QVERIFY(performanceWarnings(m_round, &equal).isEmpty());
}

void TestPerformance::reportDefaultsToLatestReportedMonth()
{
    const Result<PerformanceReport> report = performanceReport(m_round);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->period, QDate(2018, 5, 1));

    // Without the May return the latest month reported is April.
    Round round = m_round;
    round.monitoring.returns.removeAt(1);
    QCOMPARE(performanceReport(round)->period, QDate(2018, 4, 1));

    // A period given needs no return: the profile alone.
    round.monitoring.returns.clear();
    const Result<PerformanceReport> empty = performanceReport(round, QDate(2018, 5, 1));
    QVERIFY(empty);
    QCOMPARE(row(*empty, m_clf, "esa_wrag", M::Referrals)->actual, 0.0);
    QCOMPARE(*row(*empty, m_clf, "esa_wrag", M::Referrals)->rag, Rag::Red);
}

void TestPerformance::reportErrors()
{
    Round round = m_round;
    const Result<PerformanceReport> after = performanceReport(round, QDate(2019, 4, 1));
    QVERIFY(!after);
    QCOMPARE(after.errorMessage(),
             QStringLiteral("2019-04 is outside the contract, which runs from 2018-04 to "
                            "2019-03."));
    QVERIFY(!performanceReport(round, QDate(2018, 3, 1)));
    QVERIFY(performanceReport(round, QDate(2019, 3, 1))); // the last month

    round.monitoring.returns.clear();
    const Result<PerformanceReport> noReturns = performanceReport(round);
    QVERIFY(!noReturns);
    QVERIFY(noReturns.errorMessage().contains(QStringLiteral("No performance return")));

    round = m_round;
    round.monitoring.profile.start = QDate();
    round.monitoring.profile.months = 0;
    const Result<PerformanceReport> noPeriod = performanceReport(round, QDate(2018, 4, 1));
    QVERIFY(!noPeriod);
    QVERIFY(noPeriod.errorMessage().contains(QStringLiteral("no contract period")));
    QVERIFY(!performanceReport(round));
    QVERIFY(performanceTrend(round, m_clf, "esa_wrag", M::Referrals).isEmpty());
}

void TestPerformance::unknownCpasAndGroupsDoNotCrash()
{
    // A group the catalogue has since dropped and a CPA the plan no longer holds.
    Round round = m_round;
    PerformanceReturn late;
    late.id = 9;
    late.figures = {fig(2018, 5, CpaId(999), "esa_wrag", M::Starts, 4),
                    fig(2018, 5, m_clf, "retired_group", M::Starts, 3)};
    late.standards = {{QDate(2018, 5, 1), m_clf, QStringLiteral("retired_standard"), 1}};
    round.monitoring.returns.append(late);
    round.design.conditions.append(
        {ConditionKind::GroupShare, QStringLiteral("no_such_group"), CpaId(555), 10, {}});

    const Result<PerformanceReport> report = performanceReport(round, QDate(2018, 5, 1));
    QVERIFY2(report, qPrintable(report.errorMessage()));
    const PerformanceRow *retired = row(*report, m_clf, "retired_group", M::Starts);
    QVERIFY(retired);
    QCOMPARE(retired->actual, 3.0);
    QVERIFY(!retired->rag);
    // The retired group counts in its CPA's total.
    QCOMPARE(row(*report, m_clf, "", M::Starts)->actual, 33.0);
    const PerformanceRow *gone = row(*report, CpaId(999), "esa_wrag", M::Starts);
    QVERIFY(gone);
    QCOMPARE(gone->cpaName, QStringLiteral("CPA 999"));
    QCOMPARE(report->rows.last().cpa, CpaId(999)); // after the plan's CPAs
    QCOMPARE(report->totals[1].actual, 47.0 + 3 + 4);

    const PriorityShare &odd = report->priorities[6];
    QCOMPARE(odd.cpa, CpaId(555));
    QVERIFY(!odd.sharePercent);

    QCOMPARE(figuresInForce(round.monitoring).size(), 15);
    QCOMPARE(performanceTrend(round, CpaId(999), {}, M::Starts, QDate(2018, 5, 1)).last().actual,
             4.0);
    QCOMPARE(performanceTrend(round, CpaId(12345), {}, M::Starts).size(), 12);

    // Without an adopted plan every CPA is unknown, and still listed.
    round.plans.clear();
    const Result<PerformanceReport> planless = performanceReport(round, QDate(2018, 5, 1));
    QVERIFY(planless);
    QVERIFY(!planless->rows.isEmpty());
    QCOMPARE(planless->rows.first().cpaName, QStringLiteral("CPA %1").arg(m_clf.value()));
}

void TestPerformance::trendMonthlyAndCumulative()
{
    const QList<TrendPoint> esa = performanceTrend(m_round, m_clf, "esa_wrag", M::Referrals);
    QCOMPARE(esa.size(), 12); // the whole contract
    QCOMPARE(esa[0].period, QDate(2018, 4, 1));
    QCOMPARE(esa[11].period, QDate(2019, 3, 1));
    QCOMPARE(esa[0].actual, 11.0);
    QCOMPARE(esa[0].profile, 10.0);
    QCOMPARE(esa[1].actual, 10.0);
    QCOMPARE(esa[1].cumulativeActual, 21.0);
    QCOMPARE(esa[1].cumulativeProfile, 20.0);
    QCOMPARE(esa[2].actual, 0.0);
    QCOMPARE(esa[2].profile, 10.0);
    QCOMPARE(esa[2].cumulativeProfile, 30.0);
    QVERIFY(esa[0].reported);
    QVERIFY(esa[1].reported);
    QVERIFY(!esa[2].reported);
    QCOMPARE(esa[11].cumulativeActual, 21.0);

    // All CPAs and groups, starts, to May.
    const QList<TrendPoint> all = performanceTrend(m_round, {}, {}, M::Starts, QDate(2018, 5, 1));
    QCOMPARE(all.size(), 2);
    QCOMPARE(all[0].actual, 8.0 + 6 + 17);
    QCOMPARE(all[0].profile, 8.0 + 10 + 20);
    QCOMPARE(all[1].actual, 7.0 + 9);
    QCOMPARE(all[1].cumulativeActual, 47.0);
    QCOMPARE(all[1].cumulativeProfile, 56.0);

    // One group across the CPAs.
    const QList<TrendPoint> esaAll = performanceTrend(m_round, {}, "esa_wrag", M::Starts);
    QCOMPARE(esaAll[0].actual, 8.0 + 17);

    // Before the contract: nothing; past its end: to its end.
    QVERIFY(performanceTrend(m_round, m_clf, {}, M::Starts, QDate(2018, 3, 1)).isEmpty());
    QCOMPARE(performanceTrend(m_round, m_clf, {}, M::Starts, QDate(2020, 1, 1)).size(), 12);
    // A group with no figure: zeros, unreported.
    const QList<TrendPoint> none = performanceTrend(m_round, m_clf, "homelessness", M::Starts);
    QCOMPARE(none.size(), 12);
    QCOMPARE(none[0].cumulativeProfile, 0.0);
    QVERIFY(!none[0].reported);
}

QTEST_GUILESS_MAIN(TestPerformance)
#include "tst_performance.moc"
