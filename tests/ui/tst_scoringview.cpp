#include "tests/support/testsupport.h"
#include "ui/selection/scoringview.h"

#include "core/io/assessorpack.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/selection/scoresheet.h"
#include "ui/settings.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace CoCommission;

namespace {

const QString kOkafor = QStringLiteral("A. Okafor (illustrative)");
const QString kPatel = QStringLiteral("J. Patel (illustrative)");
const QString kEvans = QStringLiteral("R. Evans (illustrative)");
const QString kNewcomer = QStringLiteral("S. Newcomer");
const QString kEmployer = QStringLiteral("employer_engagement");
const QString kHealth = QStringLiteral("integration.health");

} // namespace

/**
 * The Scoring tab on the demo round with moderation not yet open (blind scoring): whose scores
 * the sheet shows, conflicts and declarations, saving a score as an undo step, opening
 * moderation, and assessor packs out and back.
 */
class TestScoringView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsOnlyTheChosenAssessorsOwnScores();
    void aNewAssessorSeesNoneOfTheOthersScores();
    void aDeclaredConflictBlocksTheBiddersCells();
    void anUndeclaredBidderIsOfferedTheDeclarationFirst();
    void aScoreSavedOnTheSheetIsOneUndoStep();
    void aScoreNeedsAComment();
    void anEditNotSavedIsKeptAndMarked();
    void openingModerationAsksAndLocksTheSheet();
    void exportedPackHoldsOnlyTheAssessorsScores();
    void importedReturnIsMergedAsOneUndoStep();
    void everyControlHasAnAccessibleName();

private:
    /** The demo round with moderation closed and no consensus: scoring is blind. */
    static Round blindDemo();
    CpaId lot() const;
    const IndividualScore *score(const QString &assessor, const QString &bid,
                                 const QString &criterion) const;
    void addNewcomer();

    std::unique_ptr<QTemporaryDir> m_dir;
    DialogService m_dialogs;
    std::unique_ptr<RoundDocument> m_document;
    std::unique_ptr<EditRunner> m_edits;
    std::unique_ptr<ScoringView> m_view;
};

void TestScoringView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

Round TestScoringView::blindDemo()
{
    Result<Round> demo = LondonRound::demo();
    if (!demo)
        qFatal("%s", qPrintable(demo.errorMessage()));
    Round round = *demo;
    round.tender.moderationOpenedAt = QDateTime();
    round.tender.consensus.clear();
    return round;
}

void TestScoringView::init()
{
    Settings::clear();
    m_dialogs.clearMessages();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const QString path =
        TestSupport::createRoundFile(m_dir->filePath(QStringLiteral("blind.cocom")), blindDemo());
    QVERIFY(!path.isEmpty());
    m_document = TestSupport::openRoundFile(path);
    QVERIFY(m_document);
    QVERIFY(!m_document->round().tender.moderationOpen());
    m_edits = std::make_unique<EditRunner>(&m_dialogs, nullptr);
    m_edits->setDocument(m_document.get());
    m_view = std::make_unique<ScoringView>(m_edits.get(), &m_dialogs);
    m_view->setDocument(m_document.get());
    m_view->setLot(lot());
}

void TestScoringView::cleanup()
{
    m_view.reset();
    m_edits.reset();
    m_document.reset();
    m_dir.reset();
}

CpaId TestScoringView::lot() const
{
    return m_document->round().tender.bids.first().lot;
}

const IndividualScore *TestScoringView::score(const QString &assessor, const QString &bid,
                                              const QString &criterion) const
{
    return m_document->round().tender.score(assessor, bid, criterion);
}

void TestScoringView::addNewcomer()
{
    QVERIFY(m_document->setAssessor({kNewcomer, QStringLiteral("DWP"), QStringLiteral("Adviser")}));
    QVERIFY(m_view->setAssessor(kNewcomer));
}

void TestScoringView::showsOnlyTheChosenAssessorsOwnScores()
{
    ScoreSheet *sheet = m_view->scoreSheet();
    QCOMPARE(m_view->assessorCombo()->count(), 3);
    QCOMPARE(m_view->lot(), lot());
    QCOMPARE(sheet->table()->columnCount(), 3); // B1, B2, B3
    QCOMPARE(sheet->table()->rowCount(), 12);   // the scored leaves; price is computed

    // B3 on employer engagement: Okafor 2, Patel 4, Evans 3.
    const struct
    {
        QString assessor;
        QString text;
    } expected[] = {{kOkafor, QStringLiteral("2 – Poor")},
                    {kPatel, QStringLiteral("4 – Good")},
                    {kEvans, QStringLiteral("3 – Satisfactory")}};
    for (const auto &e : expected) {
        QVERIFY(m_view->setAssessor(e.assessor));
        QCOMPARE(sheet->cellText(QStringLiteral("B3"), kEmployer), e.text);
        QVERIFY(!sheet->content().scores.isEmpty());
        for (const IndividualScore &s : sheet->content().scores)
            QCOMPARE(s.assessor, e.assessor);
        QVERIFY(m_view->blindLabel()->text().contains(QStringLiteral("blind")));
        QVERIFY(m_view->blindLabel()->text().contains(e.assessor));
    }
    // The editor shows the chosen assessor's own comment.
    QVERIFY(m_view->setAssessor(kOkafor));
    QVERIFY(sheet->selectCell(QStringLiteral("B3"), kEmployer));
    QCOMPARE(sheet->commentEdit()->toPlainText(),
             score(kOkafor, QStringLiteral("B3"), kEmployer)->comment);
    QCOMPARE(sheet->scoreCombo()->currentData().toInt(), 2);
}

void TestScoringView::aNewAssessorSeesNoneOfTheOthersScores()
{
    addNewcomer();
    for (const TenderBid &b : m_document->round().tender.bids)
        QVERIFY(m_document->setConflict(kNewcomer, b.bidder,
                                        ConflictDeclaration{kNewcomer, b.bidder, false, {}, {}}));
    ScoreSheet *sheet = m_view->scoreSheet();
    QVERIFY(sheet->content().scores.isEmpty());
    for (const QString &bid : {QStringLiteral("B1"), QStringLiteral("B2"), QStringLiteral("B3")}) {
        for (const QString &leaf : sheet->content().scoredCriteria)
            QCOMPARE(sheet->cellText(bid, leaf), QStringLiteral("Not scored"));
    }
    QVERIFY(sheet->progressLabel()->text().contains(QStringLiteral("0 of the 36")));
}

void TestScoringView::aDeclaredConflictBlocksTheBiddersCells()
{
    QVERIFY(m_view->setAssessor(kPatel));
    ScoreSheet *sheet = m_view->scoreSheet();
    for (const QString &leaf : sheet->content().scoredCriteria)
        QCOMPARE(sheet->cellText(QStringLiteral("B2"), leaf),
                 QStringLiteral("Blocked: conflict declared"));
    QVERIFY(sheet->cellText(QStringLiteral("B1"), kHealth).startsWith(QStringLiteral("4")));

    QVERIFY(sheet->selectCell(QStringLiteral("B2"), kHealth));
    QVERIFY(sheet->reasonLabel()->text().contains(QStringLiteral("conflict of interest")));
    QVERIFY(sheet->reasonLabel()->text().contains(QStringLiteral("trustee")));
    QVERIFY(!sheet->scoreCombo()->isEnabled());
    QVERIFY(!sheet->saveButton()->isEnabled());
    QVERIFY(!sheet->chooseScore(3) || !sheet->saveCurrent());
    QVERIFY(!score(kPatel, QStringLiteral("B2"), kHealth));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QVERIFY(sheet->progressLabel()->text().contains(QStringLiteral("12 cells are blocked")));
}

void TestScoringView::anUndeclaredBidderIsOfferedTheDeclarationFirst()
{
    addNewcomer();
    ScoreSheet *sheet = m_view->scoreSheet();
    QCOMPARE(sheet->cellText(QStringLiteral("B1"), kHealth), QStringLiteral("Declare first"));
    QVERIFY(sheet->selectCell(QStringLiteral("B1"), kHealth));
    QVERIFY(sheet->declareNoneButton()->isVisibleTo(sheet));
    QVERIFY(sheet->reasonLabel()->text().contains(QStringLiteral("Panel tab")));
    QVERIFY(!sheet->scoreCombo()->isEnabled());

    // Cancelled: nothing recorded.
    sheet->declareNoneButton()->click();
    QVERIFY(!m_document->round().tender.conflict(kNewcomer, sheet->content().bids[0].bidder));

    m_dialogs.setNextAnswer(true);
    sheet->declareNoneButton()->click();
    const QString bidder = sheet->content().bids[0].bidder;
    const ConflictDeclaration *declared = m_document->round().tender.conflict(kNewcomer, bidder);
    QVERIFY(declared);
    QVERIFY(!declared->conflicted);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(sheet->cellText(QStringLiteral("B1"), kHealth), QStringLiteral("Not scored"));
    QVERIFY(sheet->scoreCombo()->isEnabled());
    QVERIFY(!sheet->declareNoneButton()->isVisibleTo(sheet));

    // A conflict asks for the interest and then blocks the bidder's cells.
    QVERIFY(sheet->selectCell(QStringLiteral("B2"), kHealth));
    m_dialogs.setNextText(QStringLiteral("Former employee"));
    sheet->declareConflictButton()->click();
    QCOMPARE(sheet->cellText(QStringLiteral("B2"), kHealth),
             QStringLiteral("Blocked: conflict declared"));
    QCOMPARE(m_document->undoStack()->count(), 2);

    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QVERIFY(!m_document->round().tender.conflict(kNewcomer, bidder));
    QCOMPARE(sheet->cellText(QStringLiteral("B1"), kHealth), QStringLiteral("Declare first"));
}

void TestScoringView::aScoreSavedOnTheSheetIsOneUndoStep()
{
    QVERIFY(m_view->setAssessor(kOkafor));
    ScoreSheet *sheet = m_view->scoreSheet();
    QVERIFY(sheet->selectCell(QStringLiteral("B3"), kEmployer));
    QCOMPARE(score(kOkafor, QStringLiteral("B3"), kEmployer)->score, 2.0);
    QVERIFY(!sheet->saveButton()->isEnabled()); // nothing changed yet

    QVERIFY(sheet->chooseScore(4));
    sheet->commentEdit()->clear();
    QTest::keyClicks(sheet->commentEdit(), "Strong employer offer on reading it again.");
    QVERIFY(sheet->saveButton()->isEnabled());
    sheet->saveButton()->click();

    const IndividualScore *saved = score(kOkafor, QStringLiteral("B3"), kEmployer);
    QVERIFY(saved);
    QCOMPARE(saved->score, 4.0);
    QCOMPARE(saved->comment, QStringLiteral("Strong employer offer on reading it again."));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(sheet->cellText(QStringLiteral("B3"), kEmployer), QStringLiteral("4 – Good"));
    QVERIFY(!sheet->hasDrafts());
    QVERIFY(m_dialogs.messages().isEmpty());

    m_document->undoStack()->undo();
    QCOMPARE(score(kOkafor, QStringLiteral("B3"), kEmployer)->score, 2.0);
    QCOMPARE(sheet->cellText(QStringLiteral("B3"), kEmployer), QStringLiteral("2 – Poor"));
    m_document->undoStack()->redo();
    QCOMPARE(score(kOkafor, QStringLiteral("B3"), kEmployer)->score, 4.0);

    // Withdrawing is one step too.
    QVERIFY(sheet->selectCell(QStringLiteral("B3"), kEmployer));
    QVERIFY(sheet->withdrawButton()->isEnabled());
    sheet->withdrawButton()->click();
    QVERIFY(!score(kOkafor, QStringLiteral("B3"), kEmployer));
    QCOMPARE(sheet->cellText(QStringLiteral("B3"), kEmployer), QStringLiteral("Not scored"));
    QCOMPARE(m_document->undoStack()->count(), 2);
}

void TestScoringView::aScoreNeedsAComment()
{
    QVERIFY(m_view->setAssessor(kOkafor));
    ScoreSheet *sheet = m_view->scoreSheet();
    QVERIFY(sheet->selectCell(QStringLiteral("B3"), kEmployer));
    QVERIFY(sheet->chooseScore(5));
    sheet->commentEdit()->setPlainText(QStringLiteral("   "));
    QVERIFY(!sheet->saveButton()->isEnabled());
    QVERIFY(sheet->editorHint()->text().contains(QStringLiteral("comment")));
    // Asked anyway, core refuses it and says why.
    QVERIFY(!sheet->saveCurrent());
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().kind, DialogService::MessageKind::Error);
    QCOMPARE(score(kOkafor, QStringLiteral("B3"), kEmployer)->score, 2.0);
    QCOMPARE(m_document->undoStack()->count(), 0);
}

void TestScoringView::anEditNotSavedIsKeptAndMarked()
{
    QVERIFY(m_view->setAssessor(kOkafor));
    ScoreSheet *sheet = m_view->scoreSheet();
    QVERIFY(sheet->selectCell(QStringLiteral("B3"), kEmployer));
    QVERIFY(sheet->chooseScore(1));
    QVERIFY(sheet->hasDraft(QStringLiteral("B3"), kEmployer));
    QCOMPARE(sheet->cellText(QStringLiteral("B3"), kEmployer),
             QStringLiteral("1 – Very poor (not saved)"));

    // Away and back: the edit is still there; the document is untouched.
    QVERIFY(sheet->selectCell(QStringLiteral("B1"), kHealth));
    QCOMPARE(sheet->scoreCombo()->currentData().toInt(), 5);
    QVERIFY(sheet->selectCell(QStringLiteral("B3"), kEmployer));
    QCOMPARE(sheet->scoreCombo()->currentData().toInt(), 1);
    QCOMPARE(score(kOkafor, QStringLiteral("B3"), kEmployer)->score, 2.0);

    QVERIFY(sheet->revertButton()->isEnabled());
    sheet->revertButton()->click();
    QVERIFY(!sheet->hasDrafts());
    QCOMPARE(sheet->scoreCombo()->currentData().toInt(), 2);

    // Another assessor's sheet starts clean.
    QVERIFY(sheet->chooseScore(0));
    QVERIFY(sheet->hasDrafts());
    QVERIFY(m_view->setAssessor(kEvans));
    QVERIFY(!sheet->hasDrafts());
}

void TestScoringView::openingModerationAsksAndLocksTheSheet()
{
    QPushButton *open = m_view->openModerationButton();
    QVERIFY(open->isEnabled());
    open->click(); // not confirmed
    QVERIFY(!m_document->round().tender.moderationOpen());

    m_dialogs.setNextAnswer(true);
    open->click();
    QVERIFY(m_document->round().tender.moderationOpen());
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(!open->isEnabled());
    QVERIFY(m_view->blindLabel()->text().contains(QStringLiteral("locked")));
    ScoreSheet *sheet = m_view->scoreSheet();
    QVERIFY(sheet->selectCell(QStringLiteral("B1"), kHealth));
    QVERIFY(!sheet->scoreCombo()->isEnabled());
    QVERIFY(sheet->reasonLabel()->text().contains(QStringLiteral("locked")));
    // Still the assessor's own scores only, now locked.
    for (const IndividualScore &s : sheet->content().scores)
        QCOMPARE(s.assessor, m_view->assessor());
    QVERIFY(!m_view->exportPackButton()->isEnabled());

    m_document->undoStack()->undo();
    QVERIFY(!m_document->round().tender.moderationOpen());
    QVERIFY(open->isEnabled());
    QVERIFY(sheet->scoreCombo()->isEnabled());
}

void TestScoringView::exportedPackHoldsOnlyTheAssessorsScores()
{
    QVERIFY(m_view->setAssessor(kEvans));
    const QString path = m_dir->filePath(QStringLiteral("evans.ccpack"));
    m_dialogs.setNextFileName(path);
    m_view->exportPackButton()->click();
    QVERIFY2(m_dialogs.messages().size() == 1 &&
                 m_dialogs.messages().first().kind == DialogService::MessageKind::Information,
             qPrintable(m_dialogs.messages().value(0).text));
    const Result<AssessorPack> pack = readPack(path);
    QVERIFY2(pack.ok(), qPrintable(pack.errorMessage()));
    QCOMPARE(pack->assessor.name, kEvans);
    QCOMPARE(pack->bids.size(), 3);
    QCOMPARE(pack->scores.size(), 36);
    for (const IndividualScore &s : pack->scores)
        QCOMPARE(s.assessor, kEvans);
    QCOMPARE(m_document->undoStack()->count(), 0); // exporting changes nothing

    // Cancelled: no file.
    m_view->exportPackButton()->click();
    QCOMPARE(m_dialogs.messages().size(), 1);
}

void TestScoringView::importedReturnIsMergedAsOneUndoStep()
{
    // The assessor scores their pack elsewhere and sends the return back.
    const Result<AssessorPack> pack = makePack(m_document->round(), kEvans);
    QVERIFY2(pack.ok(), qPrintable(pack.errorMessage()));
    Result<PackSession> session = PackSession::start(*pack);
    QVERIFY(session.ok());
    QVERIFY(session->setScore(QStringLiteral("B3"), kEmployer, 5, QStringLiteral("Revisited")));
    const QString path = m_dir->filePath(QStringLiteral("evans.ccreturn"));
    QVERIFY(writeReturn(path, session->makeReturn()));

    QVERIFY(m_view->setAssessor(kOkafor));
    m_dialogs.setNextFileName(path);
    m_view->importReturnButton()->click();
    QCOMPARE(score(kEvans, QStringLiteral("B3"), kEmployer)->score, 5.0);
    QCOMPARE(score(kEvans, QStringLiteral("B3"), kEmployer)->comment, QStringLiteral("Revisited"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(m_dialogs.messages().size(), 1);
    QVERIFY(m_dialogs.messages().first().text.contains(QStringLiteral("1 replaced")));
    // The sheet turns to the assessor whose return it was.
    QCOMPARE(m_view->assessor(), kEvans);
    QCOMPARE(m_view->scoreSheet()->cellText(QStringLiteral("B3"), kEmployer),
             QStringLiteral("5 – Excellent"));

    m_document->undoStack()->undo();
    QCOMPARE(score(kEvans, QStringLiteral("B3"), kEmployer)->score, 3.0);

    // A damaged return is refused plainly and changes nothing.
    QFile bad(m_dir->filePath(QStringLiteral("bad.ccreturn")));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("CoCommission assessor return\nformat 1\nlength 5\nsha256 00\nhello");
    bad.close();
    m_dialogs.clearMessages();
    m_dialogs.setNextFileName(bad.fileName());
    QVERIFY(!m_view->importReturn());
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().kind, DialogService::MessageKind::Error);
    QVERIFY(!m_dialogs.messages().first().text.isEmpty());
    QCOMPARE(m_document->undoStack()->index(), 0);
}

void TestScoringView::everyControlHasAnAccessibleName()
{
    addNewcomer();
    m_view->show();
    const QList<QWidget *> widgets = m_view->findChildren<QWidget *>();
    int checked = 0;
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(m_view.get()) || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QComboBox *>(w) || qobject_cast<QPushButton *>(w) ||
            qobject_cast<QTableWidget *>(w) || qobject_cast<QPlainTextEdit *>(w)) {
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
            ++checked;
        }
    }
    QVERIFY(checked >= 6);
}

QTEST_MAIN(TestScoringView)
#include "tst_scoringview.moc"
