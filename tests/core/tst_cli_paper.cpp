// `cocommission paper`: the board paper written from the round or from a sign-off's snapshot,
// as PDF, ODT or HTML, in the full, public or exempt-appendix version; and its refusals (exit
// code 2, a clear message, no file written).

#include "core/paper/composer.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;
using namespace CoCommission::TestSupport;

class TestCliPaper : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void eachFormat_data();
    void eachFormat();
    void defaultTextIsSaid();
    void storedPaperIsUsed();
    void publicVersionLeavesExemptSectionsOut();
    void exemptAppendixHoldsOnlyThem();
    void fromSnapshotIsThePaperAsSigned();
    void refusals_data();
    void refusals();
    void withoutADisplay();

private:
    QString out(const QString &name) const { return m_dir.filePath(name); }
    static QString read(const QString &path);

    QTemporaryDir m_dir;
    QString m_path;
    SnapshotId m_snapshot;
};

namespace {

const QString kTitle = QStringLiteral("Needs assessment for the co-commissioned programme");
const QString kSignedRecommendation = QStringLiteral("Agree the needs assessment as signed.");

} // namespace

QString TestCliPaper::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

void TestCliPaper::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = createRoundFile(m_dir.filePath(QStringLiteral("round.cocom")), *LondonRound::demo());
    QVERIFY(!m_path.isEmpty());
    auto document = openRoundFile(m_path);
    QVERIFY(document);

    // A stored paper for stage 1, signed off with the stage, then edited afterwards.
    BoardPaper paper = Paper::defaultPaper(document->round(), {StageId::Needs}, QDate(2027, 3, 15));
    paper.title = kTitle;
    paper.itemNumber = QStringLiteral("7");
    paper.reportBy = QStringLiteral("Doug Flight");
    paper.recommendations = {kSignedRecommendation};
    QVERIFY(document->savePaper(paper));
    QVERIFY(document->setStageStatus(StageId::Needs, StageStatus::ReadyForSignOff));
    // The paper as the board reads it at the meeting (the stage ready for sign-off), to compare
    // with the one written from the snapshot later.
    document.reset();
    const CliRun before = runCli({QStringLiteral("paper"), m_path, QStringLiteral("--stage"),
                                  QStringLiteral("needs"), QStringLiteral("-o"),
                                  out(QStringLiteral("before.html"))});
    QCOMPARE(before.exitCode, 0);
    document = openRoundFile(m_path);
    QVERIFY(document->signOff(StageId::Needs, SignOffParty::Dwp, QStringLiteral("A. Signer"),
                              QStringLiteral("Chair"), QStringLiteral("Sound.")));
    m_snapshot = document->round().signOffs.constLast().snapshot;
    BoardPaper edited = document->round().papers.constFirst();
    edited.recommendations = {QStringLiteral("A recommendation written after the sign-off.")};
    QVERIFY(document->savePaper(edited));

    // A selection paper with the bid prices exempt (the default).
    const BoardPaper selection =
        Paper::defaultPaper(document->round(), {StageId::Selection}, QDate(2027, 6, 1));
    QVERIFY2(selection.exemptSections.contains(QStringLiteral("selection.prices")),
             qPrintable(selection.exemptSections.join(QLatin1Char(','))));
    QVERIFY(document->savePaper(selection));
}

void TestCliPaper::eachFormat_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("magic");
    QTest::newRow("pdf") << QStringLiteral("p.pdf") << QByteArray("%PDF-");
    QTest::newRow("odt") << QStringLiteral("p.odt") << QByteArray("PK\x03\x04");
    QTest::newRow("html") << QStringLiteral("p.html") << QByteArray("<!DOCTYPE html>");
    QTest::newRow("upper-case suffix") << QStringLiteral("P.PDF") << QByteArray("%PDF-");
}

void TestCliPaper::eachFormat()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, magic);
    const CliRun run = runCli({QStringLiteral("paper"), m_path, QStringLiteral("--stage"),
                               QStringLiteral("needs"), QStringLiteral("-o"), out(file)});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(out(file)));
    QFile written(out(file));
    QVERIFY(written.open(QIODevice::ReadOnly));
    QVERIFY2(written.read(magic.size()).compare(magic, Qt::CaseInsensitive) == 0, qPrintable(file));
}

void TestCliPaper::defaultTextIsSaid()
{
    // No paper is stored for stage 3: the defaults are used, and the command says so.
    const CliRun run =
        runCli({QStringLiteral("paper"), m_path, QStringLiteral("--stage"),
                QStringLiteral("design"), QStringLiteral("--meeting"), QStringLiteral("2027-01-20"),
                QStringLiteral("-o"), out(QStringLiteral("design.html"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("default text")), qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("2027-01-20")));
    QVERIFY(!read(out(QStringLiteral("design.html"))).isEmpty());
}

void TestCliPaper::storedPaperIsUsed()
{
    const CliRun run =
        runCli({QStringLiteral("paper"), m_path, QStringLiteral("--stage"), QStringLiteral("needs"),
                QStringLiteral("-o"), out(QStringLiteral("stored.html"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(!run.err.contains(QStringLiteral("default text")), qPrintable(run.err));
    const QString html = read(out(QStringLiteral("stored.html")));
    QVERIFY(html.contains(kTitle));
    QVERIFY(html.contains(QStringLiteral("A recommendation written after the sign-off.")));
    QVERIFY(!html.contains(kSignedRecommendation));
}

void TestCliPaper::publicVersionLeavesExemptSectionsOut()
{
    const QString full = out(QStringLiteral("selection-full.html"));
    const QString pub = out(QStringLiteral("selection-public.html"));
    QCOMPARE(runCli({QStringLiteral("paper"), m_path, QStringLiteral("--stage"),
                     QStringLiteral("selection"), QStringLiteral("-o"), full})
                 .exitCode,
             0);
    const CliRun run = runCli({QStringLiteral("paper"), m_path, QStringLiteral("--stage"),
                               QStringLiteral("selection"), QStringLiteral("--public"),
                               QStringLiteral("-o"), pub});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("public version")));
    const Round round = *LondonRound::demo();
    const TenderBid &bid = round.tender.bids.constFirst();
    const QString price =
        QLocale(QLocale::English, QLocale::UnitedKingdom).toString(bid.price, 'f', 0);
    QVERIFY2(read(full).contains(price), qPrintable(price));
    QVERIFY(!read(pub).contains(price));
    QVERIFY(read(pub).contains(QStringLiteral("exempt"), Qt::CaseInsensitive));
}

void TestCliPaper::exemptAppendixHoldsOnlyThem()
{
    const QString appendix = out(QStringLiteral("selection-exempt.html"));
    const CliRun run = runCli({QStringLiteral("paper"), m_path, QStringLiteral("--stage"),
                               QStringLiteral("selection"), QStringLiteral("--exempt-appendix"),
                               QStringLiteral("-o"), appendix});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString html = read(appendix);
    const Round round = *LondonRound::demo();
    const QString price = QLocale(QLocale::English, QLocale::UnitedKingdom)
                              .toString(round.tender.bids.constFirst().price, 'f', 0);
    QVERIFY(html.contains(price));
    QVERIFY(html.contains(QStringLiteral("Not for publication"), Qt::CaseInsensitive));
    // The standard sections of the paper are not repeated in the appendix.
    QVERIFY(!html.contains(QStringLiteral("Equalities implications"), Qt::CaseInsensitive));
}

void TestCliPaper::fromSnapshotIsThePaperAsSigned()
{
    const QStringList args = {QStringLiteral("paper"),      m_path,
                              QStringLiteral("--stage"),    QStringLiteral("needs"),
                              QStringLiteral("--snapshot"), QString::number(m_snapshot.value()),
                              QStringLiteral("-o")};
    const CliRun first = runCli(args + QStringList{out(QStringLiteral("snap1.html"))});
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    QVERIFY(first.out.contains(QStringLiteral("snapshot")));
    const CliRun second = runCli(args + QStringList{out(QStringLiteral("snap2.html"))});
    QCOMPARE(second.exitCode, 0);
    const QString html = read(out(QStringLiteral("snap1.html")));
    QVERIFY(html.contains(kSignedRecommendation));
    QVERIFY(!html.contains(QStringLiteral("A recommendation written after the sign-off.")));
    // Stable: the same snapshot gives the same paper, and it is the paper the board read.
    QCOMPARE(read(out(QStringLiteral("snap2.html"))), html);
    QCOMPARE(html, read(out(QStringLiteral("before.html"))));
}

void TestCliPaper::refusals_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("named");
    const QString nowhere = QStringLiteral("/nonexistent-folder/x/paper.pdf");
    QTest::newRow("unknown stage")
        << QStringList{"--stage", "tendering", "-o", "OUT.pdf"} << QStringLiteral("tendering");
    QTest::newRow("no stage") << QStringList{"-o", "OUT.pdf"} << QStringLiteral("--stage");
    QTest::newRow("unknown snapshot")
        << QStringList{"--stage", "needs", "--snapshot", "999", "-o", "OUT.pdf"}
        << QStringLiteral("999");
    QTest::newRow("snapshot not a number")
        << QStringList{"--stage", "needs", "--snapshot", "latest", "-o", "OUT.pdf"}
        << QStringLiteral("latest");
    QTest::newRow("unwritable path")
        << QStringList{"--stage", "needs", "-o", nowhere} << QStringLiteral("nonexistent-folder");
    QTest::newRow("unknown format")
        << QStringList{"--stage", "needs", "-o", "OUT.docx"} << QStringLiteral(".docx");
    QTest::newRow("no output") << QStringList{"--stage", "needs"} << QStringLiteral("-o");
    QTest::newRow("bad meeting") << QStringList{"--stage",    "needs", "--meeting",
                                                "2027-02-30", "-o",    "OUT.pdf"}
                                 << QStringLiteral("2027-02-30");
    QTest::newRow("public and exempt")
        << QStringList{"--stage", "needs", "--public", "--exempt-appendix", "-o", "OUT.pdf"}
        << QStringLiteral("--exempt-appendix");
}

void TestCliPaper::refusals()
{
    QFETCH(QStringList, args);
    QFETCH(QString, named);
    const QString output = out(QStringLiteral("refused.pdf"));
    for (QString &a : args) {
        if (a.startsWith(QLatin1String("OUT")))
            a = out(QStringLiteral("refused") + a.mid(3));
    }
    const CliRun run = runCli(QStringList{QStringLiteral("paper"), m_path} + args);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(named), qPrintable(run.err));
    QVERIFY(!QFile::exists(output));
    QVERIFY(!QFile::exists(out(QStringLiteral("refused.docx"))));
}

void TestCliPaper::withoutADisplay()
{
    // The real program, with no platform named: it must not need a display for a paper.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_QPA_PLATFORM"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(binaryPath(), {QStringLiteral("paper"), m_path, QStringLiteral("--stage"),
                                 QStringLiteral("needs"), QStringLiteral("-o"),
                                 out(QStringLiteral("nodisplay.pdf"))});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    QFile pdf(out(QStringLiteral("nodisplay.pdf")));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QCOMPARE(pdf.read(5), QByteArray("%PDF-"));
}

QTEST_MAIN(TestCliPaper)
#include "tst_cli_paper.moc"
