#include "tests/support/accessibility.h"
#include "tests/support/testsupport.h"
#include "ui/selection/packwindow.h"

#include "core/io/assessorpack.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "ui/dialogservice.h"
#include "ui/mainwindow.h"
#include "ui/noticebox.h"
#include "ui/selection/scoresheet.h"
#include "ui/settings.h"

#include <QAction>
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

#include <memory>

using namespace CoCommission;

namespace {

const QString kEvans = QStringLiteral("R. Evans (illustrative)");
const QString kNewcomer = QStringLiteral("S. Newcomer");
const QString kHealth = QStringLiteral("integration.health");

} // namespace

/**
 * The assessor's pack window: a pack made by core opens with its bids, criteria and the
 * assessor's own scores; declarations and scores made in it go into a return that core reads
 * back and merges; a damaged pack is refused plainly; the main window's File menu opens it.
 */
class TestPackWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void showsThePacksBidsCriteriaAndOwnScores();
    void scoresSavedInAReturnThatCoreReadsBack();
    void declaringFirstUnblocksTheBiddersBids();
    void aDamagedPackIsRefusedPlainly();
    void closingWithChangesNotSavedAsks();
    void mainWindowFileMenuOpensAPack();
    void everyControlIsNamedDescribedAndReachable_data();
    void everyControlIsNamedDescribedAndReachable();

private:
    /** Writes the pack of \a assessor made by core from the blind demo round; its path. */
    QString writePackFor(const QString &assessor);

    std::unique_ptr<QTemporaryDir> m_dir;
    DialogService m_dialogs;
    std::unique_ptr<RoundDocument> m_document;
};

void TestPackWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CoCommission"));
    QCoreApplication::setApplicationName(QStringLiteral("CoCommissionTest"));
    m_dialogs.setInteractive(false);
}

void TestPackWindow::init()
{
    Settings::clear();
    m_dialogs.clearMessages();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo.ok(), qPrintable(demo.errorMessage()));
    demo->tender.moderationOpenedAt = QDateTime();
    demo->tender.consensus.clear();
    demo->tender.panel.append({kNewcomer, QStringLiteral("DWP"), QStringLiteral("Adviser")});
    const QString path =
        TestSupport::createRoundFile(m_dir->filePath(QStringLiteral("round.cocom")), *demo);
    QVERIFY(!path.isEmpty());
    m_document = TestSupport::openRoundFile(path);
    QVERIFY(m_document);
}

void TestPackWindow::cleanup()
{
    m_document.reset();
    m_dir.reset();
}

QString TestPackWindow::writePackFor(const QString &assessor)
{
    const Result<AssessorPack> pack = makePack(m_document->round(), assessor);
    if (!pack) {
        qWarning("%s", qPrintable(pack.errorMessage()));
        return {};
    }
    const QString path = m_dir->filePath(assessor.left(8).trimmed() + QStringLiteral(".ccpack"));
    if (Status s = writePack(path, *pack); !s) {
        qWarning("%s", qPrintable(s.errorMessage()));
        return {};
    }
    return path;
}

void TestPackWindow::showsThePacksBidsCriteriaAndOwnScores()
{
    const QString path = writePackFor(kEvans);
    QVERIFY(!path.isEmpty());
    PackWindow window(&m_dialogs);
    QVERIFY(!window.session());
    QVERIFY(window.openPack(path));
    QVERIFY(window.session());
    QVERIFY(m_dialogs.messages().isEmpty());

    const Tender &tender = m_document->round().tender;
    QVERIFY(window.headingLabel()->text().contains(m_document->round().title));
    QVERIFY(window.detailsLabel()->text().contains(kEvans));
    QVERIFY(window.illustrativeNotice()->isVisibleTo(&window));
    QCOMPARE(window.bidsTable()->rowCount(), 3);
    QCOMPARE(window.bidsTable()->item(0, 0)->text(), QStringLiteral("B1"));
    QCOMPARE(window.bidsTable()->item(0, 1)->text(), tender.bids.first().bidder);
    QCOMPARE(window.criteriaTable()->rowCount(), int(tender.criteria.size()));
    QCOMPARE(window.declarationsTable()->rowCount(), 3);
    QCOMPARE(window.declarationsTable()->item(0, 1)->text(),
             QStringLiteral("No conflict of interest"));

    // The sheet holds Evans's own scores and nobody else's.
    ScoreSheet *sheet = window.scoreSheet();
    QCOMPARE(sheet->table()->rowCount(), 12);
    QCOMPARE(sheet->table()->columnCount(), 3);
    QCOMPARE(sheet->content().scores.size(), 36);
    for (const IndividualScore &s : sheet->content().scores)
        QCOMPARE(s.assessor, kEvans);
    QCOMPARE(sheet->cellText(QStringLiteral("B3"), QStringLiteral("employer_engagement")),
             QStringLiteral("3 – Satisfactory"));
    QVERIFY(window.saveStatusLabel()->text().contains(QStringLiteral("Every score is given")));
    QVERIFY(!window.isModified());
}

void TestPackWindow::scoresSavedInAReturnThatCoreReadsBack()
{
    const QString path = writePackFor(kEvans);
    PackWindow window(&m_dialogs);
    QVERIFY(window.openPack(path));
    ScoreSheet *sheet = window.scoreSheet();
    QVERIFY(sheet->selectCell(QStringLiteral("B1"), kHealth));
    QVERIFY(sheet->scoreCombo()->isEnabled());
    QVERIFY(sheet->chooseScore(3));
    sheet->commentEdit()->setPlainText(QStringLiteral("Less convincing on a second reading."));
    QVERIFY(sheet->saveButton()->isEnabled());
    sheet->saveButton()->click();
    QCOMPARE(sheet->cellText(QStringLiteral("B1"), kHealth), QStringLiteral("3 – Satisfactory"));
    QVERIFY(window.isModified());
    QVERIFY(window.windowTitle().endsWith(QStringLiteral(" *")));
    QVERIFY(window.saveStatusLabel()->text().contains(QStringLiteral("not saved")));

    const QString returnPath = m_dir->filePath(QStringLiteral("evans.ccreturn"));
    m_dialogs.setNextFileName(returnPath);
    window.saveReturnButton()->click();
    QVERIFY2(m_dialogs.messages().isEmpty(), qPrintable(m_dialogs.messages().value(0).text));
    QVERIFY(!window.isModified());

    const Result<PackReturn> read = readReturn(returnPath);
    QVERIFY2(read.ok(), qPrintable(read.errorMessage()));
    QCOMPARE(read->assessor, kEvans);
    QCOMPARE(read->roundUuid, m_document->round().uuid);
    const auto it = std::find_if(read->scores.cbegin(), read->scores.cend(), [](const auto &s) {
        return s.bidId == QLatin1String("B1") && s.criterionId == kHealth;
    });
    QVERIFY(it != read->scores.cend());
    QCOMPARE(it->score, 3.0);
    QCOMPARE(it->comment, QStringLiteral("Less convincing on a second reading."));

    // And the round takes it back.
    const Result<PackMergeSummary> merged = mergeReturn(*m_document, *read);
    QVERIFY2(merged.ok(), qPrintable(merged.errorMessage()));
    QCOMPARE(merged->replacedScores, 1);
    QCOMPARE(m_document->round().tender.score(kEvans, QStringLiteral("B1"), kHealth)->score, 3.0);
}

void TestPackWindow::declaringFirstUnblocksTheBiddersBids()
{
    const QString path = writePackFor(kNewcomer);
    QVERIFY(!path.isEmpty());
    PackWindow window(&m_dialogs);
    QVERIFY(window.openPack(path));
    ScoreSheet *sheet = window.scoreSheet();
    QCOMPARE(sheet->cellText(QStringLiteral("B1"), kHealth), QStringLiteral("Declare first"));
    QVERIFY(
        window.declarationsTable()->item(0, 1)->text().startsWith(QStringLiteral("Not declared")));
    QVERIFY(window.saveStatusLabel()->text().contains(QStringLiteral("36 scores still to give")));

    window.declarationsTable()->setCurrentCell(0, 0);
    m_dialogs.setNextAnswer(true);
    window.declareNoneButton()->click();
    QCOMPARE(window.declarationsTable()->item(0, 1)->text(),
             QStringLiteral("No conflict of interest"));
    QCOMPARE(sheet->cellText(QStringLiteral("B1"), kHealth), QStringLiteral("Not scored"));
    QCOMPARE(sheet->cellText(QStringLiteral("B2"), kHealth), QStringLiteral("Declare first"));

    // A conflict, from the sheet this time, blocks B2.
    QVERIFY(sheet->selectCell(QStringLiteral("B2"), kHealth));
    m_dialogs.setNextText(QStringLiteral("My partner works there"));
    sheet->declareConflictButton()->click();
    QCOMPARE(sheet->cellText(QStringLiteral("B2"), kHealth),
             QStringLiteral("Blocked: conflict declared"));
    QVERIFY(window.declarationsTable()->item(1, 1)->text().contains(
        QStringLiteral("My partner works there")));
    const ConflictDeclaration *declared =
        window.session()->declaration(m_document->round().tender.bids[1].bidder);
    QVERIFY(declared);
    QVERIFY(declared->conflicted);
    QVERIFY(window.isModified());
}

void TestPackWindow::aDamagedPackIsRefusedPlainly()
{
    const QString good = writePackFor(kEvans);
    QFile file(good);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QByteArray bytes = file.readAll();
    file.close();
    bytes[bytes.size() - 10] = bytes[bytes.size() - 10] == 'x' ? 'y' : 'x'; // tampered
    const QString bad = m_dir->filePath(QStringLiteral("tampered.ccpack"));
    QFile out(bad);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes);
    out.close();

    PackWindow window(&m_dialogs);
    QVERIFY(!window.openPack(bad));
    QVERIFY(!window.session());
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().kind, DialogService::MessageKind::Error);
    QCOMPARE(m_dialogs.messages().first().text, readPack(bad).errorMessage());
    QVERIFY(!m_dialogs.messages().first().text.isEmpty());

    // A window that fails to open a pack keeps the one it shows.
    QVERIFY(window.openPack(good));
    QVERIFY(!window.openPack(bad));
    QVERIFY(window.session());
    QCOMPARE(window.packPath(), good);
}

void TestPackWindow::closingWithChangesNotSavedAsks()
{
    PackWindow window(&m_dialogs);
    QVERIFY(window.openPack(writePackFor(kEvans)));
    window.show();
    ScoreSheet *sheet = window.scoreSheet();
    QVERIFY(sheet->selectCell(QStringLiteral("B1"), kHealth));
    QVERIFY(sheet->chooseScore(2));
    sheet->commentEdit()->setPlainText(QStringLiteral("Weak."));
    QVERIFY(sheet->saveCurrent());
    QVERIFY(!window.close()); // not confirmed: stays open
    QVERIFY(window.isVisible());
    m_dialogs.setNextAnswer(true);
    QVERIFY(window.close());
}

void TestPackWindow::mainWindowFileMenuOpensAPack()
{
    const QString path = writePackFor(kEvans);
    MainWindow main(&m_dialogs);
    auto *action = main.findChild<QAction *>(QStringLiteral("openPackAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled()); // no round needed
    m_dialogs.setNextFileName(path);
    action->trigger();
    auto *window = main.findChild<PackWindow *>();
    QVERIFY(window);
    QVERIFY(window->isVisible());
    QVERIFY(window->isWindow());
    QCOMPARE(window->packPath(), path);
    QVERIFY(window->testAttribute(Qt::WA_DeleteOnClose));
    window->close();
    QTRY_VERIFY(!main.findChild<PackWindow *>());

    // A pack that cannot be read: a message and no window.
    const QString bad = m_dir->filePath(QStringLiteral("empty.ccpack"));
    QFile empty(bad);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    m_dialogs.clearMessages();
    m_dialogs.setNextFileName(bad);
    action->trigger();
    QVERIFY(!main.findChild<PackWindow *>());
    QCOMPARE(m_dialogs.messages().size(), 1);
    QCOMPARE(m_dialogs.messages().first().kind, DialogService::MessageKind::Error);
}

QTEST_MAIN(TestPackWindow)
void TestPackWindow::everyControlIsNamedDescribedAndReachable_data()
{
    QTest::addColumn<QString>("assessor");
    QTest::newRow("declared, every score given") << kEvans;
    QTest::newRow("nothing declared yet") << kNewcomer;
}

void TestPackWindow::everyControlIsNamedDescribedAndReachable()
{
    // The same walk as tst_accessibility's, for the window assessors use away from the round.
    QFETCH(QString, assessor);
    QAccessible::setActive(true);
    const QString path = writePackFor(assessor);
    QVERIFY(!path.isEmpty());
    PackWindow window(&m_dialogs);
    QVERIFY(window.openPack(path));
    window.resize(1100, 760);
    window.show();
    const QStringList faults = TestSupport::accessibilityFaults(&window, QStringLiteral("pack"));
    for (const QString &fault : faults)
        qWarning("falls short: %s", qPrintable(fault));
    QVERIFY2(
        faults.isEmpty(),
        qPrintable(QStringLiteral("%1 controls fall short (listed above)").arg(faults.size())));
}

#include "tst_packwindow.moc"
