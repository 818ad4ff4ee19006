// Board papers in the document: stored and read back, carried by snapshots (so that a paper
// can be written again from what the board signed), refused when invalid or read-only without
// touching the file, audited, and undone and redone through the commands.

#include "core/commands/papercommands.h"
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

class TestPaperDocument : public QObject
{
    Q_OBJECT

private slots:
    void init();

    void storedAndReadBack();
    void textWithLineBreaksAndQuotesSurvives();
    void snapshotCarriesPapers();
    void signedOffSnapshotKeepsThePaperAsSigned();
    void invalidPaperIsRefusedAndChangesNothing_data();
    void invalidPaperIsRefusedAndChangesNothing();
    void readOnlyRefuses();
    void removeUnknownPaperIsRefused();
    void changesAreAudited();
    void commandsUndoAndRedo();
    void typingInOneFieldIsOneUndoStep();

private:
    QString path() const { return m_dir.filePath(QStringLiteral("p%1.cocom").arg(m_count)); }
    static BoardPaper paper();

    QTemporaryDir m_dir;
    std::unique_ptr<RoundDocument> m_document;
    int m_count = 0;
};

BoardPaper TestPaperDocument::paper()
{
    BoardPaper p;
    p.meeting = QDate(2027, 3, 15);
    p.stages = {StageId::Needs, StageId::Priorities};
    p.board = QStringLiteral("Central London Forward programme board");
    p.itemNumber = QStringLiteral("7");
    p.title = QStringLiteral("Needs and priorities");
    p.reportBy = QStringLiteral("Doug Flight");
    p.jobTitle = QStringLiteral("Head of Strategic Policy");
    p.contactOfficer = QStringLiteral("Doug Flight");
    p.email = QStringLiteral("doug.flight@example.gov.uk");
    p.telephone = QStringLiteral("020 7934 9805");
    p.summary = QStringLiteral("This report sets out the needs assessment.");
    p.recommendations = {QStringLiteral("Note the needs assessment."),
                         QStringLiteral("Agree the priority groups for each CPA.")};
    p.background = QStringLiteral("Background text.");
    p.options = QStringLiteral("Options text.");
    p.financial = QStringLiteral("No financial implications.");
    p.legal = QStringLiteral("No legal implications.");
    p.equalities = QStringLiteral("Equalities text.");
    p.backgroundPapers = {QStringLiteral("Work and Health Programme: co-commissioning")};
    p.exemptSections = {QStringLiteral("priorities.ranking")};
    p.disclosure = {10, 5, true};
    return p;
}

void TestPaperDocument::init()
{
    ++m_count;
    auto document = RoundDocument::create(path(), *LondonRound::demo(), QStringLiteral("tester"));
    QVERIFY2(document, qPrintable(document.errorMessage()));
    m_document = std::move(*document);
}

void TestPaperDocument::storedAndReadBack()
{
    QSignalSpy changed(m_document.get(), &RoundDocument::papersChanged);
    const Result<qint64> first = m_document->savePaper(paper());
    QVERIFY2(first, qPrintable(first.errorMessage()));
    QCOMPARE(*first, 1);
    BoardPaper second = paper();
    second.stages = {StageId::Selection};
    second.notForPublication = true;
    second.disclosure.enabled = false;
    const Result<qint64> id = m_document->savePaper(second);
    QVERIFY2(id, qPrintable(id.errorMessage()));
    QCOMPARE(*id, 2);
    QCOMPARE(changed.count(), 2);
    const QList<BoardPaper> before = m_document->round().papers;
    QCOMPARE(before.size(), 2);
    QVERIFY(before.at(0).updatedAt.isValid());

    // Saving the same text again changes nothing.
    BoardPaper same = before.at(1);
    QCOMPARE(*m_document->savePaper(same), 2);
    QCOMPARE(changed.count(), 2);

    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE((*reopened)->round().papers, before);
    const BoardPaper *back = (*reopened)->round().paper(2);
    QVERIFY(back);
    QCOMPARE(back->stages, QList<StageId>{StageId::Selection});
    QVERIFY(back->notForPublication);
    QVERIFY(!back->disclosure.enabled);
    QCOMPARE((*reopened)->round().paper(1)->disclosure.threshold, 10);
}

void TestPaperDocument::textWithLineBreaksAndQuotesSurvives()
{
    BoardPaper p = paper();
    p.recommendations = {QStringLiteral("Agree:\n(a) the \"first\" part;\n(b) the second"),
                         QStringLiteral("Note, with thanks, 'everything' [sic] \\ done")};
    p.summary = QStringLiteral("Line one\n\nLine three \u2013 with an en dash, £ and é");
    QVERIFY(m_document->savePaper(p));
    const QList<BoardPaper> before = m_document->round().papers;
    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE((*reopened)->round().papers.constFirst().recommendations, p.recommendations);
    QCOMPARE((*reopened)->round().papers.constFirst().summary, p.summary);
}

void TestPaperDocument::snapshotCarriesPapers()
{
    QVERIFY(m_document->savePaper(paper()));
    const Round &round = m_document->round();
    const Result<Round> back = SnapshotArchive::load(SnapshotArchive::save(round));
    QVERIFY2(back, qPrintable(back.errorMessage()));
    QCOMPARE(back->papers, round.papers);
    QCOMPARE(back->papers.size(), 1);
}

void TestPaperDocument::signedOffSnapshotKeepsThePaperAsSigned()
{
    QVERIFY(m_document->savePaper(paper()));
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    const Result<SignOffId> signature =
        m_document->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("A. Signer"),
                            QStringLiteral("Chair"), QStringLiteral("Sound."));
    QVERIFY2(signature, qPrintable(signature.errorMessage()));
    const SnapshotId snapshot = m_document->round().signOffs.constLast().snapshot;

    // The paper is edited after the sign-off: the snapshot still holds the paper as signed.
    BoardPaper edited = m_document->round().papers.constFirst();
    edited.title = QStringLiteral("A later title");
    QVERIFY(m_document->savePaper(edited));
    const Result<Round> signedRound = m_document->snapshotRound(snapshot);
    QVERIFY2(signedRound, qPrintable(signedRound.errorMessage()));
    QCOMPARE(signedRound->papers.size(), 1);
    QCOMPARE(signedRound->papers.constFirst().title, QStringLiteral("Needs and priorities"));
    QCOMPARE(m_document->round().papers.constFirst().title, QStringLiteral("A later title"));
}

void TestPaperDocument::invalidPaperIsRefusedAndChangesNothing_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("named");
    QTest::newRow("no stage") << 0 << QString();
    QTest::newRow("stage twice") << 1 << QString();
    QTest::newRow("no meeting date") << 2 << QString();
    QTest::newRow("threshold zero") << 3 << QString();
    QTest::newRow("rounding absurd") << 4 << QString();
    QTest::newRow("empty recommendation") << 5 << QStringLiteral("2");
    QTest::newRow("negative id") << 6 << QString();
}

void TestPaperDocument::invalidPaperIsRefusedAndChangesNothing()
{
    QFETCH(int, kind);
    QFETCH(QString, named);
    QVERIFY(m_document->savePaper(paper()));
    const QByteArray hash = fileHash(path());
    const QList<BoardPaper> before = m_document->round().papers;
    BoardPaper bad = paper();
    switch (kind) {
    case 0:
        bad.stages.clear();
        break;
    case 1:
        bad.stages = {StageId::Design, StageId::Design};
        break;
    case 2:
        bad.meeting = QDate();
        break;
    case 3:
        bad.disclosure.threshold = 0;
        break;
    case 4:
        bad.disclosure.rounding = 100000;
        break;
    case 5:
        bad.recommendations = {QStringLiteral("Agree."), QStringLiteral("  ")};
        break;
    case 6:
        bad.id = -3;
        break;
    }
    QSignalSpy changed(m_document.get(), &RoundDocument::papersChanged);
    const Result<qint64> refused = m_document->savePaper(bad);
    QVERIFY(!refused);
    QVERIFY(!refused.errorMessage().isEmpty());
    if (!named.isEmpty())
        QVERIFY2(refused.errorMessage().contains(named), qPrintable(refused.errorMessage()));
    QCOMPARE(changed.count(), 0);
    QCOMPARE(m_document->round().papers, before);
    QCOMPARE(fileHash(path()), hash);
}

void TestPaperDocument::readOnlyRefuses()
{
    QVERIFY(m_document->savePaper(paper()));
    m_document.reset();
    ProjectFile::Options options;
    options.readOnly = true;
    auto readOnly = RoundDocument::open(path(), options);
    QVERIFY2(readOnly, qPrintable(readOnly.errorMessage()));
    QVERIFY(!(*readOnly)->whyPapersFrozen().isEmpty());
    const QByteArray hash = fileHash(path());
    BoardPaper edited = (*readOnly)->round().papers.constFirst();
    edited.title = QStringLiteral("Changed");
    QVERIFY(!(*readOnly)->savePaper(edited));
    QVERIFY(!(*readOnly)->removePaper(edited.id));
    QCOMPARE((*readOnly)->round().papers.constFirst().title,
             QStringLiteral("Needs and priorities"));
    QCOMPARE(fileHash(path()), hash);
}

void TestPaperDocument::removeUnknownPaperIsRefused()
{
    const Status s = m_document->removePaper(42);
    QVERIFY(!s);
    QVERIFY(s.errorMessage().contains(QStringLiteral("42")));
    QVERIFY(!Commands::removePaper(m_document.get(), 42));
}

void TestPaperDocument::changesAreAudited()
{
    QVERIFY(m_document->savePaper(paper()));
    auto entries = m_document->auditEntries();
    QVERIFY(entries);
    QCOMPARE(entries->constLast().action, QStringLiteral("add_paper"));
    QVERIFY(entries->constLast().after.contains(QStringLiteral("Agree the priority groups")));

    BoardPaper edited = m_document->round().papers.constFirst();
    edited.recommendations.append(QStringLiteral("Agree the timetable."));
    QVERIFY(m_document->savePaper(edited));
    entries = m_document->auditEntries();
    const AuditEntry &last = entries->constLast();
    QCOMPARE(last.action, QStringLiteral("edit_paper"));
    QVERIFY2(last.before.startsWith(QStringLiteral("recommendations:")), qPrintable(last.before));
    QVERIFY(last.after.contains(QStringLiteral("Agree the timetable.")));
    QVERIFY(!last.after.contains(QStringLiteral("summary:")));

    QVERIFY(m_document->removePaper(edited.id));
    entries = m_document->auditEntries();
    QCOMPARE(entries->constLast().action, QStringLiteral("remove_paper"));
    QVERIFY(entries->constLast().before.contains(QStringLiteral("Agree the timetable.")));
}

void TestPaperDocument::commandsUndoAndRedo()
{
    QUndoStack *stack = m_document->undoStack();
    stack->clear();
    const Result<qint64> id =
        Commands::savePaper(m_document.get(), paper(), QStringLiteral("New paper"));
    QVERIFY2(id, qPrintable(id.errorMessage()));
    QCOMPARE(*id, 1);
    BoardPaper edited = m_document->round().papers.constFirst();
    edited.title = QStringLiteral("Needs, priorities and the CPAs");
    QVERIFY(Commands::savePaper(m_document.get(), edited, QStringLiteral("Title")));
    QVERIFY(Commands::removePaper(m_document.get(), 1));
    QCOMPARE(stack->count(), 3);
    QVERIFY(m_document->round().papers.isEmpty());

    stack->undo(); // the removal
    QCOMPARE(m_document->round().papers.size(), 1);
    QCOMPARE(m_document->round().papers.constFirst().id, 1);
    QCOMPARE(m_document->round().papers.constFirst().title, edited.title);
    stack->undo(); // the title
    QCOMPARE(m_document->round().papers.constFirst().title, QStringLiteral("Needs and priorities"));
    stack->undo(); // the new paper
    QVERIFY(m_document->round().papers.isEmpty());
    stack->redo();
    QCOMPARE(m_document->round().papers.size(), 1);
    QCOMPARE(m_document->round().papers.constFirst().id, 1);
    stack->redo();
    stack->redo();
    QVERIFY(m_document->round().papers.isEmpty());

    // Undo survives reopening the file: the paper it brings back was stored.
    stack->undo();
    m_document.reset();
    auto reopened = RoundDocument::open(path());
    QVERIFY2(reopened, qPrintable(reopened.errorMessage()));
    QCOMPARE((*reopened)->round().papers.size(), 1);
    QCOMPARE((*reopened)->round().papers.constFirst().title, edited.title);
}

void TestPaperDocument::typingInOneFieldIsOneUndoStep()
{
    QUndoStack *stack = m_document->undoStack();
    QVERIFY(Commands::savePaper(m_document.get(), paper(), QStringLiteral("New paper")));
    stack->clear();
    BoardPaper p = m_document->round().papers.constFirst();
    for (const char *text : {"N", "Ne", "New summary"}) {
        p.summary = QString::fromLatin1(text);
        QVERIFY(Commands::savePaper(m_document.get(), p, QStringLiteral("Summary"),
                                    QStringLiteral("paper-1-summary")));
    }
    p.background = QStringLiteral("Other field");
    QVERIFY(Commands::savePaper(m_document.get(), p, QStringLiteral("Background"),
                                QStringLiteral("paper-1-background")));
    QCOMPARE(stack->count(), 2);
    stack->undo();
    QCOMPARE(m_document->round().papers.constFirst().background,
             QStringLiteral("Background text."));
    QCOMPARE(m_document->round().papers.constFirst().summary, QStringLiteral("New summary"));
    stack->undo();
    QCOMPARE(m_document->round().papers.constFirst().summary,
             QStringLiteral("This report sets out the needs assessment."));

    // Typing back to the original text leaves no step at all.
    stack->clear();
    for (const char *text : {"Changed", "This report sets out the needs assessment."}) {
        p = m_document->round().papers.constFirst();
        p.summary = QString::fromLatin1(text);
        QVERIFY(Commands::savePaper(m_document.get(), p, QStringLiteral("Summary"),
                                    QStringLiteral("paper-1-summary")));
    }
    QCOMPARE(stack->count(), 0);
}

QTEST_GUILESS_MAIN(TestPaperDocument)
#include "tst_paperdocument.moc"
