#include "tests/support/demoround.h"
#include "tests/support/testsupport.h"
#include "ui/selection/selectionview.h"

#include "core/evaluation/supplychain.h"
#include "core/evaluation/tenderevaluation.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/selection/bidsview.h"
#include "ui/selection/criteriaview.h"
#include "ui/selection/panelview.h"
#include "ui/settings.h"
#include "ui/stagepage.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace CoCommission;

class TestSelectionView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // The container.
    void showsTheTabsAndTheLotsOfTheAdoptedPlan();
    void pickingALotTellsTheTabs();
    void addedTabsJoinTheScreen();
    void noAdoptedPlanIsSaidPlainly();
    void shownOnTheSelectionStageOnly();

    // Criteria.
    void criteriaTreeShowsTheDefaultTemplateWithMarks();
    void emptyCriteriaOfferTheDefaultTemplate();
    void criteriaChangeBeforeOpeningNeedsNoReason();
    void invalidCriteriaAreExplainedAndRefused();
    void socialValueNoteShownBelowTenPercent();
    void criteriaEditAfterOpeningAsksForAReasonAndRecordsIt();
    void openingTheBidsConfirmsAndLocks();

    // Bids.
    void bidsOfTheLotAreListedWithCoresFlags();
    void supplyChainSummaryComesFromCore();
    void addingABidLandsInTheDocumentAndUndoes();
    void aBidWithoutAPriceIsRefused();
    void removingABidAsksFirstAndUndoes();
    void theLotIsHeldWhileABidIsEdited();

    // Panel.
    void addingAnAssessorStoresTheAuthoritysCode();
    void declarationsAreSetThroughTheMatrix();

    // States and access.
    void moderationOpenFixesBidsAndPanel();
    void frozenStageDisablesEditingWithTheReason();
    void readOnlyRoundDisablesEditing();
    void everyControlHasAnAccessibleName();

private:
    /** A copy of the demo round whose tender \a change alters, opened in the fixtures. */
    void openDemo(const std::function<void(Round &)> &change);
    static QTreeWidgetItem *treeItem(const QTreeWidget *tree, const QString &id);
    static QString flagOf(const QTableWidget *table, const QString &bidId);
    static int rowOf(const QTableWidget *table, const QString &bidId);
    CpaId demoLot() const;
    /** Bids open, moderation not: the bids, panel and declarations can change. */
    static void beforeModeration(Round &round);
    /** Nothing scored, bids not opened: the criteria change freely. */
    static void beforeOpening(Round &round);

    TestSupport::DemoRound m_demo; ///< fresh for each test: no answer left queued
    std::unique_ptr<SelectionView> m_view;
};

void TestSelectionView::initTestCase()
{
    TestSupport::DemoRound::setUpApplication();
}

void TestSelectionView::init()
{
    Settings::clear();
    openDemo({});
}

void TestSelectionView::openDemo(const std::function<void(Round &)> &change)
{
    m_view.reset();
    QVERIFY(m_demo.open(change, QStringLiteral("demo copy.cocom"), false));
    m_view = std::make_unique<SelectionView>(m_demo.edits.get(), m_demo.dialogs.get());
    m_view->resize(1200, 900);
    m_view->setDocument(m_demo.document.get());
}

void TestSelectionView::cleanup()
{
    m_view.reset();
    m_demo.close();
}

void TestSelectionView::beforeModeration(Round &round)
{
    round.tender.moderationOpenedAt = {};
    round.tender.consensus.clear();
}

void TestSelectionView::beforeOpening(Round &round)
{
    beforeModeration(round);
    round.tender.scores.clear();
    round.tender.bidsOpenedAt = {};
}

CpaId TestSelectionView::demoLot() const
{
    return m_demo.document->round().tender.bids.first().lot;
}

QTreeWidgetItem *TestSelectionView::treeItem(const QTreeWidget *tree, const QString &id)
{
    for (QTreeWidgetItemIterator it(const_cast<QTreeWidget *>(tree)); *it; ++it) {
        if ((*it)->data(CriteriaView::NameColumn, CriteriaView::kIdRole).toString() == id)
            return *it;
    }
    return nullptr;
}

int TestSelectionView::rowOf(const QTableWidget *table, const QString &bidId)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, BidsView::IdColumn)->text() == bidId)
            return row;
    }
    return -1;
}

QString TestSelectionView::flagOf(const QTableWidget *table, const QString &bidId)
{
    const int row = rowOf(table, bidId);
    return row < 0 ? QString() : table->item(row, BidsView::AbnormallyLowColumn)->text();
}

// --- The container -------------------------------------------------------------------------

void TestSelectionView::showsTheTabsAndTheLotsOfTheAdoptedPlan()
{
    QTabWidget *tabs = m_view->findChild<QTabWidget *>("selectionTabs");
    QVERIFY(tabs);
    QCOMPARE(tabs, m_view->tabs());
    QCOMPARE(tabs->count(), 6);
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles.append(tabs->tabText(i).remove(QLatin1Char('&')));
    QCOMPARE(titles,
             (QStringList{"Criteria", "Bids", "Panel", "Scoring", "Moderation", "Results"}));
    QCOMPARE(tabs->widget(0), m_view->criteriaView());
    QCOMPARE(tabs->widget(1), m_view->bidsView());
    QCOMPARE(tabs->widget(2), m_view->panelView());

    QComboBox *lots = m_view->findChild<QComboBox *>("lotCombo");
    QVERIFY(lots);
    const CpaPlan *plan = m_demo.document->round().adoptedPlan();
    QVERIFY(plan);
    QCOMPARE(lots->count(), int(plan->cpas.size()));
    for (int i = 0; i < lots->count(); ++i) {
        QCOMPARE(lots->itemText(i), plan->cpas[i].name);
        QCOMPARE(lots->itemData(i).toLongLong(), plan->cpas[i].id.value());
    }
    // The lot with the illustrative bids is shown first.
    QCOMPARE(m_view->currentLot(), demoLot());
    QCOMPARE(m_view->bidsView()->lot(), demoLot());
    QCOMPARE(m_view->panelView()->lot(), demoLot());
    QVERIFY(m_view->illustrativeNotice()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->criteriaChangedNotice()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->noPlanLabel()->isVisibleTo(m_view.get()));
}

void TestSelectionView::pickingALotTellsTheTabs()
{
    QSignalSpy spy(m_view.get(), &SelectionView::lotChanged);
    const CpaPlan *plan = m_demo.document->round().adoptedPlan();
    const CpaId other = plan->cpas.last().id;
    QVERIFY(other != demoLot());
    QVERIFY(m_view->setLot(other));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.first().first().value<CpaId>(), other);
    QCOMPARE(m_view->currentLot(), other);
    QCOMPARE(m_view->bidsView()->lot(), other);
    QCOMPARE(m_view->bidsView()->bidsTable()->rowCount(), 0);
    QVERIFY(m_view->bidsView()->emptyLabel()->isVisibleTo(m_view->bidsView()));
    QVERIFY(m_view->panelView()->bidders().isEmpty());

    // Picked in the combo box, as a user would.
    m_view->lotCombo()->setCurrentIndex(m_view->lotCombo()->findData(demoLot().value()));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(m_view->bidsView()->bidsTable()->rowCount(), 3);
    QCOMPARE(m_view->panelView()->bidders().size(), 3);
    QVERIFY(!m_view->setLot(CpaId(987654)));
    QCOMPARE(m_view->currentLot(), demoLot());
}

void TestSelectionView::addedTabsJoinTheScreen()
{
    auto *later = new QLabel(QStringLiteral("Later"));
    m_view->addTab(later, QStringLiteral("Later"));
    QCOMPARE(m_view->tabs()->count(), 7);
    QCOMPARE(m_view->tabs()->widget(6), later);
    QCOMPARE(later->parentWidget()->parentWidget(), m_view->tabs());

    // A later tab hears the document and then the lot when a round is shown.
    QSignalSpy documents(m_view.get(), &SelectionView::documentChanged);
    QSignalSpy lots(m_view.get(), &SelectionView::lotChanged);
    m_view->setDocument(m_demo.document.get());
    QCOMPARE(documents.count(), 1);
    QCOMPARE(lots.count(), 1);
    QCOMPARE(lots.first().first().value<CpaId>(), demoLot());
}

void TestSelectionView::noAdoptedPlanIsSaidPlainly()
{
    const Result<Round> blank = LondonRound::blank(QStringLiteral("No plan"));
    QVERIFY(blank.ok());
    auto document = TestSupport::openRoundFile(
        TestSupport::createRoundFile(m_demo.dir->filePath("blank.cocom"), *blank));
    QVERIFY(document);
    QSignalSpy lots(m_view.get(), &SelectionView::lotChanged);
    m_view->setDocument(document.get());
    QVERIFY(m_view->noPlanLabel()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->lotCombo()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->currentLot().isValid());
    QCOMPARE(lots.count(), 1);
    QVERIFY(!lots.first().first().value<CpaId>().isValid());
    // Criteria can be prepared without lots; bids cannot be entered.
    QVERIFY(m_view->criteriaView()->templateButton()->isVisibleTo(m_view->criteriaView()));
    QVERIFY(m_view->criteriaView()->templateButton()->isEnabled());
    QVERIFY(!m_view->bidsView()->newBidButton()->isEnabled());
    QVERIFY(m_view->bidsView()->emptyLabel()->text().contains("adopt a CPA plan"));
    m_view->setDocument(m_demo.document.get());
}

void TestSelectionView::shownOnTheSelectionStageOnly()
{
    StagePage page(m_demo.edits.get(), m_demo.dialogs.get());
    page.setDocument(m_demo.document.get());
    auto *box = page.findChild<QGroupBox *>("selectionBox");
    QVERIFY(box);
    QCOMPARE(page.selectionView()->document(), m_demo.document.get());
    page.setStage(StageId::Selection);
    QVERIFY(box->isVisibleTo(&page));
    QCOMPARE(page.selectionView()->tabs()->count(), 6);
    for (StageId stage :
         {StageId::Needs, StageId::Priorities, StageId::Supply, StageId::Monitoring}) {
        page.setStage(stage);
        QVERIFY2(!box->isVisibleTo(&page), qPrintable(stageTitle(stage)));
    }
}

// --- Criteria ------------------------------------------------------------------------------

void TestSelectionView::criteriaTreeShowsTheDefaultTemplateWithMarks()
{
    CriteriaView *view = m_view->criteriaView();
    QTreeWidget *tree = view->tree();
    QCOMPARE(m_demo.document->round().tender.criteria, CriteriaTree::defaultTemplate().criteria());
    QCOMPARE(tree->topLevelItemCount(), 7);
    QTreeWidgetItem *integration = treeItem(tree, "integration");
    QVERIFY(integration);
    QCOMPARE(integration->childCount(), 7);
    QCOMPARE(integration->text(CriteriaView::TypeColumn), criterionTypeName(CriterionType::Group));
    QCOMPARE(integration->text(CriteriaView::WeightColumn), QStringLiteral("20%"));
    QCOMPARE(integration->text(CriteriaView::MarksColumn), QStringLiteral("20"));
    QCOMPARE(integration->text(CriteriaView::LevelColumn), QStringLiteral("100%"));
    // 20% of a 20-mark group: 4 marks; 15% of it: 3.
    QTreeWidgetItem *health = treeItem(tree, "integration.health");
    QCOMPARE(health->text(CriteriaView::MarksColumn), QStringLiteral("4"));
    QCOMPARE(health->text(CriteriaView::ScaleColumn), QStringLiteral("0 to 5"));
    QVERIFY(health->toolTip(CriteriaView::ScaleColumn).contains("5: Excellent"));
    QCOMPARE(treeItem(tree, "integration.housing")->text(CriteriaView::MarksColumn),
             QStringLiteral("3"));
    QTreeWidgetItem *price = treeItem(tree, "price");
    QCOMPARE(price->text(CriteriaView::MarksColumn), QStringLiteral("20"));
    QCOMPARE(price->text(CriteriaView::TypeColumn), criterionTypeName(CriterionType::Price));
    QCOMPARE(treeItem(tree, "social_value")->text(CriteriaView::TypeColumn),
             criterionTypeName(CriterionType::SocialValue));

    QVERIFY(view->topLevelLabel()->text().contains("add up to 100%"));
    QVERIFY(view->problemLabel()->text().contains("quality 70"));
    QVERIFY(view->problemLabel()->text().contains("price 20"));
    QVERIFY(!view->socialValueLabel()->isVisibleTo(view));
    QVERIFY(!view->templateButton()->isVisibleTo(view));

    // The form shows the criterion picked.
    QVERIFY(view->selectCriterion("integration.childcare"));
    QCOMPARE(view->nameEdit()->text(), QStringLiteral("Childcare"));
    QCOMPARE(view->weightSpin()->value(), 10.0);
    QCOMPARE(view->typeCombo()->currentData().toInt(), int(CriterionType::Quality));
    QVERIFY(view->descriptorsLabel()->text().contains("Satisfactory"));
    QVERIFY(view->selectCriterion("integration"));
    QVERIFY(!view->typeCombo()->isEnabled()); // a group: its sub-criteria are scored
}

void TestSelectionView::emptyCriteriaOfferTheDefaultTemplate()
{
    openDemo([](Round &round) { round.tender = Tender{}; });
    CriteriaView *view = m_view->criteriaView();
    QVERIFY(view->templateButton()->isVisibleTo(view));
    QVERIFY(view->emptyLabel()->isVisibleTo(view));
    QVERIFY(!view->tree()->isVisibleTo(view));
    QVERIFY(!view->openBidsButton()->isEnabled()); // nothing to publish yet

    view->templateButton()->click();
    QCOMPARE(m_demo.document->round().tender.criteria, CriteriaTree::defaultTemplate().criteria());
    QCOMPARE(m_demo.document->undoStack()->count(), 1);
    QVERIFY(!view->templateButton()->isVisibleTo(view));
    QCOMPARE(view->tree()->topLevelItemCount(), 7);
    QVERIFY(view->openBidsButton()->isEnabled());

    m_demo.document->undoStack()->undo();
    QVERIFY(m_demo.document->round().tender.criteria.isEmpty());
    QVERIFY(view->templateButton()->isVisibleTo(view));
    QCOMPARE(view->tree()->topLevelItemCount(), 0);
}

void TestSelectionView::criteriaChangeBeforeOpeningNeedsNoReason()
{
    openDemo(&TestSelectionView::beforeOpening);
    CriteriaView *view = m_view->criteriaView();
    QVERIFY(view->selectCriterion("supply_chain"));
    m_demo.dialogs->setNextText(QStringLiteral("Specialist inclusion"));
    view->addSubCriterionButton()->click();
    QVERIFY(view->isModified());
    // The first sub-criterion carries its whole level; its parent becomes a group.
    QTreeWidgetItem *added = treeItem(view->tree(), "supply_chain.1");
    QVERIFY(added);
    QCOMPARE(added->text(CriteriaView::NameColumn), QStringLiteral("Specialist inclusion"));
    QCOMPARE(added->text(CriteriaView::WeightColumn), QStringLiteral("100%"));
    QCOMPARE(treeItem(view->tree(), "supply_chain")->text(CriteriaView::LevelColumn),
             QStringLiteral("100%"));
    QCOMPARE(view->currentCriterion(), QStringLiteral("supply_chain.1"));
    QVERIFY(view->saveButton()->isEnabled());
    QVERIFY(!view->openBidsButton()->isEnabled()); // save first

    QVERIFY(view->save()); // no reason asked: nothing was queued, and none is needed
    const Tender &tender = m_demo.document->round().tender;
    QCOMPARE(tender.criteria.size(), CriteriaTree::defaultTemplate().criteria().size() + 1);
    const auto parent = std::find_if(tender.criteria.begin(), tender.criteria.end(),
                                     [](const Criterion &c) { return c.id == "supply_chain"; });
    QCOMPARE(parent->type, CriterionType::Group);
    QVERIFY(tender.criteriaChanges.isEmpty());
    QCOMPARE(m_demo.document->undoStack()->count(), 1);
    QVERIFY(!view->isModified());

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().tender.criteria, CriteriaTree::defaultTemplate().criteria());
    QVERIFY(!treeItem(view->tree(), "supply_chain.1"));
}

void TestSelectionView::invalidCriteriaAreExplainedAndRefused()
{
    openDemo(&TestSelectionView::beforeOpening);
    CriteriaView *view = m_view->criteriaView();
    QVERIFY(view->selectCriterion("delivery"));
    view->weightSpin()->setValue(25);
    QVERIFY(view->isModified());
    const auto delivery = std::find_if(view->draft().begin(), view->draft().end(),
                                       [](const Criterion &c) { return c.id == "delivery"; });
    QVERIFY(delivery != view->draft().end());
    QCOMPARE(delivery->weightPercent, 25.0);
    QVERIFY(view->topLevelLabel()->text().contains("105%"));
    QVERIFY2(view->problemLabel()->text().contains("add up to 105%"),
             qPrintable(view->problemLabel()->text()));
    QVERIFY(view->problemLabel()->text().startsWith("Not valid yet"));
    // Marks are only shown for a tree that validates.
    QVERIFY(treeItem(view->tree(), "price")->text(CriteriaView::MarksColumn).isEmpty());

    const int steps = m_demo.document->undoStack()->count();
    QVERIFY(!view->save());
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QVERIFY(!m_demo.dialogs->messages().isEmpty());
    QCOMPARE(m_demo.dialogs->messages().last().kind, DialogService::MessageKind::Error);
    QVERIFY(m_demo.dialogs->messages().last().text.contains("105"));
    QVERIFY(view->isModified()); // the draft is kept to be put right

    // Removing a criterion takes it from the draft only; revert puts back what is recorded.
    QVERIFY(view->selectCriterion("integration"));
    view->removeButton()->click();
    QVERIFY(!treeItem(view->tree(), "integration"));
    QVERIFY(!treeItem(view->tree(), "integration.health"));
    QCOMPARE(m_demo.document->round().tender.criteria, CriteriaTree::defaultTemplate().criteria());
    view->revertButton()->click();
    QVERIFY(!view->isModified());
    QVERIFY(treeItem(view->tree(), "integration.health"));
    QCOMPARE(view->draft(), m_demo.document->round().tender.criteria);
    QVERIFY(!view->problemLabel()->text().startsWith("Not valid"));
}

void TestSelectionView::socialValueNoteShownBelowTenPercent()
{
    openDemo(&TestSelectionView::beforeOpening);
    CriteriaView *view = m_view->criteriaView();
    QVERIFY(!view->socialValueLabel()->isVisibleTo(view));
    QVERIFY(view->selectCriterion("social_value"));
    view->weightSpin()->setValue(5);
    QVERIFY(view->selectCriterion("price"));
    view->weightSpin()->setValue(25);
    const Result<CriteriaTree> tree = CriteriaTree::fromList(view->draft());
    QVERIFY(tree);
    QVERIFY(tree->socialValueNote());
    QVERIFY(view->socialValueLabel()->isVisibleTo(view));
    QCOMPARE(view->socialValueLabel()->text(), *tree->socialValueNote());
    QVERIFY(view->save());
    QVERIFY(view->socialValueLabel()->isVisibleTo(view)); // recorded as it is: a note, not a rule
}

void TestSelectionView::criteriaEditAfterOpeningAsksForAReasonAndRecordsIt()
{
    openDemo(&TestSelectionView::beforeModeration);
    CriteriaView *view = m_view->criteriaView();
    QVERIFY(m_demo.document->round().tender.bidsOpened());
    QVERIFY(view->lockLabel()->text().contains("locked"));
    QVERIFY(!view->openBidsButton()->isEnabled());
    QVERIFY(!view->changesTable()->isVisibleTo(view));

    QVERIFY(view->selectCriterion("employer_engagement"));
    view->weightSpin()->setValue(5);
    QVERIFY(view->selectCriterion("delivery"));
    view->weightSpin()->setValue(25);
    QVERIFY(view->isModified());

    // Cancelling the reason saves nothing.
    QVERIFY(!view->save());
    QCOMPARE(m_demo.document->undoStack()->count(), 0);
    QCOMPARE(m_demo.document->round().tender.criteria, CriteriaTree::defaultTemplate().criteria());
    QVERIFY(view->isModified());

    const QString reason = QStringLiteral("The published weights had a typing error");
    m_demo.dialogs->setNextText(reason);
    view->saveButton()->click();
    const Tender &tender = m_demo.document->round().tender;
    QVERIFY(tender.criteria != CriteriaTree::defaultTemplate().criteria());
    QCOMPARE(tender.criteriaChanges.size(), 1);
    QCOMPARE(tender.criteriaChanges.first().reason, reason);
    QVERIFY(tender.criteriaChanges.first().summary.contains("delivery"));
    QCOMPARE(m_demo.document->undoStack()->count(), 1);
    QVERIFY(!view->isModified());

    // Shown in the tab and flagged at the top of the screen.
    QVERIFY(view->changesTable()->isVisibleTo(view));
    QCOMPARE(view->changesTable()->rowCount(), 1);
    QCOMPARE(view->changesTable()->item(0, 3)->text(), reason);
    QVERIFY(m_view->criteriaChangedNotice()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->criteriaChangedNotice()->text().contains(reason));

    // Undone, the criteria go back and the undo is itself recorded.
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().tender.criteria, CriteriaTree::defaultTemplate().criteria());
    QCOMPARE(m_demo.document->round().tender.criteriaChanges.size(), 2);
    QCOMPARE(view->changesTable()->rowCount(), 2);
    QCOMPARE(view->draft(), CriteriaTree::defaultTemplate().criteria());
}

void TestSelectionView::openingTheBidsConfirmsAndLocks()
{
    openDemo(&TestSelectionView::beforeOpening);
    CriteriaView *view = m_view->criteriaView();
    QVERIFY(!m_demo.document->round().tender.bidsOpened());
    QVERIFY(view->lockLabel()->text().contains("not opened yet"));
    QVERIFY(view->openBidsButton()->isEnabled());

    QVERIFY(!view->openBids()); // not confirmed
    QVERIFY(!m_demo.document->round().tender.bidsOpened());

    m_demo.dialogs->setNextAnswer(true);
    view->openBidsButton()->click();
    QVERIFY(m_demo.document->round().tender.bidsOpened());
    QVERIFY(view->lockLabel()->text().contains("locked"));
    QVERIFY(!view->openBidsButton()->isEnabled());
    QCOMPARE(m_demo.document->undoStack()->count(), 1);

    m_demo.document->undoStack()->undo();
    QVERIFY(!m_demo.document->round().tender.bidsOpened());
    QVERIFY(view->openBidsButton()->isEnabled());
}

// --- Bids ----------------------------------------------------------------------------------

void TestSelectionView::bidsOfTheLotAreListedWithCoresFlags()
{
    // B2 far below the others: more than 20% below the lot's mean price.
    openDemo([](Round &round) { round.tender.bids[1].price = 5'000'000; });
    BidsView *view = m_view->bidsView();
    QTableWidget *table = view->bidsTable();
    QCOMPARE(table->rowCount(), 3);
    const TenderBid &b1 = m_demo.document->round().tender.bids.first();
    QCOMPARE(table->item(0, BidsView::IdColumn)->text(), b1.id);
    QCOMPARE(table->item(0, BidsView::BidderColumn)->text(), b1.bidder);
    QCOMPARE(table->item(0, BidsView::PriceColumn)->text(), QStringLiteral("£12,400,000"));
    QCOMPARE(table->item(0, BidsView::SupplyChainColumn)->text(), QStringLiteral("3"));

    const Result<Evaluation> evaluation = evaluateTender(m_demo.document->round());
    QVERIFY2(evaluation, qPrintable(evaluation.errorMessage()));
    const LotResult *lot = evaluation->lot(m_demo.document->round().adoptedCpa(demoLot())->name);
    QVERIFY(lot);
    QVERIFY(lot->bid("B2")->abnormallyLow);
    QVERIFY(!lot->bid("B1")->abnormallyLow);
    QCOMPARE(flagOf(table, "B2"), QStringLiteral("Yes"));
    QCOMPARE(flagOf(table, "B1"), QStringLiteral("No"));
    QCOMPARE(flagOf(table, "B3"), QStringLiteral("No"));
    QVERIFY(view->abnormalLabel()->text().contains("1 bid is flagged"));

    // The flag needs only the prices: it is raised before any criterion or score exists.
    openDemo([](Round &round) {
        round.tender.bids[1].price = 5'000'000;
        round.tender.criteria.clear();
        round.tender.scores.clear();
        round.tender.consensus.clear();
        round.tender.moderationOpenedAt = {};
        round.tender.bidsOpenedAt = {};
    });
    QVERIFY(!evaluateTender(m_demo.document->round()));
    QCOMPARE(flagOf(m_view->bidsView()->bidsTable(), "B2"), QStringLiteral("Yes"));
    QCOMPARE(flagOf(m_view->bidsView()->bidsTable(), "B1"), QStringLiteral("No"));
    QVERIFY(m_view->bidsView()->abnormalLabel()->text().contains("1 bid is flagged"));
}

void TestSelectionView::supplyChainSummaryComesFromCore()
{
    BidsView *view = m_view->bidsView();
    QVERIFY(view->selectBid("B3"));
    QCOMPARE(view->formBox()->title(), QStringLiteral("Bid B3"));
    const TenderBid *b3 = m_demo.document->round().tender.bid("B3");
    QCOMPARE(view->bidderEdit()->text(), b3->bidder);
    QCOMPARE(view->supplyTable()->rowCount(), int(b3->supplyChain.size()));
    QCOMPARE(view->planEdit()->toPlainText(), b3->integrationPlan);
    QCOMPARE(view->evidenceCombo("skills")->currentData().toInt(),
             int(EvidenceStrength::StatementOfIntent));
    QCOMPARE(view->evidenceNote("skills")->text(), b3->integration[2].note);

    const SupplyChainSummary summary = supplyChainSummary(m_demo.document->round(), *b3);
    QVERIFY2(view->summaryLabel()->text().startsWith(
                 QStringLiteral("%1 subcontractors").arg(summary.subcontractors)),
             qPrintable(view->summaryLabel()->text()));
    QVERIFY(view->summaryLabel()->text().contains(
        QStringLiteral("%1 from the voluntary and community sector")
            .arg(summary.voluntaryCommunity)));
    QVERIFY(!summary.uncoveredGroups.isEmpty());
    for (const QString &key : summary.uncoveredGroups) {
        const auto group = std::find_if(m_demo.document->round().priorityGroups.begin(),
                                        m_demo.document->round().priorityGroups.end(),
                                        [&](const PriorityGroup &g) { return g.key == key; });
        QVERIFY(view->uncoveredLabel()->text().contains(group->name));
    }
    QVERIFY(view->evidenceSummaryLabel()->text().contains(
        QStringLiteral("%1: %2")
            .arg(evidenceName(EvidenceStrength::StatementOfIntent))
            .arg(summary.count(EvidenceStrength::StatementOfIntent))));

    // The subcontractor picked, in the form.
    view->selectSubcontractor(1);
    QCOMPARE(view->subcontractorNameEdit()->text(), b3->supplyChain[1].name);
    QCOMPARE(view->sectorCombo()->currentData().toInt(), int(b3->supplyChain[1].sector));
    QCOMPARE(view->smeCheck()->isChecked(), b3->supplyChain[1].sme);
}

void TestSelectionView::addingABidLandsInTheDocumentAndUndoes()
{
    openDemo(&TestSelectionView::beforeModeration);
    BidsView *view = m_view->bidsView();
    QVERIFY(view->newBidButton()->isEnabled());
    view->newBidButton()->click();
    QVERIFY(view->isNewBid());
    QCOMPARE(view->idEdit()->text(), QStringLiteral("B4"));
    QVERIFY(!view->idEdit()->isReadOnly());
    QTest::keyClicks(view->bidderEdit(), QStringLiteral("Northgate Works"));
    view->priceSpin()->setValue(9'500'000);
    view->planEdit()->setPlainText(QStringLiteral("Co-located advisers"));

    m_demo.dialogs->setNextText(QStringLiteral("Local Mind"));
    view->addSubcontractorButton()->click();
    QCOMPARE(view->supplyTable()->rowCount(), 1);
    QCOMPARE(view->subcontractorNameEdit()->text(), QStringLiteral("Local Mind"));
    view->sectorCombo()->setCurrentIndex(
        view->sectorCombo()->findData(int(ProviderSector::VoluntaryCommunity)));
    emit view->sectorCombo()->activated(view->sectorCombo()->currentIndex());
    view->smeCheck()->setChecked(true);
    for (int i = 0; i < view->specialismList()->count(); ++i) {
        QListWidgetItem *item = view->specialismList()->item(i);
        if (item->data(Qt::UserRole + 1).toString() == "mental_health")
            item->setCheckState(Qt::Checked);
    }
    QComboBox *housing = view->evidenceCombo("housing");
    housing->setFocus();
    QTest::keyClick(housing, Qt::Key_Down); // None → Asserted
    QCOMPARE(housing->currentData().toInt(), int(EvidenceStrength::Asserted));
    QVERIFY(view->summaryLabel()->text().startsWith("1 subcontractor"));
    QCOMPARE(m_demo.document->undoStack()->count(), 0); // a draft until saved
    QVERIFY(m_view->lotCombo()->isEnabled() == false);

    view->saveButton()->click();
    const TenderBid *added = m_demo.document->round().tender.bid("B4");
    QVERIFY(added);
    QCOMPARE(added->bidder, QStringLiteral("Northgate Works"));
    QCOMPARE(added->price, 9'500'000.0);
    QCOMPARE(added->lot, demoLot());
    QCOMPARE(added->integrationPlan, QStringLiteral("Co-located advisers"));
    QCOMPARE(added->supplyChain.size(), 1);
    QCOMPARE(added->supplyChain.first().sector, ProviderSector::VoluntaryCommunity);
    QVERIFY(added->supplyChain.first().sme);
    QCOMPARE(added->supplyChain.first().specialisms, QStringList{"mental_health"});
    QCOMPARE(added->integration.size(), 1);
    QCOMPARE(added->integration.first().service, QStringLiteral("housing"));
    QCOMPARE(m_demo.document->undoStack()->count(), 1); // one step for the whole bid
    QCOMPARE(view->bidsTable()->rowCount(), 4);
    QCOMPARE(view->formBox()->title(), QStringLiteral("Bid B4"));
    QVERIFY(view->idEdit()->isReadOnly());
    QVERIFY(m_view->lotCombo()->isEnabled());

    // Edited and saved again: one more step.
    QTest::keyClicks(view->bidderEdit(), QStringLiteral(" Ltd"));
    view->saveButton()->click();
    QCOMPARE(m_demo.document->round().tender.bid("B4")->bidder,
             QStringLiteral("Northgate Works Ltd"));
    QCOMPARE(m_demo.document->undoStack()->count(), 2);

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().tender.bid("B4")->bidder, QStringLiteral("Northgate Works"));
    QCOMPARE(view->bidderEdit()->text(), QStringLiteral("Northgate Works"));
    m_demo.document->undoStack()->undo();
    QVERIFY(!m_demo.document->round().tender.bid("B4"));
    QCOMPARE(view->bidsTable()->rowCount(), 3);
    QCOMPARE(rowOf(view->bidsTable(), "B4"), -1);
}

void TestSelectionView::aBidWithoutAPriceIsRefused()
{
    openDemo(&TestSelectionView::beforeModeration);
    BidsView *view = m_view->bidsView();
    view->newBid();
    QTest::keyClicks(view->bidderEdit(), QStringLiteral("No Price Ltd"));
    QVERIFY(!view->save());
    QVERIFY(!m_demo.document->round().tender.bid("B4"));
    QCOMPARE(m_demo.document->undoStack()->count(), 0);
    QVERIFY(!m_demo.dialogs->messages().isEmpty());
    QVERIFY(m_demo.dialogs->messages().last().text.contains("above zero"));
    QVERIFY(view->isModified()); // kept to be put right
    view->revertButton()->click();
    QVERIFY(!view->isModified());
    QVERIFY(!view->isNewBid());
}

void TestSelectionView::removingABidAsksFirstAndUndoes()
{
    openDemo([](Round &round) {
        beforeOpening(round);
        round.tender.conflicts.clear();
    });
    BidsView *view = m_view->bidsView();
    QVERIFY(view->selectBid("B3"));
    QVERIFY(view->removeBidButton()->isEnabled());
    QVERIFY(!view->removeBid()); // not confirmed
    QVERIFY(m_demo.document->round().tender.bid("B3"));

    m_demo.dialogs->setNextAnswer(true);
    view->removeBidButton()->click();
    QVERIFY(!m_demo.document->round().tender.bid("B3"));
    QCOMPARE(view->bidsTable()->rowCount(), 2);
    QCOMPARE(rowOf(view->bidsTable(), "B3"), -1);
    QVERIFY(view->draft().id != QStringLiteral("B3")); // the form shows a bid still there

    m_demo.document->undoStack()->undo();
    QVERIFY(m_demo.document->round().tender.bid("B3"));
    QCOMPARE(view->bidsTable()->rowCount(), 3);
}

void TestSelectionView::theLotIsHeldWhileABidIsEdited()
{
    openDemo(&TestSelectionView::beforeModeration);
    BidsView *view = m_view->bidsView();
    QVERIFY(view->selectBid("B2"));
    QVERIFY(m_view->lotCombo()->isEnabled());
    view->priceSpin()->setValue(11'000'000);
    QVERIFY(view->isModified());
    QVERIFY(!m_view->lotCombo()->isEnabled());
    QVERIFY(!view->bidsTable()->isEnabled());
    QVERIFY(!view->newBidButton()->isEnabled());
    view->revert();
    QVERIFY(m_view->lotCombo()->isEnabled());
    QCOMPARE(view->priceSpin()->value(), m_demo.document->round().tender.bid("B2")->price);
}

// --- Panel ---------------------------------------------------------------------------------

void TestSelectionView::addingAnAssessorStoresTheAuthoritysCode()
{
    openDemo(&TestSelectionView::beforeModeration);
    PanelView *view = m_view->panelView();
    QCOMPARE(view->panelTable()->rowCount(), 3);
    // Organisations by name, not code.
    QCOMPARE(view->panelTable()->item(0, PanelView::OrganisationColumn)->text(),
             QStringLiteral("DWP"));
    QCOMPARE(view->panelTable()->item(1, PanelView::OrganisationColumn)->text(),
             m_demo.document->round().authority("E09000007")->name);

    view->newAssessorButton()->click();
    QTest::keyClicks(view->nameEdit(), QStringLiteral("K. Brown"));
    QComboBox *organisations = view->organisationCombo();
    const int camden =
        organisations->findText(m_demo.document->round().authority("E09000007")->name);
    QVERIFY(camden >= 0);
    organisations->setCurrentIndex(camden);
    emit organisations->activated(camden);
    QTest::keyClicks(view->roleEdit(), QStringLiteral("Employment lead"));
    view->saveButton()->click();
    const Assessor *added = m_demo.document->round().tender.assessor("K. Brown");
    QVERIFY(added);
    QCOMPARE(added->organisation, QStringLiteral("E09000007"));
    QCOMPARE(added->role, QStringLiteral("Employment lead"));
    QCOMPARE(m_demo.document->undoStack()->count(), 1);
    QCOMPARE(view->panelTable()->rowCount(), 4);
    QCOMPARE(view->declarationTable()->rowCount(), 4);

    // Edited: one more step; removed after confirmation: one more.
    QCOMPARE(view->draft().name, QStringLiteral("K. Brown"));
    QVERIFY(view->nameEdit()->isReadOnly()); // the name identifies the assessor
    QTest::keyClicks(view->roleEdit(), QStringLiteral(" (skills)"));
    view->saveButton()->click();
    QCOMPARE(m_demo.document->round().tender.assessor("K. Brown")->role,
             QStringLiteral("Employment lead (skills)"));
    QCOMPARE(m_demo.document->undoStack()->count(), 2);
    QVERIFY(!view->removeAssessor()); // not confirmed
    m_demo.dialogs->setNextAnswer(true);
    view->removeAssessorButton()->click();
    QVERIFY(!m_demo.document->round().tender.assessor("K. Brown"));
    QCOMPARE(m_demo.document->undoStack()->count(), 3);

    m_demo.document->undoStack()->undo();
    m_demo.document->undoStack()->undo();
    m_demo.document->undoStack()->undo();
    QVERIFY(!m_demo.document->round().tender.assessor("K. Brown"));
    QCOMPARE(view->panelTable()->rowCount(), 3);
}

void TestSelectionView::declarationsAreSetThroughTheMatrix()
{
    openDemo([](Round &round) {
        beforeModeration(round);
        round.tender.panel.append(
            {QStringLiteral("K. Brown"), QStringLiteral("DWP"), QStringLiteral("Adviser")});
    });
    PanelView *view = m_view->panelView();
    QTableWidget *matrix = view->declarationTable();
    QCOMPARE(matrix->rowCount(), 4);
    QCOMPARE(matrix->columnCount(), 3);
    const QString b1 = m_demo.document->round().tender.bid("B1")->bidder;
    const QString b2 = m_demo.document->round().tender.bid("B2")->bidder;
    QCOMPARE(view->bidders().first(), b1);
    QVERIFY(view->declarationsLabel()->text().contains("3 declarations still to make"));
    // J. Patel's illustrative conflict with B2's bidder shows with its note.
    QVERIFY(matrix->item(1, 1)->text().startsWith("Conflict: "));

    QVERIFY(view->selectDeclaration("K. Brown", b1));
    QCOMPARE(matrix->item(3, 0)->text(), QStringLiteral("Not declared"));
    QVERIFY(!view->withdrawButton()->isEnabled());
    view->noConflictButton()->click();
    const ConflictDeclaration *d = m_demo.document->round().tender.conflict("K. Brown", b1);
    QVERIFY(d);
    QVERIFY(!d->conflicted);
    QCOMPARE(matrix->item(3, 0)->text(), QStringLiteral("No conflict"));
    QCOMPARE(m_demo.document->undoStack()->count(), 1);

    // A conflict needs its note: cancelled, nothing is recorded.
    QVERIFY(view->selectDeclaration("K. Brown", b2));
    QVERIFY(!view->declareConflict());
    QVERIFY(!m_demo.document->round().tender.conflict("K. Brown", b2));
    m_demo.dialogs->setNextText(QStringLiteral("Former employee of the bidder"));
    view->conflictButton()->click();
    d = m_demo.document->round().tender.conflict("K. Brown", b2);
    QVERIFY(d);
    QVERIFY(d->conflicted);
    QCOMPARE(d->note, QStringLiteral("Former employee of the bidder"));
    QCOMPARE(matrix->item(3, 1)->text(), QStringLiteral("Conflict: Former employee of the bidder"));
    QCOMPARE(m_demo.document->undoStack()->count(), 2);

    m_demo.document->undoStack()->undo();
    QVERIFY(!m_demo.document->round().tender.conflict("K. Brown", b2));
    QCOMPARE(matrix->item(3, 1)->text(), QStringLiteral("Not declared"));

    QVERIFY(view->selectDeclaration("K. Brown", b1));
    QVERIFY(view->withdrawButton()->isEnabled());
    view->withdrawButton()->click();
    QVERIFY(!m_demo.document->round().tender.conflict("K. Brown", b1));

    // An assessor who scored a bidder keeps the declaration: core refuses, the view says why.
    QVERIFY(view->selectDeclaration(m_demo.document->round().tender.panel.first().name, b1));
    const int messages = int(m_demo.dialogs->messages().size());
    QVERIFY(!view->withdrawDeclaration());
    QCOMPARE(m_demo.dialogs->messages().size(), messages + 1);
    QVERIFY(m_demo.document->round().tender.conflict(
        m_demo.document->round().tender.panel.first().name, b1));
}

// --- States and access ---------------------------------------------------------------------

void TestSelectionView::moderationOpenFixesBidsAndPanel()
{
    // The demo round: moderation is open.
    QVERIFY(m_demo.document->round().tender.moderationOpen());
    BidsView *bids = m_view->bidsView();
    QVERIFY(bids->lockLabel()->isVisibleTo(bids));
    QVERIFY(bids->lockLabel()->text().contains("Moderation is open"));
    QVERIFY(!bids->newBidButton()->isEnabled());
    QVERIFY(!bids->removeBidButton()->isEnabled());
    QVERIFY(bids->bidderEdit()->isReadOnly());
    QVERIFY(bids->priceSpin()->isReadOnly());
    QVERIFY(!bids->evidenceCombo("health")->isEnabled());
    bids->newBid();
    QVERIFY(!bids->isNewBid());

    PanelView *panel = m_view->panelView();
    QVERIFY(panel->lockLabel()->text().contains("Moderation is open"));
    QVERIFY(!panel->newAssessorButton()->isEnabled());
    QVERIFY(panel->selectDeclaration(m_demo.document->round().tender.panel.first().name,
                                     panel->bidders().first()));
    QVERIFY(!panel->noConflictButton()->isEnabled());
    QVERIFY(!panel->conflictButton()->isEnabled());

    // The criteria can still change, with a reason.
    QVERIFY(m_view->criteriaView()->addTopLevelButton()->isEnabled());
}

void TestSelectionView::frozenStageDisablesEditingWithTheReason()
{
    openDemo([](Round &round) {
        beforeModeration(round);
        round.stage(StageId::Selection).status = StageStatus::ReadyForSignOff;
    });
    const QString why = m_demo.document->whyTenderFrozen();
    QVERIFY(why.contains("ready for sign-off"));
    QVERIFY(m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->frozenNotice()->text(), why);

    CriteriaView *criteria = m_view->criteriaView();
    for (QPushButton *button :
         {criteria->addTopLevelButton(), criteria->addSubCriterionButton(),
          criteria->removeButton(), criteria->saveButton(), criteria->openBidsButton()}) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
        QCOMPARE(button->toolTip(), why);
    }
    QVERIFY(criteria->nameEdit()->isReadOnly());
    QVERIFY(criteria->weightSpin()->isReadOnly());
    QVERIFY(!criteria->formulaCombo()->isEnabled());
    m_demo.dialogs->setNextText(QStringLiteral("Sneaked in"));
    criteria->addTopLevel();
    QCOMPARE(criteria->draft(), m_demo.document->round().tender.criteria);
    QVERIFY(!criteria->isModified());
    QCOMPARE(m_demo.dialogs->askText(nullptr, QString(), QString()).value_or(QString()),
             QStringLiteral("Sneaked in"));

    BidsView *bids = m_view->bidsView();
    QCOMPARE(bids->lockLabel()->text(), why);
    QVERIFY(!bids->newBidButton()->isEnabled());
    QVERIFY(bids->bidderEdit()->isReadOnly());
    PanelView *panel = m_view->panelView();
    QCOMPARE(panel->lockLabel()->text(), why);
    QVERIFY(!panel->newAssessorButton()->isEnabled());
    QVERIFY(panel->selectDeclaration(m_demo.document->round().tender.panel.first().name,
                                     panel->bidders().first()));
    QVERIFY(!panel->noConflictButton()->isEnabled());

    // Withdrawn from sign-off, editing comes back.
    QVERIFY(m_demo.document->setStageStatus(StageId::Selection, StageStatus::InProgress));
    QVERIFY(!m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QVERIFY(criteria->addTopLevelButton()->isEnabled());
    QVERIFY(bids->newBidButton()->isEnabled());
    QVERIFY(panel->noConflictButton()->isEnabled());
}

void TestSelectionView::readOnlyRoundDisablesEditing()
{
    auto reader = TestSupport::openRoundFile(m_demo.path);
    QVERIFY(reader);
    QVERIFY(reader->isReadOnly());
    SelectionView view(m_demo.edits.get(), m_demo.dialogs.get());
    view.setDocument(reader.get());
    QVERIFY(view.frozenNotice()->isVisibleTo(&view));
    QCOMPARE(view.frozenNotice()->text(), reader->whyNotEditable());
    QVERIFY(!view.criteriaView()->addTopLevelButton()->isEnabled());
    QVERIFY(view.criteriaView()->nameEdit()->isReadOnly());
    QVERIFY(!view.bidsView()->newBidButton()->isEnabled());
    QVERIFY(!view.panelView()->newAssessorButton()->isEnabled());
    m_demo.dialogs->setNextText(QStringLiteral("Sneaked in"));
    view.criteriaView()->addTopLevel();
    QVERIFY(!view.criteriaView()->isModified());
    // Not even asked: the answer is still queued (and used up here, for the next tests).
    QCOMPARE(m_demo.dialogs->askText(nullptr, QString(), QString()).value_or(QString()),
             QStringLiteral("Sneaked in"));
}

void TestSelectionView::everyControlHasAnAccessibleName()
{
    QStringList unnamed;
    const QList<QWidget *> widgets = m_view->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool interactive =
            qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
            qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w);
        // Parts of a control (a combo box's popup, a table's headers, a spin box's line edit)
        // are named by the control.
        bool part = false;
        for (QWidget *p = w->parentWidget(); p && p != m_view.get(); p = p->parentWidget())
            part = part || qobject_cast<QAbstractItemView *>(p) || qobject_cast<QComboBox *>(p) ||
                   qobject_cast<QAbstractSpinBox *>(p) || p->inherits("QComboBoxPrivateContainer");
        if (!interactive || part || w->inherits("QTabBar") || w->inherits("QToolButton"))
            continue;
        if (w->accessibleName().isEmpty())
            unnamed.append(w->objectName() + QLatin1Char(' ') + w->metaObject()->className());
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(", ")));
}

QTEST_MAIN(TestSelectionView)
#include "tst_selectionview.moc"
