#include "tests/support/accessibility.h"
#include "tests/support/demoround.h"
#include "tests/support/testsupport.h"
#include "ui/supply/supplyview.h"

#include "core/evaluation/supplychain.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stage.h"
#include "core/supply/coverage.h"
#include "core/supply/providercsv.h"
#include "core/supply/timeline.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/noticebox.h"
#include "ui/settings.h"
#include "ui/stagepage.h"
#include "ui/supply/coverageview.h"
#include "ui/supply/milestonedialog.h"
#include "ui/supply/providerdialog.h"
#include "ui/supply/providersview.h"
#include "ui/supply/ruledialog.h"
#include "ui/supply/timelinechart.h"
#include "ui/supply/timelineview.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace CoCommission;

/**
 * The stage 4 screen on the demo round: the provider register with its dialog, CSV import and
 * export, the coverage matrix with its gaps, the timeline with its rules, and the frozen state.
 */
class TestSupplyView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // The container.
    void showsTheTabsAndTheIllustrativeNotices();
    void shownOnTheSupplyStageOnly();

    // The provider register.
    void demoRegisterFillsTheTable();
    void sortingByAColumnKeepsEachRowWhole();
    void addingAProviderIsOneUndoStep();
    void aDuplicateNameIsShownInTheDialogAndChangesNothing();
    void enterEditsTheSelectedProvider();
    void deleteRemovesTheSelectedProviderOnceConfirmed();
    void importReplacesTheIllustrativeRegisterInOneStep();
    void aRefusedFileChangesNothingAndNamesTheLine();
    void exportWritesTheRegisterAsCsv();

    // Coverage.
    void coverageMarksTheKnownGapInWordsAndColour();
    void coveredCellsNameTheirProviders();
    void cpaTableShowsTheShares();

    // Timeline.
    void ruleTableShowsTheMissedSupplyChainRule();
    void chartShowsTheMilestonesAndTheFailedRule();
    void aMilestoneOutOfOrderIsRefusedInTheDialog();
    void editingAndRemovingAMilestoneUndo();
    void rulesCanBeRemovedAndTheStandardOnesAdded();
    void aRuleMeasuringBackwardsIsRefused();

    // States and access.
    void frozenStageDisablesEveryEditWithTheReason();
    void everyControlHasAnAccessibleName();

private:
    void openDemo(const std::function<void(Round &)> &change = {});
    ProvidersView *providers() const { return m_view->providersView(); }
    TimelineView *timeline() const { return m_view->timelineView(); }
    int rowOf(const QString &provider) const;
    int matrixRow(const QString &groupKey) const;
    int matrixColumn(const QString &cpa) const;
    /** How many cells of the coverage matrix say "gap". */
    int gapCells() const;
    QString writeFile(const QString &name, const QByteArray &bytes) const;
    static QStringList unnamedControls(QWidget *root);

    TestSupport::DemoRound m_demo; ///< fresh for each test: no answer left queued
    std::unique_ptr<SupplyView> m_view;
};

void TestSupplyView::initTestCase()
{
    TestSupport::DemoRound::setUpApplication();
}

void TestSupplyView::init()
{
    Settings::clear();
    openDemo();
}

void TestSupplyView::cleanup()
{
    m_view.reset();
    m_demo.close();
}

void TestSupplyView::openDemo(const std::function<void(Round &)> &change)
{
    m_view.reset();
    QVERIFY(m_demo.open(change));
    m_view = std::make_unique<SupplyView>(m_demo.edits.get(), m_demo.dialogs.get());
    m_view->resize(1200, 900);
    m_view->setDocument(m_demo.document.get());
}

int TestSupplyView::rowOf(const QString &provider) const
{
    const QTableWidget *table = providers()->table();
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, ProvidersView::NameColumn)->text() == provider)
            return row;
    }
    return -1;
}

QString TestSupplyView::writeFile(const QString &name, const QByteArray &bytes) const
{
    const QString path = m_demo.dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// --- The container -------------------------------------------------------------------------

void TestSupplyView::showsTheTabsAndTheIllustrativeNotices()
{
    QTabWidget *tabs = m_view->tabs();
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles << tabs->tabText(i).remove(QLatin1Char('&'));
    QCOMPARE(titles, (QStringList{"Provider register", "Coverage", "Timeline"}));
    QCOMPARE(tabs->widget(0), providers());
    QCOMPARE(tabs->widget(1), m_view->coverageView());
    QCOMPARE(tabs->widget(2), timeline());
    QVERIFY(m_view->providersNotice()->isVisibleTo(m_view.get()));
    QVERIFY(m_view->providersNotice()->text().contains("invented"));
    QVERIFY(m_view->timelineNotice()->isVisibleTo(m_view.get()));
    QVERIFY(!m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QVERIFY(providers()->clearButton()->isVisibleTo(providers()));
    QVERIFY(timeline()->clearButton()->isVisibleTo(timeline()));

    // Clearing the invented timeline drops its notice; undo brings both back.
    m_demo.dialogs->setNextAnswer(true);
    QVERIFY(timeline()->clearIllustrative());
    QVERIFY(m_demo.document->round().supply.milestones.isEmpty());
    QCOMPARE(m_demo.document->round().supply.rules.size(), 4);
    QVERIFY(!m_view->timelineNotice()->isVisibleTo(m_view.get()));
    QVERIFY(!timeline()->clearButton()->isVisibleTo(timeline()));
    QVERIFY(m_view->providersNotice()->isVisibleTo(m_view.get()));
    m_demo.document->undoStack()->undo();
    QVERIFY(m_view->timelineNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(timeline()->milestoneTable()->rowCount(), 10);
}

void TestSupplyView::shownOnTheSupplyStageOnly()
{
    StagePage page(m_demo.edits.get(), m_demo.dialogs.get());
    page.setDocument(m_demo.document.get());
    auto *box = page.findChild<QGroupBox *>("supplyBox");
    QVERIFY(box);
    auto *view = page.findChild<SupplyView *>("supplyView");
    QVERIFY(view);
    QCOMPARE(view->document(), m_demo.document.get());
    page.setStage(StageId::Supply);
    QVERIFY(box->isVisibleTo(&page));
    QCOMPARE(view->providersView()->table()->rowCount(), 10);
    for (StageId stage : {StageId::Needs, StageId::Design, StageId::Selection}) {
        page.setStage(stage);
        QVERIFY2(!box->isVisibleTo(&page), qPrintable(stageTitle(stage)));
    }
}

// --- The provider register -----------------------------------------------------------------

void TestSupplyView::demoRegisterFillsTheTable()
{
    const SupplyMarket &supply = m_demo.document->round().supply;
    QVERIFY(supply.illustrativeProviders);
    const QTableWidget *table = providers()->table();
    QCOMPARE(table->rowCount(), int(supply.providers.size()));
    QCOMPARE(table->rowCount(), 10);
    for (int row = 0; row < table->rowCount(); ++row)
        QCOMPARE(table->item(row, ProvidersView::NameColumn)->text(), supply.providers[row].name);

    const int northgate = rowOf("Northgate Employment Services");
    QCOMPARE(table->item(northgate, ProvidersView::SectorColumn)->text(),
             sectorName(ProviderSector::Private));
    QCOMPARE(table->item(northgate, ProvidersView::SmeColumn)->text(), QStringLiteral("No"));
    QCOMPARE(table->item(northgate, ProvidersView::SpecialismsColumn)->text(),
             specialismName("long_term_unemployed") + ", " + specialismName("skills"));
    QCOMPARE(table->item(northgate, ProvidersView::AreasColumn)->text(),
             QStringLiteral("Every authority (33)"));
    QCOMPARE(table->item(northgate, ProvidersView::ContactColumn)->text(),
             QStringLiteral("bids@northgate.example"));

    // Whole CPAs of the adopted plan are named as CPAs.
    const int riverside = rowOf("Riverside Mind Works");
    QCOMPARE(table->item(riverside, ProvidersView::AreasColumn)->text(),
             QStringLiteral("Central London Forward, West London Alliance"));
    QCOMPARE(table->item(riverside, ProvidersView::SmeColumn)->text(), QStringLiteral("Yes"));
    QCOMPARE(table->item(riverside, ProvidersView::SectorColumn)->text(),
             sectorName(ProviderSector::VoluntaryCommunity));
    QVERIFY(table->item(riverside, ProvidersView::AreasColumn)->toolTip().contains("Camden"));
    // Else the authorities by name.
    QCOMPARE(ProvidersView::areasText(m_demo.document->round(), {"E09000033", "E09000007"}),
             QStringLiteral("Camden, Westminster"));
    QCOMPARE(ProvidersView::areasText(m_demo.document->round(), {}), QStringLiteral("None"));

    QVERIFY(providers()->summaryLabel()->text().startsWith("10 organisations"));
    // Nothing picked: edit and remove wait for a row.
    QVERIFY(providers()->addButton()->isEnabled());
    QVERIFY(!providers()->editButton()->isEnabled());
    QVERIFY(!providers()->removeButton()->isEnabled());
    QVERIFY(providers()->selectProvider("Open Door Recovery"));
    QCOMPARE(providers()->currentProvider(), QStringLiteral("Open Door Recovery"));
    QVERIFY(providers()->editButton()->isEnabled());
    QVERIFY(providers()->removeButton()->isEnabled());
}

void TestSupplyView::sortingByAColumnKeepsEachRowWhole()
{
    QTableWidget *table = providers()->table();
    QVERIFY(table->isSortingEnabled());
    table->sortByColumn(ProvidersView::NameColumn, Qt::AscendingOrder);
    QCOMPARE(table->item(0, ProvidersView::NameColumn)->text(), QStringLiteral("Ability Forward"));
    QCOMPARE(table->item(9, ProvidersView::NameColumn)->text(), QStringLiteral("Youth Launchpad"));
    QCOMPARE(table->item(0, ProvidersView::ContactColumn)->text(),
             QStringLiteral("contact@abilityforward.example"));
    // The sort survives a refresh, and the picked provider stays picked.
    QVERIFY(providers()->selectProvider("Westway Skills College"));
    providers()->refresh();
    QCOMPARE(table->item(0, ProvidersView::NameColumn)->text(), QStringLiteral("Ability Forward"));
    QCOMPARE(providers()->currentProvider(), QStringLiteral("Westway Skills College"));
}

void TestSupplyView::addingAProviderIsOneUndoStep()
{
    const SupplyMarket before = m_demo.document->round().supply;
    const int steps = m_demo.document->undoStack()->count();
    QTest::mouseClick(providers()->addButton(), Qt::LeftButton);
    ProviderDialog *dialog = providers()->providerDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->okButton()->isEnabled()); // a name first
    dialog->nameEdit()->setText(QStringLiteral("  Bridge to Work  "));
    QVERIFY(dialog->okButton()->isEnabled());
    dialog->sectorCombo()->setCurrentIndex(
        dialog->sectorCombo()->findData(int(ProviderSector::VoluntaryCommunity)));
    dialog->smeCheck()->setChecked(true);
    QVERIFY(dialog->setSpecialismChecked("lone_parents", true));
    QVERIFY(dialog->setSpecialismChecked("families", true));
    QVERIFY(dialog->setCpaChecked("South London Partnership", true));
    QVERIFY(dialog->setAreaChecked("E09000033", true)); // Westminster
    dialog->contactEdit()->setText(QStringLiteral("hello@bridge.example"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!providers()->providerDialog());

    const SupplyMarket &after = m_demo.document->round().supply;
    QCOMPARE(after.providers.size(), before.providers.size() + 1);
    const Provider &added = after.providers.last();
    QCOMPARE(added.name, QStringLiteral("Bridge to Work"));
    QCOMPARE(added.sector, ProviderSector::VoluntaryCommunity);
    QVERIFY(added.sme);
    QCOMPARE(added.specialisms, (QStringList{"lone_parents", "families"}));
    const Cpa *south = nullptr;
    for (const Cpa &cpa : m_demo.document->round().adoptedPlan()->cpas) {
        if (cpa.name == QLatin1String("South London Partnership"))
            south = &cpa;
    }
    QVERIFY(south);
    QCOMPARE(added.areas.size(), south->members.size() + 1);
    for (const QString &code : south->members)
        QVERIFY(added.areas.contains(code));
    QVERIFY(added.areas.contains("E09000033"));
    QCOMPARE(added.contact, QStringLiteral("hello@bridge.example"));
    QVERIFY(after.illustrativeProviders); // a manual addition does not make the rest real
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QVERIFY(m_demo.document->undoStack()->undoText().contains("Bridge to Work"));

    QTableWidget *table = providers()->table();
    QCOMPARE(table->rowCount(), 11);
    QCOMPARE(providers()->currentProvider(), QStringLiteral("Bridge to Work"));
    QCOMPARE(table->item(rowOf("Bridge to Work"), ProvidersView::AreasColumn)->text(),
             QStringLiteral("South London Partnership, Westminster"));

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(table->rowCount(), 10);
    QCOMPARE(rowOf("Bridge to Work"), -1);
    m_demo.document->undoStack()->redo();
    QCOMPARE(table->rowCount(), 11);
}

void TestSupplyView::aDuplicateNameIsShownInTheDialogAndChangesNothing()
{
    const SupplyMarket before = m_demo.document->round().supply;
    const int steps = m_demo.document->undoStack()->count();
    QVERIFY(providers()->addProvider());
    ProviderDialog *dialog = providers()->providerDialog();
    QVERIFY(dialog);
    dialog->nameEdit()->setText(QStringLiteral("open door recovery"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    // Still open, with the reason, and nothing stored.
    QCOMPARE(providers()->providerDialog(), dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->errorBox()->isVisibleTo(dialog));
    QVERIFY2(dialog->errorBox()->text().contains("Open Door Recovery"),
             qPrintable(dialog->errorBox()->text()));
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QVERIFY(m_demo.dialogs->messages().isEmpty());

    // Put right, it is stored.
    dialog->nameEdit()->setText(QStringLiteral("Open Door Recovery East"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!providers()->providerDialog());
    QCOMPARE(m_demo.document->round().supply.providers.last().name,
             QStringLiteral("Open Door Recovery East"));

    // Cancelled, nothing happens.
    QVERIFY(providers()->addProvider());
    providers()->providerDialog()->nameEdit()->setText(QStringLiteral("Never stored"));
    providers()->providerDialog()->reject();
    QVERIFY(!m_demo.document->round().supply.provider("Never stored"));
}

void TestSupplyView::enterEditsTheSelectedProvider()
{
    const SupplyMarket before = m_demo.document->round().supply;
    QTableWidget *table = providers()->table();
    QVERIFY(providers()->selectProvider("Youth Launchpad"));
    QTest::keyClick(table, Qt::Key_Return);
    ProviderDialog *dialog = providers()->providerDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("Youth Launchpad"));
    QVERIFY(dialog->smeCheck()->isChecked());
    // Accepted unchanged, the provider is the same (the order of its lists is kept).
    QCOMPARE(dialog->provider(), *before.provider("Youth Launchpad"));
    dialog->contactEdit()->setText(QStringLiteral("new@youthlaunchpad.example"));
    QVERIFY(dialog->setSpecialismChecked("care_leavers", false));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);

    const int index = int(before.providers.indexOf(*before.provider("Youth Launchpad")));
    const Provider &edited = m_demo.document->round().supply.providers.at(index);
    QCOMPARE(edited.name, QStringLiteral("Youth Launchpad")); // same place in the register
    QCOMPARE(edited.contact, QStringLiteral("new@youthlaunchpad.example"));
    QCOMPARE(edited.specialisms, QStringList{"young_people"});
    QCOMPARE(table->item(rowOf("Youth Launchpad"), ProvidersView::ContactColumn)->text(),
             QStringLiteral("new@youthlaunchpad.example"));
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(table->item(rowOf("Youth Launchpad"), ProvidersView::ContactColumn)->text(),
             QStringLiteral("hi@youthlaunchpad.example"));

    // A double click edits too (on a window laid out, so that the cell is where it is drawn).
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    const int row = rowOf("Westway Skills College");
    const QRect rect = table->visualItemRect(table->item(row, ProvidersView::SectorColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QVERIFY(providers()->providerDialog());
    QCOMPARE(providers()->providerDialog()->nameEdit()->text(),
             QStringLiteral("Westway Skills College"));
    providers()->providerDialog()->reject();
}

void TestSupplyView::deleteRemovesTheSelectedProviderOnceConfirmed()
{
    const SupplyMarket before = m_demo.document->round().supply;
    QTableWidget *table = providers()->table();
    QVERIFY(providers()->selectProvider("Thames Housing Advice"));

    // Not confirmed: nothing changes.
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(m_demo.document->round().supply, before);

    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(table, Qt::Key_Delete);
    QVERIFY(!m_demo.document->round().supply.provider("Thames Housing Advice"));
    QCOMPARE(table->rowCount(), 9);
    QCOMPARE(rowOf("Thames Housing Advice"), -1);
    // The next row is picked, so that Delete can go on.
    QCOMPARE(providers()->currentProvider(), QStringLiteral("Ability Forward"));

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(table->rowCount(), 10);
}

void TestSupplyView::importReplacesTheIllustrativeRegisterInOneStep()
{
    const SupplyMarket before = m_demo.document->round().supply;
    const int steps = m_demo.document->undoStack()->count();
    const QString path = writeFile(
        "our register.csv",
        "name,sector,sme,specialisms,areas,contact\r\n"
        "Camden Works,voluntary_community,yes,mental_health;skills,Camden,jobs@camden.example\r\n"
        "Southside Housing,Voluntary and community,no,homelessness,South London "
        "Partnership,\r\n");
    QVERIFY(!path.isEmpty());
    m_demo.dialogs->setNextFileName(path);
    QVERIFY(providers()->importCsv());

    const SupplyMarket &after = m_demo.document->round().supply;
    QVERIFY(!after.illustrativeProviders);
    QCOMPARE(after.providers.size(), 2);
    QCOMPARE(after.providers[0].name, QStringLiteral("Camden Works"));
    QCOMPARE(after.providers[0].areas, QStringList{"E09000007"});
    QCOMPARE(after.milestones, before.milestones); // the timeline is not the register's
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(providers()->table()->rowCount(), 2);
    QVERIFY(!m_view->providersNotice()->isVisibleTo(m_view.get()));
    QVERIFY(!providers()->clearButton()->isVisibleTo(providers()));
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    const DialogService::Message message = m_demo.dialogs->messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Information);
    QVERIFY2(message.text.contains("our register.csv: 2 added, 0 updated, 0 unchanged"),
             qPrintable(message.text));
    QVERIFY(message.text.contains("invented organisations"));

    // The coverage follows: Camden Works serves the central CPA only.
    QVERIFY(m_view->coverageView()->gapsLabel()->text().contains("Local London"));

    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(providers()->table()->rowCount(), 10);
    QVERIFY(m_view->providersNotice()->isVisibleTo(m_view.get()));

    // Into a real register the file is merged: one updated, one added.
    m_demo.document->undoStack()->redo();
    const QString second = writeFile("more.csv", "name,contact,sector\n"
                                                 "camden works,new@camden.example,vcs\n"
                                                 "Westside Skills,,public\n");
    m_demo.dialogs->clearMessages();
    m_demo.dialogs->setNextFileName(second);
    QVERIFY(providers()->importCsv());
    QCOMPARE(m_demo.document->round().supply.providers.size(), 3);
    QCOMPARE(m_demo.document->round().supply.providers[0].contact,
             QStringLiteral("new@camden.example"));
    QVERIFY(m_demo.dialogs->messages().first().text.contains("1 added, 1 updated, 0 unchanged"));
}

void TestSupplyView::aRefusedFileChangesNothingAndNamesTheLine()
{
    const SupplyMarket before = m_demo.document->round().supply;
    const int steps = m_demo.document->undoStack()->count();
    const QString path = writeFile("bad.csv", "name,sector,areas\n"
                                              "Good Ltd,private,Camden\n"
                                              "Bad Ltd,charity,Camden\n");
    m_demo.dialogs->setNextFileName(path);
    QVERIFY(!providers()->importCsv());
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);
    QCOMPARE(providers()->table()->rowCount(), 10);
    QCOMPARE(m_demo.dialogs->messages().size(), 1);
    const DialogService::Message message = m_demo.dialogs->messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QCOMPARE(message.title, QStringLiteral("The register was not imported"));
    QVERIFY2(message.text.contains("bad.csv, line 3, field “sector”"), qPrintable(message.text));

    // Cancelling the file dialog does nothing at all.
    m_demo.dialogs->clearMessages();
    QVERIFY(!providers()->importCsv());
    QVERIFY(m_demo.dialogs->messages().isEmpty());
}

void TestSupplyView::exportWritesTheRegisterAsCsv()
{
    const QString path = m_demo.dir->filePath("register.csv");
    m_demo.dialogs->setNextFileName(path);
    QVERIFY(providers()->exportCsv());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), writeProvidersCsv(m_demo.document->round().supply.providers));

    // An unwritable place is reported, not ignored.
    m_demo.dialogs->setNextFileName(m_demo.dir->filePath("no such folder/register.csv"));
    QVERIFY(!providers()->exportCsv());
    QCOMPARE(m_demo.dialogs->messages().last().kind, DialogService::MessageKind::Error);
}

// --- Coverage ------------------------------------------------------------------------------

int TestSupplyView::matrixRow(const QString &groupKey) const
{
    const Round &round = m_demo.document->round();
    const CoverageMatrix coverage = supplyCoverage(round, round.supply);
    for (int row = 0; row < coverage.groups.size(); ++row) {
        if (coverage.groups[row].key == groupKey)
            return row;
    }
    return -1;
}

int TestSupplyView::matrixColumn(const QString &cpa) const
{
    const QTableWidget *matrix = m_view->coverageView()->matrixTable();
    for (int column = 1; column < matrix->columnCount(); ++column) {
        if (matrix->horizontalHeaderItem(column)->toolTip() == cpa)
            return column;
    }
    return -1;
}

int TestSupplyView::gapCells() const
{
    const QTableWidget *matrix = m_view->coverageView()->matrixTable();
    int gaps = 0;
    for (int row = 0; row < matrix->rowCount(); ++row) {
        for (int column = 1; column < matrix->columnCount(); ++column)
            gaps += matrix->item(row, column)->text().contains("gap") ? 1 : 0;
    }
    return gaps;
}

void TestSupplyView::coverageMarksTheKnownGapInWordsAndColour()
{
    const CoverageView *view = m_view->coverageView();
    const QTableWidget *matrix = view->matrixTable();
    const Round &round = m_demo.document->round();
    const CoverageMatrix coverage = supplyCoverage(round, round.supply);
    QCOMPARE(matrix->rowCount(), int(coverage.groups.size()));
    QCOMPARE(matrix->columnCount(), 1 + int(round.adoptedPlan()->cpas.size()));
    // The demo's register leaves one gap: no homelessness specialist in central London.
    QCOMPARE(gapCells(), 1);
    const int homeless = matrixRow("homelessness");
    QVERIFY(homeless >= 0);
    QCOMPARE(matrix->item(homeless, matrixColumn("Central London Forward"))->text(),
             QStringLiteral("0 — gap"));
    QCOMPARE(coverage.gaps.size(), 1);
    QVERIFY(view->gapsLabel()->text().contains(coverage.gaps.first().message));

    // Riverside Mind Works is the only health specialist in central London: without it,
    // claimants with a health condition, a priority there, have no specialist.
    const int health = matrixRow("health_condition");
    const int central = matrixColumn("Central London Forward");
    QVERIFY(health >= 0 && central > 0);
    QCOMPARE(matrix->item(health, central)->text(), QStringLiteral("1"));
    QVERIFY(matrix->item(health, central)->toolTip().contains("Riverside Mind Works"));
    QVERIFY(providers()->selectProvider("Riverside Mind Works"));
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(providers()->table(), Qt::Key_Delete);
    QVERIFY(!m_demo.document->round().supply.provider("Riverside Mind Works"));

    const QTableWidgetItem *gap = matrix->item(health, central);
    QCOMPARE(gap->text(), QStringLiteral("0 — gap"));
    QVERIFY(gap->background().style() != Qt::NoBrush);
    QVERIFY(gap->font().bold());
    QVERIFY(gap->data(Qt::AccessibleTextRole).toString().contains("gap"));
    QCOMPARE(gapCells(), 2);
    const CoverageMatrix after =
        supplyCoverage(m_demo.document->round(), m_demo.document->round().supply);
    QCOMPARE(after.gaps.size(), 2);
    for (const CoverageGap &g : after.gaps) {
        QVERIFY(g.message.contains("Central London Forward"));
        QVERIFY(view->gapsLabel()->text().contains(g.message));
    }

    m_demo.document->undoStack()->undo();
    QCOMPARE(matrix->item(health, central)->text(), QStringLiteral("1"));
    QCOMPARE(matrix->item(health, central)->background().style(), Qt::NoBrush);
    QCOMPARE(gapCells(), 1);
}

void TestSupplyView::coveredCellsNameTheirProviders()
{
    const QTableWidget *matrix = m_view->coverageView()->matrixTable();
    const int esa = matrixRow("esa_wrag");
    const int south = matrixColumn("South London Partnership");
    const QTableWidgetItem *covered = matrix->item(esa, south);
    QCOMPARE(covered->text(), QStringLiteral("2"));
    QVERIFY(covered->toolTip().contains("Ability Forward"));
    QVERIFY(covered->toolTip().contains("Healthy Work Partners"));
    QVERIFY(!covered->toolTip().contains("Not a priority"));
    QCOMPARE(covered->background().style(), Qt::NoBrush);
    // A group that is not a priority of the CPA: counted, said, never a gap.
    const int homelessness = matrixRow("homelessness");
    const QTableWidgetItem *other = matrix->item(homelessness, south);
    QCOMPARE(other->text(), QStringLiteral("0"));
    QVERIFY(other->data(Qt::AccessibleTextRole).toString().contains("not a priority"));
    QVERIFY(m_view->coverageView()->introLabel()->text().contains("in grey"));
}

void TestSupplyView::cpaTableShowsTheShares()
{
    const QTableWidget *table = m_view->coverageView()->cpaTable();
    const Round &round = m_demo.document->round();
    const CoverageMatrix coverage = supplyCoverage(round, round.supply);
    QCOMPARE(table->rowCount(), int(coverage.cpas.size()));
    for (int row = 0; row < table->rowCount(); ++row) {
        const CpaSupply &cpa = coverage.cpas[row];
        QCOMPARE(table->item(row, CoverageView::CpaNameColumn)->text(), cpa.name);
        QCOMPARE(table->item(row, CoverageView::ProvidersColumn)->text(),
                 QString::number(cpa.providers.size()));
        QVERIFY(table->item(row, CoverageView::VoluntaryColumn)
                    ->text()
                    .startsWith(QString::number(cpa.voluntaryCommunity) + " ("));
    }
    // South London Partnership: Northgate, Ability Forward, Youth Launchpad, Second Chance
    // Works and Healthy Work Partners; three voluntary and community, three SMEs.
    int south = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, CoverageView::CpaNameColumn)->text() == "South London Partnership")
            south = row;
    }
    QVERIFY(south >= 0);
    QCOMPARE(table->item(south, CoverageView::ProvidersColumn)->text(), QStringLiteral("5"));
    QCOMPARE(table->item(south, CoverageView::VoluntaryColumn)->text(), QStringLiteral("3 (60%)"));
    QCOMPARE(table->item(south, CoverageView::SmeColumn)->text(), QStringLiteral("3 (60%)"));
}

// --- Timeline ------------------------------------------------------------------------------

void TestSupplyView::ruleTableShowsTheMissedSupplyChainRule()
{
    const QTableWidget *rules = timeline()->ruleTable();
    QCOMPARE(rules->rowCount(), 4);
    QCOMPARE(rules->item(0, TimelineView::RuleColumn)->text(),
             QStringLiteral("Supply-chain formation lasts at least 8 weeks"));
    QCOMPARE(rules->item(0, TimelineView::MinimumColumn)->text(), QStringLiteral("8 weeks"));
    QCOMPARE(rules->item(0, TimelineView::MeasuredColumn)->text(), QStringLiteral("7 weeks"));
    QCOMPARE(rules->item(0, TimelineView::MetColumn)->text(), QStringLiteral("✗ Not met"));
    QVERIFY(rules->item(0, TimelineView::ExplanationColumn)->text().startsWith("Not met"));
    for (int row = 1; row < rules->rowCount(); ++row)
        QCOMPARE(rules->item(row, TimelineView::MetColumn)->text(), QStringLiteral("✓ Met"));
    QVERIFY(timeline()->chartSummaryLabel()->text().contains("1 rule of the board is not met"));

    // Eight weeks of formation meets it.
    SupplyMarket supply = m_demo.document->round().supply;
    for (Milestone &m : supply.milestones) {
        if (m.kind == MilestoneKind::SupplyChainFormation)
            m.end = m.start.addDays(56);
    }
    QVERIFY(m_demo.document->setSupply(supply));
    QCOMPARE(rules->item(0, TimelineView::MetColumn)->text(), QStringLiteral("✓ Met"));
    QVERIFY(timeline()->chartSummaryLabel()->text().contains("Every rule of the board is met"));
}

void TestSupplyView::chartShowsTheMilestonesAndTheFailedRule()
{
    TimelineChart *chart = timeline()->chart();
    QCOMPARE(chart->axisStart(), QDate(2026, 9, 1));
    QCOMPARE(chart->axisEnd(), QDate(2027, 7, 1));
    QCOMPARE(chart->failedChecks().size(), 1);
    QCOMPARE(chart->failedChecks().first().rule.from, MilestoneKind::SupplyChainFormation);
    QCOMPARE(chart->accessibleName(), QStringLiteral("Timeline chart"));
    const QString text = chart->accessibleDescription();
    QVERIFY(text.contains("Prior information notice: 1 September 2026."));
    QVERIFY(text.contains("Supply-chain formation: 1 October 2026 to 19 November 2026 (7 weeks)"));
    QVERIFY(text.contains("Rules not met:"));
    QCOMPARE(text, chart->textAlternative());
    chart->setToday(QDate(2026, 11, 5));
    QVERIFY(chart->showsToday());
    chart->setToday(QDate(2030, 1, 1));
    QVERIFY(!chart->showsToday());
    QVERIFY(chart->sizeHint().height() > 11 * chart->fontMetrics().height());
    // It paints without a fault at a narrow and a wide size.
    for (int width : {340, 1400}) {
        chart->resize(width, chart->sizeHint().height());
        QImage image(chart->size(), QImage::Format_ARGB32);
        chart->render(&image);
        QVERIFY(!image.isNull());
    }
}

void TestSupplyView::aMilestoneOutOfOrderIsRefusedInTheDialog()
{
    const SupplyMarket before = m_demo.document->round().supply;
    const int steps = m_demo.document->undoStack()->count();
    QTest::mouseClick(timeline()->addMilestoneButton(), Qt::LeftButton);
    MilestoneDialog *dialog = timeline()->milestoneDialog();
    QVERIFY(dialog);
    // A tender notice before the prior information notice.
    dialog->kindCombo()->setCurrentIndex(
        dialog->kindCombo()->findData(int(MilestoneKind::TenderNotice)));
    dialog->oneDayCheck()->setChecked(true);
    dialog->startEdit()->setDate(QDate(2026, 8, 3));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(timeline()->milestoneDialog(), dialog);
    QVERIFY(dialog->errorBox()->isVisibleTo(dialog));
    QVERIFY2(dialog->errorBox()->text().contains("comes before"),
             qPrintable(dialog->errorBox()->text()));
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(m_demo.document->undoStack()->count(), steps);

    // A second engagement event, a period, in order: stored as one step.
    dialog->kindCombo()->setCurrentIndex(
        dialog->kindCombo()->findData(int(MilestoneKind::EngagementEvent)));
    dialog->nameEdit()->setText(QStringLiteral("Market warming webinar"));
    dialog->oneDayCheck()->setChecked(false);
    dialog->startEdit()->setDate(QDate(2026, 10, 20));
    dialog->endEdit()->setDate(QDate(2026, 10, 22));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!timeline()->milestoneDialog());
    const Milestone &added = m_demo.document->round().supply.milestones.last();
    QCOMPARE(added.kind, MilestoneKind::EngagementEvent);
    QCOMPARE(added.name, QStringLiteral("Market warming webinar"));
    QCOMPARE(added.start, QDate(2026, 10, 20));
    QCOMPARE(added.end, QDate(2026, 10, 22));
    QCOMPARE(m_demo.document->undoStack()->count(), steps + 1);
    QCOMPARE(timeline()->milestoneTable()->rowCount(), 11);
    QCOMPARE(timeline()->currentMilestone(), 10);
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);
    QCOMPARE(timeline()->milestoneTable()->rowCount(), 10);
}

void TestSupplyView::editingAndRemovingAMilestoneUndo()
{
    const SupplyMarket before = m_demo.document->round().supply;
    QTableWidget *table = timeline()->milestoneTable();
    QCOMPARE(table->rowCount(), 10);
    QCOMPARE(table->item(3, TimelineView::KindColumn)->text(),
             milestoneName(MilestoneKind::SupplyChainFormation));
    QCOMPARE(table->item(3, TimelineView::LengthColumn)->text(), QStringLiteral("7 weeks"));
    QCOMPARE(table->item(0, TimelineView::LengthColumn)->text(), QStringLiteral("One day"));

    table->selectRow(3);
    QTest::keyClick(table, Qt::Key_Enter);
    MilestoneDialog *dialog = timeline()->milestoneDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->milestone(), before.milestones[3]);
    QVERIFY(!dialog->oneDayCheck()->isChecked());
    dialog->endEdit()->setDate(QDate(2026, 11, 26));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(m_demo.document->round().supply.milestones[3].end, QDate(2026, 11, 26));
    QCOMPARE(table->item(3, TimelineView::LengthColumn)->text(), QStringLiteral("8 weeks"));
    QCOMPARE(timeline()->ruleTable()->item(0, TimelineView::MetColumn)->text(),
             QStringLiteral("✓ Met"));
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);

    table->selectRow(9); // go-live
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(table, Qt::Key_Delete);
    QCOMPARE(m_demo.document->round().supply.milestones.size(), 9);
    QCOMPARE(table->rowCount(), 9);
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);
}

void TestSupplyView::rulesCanBeRemovedAndTheStandardOnesAdded()
{
    const SupplyMarket before = m_demo.document->round().supply;
    QTableWidget *rules = timeline()->ruleTable();
    QVERIFY(!timeline()->standardRulesButton()->isEnabled()); // all four in place

    rules->selectRow(0);
    QVERIFY(timeline()->removeRuleButton()->isEnabled());
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(rules, Qt::Key_Delete);
    QCOMPARE(m_demo.document->round().supply.rules.size(), 3);
    QCOMPARE(rules->rowCount(), 3);
    QVERIFY(timeline()->standardRulesButton()->isEnabled());

    QTest::mouseClick(timeline()->standardRulesButton(), Qt::LeftButton);
    const QList<TimelineRule> &after = m_demo.document->round().supply.rules;
    QCOMPARE(after.size(), 4);
    QCOMPARE(after.last(), defaultTimelineRules().first());
    QVERIFY(!timeline()->standardRulesButton()->isEnabled());
    QCOMPARE(rules->item(3, TimelineView::MetColumn)->text(), QStringLiteral("✗ Not met"));

    m_demo.document->undoStack()->undo();
    m_demo.document->undoStack()->undo();
    QCOMPARE(m_demo.document->round().supply, before);

    // A rule added through its dialog.
    QVERIFY(timeline()->addRule());
    RuleDialog *dialog = timeline()->ruleDialog();
    QVERIFY(dialog);
    dialog->fromCombo()->setCurrentIndex(
        dialog->fromCombo()->findData(int(MilestoneKind::EngagementEvent)));
    dialog->toCombo()->setCurrentIndex(
        dialog->toCombo()->findData(int(MilestoneKind::BidDeadline)));
    dialog->minimumSpin()->setValue(84);
    QVERIFY(dialog->readBackLabel()->text().contains("At least 12 weeks from the market"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QVERIFY(!timeline()->ruleDialog());
    QCOMPARE(m_demo.document->round().supply.rules.last(),
             (TimelineRule{MilestoneKind::EngagementEvent, MilestoneKind::BidDeadline, 84}));
    QCOMPARE(rules->rowCount(), 5);
    QCOMPARE(rules->item(4, TimelineView::MetColumn)->text(), QStringLiteral("✓ Met"));
}

void TestSupplyView::aRuleMeasuringBackwardsIsRefused()
{
    const SupplyMarket before = m_demo.document->round().supply;
    QVERIFY(timeline()->addRule());
    RuleDialog *dialog = timeline()->ruleDialog();
    dialog->fromCombo()->setCurrentIndex(dialog->fromCombo()->findData(int(MilestoneKind::Award)));
    dialog->toCombo()->setCurrentIndex(
        dialog->toCombo()->findData(int(MilestoneKind::TenderNotice)));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QCOMPARE(timeline()->ruleDialog(), dialog);
    QVERIFY(dialog->errorBox()->isVisibleTo(dialog));
    QVERIFY2(dialog->errorBox()->text().contains("backwards"),
             qPrintable(dialog->errorBox()->text()));
    QCOMPARE(m_demo.document->round().supply, before);
    dialog->reject();
    QVERIFY(!timeline()->ruleDialog());
}

// --- States and access ---------------------------------------------------------------------

void TestSupplyView::frozenStageDisablesEveryEditWithTheReason()
{
    openDemo(
        [](Round &round) { round.stage(StageId::Supply).status = StageStatus::ReadyForSignOff; });
    const QString why = m_demo.document->whySupplyFrozen();
    QVERIFY(why.contains("ready for sign-off"));
    QVERIFY(m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QCOMPARE(m_view->frozenNotice()->text(), why);

    QVERIFY(providers()->selectProvider("Open Door Recovery"));
    timeline()->milestoneTable()->selectRow(0);
    timeline()->ruleTable()->selectRow(0);
    for (QPushButton *button :
         {providers()->addButton(), providers()->editButton(), providers()->removeButton(),
          providers()->importButton(), providers()->clearButton(), timeline()->addMilestoneButton(),
          timeline()->editMilestoneButton(), timeline()->removeMilestoneButton(),
          timeline()->clearButton(), timeline()->addRuleButton(), timeline()->editRuleButton(),
          timeline()->removeRuleButton(), timeline()->standardRulesButton()}) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
        QCOMPARE(button->toolTip(), why);
    }
    // Reading stays open.
    QVERIFY(providers()->exportButton()->isEnabled());

    // Keys and calls do nothing either.
    const SupplyMarket before = m_demo.document->round().supply;
    m_demo.dialogs->setNextAnswer(true);
    QTest::keyClick(providers()->table(), Qt::Key_Delete);
    QTest::keyClick(providers()->table(), Qt::Key_Return);
    QVERIFY(!providers()->providerDialog());
    QVERIFY(!providers()->addProvider());
    QVERIFY(!timeline()->addMilestone());
    QVERIFY(!timeline()->addStandardRules());
    m_demo.dialogs->setNextFileName(m_demo.dir->filePath("unused.csv"));
    QVERIFY(!providers()->importCsv());
    QCOMPARE(m_demo.document->round().supply, before);
    QVERIFY(m_demo.dialogs->confirm(nullptr, {}, {}, {})); // the answer was never asked for

    // Withdrawn from sign-off, editing comes back.
    QVERIFY(m_demo.document->setStageStatus(StageId::Supply, StageStatus::InProgress));
    QVERIFY(!m_view->frozenNotice()->isVisibleTo(m_view.get()));
    QVERIFY(providers()->addButton()->isEnabled());
    QVERIFY(timeline()->addMilestoneButton()->isEnabled());
}

QStringList TestSupplyView::unnamedControls(QWidget *root)
{
    return TestSupport::unnamedControls(root, {}, TestSupport::isTabToolOrCalendar);
}

void TestSupplyView::everyControlHasAnAccessibleName()
{
    QStringList unnamed = unnamedControls(m_view.get());
    QVERIFY(providers()->selectProvider("Open Door Recovery"));
    QVERIFY(providers()->editProvider());
    unnamed << unnamedControls(providers()->providerDialog());
    providers()->providerDialog()->reject();
    QVERIFY(timeline()->addMilestone());
    unnamed << unnamedControls(timeline()->milestoneDialog());
    timeline()->milestoneDialog()->reject();
    QVERIFY(timeline()->addRule());
    unnamed << unnamedControls(timeline()->ruleDialog());
    timeline()->ruleDialog()->reject();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(", ")));
}

QTEST_MAIN(TestSupplyView)
#include "tst_supplyview.moc"
