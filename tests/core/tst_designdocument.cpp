// Stages 3 and 4 in the document: storage, the checks before a write, the stage locks, the
// audit entry, the CPAs the design names, undo and merge, and snapshots.

#include "core/commands/designcommands.h"
#include "core/io/snapshotarchive.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"
#include "tests/support/testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;
using namespace CoCommission::TestSupport;

class TestDesignDocument : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void demoDesignAndSupplyAreStoredAndReadBack();
    void snapshotCarriesDesignAndSupply();
    void badDesignIsRefusedAndChangesNothing();
    void badSupplyIsRefusedAndChangesNothing();
    void changesAreAuditedPartByPart();
    void stageLocks_data();
    void stageLocks();
    void cpaNamedByTheDesignStays();
    void commandsUndoRedoAndMerge();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("d%1.cocom").arg(m_count)); }

    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
};

void TestDesignDocument::init()
{
    ++m_count;
    auto document = RoundDocument::create(path(), *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

void TestDesignDocument::demoDesignAndSupplyAreStoredAndReadBack()
{
    const Round before = m_document->round();
    QVERIFY(before.design.illustrative);
    QVERIFY(before.supply.illustrativeProviders);
    QVERIFY(before.supply.illustrativeTimeline);
    QCOMPARE(before.design.scenarios.size(), 2);
    QVERIFY(!before.design.scenarios.first().tariffs.isEmpty());
    QVERIFY(!before.supply.providers.isEmpty());
    QVERIFY(!before.supply.milestones.isEmpty());
    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE((*reopened)->round().design, before.design);
    QCOMPARE((*reopened)->round().supply, before.supply);
}

void TestDesignDocument::snapshotCarriesDesignAndSupply()
{
    const Round &round = m_document->round();
    const Result<Round> back = SnapshotArchive::load(SnapshotArchive::save(round));
    QVERIFY2(back, qPrintable(back.errorMessage()));
    QCOMPARE(back->design, round.design);
    QCOMPARE(back->supply, round.supply);
}

void TestDesignDocument::badDesignIsRefusedAndChangesNothing()
{
    const ServiceDesign before = m_document->round().design;
    const QByteArray hash = fileHash(path());
    ServiceDesign bad = before;
    bad.scenarios[0].tariffs[0].jobOutcomePayment = -100;
    QSignalSpy changed(m_document.get(), &RoundDocument::designChanged);
    const Status s = m_document->setDesign(bad);
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(bad.scenarios[0].name), qPrintable(s.errorMessage()));
    QCOMPARE(m_document->round().design, before);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(fileHash(path()), hash);
}

void TestDesignDocument::badSupplyIsRefusedAndChangesNothing()
{
    const SupplyMarket before = m_document->round().supply;
    const QByteArray hash = fileHash(path());
    SupplyMarket bad = before;
    bad.providers[0].areas << QStringLiteral("E09999999");
    const Status s = m_document->setSupply(bad);
    QVERIFY(!s);
    QVERIFY2(s.errorMessage().contains(QStringLiteral("E09999999")), qPrintable(s.errorMessage()));
    QCOMPARE(m_document->round().supply, before);
    QCOMPARE(fileHash(path()), hash);
}

void TestDesignDocument::changesAreAuditedPartByPart()
{
    ServiceDesign design = m_document->round().design;
    design.standards[0].target = 3;
    QSignalSpy changed(m_document.get(), &RoundDocument::designChanged);
    QVERIFY(m_document->setDesign(design, QStringLiteral("First contact within 3 days")));
    QCOMPARE(changed.count(), 1);
    const auto entries = m_document->auditEntries();
    QVERIFY(entries);
    const AuditEntry &last = entries->constLast();
    QCOMPARE(last.action, QStringLiteral("set_design"));
    QCOMPARE(last.subject, QStringLiteral("First contact within 3 days"));
    // Only the part that changed is recorded, before and after.
    QVERIFY2(last.before.startsWith(QStringLiteral("standards:")), qPrintable(last.before));
    QVERIFY(last.before.contains(QStringLiteral("first_contact (")));
    QVERIFY(last.after.contains(QStringLiteral("at_most 3 ")));
    QVERIFY(!last.after.contains(QStringLiteral("payment scenarios")));

    // Setting the same value writes nothing.
    QVERIFY(m_document->setDesign(design));
    QCOMPARE(m_document->auditEntries()->size(), entries->size());
    QCOMPARE(changed.count(), 1);
}

void TestDesignDocument::stageLocks_data()
{
    QTest::addColumn<StageId>("stage");
    QTest::addColumn<StageStatus>("status");
    QTest::addColumn<bool>("designEditable");
    QTest::addColumn<bool>("supplyEditable");
    QTest::newRow("stage 3 in progress")
        << StageId::Design << StageStatus::InProgress << true << true;
    QTest::newRow("stage 3 ready")
        << StageId::Design << StageStatus::ReadyForSignOff << false << true;
    QTest::newRow("stage 3 signed off")
        << StageId::Design << StageStatus::SignedOff << false << true;
    QTest::newRow("stage 4 ready")
        << StageId::Supply << StageStatus::ReadyForSignOff << true << false;
    QTest::newRow("stage 4 signed off")
        << StageId::Supply << StageStatus::SignedOff << true << false;
}

void TestDesignDocument::stageLocks()
{
    QFETCH(StageId, stage);
    QFETCH(StageStatus, status);
    QFETCH(bool, designEditable);
    QFETCH(bool, supplyEditable);
    Round round = *LondonRound::demo();
    round.stage(stage).status = status;
    const QString file = m_dir.filePath(QStringLiteral("locked%1.cocom").arg(m_count));
    QVERIFY(!createRoundFile(file, round).isEmpty());
    std::unique_ptr<RoundDocument> document = openRoundFile(file);
    QVERIFY(document);

    ServiceDesign design = document->round().design;
    design.standards[0].target += 1;
    QCOMPARE(bool(document->setDesign(design)), designEditable);
    QCOMPARE(document->whyDesignFrozen().isEmpty(), designEditable);
    SupplyMarket supply = document->round().supply;
    supply.providers[0].contact = QStringLiteral("new@example.org");
    QCOMPARE(bool(document->setSupply(supply)), supplyEditable);
    QCOMPARE(document->whySupplyFrozen().isEmpty(), supplyEditable);
}

void TestDesignDocument::cpaNamedByTheDesignStays()
{
    // A CPA without bids or monitoring figures, so that only the design keeps it.
    for (const PerformanceReturn &r : QList(m_document->round().monitoring.returns))
        QVERIFY(m_document->removeReturn(r.id));
    QVERIFY(m_document->setProfile({}));
    const CpaPlan plan = *m_document->round().adoptedPlan();
    const CpaId last = plan.cpas.last().id;
    ServiceDesign design = m_document->round().design;
    design.volumes.append({design.paymentGroups.first().key, last, 250});
    QVERIFY(m_document->setDesign(design));
    const Status removed = m_document->removeCpa(last);
    QVERIFY(!removed);
    QVERIFY2(removed.errorMessage().contains(QStringLiteral("service design")),
             qPrintable(removed.errorMessage()));
    QVERIFY(m_document->round().adoptedCpa(last));

    // Nor can another plan be adopted while the design names CPAs of this one.
    QVERIFY(m_document->replaceTender({}));
    const Result<PlanId> other = m_document->duplicatePlan(plan.id, QStringLiteral("Copy"));
    QVERIFY2(other, qPrintable(other.errorMessage()));
    QVERIFY(!m_document->adoptPlan(*other));

    design.volumes.removeLast();
    QVERIFY(m_document->setDesign(design));
    QVERIFY(m_document->adoptPlan(*other));
}

void TestDesignDocument::commandsUndoRedoAndMerge()
{
    QUndoStack *stack = m_document->undoStack();
    stack->clear();
    const ServiceDesign start = m_document->round().design;

    // Three steps of one spin box merge into one undo step.
    ServiceDesign design = start;
    for (int fee : {460, 470, 480}) {
        design.scenarios[0].tariffs[0].attachmentFee = fee;
        QVERIFY(Commands::setDesign(m_document.get(), design, QStringLiteral("Change the fee"),
                                    QStringLiteral("fee")));
    }
    QCOMPARE(stack->count(), 1);
    QCOMPARE(m_document->round().design.scenarios[0].tariffs[0].attachmentFee, 480.0);
    stack->undo();
    QCOMPARE(m_document->round().design, start);
    stack->redo();
    QCOMPARE(m_document->round().design, design);

    // Stepping back to where it began is a net no-op: the merged step is dropped.
    ServiceDesign back = design;
    back.scenarios[0].tariffs[0].attachmentFee = start.scenarios[0].tariffs[0].attachmentFee;
    QVERIFY(Commands::setDesign(m_document.get(), back, QStringLiteral("Change the fee"),
                                QStringLiteral("fee")));
    QCOMPARE(m_document->round().design, start);

    // A different key is its own step; an unchanged value pushes nothing; a refused one neither.
    const int count = stack->count();
    SupplyMarket supply = m_document->round().supply;
    supply.providers.removeFirst();
    QVERIFY(Commands::setSupply(m_document.get(), supply, QStringLiteral("Remove a provider")));
    QCOMPARE(stack->count(), count + 1);
    QVERIFY(Commands::setSupply(m_document.get(), supply, QStringLiteral("Nothing")));
    QCOMPARE(stack->count(), count + 1);
    supply.providers.first().name.clear();
    QVERIFY(!Commands::setSupply(m_document.get(), supply, QStringLiteral("Bad")));
    QCOMPARE(stack->count(), count + 1);
    stack->undo();
    QCOMPARE(m_document->round().supply, LondonRound::demoSupply(m_document->round()));
}

QTEST_GUILESS_MAIN(TestDesignDocument)
#include "tst_designdocument.moc"
