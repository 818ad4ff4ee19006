#include "tests/support/testsupport.h"
#include "ui/selection/resultsview.h"

#include "core/evaluation/criteria.h"
#include "core/evaluation/moderation.h"
#include "core/evaluation/scoring.h"
#include "core/evaluation/standstill.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/selection/awardsigndialog.h"
#include "ui/settings.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <cmath>
#include <memory>

using namespace CoCommission;

/**
 * The Results tab on the demo round: the ranking against evaluateTender(), the provisional mark,
 * the what-if price formula, sensitivity, charts, summaries, the standstill date and the award's
 * co-decision, signed through its dialog.
 */
class TestResultsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void tableShowsTheRanksAndTotalsCoreComputes();
    void resultsAreProvisionalUntilEveryScoreIsAgreed();
    void whatIfFormulaChangesTheTableNotTheAward();
    void sensitivityAndTheSmallestScoreChangeAreShown();
    void chartsHoldABarPerBid();
    void summaryIsCoresTextAndCanBeCopied();
    void standstillEndFollowsTheNoticeDate();
    void awardCannotBeSignedWhileScoresAreOpen();
    void signingThroughTheDialogRecordsASignature();
    void aCancelledSignatureRecordsNothing();

private:
    CpaId lot() const;
    QString lotName() const;
    /** Agrees every open cell of the lot at its provisional value, rounded to a level. */
    void agreeEverything();
    LotResult expected(std::optional<PriceFormula> formula = std::nullopt) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    DialogService m_dialogs;
    std::unique_ptr<RoundDocument> m_document;
    std::unique_ptr<EditRunner> m_edits;
    std::unique_ptr<ResultsView> m_view;
};

void TestResultsView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

void TestResultsView::init()
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
    m_edits = std::make_unique<EditRunner>(&m_dialogs, nullptr);
    m_edits->setDocument(m_document.get());
    m_view = std::make_unique<ResultsView>(m_edits.get(), &m_dialogs);
    m_view->setDocument(m_document.get());
    m_view->setLot(lot());
}

void TestResultsView::cleanup()
{
    if (QDialog *dialog = m_view ? m_view->signDialog() : nullptr)
        dialog->reject();
    m_view.reset();
    m_edits.reset();
    m_document.reset();
    m_dir.reset();
}

CpaId TestResultsView::lot() const
{
    return m_document->round().tender.bids.first().lot;
}

QString TestResultsView::lotName() const
{
    return m_document->round().adoptedCpa(lot())->name;
}

LotResult TestResultsView::expected(std::optional<PriceFormula> formula) const
{
    const Result<Evaluation> evaluation = evaluateTender(m_document->round(), formula);
    if (!evaluation)
        qFatal("%s", qPrintable(evaluation.errorMessage()));
    return *evaluation->lot(lotName());
}

void TestResultsView::agreeEverything()
{
    const Tender tender = m_document->round().tender;
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    QVERIFY(tree.ok());
    for (const ModerationRow &row : moderationRows(tender, *tree, lot())) {
        if (row.isAgreed())
            continue;
        QVERIFY(row.provisional);
        const ModeratedScore agreed{row.bidId,
                                    row.criterionId,
                                    std::round(*row.provisional),
                                    QStringLiteral("Agreed at the moderation meeting"),
                                    {}};
        QVERIFY(m_document->setConsensus(row.bidId, row.criterionId, agreed));
    }
}

void TestResultsView::tableShowsTheRanksAndTotalsCoreComputes()
{
    const LotResult result = expected();
    QTableWidget *table = m_view->resultsTable();
    QCOMPARE(table->rowCount(), int(result.bids.size()));
    QCOMPARE(table->rowCount(), 3);
    const QLocale locale = QLocale();
    for (int row = 0; row < table->rowCount(); ++row) {
        const BidResult &b = result.bids[row];
        QCOMPARE(table->item(row, ResultsView::BidColumn)->text(), b.bidId);
        QCOMPARE(table->item(row, ResultsView::BidderColumn)->text(), b.bidder);
        QVERIFY(
            table->item(row, ResultsView::RankColumn)->text().startsWith(QString::number(b.rank)));
        QCOMPARE(locale.toDouble(table->item(row, ResultsView::TotalColumn)->text()),
                 std::round(b.total * 100) / 100);
        QCOMPARE(locale.toDouble(table->item(row, ResultsView::PriceMarksColumn)->text()),
                 std::round(b.priceMarks * 100) / 100);
        QCOMPARE(locale.toDouble(table->item(row, ResultsView::QualityColumn)->text()),
                 std::round(b.quality * 100) / 100);
    }
    QCOMPARE(table->item(0, ResultsView::RankColumn)->text(), QStringLiteral("1"));
    QVERIFY(result.winner);
    QVERIFY(m_view->headlineLabel()->text().contains(*result.winner));
    QVERIFY(result.winningMargin);
    QVERIFY(m_view->headlineLabel()->text().contains(
        QLocale().toString(*result.winningMargin, 'f', 2)));
}

void TestResultsView::resultsAreProvisionalUntilEveryScoreIsAgreed()
{
    QVERIFY(m_view->provisionalNotice()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->provisionalNotice()->text().contains(QStringLiteral("24 of the 36")));
    QVERIFY(m_view->headlineLabel()->text().startsWith(QStringLiteral("Provisionally")));
    QVERIFY(m_view->resultsTable()
                ->item(0, ResultsView::StatusColumn)
                ->text()
                .contains(QStringLiteral("provisional")));

    agreeEverything();
    QVERIFY(!m_view->provisionalNotice()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->headlineLabel()->text().startsWith(QStringLiteral("Ranked first")));
    // The table follows the agreed scores.
    const LotResult result = expected();
    QCOMPARE(m_view->resultsTable()->item(0, ResultsView::BidColumn)->text(),
             result.bids.first().bidId);
}

void TestResultsView::whatIfFormulaChangesTheTableNotTheAward()
{
    QComboBox *formula = m_view->formulaCombo();
    QCOMPARE(formula->count(), 2);
    QVERIFY(formula->currentText().startsWith(QStringLiteral("As published")));
    QVERIFY(!m_view->whatIfNotice()->isVisibleTo(m_view.get()));

    m_view->setPriceFormula(PriceFormula::Linear);
    QVERIFY(m_view->whatIfNotice()->isVisibleTo(m_view.get()));
    const LotResult linear = expected(PriceFormula::Linear);
    const LotResult published = expected();
    QTableWidget *table = m_view->resultsTable();
    bool differs = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        const BidResult &b = linear.bids[row];
        QCOMPARE(table->item(row, ResultsView::BidColumn)->text(), b.bidId);
        QCOMPARE(QLocale().toDouble(table->item(row, ResultsView::PriceMarksColumn)->text()),
                 std::round(b.priceMarks * 100) / 100);
        differs = differs || std::abs(b.priceMarks - published.bid(b.bidId)->priceMarks) > 0.01;
    }
    QVERIFY(differs); // the two formulas give different price marks here
    // Nothing changed in the round.
    QCOMPARE(m_document->round().tender.priceFormula, PriceFormula::LowestRatio);
    QCOMPARE(m_document->undoStack()->count(), 0);

    m_view->setPriceFormula(std::nullopt);
    QVERIFY(!m_view->whatIfNotice()->isVisibleTo(m_view.get()));
}

void TestResultsView::sensitivityAndTheSmallestScoreChangeAreShown()
{
    const LotResult result = expected();
    QTableWidget *table = m_view->sensitivityTable();
    QCOMPARE(table->rowCount(), int(result.sensitivity.size()));
    QVERIFY(table->rowCount() > 0);
    const QLocale locale;
    for (int row = 0; row < table->rowCount(); ++row) {
        const CriterionSensitivity &s = result.sensitivity[row];
        QString from = table->item(row, 2)->text();
        QString to = table->item(row, 3)->text();
        from.chop(1); // "%"
        to.chop(1);
        QCOMPARE(locale.toDouble(from), std::round(s.stableFrom * 10) / 10);
        QCOMPARE(locale.toDouble(to), std::round(s.stableTo * 10) / 10);
    }
    QVERIFY(result.smallestScoreChange);
    const QString words = m_view->scoreChangeLabel()->text();
    QVERIFY2(words.contains(result.smallestScoreChange->bidId), qPrintable(words));
    QVERIFY2(words.contains(QStringLiteral("smallest single change")), qPrintable(words));
}

void TestResultsView::chartsHoldABarPerBid()
{
    const Tender &tender = m_document->round().tender;
    const Result<CriteriaTree> tree = CriteriaTree::fromList(tender.criteria);
    QChart *marks = m_view->marksChartView()->chart();
    QCOMPARE(marks->series().size(), 1);
    int topLevel = 0;
    for (const QString &id : tree->children(QString()))
        topLevel += tree->carriesMarks(id) ? 1 : 0;
    // One set per top-level criterion that carries marks, one bar per ranked bid.
    auto *stacked = qobject_cast<QAbstractBarSeries *>(marks->series().first());
    QVERIFY(stacked);
    QCOMPARE(stacked->count(), topLevel);
    QCOMPARE(stacked->barSets().first()->count(), 3);
    // The stacks add up to each bid's total (best bid last: the top of the chart).
    const LotResult result = expected();
    for (int bar = 0; bar < 3; ++bar) {
        double sum = 0;
        for (const QBarSet *set : stacked->barSets())
            sum += set->at(bar);
        QVERIFY(std::abs(sum - result.bids[2 - bar].total) < 1e-6);
    }
    QCOMPARE(m_view->valueChartView()->chart()->series().size(), 3);
    QCOMPARE(m_view->scoresChartView()->chart()->series().size(), 1);
}

void TestResultsView::summaryIsCoresTextAndCanBeCopied()
{
    QVERIFY(m_view->showSummary(QStringLiteral("B2")));
    const Result<Evaluation> evaluation = evaluateTender(m_document->round());
    const Result<AssessmentSummary> summary =
        assessmentSummary(m_document->round(), *evaluation, QStringLiteral("B2"));
    QVERIFY(summary.ok());
    QCOMPARE(m_view->summaryText()->toPlainText(), summaryText(*summary));
    QVERIFY(m_view->summaryText()->isReadOnly());
    m_view->copySummaryButton()->click();
    QCOMPARE(QGuiApplication::clipboard()->text(), summaryText(*summary));
    QVERIFY(!m_view->showSummary(QStringLiteral("B9")));
}

void TestResultsView::standstillEndFollowsTheNoticeDate()
{
    // Notice on Monday 21 December 2026: Christmas, Boxing Day (substitute on Monday 28) and New
    // Year's Day are skipped.
    const QDate notice(2026, 12, 21);
    m_view->setAwardNoticeDate(notice);
    const QDate end = Standstill::standstillEnd(notice);
    QVERIFY(end.isValid());
    QVERIFY(end > notice.addDays(8));
    QVERIFY2(m_view->standstillLabel()->text().contains(
                 QLocale().toString(end, QStringLiteral("dddd d MMMM yyyy"))),
             qPrintable(m_view->standstillLabel()->text()));
    m_view->noticeDateEdit()->setDate(QDate(2026, 6, 1));
    QVERIFY(m_view->standstillLabel()->text().contains(QLocale().toString(
        Standstill::standstillEnd(QDate(2026, 6, 1)), QStringLiteral("dddd d MMMM yyyy"))));
}

void TestResultsView::awardCannotBeSignedWhileScoresAreOpen()
{
    const QStringList parties = m_document->awardParties(lot());
    QVERIFY(parties.size() >= 2);
    QCOMPARE(parties.first(), QStringLiteral("DWP"));
    for (const QString &party : parties) {
        QPushButton *sign = m_view->signButton(party);
        QVERIFY2(sign, qPrintable(party));
        QVERIFY(!sign->isEnabled());
        QVERIFY(sign->toolTip().contains(QStringLiteral("agreed consensus")));
    }
    QVERIFY(!m_view->signAward(QStringLiteral("DWP")));
    QVERIFY(!m_view->signDialog());
    QVERIFY(m_view->awardStatusLabel()->text().contains(QStringLiteral("12 of 36")));
}

void TestResultsView::signingThroughTheDialogRecordsASignature()
{
    agreeEverything();
    const LotResult result = expected();
    QVERIFY(result.winner);
    QPushButton *sign = m_view->signButton(QStringLiteral("DWP"));
    QVERIFY(sign);
    QVERIFY(sign->isEnabled());
    sign->click();
    auto *dialog = qobject_cast<AwardSignDialog *>(m_view->signDialog());
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->signButton()->isEnabled());
    QTest::keyClicks(dialog->nameEdit(), "Pat Signer");
    QTest::keyClicks(dialog->roleEdit(), "Contract manager");
    QVERIFY(!dialog->signButton()->isEnabled()); // the rationale is required too
    QTest::keyClicks(dialog->rationaleEdit(), "Highest score on the published criteria.");
    QVERIFY(dialog->signButton()->isEnabled());

    m_dialogs.setNextAnswer(true); // "A signature is final": confirmed
    dialog->signButton()->click();
    QTRY_VERIFY(!m_view->signDialog());

    const QList<AwardSignature> signatures = m_document->round().tender.signaturesFor(lot());
    QCOMPARE(signatures.size(), 1);
    QCOMPARE(signatures.first().party, QStringLiteral("DWP"));
    QCOMPARE(signatures.first().name, QStringLiteral("Pat Signer"));
    QCOMPARE(signatures.first().role, QStringLiteral("Contract manager"));
    QCOMPARE(signatures.first().winner, *result.winner);
    QVERIFY(!m_view->signButton(QStringLiteral("DWP")));
    QVERIFY(m_view->partyStatus(QStringLiteral("DWP")).startsWith(QStringLiteral("Signed by Pat")));
    // Final: not an undo step.
    QCOMPARE(m_document->undoStack()->count(), 0);
    // The other party can still sign.
    const QString other = m_document->awardParties(lot()).at(1);
    QVERIFY(m_view->signButton(other));
    QVERIFY(m_view->signButton(other)->isEnabled());
    QVERIFY(m_view->awardStatusLabel()->text().contains(QStringLiteral("1 of")));
}

void TestResultsView::aCancelledSignatureRecordsNothing()
{
    agreeEverything();
    // Cancelled in the dialog.
    m_view->signButton(QStringLiteral("DWP"))->click();
    QVERIFY(m_view->signDialog());
    m_view->signDialog()->reject();
    QTRY_VERIFY(!m_view->signDialog());
    QVERIFY(m_document->round().tender.awardSignatures.isEmpty());

    // Filled in, but "a signature is final" not confirmed.
    QVERIFY(!m_view->recordSignature(QStringLiteral("DWP"), QStringLiteral("Pat Signer"),
                                     QStringLiteral("Role"), QStringLiteral("Reason")));
    QVERIFY(m_document->round().tender.awardSignatures.isEmpty());
    QVERIFY(m_view->signButton(QStringLiteral("DWP")));
}

QTEST_MAIN(TestResultsView)
#include "tst_resultsview.moc"
