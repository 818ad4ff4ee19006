#include "core/commands/commands.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace CoCommission;

class TestCommands : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void titleUndoRedoRoundTrip();
    void titleEditsMergeAndNoOpsPushNothing();
    void mergeBackToTheOriginalDropsTheStep();
    void modelChangeIsUndoable();
    void stageStatusIsUndoableAndChecked();
    void adoptPlanIsUndoable();
    void undoIsWrittenToTheFile();
    void readOnlyRoundPushesNothing();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
};

void TestCommands::init()
{
    Round round = *LondonRound::demo();
    CpaPlan alternative;
    alternative.name = QStringLiteral("One London CPA");
    alternative.cpas.append({CpaId(), QStringLiteral("London"), QStringLiteral("#1f6fb4"), {}});
    for (const Authority &a : round.authorities)
        alternative.cpas.first().members.append(a.gssCode);
    round.plans.append(alternative);
    auto document = RoundDocument::create(m_dir.filePath(QStringLiteral("c.cocom")), round,
                                          QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

void TestCommands::cleanup()
{
    m_document.reset();
    QFile::remove(m_dir.filePath(QStringLiteral("c.cocom")));
}

void TestCommands::titleUndoRedoRoundTrip()
{
    const QString original = m_document->round().title;
    QSignalSpy changed(m_document.get(), &RoundDocument::titleChanged);
    QVERIFY(Commands::setTitle(m_document.get(), QStringLiteral("Local London round")));
    QCOMPARE(m_document->round().title, QStringLiteral("Local London round"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Change round title"));

    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().title, original);
    m_document->undoStack()->redo();
    QCOMPARE(m_document->round().title, QStringLiteral("Local London round"));
    QCOMPARE(changed.count(), 3);
}

void TestCommands::titleEditsMergeAndNoOpsPushNothing()
{
    QVERIFY(Commands::setTitle(m_document.get(), QStringLiteral("A")));
    QVERIFY(Commands::setTitle(m_document.get(), QStringLiteral("AB")));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(Commands::setTitle(m_document.get(), QStringLiteral("AB")));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(!Commands::setTitle(m_document.get(), QStringLiteral("   ")));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->round().title, QStringLiteral("AB"));
}

void TestCommands::mergeBackToTheOriginalDropsTheStep()
{
    const QString original = m_document->round().programme;
    QVERIFY(Commands::setProgramme(m_document.get(), QStringLiteral("Something else")));
    QVERIFY(Commands::setProgramme(m_document.get(), original));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(m_document->round().programme, original);
}

void TestCommands::modelChangeIsUndoable()
{
    QVERIFY(Commands::setModel(m_document.get(), DevolutionModel::FullDevolution));
    QCOMPARE(m_document->round().model, DevolutionModel::FullDevolution);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().model, DevolutionModel::CoCommissioning);
    m_document->undoStack()->redo();
    QCOMPARE(m_document->round().model, DevolutionModel::FullDevolution);
}

void TestCommands::stageStatusIsUndoableAndChecked()
{
    QSignalSpy stageChanged(m_document.get(), &RoundDocument::stageChanged);
    QVERIFY(
        Commands::setStageStatus(m_document.get(), StageId::Needs, StageStatus::ReadyForSignOff));
    QCOMPARE(stageChanged.count(), 1);
    QCOMPARE(stageChanged.first().first().value<StageId>(), StageId::Needs);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().stage(StageId::Needs).status, StageStatus::InProgress);
    m_document->undoStack()->redo();
    QCOMPARE(m_document->round().stage(StageId::Needs).status, StageStatus::ReadyForSignOff);

    const Status refused =
        Commands::setStageStatus(m_document.get(), StageId::Design, StageStatus::ReadyForSignOff);
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains(QStringLiteral("Stage 2")));
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestCommands::adoptPlanIsUndoable()
{
    const PlanId first = m_document->round().plans.at(0).id;
    const PlanId second = m_document->round().plans.at(1).id;
    QVERIFY(Commands::adoptPlan(m_document.get(), second));
    QCOMPARE(m_document->round().adoptedPlan()->id, second);
    QVERIFY(!m_document->round().plans.at(0).adopted);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().adoptedPlan()->id, first);
    m_document->undoStack()->redo();
    QCOMPARE(m_document->round().adoptedPlan()->id, second);
}

void TestCommands::undoIsWrittenToTheFile()
{
    const QString path = m_document->filePath();
    const QString original = m_document->round().title;
    QVERIFY(Commands::setTitle(m_document.get(), QStringLiteral("Temporary")));
    m_document->undoStack()->undo();
    const auto entries = m_document->auditEntries();
    QCOMPARE(entries->constLast().after, original); // the undo is itself an audited change
    m_document.reset();
    auto reopened = RoundDocument::open(path);
    QCOMPARE((*reopened)->round().title, original);
}

void TestCommands::readOnlyRoundPushesNothing()
{
    auto second = RoundDocument::open(m_document->filePath());
    QVERIFY(second && (*second)->isReadOnly());
    const Status s = Commands::setTitle(second->get(), QStringLiteral("Nope"));
    QVERIFY(!s);
    QVERIFY(s.errorMessage().contains(QStringLiteral("read-only")));
    QCOMPARE((*second)->undoStack()->count(), 0);
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
