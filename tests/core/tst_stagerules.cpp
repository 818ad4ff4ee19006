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
};

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

QTEST_GUILESS_MAIN(TestStageRules)
#include "tst_stagerules.moc"
