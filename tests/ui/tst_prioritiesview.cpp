#include "tests/support/testsupport.h"
#include "ui/priorities/prioritiesview.h"

#include "core/priorities/jointranking.h"
#include "core/priorities/priorityagreement.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/mainwindow.h"
#include "ui/noticebox.h"
#include "ui/settings.h"
#include "ui/stagepage.h"
#include "ui/uiutil.h"

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFocusEvent>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>
#include <memory>

using namespace CoCommission;

class TestPrioritiesView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsTheAdoptedPlansCpasAndPartners();
    void noAdoptedPlanIsSaidPlainly();

    // Rankings.
    void movingAGroupRecordsTheRankingAndUndoRestores();
    void altUpAndAltDownMoveTheSelectedGroup();
    void reorderingTheListRecordsTheRanking();
    void recordingTheShownOrderAndClearingAreUndoable();

    // Agreement.
    void jointRankingShowsTheBordaResultWithTiesMarked();
    void tauIsShownForThePairWithItsReading();

    // Decision.
    void decisionRequiresRationale();
    void decisionStartsFromTheJointRankingAndCanBeReordered();
    void aDecisionCanBeReplacedAndRemoved();

    // Priority places.
    void topQuartilePicksTheExpectedAuthorities();
    void placesTickedByHandAreSavedAsOneStep();

    // States and access.
    void frozenPrioritiesDisableEveryEditingControl();
    void readOnlyRoundDisablesEditing();
    void everyControlHasAnAccessibleName();
    void tabOrderFollowsThePage();
    void reachingAControlByItsMnemonicScrollsToIt();
    void focusDoesNotFallOnRemoveAfterRecording();
    void shownOnThePrioritiesStageOnly();

    // The catalogue of priority groups and the points-sum method.
    void addingAGroupThroughTheViewIsOneUndoStep();
    void groupsAreFixedOnceARankingExistsButCanBeRenamed();
    void pointsSumFollowsThePointsEnteredForTwoPartners();
    void frozenStageDisablesTheMethodAndTheCatalogue();

private:
    QString createRound(const QString &name, Round round);
    std::unique_ptr<RoundDocument> openDocument(const QString &path);
    QStringList keys() const;
    CpaId firstCpa() const;
    std::optional<QStringList> ranking(const QString &partner) const;
    static QStringList listKeys(const QListWidget *list);
    static int checkedCount(const QTableWidget *table);
    /** Signs stage 1, decides every CPA and marks stage 2 ready for sign-off. */
    void freezePriorities();
    /** Types \a points into \a key's points editor and presses Enter, as a user would. */
    void typePoints(const QString &key, const QString &points);
    /** The group at the top of the joint ranking table. */
    QString jointWinner() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_roundPath;
    DialogService m_dialogs;
    std::unique_ptr<RoundDocument> m_document;
    std::unique_ptr<EditRunner> m_edits;
    std::unique_ptr<PrioritiesView> m_view;
};

void TestPrioritiesView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

void TestPrioritiesView::init()
{
    Settings::clear();
    m_dialogs.clearMessages();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    // The demo round has no rankings: each test records what it needs.
    QVERIFY(demo->rankings.isEmpty());
    m_roundPath = createRound(QStringLiteral("demo copy.cocom"), *demo);
    QVERIFY(!m_roundPath.isEmpty());
    m_document = openDocument(m_roundPath);
    QVERIFY(m_document);
    m_edits = std::make_unique<EditRunner>(&m_dialogs, nullptr);
    m_edits->setDocument(m_document.get());
    m_view = std::make_unique<PrioritiesView>(m_edits.get(), &m_dialogs);
    m_view->setDocument(m_document.get());
}

void TestPrioritiesView::cleanup()
{
    m_view.reset();
    m_edits.reset();
    m_document.reset();
    m_dir.reset();
}

QString TestPrioritiesView::createRound(const QString &name, Round round)
{
    return TestSupport::createRoundFile(m_dir->filePath(name), round);
}

std::unique_ptr<RoundDocument> TestPrioritiesView::openDocument(const QString &path)
{
    return TestSupport::openRoundFile(path);
}

QStringList TestPrioritiesView::keys() const
{
    QStringList result;
    for (const PriorityGroup &g : m_document->round().priorityGroups)
        result.append(g.key);
    return result;
}

CpaId TestPrioritiesView::firstCpa() const
{
    return m_document->round().adoptedPlan()->cpas.first().id;
}

std::optional<QStringList> TestPrioritiesView::ranking(const QString &partner) const
{
    for (const PartnerRankingRecord &r : m_document->round().rankings) {
        if (r.cpa == firstCpa() && r.partner == partner)
            return r.order;
    }
    return std::nullopt;
}

QStringList TestPrioritiesView::listKeys(const QListWidget *list)
{
    QStringList result;
    for (int row = 0; row < list->count(); ++row)
        result.append(list->item(row)->data(Qt::UserRole + 1).toString());
    return result;
}

int TestPrioritiesView::checkedCount(const QTableWidget *table)
{
    int count = 0;
    for (int row = 0; row < table->rowCount(); ++row)
        count += table->item(row, 0)->checkState() == Qt::Checked ? 1 : 0;
    return count;
}

void TestPrioritiesView::freezePriorities()
{
    QVERIFY(m_document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    for (SignOffParty party :
         StageRules::requiredParties(m_document->round().model, StageId::Needs))
        QVERIFY(m_document->signOff(StageId::Needs, party, "N", "R", "Agreed"));
    for (const Cpa &cpa : m_document->round().adoptedPlan()->cpas)
        QVERIFY(
            m_document->setPriorityDecision(cpa.id, PriorityDecision{{}, keys(), "Agreed", {}}));
    QVERIFY(m_document->setStageStatus(StageId::Priorities, StageStatus::ReadyForSignOff));
}

void TestPrioritiesView::showsTheAdoptedPlansCpasAndPartners()
{
    const CpaPlan *plan = m_document->round().adoptedPlan();
    QCOMPARE(m_view->cpaCombo()->count(), int(plan->cpas.size()));
    QCOMPARE(m_view->cpa(), firstCpa());
    QVERIFY(m_view->cpaCombo()->currentText().startsWith(plan->cpas.first().name));
    QVERIFY(!m_view->noPlanLabel()->isVisibleTo(m_view.get()));

    // Unranked partners are shown as such, in the list and in words.
    QComboBox *partners = m_view->partnerCombo();
    QCOMPARE(partners->count(), 2);
    QCOMPARE(partners->itemData(0).toString(), QStringLiteral("DWP"));
    QCOMPARE(partners->itemText(0), QStringLiteral("DWP (not ranked yet)"));
    QCOMPARE(partners->itemData(1).toString(), QStringLiteral("Central London Forward"));
    QVERIFY(m_view->rankingStatusLabel()->text().contains("has not ranked"));
    QCOMPARE(listKeys(m_view->rankingList()), keys()); // the catalogue's order
    QVERIFY(m_view->rankingList()->item(0)->text().startsWith("1. "));
    QVERIFY(m_view->rankedByLabel()->text().contains("No partner has ranked"));
    QVERIFY(!m_view->jointTable()->isVisibleTo(m_view.get()));

    QVERIFY(m_view->setCpa(plan->cpas.last().id));
    QCOMPARE(m_view->partnerCombo()->itemData(1).toString(), plan->cpas.last().name);
}

void TestPrioritiesView::noAdoptedPlanIsSaidPlainly()
{
    const Result<Round> blank = LondonRound::blank(QStringLiteral("No plan"));
    QVERIFY(blank.ok());
    QVERIFY(!blank->adoptedPlan());
    auto document = openDocument(createRound(QStringLiteral("blank.cocom"), *blank));
    QVERIFY(document);
    m_view->setDocument(document.get());
    QVERIFY(m_view->noPlanLabel()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->noPlanLabel()->text().contains("No CPA plan is adopted"));
    QVERIFY(!m_view->cpaCombo()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->rankingList()->isVisibleTo(m_view.get()));
    // Priority places do not need a plan.
    QVERIFY(m_view->placesTable()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->placesTable()->rowCount(), int(blank->authorities.size()));
    m_view->setDocument(m_document.get());
}

void TestPrioritiesView::movingAGroupRecordsTheRankingAndUndoRestores()
{
    QVERIFY(m_view->setPartner("DWP"));
    QListWidget *list = m_view->rankingList();
    list->setCurrentRow(2);
    QVERIFY(m_view->rankUpButton()->isEnabled());
    m_view->rankUpButton()->click();

    QStringList expected = keys();
    expected.move(2, 1);
    QCOMPARE(ranking("DWP"), expected);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QCOMPARE(listKeys(list), expected);
    QCOMPARE(list->currentRow(), 1); // the moved group stays selected
    QVERIFY(list->item(1)->text().startsWith("2. "));
    QCOMPARE(m_view->partnerCombo()->itemText(0), QStringLiteral("DWP"));
    QVERIFY(m_dialogs.messages().isEmpty());

    m_view->rankDownButton()->click();
    m_view->rankDownButton()->click();
    expected.move(1, 3);
    QCOMPARE(ranking("DWP"), expected);
    QCOMPARE(m_document->undoStack()->count(), 3); // one step per move

    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    expected.move(3, 1);
    QCOMPARE(ranking("DWP"), expected);
    QCOMPARE(listKeys(list), expected);
    m_document->undoStack()->undo();
    QCOMPARE(ranking("DWP"), std::nullopt); // not ranked again, not an empty ranking
    QCOMPARE(listKeys(list), keys());
    QCOMPARE(m_view->partnerCombo()->itemText(0), QStringLiteral("DWP (not ranked yet)"));
    m_document->undoStack()->redo();
    expected.move(1, 3);
    expected.move(3, 1);
    QCOMPARE(ranking("DWP"), expected);
}

void TestPrioritiesView::altUpAndAltDownMoveTheSelectedGroup()
{
    QListWidget *list = m_view->rankingList();
    list->setCurrentRow(4);
    QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
    QStringList expected = keys();
    expected.move(4, 3);
    QCOMPARE(ranking("DWP"), expected);
    QCOMPARE(list->currentRow(), 3);
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    expected.move(3, 5);
    QCOMPARE(ranking("DWP"), expected);
    QCOMPARE(m_document->undoStack()->count(), 3);

    // The first group cannot go higher: nothing is recorded.
    list->setCurrentRow(0);
    QVERIFY(!m_view->rankUpButton()->isEnabled());
    QTest::keyClick(list, Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_document->undoStack()->count(), 3);
    // Plain arrows still move the selection.
    QTest::keyClick(list, Qt::Key_Down);
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(m_document->undoStack()->count(), 3);
}

void TestPrioritiesView::reorderingTheListRecordsTheRanking()
{
    // What a drag and drop inside the list does to its rows.
    QListWidget *list = m_view->rankingList();
    const QString moved = keys().at(6);
    QVERIFY(list->model()->moveRow(QModelIndex(), 6, QModelIndex(), 0));
    QTRY_VERIFY(ranking("DWP").has_value());
    QStringList expected = keys();
    expected.move(6, 0);
    QCOMPARE(ranking("DWP"), expected);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(list->item(0)->text().startsWith("1. ")); // renumbered
    QCOMPARE(listKeys(list).first(), moved);
}

void TestPrioritiesView::recordingTheShownOrderAndClearingAreUndoable()
{
    QVERIFY(m_view->setPartner("Central London Forward"));
    QVERIFY(!m_view->clearRankingButton()->isEnabled());
    QVERIFY(m_view->recordOrderButton()->isEnabled());
    m_view->recordOrderButton()->click();
    QCOMPARE(ranking("Central London Forward"), keys());
    QVERIFY(!m_view->recordOrderButton()->isEnabled());
    QVERIFY(m_view->clearRankingButton()->isEnabled());

    m_view->clearRankingButton()->click();
    QCOMPARE(ranking("Central London Forward"), std::nullopt);
    QCOMPARE(m_document->undoStack()->count(), 2);
    m_document->undoStack()->undo();
    QCOMPARE(ranking("Central London Forward"), keys());
    QVERIFY(m_view->clearRankingButton()->isEnabled());
}

void TestPrioritiesView::jointRankingShowsTheBordaResultWithTiesMarked()
{
    // DWP ranks in catalogue order, the partnership swaps the first two: they tie at the top,
    // each with 9 + 8 = 17 points.
    QStringList swapped = keys();
    swapped.swapItemsAt(0, 1);
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "DWP", keys()));
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "Central London Forward", swapped));

    QVERIFY(m_view->methodLabel()->text().contains("Borda count"));
    QVERIFY(m_view->rankedByLabel()->text().contains("every partner"));
    QTableWidget *table = m_view->jointTable();
    QVERIFY(table->isVisibleTo(m_view.get()));
    QCOMPARE(table->rowCount(), int(keys().size()));
    QStringList headers;
    for (int column = 0; column < table->columnCount(); ++column)
        headers.append(table->horizontalHeaderItem(column)->text());
    QCOMPARE(headers, (QStringList{"Rank", "Priority group", "Borda score", "DWP",
                                   "Central London Forward", "Best rank", "Worst rank", "Spread"}));

    const QString first = m_document->round().priorityGroups.at(0).name;
    const QString second = m_document->round().priorityGroups.at(1).name;
    const QStringList tiedGroups{table->item(0, 1)->text(), table->item(1, 1)->text()};
    QVERIFY(tiedGroups.contains(first));
    QVERIFY(tiedGroups.contains(second));
    for (int row : {0, 1}) {
        QCOMPARE(table->item(row, 0)->text(), QStringLiteral("1 (tied)"));
        QCOMPARE(table->item(row, 2)->text(), QStringLiteral("17"));
        QCOMPARE(table->item(row, 5)->text(), QStringLiteral("1")); // best
        QCOMPARE(table->item(row, 6)->text(), QStringLiteral("2")); // worst
        QCOMPARE(table->item(row, 7)->text(), QStringLiteral("1")); // spread
    }
    QCOMPARE(table->item(2, 0)->text(), QStringLiteral("3"));
    QCOMPARE(table->item(2, 2)->text(), QStringLiteral("14"));
    QCOMPARE(table->item(9, 2)->text(), QStringLiteral("0"));
    // Each partner's own rank of the group.
    const int dwpRankOfFirst = table->item(0, 1)->text() == first ? 1 : 2;
    QCOMPARE(table->item(0, 3)->text(), QString::number(dwpRankOfFirst));
    QCOMPARE(table->item(0, 4)->text(), QString::number(3 - dwpRankOfFirst));

    QVERIFY(m_view->tiesLabel()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->tiesLabel()->text().contains("tied"));
    QVERIFY(m_view->widestSpreadLabel()->text().contains(first));
    QVERIFY(m_view->widestSpreadLabel()->text().contains(second));

    // Without ties, nothing says "tied".
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "Central London Forward", keys()));
    for (int row = 0; row < table->rowCount(); ++row)
        QVERIFY(!table->item(row, 0)->text().contains("tied"));
    QVERIFY(!m_view->tiesLabel()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->widestSpreadLabel()->text().contains("same rank"));
}

void TestPrioritiesView::tauIsShownForThePairWithItsReading()
{
    QStringList swapped = keys();
    swapped.swapItemsAt(0, 1);
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "DWP", keys()));
    // One partner only: no pair yet.
    QVERIFY(!m_view->agreementTable()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->rankedByLabel()->text().contains("not yet by Central London Forward"));

    QVERIFY(m_document->setPartnerRanking(firstCpa(), "Central London Forward", swapped));
    QTableWidget *table = m_view->agreementTable();
    QVERIFY(table->isVisibleTo(m_view.get()));
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("DWP and Central London Forward"));
    // 44 of the 45 pairs of groups in the same order: tau = 43 / 45.
    QCOMPARE(table->item(0, 1)->text(), UiUtil::numberLocale().toString(43.0 / 45, 'f', 2));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("strong agreement"));

    QStringList reversed = keys();
    std::reverse(reversed.begin(), reversed.end());
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "Central London Forward", reversed));
    QCOMPARE(table->item(0, 1)->text(), UiUtil::numberLocale().toString(-1.0, 'f', 2));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("strongly disagree"));
    QCOMPARE(m_view->findChild<QLabel *>("bandsLabel")->text(),
             PriorityAgreement::bandsExplained());
}

void TestPrioritiesView::decisionRequiresRationale()
{
    QPushButton *record = m_view->recordDecisionButton();
    QVERIFY(m_view->decisionStatusLabel()->text().contains("No decision"));
    QVERIFY(!record->isEnabled());
    QVERIFY(m_view->decisionHintLabel()->text().contains("rationale"));
    QTest::keyClicks(m_view->rationaleEdit(), "   ");
    QVERIFY(!record->isEnabled()); // blanks are no rationale

    m_view->rationaleEdit()->clear();
    QTest::keyClicks(m_view->rationaleEdit(), "Agreed at the March board");
    QVERIFY(record->isEnabled());
    record->click();
    const auto &decisions = m_document->round().decisions;
    QCOMPARE(decisions.size(), 1);
    QCOMPARE(decisions.first().cpa, firstCpa());
    QCOMPARE(decisions.first().order, listKeys(m_view->decisionList()));
    QCOMPARE(decisions.first().rationale, QStringLiteral("Agreed at the March board"));
    QVERIFY(m_view->decisionStatusLabel()->text().startsWith("Decided on"));
    QCOMPARE(record->text(), QStringLiteral("Replace &decision"));
    QVERIFY(!record->isEnabled()); // nothing changed since
    QVERIFY(m_view->cpaCombo()->currentText().contains("(decided)"));

    m_document->undoStack()->undo();
    QVERIFY(m_document->round().decisions.isEmpty());
    QVERIFY(m_view->decisionStatusLabel()->text().contains("No decision"));
    QVERIFY(m_view->rationaleEdit()->toPlainText().isEmpty());
    QVERIFY(!record->isEnabled());
}

void TestPrioritiesView::decisionStartsFromTheJointRankingAndCanBeReordered()
{
    QStringList dwp = keys();
    std::reverse(dwp.begin(), dwp.end());
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "DWP", dwp));
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "Central London Forward", dwp));
    // With one order from both, the joint ranking is that order, and the draft starts there.
    QListWidget *list = m_view->decisionList();
    QCOMPARE(listKeys(list), dwp);
    QVERIFY(!m_view->useJointButton()->isEnabled());

    list->setCurrentRow(0);
    m_view->decisionDownButton()->click();
    QTest::keyClick(list, Qt::Key_Down, Qt::AltModifier);
    QStringList expected = dwp;
    expected.move(0, 2);
    QCOMPARE(listKeys(list), expected);
    QCOMPARE(m_document->undoStack()->count(), 0); // a draft until recorded
    QVERIFY(m_view->useJointButton()->isEnabled());

    // The draft survives a change elsewhere in the round.
    QVERIFY(m_document->setPriorityPlaces({"E09000030"}));
    QCOMPARE(listKeys(list), expected);

    m_view->useJointButton()->click();
    QCOMPARE(listKeys(list), dwp);
    QTest::keyClicks(m_view->rationaleEdit(), "As both partners ranked");
    m_view->recordDecisionButton()->click();
    QCOMPARE(m_document->round().decisions.first().order, dwp);
}

void TestPrioritiesView::aDecisionCanBeReplacedAndRemoved()
{
    QVERIFY(m_document->setPriorityDecision(firstCpa(),
                                            PriorityDecision{{}, keys(), "First view", {}}));
    QCOMPARE(listKeys(m_view->decisionList()), keys());
    QCOMPARE(m_view->rationaleEdit()->toPlainText(), QStringLiteral("First view"));
    QVERIFY(m_view->removeDecisionButton()->isEnabled());

    m_view->decisionList()->setCurrentRow(9);
    m_view->decisionUpButton()->click();
    QVERIFY(m_view->recordDecisionButton()->isEnabled());
    QCOMPARE(m_view->recordDecisionButton()->text(), QStringLiteral("Replace &decision"));
    m_view->recordDecisionButton()->click();
    QStringList expected = keys();
    expected.move(9, 8);
    QCOMPARE(m_document->round().decisions.first().order, expected);
    QCOMPARE(m_document->round().decisions.first().rationale, QStringLiteral("First view"));

    m_view->removeDecisionButton()->click();
    QVERIFY(m_document->round().decisions.isEmpty());
    QCOMPARE(m_document->undoStack()->count(), 2);
    m_document->undoStack()->undo();
    QCOMPARE(m_document->round().decisions.first().order, expected);
    QCOMPARE(listKeys(m_view->decisionList()), expected);
}

void TestPrioritiesView::topQuartilePicksTheExpectedAuthorities()
{
    // Known figures: the i-th authority has 10 × (i + 1) claimants, except that the 24th has
    // as many as the 25th. The 75th percentile of the 33 is the 25th smallest, 250; "at or
    // above" takes both authorities with 250, so ten are picked.
    Result<Round> round = LondonRound::demo();
    QVERIFY(round.ok());
    NeedsDataset &figures = round->datasets.first();
    figures.observations.clear();
    QStringList expected;
    for (int i = 0; i < int(round->authorities.size()); ++i) {
        const QString code = round->authorities.at(i).gssCode;
        figures.observations.append({code, QStringLiteral("claimant_count"),
                                     QStringLiteral("2024-05"), 10.0 * (i == 23 ? 25 : i + 1)});
        if (i >= 23)
            expected.append(code);
    }
    auto document = openDocument(createRound(QStringLiteral("known.cocom"), *round));
    QVERIFY(document);
    m_edits->setDocument(document.get());
    m_view->setDocument(document.get());
    QVERIFY(m_view->setPlacesIndicator(QStringLiteral("claimant_count")));
    QCOMPARE(m_view->placesDateCombo()->currentData().toString(), QStringLiteral("2024-05"));

    m_view->pickTopQuartileButton()->click();
    QCOMPARE(m_view->checkedPlaces(), expected);
    QCOMPARE(checkedCount(m_view->placesTable()), 10);
    QVERIFY(m_view->proposalLabel()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->proposalLabel()->text().contains("10 of 33 authorities"));
    QVERIFY(m_view->proposalLabel()->text().contains("250"));
    // A proposal, not yet a decision.
    QVERIFY(document->round().priorityPlaces.isEmpty());
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY(m_view->placesStatusLabel()->text().contains("10 to add"));

    QVERIFY(m_view->savePlacesButton()->isEnabled());
    m_view->savePlacesButton()->click();
    QCOMPARE(document->round().priorityPlaces, expected);
    QCOMPARE(document->undoStack()->count(), 1);
    QVERIFY(!m_view->savePlacesButton()->isEnabled());
    QVERIFY(!m_view->proposalLabel()->isVisibleTo(m_view.get()));

    document->undoStack()->undo();
    QVERIFY(document->round().priorityPlaces.isEmpty());
    QCOMPARE(checkedCount(m_view->placesTable()), 0);
    m_view->setDocument(m_document.get());
    m_edits->setDocument(m_document.get());
}

void TestPrioritiesView::placesTickedByHandAreSavedAsOneStep()
{
    QTableWidget *table = m_view->placesTable();
    QVERIFY(!m_view->savePlacesButton()->isEnabled());
    QStringList ticked;
    for (int row : {0, 5}) {
        table->item(row, 0)->setCheckState(Qt::Checked);
        ticked.append(table->item(row, 1)->text());
    }
    QCOMPARE(table->item(0, 3)->text(), QStringLiteral("To add (not saved)"));
    QVERIFY(m_view->savePlacesButton()->isEnabled());
    QVERIFY(m_view->revertPlacesButton()->isEnabled());
    m_view->savePlacesButton()->click();
    QStringList recorded = m_document->round().priorityPlaces;
    std::sort(recorded.begin(), recorded.end());
    std::sort(ticked.begin(), ticked.end());
    QCOMPARE(recorded, ticked);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(m_view->placesStatusLabel()->text().contains("Priority places recorded: 2."));

    // A change not saved can be reverted.
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->checkState() == Qt::Checked) {
            table->item(row, 0)->setCheckState(Qt::Unchecked);
            QCOMPARE(table->item(row, 3)->text(), QStringLiteral("To remove (not saved)"));
            break;
        }
    }
    QCOMPARE(checkedCount(table), 1);
    // Space ticks the current row, whichever cell of it is current.
    table->setCurrentCell(7, 2);
    const bool wasTicked = table->item(7, 0)->checkState() == Qt::Checked;
    QTest::keyClick(table, Qt::Key_Space);
    QCOMPARE(table->item(7, 0)->checkState() == Qt::Checked, !wasTicked);
    QCOMPARE(checkedCount(table), wasTicked ? 0 : 2);
    m_view->revertPlacesButton()->click();
    QCOMPARE(checkedCount(table), 2);
    QVERIFY(!m_view->savePlacesButton()->isEnabled());
    QCOMPARE(m_document->undoStack()->count(), 1);
}

void TestPrioritiesView::frozenPrioritiesDisableEveryEditingControl()
{
    QVERIFY(m_document->setPartnerRanking(firstCpa(), "DWP", keys()));
    QVERIFY(!m_view->frozenNotice()->isVisibleTo(m_view.get()));
    freezePriorities();
    if (QTest::currentTestFailed())
        return;
    const QString why = m_document->whyPrioritiesFrozen();
    QVERIFY(!why.isEmpty());
    QVERIFY(m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->frozenNotice()->text(), why);

    for (QPushButton *button :
         {m_view->rankUpButton(), m_view->rankDownButton(), m_view->recordOrderButton(),
          m_view->clearRankingButton(), m_view->decisionUpButton(), m_view->decisionDownButton(),
          m_view->useJointButton(), m_view->recordDecisionButton(), m_view->removeDecisionButton(),
          m_view->pickTopQuartileButton(), m_view->savePlacesButton()})
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
    QVERIFY(m_view->rationaleEdit()->isReadOnly());
    QCOMPARE(m_view->rankingList()->dragDropMode(), QAbstractItemView::NoDragDrop);
    QCOMPARE(m_view->decisionList()->dragDropMode(), QAbstractItemView::NoDragDrop);
    QVERIFY(!(m_view->placesTable()->item(0, 0)->flags() & Qt::ItemIsUserCheckable));
    QVERIFY(m_view->decisionHintLabel()->text().contains(why));

    // Keys do nothing either; looking around still works.
    const int steps = m_document->undoStack()->count();
    m_view->rankingList()->setCurrentRow(3);
    QTest::keyClick(m_view->rankingList(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(m_document->undoStack()->count(), steps);
    QCOMPARE(ranking("DWP"), keys());
    QVERIFY(m_view->cpaCombo()->isEnabled());
    QVERIFY(m_view->partnerCombo()->isEnabled());

    // Withdrawn from sign-off, editing comes back.
    QVERIFY(m_document->setStageStatus(StageId::Priorities, StageStatus::InProgress));
    QVERIFY(!m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->rankUpButton()->isEnabled());
    QVERIFY(!m_view->rationaleEdit()->isReadOnly());
}

void TestPrioritiesView::readOnlyRoundDisablesEditing()
{
    auto reader = openDocument(m_roundPath);
    QVERIFY(reader);
    QVERIFY(reader->isReadOnly());
    PrioritiesView view(m_edits.get(), &m_dialogs);
    view.setDocument(reader.get());
    QVERIFY(view.frozenNotice()->isVisibleTo(&view));
    QCOMPARE(view.frozenNotice()->text(), reader->whyNotEditable());
    view.rankingList()->setCurrentRow(3);
    QVERIFY(!view.rankUpButton()->isEnabled());
    QVERIFY(!view.recordOrderButton()->isEnabled());
    QVERIFY(!view.pickTopQuartileButton()->isEnabled());
    QVERIFY(view.rationaleEdit()->isReadOnly());
    QTest::keyClick(view.rankingList(), Qt::Key_Up, Qt::AltModifier);
    QVERIFY(reader->round().rankings.isEmpty());
}

void TestPrioritiesView::everyControlHasAnAccessibleName()
{
    QStringList unnamed;
    const QList<QWidget *> widgets = m_view->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool interactive =
            qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w);
        // Parts of a control (a combo box's popup, a table's headers) are named by the control.
        bool part = false;
        for (QWidget *p = w->parentWidget(); p && p != m_view.get(); p = p->parentWidget())
            part = part || qobject_cast<QAbstractItemView *>(p) || qobject_cast<QComboBox *>(p) ||
                   p->inherits("QComboBoxPrivateContainer");
        if (!interactive || part)
            continue;
        if (w->accessibleName().isEmpty())
            unnamed.append(w->objectName() + QLatin1Char(' ') + w->metaObject()->className());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(", ")));
}

void TestPrioritiesView::tabOrderFollowsThePage()
{
    const QList<QWidget *> expected = {m_view->cpaCombo(),
                                       m_view->partnerCombo(),
                                       m_view->rankingList(),
                                       m_view->rankUpButton(),
                                       m_view->rankDownButton(),
                                       m_view->recordOrderButton(),
                                       m_view->clearRankingButton(),
                                       m_view->jointTable(),
                                       m_view->agreementTable(),
                                       m_view->decisionList(),
                                       m_view->decisionUpButton(),
                                       m_view->decisionDownButton(),
                                       m_view->useJointButton(),
                                       m_view->rationaleEdit(),
                                       m_view->recordDecisionButton(),
                                       m_view->removeDecisionButton(),
                                       m_view->placesIndicatorCombo(),
                                       m_view->placesDateCombo(),
                                       m_view->pickTopQuartileButton(),
                                       m_view->placesTable(),
                                       m_view->savePlacesButton(),
                                       m_view->revertPlacesButton()};
    QList<QWidget *> chain;
    QWidget *w = expected.first();
    do {
        if (expected.contains(w) && !chain.contains(w))
            chain.append(w);
        w = w->nextInFocusChain();
    } while (w != expected.first());
    QCOMPARE(chain, expected);
    for (QWidget *control : expected)
        QVERIFY2(control->focusPolicy() & Qt::TabFocus, qPrintable(control->objectName()));
}

void TestPrioritiesView::reachingAControlByItsMnemonicScrollsToIt()
{
    QScrollArea page;
    page.setWidgetResizable(true);
    page.resize(900, 400);
    auto *view = new PrioritiesView(m_edits.get(), &m_dialogs);
    view->setDocument(m_document.get());
    page.setWidget(view);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QCOMPARE(page.verticalScrollBar()->value(), 0);

    // What a buddy label's mnemonic (Alt+L) does to the rationale.
    QFocusEvent shortcutFocus(QEvent::FocusIn, Qt::ShortcutFocusReason);
    QCoreApplication::sendEvent(view->rationaleEdit(), &shortcutFocus);
    QVERIFY(page.verticalScrollBar()->value() > 0);
    const QRect shown(view->rationaleEdit()->mapTo(page.viewport(), QPoint(0, 0)),
                      view->rationaleEdit()->size());
    QVERIFY(page.viewport()->rect().contains(shown));

    // Focus from a click leaves the page where the user put it.
    page.verticalScrollBar()->setValue(0);
    QFocusEvent mouseFocus(QEvent::FocusIn, Qt::MouseFocusReason);
    QCoreApplication::sendEvent(view->rationaleEdit(), &mouseFocus);
    QCOMPARE(page.verticalScrollBar()->value(), 0);

    // Alt+Q picks the top quartile from anywhere: the proposal is scrolled into sight.
    view->pickTopQuartileButton()->click();
    QVERIFY(page.verticalScrollBar()->value() > 0);
    const QRect proposal(view->proposalLabel()->mapTo(page.viewport(), QPoint(0, 0)),
                         view->proposalLabel()->size());
    QVERIFY(page.viewport()->rect().contains(proposal));
}

void TestPrioritiesView::focusDoesNotFallOnRemoveAfterRecording()
{
    m_view->show();
    QApplication::setActiveWindow(m_view.get());
    QVERIFY(QTest::qWaitForWindowActive(m_view.get()));
    QTest::keyClicks(m_view->rationaleEdit(), "Agreed");
    m_view->recordDecisionButton()->setFocus();
    QTest::keyClick(m_view->recordDecisionButton(), Qt::Key_Space);
    QCOMPARE(m_document->round().decisions.size(), 1);
    // The button is disabled once recorded; focus goes back to the order, not to Remove.
    QCOMPARE(QApplication::focusWidget(), m_view->decisionList());
    m_view->removeDecisionButton()->setFocus();
    QTest::keyClick(m_view->removeDecisionButton(), Qt::Key_Space);
    QVERIFY(m_document->round().decisions.isEmpty());
    QCOMPARE(QApplication::focusWidget(), m_view->decisionList());
}

void TestPrioritiesView::shownOnThePrioritiesStageOnly()
{
    m_view.reset();
    m_document.reset(); // the window opens the file itself
    MainWindow window(&m_dialogs);
    window.show();
    QVERIFY(window.openFile(m_roundPath));
    StagePage *page = window.stagePage();
    QVERIFY(page->prioritiesView());
    QCOMPARE(page->prioritiesView()->document(), window.document());
    auto *box = page->findChild<QGroupBox *>("prioritiesBox");
    QVERIFY(box);
    page->setStage(StageId::Needs);
    QVERIFY(!box->isVisibleTo(page));
    page->setStage(StageId::Priorities);
    QVERIFY(box->isVisibleTo(page));
    page->setStage(StageId::Design);
    QVERIFY(!box->isVisibleTo(page));

    // Edits from the page go onto the window's undo stack.
    page->setStage(StageId::Priorities);
    PrioritiesView *view = page->prioritiesView();
    view->rankingList()->setCurrentRow(1);
    view->rankUpButton()->click();
    QCOMPARE(window.document()->round().rankings.size(), 1);
    QCOMPARE(window.document()->undoStack()->count(), 1);
}

void TestPrioritiesView::typePoints(const QString &key, const QString &points)
{
    QDoubleSpinBox *editor = m_view->pointsEditor(key);
    QVERIFY2(editor, qPrintable(key));
    QVERIFY(!editor->isReadOnly());
    editor->selectAll();
    QTest::keyClicks(editor, points);
    QTest::keyClick(editor, Qt::Key_Return);
}

QString TestPrioritiesView::jointWinner() const
{
    const QTableWidgetItem *top = m_view->jointTable()->item(0, 0);
    return top ? top->data(Qt::UserRole + 1).toString() : QString();
}

void TestPrioritiesView::addingAGroupThroughTheViewIsOneUndoStep()
{
    const QStringList before = keys();
    QCOMPARE(m_view->catalogueTable()->rowCount(), int(before.size()));
    QCOMPARE(m_view->catalogueTable()->item(0, 0)->text(),
             m_document->round().priorityGroups.first().name);
    QVERIFY(m_view->addGroupButton()->isEnabled());
    QVERIFY(!m_view->catalogueFixedLabel()->isVisibleTo(m_view.get()));

    m_dialogs.setNextText(QStringLiteral("Armed forces veterans"));
    m_dialogs.setNextText(QStringLiteral("People who have left the armed forces"));
    m_view->addGroupButton()->click();
    QVERIFY2(m_dialogs.messages().isEmpty(), qPrintable(m_dialogs.messages().value(0).text));
    const QList<PriorityGroup> &groups = m_document->round().priorityGroups;
    QCOMPARE(groups.size(), before.size() + 1);
    QCOMPARE(groups.last().name, QStringLiteral("Armed forces veterans"));
    QCOMPARE(groups.last().description, QStringLiteral("People who have left the armed forces"));
    QCOMPARE(m_document->undoStack()->count(), 1);
    // The table and the ranking list show the new group, which is selected.
    QCOMPARE(m_view->catalogueTable()->rowCount(), int(before.size() + 1));
    const int last = m_view->catalogueTable()->rowCount() - 1;
    QCOMPARE(m_view->catalogueTable()->item(last, 0)->text(),
             QStringLiteral("Armed forces veterans"));
    QCOMPARE(m_view->catalogueTable()->currentRow(), last);
    QCOMPARE(listKeys(m_view->rankingList()), keys());

    m_document->undoStack()->undo();
    QCOMPARE(keys(), before);
    QCOMPARE(m_view->catalogueTable()->rowCount(), int(before.size()));
    QCOMPARE(listKeys(m_view->rankingList()), before);

    // Cancelling the name adds nothing.
    m_view->addGroupButton()->click(); // nothing queued: the dialog service answers "cancel"
    QCOMPARE(keys(), before);
    QCOMPARE(m_document->undoStack()->index(), 0);

    // Removing asks first, and is one undo step too. (A group an agreement names cannot go.)
    qsizetype unnamed = -1;
    for (qsizetype i = 0; i < before.size() && unnamed < 0; ++i) {
        const auto &agreements = m_document->round().agreements;
        if (std::none_of(agreements.begin(), agreements.end(),
                         [&](const auto &a) { return a.priorityGroups.contains(before[i]); }))
            unnamed = i;
    }
    QVERIFY(unnamed >= 0);
    QVERIFY(m_view->selectGroup(before.at(unnamed)));
    m_view->removeGroupButton()->click(); // not confirmed
    QCOMPARE(keys(), before);
    m_dialogs.setNextAnswer(true);
    m_view->removeGroupButton()->click();
    QVERIFY2(m_dialogs.messages().isEmpty(), qPrintable(m_dialogs.messages().value(0).text));
    QStringList removed = before;
    removed.removeAt(unnamed);
    QCOMPARE(keys(), removed);
    QCOMPARE(m_document->undoStack()->count(), 1);
    m_document->undoStack()->undo();
    QCOMPARE(keys(), before);
}

void TestPrioritiesView::groupsAreFixedOnceARankingExistsButCanBeRenamed()
{
    QVERIFY(m_view->setPartner("DWP"));
    m_view->recordOrderButton()->click();
    QVERIFY(ranking("DWP").has_value());
    const QString why = m_document->whyCatalogueFixed();
    QVERIFY(!why.isEmpty());
    for (QPushButton *button : {m_view->addGroupButton(), m_view->removeGroupButton()}) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
        QCOMPARE(button->toolTip(), why);
    }
    QVERIFY(m_view->catalogueFixedLabel()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->catalogueFixedLabel()->text(), why);

    // Renaming is still allowed, as one undo step.
    const QString key = keys().at(1);
    QVERIFY(m_view->selectGroup(key));
    QVERIFY(m_view->editGroupButton()->isEnabled());
    m_dialogs.setNextText(QStringLiteral("Lone parents"));
    m_dialogs.setNextText(QStringLiteral("Parents bringing up children alone"));
    m_view->editGroupButton()->click();
    QCOMPARE(m_document->round().priorityGroups.at(1).name, QStringLiteral("Lone parents"));
    QCOMPARE(m_document->undoStack()->count(), 2);
    QVERIFY(m_view->rankingList()->item(1)->text().endsWith("Lone parents"));
    QCOMPARE(m_view->catalogueTable()->item(1, 0)->text(), QStringLiteral("Lone parents"));

    // Without the ranking, groups can be added again.
    m_document->undoStack()->undo();
    m_document->undoStack()->undo();
    QVERIFY(m_view->addGroupButton()->isEnabled());
    QVERIFY(m_view->removeGroupButton()->isEnabled());
    QVERIFY(!m_view->catalogueFixedLabel()->isVisibleTo(m_view.get()));
}

void TestPrioritiesView::pointsSumFollowsThePointsEnteredForTwoPartners()
{
    const QStringList groups = keys();
    const int n = int(groups.size());
    QVERIFY(n >= 4 && n < 50); // the case below relies on it
    const QString first = groups.at(0);
    const QString second = groups.at(1);
    QVERIFY(!m_view->pointsBox()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->methodCombo()->isEnabled());
    QCOMPARE(m_view->methodCombo()->currentText(), QStringLiteral("Borda count"));

    // Choosing the method is one undo step, and the explanation follows it.
    QComboBox *method = m_view->methodCombo();
    method->setCurrentIndex(method->findData(int(RankingMethod::PointsSum)));
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::PointsSum);
    QCOMPARE(m_document->undoStack()->count(), 1);
    QVERIFY(m_view->methodLabel()->text().contains(
        PriorityAgreement::methodExplained(RankingMethod::PointsSum, n)));
    QVERIFY(m_view->pointsBox()->isVisibleTo(m_view.get()));
    // The order now follows the points: groups are not moved by hand.
    m_view->rankingList()->setCurrentRow(1);
    QVERIFY(!m_view->rankUpButton()->isEnabled());
    QVERIFY(m_view->rankUpButton()->toolTip().contains("points"));
    QCOMPARE(m_view->rankingList()->dragDropMode(), QAbstractItemView::NoDragDrop);

    // A partner without points is offered points from the order: n - 1 down to 0.
    QVERIFY(m_view->setPartner("DWP"));
    QCOMPARE(m_view->pointsEditor(first)->value(), double(n - 1));
    QCOMPARE(m_view->pointsEditor(groups.last())->value(), 0.0);
    QVERIFY(m_view->pointsStatusLabel()->text().contains("suggested"));
    QVERIFY(m_view->recordPointsButton()->isEnabled());

    // DWP puts the first group far ahead: one undo step, every group gets points.
    typePoints(first, QStringLiteral("100"));
    QVERIFY2(m_dialogs.messages().isEmpty(), qPrintable(m_dialogs.messages().value(0).text));
    QCOMPARE(m_document->undoStack()->count(), 2);
    QCOMPARE(ranking("DWP"), groups);
    QCOMPARE(m_document->round().rankings.first().points.size(), qsizetype(n));
    QCOMPARE(m_document->round().rankings.first().points.first(), 100.0);
    QCOMPARE(m_view->pointsEditor(second)->value(), double(n - 2));
    QVERIFY(!m_view->recordPointsButton()->isEnabled());
    // Pressing Enter again changes nothing.
    QTest::keyClick(m_view->pointsEditor(first), Qt::Key_Return);
    QCOMPARE(m_document->undoStack()->count(), 2);

    // Central London Forward ranks the first group last and the second first, with few points.
    QVERIFY(m_view->setPartner("Central London Forward"));
    QCOMPARE(m_view->pointsEditor(first)->value(), double(n - 1)); // suggested for this partner
    typePoints(first, QStringLiteral("0"));
    typePoints(second, QStringLiteral("50"));
    QCOMPARE(m_document->undoStack()->count(), 4); // one step per number entered
    const std::optional<QStringList> clf = ranking("Central London Forward");
    QVERIFY(clf);
    QCOMPARE(clf->first(), second); // the order follows the points
    QVERIFY(clf->indexOf(first) >= n - 2);
    QCOMPARE(listKeys(m_view->rankingList()), *clf);

    // By points the first group wins (100 + 0 against n - 2 + 50) ...
    QVERIFY(m_view->jointTable()->isVisibleTo(m_view.get()));
    QCOMPARE(jointWinner(), first);
    QCOMPARE(m_view->jointTable()->horizontalHeaderItem(2)->text(), QStringLiteral("Total points"));
    const Cpa &cpa = m_document->round().adoptedPlan()->cpas.first();
    const Result<JointRanking> joint = PriorityAgreement::jointRanking(m_document->round(), cpa);
    QVERIFY(joint);
    QCOMPARE(joint->groups.first().group, first);
    QCOMPARE(joint->groups.first().score, 100.0);

    // ... by Borda count, the second (n - 2 + n - 1 against n - 1 + 1).
    method->setCurrentIndex(method->findData(int(RankingMethod::Borda)));
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::Borda);
    QCOMPARE(m_document->undoStack()->count(), 5);
    QCOMPARE(jointWinner(), second);
    QVERIFY(!m_view->pointsBox()->isVisibleTo(m_view.get()));
    m_document->undoStack()->undo();
    QCOMPARE(method->currentData().toInt(), int(RankingMethod::PointsSum));
    QCOMPARE(jointWinner(), first);
}

void TestPrioritiesView::frozenStageDisablesTheMethodAndTheCatalogue()
{
    QVERIFY(m_document->setPriorityMethod(RankingMethod::PointsSum));
    QVERIFY(m_view->pointsBox()->isVisibleTo(m_view.get()));
    freezePriorities();
    if (QTest::currentTestFailed())
        return;
    const QString why = m_document->whyPrioritiesFrozen();
    QVERIFY(!why.isEmpty());
    QVERIFY(!m_view->methodCombo()->isEnabled());
    QCOMPARE(m_view->methodCombo()->toolTip(), why);
    for (QPushButton *button : {m_view->addGroupButton(), m_view->editGroupButton(),
                                m_view->removeGroupButton(), m_view->recordPointsButton()}) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
        QCOMPARE(button->toolTip(), why);
    }
    QVERIFY(m_view->pointsEditor(keys().first())->isReadOnly());
    // The notice at the top says why; the catalogue does not repeat it.
    QVERIFY(!m_view->catalogueFixedLabel()->isVisibleTo(m_view.get()));

    // Asked anyway (e.g. by a script), the method stays: the refusal is shown, nothing pushed.
    const int steps = m_document->undoStack()->count();
    m_view->setMethod(RankingMethod::Borda);
    QCOMPARE(m_document->undoStack()->count(), steps);
    QCOMPARE(m_document->round().priorityMethod, RankingMethod::PointsSum);
    QCOMPARE(m_view->methodCombo()->currentData().toInt(), int(RankingMethod::PointsSum));
}

QTEST_MAIN(TestPrioritiesView)
#include "tst_prioritiesview.moc"
