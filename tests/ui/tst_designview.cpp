#include "tests/support/demoround.h"
#include "tests/support/testsupport.h"
#include "ui/design/designview.h"

#include "core/design/designtemplate.h"
#include "core/design/financialmodel.h"
#include "core/design/volumes.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/design/contributionsview.h"
#include "ui/design/designtab.h"
#include "ui/design/financialview.h"
#include "ui/design/paymentview.h"
#include "ui/design/referralview.h"
#include "ui/design/standardsview.h"
#include "ui/design/tariffmodel.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/settings.h"

#include <QAbstractItemModelTester>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace CoCommission;

/**
 * The stage 3 screen on a copy of the demo round: every tab filled from the stored design,
 * edits in place and through dialogs as single undo steps, refused values leaving the stored
 * value on screen, the financial figures equal to core's forecast, the illustrative design
 * replaced by the template, and the frozen stage.
 */
class TestDesignView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void demoFillsEveryTab();
    void tariffModelIsSound();
    void editingATariffCellIsOneUndoStep();
    void theDelegateEditsInPlace();
    void aRowWithoutATariffGetsOneWhenEdited();
    void steppingASpinBoxThreeTimesIsOneUndoStep();
    void aRefusedRateChangesNothing();
    void aRefusedSettingShowsTheStoredValue();
    void financialTableShowsCoresForecast();
    void aScenarioWithoutATariffIsExplained();
    void aLargeSimulationRunsWithProgressAndCanBeCancelled();
    void modelFiguresFollowTheDevolutionModel();
    void addingAStandardThroughTheDialog();
    void aRefusedDialogStaysOpen();
    void deleteRemovesAndEnterEdits();
    void templatesAddTheMissingStandards();
    void noPriorityPlaceIsSaidPlainly();
    void statingAndClearingAReferralVolume();
    void scenariosAreAddedRenamedAndRemoved();
    void contributionsAreTotalled();
    void startingTheOwnDesignReplacesItAndUndoes();
    void decliningTheOwnDesignChangesNothing();
    void frozenStageDisablesEditing();
    void everyControlHasAnAccessibleName();

private:
    void openDemo(const std::function<void(Round &)> &change = {});
    const PaymentScenario &scenario(int index) const;
    int undoCount() const { return m_demo.document->undoStack()->count(); }
    /** The stored tariff of \a group for every CPA in scenario \a index. */
    const GroupTariff *tariff(int index, const QString &group) const;

    TestSupport::DemoRound m_demo;
    std::unique_ptr<DesignView> m_view;
};

void TestDesignView::initTestCase()
{
    TestSupport::DemoRound::setUpApplication();
}

void TestDesignView::init()
{
    Settings::clear();
    openDemo();
}

void TestDesignView::openDemo(const std::function<void(Round &)> &change)
{
    m_view.reset();
    QVERIFY(m_demo.open(change));
    m_view = std::make_unique<DesignView>(m_demo.edits.get(), m_demo.dialogs.get());
    m_view->resize(1200, 900);
    m_view->setDocument(m_demo.document.get());
}

void TestDesignView::cleanup()
{
    m_view.reset();
    m_demo.close();
}

const PaymentScenario &TestDesignView::scenario(int index) const
{
    return m_demo.document->round().design.scenarios.at(index);
}

const GroupTariff *TestDesignView::tariff(int index, const QString &group) const
{
    for (const GroupTariff &t : scenario(index).tariffs) {
        if (t.group == group && !t.cpa.isValid())
            return &t;
    }
    return nullptr;
}

void TestDesignView::demoFillsEveryTab()
{
    const Round &round = m_demo.document->round();
    QCOMPARE(m_view->tabs()->count(), 5);
    QVERIFY(m_view->illustrativeNotice()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->startOwnButton()->isEnabled());
    QVERIFY(!m_view->frozenNotice()->isVisibleTo(m_view.get()));

    StandardsView *standards = m_view->standardsView();
    QCOMPARE(standards->standardsTable()->rowCount(), 6);
    QCOMPARE(standards->standardsTable()->item(0, StandardsView::StandardNameColumn)->text(),
             round.design.standards.first().name);
    QCOMPARE(standards->standardsTable()->item(2, StandardsView::TargetColumn)->text(), "Yes");
    QCOMPARE(standards->conditionsTable()->rowCount(), 2);
    QCOMPARE(standards->conditionsTable()->item(0, StandardsView::CpaColumn)->text(), "All CPAs");
    QCOMPARE(standards->conditionsTable()->item(0, StandardsView::MinimumColumn)->text(), "30%");

    ReferralView *referral = m_view->referralView();
    QCOMPARE(referral->rulesTable()->rowCount(), 5);
    QCOMPARE(referral->routesTable()->rowCount(), 3);
    const int cpas = int(round.adoptedPlan()->cpas.size());
    QCOMPARE(referral->volumesTable()->rowCount(), 3 * cpas);
    for (int row = 0; row < referral->volumesTable()->rowCount(); ++row) {
        QCOMPARE(referral->volumesTable()->item(row, ReferralView::HowColumn)->text(), "Estimated");
        QVERIFY(!referral->volumesTable()->item(row, ReferralView::BasisColumn)->text().isEmpty());
    }
    // The first group's figures: its measure, eligible share and take-up.
    QVERIFY(referral->volumesTable()
                ->item(0, ReferralView::BasisColumn)
                ->text()
                .startsWith("ESA claimants"));
    QCOMPARE(referral->volumesTable()->item(0, ReferralView::ShareColumn)->text(), "35%");
    QCOMPARE(referral->volumesTable()->item(0, ReferralView::TakeUpColumn)->text(), "6%");
    QCOMPARE(referral->volumesTable()
                 ->item(0, ReferralView::ReferralsColumn)
                 ->data(ReferralView::ValueRole)
                 .toDouble(),
             referralVolumes(round).first().referralsPerYear);

    PaymentView *payment = m_view->paymentView();
    QCOMPARE(payment->groupsTable()->rowCount(), 3);
    QCOMPARE(payment->groupsTable()->item(0, PaymentView::EligibleShareColumn)->text(), "35%");
    QCOMPARE(payment->scenarioCombo()->count(), 2);
    QCOMPARE(payment->scenario(), scenario(0).name);
    QCOMPARE(payment->tariffModel()->rowCount(), 3);
    QCOMPARE(payment->settingSpin("contractYears")->value(), 5.0);
    QCOMPARE(payment->settingSpin("draws")->value(), 10000.0);
    const Result<ScenarioForecast> expected = forecastScenario(round, scenario(0), 0);
    QVERIFY(expected.ok());
    QVERIFY2(payment->feeShareLabel()->text().contains(
                 DesignFormat::percent(expected->deliveryFeeShare * 100.0)),
             qPrintable(payment->feeShareLabel()->text()));

    m_view->tabs()->setCurrentWidget(m_view->financialView());
    FinancialView *financial = m_view->financialView();
    QCOMPARE(financial->figuresTable()->columnCount(), 3);
    QVERIFY(!financial->errorsNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(financial->costChart()->series().size(), 2);
    QCOMPARE(financial->yearsTable()->columnCount(), cpas + 2); // year, each CPA, all CPAs
    QVERIFY(!financial->cashFlowChart()->series().isEmpty());

    ContributionsView *contributions = m_view->contributionsView();
    QCOMPARE(contributions->contributionsTable()->rowCount(),
             int(round.design.contributions.size()));
    QVERIFY(contributions->contributionsTable()->rowCount() > 0);
}

void TestDesignView::tariffModelIsSound()
{
    TariffModel *model = m_view->paymentView()->tariffModel();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model->setData(model->index(0, TariffModel::FeeColumn), 460.0));
    QVERIFY(m_view->paymentView()->setScenario(scenario(1).name));
    m_demo.document->undoStack()->undo();
    QCOMPARE(model->rowCount(), 3);
}

void TestDesignView::editingATariffCellIsOneUndoStep()
{
    const ServiceDesign before = m_demo.document->round().design;
    TariffModel *model = m_view->paymentView()->tariffModel();
    const int row = model->rowOf("esa_wrag");
    QVERIFY(row >= 0);
    const QModelIndex cell = model->index(row, TariffModel::JobPaymentColumn);
    QCOMPARE(cell.data().toString(), "£1,750");
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    const int steps = undoCount();

    QVERIFY(model->setData(cell, 1800.0));
    QCOMPARE(tariff(0, "esa_wrag")->jobOutcomePayment, 1800.0);
    QCOMPARE(undoCount(), steps + 1);
    QCOMPARE(m_demo.document->undoStack()->undoText(), "Change the job outcome payment");
    QCOMPARE(model->index(row, TariffModel::JobPaymentColumn).data().toString(), "£1,800");
    QVERIFY(!changed.isEmpty());

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().design, before);
    QCOMPARE(model->index(row, TariffModel::JobPaymentColumn).data().toString(), "£1,750");
}

void TestDesignView::theDelegateEditsInPlace()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->tabs()->setCurrentWidget(m_view->paymentView());
    QTableView *view = m_view->paymentView()->tariffView();
    TariffModel *model = m_view->paymentView()->tariffModel();
    const QModelIndex cell =
        model->index(model->rowOf("jsa_12_months"), TariffModel::JobRateColumn);
    const int steps = undoCount();
    view->setCurrentIndex(cell);
    QTest::keyClick(view, Qt::Key_Return); // Enter edits the cell picked
    auto *spin = view->findChild<QDoubleSpinBox *>();
    QVERIFY(spin);
    QCOMPARE(spin->value(), 30.0);
    QCOMPARE(spin->maximum(), 100.0); // a rate cannot be typed past 100%
    spin->setValue(33.5);
    QTest::keyClick(spin, Qt::Key_Return); // the delegate commits once events are processed
    QTRY_COMPARE(tariff(0, "jsa_12_months")->jobOutcomeRatePercent, 33.5);
    QCOMPARE(undoCount(), steps + 1);
    QCOMPARE(m_demo.document->undoStack()->undoText(), "Change the job outcome rate");
}

void TestDesignView::aRowWithoutATariffGetsOneWhenEdited()
{
    // The first scenario pays nothing for the early entry group yet.
    openDemo([](Round &round) {
        round.design.scenarios[0].tariffs.removeIf(
            [](const GroupTariff &t) { return t.group == "multiple_disadvantages"; });
    });
    TariffModel *model = m_view->paymentView()->tariffModel();
    const int row = model->rowOf("multiple_disadvantages");
    QVERIFY(row >= 0);
    QVERIFY(!model->index(row, 0).data(TariffModel::HasTariffRole).toBool());
    QCOMPARE(model->index(row, TariffModel::CpaColumn).data().toString(),
             "All CPAs: no tariff yet");
    QVERIFY(model->setData(model->index(row, TariffModel::FeeColumn), 300.0));
    QVERIFY(tariff(0, "multiple_disadvantages"));
    QCOMPARE(tariff(0, "multiple_disadvantages")->attachmentFee, 300.0);
    QCOMPARE(tariff(0, "multiple_disadvantages")->sustainmentIntervalMonths, 1);
    QVERIFY(model->index(row, 0).data(TariffModel::HasTariffRole).toBool());
}

void TestDesignView::steppingASpinBoxThreeTimesIsOneUndoStep()
{
    QDoubleSpinBox *years = m_view->paymentView()->settingSpin("contractYears");
    QVERIFY(years->isEnabled());
    const int steps = undoCount();
    years->stepBy(1);
    years->stepBy(1);
    years->stepBy(1);
    QCOMPARE(scenario(0).contractYears, 8);
    QCOMPARE(undoCount(), steps + 1);
    QCOMPARE(m_demo.document->undoStack()->undoText(), "Change the contract length");

    // Another field starts another step.
    m_view->paymentView()->settingSpin("monthsToJob")->stepBy(1);
    QCOMPARE(undoCount(), steps + 2);

    m_demo.document->undoStack()->undo();
    m_demo.document->undoStack()->undo();
    QCOMPARE(scenario(0).contractYears, 5);
    QCOMPARE(years->value(), 5.0);
}

void TestDesignView::aRefusedRateChangesNothing()
{
    const ServiceDesign before = m_demo.document->round().design;
    TariffModel *model = m_view->paymentView()->tariffModel();
    const QModelIndex cell = model->index(model->rowOf("esa_wrag"), TariffModel::JobRateColumn);
    QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
    const int steps = undoCount();

    QVERIFY(!model->setData(cell, 120.0));
    QCOMPARE(m_demo.document->round().design, before);
    QCOMPARE(undoCount(), steps);
    QCOMPARE(changed.size(), 1); // the cell shows the stored value again
    QCOMPARE(cell.data(TariffModel::ValueRole).toDouble(), 20.0);
    QCOMPARE(cell.data().toString(), "20%");
    QCOMPARE(m_demo.dialogs->messages().size(), 1); // said once
    QCOMPARE(m_demo.dialogs->messages().first().kind, DialogService::MessageKind::Error);
    QVERIFY2(m_demo.dialogs->messages().first().text.contains("120"),
             qPrintable(m_demo.dialogs->messages().first().text));
}

void TestDesignView::aRefusedSettingShowsTheStoredValue()
{
    // A scenario name clash is refused by core: the duplicate's name is asked, then refused.
    m_demo.dialogs->setNextText(scenario(1).name);
    const int steps = undoCount();
    QVERIFY(!m_view->paymentView()->duplicateScenario());
    QCOMPARE(undoCount(), steps);
    QCOMPARE(m_view->paymentView()->scenario(), scenario(0).name);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);

    // A spin box value the model refuses (beyond the limit) snaps back to the stored value.
    QDoubleSpinBox *draws = m_view->paymentView()->settingSpin("draws");
    draws->setMaximum(5'000'000); // as if the limit were wider in the widget
    draws->setValue(2'000'000);
    QCOMPARE(scenario(0).draws, 10000);
    QCOMPARE(draws->value(), 10000.0);
    QCOMPARE(undoCount(), steps);
}

void TestDesignView::financialTableShowsCoresForecast()
{
    m_view->tabs()->setCurrentWidget(m_view->financialView());
    FinancialView *financial = m_view->financialView();
    QTableWidget *table = financial->figuresTable();
    const Round &round = m_demo.document->round();
    QCOMPARE(table->columnCount(), 3);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(table->horizontalHeaderItem(i + 1)->text(), scenario(i).name);
        const Result<ScenarioForecast> expected = forecastScenario(round, scenario(i));
        QVERIFY2(expected.ok(), qPrintable(expected.errorMessage()));
        const Percentiles &cost = expected->monteCarlo.cost;
        QVERIFY(cost.p10 <= cost.p50 && cost.p50 <= cost.p90);
        QVERIFY(cost.p10 < cost.p90);
        const auto figure = [&](const QString &key) {
            const int row = financial->figureRow(key);
            if (row < 0)
                qFatal("no row %s", qPrintable(key));
            return table->item(row, i + 1);
        };
        QCOMPARE(figure("costP10")->data(Qt::UserRole).toDouble(), cost.p10);
        QCOMPARE(figure("costP50")->data(Qt::UserRole).toDouble(), cost.p50);
        QCOMPARE(figure("costP90")->data(Qt::UserRole).toDouble(), cost.p90);
        QCOMPARE(figure("costP50")->text(), DesignFormat::money(cost.p50));
        QCOMPARE(figure("cost")->data(Qt::UserRole).toDouble(), expected->cost);
        QCOMPARE(figure("marginP90")->data(Qt::UserRole).toDouble(),
                 expected->monteCarlo.providerMargin.p90);
        QCOMPARE(figure("peakFunding")->data(Qt::UserRole).toDouble(), expected->peakFundingNeed);
        QCOMPARE(figure("feeShare")->data(Qt::UserRole).toDouble(),
                 expected->deliveryFeeShare * 100.0);
        QVERIFY(figure("costPerJob")->text().startsWith("£"));
    }
    // The demo's two scenarios differ in their delivery fee.
    const int feeRow = financial->figureRow("feeShare");
    QVERIFY(table->item(feeRow, 1)->data(Qt::UserRole).toDouble() > 20.0);
    QCOMPARE(table->item(feeRow, 2)->data(Qt::UserRole).toDouble(), 0.0);

    // The detail follows the scenario picked and the design.
    QVERIFY(financial->setPickedScenario(scenario(1).name));
    QVERIFY(financial->cashFlowChart()->title().contains(scenario(1).name));
    const int lastRow = financial->yearsTable()->rowCount() - 1;
    const int totalColumn = financial->yearsTable()->columnCount() - 1;
    const Result<ScenarioForecast> second = forecastScenario(round, scenario(1), 0);
    QCOMPARE(financial->yearsTable()->item(lastRow, totalColumn)->data(Qt::UserRole).toDouble(),
             second->cost);

    TariffModel *model = m_view->paymentView()->tariffModel();
    QVERIFY(model->setData(model->index(model->rowOf("esa_wrag"), TariffModel::FeeColumn), 900.0));
    const Result<ScenarioForecast> changed =
        forecastScenario(m_demo.document->round(), scenario(0));
    QCOMPARE(table->item(financial->figureRow("costP50"), 1)->data(Qt::UserRole).toDouble(),
             changed->monteCarlo.cost.p50);
}

void TestDesignView::aScenarioWithoutATariffIsExplained()
{
    m_view->tabs()->setCurrentWidget(m_view->financialView());
    TariffModel *model = m_view->paymentView()->tariffModel();
    QVERIFY(m_view->paymentView()->removeTariff(model->rowOf("jsa_12_months")));
    FinancialView *financial = m_view->financialView();
    QVERIFY(financial->errorsNotice()->isVisibleTo(m_view.get()));
    const QString text = financial->errorsNotice()->text();
    QVERIFY2(text.contains(scenario(0).name) && text.contains("Claimants for 12 months or more"),
             qPrintable(text));
    QVERIFY(financial->figures().at(0).error.size() > 0);
    QVERIFY(!financial->figures().at(0).forecast);
    QVERIFY(financial->figures().at(1).forecast);
    QCOMPARE(financial->figuresTable()->item(financial->figureRow("costP50"), 1)->text(), "");
    QCOMPARE(financial->costChart()->series().size(), 1);

    m_demo.document->undoStack()->undo();
    QVERIFY(!financial->errorsNotice()->isVisibleTo(m_view.get()));
}

void TestDesignView::aLargeSimulationRunsWithProgressAndCanBeCancelled()
{
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->tabs()->setCurrentWidget(m_view->financialView());
    FinancialView *financial = m_view->financialView();
    QVERIFY(!financial->runButton()->isVisible());

    QSignalSpy progress(m_demo.dialogs.get(), &DialogService::progressReported);
    m_demo.dialogs->setNextProgressCancel(1);
    QVERIFY(m_view->paymentView()->setScenario(scenario(0).name));
    m_view->paymentView()->settingSpin("draws")->setValue(FinancialView::kProgressDraws + 1000);
    QCOMPARE(scenario(0).draws, FinancialView::kProgressDraws + 1000);

    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.first().at(1).toLongLong(),
             qint64(FinancialView::kProgressDraws + 1000 + scenario(1).draws));
    QVERIFY(financial->runButton()->isVisible());
    QVERIFY(!financial->figures().at(0).simulated);
    QVERIFY(financial->figures().at(0).forecast); // the expected figures stay
    QCOMPARE(financial->figuresTable()->item(financial->figureRow("costP50"), 1)->text(),
             "Not simulated");
    QVERIFY(
        financial->figuresTable()->item(financial->figureRow("cost"), 1)->text().startsWith("£"));
}

void TestDesignView::modelFiguresFollowTheDevolutionModel()
{
    m_view->tabs()->setCurrentWidget(m_view->financialView());
    FinancialView *financial = m_view->financialView();
    PaymentView *payment = m_view->paymentView();
    QCOMPARE(m_demo.document->round().model, DevolutionModel::CoCommissioning);
    QVERIFY(!payment->model2Box()->isVisibleTo(payment));
    QVERIFY(!payment->model3Box()->isVisibleTo(payment));
    QCOMPARE(financial->figureRow("bonus"), -1);
    QCOMPARE(financial->figureRow("liability"), -1);
    QVERIFY(financial->modelLabel()->text().contains("model 1"));

    QVERIFY(m_demo.document->setModel(DevolutionModel::PartnershipDelivery));
    QVERIFY(payment->model2Box()->isVisibleTo(payment));
    QVERIFY(!payment->model3Box()->isVisibleTo(payment));
    QVERIFY(financial->figureRow("bonus") >= 0);
    QVERIFY(financial->figureRow("agentBonus") >= 0);
    QCOMPARE(financial->figureRow("liability"), -1);
    QVERIFY(financial->modelLabel()->text().contains("model 2"));
    const Result<ScenarioForecast> m2 = forecastScenario(m_demo.document->round(), scenario(0));
    QCOMPARE(financial->figuresTable()
                 ->item(financial->figureRow("agentBonus"), 1)
                 ->data(Qt::UserRole)
                 .toDouble(),
             m2->monteCarlo.meanAgentBonus);

    QVERIFY(m_demo.document->setModel(DevolutionModel::FullDevolution));
    QVERIFY(!payment->model2Box()->isVisibleTo(payment));
    QVERIFY(payment->model3Box()->isVisibleTo(payment));
    QCOMPARE(financial->figureRow("bonus"), -1);
    QVERIFY(financial->figureRow("savingsReturned") >= 0);
    QVERIFY(financial->figureRow("liabilityP90") >= 0);
    const Result<ScenarioForecast> m3 = forecastScenario(m_demo.document->round(), scenario(0));
    QCOMPARE(financial->figuresTable()
                 ->item(financial->figureRow("savingsReturned"), 1)
                 ->data(Qt::UserRole)
                 .toDouble(),
             m3->savingsReturned);
}

void TestDesignView::addingAStandardThroughTheDialog()
{
    StandardsView *standards = m_view->standardsView();
    const int steps = undoCount();
    standards->addStandardButton()->click();
    RecordDialog *dialog = standards->dialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->findChild<QLineEdit *>("name")->setText("Careers advice");
    auto *direction = dialog->findChild<QComboBox *>("direction");
    direction->setCurrentIndex(direction->findData("at_least"));
    dialog->findChild<QDoubleSpinBox *>("target")->setValue(2);
    dialog->findChild<QLineEdit *>("unit")->setText("sessions");
    dialog->okButton()->click();
    QVERIFY(!standards->dialog());

    const ServiceStandard &added = m_demo.document->round().design.standards.last();
    QCOMPARE(added.name, "Careers advice");
    QCOMPARE(added.key, "careers_advice");
    QCOMPARE(added.direction, StandardDirection::AtLeast);
    QCOMPARE(added.target, 2.0);
    QCOMPARE(standards->standardsTable()->rowCount(), 7);
    QCOMPARE(undoCount(), steps + 1);

    // A required standard's target is 1, whatever the field held.
    standards->standardsTable()->selectRow(6);
    standards->editStandardButton()->click();
    dialog = standards->dialog();
    QVERIFY(dialog);
    direction = dialog->findChild<QComboBox *>("direction");
    direction->setCurrentIndex(direction->findData("required"));
    QVERIFY(!dialog->findChild<QDoubleSpinBox *>("target")->isEnabled());
    dialog->okButton()->click();
    QCOMPARE(m_demo.document->round().design.standards.last().target, 1.0);
    QCOMPARE(m_demo.document->round().design.standards.last().key, "careers_advice");
    QCOMPARE(undoCount(), steps + 2);
}

void TestDesignView::aRefusedDialogStaysOpen()
{
    StandardsView *standards = m_view->standardsView();
    const ServiceDesign before = m_demo.document->round().design;
    standards->addStandardButton()->click();
    RecordDialog *dialog = standards->dialog();
    QVERIFY(dialog);
    dialog->okButton()->click(); // no name: refused by the design check
    QCOMPARE(m_demo.document->round().design, before);
    QCOMPARE(standards->dialog(), dialog);
    QVERIFY(dialog->isVisible());
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    QVERIFY(m_demo.dialogs->messages().first().text.contains("name"));
    dialog->reject();
}

void TestDesignView::deleteRemovesAndEnterEdits()
{
    StandardsView *standards = m_view->standardsView();
    QTableWidget *table = standards->standardsTable();
    const QString first = m_demo.document->round().design.standards.first().key;
    table->setCurrentCell(0, 0);
    table->selectRow(0);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(m_demo.document->round().design.standards.size(), 5);
    QVERIFY(m_demo.document->round().design.standards.first().key != first);
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().design.standards.first().key, first);

    table->setCurrentCell(1, 0);
    QTest::keyClick(table, Qt::Key_Return);
    RecordDialog *dialog = standards->dialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QLineEdit *>("name")->text(),
             m_demo.document->round().design.standards.at(1).name);
    dialog->reject();
}

void TestDesignView::templatesAddTheMissingStandards()
{
    StandardsView *standards = m_view->standardsView();
    QVERIFY(!standards->templatesButton()->isEnabled()); // all six are there
    QVERIFY(standards->removeStandard(3));
    QVERIFY(standards->templatesButton()->isEnabled());
    QVERIFY(standards->templatesButton()->toolTip().contains(standardTemplates().at(3).name));
    const int steps = undoCount();
    standards->templatesButton()->click();
    QCOMPARE(undoCount(), steps + 1);
    QCOMPARE(m_demo.document->round().design.standards.size(), 6);
    QCOMPARE(m_demo.document->round().design.standards.last(), standardTemplates().at(3));
    QVERIFY(!standards->templatesButton()->isEnabled());
}

void TestDesignView::noPriorityPlaceIsSaidPlainly()
{
    QVERIFY(m_demo.document->round().priorityPlaces.isEmpty());
    QLabel *label = m_view->standardsView()->placesLabel();
    QVERIFY(label->isVisibleTo(m_view.get()));
    QVERIFY(label->text().contains("No priority place has been chosen at stage 2"));
    m_view->standardsView()->editCondition(-1);
    RecordDialog *dialog = m_view->standardsView()->dialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->findChild<QComboBox *>("kind")->count(), 1); // only a group share
    dialog->reject();

    QVERIFY(m_demo.document->setPriorityPlaces({"E09000030"}));
    QVERIFY(!label->isVisibleTo(m_view.get()));
    m_view->standardsView()->editCondition(-1);
    dialog = m_view->standardsView()->dialog();
    auto *kind = dialog->findChild<QComboBox *>("kind");
    QCOMPARE(kind->count(), 2);
    kind->setCurrentIndex(kind->findData("place_presence"));
    QCOMPARE(dialog->findChild<QComboBox *>("subject")->currentData().toString(), "E09000030");
    dialog->okButton()->click();
    const DirectiveCondition &added = m_demo.document->round().design.conditions.last();
    QCOMPARE(added.kind, ConditionKind::PlacePresence);
    QCOMPARE(added.subject, "E09000030");
    QCOMPARE(m_view->standardsView()->conditionsTable()->rowCount(), 3);
}

void TestDesignView::statingAndClearingAReferralVolume()
{
    ReferralView *referral = m_view->referralView();
    QTableWidget *table = referral->volumesTable();
    const QString group = table->item(0, 0)->data(ReferralView::GroupRole).toString();
    const CpaId cpa(table->item(0, 0)->data(ReferralView::CpaRole).toLongLong());
    table->selectRow(0);
    QVERIFY(!referral->estimateButton()->isEnabled());
    referral->stateButton()->click();
    RecordDialog *dialog = referral->dialog();
    QVERIFY(dialog);
    dialog->findChild<QDoubleSpinBox *>("referrals")->setValue(1234);
    dialog->okButton()->click();
    QVERIFY(m_demo.document->round().design.statedVolume(group, cpa));
    QCOMPARE(m_demo.document->round().design.statedVolume(group, cpa)->referralsPerYear, 1234.0);
    QCOMPARE(table->item(0, ReferralView::HowColumn)->text(), "Stated");
    QCOMPARE(table->item(0, ReferralView::ReferralsColumn)->text(), "1,234");
    QVERIFY(table->item(0, ReferralView::BasisColumn)->text().contains("the estimate"));
    QCOMPARE(table->item(0, ReferralView::TakeUpColumn)->text(), "");

    table->selectRow(0);
    QVERIFY(referral->estimateButton()->isEnabled());
    referral->estimateButton()->click();
    QVERIFY(!m_demo.document->round().design.statedVolume(group, cpa));
    QCOMPARE(table->item(0, ReferralView::HowColumn)->text(), "Estimated");
}

void TestDesignView::scenariosAreAddedRenamedAndRemoved()
{
    PaymentView *payment = m_view->paymentView();
    m_demo.dialogs->setNextText("Higher job outcome");
    QVERIFY(payment->duplicateScenario());
    QCOMPARE(m_demo.document->round().design.scenarios.size(), 3);
    QCOMPARE(payment->scenario(), "Higher job outcome");
    QCOMPARE(scenario(1).tariffs, scenario(0).tariffs);

    m_demo.dialogs->setNextText("Higher outcome payments");
    QVERIFY(payment->renameScenario());
    QCOMPARE(scenario(1).name, "Higher outcome payments");
    QCOMPARE(payment->scenario(), "Higher outcome payments");
    QCOMPARE(payment->scenarioCombo()->currentText(), "Higher outcome payments");

    m_demo.document->undoStack()->undo(); // the rename
    QCOMPARE(scenario(1).name, "Higher job outcome");
    QCOMPARE(payment->scenario(), "Higher job outcome"); // the one in its place

    QVERIFY(payment->removeScenario());
    QCOMPARE(m_demo.document->round().design.scenarios.size(), 2);

    m_demo.dialogs->setNextText("Empty");
    QVERIFY(payment->addScenario());
    QCOMPARE(payment->scenario(), "Empty");
    QCOMPARE(payment->tariffModel()->rowCount(), 3); // every group, no tariff yet
    QVERIFY(!payment->tariffModel()->index(0, 0).data(TariffModel::HasTariffRole).toBool());
    QVERIFY(payment->feeShareLabel()->text().contains("No figures"));
}

void TestDesignView::contributionsAreTotalled()
{
    ContributionsView *view = m_view->contributionsView();
    const QList<LocalContribution> &stored = m_demo.document->round().design.contributions;
    double all = 0;
    for (const LocalContribution &c : stored)
        all += c.valuePerYear;
    QTableWidget *byStatus = view->statusTotalsTable();
    const int last = byStatus->rowCount() - 1;
    QCOMPARE(byStatus->item(last, 2)->data(Qt::UserRole).toDouble(), all);

    view->addButton()->click();
    RecordDialog *dialog = view->dialog();
    QVERIFY(dialog);
    auto *authority = dialog->findChild<QComboBox *>("authority");
    authority->setCurrentIndex(authority->findData("E09000033"));
    auto *status = dialog->findChild<QComboBox *>("status");
    status->setCurrentIndex(status->findData("signed"));
    dialog->findChild<QDoubleSpinBox *>("value")->setValue(25000);
    dialog->okButton()->click();
    QCOMPARE(m_demo.document->round().design.contributions.last().authority, "E09000033");
    QCOMPARE(byStatus->item(last, 2)->data(Qt::UserRole).toDouble(), all + 25000);
    QTableWidget *byAuthority = view->authorityTotalsTable();
    bool found = false;
    for (int row = 0; row < byAuthority->rowCount(); ++row) {
        if (byAuthority->item(row, 0)->text() == "Westminster") {
            found = true;
            QCOMPARE(byAuthority->item(row, 2)->text(), "£25,000");
            QCOMPARE(byAuthority->item(row, 3)->text(), "£25,000");
        }
    }
    QVERIFY(found);
}

void TestDesignView::startingTheOwnDesignReplacesItAndUndoes()
{
    const ServiceDesign demo = m_demo.document->round().design;
    QVERIFY(demo.illustrative);
    const int steps = undoCount();
    m_demo.dialogs->setNextAnswer(true);
    m_view->startOwnButton()->click();
    QCOMPARE(m_demo.document->round().design, designTemplate());
    QCOMPARE(undoCount(), steps + 1);
    QVERIFY(!m_view->illustrativeNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->paymentView()->groupsTable()->rowCount(), 0);
    QCOMPARE(m_view->contributionsView()->contributionsTable()->rowCount(), 0);
    m_view->tabs()->setCurrentWidget(m_view->financialView());
    QVERIFY(m_view->financialView()->emptyLabel()->isVisibleTo(m_view.get()));

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().design, demo);
    QVERIFY(m_view->illustrativeNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->paymentView()->groupsTable()->rowCount(), 3);
}

void TestDesignView::decliningTheOwnDesignChangesNothing()
{
    const ServiceDesign demo = m_demo.document->round().design;
    m_demo.dialogs->setNextAnswer(false);
    QVERIFY(!m_view->startOwnDesign());
    QCOMPARE(m_demo.document->round().design, demo);
}

void TestDesignView::frozenStageDisablesEditing()
{
    openDemo(
        [](Round &round) { round.stage(StageId::Design).status = StageStatus::ReadyForSignOff; });

    const QString why = m_demo.document->whyDesignFrozen();
    QVERIFY(!why.isEmpty());
    QVERIFY(m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->frozenNotice()->text(), why);

    QVERIFY(!m_view->standardsView()->addStandardButton()->isEnabled());
    QVERIFY(!m_view->standardsView()->addConditionButton()->isEnabled());
    QVERIFY(!m_view->referralView()->addRuleButton()->isEnabled());
    QVERIFY(!m_view->referralView()->addRouteButton()->isEnabled());
    QVERIFY(!m_view->paymentView()->addGroupButton()->isEnabled());
    QVERIFY(!m_view->paymentView()->addScenarioButton()->isEnabled());
    QVERIFY(!m_view->paymentView()->settingSpin("contractYears")->isEnabled());
    QVERIFY(!m_view->contributionsView()->addButton()->isEnabled());
    QVERIFY(!m_view->startOwnButton()->isEnabled());
    QVERIFY(!m_view->startOwnDesign());
    TariffModel *model = m_view->paymentView()->tariffModel();
    const QModelIndex cell = model->index(0, TariffModel::FeeColumn);
    QVERIFY(!(model->flags(cell) & Qt::ItemIsEditable));

    // Keys and direct calls do nothing either.
    const ServiceDesign before = m_demo.document->round().design;
    QTableWidget *table = m_view->standardsView()->standardsTable();
    table->setCurrentCell(0, 0);
    QTest::keyClick(table, Qt::Key_Delete);
    QTest::keyClick(table, Qt::Key_Return);
    QVERIFY(!m_view->standardsView()->dialog());
    QVERIFY(!model->setData(cell, 999.0));
    QCOMPARE(m_demo.document->round().design, before);
}

void TestDesignView::everyControlHasAnAccessibleName()
{
    QStringList unnamed;
    const QList<QWidget *> widgets = m_view->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        const bool interactive =
            qobject_cast<QAbstractButton *>(w) || qobject_cast<QComboBox *>(w) ||
            qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w) ||
            qobject_cast<QLineEdit *>(w) || qobject_cast<QAbstractSpinBox *>(w);
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

QTEST_MAIN(TestDesignView)
#include "tst_designview.moc"
