#include "core/commands/agreementcommands.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "core/store/auditlog.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;

class TestAgreements : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void demoCarriesAnAgreementForEveryCpa();
    void agreementsAreCheckedAndStored();
    void stageOneNeedsEveryCpasAgreement();
    void editsAreUndoable();
    void readyForSignOffFreezesThem();

private:
    int auditCount();
    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
};

void TestAgreements::init()
{
    auto document =
        RoundDocument::create(m_dir.filePath(QStringLiteral("a%1.cocom").arg(++m_count)),
                              *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

int TestAgreements::auditCount()
{
    return int(m_document->auditEntries()->size());
}

void TestAgreements::demoCarriesAnAgreementForEveryCpa()
{
    const Round &round = m_document->round();
    for (const Cpa &cpa : round.adoptedPlan()->cpas) {
        const LabourMarketAgreement *a = round.agreement(cpa.id);
        QVERIFY2(a, qPrintable(cpa.name));
        QVERIFY(a->narrative.startsWith("Illustrative"));
        QCOMPARE(a->headlineIndicators.first(), round.ratios.first().key());
        QVERIFY(!a->priorityGroups.isEmpty());
    }
    QVERIFY(StageRules::requirements(round, StageId::Needs).at(1).met);
}

void TestAgreements::agreementsAreCheckedAndStored()
{
    const Round before = m_document->round();
    const int entries = auditCount();
    const CpaId cpa = before.adoptedPlan()->cpas.at(1).id;
    LabourMarketAgreement a{cpa, {"claimant_count"}, "  Needs are high.  ", {"care_leavers"}, {}};

    LabourMarketAgreement bad = a;
    bad.headlineIndicators = {"no_such_indicator"};
    QVERIFY(m_document->setAgreement(cpa, bad).errorMessage().contains("no_such_indicator"));
    bad = a;
    bad.priorityGroups = {"astronauts"};
    QVERIFY(m_document->setAgreement(cpa, bad).errorMessage().contains("astronauts"));
    bad = a;
    bad.headlineIndicators = {"claimant_count", "claimant_count"};
    QVERIFY(!m_document->setAgreement(cpa, bad));
    QVERIFY(!m_document->setAgreement(CpaId(999), a));
    QCOMPARE(m_document->round(), before);
    QCOMPARE(auditCount(), entries);

    QVERIFY(m_document->setAgreement(cpa, a));
    QCOMPARE(m_document->round().agreement(cpa)->narrative, QString("Needs are high."));
    QVERIFY(m_document->round().agreement(cpa)->updatedAt.isValid());
    QCOMPARE(auditCount(), entries + 1);
    QCOMPARE(m_document->auditEntries()->constLast().action, QString("set_agreement"));
    QVERIFY(m_document->setAgreement(cpa, a)); // the same again: nothing to record
    QCOMPARE(auditCount(), entries + 1);

    const Round edited = m_document->round();
    const QString path = m_document->filePath();
    m_document.reset();
    auto reopened = RoundDocument::open(path);
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    m_document = std::move(*reopened);
    QCOMPARE(m_document->round().agreements, edited.agreements);

    QVERIFY(m_document->setAgreement(cpa, std::nullopt));
    QVERIFY(!m_document->round().agreement(cpa));
}

void TestAgreements::stageOneNeedsEveryCpasAgreement()
{
    const auto met = [&] {
        return StageRules::requirements(m_document->round(), StageId::Needs).at(1).met;
    };
    QVERIFY(met());
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.first().id;
    LabourMarketAgreement a = *m_document->round().agreement(cpa);
    a.narrative = "   ";
    QVERIFY(m_document->setAgreement(cpa, a));
    QVERIFY(!met());
    QVERIFY(StageRules::whyNotStatus(m_document->round(), StageId::Needs,
                                     StageStatus::ReadyForSignOff));
    a.narrative = "Agreed by the partners.";
    a.headlineIndicators.clear();
    QVERIFY(m_document->setAgreement(cpa, a));
    QVERIFY(!met());
    QVERIFY(m_document->setAgreement(cpa, std::nullopt));
    QVERIFY(!met());
}

void TestAgreements::editsAreUndoable()
{
    QUndoStack *stack = m_document->undoStack();
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.first().id;
    const LabourMarketAgreement original = *m_document->round().agreement(cpa);
    LabourMarketAgreement changed = original;
    changed.narrative = "Rewritten after the workshop.";
    QVERIFY(Commands::setAgreement(m_document.get(), cpa, changed));
    QCOMPARE(stack->count(), 1);
    QVERIFY(stack->undoText().contains("Central London Forward"));
    const LabourMarketAgreement recorded = *m_document->round().agreement(cpa);
    QVERIFY(Commands::setAgreement(m_document.get(), cpa, recorded)); // no change, no step
    QCOMPARE(stack->count(), 1);

    stack->undo();
    QCOMPARE(*m_document->round().agreement(cpa), original);
    stack->redo();
    QCOMPARE(*m_document->round().agreement(cpa), recorded); // the same time, not a new one

    QVERIFY(Commands::setAgreement(m_document.get(), cpa, std::nullopt));
    QVERIFY(!m_document->round().agreement(cpa));
    stack->undo();
    QCOMPARE(*m_document->round().agreement(cpa), recorded);
}

void TestAgreements::readyForSignOffFreezesThem()
{
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    const CpaId cpa = m_document->round().adoptedPlan()->cpas.first().id;
    LabourMarketAgreement a = *m_document->round().agreement(cpa);
    a.narrative = "Too late.";
    const Status refused = Commands::setAgreement(m_document.get(), cpa, a);
    QVERIFY(refused.errorMessage().contains("ready for sign-off"));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(!m_document->setAgreement(cpa, std::nullopt));
    QVERIFY(m_document->round().agreement(cpa));
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::InProgress));
    QVERIFY(m_document->setAgreement(cpa, a));
}

QTEST_GUILESS_MAIN(TestAgreements)
#include "tst_agreements.moc"
