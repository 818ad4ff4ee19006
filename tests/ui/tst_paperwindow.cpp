#include "ui/paper/paperwindow.h"

#include "core/paper/composer.h"
#include "core/paper/paperwriter.h"
#include "core/round/londonround.h"
#include "core/round/paper.h"
#include "core/round/rounddocument.h"
#include "core/store/projectfile.h"
#include "tests/support/accessibility.h"
#include "tests/support/demoround.h"
#include "tests/support/testsupport.h"
#include "ui/dialogservice.h"
#include "ui/editrunner.h"
#include "ui/mainwindow.h"
#include "ui/noticebox.h"
#include "ui/paper/newpaperdialog.h"
#include "ui/paper/paperpreview.h"
#include "ui/settings.h"
#include "ui/stagepage.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QUndoStack>

#include <functional>
#include <memory>

using namespace CoCommission;

Q_DECLARE_METATYPE(CoCommission::Paper::Format)
Q_DECLARE_METATYPE(CoCommission::Paper::Version)

/**
 * The board-paper window on the demo round: the list of papers, making and deleting a paper,
 * editing the text with one undo step per field, the recommendations, exempt sections and
 * disclosure control, the print preview and its versions, exports, the read-only state, the
 * main window's action and the stage page's button, and keyboard access.
 */
class TestPaperWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void listShowsTheStoredPapersByMeetingDate();
    void newPaperStoresADefaultPaper();
    void newPaperNeedsAStage();
    void deleteAsksFirstAndUndoes();
    void editingTheTitleIsOneUndoStepPerField();
    void typedTextIsStoredWhenIdleAndOnClose();
    void refusedTextIsPutBackWithTheReason();
    void recommendationsAddMoveEditAndRemove();
    void exemptCheckBoxIsStored();
    void disclosureSwitchOnlyWhenNotForPublication();
    void stagesCanChangeButNotToNone();
    void previewShowsThePagesOfTheVersionChosen();
    void previewZooms();
    void previewIsOperatedByKeys();
    void exportWritesTheFormatChosen_data();
    void exportWritesTheFormatChosen();
    void exportFailureNamesThePath();
    void readOnlyRoundRefusesEditsWithTheReason();
    void mainWindowOpensTheWindowFromMenuAndStagePage();
    void everyControlHasAnAccessibleName();
    void mnemonicsDoNotClash();

private:
    void openDemo(const std::function<void(Round &)> &change = {}, bool readOnly = false);
    /** Makes a paper for \a stages through the window; its id (0 on failure). */
    qint64 makePaper(const QList<StageId> &stages = {StageId::Selection});
    const BoardPaper *stored() const;
    static BoardPaper paper(qint64 id, const QString &title, const QDate &meeting,
                            QList<StageId> stages);
    static QStringList unnamedControls(QWidget *root);

    TestSupport::DemoRound m_demo;
    std::unique_ptr<PaperWindow> m_window;
};

void TestPaperWindow::initTestCase()
{
    qRegisterMetaType<Paper::Format>();
    TestSupport::DemoRound::setUpApplication();
}

void TestPaperWindow::init()
{
    Settings::clear();
    openDemo();
}

void TestPaperWindow::cleanup()
{
    m_window.reset();
    m_demo.close();
}

BoardPaper TestPaperWindow::paper(qint64 id, const QString &title, const QDate &meeting,
                                  QList<StageId> stages)
{
    BoardPaper p;
    p.id = id;
    p.title = title;
    p.meeting = meeting;
    p.stages = std::move(stages);
    p.board = QStringLiteral("Central London Forward programme board");
    p.itemNumber = QString::number(id);
    p.reportBy = QStringLiteral("Rachel Green");
    p.jobTitle = QStringLiteral("Commissioning officer");
    p.contactOfficer = QStringLiteral("Rachel Green");
    p.email = QStringLiteral("rachel.green@example.org");
    p.telephone = QStringLiteral("020 7946 0000");
    p.summary = QStringLiteral("A summary.");
    p.recommendations = {QStringLiteral("Note the report.")};
    return p;
}

void TestPaperWindow::openDemo(const std::function<void(Round &)> &change, bool readOnly)
{
    m_window.reset();
    QVERIFY(m_demo.open(change, QStringLiteral("demo.cocom"), readOnly));
    m_window = std::make_unique<PaperWindow>(m_demo.edits.get(), m_demo.dialogs.get());
    m_window->setDocument(m_demo.document.get());
}

qint64 TestPaperWindow::makePaper(const QList<StageId> &stages)
{
    const qint64 id = m_window->createPaper(stages, QDate(2025, 3, 12));
    if (id == 0)
        qWarning("%s", qPrintable(m_demo.dialogs->messages().isEmpty()
                                      ? QStringLiteral("no paper made")
                                      : m_demo.dialogs->messages().last().text));
    return id;
}

const BoardPaper *TestPaperWindow::stored() const
{
    return m_demo.document->round().paper(m_window->currentPaper());
}

void TestPaperWindow::listShowsTheStoredPapersByMeetingDate()
{
    openDemo([](Round &r) {
        r.papers = {paper(1, QStringLiteral("Selecting the provider"), QDate(2025, 6, 4),
                          {StageId::Selection}),
                    paper(2, QStringLiteral("Assessing local needs"), QDate(2025, 1, 15),
                          {StageId::Needs, StageId::Priorities})};
    });
    QListWidget *list = m_window->paperList();
    QCOMPARE(list->count(), 2);
    // The January meeting comes first, whatever the order stored.
    QVERIFY2(list->item(0)->text().contains("Assessing local needs"),
             qPrintable(list->item(0)->text()));
    QVERIFY(list->item(0)->text().contains("stages 1 and 2"));
    QVERIFY(list->item(1)->text().contains("Item 1: Selecting the provider"));
    QVERIFY(list->item(1)->text().contains("stage 5"));
    // The latest is shown on opening, in the editor.
    QCOMPARE(m_window->currentPaper(), qint64(1));
    QCOMPARE(m_window->titleEdit()->text(), QStringLiteral("Selecting the provider"));
    QVERIFY(m_window->selectPaper(2));
    QCOMPARE(m_window->titleEdit()->text(), QStringLiteral("Assessing local needs"));
    QVERIFY(m_window->stageCheck(StageId::Needs)->isChecked());
    QVERIFY(!m_window->stageCheck(StageId::Selection)->isChecked());
    QVERIFY(!m_window->selectPaper(99));
}

void TestPaperWindow::newPaperStoresADefaultPaper()
{
    QCOMPARE(m_window->paperList()->count(), 0);
    NewPaperDialog *dialog = m_window->newPaper({StageId::Supply});
    QVERIFY(dialog);
    QVERIFY(dialog->stageCheck(StageId::Supply)->isChecked());
    dialog->stageCheck(StageId::Selection)->setChecked(true);
    dialog->setMeeting(QDate(2025, 5, 20));
    dialog->accept();

    const QList<BoardPaper> &papers = m_demo.document->round().papers;
    QCOMPARE(papers.size(), 1);
    BoardPaper expected = Paper::defaultPaper(
        m_demo.document->round(), {StageId::Supply, StageId::Selection}, QDate(2025, 5, 20));
    expected.id = papers.first().id;
    expected.updatedAt = papers.first().updatedAt;
    QCOMPARE(papers.first(), expected);
    QCOMPARE(m_window->currentPaper(), papers.first().id);
    QCOMPARE(m_window->paperList()->count(), 1);
    QCOMPARE(m_window->titleEdit()->text(), expected.title);
    QCOMPARE(m_window->recommendationsTable()->rowCount(), int(expected.recommendations.size()));

    // Undo takes the new paper away again.
    m_demo.document->undoStack()->undo();
    QVERIFY(m_demo.document->round().papers.isEmpty());
    QCOMPARE(m_window->paperList()->count(), 0);
    QCOMPARE(m_window->currentPaper(), qint64(0));
    QVERIFY(!m_window->titleEdit()->isEnabled());
}

void TestPaperWindow::newPaperNeedsAStage()
{
    NewPaperDialog *dialog = m_window->newPaper();
    QVERIFY(dialog);
    QVERIFY(dialog->stages().isEmpty());
    QVERIFY(!dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->stageCheck(StageId::Design)->setChecked(true);
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Ok)->isEnabled());
    dialog->reject();
    QVERIFY(m_demo.document->round().papers.isEmpty());
}

void TestPaperWindow::deleteAsksFirstAndUndoes()
{
    const qint64 id = makePaper();
    QVERIFY(id > 0);
    m_demo.dialogs->setNextAnswer(false);
    QVERIFY(!m_window->deletePaper());
    QVERIFY(m_demo.document->round().paper(id));

    m_demo.dialogs->setNextAnswer(true);
    QVERIFY(m_window->deletePaper());
    QVERIFY(!m_demo.document->round().paper(id));
    QCOMPARE(m_window->paperList()->count(), 0);
    QVERIFY(!m_window->deleteButton()->isEnabled());

    m_demo.document->undoStack()->undo();
    QVERIFY(m_demo.document->round().paper(id));
    QCOMPARE(m_window->paperList()->count(), 1);
    QVERIFY(m_window->selectPaper(id));
}

void TestPaperWindow::editingTheTitleIsOneUndoStepPerField()
{
    const qint64 id = makePaper();
    QVERIFY(id > 0);
    const QString original = stored()->title;
    QUndoStack *stack = m_demo.document->undoStack();
    const int before = stack->count();

    QLineEdit *title = m_window->titleEdit();
    title->selectAll();
    QTest::keyClicks(title, QStringLiteral("Selecting"));
    m_window->storePending();
    QTest::keyClicks(title, QStringLiteral(" the provider"));
    m_window->storePending();
    QCOMPARE(stored()->title, QStringLiteral("Selecting the provider"));
    QCOMPARE(stack->count(), before + 1); // one field typed in: one step

    m_window->itemNumberEdit()->selectAll();
    QTest::keyClicks(m_window->itemNumberEdit(), QStringLiteral("7"));
    m_window->storePending();
    QCOMPARE(stack->count(), before + 2); // another field: another step
    QCOMPARE(stored()->itemNumber, QStringLiteral("7"));

    stack->undo();
    stack->undo();
    QCOMPARE(stored()->title, original);
    QCOMPARE(title->text(), original);
    stack->redo();
    QCOMPARE(stored()->title, QStringLiteral("Selecting the provider"));
    QCOMPARE(title->text(), QStringLiteral("Selecting the provider"));

    // The window's own Undo (Ctrl+Z) does the same as the main window's.
    m_window->undoAction()->trigger();
    QCOMPARE(stored()->title, original);
    m_window->redoAction()->trigger();
    QCOMPARE(stored()->title, QStringLiteral("Selecting the provider"));
}

void TestPaperWindow::typedTextIsStoredWhenIdleAndOnClose()
{
    QVERIFY(makePaper() > 0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTest::keyClicks(m_window->contactEdit(), QStringLiteral(" (interim)"));
    QVERIFY(m_window->hasPendingText());
    QTRY_VERIFY_WITH_TIMEOUT(stored()->contactOfficer.endsWith(QStringLiteral(" (interim)")),
                             PaperWindow::kStoreDelayMs * 5);
    QVERIFY(!m_window->hasPendingText());

    m_window->summaryEdit()->setFocus();
    m_window->summaryEdit()->moveCursor(QTextCursor::End);
    QTest::keyClicks(m_window->summaryEdit(), QStringLiteral(" Typed just before closing."));
    m_window->close();
    QVERIFY(stored()->summary.endsWith(QStringLiteral(" Typed just before closing.")));

    // Background papers: one per line, blank lines dropped.
    m_window->show();
    m_window->backgroundPapersEdit()->setPlainText(
        QStringLiteral("Seed 001: board report\n\n  Procurement strategy 2024  "));
    m_window->storePending();
    QCOMPARE(stored()->backgroundPapers,
             QStringList({QStringLiteral("Seed 001: board report"),
                          QStringLiteral("Procurement strategy 2024")}));
}

void TestPaperWindow::refusedTextIsPutBackWithTheReason()
{
    QVERIFY(makePaper() > 0);
    const BoardPaper before = *stored();
    BoardPaper bad = before;
    bad.title.clear();
    const QString why = Paper::checkPaper(bad);
    if (why.isEmpty())
        QSKIP("checkPaper() accepts an empty title");
    m_window->titleEdit()->clear();
    QTest::keyClick(m_window->titleEdit(), Qt::Key_Space);
    QTest::keyClick(m_window->titleEdit(), Qt::Key_Backspace);
    // The idle store leaves half-typed text that would be refused alone...
    m_window->storePending(false);
    QCOMPARE(stored()->title, before.title);
    QVERIFY(m_demo.dialogs->messages().isEmpty());
    QVERIFY(m_window->hasPendingText());
    // ...and leaving the field says why and shows what is stored.
    m_window->storePending();
    QCOMPARE(stored()->title, before.title);
    QCOMPARE(m_window->titleEdit()->text(), before.title);
    QVERIFY(!m_demo.dialogs->messages().isEmpty());
    QCOMPARE(m_demo.dialogs->messages().last().text, why);
}

void TestPaperWindow::recommendationsAddMoveEditAndRemove()
{
    QVERIFY(makePaper() > 0);
    QStringList expected = stored()->recommendations;
    QTableWidget *table = m_window->recommendationsTable();
    QCOMPARE(table->rowCount(), int(expected.size()));

    m_demo.dialogs->setNextText(QStringLiteral("Agree the award"));
    QVERIFY(m_window->addRecommendation());
    expected << QStringLiteral("Agree the award");
    QCOMPARE(stored()->recommendations, expected);
    QCOMPARE(table->rowCount(), int(expected.size()));
    QCOMPARE(table->currentRow(), int(expected.size()) - 1);
    // Numbered as printed.
    QCOMPARE(table->model()->headerData(table->rowCount() - 1, Qt::Vertical).toString(),
             QString::number(expected.size()));

    QVERIFY(m_window->addRecommendation(QStringLiteral("Note the timetable")));
    expected << QStringLiteral("Note the timetable");
    QVERIFY(!m_window->addRecommendation(QStringLiteral("   "))); // refused with a message
    QCOMPARE(m_demo.dialogs->messages().last().title,
             QStringLiteral("No recommendation was added"));
    QCOMPARE(stored()->recommendations, expected);

    // Move the last one up to first place.
    QVERIFY(!m_window->moveDownButton()->isEnabled());
    while (table->currentRow() > 0)
        QVERIFY(m_window->moveRecommendation(-1));
    expected.prepend(expected.takeLast());
    QCOMPARE(stored()->recommendations, expected);
    QVERIFY(!m_window->moveUpButton()->isEnabled());
    QVERIFY(!m_window->moveRecommendation(-1));
    QVERIFY(m_window->moveRecommendation(1));
    expected.swapItemsAt(0, 1);
    QCOMPARE(stored()->recommendations, expected);

    // Edit in place.
    table->item(0, 0)->setText(QStringLiteral("Note the revised timetable"));
    expected[0] = QStringLiteral("Note the revised timetable");
    QCOMPARE(stored()->recommendations, expected);

    table->setCurrentCell(0, 0);
    QVERIFY(m_window->removeRecommendation());
    expected.removeFirst();
    QCOMPARE(stored()->recommendations, expected);
    m_demo.document->undoStack()->undo();
    expected.prepend(QStringLiteral("Note the revised timetable"));
    QCOMPARE(stored()->recommendations, expected);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Note the revised timetable"));
}

void TestPaperWindow::exemptCheckBoxIsStored()
{
    QVERIFY(makePaper({StageId::Selection}) > 0);
    const QList<Paper::SectionInfo> sections =
        Paper::paperSectionKeys(m_demo.document->round(), stored()->stages);
    QVERIFY(!sections.isEmpty());
    for (const Paper::SectionInfo &s : sections) {
        QVERIFY2(m_window->exemptCheck(s.key), qPrintable(s.key));
        QCOMPARE(m_window->exemptCheck(s.key)->isChecked(),
                 stored()->exemptSections.contains(s.key));
    }
    const QString key = sections.first().key;
    QCheckBox *check = m_window->exemptCheck(key);
    const bool was = check->isChecked();
    check->click();
    QCOMPARE(stored()->exemptSections.contains(key), !was);
    m_demo.document->undoStack()->undo();
    QCOMPARE(stored()->exemptSections.contains(key), was);
    QCOMPARE(check->isChecked(), was);
}

void TestPaperWindow::disclosureSwitchOnlyWhenNotForPublication()
{
    QVERIFY(makePaper() > 0);
    QVERIFY(!stored()->notForPublication);
    QCheckBox *disclosure = m_window->disclosureCheck();
    QVERIFY(disclosure->isChecked());
    QVERIFY(!disclosure->isEnabled());
    QVERIFY2(m_window->disclosureReasonLabel()->text().contains("cannot be switched off"),
             qPrintable(m_window->disclosureReasonLabel()->text()));

    m_window->notForPublicationCheck()->click();
    QVERIFY(stored()->notForPublication);
    QVERIFY(disclosure->isEnabled());
    disclosure->click();
    QVERIFY(!stored()->disclosure.enabled);
    QVERIFY(!m_window->thresholdSpin()->isEnabled());

    // Public again: disclosure control comes back on in the same step.
    m_window->notForPublicationCheck()->click();
    QVERIFY(!stored()->notForPublication);
    QVERIFY(stored()->disclosure.enabled);
    QVERIFY(!disclosure->isEnabled());
    QVERIFY(disclosure->isChecked());

    // The rule's figures are stored; steps of one spin box merge.
    QUndoStack *stack = m_demo.document->undoStack();
    const int before = stack->count();
    m_window->thresholdSpin()->setValue(6);
    m_window->thresholdSpin()->setValue(10);
    QCOMPARE(stored()->disclosure.threshold, 10);
    QCOMPARE(stack->count(), before + 1);
    m_window->roundingSpin()->setValue(10);
    QCOMPARE(stored()->disclosure.rounding, 10);
}

void TestPaperWindow::stagesCanChangeButNotToNone()
{
    QVERIFY(makePaper({StageId::Selection}) > 0);
    m_window->stageCheck(StageId::Supply)->click();
    QCOMPARE(stored()->stages, QList<StageId>({StageId::Supply, StageId::Selection}));
    // Exempt choices follow the sections of the stages.
    for (const Paper::SectionInfo &s :
         Paper::paperSectionKeys(m_demo.document->round(), stored()->stages))
        QVERIFY2(m_window->exemptCheck(s.key), qPrintable(s.key));
    m_window->stageCheck(StageId::Supply)->click();
    QCOMPARE(stored()->stages, QList<StageId>({StageId::Selection}));
    m_window->stageCheck(StageId::Selection)->click();
    QCOMPARE(stored()->stages, QList<StageId>({StageId::Selection}));
    QVERIFY(m_window->stageCheck(StageId::Selection)->isChecked());
    QCOMPARE(m_demo.dialogs->messages().last().title, QStringLiteral("The paper was not changed"));
}

void TestPaperWindow::previewShowsThePagesOfTheVersionChosen()
{
    QVERIFY(makePaper({StageId::Supply, StageId::Selection}) > 0);
    PaperPreview *preview = m_window->preview();
    const auto expectedPages = [this](Paper::Version version) {
        const Paper::Document document =
            Paper::composePaper(m_demo.document->round(), *stored(), version);
        return Paper::PageLayout(document).pageCount();
    };
    const int full = expectedPages(Paper::Version::Full);
    QVERIFY(full > 0);
    QCOMPARE(preview->pageCount(), full);
    QVERIFY2(preview->pageLabel()->text().startsWith(QStringLiteral("Page 1 of %1").arg(full)),
             qPrintable(preview->pageLabel()->text()));

    // A paper not for publication is a notice in its public version.
    m_window->notForPublicationCheck()->click();
    QVERIFY(preview->isOutOfDate());
    preview->setVersion(Paper::Version::Public);
    const int notice = expectedPages(Paper::Version::Public);
    QCOMPARE(preview->pageCount(), notice);
    QVERIFY(notice <= full);
    preview->setVersion(Paper::Version::ExemptAppendix);
    QCOMPARE(preview->pageCount(), expectedPages(Paper::Version::ExemptAppendix));

    // Shown, it recomputes by itself a moment after a change.
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    preview->setVersion(Paper::Version::Full);
    QVERIFY(preview->isOutOfDate());
    QTRY_VERIFY(!preview->isOutOfDate());
    QVERIFY(preview->pageLabel()->text().contains(QStringLiteral("of %1").arg(full)));
    if (full > 1) {
        preview->showPage(full - 1);
        QCOMPARE(preview->currentPage(), full - 1);
        QVERIFY(preview->pageLabel()->text().startsWith(QStringLiteral("Page %1 of %1").arg(full)));
    }
}

void TestPaperWindow::previewZooms()
{
    QVERIFY(makePaper() > 0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    PaperPreview *preview = m_window->preview();
    QVERIFY(preview->pageCount() > 0);
    QVERIFY(preview->fitsWidth());
    const qreal fit = preview->zoom();
    preview->zoomInButton()->click();
    QVERIFY(!preview->fitsWidth());
    QVERIFY(preview->zoom() > fit);
    preview->zoomOutButton()->click();
    preview->zoomOutButton()->click();
    QVERIFY(preview->zoom() < fit);
    QVERIFY(preview->pageLabel()->text().contains(
        QStringLiteral("%1 %").arg(qRound(preview->zoom() * 100))));
    preview->fitWidthButton()->click();
    QVERIFY(preview->fitsWidth());
    QCOMPARE(preview->zoom(), fit);
}

void TestPaperWindow::previewIsOperatedByKeys()
{
    QVERIFY(makePaper() > 0);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get()); // shortcuts work in the active window only
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    PaperPreview *preview = m_window->preview();
    QVERIFY(preview->pageCount() > 1);
    QScrollArea *pages = preview->scrollArea();
    pages->setFocus(Qt::TabFocusReason);
    QCOMPARE(preview->currentPage(), 0);

    // Page Down moves through the pages, and the page shown follows; End and Home go to the
    // last page and back to the first.
    for (int i = 0; i < 40 && preview->currentPage() == 0; ++i)
        QTest::keyClick(pages, Qt::Key_PageDown);
    QVERIFY(preview->currentPage() > 0);
    QVERIFY2(preview->pageLabel()->text().startsWith(
                 QStringLiteral("Page %1 of").arg(preview->currentPage() + 1)),
             qPrintable(preview->pageLabel()->text()));
    QTest::keyClick(pages, Qt::Key_End);
    QCOMPARE(preview->currentPage(), preview->pageCount() - 1);
    QTest::keyClick(pages, Qt::Key_Home);
    QCOMPARE(preview->currentPage(), 0);

    // The zoom buttons' shortcuts work from the pages.
    const qreal fit = preview->zoom();
    // (A button's shortcut clicks it as if pressed, 100 ms later.)
    QTest::keyClick(pages, Qt::Key_Plus, Qt::ControlModifier);
    QTRY_VERIFY(preview->zoom() > fit);
    QVERIFY(!preview->fitsWidth());
    QTest::keyClick(pages, Qt::Key_0, Qt::ControlModifier);
    QTRY_VERIFY(preview->fitsWidth());
    QCOMPARE(preview->zoom(), fit);
}

void TestPaperWindow::exportWritesTheFormatChosen_data()
{
    QTest::addColumn<Paper::Format>("format");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QByteArray>("start");
    QTest::newRow("PDF") << Paper::Format::Pdf << "pdf" << QByteArray("%PDF");
    QTest::newRow("ODT") << Paper::Format::Odt << "odt" << QByteArray("PK");
    QTest::newRow("HTML") << Paper::Format::Html << "html" << QByteArray("<!DOCTYPE html");
}

void TestPaperWindow::exportWritesTheFormatChosen()
{
    QFETCH(Paper::Format, format);
    QFETCH(QString, suffix);
    QFETCH(QByteArray, start);
    QVERIFY(makePaper() > 0);
    m_window->itemNumberEdit()->selectAll();
    QTest::keyClicks(m_window->itemNumberEdit(), QStringLiteral("1"));
    m_window->titleEdit()->selectAll();
    QTest::keyClicks(m_window->titleEdit(), QStringLiteral("Selecting the provider: lots 1/2"));
    m_window->storePending();
    // Characters a file name cannot hold are replaced.
    QCOMPARE(m_window->defaultFileName(format),
             QStringLiteral("Item 1 - Selecting the provider- lots 1-2.") + suffix);
    m_window->preview()->setVersion(Paper::Version::Public);
    QCOMPARE(m_window->defaultFileName(format),
             QStringLiteral("Item 1 - Selecting the provider- lots 1-2 (public).") + suffix);

    // The name asked for gets the format's suffix when it has none.
    const QString path = m_demo.dir->filePath(QStringLiteral("paper"));
    m_demo.dialogs->setNextFileName(path);
    QVERIFY2(m_window->exportPaper(format),
             qPrintable(m_demo.dialogs->messages().isEmpty()
                            ? QString()
                            : m_demo.dialogs->messages().last().text));
    QFile file(path + QLatin1Char('.') + suffix);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY2(bytes.trimmed().startsWith(start) ||
                 bytes.left(200).toLower().contains(start.toLower()),
             bytes.left(40).constData());
    if (format == Paper::Format::Odt)
        QVERIFY(bytes.contains("application/vnd.oasis.opendocument.text"));
    if (format == Paper::Format::Html)
        QVERIFY(bytes.contains("Selecting the provider: lots 1/2"));
    // The directory is remembered for the next export.
    QCOMPARE(Settings::value(Settings::LastDirectory).toString(), m_demo.dir->path());

    // Cancelling writes nothing.
    QVERIFY(!m_window->exportPaper(format));
}

void TestPaperWindow::exportFailureNamesThePath()
{
    QVERIFY(makePaper() > 0);
    const QString path = m_demo.dir->filePath(QStringLiteral("no such folder/paper.pdf"));
    QVERIFY(!m_window->exportTo(path));
    QCOMPARE(m_demo.dialogs->messages().last().kind, DialogService::MessageKind::Error);
    QVERIFY2(m_demo.dialogs->messages().last().text.contains(QDir::toNativeSeparators(path)) ||
                 m_demo.dialogs->messages().last().text.contains(path),
             qPrintable(m_demo.dialogs->messages().last().text));
    QVERIFY(!m_window->exportTo(m_demo.dir->filePath(QStringLiteral("paper.docx"))));
    QVERIFY(m_demo.dialogs->messages().last().text.contains(".pdf, .odt or .html"));
}

void TestPaperWindow::readOnlyRoundRefusesEditsWithTheReason()
{
    openDemo(
        [](Round &r) {
            r.papers = {paper(1, QStringLiteral("Selecting the provider"), QDate(2025, 6, 4),
                              {StageId::Selection})};
        },
        true);
    QVERIFY(m_demo.document->isReadOnly());
    const QString why = m_demo.document->whyPapersFrozen();
    QVERIFY(!why.isEmpty());
    QVERIFY(!m_window->frozenNotice()->isHidden());
    QCOMPARE(m_window->frozenNotice()->text(), why);
    QCOMPARE(m_window->currentPaper(), qint64(1));
    QVERIFY(m_window->titleEdit()->isReadOnly());
    QVERIFY(m_window->summaryEdit()->isReadOnly());
    QVERIFY(!m_window->newPaperButton()->isEnabled());
    QVERIFY(!m_window->deleteButton()->isEnabled());
    QVERIFY(!m_window->addRecommendationButton()->isEnabled());
    QVERIFY(!m_window->notForPublicationCheck()->isEnabled());
    QVERIFY(!m_window->stageCheck(StageId::Needs)->isEnabled());
    QVERIFY(!m_window->newPaper());
    QCOMPARE(m_demo.dialogs->messages().last().text, why);
    // A read-only round can still be previewed and exported.
    QVERIFY(m_window->exportPdfButton()->isEnabled());
    QVERIFY(m_window->exportTo(m_demo.dir->filePath(QStringLiteral("read-only.pdf"))));
}

void TestPaperWindow::mainWindowOpensTheWindowFromMenuAndStagePage()
{
    // The main window opens the fixture's file itself.
    m_window.reset();
    m_demo.edits.reset();
    m_demo.document.reset();
    MainWindow main(m_demo.dialogs.get());
    QAction *action = main.paperAction();
    QCOMPARE(action->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+P")));
    QVERIFY(action->text().contains("Board &paper"));
    QVERIFY(!action->isEnabled());
    QVERIFY(!main.paperWindow());
    QVERIFY(main.openFile(m_demo.path));
    QVERIFY(action->isEnabled());
    action->trigger();
    PaperWindow *window = main.paperWindow();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    QVERIFY(window->isWindow());
    QCOMPARE(window->document(), main.document());
    action->trigger();
    QCOMPARE(main.paperWindow(), window); // one per main window

    // The stage page's button picks its stage: with no paper yet, New paper with it ticked.
    main.showPage(StageId::Design);
    auto *button = main.stagePage()->findChild<QPushButton *>(QStringLiteral("stagePaperButton"));
    QVERIFY(button);
    QVERIFY(!button->accessibleName().isEmpty());
    button->click();
    NewPaperDialog *dialog = window->newPaperDialog();
    QVERIFY(dialog);
    QCOMPARE(dialog->stages(), QList<StageId>({StageId::Design}));
    dialog->accept();
    QCOMPARE(main.document()->round().papers.size(), 1);
    const qint64 id = main.document()->round().papers.first().id;
    QCOMPARE(window->currentPaper(), id);
    // Main window's Undo takes the paper away.
    QVERIFY(main.undoAction()->isEnabled());
    main.undoAction()->trigger();
    QVERIFY(main.document()->round().papers.isEmpty());
    main.redoAction()->trigger();
    QCOMPARE(main.document()->round().papers.size(), 1);

    // With a paper for the stage, the button shows it.
    QVERIFY(window->createPaper({StageId::Needs}, QDate(2025, 1, 8)) > 0);
    QVERIFY(window->currentPaper() != id);
    main.showPage(StageId::Design);
    button->click();
    QCOMPARE(window->currentPaper(), id);

    main.closeRound();
    QVERIFY(!window->isVisible());
    QVERIFY(!window->document());
    QVERIFY(!action->isEnabled());
}

QStringList TestPaperWindow::unnamedControls(QWidget *root)
{
    return TestSupport::unnamedControls(
        root, [](QWidget *w) { return qobject_cast<QAbstractScrollArea *>(w) != nullptr; },
        [](QWidget *w) {
            return w->inherits("QCalendarWidget") ||
                   (qobject_cast<QAbstractScrollArea *>(w) && w->focusPolicy() == Qt::NoFocus);
        });
}

void TestPaperWindow::everyControlHasAnAccessibleName()
{
    QVERIFY(makePaper({StageId::Supply, StageId::Selection}) > 0);
    QStringList unnamed = unnamedControls(m_window.get());
    NewPaperDialog *dialog = m_window->newPaper();
    QVERIFY(dialog);
    unnamed << unnamedControls(dialog);
    dialog->reject();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(", ")));
    // And each can be reached with Tab, in the order the sections print.
    for (QWidget *w : {static_cast<QWidget *>(m_window->paperList()),
                       static_cast<QWidget *>(m_window->titleEdit()),
                       static_cast<QWidget *>(m_window->summaryEdit()),
                       static_cast<QWidget *>(m_window->recommendationsTable()),
                       static_cast<QWidget *>(m_window->preview()->versionCombo()),
                       static_cast<QWidget *>(m_window->exportPdfButton())})
        QVERIFY2(w->focusPolicy() & Qt::TabFocus, qPrintable(w->objectName()));
}

void TestPaperWindow::mnemonicsDoNotClash()
{
    QVERIFY(makePaper() > 0);
    QHash<QChar, QString> seen;
    QStringList clashes;
    static const QRegularExpression mnemonic(QStringLiteral("&([^&])"));
    const auto check = [&](const QString &text) {
        const QRegularExpressionMatch m = mnemonic.match(text);
        if (!m.hasMatch())
            return;
        const QChar key = m.captured(1).at(0).toLower();
        if (seen.contains(key))
            clashes << seen.value(key) + QStringLiteral(" / ") + text;
        seen.insert(key, text);
    };
    for (QAbstractButton *b : m_window->findChildren<QAbstractButton *>()) {
        if (!qobject_cast<QToolButton *>(b))
            check(b->text());
    }
    for (QLabel *l : m_window->findChildren<QLabel *>()) {
        if (l->buddy())
            check(l->text());
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(", ")));
    QVERIFY(seen.size() > 20);
}

QTEST_MAIN(TestPaperWindow)
#include "tst_paperwindow.moc"
