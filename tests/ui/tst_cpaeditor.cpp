#include "ui/cpa/cpaeditor.h"

#include "core/commands/commands.h"
#include "core/cpa/assignment.h"
#include "core/cpa/roundcheck.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/store/auditlog.h"
#include "tests/support/testsupport.h"
#include "ui/cpa/comparedialog.h"
#include "ui/cpa/cpalegendmodel.h"
#include "ui/cpa/mapview.h"
#include "ui/cpa/suggestdialog.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/mainwindow.h"
#include "ui/models/stagelistmodel.h"
#include "ui/noticebox.h"
#include "ui/overviewpage.h"
#include "ui/settings.h"
#include "ui/uiutil.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMouseEvent>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <algorithm>
#include <cmath>
#include <memory>

using namespace CoCommission;

namespace {

const QString kCity = QStringLiteral("E09000001");
const QString kCamden = QStringLiteral("E09000007");
const QString kHackney = QStringLiteral("E09000012");
const QString kIslington = QStringLiteral("E09000019");
const QString kNewham = QStringLiteral("E09000025");
const QString kTowerHamlets = QStringLiteral("E09000030");
const QString kWestminster = QStringLiteral("E09000033");

} // namespace

/**
 * The CPA editor page on the demo round (an adopted plan of four CPAs, one per partnership;
 * stage 1 in progress), driven as a user would: mouse strokes on the map, the legend, the
 * settings, and dialogs answered through a non-interactive DialogService.
 */
class TestCpaEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void legendListsTheCpasWithCoresFigures();
    void legendModelPassesTheModelTester();
    void selectingALegendRowPicksTheBrush();
    void strokeIsOneUndoStepAndUndoRestores();
    void digitKeyPaintsIntoTheNthCpa();
    void eraserLeavesAuthoritiesUnassignedAndProblemsNameThem();
    void landContactRuleSplitsTwoPartnerships();
    void selectingAProblemHighlightsItsAuthorities();
    void balanceIndicatorAndMinimumSizeAreUndoSteps();
    void cpaEditsThroughThePageAreUndoable();
    void duplicatePlanThenAdoptIt();
    void adoptingNeedsAReasonOnceStageTwoIsSignedOff();
    void frozenAdoptedPlanDisablesPaintingWithTheReason();
    void readOnlyRoundDisablesEditing();
    void compareShowsTheAuthoritiesThatMoved();
    void suggestAddsOnePlanAsOneUndoStep();
    void suggestCanBeCancelled();
    void badAssignmentCsvShowsTheCoresMessageAndChangesNothing();
    void exportedAssignmentImportsAsANewPlan();
    void importedBoundariesSwitchTheMapAndUndo();
    void badBoundaryFileShowsTheCoresMessage();
    void tabOrderRunsFromPlanBarToProblems();
    void everyInteractiveWidgetHasAnAccessibleName();
    void mainWindowShowsTheEditorFromTheGoMenuAndTheOverview();
    void roundWithoutPlansOrFiguresStartsFromNewPlan();

private:
    struct Page
    {
        std::unique_ptr<RoundDocument> document;
        std::unique_ptr<EditRunner> edits;
        std::unique_ptr<CpaEditor> editor;
    };

    QString createRound(const QString &name, Round round);
    /** The editor over a fresh copy of \a round (the demo round by default), shown. */
    Page openPage(std::optional<Round> round = std::nullopt, bool readOnly = false);
    static void stroke(MapView *map, const QStringList &codes);
    static const CpaPlan &shownPlan(const Page &page);
    static const Cpa &cpaNamed(const CpaPlan &plan, const QString &name);
    static QStringList problemTexts(const CpaEditor &editor);
    static int rowOf(const CpaEditor &editor, const QString &cpaName);
    QString writeFile(const QString &name, const QByteArray &bytes);

    std::unique_ptr<QTemporaryDir> m_dir;
    DialogService m_dialogs;
};

void TestCpaEditor::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

void TestCpaEditor::init()
{
    Settings::clear();
    m_dialogs.clearMessages();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCpaEditor::cleanup()
{
    m_dir.reset();
}

QString TestCpaEditor::createRound(const QString &name, Round round)
{
    return TestSupport::createRoundFile(m_dir->filePath(name), round);
}

TestCpaEditor::Page TestCpaEditor::openPage(std::optional<Round> round, bool readOnly)
{
    Page page;
    if (!round) {
        Result<Round> demo = LondonRound::demo();
        if (!demo) {
            qWarning("%s", qPrintable(demo.errorMessage()));
            return page;
        }
        round = *demo;
        round->tender = {};     // bids would fix the lots: these tests paint every CPA
        round->monitoring = {}; // and so would the figures of stage 6
    }
    const QString path = createRound(QStringLiteral("round.cocom"), *round);
    if (path.isEmpty())
        return page;
    ProjectFile::Options options;
    options.readOnly = readOnly;
    auto opened = RoundDocument::open(path, options, QStringLiteral("tester"));
    if (!opened) {
        qWarning("%s", qPrintable(opened.errorMessage()));
        return page;
    }
    page.document = std::move(*opened);
    page.edits = std::make_unique<EditRunner>(&m_dialogs, nullptr);
    page.edits->setDocument(page.document.get());
    page.editor = std::make_unique<CpaEditor>(page.edits.get(), &m_dialogs);
    page.editor->setDocument(page.document.get());
    page.editor->resize(1000, 760);
    page.editor->show();
    if (!QTest::qWaitForWindowExposed(page.editor.get()))
        qWarning("The editor was not exposed");
    return page;
}

void TestCpaEditor::stroke(MapView *map, const QStringList &codes)
{
    // A press on the first authority, a drag over the others (QTest::mouseMove cannot hold a
    // button down), a release on the last.
    const QPoint first = map->itemRect(codes.first()).center().toPoint();
    QTest::mousePress(map, Qt::LeftButton, {}, first);
    for (const QString &code : codes.mid(1)) {
        const QPointF at = map->itemRect(code).center();
        QMouseEvent move(QEvent::MouseMove, at, map->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(map, &move);
    }
    QTest::mouseRelease(map, Qt::LeftButton, {}, map->itemRect(codes.last()).center().toPoint());
}

const CpaPlan &TestCpaEditor::shownPlan(const Page &page)
{
    return *page.document->round().plan(page.editor->plan());
}

const Cpa &TestCpaEditor::cpaNamed(const CpaPlan &plan, const QString &name)
{
    for (const Cpa &cpa : plan.cpas) {
        if (cpa.name == name)
            return cpa;
    }
    qFatal("no CPA %s", qPrintable(name));
}

QStringList TestCpaEditor::problemTexts(const CpaEditor &editor)
{
    QStringList texts;
    for (int row = 0; row < editor.problemsList()->count(); ++row)
        texts.append(editor.problemsList()->item(row)->text());
    return texts;
}

int TestCpaEditor::rowOf(const CpaEditor &editor, const QString &cpaName)
{
    const CpaLegendModel *model = editor.legendModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, CpaLegendModel::NameColumn).data().toString() == cpaName)
            return row;
    }
    return -1;
}

QString TestCpaEditor::writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCpaEditor::legendListsTheCpasWithCoresFigures()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    QCOMPARE(editor->planCombo()->currentText(),
             QStringLiteral("Sub-regional partnerships (adopted)"));

    // The demo plan has no balance indicator; choosing one is one undo step.
    QComboBox *indicator = editor->indicatorCombo();
    const int claimants = indicator->findData(QStringLiteral("claimant_count"));
    QVERIFY(claimants > 0);
    QCOMPARE(indicator->findText(QStringLiteral("Claimant rate (%)")), -1); // a ratio: no total
    indicator->setCurrentIndex(claimants);
    emit indicator->activated(claimants);
    QCOMPARE(page.document->undoStack()->count(), 1);
    QCOMPARE(shownPlan(page).balanceIndicator, QStringLiteral("claimant_count"));

    const Result<PlanCheck> check = checkRoundPlan(page.document->round(), shownPlan(page));
    QVERIFY2(check, qPrintable(check.errorMessage()));
    QCOMPARE(*editor->check(), *check);
    const CpaLegendModel *model = editor->legendModel();
    QCOMPARE(model->rowCount(), 5); // four CPAs and the eraser
    QCOMPARE(check->cpas.size(), 4);
    for (int row = 0; row < 4; ++row) {
        const CpaCheck &cpa = check->cpas.at(row);
        QCOMPARE(model->index(row, CpaLegendModel::NameColumn).data().toString(), cpa.name);
        QCOMPARE(model->index(row, CpaLegendModel::MembersColumn).data().toString(),
                 QString::number(cpa.members.size()));
        QVERIFY(cpa.total);
        QCOMPARE(model->index(row, CpaLegendModel::TotalColumn)
                     .data(CpaLegendModel::ValueRole)
                     .toDouble(),
                 *cpa.total);
        QCOMPARE(model->index(row, CpaLegendModel::TotalColumn).data().toString(),
                 CpaLegendModel::formatValue(*cpa.total));
        QCOMPARE(model->index(row, CpaLegendModel::ShareColumn)
                     .data(CpaLegendModel::ValueRole)
                     .toDouble(),
                 *cpa.sharePercent);
        QCOMPARE(model->index(row, CpaLegendModel::DeviationColumn).data().toString(),
                 CpaLegendModel::signedPercent(*cpa.deviationPercent));
        QCOMPARE(model->index(row, CpaLegendModel::ContiguousColumn).data().toString(),
                 QStringLiteral("Yes"));
        QCOMPARE(model->index(row, CpaLegendModel::PartnershipsColumn).data().toString(),
                 QStringLiteral("0"));
        QVERIFY(!model->index(row, CpaLegendModel::NameColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
    }
    QVERIFY(model->isEraserRow(4));
    QCOMPARE(model->index(4, CpaLegendModel::NameColumn).data().toString(),
             QStringLiteral("In no CPA (eraser)"));
    QCOMPARE(model->index(4, CpaLegendModel::MembersColumn).data().toString(), QStringLiteral("0"));

    QCOMPARE(editor->problemsStatusLabel()->text(), QStringLiteral("This plan keeps every rule."));
    // The plan's balance as a whole, from the same check.
    const QString balance = editor->balanceLabel()->text();
    QVERIFY2(
        balance.contains(UiUtil::numberLocale().toString(*check->largestDeviationPercent, 'f', 1) +
                         QStringLiteral("%")),
        qPrintable(balance));
    QVERIFY2(balance.contains(UiUtil::numberLocale().toString(*check->maxMinRatio, 'f', 2)),
             qPrintable(balance));
    // The check states its rule and where the neighbours come from.
    const QString rule = editor->checkRuleLabel()->text();
    QVERIFY2(rule.contains(QStringLiteral("using legal boundaries")), qPrintable(rule));
    QVERIFY2(rule.contains(adjacencySourcePhrase(page.document->round())), qPrintable(rule));
    QVERIFY2(rule.contains(QStringLiteral("Claimant count")), qPrintable(rule));
    // The map is filled in the CPAs' colours.
    QCOMPARE(editor->map()->fill().value(kWestminster),
             QColor(cpaNamed(shownPlan(page), QStringLiteral("Central London Forward")).colour));
    QVERIFY(editor->map()->highlighted().isEmpty());
    QVERIFY(editor->map()->isPaintingEnabled());
    // Hover text: the authority, its CPA and its value.
    editor->map()->setCurrentCode(kWestminster);
    const QString info = editor->mapInfoLabel()->text();
    QVERIFY2(info.contains(QStringLiteral("Westminster (E09000033)")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Central London Forward")), qPrintable(info));
    QVERIFY2(info.contains(QStringLiteral("Claimant count")), qPrintable(info));
}

void TestCpaEditor::legendModelPassesTheModelTester()
{
    Page page = openPage();
    QVERIFY(page.editor);
    QAbstractItemModelTester tester(page.editor->legendModel(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(page.editor->legendModel(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(page.editor->legendModel(), &QAbstractItemModel::dataChanged);
    // A stroke keeps the rows (the selection survives); adding a CPA resets them.
    stroke(page.editor->map(), {kCity});
    page.editor->setBrush(CpaId());
    stroke(page.editor->map(), {kCity});
    QCOMPARE(reset.count(), 0);
    QVERIFY(changed.count() > 0);
    m_dialogs.setNextText(QStringLiteral("Thames Gateway"));
    page.editor->addCpa();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(page.editor->legendModel()->rowCount(), 6);
}

void TestCpaEditor::selectingALegendRowPicksTheBrush()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const CpaPlan &plan = shownPlan(page);
    // The first CPA is the brush to start with.
    QCOMPARE(editor->brush(), plan.cpas.first().id);
    QCOMPARE(editor->legend()->currentIndex().row(), 0);

    const int local = rowOf(*editor, QStringLiteral("Local London"));
    editor->legend()->setCurrentIndex(editor->legendModel()->index(local, 0));
    QCOMPARE(editor->brush(), cpaNamed(plan, QStringLiteral("Local London")).id);
    QCOMPARE(editor->map()->brushColour(),
             QColor(cpaNamed(plan, QStringLiteral("Local London")).colour));

    // Keyboard: Down moves to the next row, and so the brush.
    editor->legend()->setFocus();
    QTest::keyClick(editor->legend(), Qt::Key_Down);
    QCOMPARE(editor->brush(), plan.cpas.at(local + 1).id);

    editor->legend()->setCurrentIndex(
        editor->legendModel()->index(editor->legendModel()->eraserRow(), 0));
    QVERIFY(!editor->brush().isValid());
    QVERIFY(!editor->map()->brushColour().isValid());
    // Renaming, recolouring and deleting need a CPA, not the eraser.
    QVERIFY(!editor->renameCpaButton()->isEnabled());
    QVERIFY(!editor->removeCpaButton()->isEnabled());
    QVERIFY(editor->addCpaButton()->isEnabled());
}

void TestCpaEditor::strokeIsOneUndoStepAndUndoRestores()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const Round before = page.document->round();
    const CpaId local = cpaNamed(shownPlan(page), QStringLiteral("Local London")).id;
    QVERIFY(editor->setBrush(local));

    // A drag from Tower Hamlets over Hackney and Islington into Local London.
    stroke(editor->map(), {kTowerHamlets, kHackney, kIslington});
    QUndoStack *stack = page.document->undoStack();
    QCOMPARE(stack->count(), 1);
    const Cpa &painted = cpaNamed(shownPlan(page), QStringLiteral("Local London"));
    for (const QString &code : {kTowerHamlets, kHackney, kIslington})
        QVERIFY(painted.members.contains(code));
    QCOMPARE(
        editor->legendModel()
            ->index(rowOf(*editor, QStringLiteral("Local London")), CpaLegendModel::MembersColumn)
            .data()
            .toString(),
        QStringLiteral("12"));
    QCOMPARE(editor->legendModel()
                 ->index(rowOf(*editor, QStringLiteral("Central London Forward")),
                         CpaLegendModel::MembersColumn)
                 .data()
                 .toString(),
             QStringLiteral("9"));
    QCOMPARE(editor->map()->fill().value(kHackney), QColor(painted.colour));
    // The brush survives the refresh.
    QCOMPARE(editor->brush(), local);

    stack->undo();
    QCOMPARE(page.document->round(), before);
    QCOMPARE(
        editor->legendModel()
            ->index(rowOf(*editor, QStringLiteral("Local London")), CpaLegendModel::MembersColumn)
            .data()
            .toString(),
        QStringLiteral("9"));
    stack->redo();
    QVERIFY(cpaNamed(shownPlan(page), QStringLiteral("Local London")).members.contains(kHackney));
}

void TestCpaEditor::digitKeyPaintsIntoTheNthCpa()
{
    Page page = openPage();
    QVERIFY(page.editor);
    MapView *map = page.editor->map();
    map->setFocus();
    map->setCurrentCode(kWestminster);
    QTest::keyClick(map, Qt::Key_2); // the second CPA: Local London
    QCOMPARE(page.document->undoStack()->count(), 1);
    QVERIFY(shownPlan(page).cpas.at(1).members.contains(kWestminster));

    // A digit beyond the plan's CPAs paints nothing and says why.
    QSignalSpy status(page.editor.get(), &CpaEditor::statusMessage);
    QTest::keyClick(map, Qt::Key_7);
    QCOMPARE(page.document->undoStack()->count(), 1);
    QCOMPARE(status.count(), 1);
    QVERIFY(status.first().first().toString().contains(QStringLiteral("4 CPAs")));
}

void TestCpaEditor::eraserLeavesAuthoritiesUnassignedAndProblemsNameThem()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    editor->legend()->setCurrentIndex(
        editor->legendModel()->index(editor->legendModel()->eraserRow(), 0));
    QVERIFY(!editor->brush().isValid());

    stroke(editor->map(), {kWestminster, kCamden});
    QCOMPARE(page.document->undoStack()->count(), 1);
    for (const Cpa &cpa : shownPlan(page).cpas) {
        QVERIFY(!cpa.members.contains(kWestminster));
        QVERIFY(!cpa.members.contains(kCamden));
    }
    QCOMPARE(editor->legendModel()
                 ->index(editor->legendModel()->eraserRow(), CpaLegendModel::MembersColumn)
                 .data()
                 .toString(),
             QStringLiteral("2"));
    const QStringList problems = problemTexts(*editor);
    const QString expected = QStringLiteral("Breaks a rule: Not in any CPA: ");
    const auto unassigned = std::find_if(problems.cbegin(), problems.cend(),
                                         [&](const QString &t) { return t.startsWith(expected); });
    QVERIFY2(unassigned != problems.cend(), qPrintable(problems.join(QLatin1Char('\n'))));
    QVERIFY(unassigned->contains(QStringLiteral("Camden")));
    QVERIFY(unassigned->contains(QStringLiteral("Westminster")));
    QVERIFY2(editor->problemsStatusLabel()->text().startsWith(
                 QStringLiteral("1 problem: this plan breaks a rule.")),
             qPrintable(editor->problemsStatusLabel()->text()));
    // Central London Forward now cuts its partnership: a note, not a broken rule.
    QVERIFY(std::any_of(problems.cbegin(), problems.cend(), [](const QString &t) {
        return t.startsWith(QStringLiteral("Note: Central London Forward splits"));
    }));
    // The map outlines them, and the authority in no CPA has no fill.
    QVERIFY(editor->map()->highlighted().contains(kWestminster));
    QVERIFY(editor->map()->highlighted().contains(kCamden));
    QVERIFY(!editor->map()->fill().contains(kWestminster));

    page.document->undoStack()->undo();
    QCOMPARE(editor->problemsStatusLabel()->text(), QStringLiteral("This plan keeps every rule."));
    QVERIFY(editor->map()->highlighted().isEmpty());
}

void TestCpaEditor::landContactRuleSplitsTwoPartnerships()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    QComboBox *rule = editor->ruleCombo();
    QCOMPARE(rule->currentText(), QStringLiteral("Legal boundary (default)"));
    const int land = rule->findData(int(AdjacencyRule::LandContactOnly));
    rule->setCurrentIndex(land);
    emit rule->activated(land);
    QCOMPARE(page.document->undoStack()->count(), 1);
    QCOMPARE(shownPlan(page).rule, AdjacencyRule::LandContactOnly);

    const QStringList problems = problemTexts(*editor);
    for (const QString &name :
         {QStringLiteral("Central London Forward"), QStringLiteral("Local London")}) {
        const QString sentence = QStringLiteral("Breaks a rule: %1 is not contiguous using land "
                                                "contact only")
                                     .arg(name);
        QVERIFY2(std::any_of(problems.cbegin(), problems.cend(),
                             [&](const QString &t) { return t.startsWith(sentence); }),
                 qPrintable(problems.join(QLatin1Char('\n'))));
        QVERIFY(editor->legendModel()
                    ->index(rowOf(*editor, name), CpaLegendModel::ContiguousColumn)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("No — ")));
    }
    QCOMPARE(editor->legendModel()
                 ->index(rowOf(*editor, QStringLiteral("West London Alliance")),
                         CpaLegendModel::ContiguousColumn)
                 .data()
                 .toString(),
             QStringLiteral("Yes"));
    QVERIFY(editor->problemsStatusLabel()->text().startsWith(QStringLiteral("2 problems")));
    QVERIFY(editor->checkRuleLabel()->text().contains(QStringLiteral("using land contact only")));
    // The map outlines the authorities of both problems: Newham (Local London) and the City.
    QVERIFY(editor->map()->highlighted().contains(kNewham));
    QVERIFY(editor->map()->highlighted().contains(kCity));

    page.document->undoStack()->undo();
    QCOMPARE(rule->currentText(), QStringLiteral("Legal boundary (default)"));
    QCOMPARE(editor->problemsStatusLabel()->text(), QStringLiteral("This plan keeps every rule."));
}

void TestCpaEditor::selectingAProblemHighlightsItsAuthorities()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    editor->setBrush(CpaId());
    stroke(editor->map(), {kWestminster});
    const int land = editor->ruleCombo()->findData(int(AdjacencyRule::LandContactOnly));
    editor->ruleCombo()->setCurrentIndex(land);
    emit editor->ruleCombo()->activated(land);
    QListWidget *list = editor->problemsList();
    QVERIFY(list->count() >= 3);
    const QStringList all = editor->map()->highlighted();
    QVERIFY(all.contains(kWestminster));

    list->setCurrentRow(0);
    QListWidgetItem *first = list->item(0);
    QVERIFY(first->data(CpaEditor::ProblemBreaksRuleRole).toBool());
    QCOMPARE(editor->map()->highlighted(), first->data(CpaEditor::ProblemCodesRole).toStringList());
    QVERIFY(editor->map()->highlighted() != all);
    list->clearSelection();
    QCOMPARE(editor->map()->highlighted(), all);
}

void TestCpaEditor::balanceIndicatorAndMinimumSizeAreUndoSteps()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    QDoubleSpinBox *minimum = editor->minimumSizeSpin();
    QVERIFY(!minimum->isEnabled()); // no indicator yet
    QCOMPARE(minimum->text(), QStringLiteral("None"));

    const int claimants = editor->indicatorCombo()->findData(QStringLiteral("claimant_count"));
    editor->indicatorCombo()->setCurrentIndex(claimants);
    emit editor->indicatorCombo()->activated(claimants);
    QVERIFY(minimum->isEnabled());
    QCOMPARE(page.document->undoStack()->count(), 1);

    // A minimum above the smallest CPA's total makes it too small.
    double smallest = 1e18;
    for (const CpaCheck &cpa : editor->check()->cpas)
        smallest = std::min(smallest, *cpa.total);
    minimum->setValue(std::floor(smallest) + 1);
    QCOMPARE(page.document->undoStack()->count(), 2);
    QCOMPARE(shownPlan(page).minimumSize, std::optional<double>(std::floor(smallest) + 1));
    QVERIFY(std::any_of(
        editor->check()->problems.cbegin(), editor->check()->problems.cend(),
        [](const PlanProblem &p) { return p.kind == PlanProblem::Kind::BelowMinimum; }));
    QVERIFY(problemTexts(*editor).join(QLatin1Char('\n')).contains(QStringLiteral("minimum size")));
    // Consecutive changes of the minimum merge into one step; "None" clears it.
    minimum->setValue(1000);
    QCOMPARE(page.document->undoStack()->count(), 2);
    minimum->setValue(0);
    QVERIFY(!shownPlan(page).minimumSize);
    QCOMPARE(page.document->undoStack()->count(), 1); // back where the step began: dropped

    page.document->undoStack()->undo();
    QVERIFY(shownPlan(page).balanceIndicator.isEmpty());
    QCOMPARE(editor->indicatorCombo()->currentText(), QStringLiteral("None"));
    QVERIFY(!minimum->isEnabled());
}

void TestCpaEditor::cpaEditsThroughThePageAreUndoable()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const Round before = page.document->round();
    QUndoStack *stack = page.document->undoStack();
    QSignalSpy status(editor, &CpaEditor::statusMessage);

    m_dialogs.setNextText(QStringLiteral("Thames Gateway"));
    editor->addCpaButton()->click();
    QCOMPARE(shownPlan(page).cpas.size(), 5);
    const CpaId added = shownPlan(page).cpas.last().id;
    QCOMPARE(editor->brush(), added); // the new CPA is the brush
    QCOMPARE(editor->legend()->currentIndex().row(), 4);

    m_dialogs.setNextText(QStringLiteral("Thames Estuary"));
    editor->renameCpaButton()->click();
    QCOMPARE(shownPlan(page).cpas.last().name, QStringLiteral("Thames Estuary"));

    m_dialogs.setNextColour(QColor(QStringLiteral("#123456")));
    editor->colourButton()->click();
    QCOMPARE(shownPlan(page).cpas.last().colour, QStringLiteral("#123456"));
    QCOMPARE(editor->legendModel()->index(4, 0).data(CpaLegendModel::ColourRole).value<QColor>(),
             QColor(QStringLiteral("#123456")));

    // Painting into it, then deleting it: its authorities go into no CPA.
    stroke(editor->map(), {kNewham});
    QVERIFY(shownPlan(page).cpas.last().members.contains(kNewham));
    editor->removeCpaButton()->click();
    QCOMPARE(shownPlan(page).cpas.size(), 4);
    QVERIFY(editor->check()->unassigned.contains(kNewham));
    QVERIFY(!status.isEmpty());
    QVERIFY2(status.last().first().toString().contains(QStringLiteral("Undo with Ctrl+Z")),
             qPrintable(status.last().first().toString()));
    QVERIFY(editor->removeCpaButton()->toolTip().contains(QStringLiteral("Undo with Ctrl+Z")));
    QCOMPARE(stack->count(), 5);

    // A cancelled question changes nothing.
    editor->renameCpaButton()->click();
    QCOMPARE(stack->count(), 5);

    while (stack->canUndo())
        stack->undo();
    QCOMPARE(page.document->round(), before);
    QCOMPARE(editor->legendModel()->rowCount(), 5);
}

void TestCpaEditor::duplicatePlanThenAdoptIt()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const PlanId original = editor->plan();
    QVERIFY(!editor->adoptButton()->isEnabled()); // adopted already
    QVERIFY(editor->adoptButton()->toolTip().contains(QStringLiteral("adopted plan already")));
    QVERIFY(!editor->deletePlanButton()->isEnabled());
    QVERIFY(!editor->compareButton()->isEnabled()); // one plan only

    m_dialogs.setNextText(QStringLiteral("Draft"));
    editor->duplicatePlanButton()->click();
    QVERIFY(editor->plan() != original);
    QCOMPARE(shownPlan(page).name, QStringLiteral("Draft"));
    QCOMPARE(editor->planCombo()->currentText(), QStringLiteral("Draft"));
    QCOMPARE(editor->planCombo()->count(), 2);
    QVERIFY(
        editor->planStatusLabel()->text().contains(QStringLiteral("Sub-regional partnerships")));
    QVERIFY(editor->adoptButton()->isEnabled());
    QVERIFY(editor->deletePlanButton()->isEnabled());
    QVERIFY(editor->compareButton()->isEnabled());

    m_dialogs.setNextAnswer(true);
    editor->adoptButton()->click();
    QVERIFY(shownPlan(page).adopted);
    QCOMPARE(page.document->round().adoptedPlan()->name, QStringLiteral("Draft"));
    QCOMPARE(editor->planCombo()->currentText(), QStringLiteral("Draft (adopted)"));
    QVERIFY(!editor->adoptButton()->isEnabled());
    QCOMPARE(page.document->undoStack()->count(), 2);

    // Answering no adopts nothing.
    editor->setPlan(original);
    editor->adoptButton()->click(); // the queue is empty: "cancel"
    QCOMPARE(page.document->round().adoptedPlan()->name, QStringLiteral("Draft"));

    page.document->undoStack()->undo();
    QCOMPARE(page.document->round().adoptedPlan()->id, original);
    QCOMPARE(editor->planCombo()->itemText(0),
             QStringLiteral("Sub-regional partnerships (adopted)"));

    // Deleting the draft is an undo step too, and the page falls back to the adopted plan.
    QVERIFY(editor->setPlan(page.document->round().plans.last().id));
    editor->deletePlanButton()->click();
    QCOMPARE(page.document->round().plans.size(), 1);
    QCOMPARE(editor->plan(), original);
}

void TestCpaEditor::adoptingNeedsAReasonOnceStageTwoIsSignedOff()
{
    Result<Round> round = LondonRound::demo();
    QVERIFY(round);
    round->tender = {};     // bids would fix the adopted plan
    round->monitoring = {}; // and so would the figures of stage 6
    round->stage(StageId::Needs).status = StageStatus::SignedOff;
    round->stage(StageId::Priorities).status = StageStatus::SignedOff;
    CpaPlan draft = round->plans.first();
    draft.id = PlanId(2);
    draft.name = QStringLiteral("Draft");
    draft.adopted = false;
    for (Cpa &cpa : draft.cpas)
        cpa.id = CpaId(cpa.id.value() + 10);
    round->plans.append(draft);
    Page page = openPage(*round);
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    QVERIFY(editor->setPlan(PlanId(2)));
    QVERIFY(editor->adoptButton()->isEnabled());

    // Cancelling the reason adopts nothing; giving one adopts and records it.
    editor->adoptButton()->click();
    QCOMPARE(page.document->round().adoptedPlan()->name,
             QStringLiteral("Sub-regional partnerships"));
    m_dialogs.setNextText(QStringLiteral("The board agreed new areas on 3 June"));
    editor->adoptButton()->click();
    QCOMPARE(page.document->round().adoptedPlan()->name, QStringLiteral("Draft"));
    const auto entries = page.document->auditEntries();
    QVERIFY(entries);
    QVERIFY(entries->last().after.contains(QStringLiteral("The board agreed new areas")));
}

void TestCpaEditor::frozenAdoptedPlanDisablesPaintingWithTheReason()
{
    Result<Round> round = LondonRound::demo();
    QVERIFY(round);
    round->stage(StageId::Needs).status = StageStatus::SignedOff;
    round->stage(StageId::Priorities).status = StageStatus::ReadyForSignOff;
    Page page = openPage(*round);
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const QString why = page.document->whyPlanFrozen(editor->plan());
    QVERIFY(!why.isEmpty());

    QCOMPARE(editor->whyNotEditable(), why);
    QVERIFY(editor->frozenNotice()->isVisibleTo(editor));
    QVERIFY(editor->frozenNotice()->text().contains(why));
    QVERIFY(!editor->map()->isPaintingEnabled());
    QVERIFY(editor->mapInfoLabel()->text().contains(QStringLiteral("Painting is off")));
    for (QWidget *widget : {static_cast<QWidget *>(editor->addCpaButton()),
                            static_cast<QWidget *>(editor->renameCpaButton()),
                            static_cast<QWidget *>(editor->removeCpaButton()),
                            static_cast<QWidget *>(editor->ruleCombo()),
                            static_cast<QWidget *>(editor->indicatorCombo())}) {
        QVERIFY2(!widget->isEnabled(), qPrintable(widget->objectName()));
        QCOMPARE(widget->toolTip(), why);
    }
    // Even a stroke that reaches the page changes nothing.
    emit editor->map()->strokeFinished({kWestminster});
    QCOMPARE(page.document->undoStack()->count(), 0);

    // A copy of the plan can be edited.
    QVERIFY(editor->duplicatePlanButton()->isEnabled());
    m_dialogs.setNextText(QStringLiteral("Draft"));
    editor->duplicatePlan();
    QCOMPARE(shownPlan(page).name, QStringLiteral("Draft"));
    QVERIFY(editor->map()->isPaintingEnabled());
    QVERIFY(!editor->frozenNotice()->isVisibleTo(editor));
    QVERIFY(editor->addCpaButton()->isEnabled());
}

void TestCpaEditor::readOnlyRoundDisablesEditing()
{
    Page page = openPage(std::nullopt, true);
    QVERIFY(page.editor);
    QVERIFY(page.document->isReadOnly());
    CpaEditor *editor = page.editor.get();
    QVERIFY(!editor->map()->isPaintingEnabled());
    QVERIFY(editor->frozenNotice()->isVisibleTo(editor));
    QVERIFY(editor->frozenNotice()->text().contains(page.document->whyNotEditable()));
    QVERIFY(!editor->newPlanButton()->isEnabled());
    QVERIFY(!editor->duplicatePlanButton()->isEnabled());
    QVERIFY(!editor->importAssignmentAction()->isEnabled());
    QVERIFY(!editor->importBoundariesAction()->isEnabled());
    QVERIFY(editor->exportAssignmentAction()->isEnabled()); // reading is fine
}

void TestCpaEditor::compareShowsTheAuthoritiesThatMoved()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const QString adopted = shownPlan(page).name;
    m_dialogs.setNextText(QStringLiteral("Draft"));
    editor->duplicatePlan();
    QVERIFY(editor->setBrush(cpaNamed(shownPlan(page), QStringLiteral("Local London")).id));
    stroke(editor->map(), {kTowerHamlets, kHackney});

    CompareDialog *dialog = editor->compare();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->firstPlan(), editor->plan());
    QCOMPARE(dialog->secondCombo()->currentText(), adopted + QStringLiteral(" (adopted)"));
    QTableWidget *moved = dialog->movedTable();
    QCOMPARE(moved->rowCount(), 2);
    QCOMPARE(moved->item(0, 0)->text(), QStringLiteral("Hackney"));
    QCOMPARE(moved->item(0, 1)->text(), QStringLiteral("Local London"));
    QCOMPARE(moved->item(0, 2)->text(), QStringLiteral("Central London Forward"));
    QCOMPARE(moved->item(1, 0)->text(), QStringLiteral("Tower Hamlets"));
    QVERIFY(dialog->summaryLabel()->text().startsWith(QStringLiteral("2 authorities")));
    QTableWidget *figures = dialog->figuresTable();
    QCOMPARE(figures->horizontalHeaderItem(0)->text(), QStringLiteral("Draft"));
    QCOMPARE(figures->horizontalHeaderItem(1)->text(), adopted);
    QCOMPARE(figures->item(CompareDialog::CoverageRow, 0)->text(),
             QStringLiteral("Every authority in exactly one CPA"));
    QCOMPARE(figures->item(CompareDialog::RulesRow, 1)->text(), QStringLiteral("Keeps every rule"));
    QCOMPARE(dialog->comparison()->moved.size(), 2);

    // The dialog follows the document: another stroke, another row.
    stroke(editor->map(), {kIslington});
    QCOMPARE(moved->rowCount(), 3);
    page.document->undoStack()->undo();
    QCOMPARE(moved->rowCount(), 2);
    // Deleting the first plan closes it.
    page.document->undoStack()->undo(); // the first stroke
    page.document->undoStack()->undo(); // the duplicate
    QTRY_VERIFY(!editor->compareDialog());
}

void TestCpaEditor::suggestAddsOnePlanAsOneUndoStep()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const qsizetype plans = page.document->round().plans.size();
    SuggestDialog *dialog = editor->suggest();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(dialog->cpaCountSpin()->value(), 4); // the plan's CPAs
    QCOMPARE(dialog->cpaCountSpin()->minimum(), 2);
    QCOMPARE(dialog->cpaCountSpin()->maximum(), 10);
    QCOMPARE(dialog->timeLimitSpin()->value(), 10);
    QCOMPARE(dialog->indicatorCombo()->currentData().toString(), QStringLiteral("claimant_count"));
    QVERIFY(!dialog->addButton()->isEnabled());
    dialog->timeLimitSpin()->setValue(3);

    QSignalSpy finished(dialog, &SuggestDialog::searchFinished);
    dialog->suggestButton()->click();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QVERIFY(!dialog->isRunning());
    QVERIFY(dialog->suggestion());
    QVERIFY(dialog->suggestion()->exhaustive);
    QVERIFY(dialog->resultsTable()->rowCount() > 0);
    const QString summary = dialog->summaryLabel()->text();
    QVERIFY2(summary.contains(QStringLiteral("every plan")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("perfect")), qPrintable(summary));
    QVERIFY(dialog->elapsedLabel()->text().startsWith(QStringLiteral("Took")));
    QVERIFY(dialog->addButton()->isEnabled());

    const double best = dialog->suggestion()->plans.first().largestDeviationPercent;
    QSignalSpy added(dialog, &SuggestDialog::planAdded);
    dialog->addButton()->click();
    QCOMPARE(added.count(), 1);
    QCOMPARE(page.document->round().plans.size(), plans + 1);
    QCOMPARE(page.document->undoStack()->count(), 1);
    const CpaPlan &plan = page.document->round().plans.last();
    QCOMPARE(plan.name, SuggestDialog::planName(Round(), 4, best));
    QVERIFY(plan.name.startsWith(QStringLiteral("Suggested: 4 CPAs (")));
    QCOMPARE(plan.balanceIndicator, QStringLiteral("claimant_count"));
    QVERIFY(!plan.adopted);
    QCOMPARE(editor->plan(), plan.id); // the page shows it
    QVERIFY(editor->check()->ok());
    QVERIFY(editor->check()->largestDeviationPercent);
    QVERIFY(std::abs(*editor->check()->largestDeviationPercent - best) < 1e-6);

    page.document->undoStack()->undo();
    QCOMPARE(page.document->round().plans.size(), plans);
    // A second suggestion of the same figures gets a name of its own.
    QCOMPARE(SuggestDialog::planName(page.document->round(), 4, best),
             QStringLiteral("Suggested: 4 CPAs (%1%)")
                 .arg(UiUtil::numberLocale().toString(best, 'f', 1)));
}

void TestCpaEditor::suggestCanBeCancelled()
{
    Page page = openPage();
    QVERIFY(page.editor);
    SuggestDialog *dialog = page.editor->suggest();
    QVERIFY(dialog);
    dialog->cpaCountSpin()->setValue(10);
    QSignalSpy finished(dialog, &SuggestDialog::searchFinished);
    QVERIFY(dialog->start());
    QVERIFY(dialog->isRunning());
    QVERIFY(dialog->cancelButton()->isEnabled());
    QVERIFY(!dialog->suggestButton()->isEnabled());
    QCOMPARE(dialog->progressBar()->maximum(), 0); // busy
    dialog->cancelButton()->click();
    QVERIFY(finished.wait(5000) || finished.count() == 1);
    QVERIFY(!dialog->isRunning());
    QVERIFY(dialog->suggestButton()->isEnabled());
    // Either it stopped, with the best found so far, or it had finished first.
    QVERIFY(dialog->suggestion());
    QVERIFY(dialog->suggestion()->exhaustive ||
            dialog->summaryLabel()->text().contains(QStringLiteral("You stopped the search")));
    // Closing the dialog while a search runs stops it and waits.
    QVERIFY(dialog->start());
    dialog->reject();
    QVERIFY(!dialog->isRunning());
}

void TestCpaEditor::badAssignmentCsvShowsTheCoresMessageAndChangesNothing()
{
    Page page = openPage();
    QVERIFY(page.editor);
    QByteArray csv = "gss_code,cpa\r\n";
    for (const Authority &authority : page.document->round().authorities)
        csv +=
            (authority.gssCode == kCamden ? QByteArray("E09999999") : authority.gssCode.toUtf8()) +
            ",North\r\n";
    const QString path = writeFile(QStringLiteral("bad assignment.csv"), csv);
    const Round before = page.document->round();

    m_dialogs.setNextFileName(path);
    m_dialogs.setNextText(QStringLiteral("Sub-regional partnerships"));
    page.editor->importAssignment();
    QCOMPARE(page.document->round(), before);
    QCOMPARE(page.document->undoStack()->count(), 0);
    QCOMPARE(m_dialogs.messages().size(), 1);
    const DialogService::Message &message = m_dialogs.messages().last();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The assignment was not imported"));
    QVERIFY2(message.text.contains(QStringLiteral("bad assignment.csv")), qPrintable(message.text));
    QVERIFY2(message.text.contains(QStringLiteral("E09999999")), qPrintable(message.text));
}

void TestCpaEditor::exportedAssignmentImportsAsANewPlan()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    const QString path = m_dir->filePath(QStringLiteral("partnerships"));
    m_dialogs.setNextFileName(path);
    QSignalSpy status(editor, &CpaEditor::statusMessage);
    editor->exportAssignment();
    QVERIFY(QFile::exists(path + QStringLiteral(".csv"))); // the suffix is added
    QCOMPARE(status.count(), 1);

    m_dialogs.setNextFileName(path + QStringLiteral(".csv"));
    m_dialogs.setNextText(QStringLiteral("Imported"));
    editor->importAssignment();
    QCOMPARE(page.document->round().plans.size(), 2);
    QCOMPARE(shownPlan(page).name, QStringLiteral("Imported"));
    QCOMPARE(CpaAssignment::fromPlan(shownPlan(page)),
             CpaAssignment::fromPlan(page.document->round().plans.first()));
    QCOMPARE(m_dialogs.messages().last().kind, DialogService::MessageKind::Information);
    QVERIFY(m_dialogs.messages().last().text.contains(QStringLiteral("the new plan \"Imported\"")));
    page.document->undoStack()->undo();
    QCOMPARE(page.document->round().plans.size(), 1);
}

void TestCpaEditor::importedBoundariesSwitchTheMapAndUndo()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    QVERIFY(!editor->boundariesButton()->isEnabled());
    QCOMPARE(editor->map()->mode(), MapView::Mode::Tiles);

    // Two squares side by side: the City and Westminster; the other authorities have none.
    const QByteArray geojson = R"({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"LAD23CD": "E09000001"}, "geometry": {"type": "Polygon",
         "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},
        {"type": "Feature", "properties": {"LAD23CD": "E09000033"}, "geometry": {"type": "Polygon",
         "coordinates": [[[1, 0], [2, 0], [2, 1], [1, 1], [1, 0]]]}}]})";
    const QString path = writeFile(QStringLiteral("two.geojson"), geojson);
    m_dialogs.setNextFileName(path);
    editor->importBoundaries();
    QCOMPARE(page.document->undoStack()->count(), 1);
    QVERIFY(editor->boundariesButton()->isEnabled());
    QVERIFY(editor->boundariesButton()->isChecked());
    QCOMPARE(editor->map()->mode(), MapView::Mode::Boundaries);
    QCOMPARE(editor->map()->shownCodes().size(), 2);
    const DialogService::Message &message = m_dialogs.messages().last();
    QCOMPARE(message.kind, DialogService::MessageKind::Information);
    QVERIFY2(message.text.contains(QStringLiteral("Authorities without an area: ")),
             qPrintable(message.text));
    QVERIFY(message.text.contains(QStringLiteral("Camden (E09000007)")));
    QVERIFY(editor->checkRuleLabel()->text().contains(QStringLiteral("two.geojson")));
    QVERIFY(editor->removeBoundariesAction()->isEnabled());

    editor->tilesButton()->click();
    QCOMPARE(editor->map()->mode(), MapView::Mode::Tiles);
    editor->boundariesButton()->click();
    QCOMPARE(editor->map()->mode(), MapView::Mode::Boundaries);

    page.document->undoStack()->undo();
    QVERIFY(!editor->boundariesButton()->isEnabled());
    QVERIFY(editor->tilesButton()->isChecked());
    QCOMPARE(editor->map()->mode(), MapView::Mode::Tiles);
}

void TestCpaEditor::badBoundaryFileShowsTheCoresMessage()
{
    Page page = openPage();
    QVERIFY(page.editor);
    const Round before = page.document->round();
    const QString path = TestSupport::dataDir() + QStringLiteral("/cpa/geojson/not_json.geojson");
    m_dialogs.setNextFileName(path);
    page.editor->importBoundaries();
    QCOMPARE(page.document->round(), before);
    QCOMPARE(page.document->undoStack()->count(), 0);
    const DialogService::Message &message = m_dialogs.messages().last();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The boundaries were not imported"));
    QVERIFY2(message.text.contains(QStringLiteral("not_json.geojson")), qPrintable(message.text));
}

void TestCpaEditor::tabOrderRunsFromPlanBarToProblems()
{
    Page page = openPage();
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    QApplication::setActiveWindow(editor);
    QVERIFY(QTest::qWaitForWindowActive(editor));
    editor->planCombo()->setFocus();
    QStringList chain;
    for (int i = 0; i < 40; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus || chain.contains(focus->objectName()))
            break;
        chain.append(focus->objectName());
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    const QStringList order = {QStringLiteral("planCombo"),
                               QStringLiteral("newPlanButton"),
                               QStringLiteral("duplicatePlanButton"),
                               QStringLiteral("renamePlanButton"),
                               QStringLiteral("suggestPlansButton"),
                               QStringLiteral("cpaFilesButton"),
                               QStringLiteral("tilesButton"),
                               QStringLiteral("cpaMap"),
                               QStringLiteral("cpaLegend"),
                               QStringLiteral("addCpaButton"),
                               QStringLiteral("removeCpaButton"),
                               QStringLiteral("adjacencyRuleCombo"),
                               QStringLiteral("balanceIndicatorCombo"),
                               QStringLiteral("problemsList")};
    qsizetype last = -1;
    for (const QString &name : order) {
        const qsizetype at = chain.indexOf(name);
        QVERIFY2(at > last, qPrintable(name + QStringLiteral(" in ") + chain.join(u' ')));
        last = at;
    }
}

void TestCpaEditor::everyInteractiveWidgetHasAnAccessibleName()
{
    Page page = openPage();
    QVERIFY(page.editor);
    m_dialogs.setNextText(QStringLiteral("Draft"));
    page.editor->duplicatePlan();
    QList<QWidget *> roots = {page.editor.get(), page.editor->compare(), page.editor->suggest()};
    for (QWidget *root : roots) {
        QVERIFY(root);
        const QList<QWidget *> widgets = root->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            if (!widget->isVisibleTo(root) || !(widget->focusPolicy() & Qt::TabFocus))
                continue;
            const bool interactive =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QComboBox *>(widget) ||
                qobject_cast<QAbstractItemView *>(widget) ||
                qobject_cast<QAbstractSpinBox *>(widget) || qobject_cast<MapView *>(widget);
            if (!interactive)
                continue;
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1 %2").arg(
                         QLatin1String(widget->metaObject()->className()), widget->objectName())));
        }
    }
    // Every button of the page has a mnemonic.
    const QList<QAbstractButton *> buttons = page.editor->findChildren<QAbstractButton *>();
    for (QAbstractButton *button : buttons) {
        // The page's own buttons; a dialog's Close answers to Escape.
        if (button->text().isEmpty() || button->window() != page.editor.get())
            continue;
        QVERIFY2(button->text().contains(QLatin1Char('&')), qPrintable(button->text()));
    }
}

void TestCpaEditor::mainWindowShowsTheEditorFromTheGoMenuAndTheOverview()
{
    Result<Round> demo = LondonRound::demo();
    QVERIFY(demo);
    demo->tender = {};
    demo->monitoring = {};
    const QString path = createRound(QStringLiteral("window.cocom"), *demo);
    MainWindow window(&m_dialogs);
    QVERIFY(!window.cpaEditorAction()->isEnabled());
    window.show();
    QVERIFY(window.openFile(path));
    QVERIFY(window.cpaEditorAction()->isEnabled());
    QCOMPARE(window.cpaEditorAction()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_7));
    QCOMPARE(window.cpaEditor()->document(), window.document());
    auto *pages = window.findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QVERIFY(pages);

    window.cpaEditorAction()->trigger();
    QCOMPARE(pages->currentWidget(), window.cpaEditor());
    QCOMPARE(window.navigator()->currentIndex().row(), StageListModel::kCpaRow);
    // Back to a stage through the navigator, then to the editor from the overview's button.
    window.showPage(StageId::Needs);
    QVERIFY(pages->currentWidget() != window.cpaEditor());
    window.showPage(std::nullopt);
    window.overviewPage()->openCpaEditorButton()->click();
    QCOMPARE(pages->currentWidget(), window.cpaEditor());
    window.showPage(std::nullopt);
    QCOMPARE(pages->currentWidget(), window.overviewPage());

    // A deletion's undo hint reaches the status bar.
    window.cpaEditorAction()->trigger();
    window.cpaEditor()->removeCpa();
    QVERIFY(window.statusBar()->currentMessage().contains(QStringLiteral("Undo with")));
    window.closeRound();
    QVERIFY(!window.cpaEditor()->document());
}

void TestCpaEditor::roundWithoutPlansOrFiguresStartsFromNewPlan()
{
    Result<Round> blank = LondonRound::blank(QStringLiteral("Blank"));
    QVERIFY(blank);
    Page page = openPage(*blank);
    QVERIFY(page.editor);
    CpaEditor *editor = page.editor.get();
    QVERIFY(!editor->plan().isValid());
    QVERIFY(editor->planStatusLabel()->text().contains(QStringLiteral("no CPA plan yet")));
    QVERIFY(!editor->map()->isPaintingEnabled());
    QVERIFY(!editor->addCpaButton()->isEnabled());
    QVERIFY(!editor->frozenNotice()->isVisibleTo(editor)); // nothing frozen, only empty
    QVERIFY(!editor->suggestButton()->isEnabled());
    QVERIFY(editor->suggestButton()->toolTip().contains(QStringLiteral("labour-market")));
    QCOMPARE(editor->legendModel()->rowCount(), 0);

    m_dialogs.setNextText(QStringLiteral("First try"));
    editor->newPlanButton()->click();
    QVERIFY(editor->plan().isValid());
    QCOMPARE(shownPlan(page).name, QStringLiteral("First try"));
    // An empty plan: every authority is in no CPA, and the eraser is the only brush.
    QCOMPARE(editor->legendModel()->rowCount(), 1);
    QCOMPARE(editor->check()->unassigned.size(), 33);
    QVERIFY(editor->map()->isPaintingEnabled());
    m_dialogs.setNextText(QStringLiteral("North"));
    editor->addCpa();
    QCOMPARE(shownPlan(page).cpas.size(), 1);
    stroke(editor->map(), {kCamden, kIslington});
    QCOMPARE(shownPlan(page).cpas.first().members, QStringList({kCamden, kIslington}));
    QCOMPARE(page.document->undoStack()->count(), 3);
}

QTEST_MAIN(TestCpaEditor)
#include "tst_cpaeditor.moc"
