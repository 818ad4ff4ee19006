#include "core/commands/commands.h"
#include "core/io/nomisimport.h"
#include "core/needs/indicators.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"
#include "tests/support/testsupport.h"

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
    void importsAndRatiosAreUndoable();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
};

void TestCommands::init()
{
    Round round = *LondonRound::demo();
    round.tender = {};     // bids fix the adopted plan; these tests adopt another one
    round.monitoring = {}; // and so do the figures of stage 6
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

void TestCommands::importsAndRatiosAreUndoable()
{
    const QString data = TestSupport::dataDir() + QStringLiteral("/nomis/");
    const Round before = m_document->round();

    const auto imported = Commands::importNomis(m_document.get(), data + "claimant_count.csv");
    QVERIFY2(imported, qPrintable(imported.errorMessage()));
    const qint64 id = imported->dataset.id;
    const QString youth = imported->dataset.measures.at(1).key;
    const QString all = imported->dataset.measures.at(0).key;
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_document->undoStack()->undoText(), QStringLiteral("Import labour-market data"));
    const Round afterImport = m_document->round();

    const auto ratio = Commands::addRatio(m_document.get(), "Youth share", youth, all);
    QVERIFY2(ratio, qPrintable(ratio.errorMessage()));
    QCOMPARE(m_document->undoStack()->count(), 2);
    const Round afterRatio = m_document->round();

    m_document->undoStack()->undo(); // the ratio
    QCOMPARE(m_document->round(), afterImport);
    m_document->undoStack()->undo(); // the import
    QCOMPARE(m_document->round(), before);
    QCOMPARE(Indicators(m_document->round()).find(youth), nullptr);

    m_document->undoStack()->redo(); // imports the same file again, under the same id
    QCOMPARE(m_document->round().datasets.constLast().id, id);
    m_document->undoStack()->redo();
    QCOMPARE(m_document->round().ratios, afterRatio.ratios);
    QCOMPARE(m_document->round().datasets.constLast().observations,
             afterRatio.datasets.constLast().observations);
    QVERIFY(Indicators(m_document->round()).find(*ratio));

    // A lookup import is undone to the lookup before it, figures summed again.
    const auto population = Commands::importNomis(m_document.get(), data + "lsoa_population.csv");
    QVERIFY(population);
    const QString key = population->dataset.measures.first().key;
    const auto lookup = Commands::importLookup(m_document.get(), data + "lsoa_lookup.csv");
    QVERIFY2(lookup, qPrintable(lookup.errorMessage()));
    const auto barking = [&] {
        return Indicators(m_document->round()).value(key, {"E09000002"}, "2024");
    };
    QCOMPARE(barking(), 60.0);
    m_document->undoStack()->undo();
    QCOMPARE(barking(), std::nullopt);
    QVERIFY(m_document->lookups()->isEmpty());
    m_document->undoStack()->redo();
    QCOMPARE(barking(), 60.0);

    // Undo and redo are audited changes like any other, and the file still verifies.
    const auto entries = m_document->auditEntries();
    QVERIFY(std::any_of(entries->begin(), entries->end(), [](const AuditEntry &e) {
        return e.action == QLatin1String("remove_dataset");
    }));
}

QTEST_GUILESS_MAIN(TestCommands)
#include "tst_commands.moc"
