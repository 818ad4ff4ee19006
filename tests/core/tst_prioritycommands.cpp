#include "core/commands/prioritycommands.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"

#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace CoCommission;

class TestPriorityCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void rankingRedoUndoRedo();
    void clearingARankingIsUndone();
    void aNewRankingIsRemovedByUndo();
    void pointsAreRestoredByUndo();
    void nothingChangedPushesNothing();
    void refusedRankingLeavesTheStackUnchanged();

    void decisionRedoUndoRedoKeepsItsTime();
    void replacingAndRemovingADecisionAreUndone();
    void decisionWithoutRationaleIsRefused();

    void placesRedoUndoRedo();

    void frozenPrioritiesRefuseEveryEdit();
    void readOnlyRoundRefusesEveryEdit();

    void theFileHoldsTheResult();

    void methodRedoUndoRedo();

private:
    QStringList keys() const;
    CpaId firstCpa() const;
    std::optional<QStringList> ranking(CpaId cpa, const QString &partner) const;
    std::optional<PriorityDecision> decision(CpaId cpa) const;
    /** Signs stage 1, decides every CPA and marks stage 2 ready for sign-off. */
    void freezePriorities();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RoundDocument> m_document;
};

void TestPriorityCommands::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto document = RoundDocument::create(m_dir->filePath(QStringLiteral("p.cocom")),
                                          *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

void TestPriorityCommands::cleanup()
{
    m_document.reset();
    m_dir.reset();
}

QStringList TestPriorityCommands::keys() const
{
    QStringList result;
    for (const PriorityGroup &g : m_document->round().priorityGroups)
        result.append(g.key);
    return result;
}

CpaId TestPriorityCommands::firstCpa() const
{
    return m_document->round().adoptedPlan()->cpas.first().id;
}

std::optional<QStringList> TestPriorityCommands::ranking(CpaId cpa, const QString &partner) const
{
    for (const PartnerRankingRecord &r : m_document->round().rankings) {
        if (r.cpa == cpa && r.partner == partner)
            return r.order;
    }
    return std::nullopt;
}

std::optional<PriorityDecision> TestPriorityCommands::decision(CpaId cpa) const
{
    for (const PriorityDecision &d : m_document->round().decisions) {
        if (d.cpa == cpa)
            return d;
    }
    return std::nullopt;
}

void TestPriorityCommands::freezePriorities()
{
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    for (SignOffParty party :
         StageRules::requiredParties(m_document->round().model, StageId::Needs))
        QVERIFY(m_document->signOff(StageId::Needs, party, "N", "R", "Agreed"));
    for (const Cpa &cpa : m_document->round().adoptedPlan()->cpas)
        QVERIFY(
            m_document->setPriorityDecision(cpa.id, PriorityDecision{{}, keys(), "Agreed", {}}));
    QVERIFY(m_document->setStageStatus(StageId::Priorities, StageStatus::ReadyForSignOff));
    QVERIFY(!m_document->whyPrioritiesFrozen().isEmpty());
}

void TestPriorityCommands::rankingRedoUndoRedo()
{
    const CpaId cpa = firstCpa();
    const QStringList first = keys();
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", first));
    QStringList second = first;
    std::reverse(second.begin(), second.end());
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", second));
    QUndoStack *stack = m_document->undoStack();
    QCOMPARE(stack->count(), 2);
    QCOMPARE(ranking(cpa, "DWP"), second);
    QVERIFY(stack->text(1).contains("DWP"));

    stack->undo();
    QCOMPARE(ranking(cpa, "DWP"), first);
    stack->redo();
    QCOMPARE(ranking(cpa, "DWP"), second);
    stack->undo();
    stack->undo();
    QCOMPARE(ranking(cpa, "DWP"), std::nullopt);
    stack->redo();
    QCOMPARE(ranking(cpa, "DWP"), first);
}

void TestPriorityCommands::clearingARankingIsUndone()
{
    const CpaId cpa = firstCpa();
    QStringList order = keys();
    std::rotate(order.begin(), order.begin() + 3, order.end());
    QVERIFY(m_document->setPartnerRanking(cpa, "DWP", order)); // recorded before, not undoable
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", std::nullopt));
    QCOMPARE(ranking(cpa, "DWP"), std::nullopt);
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(ranking(cpa, "DWP"), order);
    m_document->undoStack()->redo();
    QCOMPARE(ranking(cpa, "DWP"), std::nullopt);
}

void TestPriorityCommands::aNewRankingIsRemovedByUndo()
{
    const CpaId cpa = firstCpa();
    const Round before = m_document->round();
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "Central London Forward", keys()));
    QCOMPARE(m_document->round().rankings.size(), 1);
    m_document->undoStack()->undo();
    QVERIFY(m_document->round().rankings.isEmpty()); // removed, not left empty
    QCOMPARE(m_document->round(), before);
}

void TestPriorityCommands::pointsAreRestoredByUndo()
{
    const CpaId cpa = firstCpa();
    QList<double> points;
    for (int i = 0; i < keys().size(); ++i)
        points.append(10 - i);
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys(), points));
    const Round withPoints = m_document->round();
    QCOMPARE(withPoints.rankings.first().points, points);
    QStringList reversed = keys();
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", reversed)); // no points
    QVERIFY(m_document->round().rankings.first().points.isEmpty());
    m_document->undoStack()->undo();
    QCOMPARE(m_document->round(), withPoints);
    // The same order with other points is a change.
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys()));
    QCOMPARE(m_document->undoStack()->count(), 2);
    QVERIFY(m_document->round().rankings.first().points.isEmpty());
}

void TestPriorityCommands::nothingChangedPushesNothing()
{
    const CpaId cpa = firstCpa();
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", std::nullopt));
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa, std::nullopt));
    QVERIFY(Commands::setPriorityPlaces(m_document.get(), {}));
    QCOMPARE(m_document->undoStack()->count(), 0);

    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys()));
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys()));
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa,
                                          PriorityDecision{{}, keys(), "Agreed", {}}));
    const QDateTime decidedAt = decision(cpa)->decidedAt;
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa,
                                          PriorityDecision{{}, keys(), "  Agreed ", {}}));
    QCOMPARE(decision(cpa)->decidedAt, decidedAt);
    QVERIFY(Commands::setPriorityPlaces(m_document.get(), {"E09000030"}));
    QVERIFY(Commands::setPriorityPlaces(m_document.get(), {"E09000030"}));
    QCOMPARE(m_document->undoStack()->count(), 3);
}

void TestPriorityCommands::refusedRankingLeavesTheStackUnchanged()
{
    const CpaId cpa = firstCpa();
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys()));
    const Round before = m_document->round();

    const Status missing = Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys().mid(1));
    QVERIFY(!missing);
    QVERIFY(missing.errorMessage().contains("exactly once"));
    const Status stranger =
        Commands::setPartnerRanking(m_document.get(), cpa, "Local London", keys());
    QVERIFY(!stranger);
    QVERIFY(stranger.errorMessage().contains("not a partner"));
    QVERIFY(!Commands::setPartnerRanking(m_document.get(), CpaId(9999), "DWP", keys()));
    QVERIFY(!Commands::setPriorityPlaces(m_document.get(), {"E09000099"}));

    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->undoStack()->index(), 1);
    QCOMPARE(m_document->round(), before);
}

void TestPriorityCommands::decisionRedoUndoRedoKeepsItsTime()
{
    const CpaId cpa = firstCpa();
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa,
                                          PriorityDecision{{}, keys(), "Agreed at the board", {}}));
    const std::optional<PriorityDecision> recorded = decision(cpa);
    QVERIFY(recorded);
    QVERIFY(recorded->decidedAt.isValid());
    QCOMPARE(recorded->rationale, QStringLiteral("Agreed at the board"));

    m_document->undoStack()->undo();
    QCOMPARE(decision(cpa), std::nullopt);
    QVERIFY(m_document->round().decisions.isEmpty());
    QTest::qWait(5); // a redo must not stamp a new time
    m_document->undoStack()->redo();
    QCOMPARE(decision(cpa), recorded);
}

void TestPriorityCommands::replacingAndRemovingADecisionAreUndone()
{
    const CpaId cpa = firstCpa();
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa,
                                          PriorityDecision{{}, keys(), "First view", {}}));
    const std::optional<PriorityDecision> first = decision(cpa);
    QStringList reversed = keys();
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa,
                                          PriorityDecision{{}, reversed, "Second view", {}}));
    const std::optional<PriorityDecision> second = decision(cpa);
    QCOMPARE(second->order, reversed);
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa, std::nullopt));
    QCOMPARE(decision(cpa), std::nullopt);

    QUndoStack *stack = m_document->undoStack();
    QCOMPARE(stack->count(), 3);
    QVERIFY(stack->text(0).startsWith("Record"));
    QVERIFY(stack->text(1).startsWith("Replace"));
    QVERIFY(stack->text(2).startsWith("Remove"));
    stack->undo();
    QCOMPARE(decision(cpa), second);
    stack->undo();
    QCOMPARE(decision(cpa), first); // its rationale, order and time
    stack->redo();
    QCOMPARE(decision(cpa), second);
    stack->redo();
    QCOMPARE(decision(cpa), std::nullopt);
}

void TestPriorityCommands::decisionWithoutRationaleIsRefused()
{
    const Status refused = Commands::setPriorityDecision(m_document.get(), firstCpa(),
                                                         PriorityDecision{{}, keys(), "  ", {}});
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains("rationale"));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(m_document->round().decisions.isEmpty());
}

void TestPriorityCommands::placesRedoUndoRedo()
{
    QVERIFY(Commands::setPriorityPlaces(m_document.get(), {"E09000030", "E09000025"}));
    QVERIFY(Commands::setPriorityPlaces(m_document.get(), {"E09000002"}));
    QUndoStack *stack = m_document->undoStack();
    QCOMPARE(stack->count(), 2);
    stack->undo();
    QCOMPARE(m_document->round().priorityPlaces, (QStringList{"E09000030", "E09000025"}));
    stack->undo();
    QVERIFY(m_document->round().priorityPlaces.isEmpty());
    stack->redo();
    stack->redo();
    QCOMPARE(m_document->round().priorityPlaces, QStringList{"E09000002"});
}

void TestPriorityCommands::frozenPrioritiesRefuseEveryEdit()
{
    const CpaId cpa = firstCpa();
    freezePriorities();
    if (QTest::currentTestFailed())
        return;
    const Round before = m_document->round();
    const int count = m_document->undoStack()->count();
    const int index = m_document->undoStack()->index();

    const Status ranked = Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys());
    QVERIFY(!ranked);
    QCOMPARE(ranked.errorMessage(), m_document->whyPrioritiesFrozen());
    QVERIFY(!Commands::setPriorityDecision(m_document.get(), cpa, std::nullopt));
    QVERIFY(!Commands::setPriorityPlaces(m_document.get(), {"E09000030"}));

    QCOMPARE(m_document->undoStack()->count(), count);
    QCOMPARE(m_document->undoStack()->index(), index);
    QCOMPARE(m_document->round(), before);
}

void TestPriorityCommands::readOnlyRoundRefusesEveryEdit()
{
    auto opened = RoundDocument::open(m_document->filePath(), {}, QStringLiteral("reader"));
    QVERIFY2(opened, qPrintable(opened.errorMessage()));
    RoundDocument *reader = opened->get();
    QVERIFY(reader->isReadOnly());
    const Status refused = Commands::setPartnerRanking(reader, firstCpa(), "DWP", keys());
    QVERIFY(!refused);
    QCOMPARE(refused.errorMessage(), reader->whyNotEditable());
    QVERIFY(!Commands::setPriorityPlaces(reader, {"E09000030"}));
    QCOMPARE(reader->undoStack()->count(), 0);
    QVERIFY(reader->round().rankings.isEmpty());
}

void TestPriorityCommands::theFileHoldsTheResult()
{
    const CpaId cpa = firstCpa();
    QStringList order = keys();
    std::swap(order[0], order[4]);
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", order));
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "Central London Forward", keys()));
    QVERIFY(Commands::setPriorityDecision(m_document.get(), cpa,
                                          PriorityDecision{{}, order, "As DWP ranked", {}}));
    QVERIFY(Commands::setPriorityPlaces(m_document.get(), {"E09000030", "E09000025"}));
    // Undone edits are gone from the file as well.
    QVERIFY(Commands::setPriorityPlaces(m_document.get(), {"E09000002"}));
    m_document->undoStack()->undo();
    QVERIFY(Commands::setPartnerRanking(m_document.get(), cpa, "DWP", keys()));
    m_document->undoStack()->undo();

    const std::optional<PriorityDecision> decided = decision(cpa);
    const QString path = m_document->filePath();
    m_document.reset();
    auto reopened = RoundDocument::open(path, {}, QStringLiteral("tester"));
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    m_document = std::move(*reopened);
    QCOMPARE(ranking(cpa, "DWP"), order);
    QCOMPARE(ranking(cpa, "Central London Forward"), keys());
    QCOMPARE(m_document->round().rankings.size(), 2);
    QCOMPARE(decision(cpa), decided);
    QCOMPARE(m_document->round().priorityPlaces, (QStringList{"E09000030", "E09000025"}));
}

void TestPriorityCommands::methodRedoUndoRedo()
{
    QUndoStack *stack = m_document->undoStack();
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::Borda);
    QVERIFY(Commands::setPriorityMethod(m_document.get(), RankingMethod::PointsSum));
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::PointsSum);
    QCOMPARE(stack->count(), 1);
    QVERIFY(!stack->text(0).isEmpty());
    stack->undo();
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::Borda);
    stack->redo();
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::PointsSum);

    // Nothing changed, nothing pushed.
    QVERIFY(Commands::setPriorityMethod(m_document.get(), RankingMethod::PointsSum));
    QCOMPARE(stack->count(), 1);

    // Refused once stage 2 is frozen, leaving the stack as it was.
    freezePriorities();
    if (QTest::currentTestFailed())
        return;
    const int steps = stack->count();
    const Status refused = Commands::setPriorityMethod(m_document.get(), RankingMethod::Borda);
    QVERIFY(!refused);
    QCOMPARE(refused.errorMessage(), m_document->whyPrioritiesFrozen());
    QCOMPARE(stack->count(), steps);
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::PointsSum);
}

QTEST_GUILESS_MAIN(TestPriorityCommands)
#include "tst_prioritycommands.moc"
