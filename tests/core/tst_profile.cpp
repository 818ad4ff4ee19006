#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/performance.h"
#include "core/monitoring/profile.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

/**
 * The contract profile derived from the stage 3 payment model, against figures worked by hand
 * on a small round, its errors and default start; and the demo round's illustrative stage 6
 * (board, profile, twelve monthly returns and a correction), which must pass every check and
 * survive a round file.
 */
class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void derivationByHand();
    void cpaTariffAndNoSustainment();
    void contractRunsToTheLastFigure();
    void startGivenOrFromGoLive();
    void defaultStartFromGoLive();
    void errors_data();
    void errors();

    void demoIsIllustrative();
    void demoPassesEveryCheck();
    void demoBoard();
    void demoReturns();
    void demoSurvivesARoundFile();
    void demoShowsRedAndAmber();

private:
    static Round smallRound();
};

namespace {

const CpaId kNorth(1);
const CpaId kSouth(2);

/** The value of one profile figure, or -1 when the profile leaves it out. */
double valueOf(const ContractProfile &profile, const QDate &period, CpaId cpa, const QString &group,
               MonitoringMeasure measure)
{
    for (const MonitoringFigure &f : profile.figures) {
        if (f.period == period && f.cpa == cpa && f.group == group && f.measure == measure)
            return f.value;
    }
    return -1;
}

/** The profile's figures of one CPA, group and measure, in month order. */
QList<std::pair<QDate, double>> series(const ContractProfile &profile, CpaId cpa,
                                       const QString &group, MonitoringMeasure measure)
{
    QList<std::pair<QDate, double>> out;
    for (const MonitoringFigure &f : profile.figures) {
        if (f.cpa == cpa && f.group == group && f.measure == measure)
            out.append({f.period, f.value});
    }
    return out;
}

} // namespace

/**
 * North (authorities A and B) and South (C). Group "esa" is estimated from the figures: North
 * has 600 + 600 claimants, 50% eligible, 20% take-up: 120 referrals a year, 10 a month. In
 * South it is stated: 60 a year, 5 a month. One year of referrals; job outcomes 3 months after
 * the start at 30%; two sustainment payments 3 months apart, earned by 50% of job outcomes.
 */
Round TestProfile::smallRound()
{
    Round r;
    r.authorities = {{"A", "Alpha"}, {"B", "Beta"}, {"C", "Gamma"}};
    CpaPlan plan;
    plan.id = PlanId(1);
    plan.name = "Plan";
    plan.adopted = true;
    plan.cpas = {Cpa{kNorth, "North", "#ff0000", {"A", "B"}},
                 Cpa{kSouth, "South", "#00ff00", {"C"}}};
    r.plans = {plan};
    NeedsDataset figures;
    figures.name = "Figures";
    figures.dimensions = {"Measure"};
    figures.measures = {{"claimants", "Claimants", {"claimants"}}};
    figures.observations = {{"A", "claimants", "2019-01", 600}, {"B", "claimants", "2019-01", 600}};
    r.datasets = {figures};

    ServiceDesign &d = r.design;
    d.paymentGroups = {PaymentGroup{"esa", "ESA WRAG", "claimants", 50, 20}};
    d.volumes = {ReferralVolume{"esa", kSouth, 60}};
    PaymentScenario s;
    s.name = "Fee";
    s.contractYears = 1;
    s.monthsToJob = 3;
    // group, cpa, fee, job payment, sustainment payment, payments, interval, job rate,
    // sustainment rate, cost
    s.tariffs = {GroupTariff{"esa", {}, 300, 1000, 200, 2, 3, 30, 50, 500}};
    d.scenarios = {s};
    r.supply.milestones = {{MilestoneKind::GoLive, {}, QDate(2019, 4, 15), QDate(2019, 4, 15)}};
    return r;
}

void TestProfile::derivationByHand()
{
    const Round round = smallRound();
    const Result<ContractProfile> derived = deriveProfile(round, "Fee");
    QVERIFY2(derived, qPrintable(derived.errorMessage()));
    const ContractProfile &p = *derived;
    QCOMPARE(p.start, QDate(2019, 4, 1)); // the go-live month
    // Referrals in months 0-11, job outcomes 3-14, sustained 3 + 2 × 3 = 9 months after the
    // start: months 9-20. The contract runs to the last: 21 months.
    QCOMPARE(p.months, 21);
    QCOMPARE(p.end(), QDate(2020, 12, 1));
    QVERIFY(p.source.contains("Fee"));
    QVERIFY(!p.illustrative);

    using M = MonitoringMeasure;
    const auto month = [](int m) {
        return QDate(2019, 4, 1).addMonths(m);
    };
    const auto referrals = series(p, kNorth, "esa", M::Referrals);
    QCOMPARE(referrals.size(), 12);
    QCOMPARE(referrals.first(), std::make_pair(month(0), 10.0));
    QCOMPARE(referrals.last(), std::make_pair(month(11), 10.0));
    QCOMPARE(series(p, kNorth, "esa", M::Starts), referrals); // every referral starts

    const auto jobs = series(p, kNorth, "esa", M::JobOutcomes);
    QCOMPARE(jobs.size(), 12);
    QCOMPARE(jobs.first().first, month(3));
    QCOMPARE(jobs.last().first, month(14));
    QCOMPARE(jobs.first().second, 3.0);                                  // 10 × 30%
    QCOMPARE(valueOf(p, month(2), kNorth, "esa", M::JobOutcomes), -1.0); // 0: left out

    const auto sustained = series(p, kNorth, "esa", M::SustainedJobOutcomes);
    QCOMPARE(sustained.size(), 12);
    QCOMPARE(sustained.first().first, month(9));
    QCOMPARE(sustained.last().first, month(20));
    QCOMPARE(sustained.first().second, 1.5); // 3 × 50%

    // South's stated 60 a year.
    QCOMPARE(valueOf(p, month(5), kSouth, "esa", M::Referrals), 5.0);
    QCOMPARE(valueOf(p, month(5), kSouth, "esa", M::JobOutcomes), 1.5);
    QCOMPARE(valueOf(p, month(20), kSouth, "esa", M::SustainedJobOutcomes), 0.75);

    QCOMPARE(p.figures.size(), 2 * 4 * 12);
    // Ordered by period first.
    for (qsizetype i = 1; i < p.figures.size(); ++i)
        QVERIFY(p.figures[i - 1].period <= p.figures[i].period);
    QVERIFY(checkProfile(round, p));
}

void TestProfile::cpaTariffAndNoSustainment()
{
    Round round = smallRound();
    // South's own tariff: 40% job outcomes, no sustainment payment.
    round.design.scenarios[0].tariffs.append(
        GroupTariff{"esa", kSouth, 300, 1000, 0, 0, 1, 40, 50, 500});
    const Result<ContractProfile> p = deriveProfile(round, "Fee");
    QVERIFY2(p, qPrintable(p.errorMessage()));
    QCOMPARE(valueOf(*p, QDate(2019, 7, 1), kSouth, "esa", MonitoringMeasure::JobOutcomes), 2.0);
    QVERIFY(series(*p, kSouth, "esa", MonitoringMeasure::SustainedJobOutcomes).isEmpty());
    QCOMPARE(series(*p, kNorth, "esa", MonitoringMeasure::SustainedJobOutcomes).size(), 12);
}

void TestProfile::contractRunsToTheLastFigure()
{
    Round round = smallRound();
    PaymentScenario &s = round.design.scenarios[0];
    s.contractYears = 2;
    s.monthsToJob = 6;
    s.tariffs[0].sustainmentPayments = 6;
    s.tariffs[0].sustainmentIntervalMonths = 2;
    // Referrals 0-23, job outcomes 6-29, sustained 6 + 12 = 18 months on: 18-41.
    Result<ContractProfile> p = deriveProfile(round, "Fee");
    QVERIFY(p);
    QCOMPARE(p->months, 42);

    // Without sustained job outcomes, the job outcomes end the contract.
    s.tariffs[0].sustainmentRatePercent = 0;
    p = deriveProfile(round, "Fee");
    QVERIFY(p);
    QCOMPARE(p->months, 30);
}

void TestProfile::startGivenOrFromGoLive()
{
    const Round round = smallRound();
    const Result<ContractProfile> p = deriveProfile(round, "Fee", QDate(2020, 1, 20));
    QVERIFY(p);
    QCOMPARE(p->start, QDate(2020, 1, 1));
    QCOMPARE(p->figures.first().period, QDate(2020, 1, 1));
}

void TestProfile::defaultStartFromGoLive()
{
    Round round = smallRound();
    QCOMPARE(defaultContractStart(round), QDate(2019, 4, 1));
    // The earliest go-live, whatever the order; other milestones do not count.
    round.supply.milestones.prepend(
        {MilestoneKind::Award, {}, QDate(2018, 1, 3), QDate(2018, 1, 3)});
    round.supply.milestones.append(
        {MilestoneKind::GoLive, {}, QDate(2019, 2, 28), QDate(2019, 3, 2)});
    QCOMPARE(defaultContractStart(round), QDate(2019, 2, 1));
    round.supply.milestones.clear();
    QVERIFY(!defaultContractStart(round).isValid());
    QCOMPARE(defaultContractStart(*LondonRound::demo()), QDate(2027, 6, 1));
}

void TestProfile::errors_data()
{
    QTest::addColumn<int>("fault");
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("unknown scenario") << 0 << "Nothing" << QStringList{"\"Nothing\""};
    QTest::newRow("missing tariff") << 1 << "Fee" << QStringList{"\"Fee\"", "ESA WRAG", "North"};
    QTest::newRow("missing volume") << 2 << "Fee" << QStringList{"\"Fee\"", "ESA WRAG", "South"};
    QTest::newRow("no start, no go-live") << 3 << "Fee" << QStringList{"go-live"};
    QTest::newRow("no adopted plan") << 4 << "Fee" << QStringList{"adopted CPA plan"};
}

void TestProfile::errors()
{
    QFETCH(int, fault);
    QFETCH(QString, scenario);
    QFETCH(QStringList, expected);
    Round round = smallRound();
    switch (fault) {
    case 1: // a tariff for South only
        round.design.scenarios[0].tariffs[0].cpa = kSouth;
        break;
    case 2: // South's volume neither stated nor in the figures
        round.design.volumes.clear();
        break;
    case 3:
        round.supply.milestones.clear();
        break;
    case 4:
        round.plans[0].adopted = false;
        break;
    default:
        break;
    }
    const Result<ContractProfile> p = deriveProfile(round, scenario);
    QVERIFY(!p);
    for (const QString &fragment : expected)
        QVERIFY2(p.errorMessage().contains(fragment), qPrintable(p.errorMessage()));
}

void TestProfile::demoIsIllustrative()
{
    const Round demo = *LondonRound::demo();
    const Monitoring &m = demo.monitoring;
    QVERIFY(m.isIllustrative());
    QVERIFY(m.board.illustrative);
    QVERIFY(m.profile.illustrative);
    QCOMPARE(m.returns.size(), 13);
    for (const PerformanceReturn &r : m.returns) {
        QVERIFY(r.illustrative);
        QVERIFY2(r.source.contains("(illustrative)"), qPrintable(r.source));
    }
    QCOMPARE(m.returns.first().source, QStringLiteral("Provider return June 2027 (illustrative)"));
    // The profile is the "30% delivery fee" scenario's, from the go-live month.
    const Result<ContractProfile> derived = deriveProfile(demo, "30% delivery fee");
    QVERIFY(derived);
    QCOMPARE(m.profile.figures, derived->figures);
    QCOMPARE(m.profile.start, QDate(2027, 6, 1));
    QCOMPARE(m.profile.months, 78);
    QVERIFY(m.profile.source.contains("30% delivery fee"));
    // The same every call: nothing random or dated by the clock.
    QCOMPARE(LondonRound::demo()->monitoring, m);
}

void TestProfile::demoPassesEveryCheck()
{
    const Round demo = *LondonRound::demo();
    const Monitoring &m = demo.monitoring;
    QVERIFY2(checkBoard(m.board), qPrintable(checkBoard(m.board).errorMessage()));
    QVERIFY2(checkProfile(demo, m.profile),
             qPrintable(checkProfile(demo, m.profile).errorMessage()));
    for (const PerformanceReturn &r : m.returns)
        QVERIFY2(checkReturn(demo, r), qPrintable(checkReturn(demo, r).errorMessage()));
    // The groups are priority groups of the catalogue, so stage 2 and stage 6 line up.
    QSet<QString> catalogue;
    for (const PriorityGroup &g : demo.priorityGroups)
        catalogue.insert(g.key);
    for (const PaymentGroup &g : demo.design.paymentGroups)
        QVERIFY2(catalogue.contains(g.key), qPrintable(g.key));
    for (const DirectiveCondition &c : demo.design.conditions)
        QVERIFY(demo.design.paymentGroup(c.subject));
}

void TestProfile::demoBoard()
{
    const ProgrammeBoard board = LondonRound::demo()->monitoring.board;
    QVERIFY(board.members.size() >= 8 && board.members.size() <= 10);
    QSet<int> roles;
    int politicalLeads = 0;
    for (const BoardMember &b : board.members) {
        roles.insert(int(b.role));
        politicalLeads += b.role == BoardRole::PoliticalLead;
    }
    QCOMPARE(roles.size(), boardRoles().size());
    QCOMPARE(politicalLeads, 4);
    QCOMPARE(board.meetings.size(), 3);
    int quorate = 0;
    for (const BoardMeeting &meeting : board.meetings)
        quorate += board.isQuorate(meeting);
    QCOMPARE(quorate, 2);
    QVERIFY(!board.isQuorate(board.meetings.at(1)));

    QVERIFY(board.actions.size() >= 5);
    int done = 0;
    int issues = 0;
    for (const BoardAction &a : board.actions) {
        QVERIFY(board.meeting(a.meeting));
        done += a.status == ActionStatus::Done;
        issues += a.kind == ActionKind::Issue;
    }
    QVERIFY(done >= 2);
    QCOMPARE(issues, 1);
    // Overdue today, and already on the day after the inaugural meeting's deadline.
    const auto overdue = [&](const QDate &today) {
        return std::count_if(board.actions.begin(), board.actions.end(),
                             [&](const BoardAction &a) { return a.isOverdue(today); });
    };
    QVERIFY(overdue(QDate::currentDate()) >= 1);
    QCOMPARE(overdue(QDate(2026, 11, 7)), 1);

    QCOMPARE(board.reports.size(), 1);
    const ContractManagerReport &report = board.reports.first();
    QCOMPARE(report.period, QDate(2028, 5, 1)); // the last month reported
    for (ReportMatter matter : reportMatters())
        QVERIFY(!report.on(matter).trimmed().isEmpty());
}

void TestProfile::demoReturns()
{
    const Round demo = *LondonRound::demo();
    const Monitoring &m = demo.monitoring;
    const QList<PerformanceReturn> &returns = m.returns;
    QHash<QString, double> totals; // "cpa/group/measure" over the year
    for (int i = 0; i < 12; ++i) {
        const PerformanceReturn &r = returns.at(i);
        QCOMPARE(r.id, qint64(i + 1));
        QCOMPARE(r.figures.size(), 4 * 3 * 4); // CPAs × groups × measures
        for (const MonitoringFigure &f : r.figures) {
            QCOMPARE(f.period, QDate(2027, 6, 1).addMonths(i)); // one month per return
            QCOMPARE(f.value, std::floor(f.value));
            totals
                [QStringLiteral("%1/%2/%3").arg(f.cpa.value()).arg(f.group).arg(int(f.measure))] +=
                f.value;
        }
        QVERIFY(!r.standards.isEmpty());
    }
    // Starts below referrals everywhere.
    for (const Cpa &cpa : demo.adoptedPlan()->cpas) {
        for (const PaymentGroup &g : demo.design.paymentGroups) {
            const QString cell = QStringLiteral("%1/%2/").arg(cpa.id.value()).arg(g.key);
            QVERIFY(totals.value(cell + "1") < totals.value(cell + "0"));
            QVERIFY(totals.value(cell + "2") < totals.value(cell + "1"));
        }
    }
    // A service standard missed: first contact beyond 5 working days somewhere.
    bool missed = false;
    for (const StandardFigure &f : standardsInForce(m))
        missed = missed || (f.standard == "first_contact" && f.value > 5);
    QVERIFY(missed);

    // The correction re-reports two figures of an earlier month with other values.
    const PerformanceReturn &correction = returns.last();
    QCOMPARE(correction.figures.size(), 2);
    QVERIFY(!correction.note.isEmpty());
    for (const MonitoringFigure &f : correction.figures) {
        const QList<FigureVersion> history = figureHistory(m, f.period, f.cpa, f.group, f.measure);
        QCOMPARE(history.size(), 2);
        QVERIFY(history.first().value != history.last().value);
        QCOMPARE(history.last().returnId, correction.id);
        QVERIFY(history.last().inForce);
    }
    const ReturnSummary summary = summariseReturn(m, correction.id);
    QCOMPARE(summary.corrections, 2);
}

void TestProfile::demoSurvivesARoundFile()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("demo.cocom");
    const Round demo = *LondonRound::demo();
    QVERIFY(!TestSupport::createRoundFile(path, demo).isEmpty());
    auto document = RoundDocument::open(path, {.readOnly = true});
    QVERIFY2(document, qPrintable(document.errorMessage()));
    const Round &read = (*document)->round();
    QCOMPARE(read.monitoring, demo.monitoring);
    // The rest of the demo comes back too, apart from the ids and times the file gives it.
    Round expected = demo;
    expected.uuid = read.uuid;
    expected.createdAt = read.createdAt;
    QVERIFY(!read.uuid.isEmpty());
    QCOMPARE(read.datasets.size(), expected.datasets.size());
    for (qsizetype i = 0; i < expected.datasets.size(); ++i) {
        expected.datasets[i].id = read.datasets[i].id;
        expected.datasets[i].importedAt = read.datasets[i].importedAt;
    }
    QCOMPARE(read.agreements.size(), expected.agreements.size());
    for (qsizetype i = 0; i < expected.agreements.size(); ++i)
        expected.agreements[i].updatedAt = read.agreements[i].updatedAt;
    QCOMPARE(read.partnerships.size(), expected.partnerships.size());
    for (qsizetype i = 0; i < expected.partnerships.size(); ++i)
        expected.partnerships[i].id = read.partnerships[i].id;
    QCOMPARE(read, expected);
}

void TestProfile::demoShowsRedAndAmber()
{
    const Round demo = *LondonRound::demo();
    const Result<PerformanceReport> report = performanceReport(demo);
    QVERIFY2(report, qPrintable(report.errorMessage()));
    QCOMPARE(report->period, QDate(2028, 5, 1));
    QSet<QString> red;
    QSet<QString> amber;
    for (const PerformanceRow &row : report->rows) {
        if (row.measure != MonitoringMeasure::Starts || !row.rag)
            continue;
        const QString name = row.group.isEmpty() ? row.cpaName : row.cpaName + '/' + row.group;
        if (*row.rag == Rag::Red)
            red.insert(name);
        else if (*row.rag == Rag::Amber)
            amber.insert(name);
    }
    // South London is behind: red in total and in every group. Elsewhere only the multiple
    // disadvantages group trails: amber, while the CPAs' totals stay green.
    QVERIFY(red.contains("South London Partnership"));
    for (const QString &name : red)
        QVERIFY2(name.startsWith("South London Partnership"), qPrintable(name));
    QVERIFY(amber.contains("Local London/multiple_disadvantages"));
    for (const QString &name : amber)
        QVERIFY2(name.endsWith("/multiple_disadvantages"), qPrintable(name));
    bool standardMissed = false;
    for (const StandardCheck &check : report->standards)
        standardMissed = standardMissed || (check.met && !*check.met);
    QVERIFY(standardMissed);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
