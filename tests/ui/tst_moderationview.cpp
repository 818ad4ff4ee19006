#include "tests/support/testsupport.h"
#include "ui/selection/moderationview.h"

#include "core/evaluation/criteria.h"
#include "core/evaluation/moderation.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/settings.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace CoCommission;

namespace {

const QString kEmployer = QStringLiteral("employer_engagement");
const QString kHealth = QStringLiteral("integration.health");

} // namespace

/**
 * The Moderation tab on the demo round (moderation open, bid B1 agreed): spreads and their flag,
 * the scores with their comments, agreement per criterion, progress, and the consensus with its
 * required rationale; and, before moderation opens, that nothing is shown.
 */
class TestModerationView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsSpreadsAndFlagsTwoPointsOrMore();
    void showsEachScoreWithItsComment();
    void showsAgreementPerCriterionAndProgress();
    void consensusStartsAtTheMean();
    void consensusWithoutRationaleIsRefused();
    void consensusIsOneUndoStep();
    void filterListsTheFlaggedCells();
    void nothingIsShownWhileScoringIsBlind();

private:
    CpaId lot() const;
    /** The row of cellTable() for \a bid and \a criterion, or -1. */
    int rowOf(const QString &bid, const QString &criterion) const;
    QString text(int row, int column) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    DialogService m_dialogs;
    std::unique_ptr<RoundDocument> m_document;
    std::unique_ptr<EditRunner> m_edits;
    std::unique_ptr<ModerationView> m_view;
};

void TestModerationView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

void TestModerationView::init()
{
    Settings::clear();
    m_dialogs.clearMessages();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    const QString path =
        TestSupport::createRoundFile(m_dir->filePath(QStringLiteral("demo.cocom")), *demo);
    QVERIFY(!path.isEmpty());
    m_document = TestSupport::openRoundFile(path);
    QVERIFY(m_document);
    QVERIFY(m_document->round().tender.moderationOpen());
    m_edits = std::make_unique<EditRunner>(&m_dialogs, nullptr);
    m_edits->setDocument(m_document.get());
    m_view = std::make_unique<ModerationView>(m_edits.get(), &m_dialogs);
    m_view->setDocument(m_document.get());
    m_view->setLot(lot());
}

void TestModerationView::cleanup()
{
    m_view.reset();
    m_edits.reset();
    m_document.reset();
    m_dir.reset();
}

CpaId TestModerationView::lot() const
{
    return m_document->round().tender.bids.first().lot;
}

int TestModerationView::rowOf(const QString &bid, const QString &criterion) const
{
    QTableWidget *table = m_view->cellTable();
    for (int row = 0; row < table->rowCount(); ++row) {
        const QTableWidgetItem *item = table->item(row, ModerationView::BidColumn);
        if (item->text() == bid && item->data(Qt::UserRole + 2).toString() == criterion)
            return row;
    }
    return -1;
}

QString TestModerationView::text(int row, int column) const
{
    const QTableWidgetItem *item = m_view->cellTable()->item(row, column);
    return item ? item->text() : QString();
}

void TestModerationView::showsSpreadsAndFlagsTwoPointsOrMore()
{
    QCOMPARE(m_view->cellTable()->rowCount(), 36); // 3 bids x 12 scored leaves

    // B3 on employer engagement: 2, 4 and 3, a spread of 2: flagged, in words and colour.
    const int flagged = rowOf(QStringLiteral("B3"), kEmployer);
    QVERIFY(flagged >= 0);
    QCOMPARE(text(flagged, ModerationView::ScoresColumn), QStringLiteral("2, 4, 3"));
    QCOMPARE(text(flagged, ModerationView::SpreadColumn), QStringLiteral("2"));
    QCOMPARE(text(flagged, ModerationView::FlagColumn), QStringLiteral("Flagged: discuss"));
    QVERIFY(m_view->cellTable()->item(flagged, ModerationView::FlagColumn)->background() !=
            QBrush());
    QCOMPARE(text(flagged, ModerationView::ProvisionalColumn), QStringLiteral("3"));
    QCOMPARE(text(flagged, ModerationView::ConsensusColumn), QStringLiteral("Not agreed"));

    // B1 on health: 5, 4 and 5, a spread of 1: not flagged; agreed in the demo.
    const int calm = rowOf(QStringLiteral("B1"), kHealth);
    QCOMPARE(text(calm, ModerationView::SpreadColumn), QStringLiteral("1"));
    QCOMPARE(text(calm, ModerationView::FlagColumn), QString());
    QVERIFY(text(calm, ModerationView::ConsensusColumn).startsWith(QStringLiteral("Agreed: ")));

    // Every flag agrees with core.
    const Tender &tender = m_document->round().tender;
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    QVERIFY(tree.ok());
    int flags = 0;
    for (const ModerationRow &row : moderationRows(tender, *tree, lot())) {
        const int r = rowOf(row.bidId, row.criterionId);
        QVERIFY(r >= 0);
        QCOMPARE(!text(r, ModerationView::FlagColumn).isEmpty(), row.flagged);
        flags += row.flagged ? 1 : 0;
    }
    QVERIFY(flags >= 1);
    QVERIFY(m_view->progressLabel()->text().contains(
        QStringLiteral("spread of 2 points or more: %1").arg(flags)));
}

void TestModerationView::showsEachScoreWithItsComment()
{
    QVERIFY(m_view->selectCell(QStringLiteral("B3"), kEmployer));
    QTableWidget *scores = m_view->scoresTable();
    QCOMPARE(scores->rowCount(), 3);
    const Tender &tender = m_document->round().tender;
    for (int row = 0; row < 3; ++row) {
        const QString assessor = scores->item(row, 0)->text();
        const IndividualScore *s = tender.score(assessor, QStringLiteral("B3"), kEmployer);
        QVERIFY2(s, qPrintable(assessor));
        QCOMPARE(scores->item(row, 2)->text(), s->comment);
        QCOMPARE(scores->item(row, 3)->text(), QStringLiteral("Counted"));
    }
    QVERIFY(m_view->cellSummaryLabel()->text().contains(QStringLiteral("Flagged")));
    QVERIFY(m_view->cellHeading()->text().contains(QStringLiteral("B3")));
}

void TestModerationView::showsAgreementPerCriterionAndProgress()
{
    const Tender &tender = m_document->round().tender;
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    const QList<InterRaterAgreement> agreement = interRaterAgreement(tender, *tree, lot());
    QTableWidget *table = m_view->agreementTable();
    QCOMPARE(table->rowCount(), int(agreement.size()));
    for (int row = 0; row < table->rowCount(); ++row)
        QCOMPARE(table->item(row, 1)->text(), agreementText(agreement[row]));
    QVERIFY(m_view->agreementTable()->isVisibleTo(m_view.get()));

    QCOMPARE(m_view->progressBar()->maximum(), 36);
    QCOMPARE(m_view->progressBar()->value(), 12); // bid B1 agreed
    QVERIFY(m_view->progressLabel()->text().contains(QStringLiteral("12 of 36")));
}

void TestModerationView::consensusStartsAtTheMean()
{
    // B2 on health: Okafor 3, Evans 2 (Patel declared a conflict): the mean is 2.5.
    QVERIFY(m_view->selectCell(QStringLiteral("B2"), kHealth));
    QCOMPARE(m_view->consensusSpin()->value(), 2.5);
    QCOMPARE(m_view->scoresTable()->rowCount(), 2);
    QVERIFY(m_view->rationaleEdit()->toPlainText().isEmpty());
    QVERIFY(m_view->cellSummaryLabel()->text().contains(QStringLiteral("2.5")));
}

void TestModerationView::consensusWithoutRationaleIsRefused()
{
    QVERIFY(m_view->selectCell(QStringLiteral("B3"), kEmployer));
    QPushButton *record = m_view->recordButton();
    QVERIFY(!record->isEnabled());
    QVERIFY(m_view->consensusHint()->text().contains(QStringLiteral("rationale is required")));
    QTest::keyClicks(m_view->rationaleEdit(), "   ");
    QVERIFY(!record->isEnabled()); // blanks are no rationale

    // Asked anyway, core refuses it: nothing is recorded and the user is told why.
    QVERIFY(!m_view->recordConsensus());
    QVERIFY(!m_document->round().tender.moderated(QStringLiteral("B3"), kEmployer));
    QCOMPARE(m_document->undoStack()->count(), 0);
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().kind, DialogService::MessageKind::Error);
    QCOMPARE(text(rowOf(QStringLiteral("B3"), kEmployer), ModerationView::ConsensusColumn),
             QStringLiteral("Not agreed"));
}

void TestModerationView::consensusIsOneUndoStep()
{
    QVERIFY(m_view->selectCell(QStringLiteral("B3"), kEmployer));
    m_view->consensusSpin()->setValue(3);
    QTest::keyClicks(m_view->rationaleEdit(), "The evidence of employer links is satisfactory.");
    QVERIFY(m_view->recordButton()->isEnabled());
    m_view->recordButton()->click();

    const ModeratedScore *agreed =
        m_document->round().tender.moderated(QStringLiteral("B3"), kEmployer);
    QVERIFY(agreed);
    QCOMPARE(agreed->score, 3.0);
    QCOMPARE(agreed->rationale, QStringLiteral("The evidence of employer links is satisfactory."));
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(text(rowOf(QStringLiteral("B3"), kEmployer), ModerationView::ConsensusColumn),
             QStringLiteral("Agreed: 3 – Satisfactory"));
    QCOMPARE(m_view->progressBar()->value(), 13);
    QVERIFY(!m_view->recordButton()->isEnabled()); // nothing changed since
    QVERIFY(m_view->removeButton()->isEnabled());

    m_document->undoStack()->undo();
    QVERIFY(!m_document->round().tender.moderated(QStringLiteral("B3"), kEmployer));
    QCOMPARE(m_view->progressBar()->value(), 12);
    QCOMPARE(text(rowOf(QStringLiteral("B3"), kEmployer), ModerationView::ConsensusColumn),
             QStringLiteral("Not agreed"));

    // Reopening an agreed cell is one step too.
    QVERIFY(m_view->selectCell(QStringLiteral("B1"), kHealth));
    QVERIFY(m_view->removeButton()->isEnabled());
    m_view->removeButton()->click();
    QVERIFY(!m_document->round().tender.moderated(QStringLiteral("B1"), kHealth));
    QCOMPARE(m_view->progressBar()->value(), 11);
}

void TestModerationView::filterListsTheFlaggedCells()
{
    m_view->setFilter(ModerationView::Filter::Flagged);
    QTableWidget *table = m_view->cellTable();
    QVERIFY(table->rowCount() >= 1);
    QVERIFY(table->rowCount() < 36);
    for (int row = 0; row < table->rowCount(); ++row)
        QCOMPARE(text(row, ModerationView::FlagColumn), QStringLiteral("Flagged: discuss"));

    m_view->setFilter(ModerationView::Filter::NotAgreed);
    QCOMPARE(table->rowCount(), 24);
    m_view->setFilter(ModerationView::Filter::All);
    QCOMPARE(table->rowCount(), 36);
}

void TestModerationView::nothingIsShownWhileScoringIsBlind()
{
    Result<Round> demo = LondonRound::demo();
    QVERIFY(demo.ok());
    demo->tender.moderationOpenedAt = QDateTime();
    demo->tender.consensus.clear();
    auto blind = TestSupport::openRoundFile(
        TestSupport::createRoundFile(m_dir->filePath(QStringLiteral("blind.cocom")), *demo));
    QVERIFY(blind);
    m_view->setDocument(blind.get());
    QVERIFY(m_view->blindLabel()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->blindLabel()->text().contains(QStringLiteral("blind")));
    QVERIFY(!m_view->cellTable()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->cellTable()->rowCount(), 0);
    QVERIFY(!m_view->agreementTable()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->recordConsensus());
    QVERIFY(blind->round().tender.consensus.isEmpty());
    m_view->setDocument(m_document.get());
    QCOMPARE(m_view->cellTable()->rowCount(), 36);
}

QTEST_MAIN(TestModerationView)
#include "tst_moderationview.moc"
