#include "core/monitoring/contractreport.h"
#include "core/round/londonround.h"
#include "core/round/round.h"

#include <QTest>

using namespace CoCommission;

/**
 * The report to the DWP contract manager on a small round made by hand: the demo round's
 * authorities and plan, with its own statements of intent, referral route, directive
 * conditions, one April return, a board of three voting members and one advisory, meetings
 * and an actions and issues log. Every finding is checked as the sentence a reader gets.
 *
 * Profile and return for April 2018 (R referrals, S starts, J job outcomes, U sustained):
 *   CLF esa_wrag      profile R10 S10 J4 U2   actual R10 S8 J4 U1
 *   LL  esa_wrag      profile R10 S10 J4      actual R8  S8 J2
 *   LL  lone_parents  profile R10 S10 J2      actual R10 S2 J2
 */
class TestContractReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void sectionsInOrderWithCommentary();
    void localIntegration();
    void localPriorities();
    void bestPractice();
    void operationalDelivery();
    void overdueJudgedOnTheGivenDate();
    void text();
    void htmlStructure();
    void illustrativeIsSaid();
    void errorsAsThePerformanceReport();

private:
    static MonitoringFigure fig(CpaId cpa, const char *group, MonitoringMeasure measure,
                                double value)
    {
        return {QDate(2018, 4, 1), cpa, QString::fromLatin1(group), measure, value};
    }
    static const ReportSection &section(const ContractManagerPaper &paper, ReportMatter matter)
    {
        return paper.sections[int(matter)];
    }
    ContractManagerPaper paper(const QDate &today = QDate(2018, 7, 1)) const;

    Round m_round;
    CpaId m_clf, m_ll;
};

using M = MonitoringMeasure;

void TestContractReport::initTestCase()
{
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_round = *demo;
    m_round.title = QStringLiteral("Work and Health <Programme>");
    const CpaPlan *plan = m_round.adoptedPlan();
    QVERIFY(plan);
    m_clf = plan->cpas[0].id;
    m_ll = plan->cpas[1].id;

    ServiceDesign &d = m_round.design;
    d.illustrative = false;
    d.contributions = {
        {"E09000007",
         "public_health",
         ContributionForm::Money,
         120000,
         ContributionStatus::Signed,
         {}},
        {"E09000012",
         "troubled_families",
         ContributionForm::StaffTime,
         80000,
         ContributionStatus::Signed,
         {}},
        {"E09000002", "skills", ContributionForm::Money, 150000, ContributionStatus::Proposed, {}},
    };
    d.referralRoutes = {{"jobcentre_plus", "Work coaches refer eligible claimants."}};
    d.conditions = {
        {ConditionKind::GroupShare, "esa_wrag", CpaId(), 30, {}},
        {ConditionKind::GroupShare, "lone_parents", m_ll, 50, {}},
        {ConditionKind::PlacePresence, "E09000007", CpaId(), 0, {}},
    };

    Monitoring &mon = m_round.monitoring;
    mon = {};
    mon.profile.start = QDate(2018, 4, 1);
    mon.profile.months = 6;
    mon.profile.figures = {
        fig(m_clf, "esa_wrag", M::Referrals, 10),
        fig(m_clf, "esa_wrag", M::Starts, 10),
        fig(m_clf, "esa_wrag", M::JobOutcomes, 4),
        fig(m_clf, "esa_wrag", M::SustainedJobOutcomes, 2),
        fig(m_ll, "esa_wrag", M::Referrals, 10),
        fig(m_ll, "esa_wrag", M::Starts, 10),
        fig(m_ll, "esa_wrag", M::JobOutcomes, 4),
        fig(m_ll, "lone_parents", M::Referrals, 10),
        fig(m_ll, "lone_parents", M::Starts, 10),
        fig(m_ll, "lone_parents", M::JobOutcomes, 2),
    };
    PerformanceReturn april;
    april.id = 1;
    april.source = "april.csv";
    april.figures = {
        fig(m_clf, "esa_wrag", M::Referrals, 10),
        fig(m_clf, "esa_wrag", M::Starts, 8),
        fig(m_clf, "esa_wrag", M::JobOutcomes, 4),
        fig(m_clf, "esa_wrag", M::SustainedJobOutcomes, 1),
        fig(m_ll, "esa_wrag", M::Referrals, 8),
        fig(m_ll, "esa_wrag", M::Starts, 8),
        fig(m_ll, "esa_wrag", M::JobOutcomes, 2),
        fig(m_ll, "lone_parents", M::Referrals, 10),
        fig(m_ll, "lone_parents", M::Starts, 2),
        fig(m_ll, "lone_parents", M::JobOutcomes, 2),
    };
    april.standards = {{QDate(2018, 4, 1), m_clf, "first_contact", 7},
                       {QDate(2018, 4, 1), m_ll, "key_worker", 1}};
    mon.returns = {april};

    ProgrammeBoard &b = mon.board;
    b.members = {{"Ann Lead", BoardRole::PoliticalLead, "Camden", true},
                 {"Bob Business", BoardRole::BusinessRepresentative, "Chamber", true},
                 {"Cat Skills", BoardRole::SkillsProvider, "College", true},
                 {"Dev DWP", BoardRole::DwpContractManager, "DWP", false}};
    b.meetings = {
        {1, QDate(2018, 5, 10), "Quarterly review", {"Ann Lead", "Bob Business"}, {}},
        {2, QDate(2018, 6, 14), "Extra meeting", {"Ann Lead", "Dev DWP"}, {}},
        {3, QDate(2018, 9, 1), "Autumn review", {}, {}},
    };
    b.actions = {
        {1,
         ActionKind::Action,
         "Chase the April return",
         1,
         "Ann Lead",
         QDate(2018, 6, 1),
         ActionStatus::Open,
         {}},
        {2,
         ActionKind::Action,
         "Plan the autumn review",
         1,
         "Bob Business",
         QDate(2018, 8, 1),
         ActionStatus::Open,
         {}},
        {3,
         ActionKind::Action,
         "Circulate the profile",
         1,
         {},
         QDate(2018, 5, 1),
         ActionStatus::Done,
         {}},
        {4,
         ActionKind::Issue,
         "Few lone parents start",
         2,
         "Cat Skills",
         QDate(),
         ActionStatus::InProgress,
         {}},
        {5, ActionKind::Issue, "Late return", 1, {}, QDate(), ActionStatus::Done, {}},
    };
    ContractManagerReport commentary;
    commentary.period = QDate(2018, 4, 1);
    commentary.on(ReportMatter::LocalIntegration) =
        "Camden & Hackney <signed> early.\nMore to follow.";
    commentary.on(ReportMatter::OperationalDelivery) = "Starts are behind.";
    b.reports = {commentary};
}

ContractManagerPaper TestContractReport::paper(const QDate &today) const
{
    Result<ContractManagerPaper> p = contractManagerPaper(m_round, std::nullopt, today);
    if (!p)
        qWarning("%s", qPrintable(p.errorMessage()));
    return p ? *p : ContractManagerPaper{};
}

void TestContractReport::sectionsInOrderWithCommentary()
{
    const ContractManagerPaper p = paper();
    QCOMPARE(p.round, QStringLiteral("Work and Health <Programme>"));
    QCOMPARE(p.period, QDate(2018, 4, 1)); // the latest month reported
    QCOMPARE(p.today, QDate(2018, 7, 1));
    QCOMPARE(p.performance.period, p.period);
    QCOMPARE(p.sections.size(), 4);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(p.sections[i].matter, reportMatters()[i]);
        QCOMPARE(p.sections[i].title, reportMatterName(reportMatters()[i]));
    }
    QCOMPARE(section(p, ReportMatter::LocalIntegration).commentary,
             QStringLiteral("Camden & Hackney <signed> early.\nMore to follow."));
    QVERIFY(section(p, ReportMatter::BestPractice).commentary.isEmpty());
    QCOMPARE(section(p, ReportMatter::OperationalDelivery).commentary,
             QStringLiteral("Starts are behind."));

    // The board's commentary is for its period only.
    Round round = m_round;
    round.monitoring.board.reports.first().period = QDate(2018, 5, 1);
    const Result<ContractManagerPaper> other = contractManagerPaper(round, {}, QDate(2018, 7, 1));
    QVERIFY(other);
    QVERIFY(other->sections[0].commentary.isEmpty());
    // With today invalid, the current date.
    QCOMPARE(contractManagerPaper(m_round)->today, QDate::currentDate());
}

void TestContractReport::localIntegration()
{
    const QStringList f = section(paper(), ReportMatter::LocalIntegration).findings;
    QCOMPARE(f, (QStringList{
                    "Statements of intent signed: 2, worth \u00a3200,000 a year (Camden: Public "
                    "health; Hackney: Troubled Families).",
                    "Statements of intent proposed: 1, worth \u00a3150,000 a year (Barking and "
                    "Dagenham: Skills).",
                    "Referral route, Jobcentre Plus: Work coaches refer eligible claimants.",
                    "Referrals to date, all CPAs: 28 against 30 in the profile (93.3% of "
                    "profile, amber).",
                    "Referrals to date in Central London Forward: 10 against 10 in the profile "
                    "(100.0% of profile, green).",
                    "Referrals to date in Local London: 18 against 20 in the profile (90.0% of "
                    "profile, amber).",
                    "Referrals to date in West London Alliance: 0, where the profile expects "
                    "none by now.",
                    "Referrals to date in South London Partnership: 0, where the profile expects "
                    "none by now.",
                }));

    Round round = m_round;
    round.design.contributions.clear();
    round.design.referralRoutes.clear();
    const QStringList none = contractManagerPaper(round)->sections[0].findings;
    QCOMPARE(none[0], QStringLiteral("No statement of intent to contribute local services has "
                                     "been recorded."));
    QCOMPARE(none[1], QStringLiteral("The design of services sets out no referral route."));
}

void TestContractReport::localPriorities()
{
    const QStringList f = section(paper(), ReportMatter::LocalPriorities).findings;
    QCOMPARE(f, (QStringList{
                    "In Central London Forward, 100.0% of starts to date came from ESA "
                    "work-related activity group (8 of 8), against a minimum of 30.0%: met.",
                    "In Local London, 80.0% of starts to date came from ESA work-related "
                    "activity group (8 of 10), against a minimum of 30.0%: met.",
                    "In West London Alliance, no starts have been reported yet, so the share of "
                    "starts from ESA work-related activity group (at least 30.0%) cannot be "
                    "judged.",
                    "In South London Partnership, no starts have been reported yet, so the share "
                    "of starts from ESA work-related activity group (at least 30.0%) cannot be "
                    "judged.",
                    "In Local London, 20.0% of starts to date came from lone parents whose "
                    "youngest child is 3 or over (2 of 10), "
                    "against a minimum of 50.0%: not met.",
                    "A delivery presence in Camden, a priority place in Central London Forward, "
                    "is not measured by performance returns: the board checks it directly.",
                }));

    Round round = m_round;
    round.design.conditions.clear();
    QCOMPARE(contractManagerPaper(round)->sections[1].findings,
             QStringList{"The design of services sets no directive condition for the priority "
                         "groups or places."});
}

void TestContractReport::bestPractice()
{
    const QStringList f = section(paper(), ReportMatter::BestPractice).findings;
    QCOMPARE(f, (QStringList{
                    // 4 of 8 starts against LL's 4 of 10.
                    "Central London Forward has the highest job outcomes per start: 50.0%, "
                    "against 40.0% in the profile.",
                    "In Central London Forward, job outcomes for ESA work-related activity group "
                    "are green: 4 against 4 in the profile (100.0% of profile, green).",
                    "In Local London, job outcomes for lone parents whose youngest child is 3 or "
                    "over are green: 2 against 2 in "
                    "the profile (100.0% of profile, green).",
                }));

    Round round = m_round;
    round.monitoring.returns.first().figures.clear();
    const QStringList none = contractManagerPaper(round)->sections[2].findings;
    QCOMPARE(none, (QStringList{"No CPA has reported starts yet, so none can be named for its "
                                "job outcomes per start.",
                                "No priority group's job outcomes are green yet."}));
}

void TestContractReport::operationalDelivery()
{
    const QStringList f = section(paper(), ReportMatter::OperationalDelivery).findings;
    const QStringList expected{
        "Central London Forward: referrals green (100.0%), starts red (80.0%), job outcomes "
        "green (100.0%) and sustained job outcomes red (50.0%).",
        "Local London: referrals amber (90.0%), starts red (50.0%), job outcomes red (66.7%) and "
        "sustained job outcomes not rated (no profile yet).",
        "West London Alliance: referrals not rated (no profile yet), starts not rated (no "
        "profile yet), job outcomes not rated (no profile yet) and sustained job outcomes not "
        "rated (no profile yet).",
        "South London Partnership: referrals not rated (no profile yet), starts not rated (no "
        "profile yet), job outcomes not rated (no profile yet) and sustained job outcomes not "
        "rated (no profile yet).",
        "Red: starts for ESA work-related activity group in Central London Forward, 8 against "
        "10 in the profile (80.0% of profile, red).",
        "Red: sustained job outcomes for ESA work-related activity group in Central London "
        "Forward, 1 against 2 in the profile (50.0% of profile, red).",
        "Red: starts for all groups in Central London Forward, 8 against 10 in the profile "
        "(80.0% of profile, red).",
        "Red: sustained job outcomes for all groups in Central London Forward, 1 against 2 in "
        "the profile (50.0% of profile, red).",
        "Red: referrals for ESA work-related activity group in Local London, 8 against 10 in the "
        "profile (80.0% of profile, red).",
        "Red: starts for ESA work-related activity group in Local London, 8 against 10 in the "
        "profile (80.0% of profile, red).",
        "Red: job outcomes for ESA work-related activity group in Local London, 2 against 4 in "
        "the profile (50.0% of profile, red).",
        "Red: starts for lone parents whose youngest child is 3 or over in Local London, 2 against "
        "10 in the profile (20.0% of "
        "profile, red).",
        "Red: starts for all groups in Local London, 10 against 20 in the profile (50.0% of "
        "profile, red).",
        "Red: job outcomes for all groups in Local London, 4 against 6 in the profile (66.7% of "
        "profile, red).",
        "In Central London Forward, the standard \u201cFirst contact after referral\u201d was "
        "not met in April 2018: 7 working days against at most 5 working days.",
        "10 May 2018, Quarterly review: quorate (voting members present: 2, needed: 2).",
        "14 June 2018, Extra meeting: not quorate (voting members present: 1, needed: 2).",
        "Overdue: action 1, \u201cChase the April return\u201d, owner Ann Lead, due 1 June 2018.",
        "Open issue 4, \u201cFew lone parents start\u201d, owner Cat Skills.",
    };
    for (qsizetype i = 0; i < std::min(f.size(), expected.size()); ++i)
        QCOMPARE(f[i], expected[i]);
    QCOMPARE(f.size(), expected.size());
}

void TestContractReport::overdueJudgedOnTheGivenDate()
{
    // On 15 May 2018 action 1 is not yet due and only the first meeting has been held.
    const QStringList may =
        section(paper(QDate(2018, 5, 15)), ReportMatter::OperationalDelivery).findings;
    QVERIFY(may.contains("No action is overdue."));
    QVERIFY(!may.join('\n').contains("Overdue"));
    QVERIFY(may.contains("10 May 2018, Quarterly review: quorate (voting members present: 2, "
                         "needed: 2)."));
    QVERIFY(!may.join('\n').contains("Extra meeting"));

    // On its due date an action is not overdue; the day after it is.
    QVERIFY(section(paper(QDate(2018, 6, 1)), ReportMatter::OperationalDelivery)
                .findings.contains("No action is overdue."));
    QVERIFY(section(paper(QDate(2018, 6, 2)), ReportMatter::OperationalDelivery)
                .findings.join('\n')
                .contains("Overdue: action 1"));
    // On 2 August action 2 is overdue too; the done action 3 never is.
    const QString august =
        section(paper(QDate(2018, 8, 2)), ReportMatter::OperationalDelivery).findings.join('\n');
    QVERIFY(august.contains("Overdue: action 2"));
    QVERIFY(!august.contains("action 3"));
    QVERIFY(!august.contains("issue 5"));

    // Nothing open: said so.
    Round round = m_round;
    round.monitoring.board.actions.clear();
    round.monitoring.board.meetings.clear();
    const QStringList empty =
        contractManagerPaper(round, {}, QDate(2018, 7, 1))->sections[3].findings;
    QVERIFY(empty.contains("No action is overdue."));
    QVERIFY(empty.contains("No issue is open."));
    QVERIFY(empty.contains("The programme board has not met yet."));
}

void TestContractReport::text()
{
    const QString text = paper().toText();
    const QStringList lines = text.split('\n');
    QCOMPARE(lines[0], QStringLiteral("Report to the DWP contract manager"));
    QCOMPARE(lines[1], QStringLiteral("Work and Health <Programme>: performance from April 2018 "
                                      "to April 2018 (cumulative), prepared on 1 July 2018."));
    QVERIFY(!text.contains("Illustrative"));
    QVERIFY(text.contains("\nLocal integration\n- Statements of intent signed: 2"));
    QVERIFY(text.contains("\nPerformance against local priorities\n- In Central London Forward"));
    QVERIFY(text.contains("\nBest practice\n- Central London Forward has the highest"));
    QVERIFY(text.contains("\nOperational delivery\n- Central London Forward: referrals green"));
    QVERIFY(text.contains("The board's commentary: Camden & Hackney <signed> early.\nMore to "
                          "follow.\n"));
    QVERIFY(text.contains("The board has written no commentary on this matter."));
}

void TestContractReport::htmlStructure()
{
    const QString html = paper().toHtml();
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QVERIFY(html.contains("<html lang=\"en-GB\">"));
    QVERIFY(html.contains("<meta charset=\"utf-8\">"));
    QCOMPARE(html.count("<h1>"), 1);
    QVERIFY(html.contains("<h1>Report to the DWP contract manager</h1>"));
    QCOMPARE(html.count("<h2>"), 4);
    QVERIFY(html.contains("<h2>Local integration</h2>\n<ul>\n<li>Statements of intent signed"));
    QVERIFY(html.contains("<h2>Performance against local priorities</h2>"));
    QCOMPARE(html.count("<ul>"), 4);
    QCOMPARE(html.count("<ul>"), html.count("</ul>"));
    QCOMPARE(html.count("<li>"), html.count("</li>"));
    // Escaped: the title, the commentary and the quotes of standards.
    QVERIFY(html.contains("Work and Health &lt;Programme&gt;"));
    QVERIFY(!html.contains("<Programme>"));
    QVERIFY(html.contains("<p>Camden &amp; Hackney &lt;signed&gt; early.</p>\n<p>More to "
                          "follow.</p>"));
    // The RAG ratings as a table: a header row and a row per CPA plus all CPAs.
    QCOMPARE(html.count("<table>"), 1);
    QVERIFY(html.contains("<th scope=\"col\">Referrals</th>"));
    QVERIFY(html.contains("<tr><th scope=\"row\">Local London</th><td>18 of 20 (90.0%, "
                          "Amber)</td>"));
    QVERIFY(html.contains("<th scope=\"row\">All CPAs</th><td>28 of 30 (93.3%, Amber)</td>"));
    QCOMPARE(html.count("<tr>"), 1 + 4 + 1);
    QVERIFY(!html.contains("class=\"illustrative\""));
    QVERIFY(html.trimmed().endsWith("</html>"));
}

void TestContractReport::illustrativeIsSaid()
{
    QVERIFY(!paper().illustrative);

    Round round = m_round;
    round.monitoring.returns.first().illustrative = true;
    Result<ContractManagerPaper> p = contractManagerPaper(round, {}, QDate(2018, 7, 1));
    QVERIFY(p);
    QVERIFY(p->illustrative);
    QVERIFY(p->toText().split('\n')[2].startsWith("Illustrative: "));
    QVERIFY(p->toHtml().contains("<p class=\"illustrative\"><strong>Illustrative: "));

    round = m_round;
    round.monitoring.board.illustrative = true;
    QVERIFY(contractManagerPaper(round)->illustrative);
    round = m_round;
    round.monitoring.profile.illustrative = true;
    QVERIFY(contractManagerPaper(round)->illustrative);
    // The statements of intent it reports come from the design: invented ones count too.
    round = m_round;
    round.design.illustrative = true;
    QVERIFY(contractManagerPaper(round)->illustrative);
}

void TestContractReport::errorsAsThePerformanceReport()
{
    const Result<ContractManagerPaper> outside = contractManagerPaper(m_round, QDate(2019, 1, 1));
    QVERIFY(!outside);
    QVERIFY(outside.errorMessage().contains("outside the contract"));

    Round round = m_round;
    round.monitoring.returns.clear();
    QVERIFY(!contractManagerPaper(round));
    const Result<ContractManagerPaper> given = contractManagerPaper(round, QDate(2018, 5, 1));
    QVERIFY(given);
    QCOMPARE(given->period, QDate(2018, 5, 1));
}

QTEST_GUILESS_MAIN(TestContractReport)
#include "tst_contractreport.moc"
