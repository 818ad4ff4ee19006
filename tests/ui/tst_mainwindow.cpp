#include "ui/mainwindow.h"

#include "core/commands/commands.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/round/stagerules.h"
#include "tests/support/mainwindow.h"
#include "ui/cpa/cpaeditor.h"
#include "ui/dialogservice.h"
#include "ui/models/indicatortablemodel.h"
#include "ui/models/stagelistmodel.h"
#include "ui/needsview.h"
#include "ui/noticebox.h"
#include "ui/overviewpage.h"
#include "ui/settings.h"
#include "ui/stagepage.h"
#include "ui/welcomepage.h"

#include <QAction>
#include <QComboBox>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace CoCommission;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void startsOnTheWelcomePage();
    void navigatorShowsOverviewAndSixStages();
    void navigatorIsKeyboardOperable();
    void overviewShowsTitleAndIllustrativeNotice();
    void editingTheTitleIsSavedAndUndoable();
    void stagePageListsWhatStageOneStillNeeds();
    void signingOffStageOneThroughTheDialogService();
    void modelChangeAfterSignOffIsRefusedAndReverted();
    void adoptingAnotherPlanFromTheOverview();
    void secondWindowOnTheSameFileIsReadOnly();
    void closingTheRoundShowsTheWelcomePage();
    void openingATextFileShowsTheErrorAndKeepsTheWelcomePage();
    void openingErrorKeepsTheCurrentRound();
    void droppingARoundFileOpensIt();
    void newRoundAppendsTheSuffix();
    void demoRoundIsCreatedOnceAndReopened();
    void recentFilesAreRememberedAndOpenFromTheWelcomePage();
    void everyInteractiveWidgetHasAnAccessibleName();
    void tabOrderFollowsThePages();

private:
    QString outstandingNeedsText(MainWindow &window) const;
    /** objectName of each widget Tab reaches, starting from the navigator. */
    static QStringList tabChain(MainWindow &window, int presses);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_roundPath;
    DialogService m_dialogs;
};

void TestMainWindow::initTestCase()
{
    // Settings and the demo round go to the test locations (~/.qttest), never the user's.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

void TestMainWindow::init()
{
    Settings::clear();
    m_dialogs.clearMessages();
    QFile::remove(MainWindow::demoRoundPath());

    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_roundPath = m_dir->filePath(QStringLiteral("demo copy.cocom"));
    const Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    auto created = RoundDocument::create(m_roundPath, *demo, QStringLiteral("tester"));
    QVERIFY2(created.ok(), qPrintable(created.errorMessage()));
    // Closed again here: the window under test opens it like a user would.
}

void TestMainWindow::cleanup()
{
    m_dir.reset();
}

QString TestMainWindow::outstandingNeedsText(MainWindow &window) const
{
    QStringList items;
    QListWidget *list = window.stagePage()->needsList();
    for (int row = 0; row < list->count(); ++row)
        items.append(list->item(row)->text());
    return items.join(QLatin1Char('\n'));
}

void TestMainWindow::startsOnTheWelcomePage()
{
    MainWindow window(&m_dialogs);
    QVERIFY(window.isWelcomeShown());
    QVERIFY(!window.document());
    QCOMPARE(window.windowTitle(), QStringLiteral("CoCommission"));
    QVERIFY(!window.undoAction()->isEnabled());
    QVERIFY(!window.redoAction()->isEnabled());
    QVERIFY(!window.closeAction()->isEnabled());
    QCOMPARE(window.undoAction()->shortcuts(), QKeySequence::keyBindings(QKeySequence::Undo));
    QVERIFY(window.closeAction()->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_W)));
    const auto *quit = window.findChild<QAction *>(QStringLiteral("quitAction"));
    QVERIFY(quit && quit->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Q)));
}

void TestMainWindow::navigatorShowsOverviewAndSixStages()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    QVERIFY(!window->isWelcomeShown());
    QAbstractItemModel *model = window->navigator()->model();
    QCOMPARE(model->rowCount(), 8);
    QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("Round overview"));
    QCOMPARE(model->index(StageListModel::kCpaRow, 0).data().toString(),
             QStringLiteral("Contract Package Areas"));
    for (StageId stage : kAllStages) {
        const QString text = model->index(StageListModel::rowOf(stage), 0).data().toString();
        QVERIFY2(text.contains(stageTitle(stage)), qPrintable(text));
        QVERIFY(text.startsWith(QString::number(stageNumber(stage)) + QLatin1Char('.')));
    }
    QCOMPARE(window->navigator()->currentIndex().row(), 0);
}

void TestMainWindow::navigatorIsKeyboardOperable()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    auto *pages = window->findChild<QStackedWidget *>(QStringLiteral("pageStack"));
    QVERIFY(pages);
    QCOMPARE(pages->currentWidget(), window->overviewPage());

    QTest::keyClick(window->navigator(), Qt::Key_Down);
    QCOMPARE(pages->currentWidget(), window->stagePage());
    QCOMPARE(window->stagePage()->stage(), StageId::Needs);
    QTest::keyClick(window->navigator(), Qt::Key_End);
    QCOMPARE(pages->currentWidget(), window->cpaEditor());
    QTest::keyClick(window->navigator(), Qt::Key_Up);
    QCOMPARE(pages->currentWidget(), window->stagePage());
    QCOMPARE(window->stagePage()->stage(), StageId::Monitoring);
    QTest::keyClick(window->navigator(), Qt::Key_Home);
    QCOMPARE(pages->currentWidget(), window->overviewPage());

    // The stage links on the overview take the navigator along.
    auto *link = window->overviewPage()->findChild<QPushButton *>(QStringLiteral("stageLink3"));
    QVERIFY(link);
    QTest::keyClick(link, Qt::Key_Space);
    QCOMPARE(window->stagePage()->stage(), StageId::Design);
    QCOMPARE(window->navigator()->currentIndex().row(), StageListModel::rowOf(StageId::Design));
}

void TestMainWindow::overviewShowsTitleAndIllustrativeNotice()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    const QString title = window->document()->round().title;
    QCOMPARE(window->overviewPage()->titleEdit()->text(), title);
    auto *heading = window->overviewPage()->findChild<QLabel *>(QStringLiteral("overviewHeading"));
    QVERIFY(heading);
    QCOMPARE(heading->text(), title);
    QCOMPARE(window->windowTitle(), title + QStringLiteral(" – CoCommission"));

    NoticeBox *notice = window->overviewPage()->illustrativeNotice();
    QVERIFY(notice->isVisibleTo(window.get()));
    QCOMPARE(notice->text(),
             QStringLiteral("The needs figures in this round are illustrative, not official "
                            "statistics."));
    QVERIFY(!window->readOnlyBanner()->isVisibleTo(window.get()));
}

void TestMainWindow::editingTheTitleIsSavedAndUndoable()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    const QString original = window->document()->round().title;
    QLineEdit *edit = window->overviewPage()->titleEdit();
    QVERIFY(edit->isEnabled());

    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("North London pilot"));
    QTest::keyClick(edit, Qt::Key_Return);

    QCOMPARE(window->document()->round().title, QStringLiteral("North London pilot"));
    QCOMPARE(window->windowTitle(), QStringLiteral("North London pilot – CoCommission"));
    QVERIFY(
        window->statusBar()->currentMessage().startsWith(QStringLiteral("All changes saved to ")));
    QVERIFY(window->undoAction()->isEnabled());
    QCOMPARE(window->undoAction()->text(), QStringLiteral("&Undo change round title"));

    window->undoAction()->trigger();
    QCOMPARE(window->document()->round().title, original);
    QCOMPARE(edit->text(), original);
    QVERIFY(window->redoAction()->isEnabled());

    // An empty title is refused with a message, and the field shows the title again.
    edit->setText(QString());
    emit edit->editingFinished();
    QCOMPARE(window->document()->round().title, original);
    QCOMPARE(edit->text(), original);
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().kind, DialogService::MessageKind::Error);
    QCOMPARE(m_dialogs.messages().first().text, QStringLiteral("A round needs a title."));

    // The edit is in the file, not only in memory.
    window->redoAction()->trigger();
    window->closeRound();
    QVERIFY(!window->undoAction()->isEnabled());
    QVERIFY(window->openFile(m_roundPath));
    QCOMPARE(window->document()->round().title, QStringLiteral("North London pilot"));
}

void TestMainWindow::stagePageListsWhatStageOneStillNeeds()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    window->showPage(StageId::Needs);
    StagePage *page = window->stagePage();
    QCOMPARE(page->stage(), StageId::Needs);
    auto *heading = page->findChild<QLabel *>(QStringLiteral("stageHeading"));
    QCOMPARE(heading->text(), QStringLiteral("Stage 1 · Assessing local needs"));

    // Every sentence StageRules still asks for is listed, unticked; the figures are ticked.
    const QStringList outstanding =
        StageRules::outstanding(window->document()->round(), StageId::Needs);
    QVERIFY(!outstanding.isEmpty());
    QListWidget *list = page->needsList();
    for (const QString &needed : outstanding) {
        const QList<QListWidgetItem *> found = list->findItems(needed, Qt::MatchExactly);
        QVERIFY2(found.size() == 1, qPrintable(needed));
        QCOMPARE(found.first()->data(Qt::UserRole).toBool(), false);
    }
    const QList<QListWidgetItem *> figures = list->findItems(
        QStringLiteral("Labour-market figures for every authority in the round"), Qt::MatchExactly);
    QCOMPARE(figures.size(), 1);
    QCOMPARE(figures.first()->data(Qt::UserRole).toBool(), true);

    // Actions follow StageRules: already started, can be marked ready, nothing to withdraw.
    QVERIFY(!page->startButton()->isEnabled());
    QVERIFY(!page->startButton()->toolTip().isEmpty());
    QVERIFY(page->markReadyButton()->isEnabled());
    QVERIFY(!page->withdrawButton()->isEnabled());
    QVERIFY(!page->signOffButton()->isEnabled());
    QCOMPARE(
        page->signOffButton()->toolTip(),
        *StageRules::whyNotSignOff(window->document()->round(), StageId::Needs, SignOffParty::Dwp));

    auto *notBuilt = page->findChild<QLabel *>(QStringLiteral("notBuiltLabel"));
    QCOMPARE(notBuilt->text(), StageRules::notBuiltYet(StageId::Needs));

    // The needs indicators: the claimant rate of 33 authorities, said to be illustrative.
    NeedsView *needs = page->needsView();
    QVERIFY(needs->isVisibleTo(window.get()));
    QCOMPARE(needs->indicatorCombo()->currentText(), QStringLiteral("Claimant rate (%)"));
    QCOMPARE(needs->model()->rowCount(), 33);
    QVERIFY(needs->illustrativeNotice()->isVisibleTo(window.get()));
    QVERIFY(needs->illustrativeNotice()->text().startsWith(
        QStringLiteral("Illustrative figures, not official statistics")));
    // resources/demo/needs_illustrative.csv: 273 claimants of 7,000 aged 16-64.
    const int city = needs->model()->rowOf(QStringLiteral("E09000001"));
    QVERIFY(city >= 0);
    QCOMPARE(needs->model()->index(city, 0).data().toString(), QStringLiteral("City of London"));
    QCOMPARE(needs->model()->index(city, 1).data().toString(),
             QLocale().toString(273.0 / 7000 * 100, 'f', 1));

    // Other stages have no indicators.
    window->showPage(StageId::Design);
    QVERIFY(!page->needsView()->isVisibleTo(window.get()));
}

void TestMainWindow::signingOffStageOneThroughTheDialogService()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    window->showPage(StageId::Needs);
    StagePage *page = window->stagePage();

    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    // Keyboard alone: Space on the focused "Mark ready for sign-off".
    QVERIFY(page->markReadyButton()->isEnabled());
    page->markReadyButton()->setFocus(Qt::TabFocusReason);
    QTest::keyClick(page->markReadyButton(), Qt::Key_Space);
    QCOMPARE(window->document()->round().stage(StageId::Needs).status,
             StageStatus::ReadyForSignOff);
    QVERIFY(page->signOffButton()->isEnabled());
    QVERIFY(page->withdrawButton()->isEnabled());
    QVERIFY(!page->markReadyButton()->isEnabled());
    QVERIFY(window->undoAction()->isEnabled());
    // Focus moves on to the next step, not down the page to the indicator picker.
    QCOMPARE(QApplication::focusWidget(), page->signOffButton());

    // Alt+W withdraws, and Alt+R marks ready again.
    QTest::keyClick(window.get(), Qt::Key_W, Qt::AltModifier);
    QTRY_COMPARE(window->document()->round().stage(StageId::Needs).status, StageStatus::InProgress);
    QTest::keyClick(window.get(), Qt::Key_R, Qt::AltModifier);
    QTRY_COMPARE(window->document()->round().stage(StageId::Needs).status,
                 StageStatus::ReadyForSignOff);

    // Alt+S opens the sign-off dialog; cancelled (nothing queued), it signs nothing.
    QSignalSpy signOffClicked(page->signOffButton(), &QPushButton::clicked);
    QTest::keyClick(window.get(), Qt::Key_S, Qt::AltModifier);
    QTRY_COMPARE(signOffClicked.count(), 1);
    QVERIFY(window->document()->round().signOffs.isEmpty());

    m_dialogs.setNextSignOff({SignOffParty::Dwp, QStringLiteral("Asha Shah"),
                              QStringLiteral("DWP commissioning lead"),
                              QStringLiteral("The figures cover every borough.")});
    page->signOffButton()->click();
    QCOMPARE(window->document()->round().signOffs.size(), 1);
    QCOMPARE(window->document()->round().stage(StageId::Needs).status,
             StageStatus::ReadyForSignOff);
    QVERIFY(!window->undoAction()->isEnabled()); // a signature clears the undo history
    QVERIFY(!page->withdrawButton()->isEnabled());

    m_dialogs.setNextSignOff({SignOffParty::PartnershipBoard, QStringLiteral("Ben Jones"),
                              QStringLiteral("Chair, partnership board"),
                              QStringLiteral("Agreed at the board meeting.")});
    page->signOffButton()->click();
    QCOMPARE(window->document()->round().stage(StageId::Needs).status, StageStatus::SignedOff);
    QVERIFY(m_dialogs.messages().isEmpty());

    const QModelIndex row = window->navigator()->model()->index(1, 0);
    QCOMPARE(row.data(StageListModel::StatusRole).toInt(), int(StageStatus::SignedOff));
    QCOMPARE(row.data(StageListModel::SummaryRole).toString(), QStringLiteral("Signed off"));

    QTableWidget *table = page->signOffTable();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), 4);
    QVERIFY(table->item(0, 0)->text().startsWith(partyName(SignOffParty::Dwp)));
    QVERIFY(table->item(1, 0)->text().contains(QStringLiteral("Ben Jones")));
    const QString sha = window->document()->round().signOffs.at(1).snapshotSha256;
    QCOMPARE(table->item(1, 3)->text(), sha.left(12));
    QVERIFY(!page->signOffButton()->isEnabled());
    QVERIFY(!page->startButton()->isEnabled());
    QVERIFY(outstandingNeedsText(*window).contains(
        QStringLiteral("Signed off by: %1").arg(partyName(SignOffParty::PartnershipBoard))));
}

void TestMainWindow::modelChangeAfterSignOffIsRefusedAndReverted()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    QComboBox *combo = window->overviewPage()->modelCombo();

    // Before any signature the model changes, and back through Undo.
    combo->setCurrentIndex(1);
    emit combo->activated(1);
    QCOMPARE(window->document()->round().model, DevolutionModel::PartnershipDelivery);
    window->undoAction()->trigger();
    QCOMPARE(window->document()->round().model, DevolutionModel::CoCommissioning);
    QCOMPARE(combo->currentIndex(), 0);

    RoundDocument *document = window->document();
    QVERIFY(document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff).ok());
    QVERIFY(document
                ->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("A"),
                          QStringLiteral("B"), QStringLiteral("C"))
                .ok());

    combo->setCurrentIndex(2);
    emit combo->activated(2);
    QCOMPARE(document->round().model, DevolutionModel::CoCommissioning);
    QCOMPARE(combo->currentIndex(), 0);
    QCOMPARE(m_dialogs.messages().size(), 1); // reported once, not again as a write failure
    QVERIFY(m_dialogs.messages().first().text.contains(QStringLiteral("cannot change")));

    // A change refused outside the window's own edits (here straight on the document, as
    // undo or redo would) is still shown, as a warning.
    m_dialogs.clearMessages();
    QVERIFY(!document->setStageStatus(StageId::Design, StageStatus::ReadyForSignOff).ok());
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().kind, DialogService::MessageKind::Warning);
}

void TestMainWindow::adoptingAnotherPlanFromTheOverview()
{
    // A round with a second, not adopted plan: every authority in one CPA.
    Result<Round> round = LondonRound::demo();
    QVERIFY(round.ok());
    round->tender = {};     // bids fix the adopted plan: another could not be adopted
    round->monitoring = {}; // and so do the figures of stage 6
    CpaPlan single;
    single.name = QStringLiteral("One London-wide contract");
    Cpa london;
    london.name = QStringLiteral("London");
    london.colour = QStringLiteral("#1f6fb4");
    for (const Authority &authority : round->authorities)
        london.members.append(authority.gssCode);
    single.cpas.append(london);
    round->plans.append(single);
    const QString path = m_dir->filePath(QStringLiteral("two plans.cocom"));
    QVERIFY(RoundDocument::create(path, *round).ok());

    auto window = TestSupport::openMainWindow(&m_dialogs, path);
    QVERIFY(window);
    const QList<QPushButton *> adopt =
        window->overviewPage()->findChildren<QPushButton *>(QStringLiteral("adoptPlanButton"));
    QCOMPARE(adopt.size(), 1); // only the plan not adopted has one
    QCOMPARE(adopt.first()->accessibleName(),
             QStringLiteral("Adopt CPA plan One London-wide contract"));
    adopt.first()->click();
    QCOMPARE(window->document()->round().adoptedPlan()->name,
             QStringLiteral("One London-wide contract"));
    QVERIFY(m_dialogs.messages().isEmpty());

    // The page now offers to adopt the other plan, and Undo brings the first one back.
    QCOMPARE(window->overviewPage()
                 ->findChildren<QPushButton *>(QStringLiteral("adoptPlanButton"))
                 .size(),
             1);
    window->undoAction()->trigger();
    QCOMPARE(window->document()->round().adoptedPlan()->name,
             QStringLiteral("Sub-regional partnerships"));
}

void TestMainWindow::secondWindowOnTheSameFileIsReadOnly()
{
    auto first = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(first);
    QVERIFY(!first->document()->isReadOnly());

    auto second = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(second);
    QVERIFY(second->document()->isReadOnly());
    NoticeBox *banner = second->readOnlyBanner();
    QVERIFY(banner->isVisibleTo(second.get()));
    QCOMPARE(banner->text(), second->document()->readOnlyReason());
    QVERIFY(!banner->text().isEmpty());
    QVERIFY(second->windowTitle().endsWith(QStringLiteral(" – CoCommission (read-only)")));

    QVERIFY(second->overviewPage()->titleEdit()->isReadOnly());
    QVERIFY(second->overviewPage()->programmeEdit()->isReadOnly());
    QVERIFY(!second->overviewPage()->modelCombo()->isEnabled());
    second->showPage(StageId::Needs);
    StagePage *page = second->stagePage();
    for (QPushButton *button : {page->startButton(), page->markReadyButton(),
                                page->withdrawButton(), page->signOffButton()}) {
        QVERIFY2(!button->isEnabled(), qPrintable(button->objectName()));
        QCOMPARE(button->toolTip(), second->document()->whyNotEditable());
    }
    QVERIFY(!first->readOnlyBanner()->isVisibleTo(first.get()));
}

void TestMainWindow::closingTheRoundShowsTheWelcomePage()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    window->closeAction()->trigger();
    QVERIFY(window->isWelcomeShown());
    QVERIFY(!window->document());
    QCOMPARE(window->windowTitle(), QStringLiteral("CoCommission"));
    QCOMPARE(window->navigator()->model()->rowCount(), 0);
    QVERIFY(!window->closeAction()->isEnabled());

    // The file is free again: a new window opens it writable.
    auto again = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(again);
    QVERIFY(!again->document()->isReadOnly());
}

void TestMainWindow::openingATextFileShowsTheErrorAndKeepsTheWelcomePage()
{
    const QString textPath = m_dir->filePath(QStringLiteral("notes.cocom"));
    QFile text(textPath);
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("Meeting notes, not a round.\n");
    text.close();

    MainWindow window(&m_dialogs);
    m_dialogs.setNextFileName(textPath);
    QVERIFY(!window.openRound());
    QVERIFY(window.isWelcomeShown());
    QVERIFY(!window.document());
    QCOMPARE(m_dialogs.messages().size(), 1);
    const DialogService::Message message = m_dialogs.messages().first();
    QCOMPARE(message.kind, DialogService::MessageKind::Error);
    QVERIFY2(message.text.contains(QStringLiteral("is not a CoCommission round")),
             qPrintable(message.text));
}

void TestMainWindow::openingErrorKeepsTheCurrentRound()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    RoundDocument *before = window->document();
    QVERIFY(!window->openFile(m_dir->filePath(QStringLiteral("missing.cocom"))));
    QCOMPARE(window->document(), before);
    QVERIFY(!window->isWelcomeShown());
    QCOMPARE(m_dialogs.messages().size(), 1);
    QVERIFY(m_dialogs.messages().first().text.contains(QStringLiteral("does not exist")));
}

void TestMainWindow::droppingARoundFileOpensIt()
{
    MainWindow window(&m_dialogs);
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(m_roundPath)});

    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());

    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(window.document());
    QCOMPARE(QFileInfo(window.document()->filePath()).canonicalFilePath(),
             QFileInfo(m_roundPath).canonicalFilePath());

    // Anything but a round or a CSV file (labour-market data, see tst_needsview) is not taken.
    QMimeData other;
    other.setUrls({QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("figures.xlsx")))});
    QDragEnterEvent refused(QPoint(10, 10), Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&window, &refused);
    QVERIFY(!refused.isAccepted());
}

void TestMainWindow::newRoundAppendsTheSuffix()
{
    MainWindow window(&m_dialogs);
    m_dialogs.setNextFileName(m_dir->filePath(QStringLiteral("Autumn round")));
    QVERIFY2(window.newRound(), qPrintable(m_dialogs.messages().value(0).text));
    QVERIFY(window.document());
    QCOMPARE(window.document()->filePath(), m_dir->filePath(QStringLiteral("Autumn round.cocom")));
    QCOMPARE(window.document()->round().title, QStringLiteral("New commissioning round"));
    QVERIFY(!window.document()->round().hasIllustrativeFigures());
    QVERIFY(!window.overviewPage()->illustrativeNotice()->isVisibleTo(&window));

    // The programme can be set and cleared again.
    QLineEdit *programme = window.overviewPage()->programmeEdit();
    programme->setText(QStringLiteral("Work and Health Programme"));
    emit programme->editingFinished();
    QCOMPARE(window.document()->round().programme, QStringLiteral("Work and Health Programme"));
    programme->clear();
    emit programme->editingFinished();
    QVERIFY2(m_dialogs.messages().isEmpty(), qPrintable(m_dialogs.messages().value(0).text));
    QCOMPARE(window.document()->round().programme, QString());

    // Cancelling the file dialog changes nothing.
    RoundDocument *current = window.document();
    QVERIFY(!window.newRound());
    QCOMPARE(window.document(), current);
}

void TestMainWindow::demoRoundIsCreatedOnceAndReopened()
{
    const QString path = MainWindow::demoRoundPath();
    QVERIFY(!QFileInfo::exists(path));
    {
        MainWindow window(&m_dialogs);
        QVERIFY(window.openDemoRound());
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(window.document()->round().hasIllustrativeFigures());
        QVERIFY(Commands::setTitle(window.document(), QStringLiteral("My practice round")).ok());
    }
    MainWindow window(&m_dialogs);
    QVERIFY(window.openDemoRound());
    // The same file, not a fresh copy: the change made before is still there.
    QCOMPARE(window.document()->round().title, QStringLiteral("My practice round"));
    QVERIFY(m_dialogs.messages().isEmpty());
}

void TestMainWindow::recentFilesAreRememberedAndOpenFromTheWelcomePage()
{
    {
        auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
        QVERIFY(window);
        window->close();
    }
    QCOMPARE(Settings::recentFiles().value(0), QFileInfo(m_roundPath).absoluteFilePath());
    QVERIFY(!Settings::value(Settings::WindowGeometry).toByteArray().isEmpty());

    MainWindow window(&m_dialogs);
    QListWidget *recent = window.welcomePage()->recentList();
    QCOMPARE(recent->count(), 1);
    emit recent->itemActivated(recent->item(0));
    QVERIFY(window.document());
    QVERIFY(!window.isWelcomeShown());
}

void TestMainWindow::everyInteractiveWidgetHasAnAccessibleName()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    auto check = [&](const char *page) {
        const QList<QWidget *> widgets = window->findChildren<QWidget *>();
        for (QWidget *widget : widgets) {
            // What Tab reaches: keyboard and screen-reader users meet these.
            if (!widget->isVisibleTo(window.get()) || !(widget->focusPolicy() & Qt::TabFocus))
                continue;
            const bool interactive =
                qobject_cast<QAbstractButton *>(widget) || qobject_cast<QLineEdit *>(widget) ||
                qobject_cast<QComboBox *>(widget) || qobject_cast<QAbstractItemView *>(widget) ||
                qobject_cast<QLabel *>(widget);
            if (!interactive)
                continue;
            QVERIFY2(!widget->accessibleName().isEmpty(),
                     qPrintable(QStringLiteral("%1: %2 %3")
                                    .arg(QLatin1String(page),
                                         QLatin1String(widget->metaObject()->className()),
                                         widget->objectName())));
        }
    };
    check("overview");
    window->showPage(StageId::Needs);
    check("stage 1");
    window->closeRound();
    check("welcome");
}

QStringList TestMainWindow::tabChain(MainWindow &window, int presses)
{
    QStringList chain;
    window.navigator()->setFocus();
    for (int i = 0; i < presses; ++i) {
        QWidget *focus = QApplication::focusWidget();
        if (!focus)
            break;
        chain.append(focus->objectName());
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    return chain;
}

void TestMainWindow::tabOrderFollowsThePages()
{
    auto window = TestSupport::openMainWindow(&m_dialogs, m_roundPath);
    QVERIFY(window);
    QApplication::setActiveWindow(window.get());
    QVERIFY(QTest::qWaitForWindowActive(window.get()));

    // Overview: the navigator, the page (for scrolling), its editors, the stage links, then the
    // way to the CPA editor.
    const QStringList overview = tabChain(*window, 13);
    QCOMPARE(overview,
             (QStringList{QStringLiteral("navigator"), QStringLiteral("overviewPage"),
                          QStringLiteral("titleEdit"), QStringLiteral("programmeEdit"),
                          QStringLiteral("modelCombo"), QStringLiteral("stageLink1"),
                          QStringLiteral("stageLink2"), QStringLiteral("stageLink3"),
                          QStringLiteral("stageLink4"), QStringLiteral("stageLink5"),
                          QStringLiteral("stageLink6"), QStringLiteral("openCpaEditorButton"),
                          QStringLiteral("navigator")}));

    window->showPage(StageId::Needs);
    // ... the indicators, their map, then the agreements (Save and Revert wait for an edit).
    const QStringList stage = tabChain(*window, 17);
    QCOMPARE(stage,
             (QStringList{QStringLiteral("navigator"), QStringLiteral("stagePage"),
                          QStringLiteral("needsList"), QStringLiteral("markReadyButton"),
                          QStringLiteral("stagePaperButton"), QStringLiteral("indicatorCombo"),
                          QStringLiteral("groupingCombo"), QStringLiteral("dateCombo"),
                          QStringLiteral("addRatioButton"), QStringLiteral("indicatorTable"),
                          QStringLiteral("indicatorMap"), QStringLiteral("agreementCpaCombo"),
                          QStringLiteral("agreementIndicators"),
                          QStringLiteral("agreementNarrative"), QStringLiteral("agreementGroups"),
                          QStringLiteral("agreementRemoveButton"), QStringLiteral("navigator")}));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
