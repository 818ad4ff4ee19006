#include "core/evaluation/supplychain.h"
#include "core/round/londonround.h"
#include "core/round/stagerules.h"

#include <QTest>

using namespace CoCommission;

using PartyList = QList<SignOffParty>;

class TestStageRules : public QObject
{
    Q_OBJECT

private slots:
    void requiredParties_data();
    void requiredParties();
    void demoNeedsStageCanBeMarkedReady();
    void laterStageWaitsForTheOneBefore();
    void needsStageWantsFiguresForEveryAuthority();
    void outstandingListsSignaturesStillMissing();
    void signOffNeedsReadyStageAndARequiredParty();
    void signedOffStageIsFinal();
    void everyStageSaysWhatIsNotBuiltYet();
    void prioritiesStageNamesWhatIsStillMissing();
    void designStageWantsTheRoundsOwnCompleteDesign();
    void supplyStageWantsARegisterATimelineAndNoGaps();
    void monitoringStageWantsABoardAProfileReturnsAndAReport();
};

namespace {

/** Whether the requirement of \a stage whose text contains \a words is met; fails if none. */
bool met(const Round &round, StageId stage, const QString &words)
{
    for (const Requirement &r : StageRules::requirements(round, stage)) {
        if (r.text.contains(words))
            return r.met;
    }
    qFatal("no requirement contains \"%s\"", qPrintable(words));
    return false;
}

} // namespace

void TestStageRules::requiredParties_data()
{
    QTest::addColumn<int>("model");
    QTest::addColumn<StageId>("stage");
    QTest::addColumn<PartyList>("parties");

    const PartyList dwpAndBoard = {SignOffParty::Dwp, SignOffParty::PartnershipBoard};
    const PartyList lead = {SignOffParty::LeadAuthority};
    const PartyList leadAndDwp = {SignOffParty::LeadAuthority, SignOffParty::Dwp};

    for (StageId stage : kAllStages)
        QTest::addRow("model 1, %s", qPrintable(stageKey(stage))) << 1 << stage << dwpAndBoard;
    QTest::newRow("model 2, needs") << 2 << StageId::Needs << lead;
    QTest::newRow("model 2, tender documents") << 2 << StageId::Design << leadAndDwp;
    QTest::newRow("model 2, supply") << 2 << StageId::Supply << lead;
    QTest::newRow("model 2, commissioning decision") << 2 << StageId::Selection << leadAndDwp;
    QTest::newRow("model 2, monitoring") << 2 << StageId::Monitoring << lead;
    QTest::newRow("model 3, needs") << 3 << StageId::Needs << lead;
    QTest::newRow("model 3, central-local agreement") << 3 << StageId::Priorities << leadAndDwp;
    QTest::newRow("model 3, selection") << 3 << StageId::Selection << lead;
}

void TestStageRules::requiredParties()
{
    QFETCH(int, model);
    QFETCH(StageId, stage);
    QFETCH(PartyList, parties);
    QCOMPARE(StageRules::requiredParties(*modelFromNumber(model), stage), parties);
}

void TestStageRules::demoNeedsStageCanBeMarkedReady()
{
    const Round demo = *LondonRound::demo();
    for (const Requirement &r : StageRules::requirements(demo, StageId::Needs))
        QVERIFY2(r.met, qPrintable(r.text));
    QCOMPARE(StageRules::whyNotStatus(demo, StageId::Needs, StageStatus::ReadyForSignOff),
             std::nullopt);
}

void TestStageRules::laterStageWaitsForTheOneBefore()
{
    Round demo = *LondonRound::demo();
    const auto why =
        StageRules::whyNotStatus(demo, StageId::Priorities, StageStatus::ReadyForSignOff);
    QVERIFY(why);
    QVERIFY2(why->contains(QStringLiteral("Stage 1")), qPrintable(*why));

    demo.stage(StageId::Needs).status = StageStatus::SignedOff;
    const QList<Requirement> reqs = StageRules::requirements(demo, StageId::Priorities);
    QVERIFY(reqs.first().met); // stage 1 signed off
    QVERIFY(reqs.at(1).met);   // adopted plan covers every authority
    QVERIFY(StageRules::whyNotStatus(demo, StageId::Priorities, StageStatus::ReadyForSignOff));

    demo.plans.first().cpas.first().members.removeFirst();
    QVERIFY(!StageRules::requirements(demo, StageId::Priorities).at(1).met);
}

void TestStageRules::needsStageWantsFiguresForEveryAuthority()
{
    Round demo = *LondonRound::demo();
    QList<Observation> &figures = demo.datasets.first().observations;
    figures.removeIf([](const Observation &o) { return o.gssCode == QLatin1String("E09000033"); });
    QVERIFY(!StageRules::requirements(demo, StageId::Needs).first().met);
    QVERIFY(StageRules::whyNotStatus(demo, StageId::Needs, StageStatus::ReadyForSignOff));
}

void TestStageRules::outstandingListsSignaturesStillMissing()
{
    Round demo = *LondonRound::demo();
    demo.stage(StageId::Needs).status = StageStatus::ReadyForSignOff;
    QStringList outstanding = StageRules::outstanding(demo, StageId::Needs);
    QCOMPARE(outstanding.size(), 2);
    QVERIFY(outstanding.join(u'\n').contains(partyName(SignOffParty::Dwp)));

    SignOff dwp;
    dwp.stage = StageId::Needs;
    dwp.party = SignOffParty::Dwp;
    demo.signOffs.append(dwp);
    outstanding = StageRules::outstanding(demo, StageId::Needs);
    QCOMPARE(outstanding.size(), 1);
    QVERIFY(outstanding.first().contains(partyName(SignOffParty::PartnershipBoard)));
    QCOMPARE(StageRules::missingParties(demo, StageId::Needs),
             PartyList{SignOffParty::PartnershipBoard});
}

void TestStageRules::signOffNeedsReadyStageAndARequiredParty()
{
    Round demo = *LondonRound::demo();
    QVERIFY(StageRules::whyNotSignOff(demo, StageId::Needs, SignOffParty::Dwp));
    demo.stage(StageId::Needs).status = StageStatus::ReadyForSignOff;
    QCOMPARE(StageRules::whyNotSignOff(demo, StageId::Needs, SignOffParty::Dwp), std::nullopt);
    QVERIFY(StageRules::whyNotSignOff(demo, StageId::Needs, SignOffParty::LeadAuthority));
}

void TestStageRules::signedOffStageIsFinal()
{
    Round demo = *LondonRound::demo();
    demo.stage(StageId::Needs).status = StageStatus::SignedOff;
    for (StageStatus s :
         {StageStatus::NotStarted, StageStatus::InProgress, StageStatus::ReadyForSignOff})
        QVERIFY(StageRules::whyNotStatus(demo, StageId::Needs, s));
    QVERIFY(StageRules::outstanding(demo, StageId::Needs).isEmpty());
}

void TestStageRules::everyStageSaysWhatIsNotBuiltYet()
{
    for (StageId stage : kAllStages) {
        // Empty once a stage's screens are all built.
        const QString missing = StageRules::notBuiltYet(stage);
        QVERIFY(missing.isEmpty() || missing.contains(QStringLiteral("not built yet")));
        QVERIFY(!stageTitle(stage).isEmpty());
        QCOMPARE(stageFromKey(stageKey(stage)), stage);
    }
}

void TestStageRules::prioritiesStageNamesWhatIsStillMissing()
{
    // The ranking, agreement, decision and places screens, the catalogue of priority groups
    // and the points-sum method are all built: nothing is missing from stage 2 any more.
    QVERIFY(StageRules::notBuiltYet(StageId::Priorities).isEmpty());
}

void TestStageRules::designStageWantsTheRoundsOwnCompleteDesign()
{
    Round demo = *LondonRound::demo();
    const StageId design = StageId::Design;
    // The demo's design is complete but illustrative: that alone keeps the stage back.
    QVERIFY(!met(demo, design, QStringLiteral("own design")));
    QVERIFY(met(demo, design, QStringLiteral("Minimum service standards")));
    QVERIFY(met(demo, design, QStringLiteral("Eligibility rules")));
    QVERIFY(met(demo, design, QStringLiteral("Referrals per year")));
    QVERIFY(met(demo, design, QStringLiteral("a tariff for every")));
    demo.design.illustrative = false;
    QVERIFY(met(demo, design, QStringLiteral("own design")));

    // A CPA without a figure or a tariff.
    Round noFigure = demo;
    noFigure.design.paymentGroups[0].measure.clear();
    QVERIFY(!met(noFigure, design, QStringLiteral("Referrals per year")));
    Round noTariff = demo;
    noTariff.design.scenarios[1].tariffs.removeLast();
    QVERIFY(!met(noTariff, design, QStringLiteral("a tariff for every")));

    // Model 2 trades DWP funding for quantified local contributions.
    const auto contributions = [&](const Round &r) {
        const QList<Requirement> all = StageRules::requirements(r, design);
        return std::any_of(all.begin(), all.end(), [](const Requirement &q) {
            return q.text.contains(QStringLiteral("contributions"));
        });
    };
    QVERIFY(!contributions(demo));
    demo.model = DevolutionModel::PartnershipDelivery;
    QVERIFY(met(demo, design, QStringLiteral("contributions")));
    for (LocalContribution &c : demo.design.contributions)
        c.status = ContributionStatus::Proposed;
    QVERIFY(!met(demo, design, QStringLiteral("contributions")));
}

void TestStageRules::supplyStageWantsARegisterATimelineAndNoGaps()
{
    Round demo = *LondonRound::demo();
    const StageId supply = StageId::Supply;
    QVERIFY(!met(demo, supply, QStringLiteral("own provider register")));
    QVERIFY(met(demo, supply, QStringLiteral("from the tender notice to go-live")));
    // The demo misses its supply-chain formation rule on purpose.
    QVERIFY(!met(demo, supply, QStringLiteral("meets every rule")));
    demo.supply.rules.removeFirst();
    QVERIFY(met(demo, supply, QStringLiteral("meets every rule")));
    demo.supply.illustrativeProviders = false;
    demo.supply.illustrativeTimeline = false;
    QVERIFY(met(demo, supply, QStringLiteral("own provider register")));

    Round noGoLive = demo;
    noGoLive.supply.milestones.removeLast();
    QVERIFY(!met(noGoLive, supply, QStringLiteral("from the tender notice to go-live")));

    // One provider with every specialism everywhere closes every gap; without specialisms
    // it leaves every priority group without a specialist.
    Provider everywhere{QStringLiteral("Everywhere"), ProviderSector::Private, false, {}, {}, {}};
    for (const Specialism &sp : specialisms())
        everywhere.specialisms << sp.key;
    for (const PriorityGroup &g : demo.priorityGroups)
        everywhere.specialisms << g.key; // groups served by their own key
    for (const Authority &a : demo.authorities)
        everywhere.areas << a.gssCode;
    demo.supply.providers = {everywhere};
    QVERIFY(met(demo, supply, QStringLiteral("every priority group")));
    demo.supply.providers.first().specialisms.clear();
    QVERIFY(!met(demo, supply, QStringLiteral("every priority group")));
}

void TestStageRules::monitoringStageWantsABoardAProfileReturnsAndAReport()
{
    Round round = *LondonRound::demo();
    round.monitoring = {};
    round.stage(StageId::Selection).status = StageStatus::SignedOff;
    const StageId stage = StageId::Monitoring;
    const auto unmet = [&] {
        QStringList texts;
        for (const Requirement &r : StageRules::requirements(round, stage)) {
            if (!r.met)
                texts << r.text;
        }
        return texts;
    };
    QCOMPARE(unmet().size(), 6); // all but "no overdue action"
    QVERIFY(met(round, stage, QStringLiteral("No overdue action")));

    ProgrammeBoard &board = round.monitoring.board;
    board.members = {{QStringLiteral("Cllr A"), BoardRole::PoliticalLead, QString(), true},
                     {QStringLiteral("D Manager"), BoardRole::Officer, QString(), true}};
    QVERIFY(met(round, stage, QStringLiteral("own programme board")));
    QVERIFY(!met(round, stage, QStringLiteral("DWP contract manager")));
    board.members[1].role = BoardRole::DwpContractManager;
    QVERIFY(met(round, stage, QStringLiteral("DWP contract manager")));
    // Two voting members need both present.
    board.meetings = {{1, QDate(2019, 6, 1), QString(), {QStringLiteral("Cllr A")}, QString()}};
    QVERIFY(!met(round, stage, QStringLiteral("quorate board meeting")));
    board.meetings[0].attendees << QStringLiteral("D Manager");
    QVERIFY(met(round, stage, QStringLiteral("quorate board meeting")));

    ContractProfile &profile = round.monitoring.profile;
    profile.start = QDate(2019, 4, 1);
    profile.months = 12;
    QVERIFY(!met(round, stage, QStringLiteral("with its contract period")));
    const CpaId cpa = round.adoptedPlan()->cpas.first().id;
    profile.figures = {
        {QDate(2019, 4, 1), cpa, QStringLiteral("esa_wrag"), MonitoringMeasure::Starts, 5}};
    QVERIFY(met(round, stage, QStringLiteral("with its contract period")));

    PerformanceReturn r;
    r.id = 1;
    r.figures = {
        {QDate(2019, 5, 1), cpa, QStringLiteral("esa_wrag"), MonitoringMeasure::Starts, 4}};
    round.monitoring.returns = {r};
    QVERIFY(met(round, stage, QStringLiteral("performance return")));

    // The report must be for the latest month reported and say something on every matter.
    board.reports = {
        {QDate(2019, 4, 1),
         {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("d")}}};
    QVERIFY(!met(round, stage, QStringLiteral("DWP contract manager on all four")));
    board.reports[0].period = QDate(2019, 5, 1);
    board.reports[0].commentary[2] = QStringLiteral("  ");
    QVERIFY(!met(round, stage, QStringLiteral("DWP contract manager on all four")));
    board.reports[0].commentary[2] = QStringLiteral("Shared the job-search clinic model.");
    QVERIFY(met(round, stage, QStringLiteral("DWP contract manager on all four")));

    board.actions = {{1, ActionKind::Action, QStringLiteral("Chase"), 1, QString(),
                      QDate::currentDate().addDays(-1), ActionStatus::Open, QString()}};
    QVERIFY(!met(round, stage, QStringLiteral("No overdue action")));
    board.actions[0].status = ActionStatus::Done;
    QVERIFY(unmet().isEmpty());

    // Anything invented keeps the stage from being ready.
    round.monitoring.returns[0].illustrative = true;
    QVERIFY(!met(round, stage, QStringLiteral("own programme board")));
}

QTEST_GUILESS_MAIN(TestStageRules)
#include "tst_stagerules.moc"
