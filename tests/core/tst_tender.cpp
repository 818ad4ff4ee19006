// Stage 5 in the document: storage, the locks, the panel's rules, moderation, the award, undo.

#include "core/commands/tendercommands.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "core/store/auditlog.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;

class TestTender : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void demoTenderIsStoredAndReadBack();
    void criteriaLockWhenBidsOpenAndChangesAreRecorded();
    void bidsAreChecked();
    void scoringNeedsADeclarationAndNoConflict();
    void scoresNeedACommentAndAWholeLevelOnTheScale();
    void moderationLocksIndividualScores();
    void consensusNeedsARationale();
    void awardIsCoDecidedAndFinal();
    void lotsStayWhileBidsExist();
    void commandsUndoAndRedo();
    void replaceTenderIsAllOrNothing();
    void illustrativeTenderIsReplacedWholeAndComesBack();

private:
    /** An opened tender on the demo's first lot without scores: two bids, two assessors. */
    void openFreshTender();
    QString path() const { return m_dir.filePath(QStringLiteral("t%1.cocom").arg(m_count)); }

    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
    CpaId m_lot;
};

void TestTender::init()
{
    ++m_count;
    Round round = *LondonRound::demo();
    round.monitoring = {}; // its figures would keep the CPAs, whatever the bids
    auto document = RoundDocument::create(path(), round, QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
    m_lot = m_document->round().adoptedPlan()->cpas.first().id;
}

void TestTender::openFreshTender()
{
    Tender t;
    t.criteria = CriteriaTree::defaultTemplate().criteria();
    t.bids = {{QStringLiteral("X1"), QStringLiteral("Alpha"), m_lot, 100, {}, {}, {}},
              {QStringLiteral("X2"), QStringLiteral("Beta"), m_lot, 120, {}, {}, {}}};
    t.panel = {{QStringLiteral("Ann"), QStringLiteral("DWP"), QStringLiteral("Manager")},
               {QStringLiteral("Bob"), QStringLiteral("E09000007"), QStringLiteral("Officer")}};
    QVERIFY(m_document->replaceTender(t));
    QVERIFY(m_document->setBidsOpened(QDateTime()));
}

void TestTender::demoTenderIsStoredAndReadBack()
{
    const Round before = m_document->round();
    QVERIFY(before.tender.illustrative);
    QCOMPARE(before.tender.bids.size(), 3);
    QVERIFY(!before.tender.scores.isEmpty());
    QVERIFY(!before.uuid.isEmpty());
    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE((*reopened)->round().tender, before.tender);
    QCOMPARE((*reopened)->round().uuid, before.uuid);
    // The demo's one declared conflict keeps J. Patel out of bid B2.
    const Tender &t = (*reopened)->round().tender;
    const ConflictDeclaration *c = t.conflict(t.panel[1].name, t.bid(QStringLiteral("B2"))->bidder);
    QVERIFY(c && c->conflicted);
    QVERIFY(!t.score(t.panel[1].name, QStringLiteral("B2"), QStringLiteral("delivery")));
}

void TestTender::criteriaLockWhenBidsOpenAndChangesAreRecorded()
{
    QVERIFY(m_document->replaceTender(Tender{}));
    QList<Criterion> criteria = CriteriaTree::defaultTemplate().criteria();
    // Before opening: changes need no reason and leave no record.
    criteria[0].name = QStringLiteral("Integration with local services");
    QVERIFY(m_document->setCriteria(criteria, PriceFormula::LowestRatio, 20));
    QVERIFY(m_document->round().tender.criteriaChanges.isEmpty());
    // Weights must still sum to 100 at each level.
    QList<Criterion> bad = criteria;
    bad[0].weightPercent = 25;
    QVERIFY(!m_document->setCriteria(bad, PriceFormula::LowestRatio, 20));

    QVERIFY(m_document->setBidsOpened(QDateTime()));
    QVERIFY(m_document->round().tender.bidsOpened());
    QList<Criterion> changed = criteria;
    for (Criterion &c : changed) {
        if (c.id == QLatin1String("delivery"))
            c.weightPercent = 15;
        if (c.id == QLatin1String("employer_engagement"))
            c.weightPercent = 15;
    }
    const Status refused = m_document->setCriteria(changed, PriceFormula::LowestRatio, 20);
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains("reason"));
    QCOMPARE(m_document->round().tender.criteria, criteria);

    QVERIFY(m_document->setCriteria(changed, PriceFormula::Linear, 20,
                                    QStringLiteral("Clarification issued to all bidders")));
    const QList<CriteriaChange> &changes = m_document->round().tender.criteriaChanges;
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0].reason, QStringLiteral("Clarification issued to all bidders"));
    QVERIFY(changes[0].summary.contains("delivery weight 20% → 15%"));
    QVERIFY(changes[0].summary.contains("price formula"));
    QCOMPARE(changes[0].actor, QStringLiteral("tester"));
    // A replacement that would change the locked criteria is refused.
    Tender other = m_document->round().tender;
    other.criteria = criteria;
    QVERIFY(!m_document->replaceTender(other));
}

void TestTender::bidsAreChecked()
{
    openFreshTender();
    TenderBid bid{QStringLiteral("X3"), QStringLiteral("Gamma"), m_lot, 0, {}, {}, {}};
    QVERIFY(m_document->setBid(bid).errorMessage().contains("above zero"));
    bid.price = -5;
    QVERIFY(!m_document->setBid(bid));
    bid.price = 90;
    bid.lot = CpaId(999);
    QVERIFY(m_document->setBid(bid).errorMessage().contains("not a CPA of the adopted plan"));
    bid.lot = m_lot;
    bid.integration = {{QStringLiteral("astrology"), EvidenceStrength::Asserted, {}}};
    QVERIFY(!m_document->setBid(bid));
    bid.integration = {{QStringLiteral("housing"), EvidenceStrength::Evidenced, {}}};
    bid.supplyChain = {{QStringLiteral("Hope Trust"),
                        ProviderSector::VoluntaryCommunity,
                        true,
                        {QStringLiteral("homelessness")}}};
    QVERIFY(m_document->setBid(bid));
    QCOMPARE(m_document->round().tender.bids.size(), 3);
    QCOMPARE(*m_document->round().tender.bid(QStringLiteral("X3")), bid);
}

void TestTender::scoringNeedsADeclarationAndNoConflict()
{
    openFreshTender();
    IndividualScore s{{}, {}, {}, 4, QStringLiteral("Strong housing links"), {}};
    const auto score = [&](const QString &who, const QString &bid) {
        return m_document->setScore(who, bid, QStringLiteral("integration.housing"), s);
    };
    Status st = score(QStringLiteral("Ann"), QStringLiteral("X1"));
    QVERIFY(!st);
    QVERIFY2(st.errorMessage().contains("before scoring"), qPrintable(st.errorMessage()));

    QVERIFY(m_document->setConflict(QStringLiteral("Ann"), QStringLiteral("Alpha"),
                                    ConflictDeclaration{{}, {}, false, {}, {}}));
    QVERIFY(score(QStringLiteral("Ann"), QStringLiteral("X1")));

    // A conflict needs a note, and then blocks the assessor from that bidder's bids.
    QVERIFY(!m_document->setConflict(QStringLiteral("Bob"), QStringLiteral("Alpha"),
                                     ConflictDeclaration{{}, {}, true, {}, {}}));
    QVERIFY(
        m_document->setConflict(QStringLiteral("Bob"), QStringLiteral("Alpha"),
                                ConflictDeclaration{{}, {}, true, QStringLiteral("Trustee"), {}}));
    st = score(QStringLiteral("Bob"), QStringLiteral("X1"));
    QVERIFY(!st);
    QVERIFY(st.errorMessage().contains("conflict of interest"));
    QVERIFY(!m_document->round().tender.score(QStringLiteral("Bob"), QStringLiteral("X1"),
                                              QStringLiteral("integration.housing")));
    // Someone not on the panel cannot declare or score.
    QVERIFY(!m_document->setConflict(QStringLiteral("Eve"), QStringLiteral("Alpha"),
                                     ConflictDeclaration{}));
    // A declaration cannot be withdrawn once the assessor has scored that bidder.
    QVERIFY(!m_document->setConflict(QStringLiteral("Ann"), QStringLiteral("Alpha"), std::nullopt));

    // A conflict declared after scoring keeps the score (not counted), and the whole tender
    // can still be written back, as an import or an undo does.
    QVERIFY(m_document->setConflict(
        QStringLiteral("Ann"), QStringLiteral("Alpha"),
        ConflictDeclaration{{}, {}, true, QStringLiteral("Found later"), {}}));
    QVERIFY(m_document->round().tender.score(QStringLiteral("Ann"), QStringLiteral("X1"),
                                             QStringLiteral("integration.housing")));
    Tender copy = m_document->round().tender;
    copy.panel.append({QStringLiteral("Cat"), QStringLiteral("DWP"), {}});
    const Status rewritten = m_document->replaceTender(copy);
    QVERIFY2(rewritten, qPrintable(rewritten.errorMessage()));
}

void TestTender::scoresNeedACommentAndAWholeLevelOnTheScale()
{
    openFreshTender();
    QVERIFY(m_document->setConflict(QStringLiteral("Ann"), QStringLiteral("Alpha"),
                                    ConflictDeclaration{}));
    const QString bid = QStringLiteral("X1");
    const QString leaf = QStringLiteral("delivery");
    QVERIFY(m_document
                ->setScore(QStringLiteral("Ann"), bid, leaf,
                           IndividualScore{{}, {}, {}, 3, QStringLiteral("  "), {}})
                .errorMessage()
                .contains("needs a comment"));
    QVERIFY(m_document
                ->setScore(QStringLiteral("Ann"), bid, leaf,
                           IndividualScore{{}, {}, {}, 6, QStringLiteral("x"), {}})
                .errorMessage()
                .contains("outside the scale"));
    QVERIFY(!m_document->setScore(QStringLiteral("Ann"), bid, leaf,
                                  IndividualScore{{}, {}, {}, 2.5, QStringLiteral("x"), {}}));
    QVERIFY(m_document
                ->setScore(QStringLiteral("Ann"), bid, QStringLiteral("price"),
                           IndividualScore{{}, {}, {}, 3, QStringLiteral("x"), {}})
                .errorMessage()
                .contains("computed from the bid's price"));
    QVERIFY(!m_document->setScore(QStringLiteral("Ann"), bid, QStringLiteral("integration"),
                                  IndividualScore{{}, {}, {}, 3, QStringLiteral("x"), {}}));
    QVERIFY(!m_document->setScore(QStringLiteral("Ann"), bid, QStringLiteral("nonsense"),
                                  IndividualScore{{}, {}, {}, 3, QStringLiteral("x"), {}}));
    QVERIFY(m_document->round().tender.scores.isEmpty());
    QVERIFY(
        m_document->setScore(QStringLiteral("Ann"), bid, leaf,
                             IndividualScore{{}, {}, {}, 5, QStringLiteral("Clear model"), {}}));
    QCOMPARE(m_document->round().tender.scores.size(), 1);
    QVERIFY(m_document->round().tender.scores[0].scoredAt.isValid());
}

void TestTender::moderationLocksIndividualScores()
{
    openFreshTender();
    QVERIFY(m_document->setConflict(QStringLiteral("Ann"), QStringLiteral("Alpha"),
                                    ConflictDeclaration{}));
    const IndividualScore s{{}, {}, {}, 3, QStringLiteral("Adequate"), {}};
    QVERIFY(m_document->setScore(QStringLiteral("Ann"), QStringLiteral("X1"),
                                 QStringLiteral("delivery"), s));
    QVERIFY(m_document->setModerationOpened(QDateTime()));
    IndividualScore changed = s;
    changed.score = 4;
    QVERIFY(m_document
                ->setScore(QStringLiteral("Ann"), QStringLiteral("X1"), QStringLiteral("delivery"),
                           changed)
                .errorMessage()
                .contains("locked"));
    QVERIFY(!m_document->setScore(QStringLiteral("Ann"), QStringLiteral("X1"),
                                  QStringLiteral("delivery"), std::nullopt));
    QCOMPARE(m_document->round().tender.scores.first().score, 3.0);
    // The panel is fixed too.
    QVERIFY(!m_document->setAssessor({QStringLiteral("Cat"), QStringLiteral("DWP"), {}}));
    // The bids cannot be closed once scores exist.
    QVERIFY(!m_document->setBidsOpened(std::nullopt));
}

void TestTender::consensusNeedsARationale()
{
    openFreshTender();
    const ModeratedScore m{{}, {}, 3.5, QString(), {}};
    QVERIFY(m_document->setConsensus(QStringLiteral("X1"), QStringLiteral("delivery"), m)
                .errorMessage()
                .contains("moderation is open"));
    QVERIFY(m_document->setModerationOpened(QDateTime()));
    const Status st = m_document->setConsensus(QStringLiteral("X1"), QStringLiteral("delivery"), m);
    QVERIFY(!st);
    QVERIFY(st.errorMessage().contains("needs a rationale"));
    ModeratedScore agreed = m;
    agreed.rationale = QStringLiteral("Panel agreed the evidence is good");
    QVERIFY(m_document->setConsensus(QStringLiteral("X1"), QStringLiteral("delivery"), agreed));
    // A consensus may fall between levels (it starts as the mean), but not off the scale.
    QCOMPARE(m_document->round()
                 .tender.moderated(QStringLiteral("X1"), QStringLiteral("delivery"))
                 ->score,
             3.5);
    agreed.score = 5.5;
    QVERIFY(!m_document->setConsensus(QStringLiteral("X1"), QStringLiteral("delivery"), agreed));
    // Moderation cannot be closed once a consensus is agreed.
    QVERIFY(!m_document->setModerationOpened(std::nullopt));
}

void TestTender::awardIsCoDecidedAndFinal()
{
    const Round &round = m_document->round();
    const Cpa &lot = round.adoptedPlan()->cpas.first();
    const QStringList parties = m_document->awardParties(lot.id);
    QCOMPARE(parties.first(), QStringLiteral("DWP"));
    QVERIFY(parties.contains(QStringLiteral("Central London Forward")));

    // The demo agrees only B1: the award cannot be signed yet.
    Status st = m_document->signAward(lot.id, QStringLiteral("DWP"), QStringLiteral("A. Person"),
                                      QStringLiteral("Director"), QStringLiteral("Best value"));
    QVERIFY(!st);
    QVERIFY2(st.errorMessage().contains("agreed consensus"), qPrintable(st.errorMessage()));

    // Agree every remaining cell at its provisional value.
    const CriteriaTree tree = *CriteriaTree::fromList(round.tender.criteria);
    for (const TenderBid &bid : round.tender.bidsFor(lot.id)) {
        for (const QString &leaf : tree.leaves()) {
            if (tree.criterion(leaf).type == CriterionType::Price ||
                round.tender.moderated(bid.id, leaf))
                continue;
            double sum = 0;
            int n = 0;
            for (const IndividualScore &s : round.tender.scores) {
                if (s.bidId == bid.id && s.criterionId == leaf) {
                    sum += s.score;
                    ++n;
                }
            }
            QVERIFY(n > 0);
            QVERIFY(Commands::setConsensus(
                m_document.get(), bid.id, leaf,
                ModeratedScore{{}, {}, sum / n, QStringLiteral("Mean agreed"), {}}));
        }
    }
    QVERIFY(tenderStatus(round).lot(lot.id)->allAgreed());
    QVERIFY(!m_document->signAward(lot.id, QStringLiteral("Nobody"), QStringLiteral("X"),
                                   QStringLiteral("Y"), QStringLiteral("Z")));
    QVERIFY(!m_document->signAward(lot.id, QStringLiteral("DWP"), QStringLiteral("A. Person"),
                                   QStringLiteral("Director"), QString()));
    QVERIFY(m_document->undoStack()->count() > 0);
    st = m_document->signAward(lot.id, QStringLiteral("DWP"), QStringLiteral("A. Person"),
                               QStringLiteral("Director"), QStringLiteral("Best value"));
    QVERIFY2(st, qPrintable(st.errorMessage()));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(!m_document->signAward(lot.id, QStringLiteral("DWP"), QStringLiteral("B"),
                                   QStringLiteral("C"), QStringLiteral("D")));
    const Result<Evaluation> evaluation = evaluateTender(round);
    QVERIFY(evaluation);
    QCOMPARE(round.tender.awardSignatures.first().winner, *evaluation->lot(lot.name)->winner);
    // Signed scores are final.
    QVERIFY(!m_document->setConsensus(QStringLiteral("B1"), QStringLiteral("delivery"),
                                      ModeratedScore{{}, {}, 1, QStringLiteral("Late"), {}}));
    const auto requirements = StageRules::requirements(round, StageId::Selection);
    QVERIFY(!requirements.last().met); // the partnership has not signed yet
    QVERIFY(m_document->signAward(lot.id, QStringLiteral("Central London Forward"),
                                  QStringLiteral("Cllr B"), QStringLiteral("Chair"),
                                  QStringLiteral("Agreed")));
    QCOMPARE(round.tender.signaturesFor(lot.id).size(), 2);
    // Stored and read back.
    const Tender before = round.tender;
    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY(reopened);
    QCOMPARE((*reopened)->round().tender, before);
}

void TestTender::lotsStayWhileBidsExist()
{
    const Round &round = m_document->round();
    const CpaId first = round.adoptedPlan()->cpas.first().id;
    const PlanId adopted = round.adoptedPlan()->id;
    const Status removal = m_document->removeCpa(first);
    QVERIFY(!removal);
    QVERIFY2(removal.errorMessage().contains("Bids have been received"),
             qPrintable(removal.errorMessage()));
    // The lot with bids keeps its authorities; a CPA without bids can still change.
    const QString member = round.adoptedPlan()->cpas.first().members.first();
    const CpaId second = round.adoptedPlan()->cpas.at(1).id;
    QVERIFY(!m_document->assignAuthorities(adopted, {member}, second));
    QVERIFY(round.adoptedPlan()->cpas.first().members.contains(member));
    const QString elsewhere = round.adoptedPlan()->cpas.at(2).members.first();
    QVERIFY(m_document->assignAuthorities(adopted, {elsewhere}, second));
    QVERIFY(m_document->renameCpa(first, QStringLiteral("Central")));
    const Result<PlanId> other = m_document->addPlan(QStringLiteral("Other"));
    QVERIFY(other);
    QVERIFY(!m_document->adoptPlan(*other, QStringLiteral("Try")));
    QVERIFY(round.adoptedPlan()->id != *other);
}

void TestTender::commandsUndoAndRedo()
{
    openFreshTender();
    QUndoStack *stack = m_document->undoStack();
    stack->clear();
    const Tender start = m_document->round().tender;
    QVERIFY(Commands::setAssessor(
        m_document.get(), {QStringLiteral("Cat"), QStringLiteral("DWP"), QStringLiteral("Lead")}));
    QVERIFY(Commands::setConflict(m_document.get(), QStringLiteral("Cat"), QStringLiteral("Beta"),
                                  ConflictDeclaration{}));
    QVERIFY(Commands::setScore(m_document.get(), QStringLiteral("Cat"), QStringLiteral("X2"),
                               QStringLiteral("delivery"),
                               IndividualScore{{}, {}, {}, 2, QStringLiteral("Thin"), {}}));
    const Tender scored = m_document->round().tender;
    QCOMPARE(stack->count(), 3);
    stack->undo();
    stack->undo();
    stack->undo();
    QCOMPARE(m_document->round().tender, start);
    stack->redo();
    stack->redo();
    stack->redo();
    QCOMPARE(m_document->round().tender, scored); // the same records, times included

    // A criteria change after opening: the undo is itself recorded with its reason.
    QList<Criterion> criteria = start.criteria;
    criteria[0].name = QStringLiteral("Renamed");
    QVERIFY(!Commands::setCriteria(m_document.get(), criteria, PriceFormula::LowestRatio, 20));
    QVERIFY(Commands::setCriteria(m_document.get(), criteria, PriceFormula::LowestRatio, 20,
                                  QStringLiteral("Typo")));
    stack->undo();
    QCOMPARE(m_document->round().tender.criteria, start.criteria);
    const QList<CriteriaChange> &changes = m_document->round().tender.criteriaChanges;
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[1].reason, QStringLiteral("Undone: Typo"));

    // Removing a bid comes back in its place.
    QVERIFY(Commands::removeBid(m_document.get(), QStringLiteral("X1")));
    stack->undo();
    QCOMPARE(m_document->round().tender.bids.first().id, QStringLiteral("X1"));
}

void TestTender::replaceTenderIsAllOrNothing()
{
    const Tender before = m_document->round().tender;
    const QByteArray auditBefore = QByteArray::number(m_document->auditEntries()->size());
    Tender t = before;
    t.moderationOpenedAt = {};
    t.consensus.clear();
    t.scores.last().comment.clear(); // one bad score among hundreds
    const Status st = m_document->replaceTender(t);
    QVERIFY(!st);
    QVERIFY(st.errorMessage().contains("needs a comment"));
    QCOMPARE(m_document->round().tender, before);
    QCOMPARE(QByteArray::number(m_document->auditEntries()->size()), auditBefore);
    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY(reopened);
    QCOMPARE((*reopened)->round().tender, before);
}

void TestTender::illustrativeTenderIsReplacedWholeAndComesBack()
{
    // The demo's invented tender has open bids; real files replace it, criteria included, and
    // an undo puts it back. A real tender with open bids keeps its criteria.
    const Tender demo = m_document->round().tender;
    QVERIFY(demo.illustrative && demo.bidsOpened());
    Tender real;
    real.criteria = {
        {QStringLiteral("q"),
         {},
         QStringLiteral("Quality"),
         80,
         CriterionType::Quality,
         ScoringScale::zeroToFive()},
        {QStringLiteral("p"), {}, QStringLiteral("Price"), 20, CriterionType::Price, {}}};
    real.bids = {{QStringLiteral("R1"), QStringLiteral("Real Ltd"), m_lot, 500, {}, {}, {}}};
    real.bidsOpenedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(Commands::replaceTender(m_document.get(), real, QStringLiteral("Import")));
    QCOMPARE(m_document->round().tender.criteria, real.criteria);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().tender, demo);
    m_document->undoStack()->redo();
    Tender changed = m_document->round().tender;
    changed.criteria[0].weightPercent = 70;
    changed.criteria[1].weightPercent = 30;
    QVERIFY(!m_document->replaceTender(changed));
}

QTEST_GUILESS_MAIN(TestTender)
#include "tst_tender.moc"
