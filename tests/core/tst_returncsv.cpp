#include "core/monitoring/monitoringcheck.h"
#include "core/monitoring/returncsv.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;

/**
 * Performance returns and contract profiles as CSV: a good return read whole (figures,
 * standards, source, SHA-256, corrections, warnings), every bad input of issue 7 refused with
 * the file, line and field named and nothing applied, and the profile's CSV round trip.
 *
 * The fixture is the demo round without its illustrative returns: a contract from 2027-06 for
 * 78 months, four CPAs, three payment groups that are priority groups of the catalogue.
 */
class TestReturnCsv : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void readsAGoodReturn();
    void headerInAnyOrderAndBlankLines();
    void badInput_data();
    void badInput();
    void problemsListedInLineOrderUpToTwenty();
    void refusedWithoutAContractPeriod();
    void sameFileTwiceRefused();
    void refusalLeavesTheRoundFileUnchanged();
    void correctionsCounted();
    void warningsFromTheFiguresInForce();

    void profileRoundTrip();
    void profileWithoutAPeriodTakesTheFilesMonths();
    void profileAcceptsFractionsRefusesStandards();
    void profileOutsideTheContractRefused();
    void profileWriteFailureReported();

private:
    QString write(const QString &name, const QByteArray &content);

    QTemporaryDir m_dir;
    Round m_round;
};

namespace {

const QByteArray kHeader = "period,cpa,priority_group,measure,value\n";

/** A good return of the demo round: two CPAs, a standard, a required standard. */
const QByteArray kGood = kHeader + "2027-06,Central London Forward,esa_wrag,referrals,120\n"
                                   "2027-06,Central London Forward,esa_wrag,starts,100\n"
                                   "2027-06,local london,ESA_WRAG,starts,90\n"
                                   "2027-06,Local London,jsa_12_months,job_outcomes,0\n"
                                   "2027-06,Local London,,first_contact,3.5\n"
                                   "2027-06,Local London,,key_worker,1\n";

} // namespace

QString TestReturnCsv::write(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

void TestReturnCsv::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_round = *demo;
    m_round.monitoring.returns.clear();
    QCOMPARE(periodKey(m_round.monitoring.profile.start), QStringLiteral("2027-06"));
    QCOMPARE(m_round.monitoring.profile.months, 78);
}

void TestReturnCsv::readsAGoodReturn()
{
    const QString path = write("good.csv", kGood);
    const Result<ReturnImport> read = readReturnCsv(m_round, path, "  first return  ");
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(read->rows, 6);
    QCOMPARE(read->corrections, 0);
    const PerformanceReturn &r = read->performanceReturn;
    QCOMPARE(r.id, qint64(0));
    QCOMPARE(r.source, QStringLiteral("good.csv"));
    QCOMPARE(r.note, QStringLiteral("first return"));
    QCOMPARE(r.sha256, QString::fromLatin1(
                           QCryptographicHash::hash(kGood, QCryptographicHash::Sha256).toHex()));
    QVERIFY(r.receivedAt.isValid());
    QVERIFY(!r.illustrative);
    QCOMPARE(r.figures.size(), 4);
    QCOMPARE(r.standards.size(), 2);
    const MonitoringFigure &third = r.figures.at(2);
    QCOMPARE(third.period, QDate(2027, 6, 1));
    QCOMPARE(third.cpa, CpaId(2)); // "local london", without case
    QCOMPARE(third.group, QStringLiteral("esa_wrag"));
    QCOMPARE(third.measure, MonitoringMeasure::Starts);
    QCOMPARE(third.value, 90.0);
    QCOMPARE(r.standards.at(0),
             (StandardFigure{QDate(2027, 6, 1), CpaId(2), "first_contact", 3.5}));
    QCOMPARE(r.standards.at(1).standard, QStringLiteral("key_worker"));
    QVERIFY(checkReturn(m_round, r));
}

void TestReturnCsv::headerInAnyOrderAndBlankLines()
{
    const QString path =
        write("order.csv", "\xEF\xBB\xBF\n"
                           "Value , MEASURE,cpa,period,priority_group\n"
                           "\n"
                           "7,starts,West London Alliance,2027-07,jsa_12_months\n"
                           ",,,,\n"
                           "9,referrals,West London Alliance,2027-07,jsa_12_months\n");
    const Result<ReturnImport> read = readReturnCsv(m_round, path);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(read->rows, 2);
    QCOMPARE(read->performanceReturn.figures.at(0),
             (MonitoringFigure{QDate(2027, 7, 1), CpaId(3), "jsa_12_months",
                               MonitoringMeasure::Starts, 7}));
}

void TestReturnCsv::badInput_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected"); // fragments of the message

    const auto row = [](const char *text) {
        return kHeader + "2027-06,Local London,esa_wrag,starts,5\n" + text;
    };
    QTest::newRow("period outside the contract")
        << row("2019-04,Local London,esa_wrag,starts,5\n")
        << QStringList{"bad.csv, line 3, field \u201cperiod\u201d", "outside the contract",
                       "2027-06", "2033-11"};
    QTest::newRow("period before the contract, a month early")
        << row("2027-05,Local London,esa_wrag,starts,5\n")
        << QStringList{"line 3, field \u201cperiod\u201d", "2027-05"};
    QTest::newRow("malformed period")
        << row("2027-13,Local London,esa_wrag,starts,5\n")
        << QStringList{"line 3, field \u201cperiod\u201d", "\u201c2027-13\u201d is not a month",
                       "YYYY-MM"};
    QTest::newRow("period in words")
        << row("June 2027,Local London,esa_wrag,starts,5\n")
        << QStringList{"line 3, field \u201cperiod\u201d", "\u201cJune 2027\u201d"};
    QTest::newRow("unknown CPA") << row("2027-06,Atlantis,esa_wrag,starts,5\n")
                                 << QStringList{"line 3, field \u201ccpa\u201d",
                                                "\u201cAtlantis\u201d is not a CPA",
                                                "Central London Forward"};
    QTest::newRow("unknown group")
        << row("2027-06,Local London,pensioners,starts,5\n")
        << QStringList{"line 3, field \u201cpriority_group\u201d", "pensioners"};
    QTest::newRow("missing group")
        << row("2027-06,Local London,,starts,5\n")
        << QStringList{"line 3, field \u201cpriority_group\u201d", "missing"};
    QTest::newRow("negative count")
        << row("2027-06,Local London,esa_wrag,referrals,-3\n")
        << QStringList{"line 3, field \u201cvalue\u201d", "-3", "0 or more"};
    QTest::newRow("count not whole")
        << row("2027-06,Local London,esa_wrag,referrals,2.5\n")
        << QStringList{"line 3, field \u201cvalue\u201d", "2.5", "not a whole number"};
    QTest::newRow("value not a number")
        << row("2027-06,Local London,esa_wrag,referrals,twelve\n")
        << QStringList{"line 3, field \u201cvalue\u201d", "\u201ctwelve\u201d is not a number"};
    QTest::newRow("value empty") << row("2027-06,Local London,esa_wrag,referrals,\n")
                                 << QStringList{"line 3, field \u201cvalue\u201d", "empty"};
    QTest::newRow("duplicate rows in one return") << row("2027-06,LOCAL LONDON,esa_wrag,starts,6\n")
                                                  << QStringList{"bad.csv, line 3:", "given twice"};
    QTest::newRow("unknown measure")
        << row("2027-06,Local London,esa_wrag,interviews,5\n")
        << QStringList{"line 3, field \u201cmeasure\u201d", "\u201cinterviews\u201d",
                       "referrals, starts, job_outcomes, sustained_job_outcomes"};
    QTest::newRow("standard with a group")
        << row("2027-06,Local London,esa_wrag,first_contact,4\n")
        << QStringList{"line 3, field \u201cpriority_group\u201d",
                       "leave the priority group empty"};
    QTest::newRow("required standard neither 0 nor 1")
        << row("2027-06,Local London,,key_worker,2\n")
        << QStringList{"line 3, field \u201cvalue\u201d", "neither"};
    QTest::newRow("standard reported twice")
        << row("2027-06,Local London,,caseload,40\n2027-06,Local London,,caseload,41\n")
        << QStringList{"line 4:", "given twice"};
    QTest::newRow("too few fields")
        << row("2027-06,Local London,esa_wrag,starts\n")
        << QStringList{"bad.csv, line 3:", "expected 5 fields", "found 4"};
    QTest::newRow("unclosed quote")
        << row("2027-06,\"Local London,esa_wrag,starts,5\n") << QStringList{"bad.csv", "line 3"};
    QTest::newRow("missing column")
        << QByteArray("period,cpa,priority_group,measure\n2027-06,Local London,esa_wrag,starts\n")
        << QStringList{"bad.csv, line 1:", "the column value is missing"};
    QTest::newRow("missing columns")
        << QByteArray("period,cpa,priority_group\n2027-06,Local London,esa_wrag\n")
        << QStringList{"bad.csv, line 1:", "the columns measure, value are missing"};
    QTest::newRow("unknown column")
        << QByteArray("period,cpa,priority_group,measure,value,notes\n")
        << QStringList{"bad.csv, line 1:", "\u201cnotes\u201d is no column"};
    QTest::newRow("column twice") << QByteArray("period,cpa,priority_group,measure,value,cpa\n")
                                  << QStringList{"bad.csv, line 1:", "cpa twice"};
    QTest::newRow("empty file") << QByteArray()
                                << QStringList{"bad.csv is empty",
                                               "period,cpa,priority_group,measure,value"};
    QTest::newRow("only blank lines") << QByteArray("\n\n  \n") << QStringList{"bad.csv is empty"};
    QTest::newRow("header only") << kHeader << QStringList{"bad.csv has no figures"};
    QTest::newRow("not UTF-8") << QByteArray(kHeader +
                                             "2027-06,Local L\xF6ndon,esa_wrag,starts,5\n")
                               << QStringList{"bad.csv is not UTF-8"};
}

void TestReturnCsv::badInput()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    const QString path = write("bad.csv", content);
    const Result<ReturnImport> read = readReturnCsv(m_round, path);
    QVERIFY(!read);
    for (const QString &fragment : expected)
        QVERIFY2(
            read.errorMessage().contains(fragment),
            qPrintable(QStringLiteral("\"%1\" not in: %2").arg(fragment, read.errorMessage())));
}

void TestReturnCsv::problemsListedInLineOrderUpToTwenty()
{
    // Line 2's problem is found by the contract check, line 3's while reading: the message
    // still lists line 2 first. Then 24 more bad rows: 20 problems shown, the rest counted.
    QByteArray content = kHeader + "2019-01,Local London,esa_wrag,starts,5\n"
                                   "2027-06,Nowhere,esa_wrag,starts,5\n";
    for (int i = 0; i < 24; ++i)
        content += "2027-06,Local London,esa_wrag,starts,-1\n";
    const Result<ReturnImport> read = readReturnCsv(m_round, write("many.csv", content));
    QVERIFY(!read);
    const QString message = read.errorMessage();
    QVERIFY(message.indexOf("many.csv, line 2,") >= 0);
    QVERIFY(message.indexOf("many.csv, line 2,") < message.indexOf("many.csv, line 3,"));
    QCOMPARE(message.count("many.csv, line"), 20);
    QVERIFY2(message.contains("6 more problem"), qPrintable(message));
}

void TestReturnCsv::refusedWithoutAContractPeriod()
{
    Round round = m_round;
    round.monitoring.profile = {};
    const Result<ReturnImport> read = readReturnCsv(round, write("good.csv", kGood));
    QVERIFY(!read);
    QVERIFY(read.errorMessage().contains("good.csv"));
    QVERIFY(read.errorMessage().contains("contract period is not set"));
}

void TestReturnCsv::sameFileTwiceRefused()
{
    const QString path = write("april.csv", kGood);
    Round round = m_round;
    Result<ReturnImport> first = readReturnCsv(round, path);
    QVERIFY(first);
    first->performanceReturn.id = 1;
    round.monitoring.returns.append(first->performanceReturn);
    // The same bytes under another name are the same return.
    const QString copy = write("april-again.csv", kGood);
    const Result<ReturnImport> again = readReturnCsv(round, copy);
    QVERIFY(!again);
    QVERIFY2(again.errorMessage().contains("april-again.csv was received already"),
             qPrintable(again.errorMessage()));
    QVERIFY(again.errorMessage().contains("april.csv"));
    // One byte more is a different file.
    QVERIFY(readReturnCsv(round, write("april-edited.csv", kGood + "\n")));
}

void TestReturnCsv::refusalLeavesTheRoundFileUnchanged()
{
    const QString roundPath = m_dir.filePath("unchanged.cocom");
    QVERIFY(!TestSupport::createRoundFile(roundPath, m_round).isEmpty());
    const QString good = write("first.csv", kGood);
    {
        auto document = TestSupport::openRoundFile(roundPath);
        QVERIFY(document);
        const Result<ReturnImport> read = readReturnCsv(document->round(), good);
        QVERIFY(read);
        QVERIFY(document->addReturn(read->performanceReturn));
    }
    const QByteArray before = TestSupport::fileHash(roundPath);
    const Monitoring monitoring = TestSupport::openRoundFile(roundPath)->round().monitoring;
    QCOMPARE(monitoring.returns.size(), 1);
    QCOMPARE(TestSupport::fileHash(roundPath), before); // opening alone changes nothing

    const QByteArray bad = kHeader + "2027-07,Local London,esa_wrag,starts,5\n"
                                     "2027-07,Local London,esa_wrag,starts,-5\n";
    for (const QString &path : {write("half-good.csv", bad), good}) {
        auto document = TestSupport::openRoundFile(roundPath);
        QVERIFY(document);
        const Result<ReturnImport> read = readReturnCsv(document->round(), path);
        QVERIFY(!read);
        QCOMPARE(document->round().monitoring, monitoring);
    }
    QCOMPARE(TestSupport::fileHash(roundPath), before);
}

void TestReturnCsv::correctionsCounted()
{
    Round round = m_round;
    Result<ReturnImport> first = readReturnCsv(round, write("june.csv", kGood));
    QVERIFY(first);
    first->performanceReturn.id = 1;
    round.monitoring.returns.append(first->performanceReturn);

    // Two figures and a standard re-reported (one of them with the same value: it still
    // supersedes), one new.
    const QByteArray correction = kHeader + "2027-06,Central London Forward,esa_wrag,starts,104\n"
                                            "2027-06,Local London,esa_wrag,starts,90\n"
                                            "2027-06,Local London,,first_contact,4\n"
                                            "2027-07,Local London,esa_wrag,starts,80\n";
    const Result<ReturnImport> read =
        readReturnCsv(round, write("june-corrected.csv", correction), "Late starts added");
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(read->rows, 4);
    QCOMPARE(read->corrections, 3);
    QCOMPARE(read->performanceReturn.note, QStringLiteral("Late starts added"));
}

void TestReturnCsv::warningsFromTheFiguresInForce()
{
    const QByteArray more = kHeader + "2027-06,West London Alliance,esa_wrag,starts,5\n"
                                      "2027-06,West London Alliance,esa_wrag,job_outcomes,8\n";
    const Result<ReturnImport> read = readReturnCsv(m_round, write("more.csv", more));
    QVERIFY2(read, qPrintable(read.errorMessage())); // a warning does not refuse the file
    QCOMPARE(read->warnings.size(), 1);
    QVERIFY2(read->warnings.first().contains("West London Alliance"),
             qPrintable(read->warnings.first()));
    QVERIFY(readReturnCsv(m_round, write("fine.csv", kGood))->warnings.isEmpty());
}

void TestReturnCsv::profileRoundTrip()
{
    const ContractProfile &profile = m_round.monitoring.profile;
    QVERIFY(profile.figures.size() > 1000);
    const QString path = m_dir.filePath("profile.csv");
    QVERIFY(writeProfileCsv(m_round, profile, path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readLine(), QByteArray("period,cpa,priority_group,measure,value\r\n"));
    QVERIFY(file.readLine().startsWith("2027-06,Central London Forward,esa_wrag,referrals,127.6"));
    file.close();

    const Result<ContractProfile> read = readProfileCsv(m_round, path);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(read->figures, profile.figures); // every fraction exactly
    QCOMPARE(read->start, profile.start);
    QCOMPARE(read->months, profile.months);
    QCOMPARE(read->source, QStringLiteral("Imported from profile.csv"));
    QVERIFY(!read->illustrative);
}

void TestReturnCsv::profileWithoutAPeriodTakesTheFilesMonths()
{
    const QString path = write("p.csv", kHeader + "2020-03,Local London,esa_wrag,starts,1.25\n"
                                                  "2019-11,Local London,esa_wrag,starts,2\n");
    Round round = m_round;
    round.monitoring.profile = {};
    const Result<ContractProfile> read = readProfileCsv(round, path);
    QVERIFY2(read, qPrintable(read.errorMessage()));
    QCOMPARE(read->start, QDate(2019, 11, 1));
    QCOMPARE(read->months, 5);
    QCOMPARE(read->figures.size(), 2);
    QCOMPARE(read->figures.first().value, 1.25);
    QVERIFY(checkProfile(round, *read));

    // The round's own period is kept, so 2019 is outside it.
    const Result<ContractProfile> refused = readProfileCsv(m_round, path);
    QVERIFY(!refused);
    QVERIFY(refused.errorMessage().contains("p.csv, line 2, field \u201cperiod\u201d"));
    QVERIFY(refused.errorMessage().contains("p.csv, line 3, field \u201cperiod\u201d"));
}

void TestReturnCsv::profileAcceptsFractionsRefusesStandards()
{
    const Result<ContractProfile> fractions = readProfileCsv(
        m_round, write("f.csv", kHeader + "2027-06,Local London,esa_wrag,starts,0.5\n"));
    QVERIFY2(fractions, qPrintable(fractions.errorMessage()));
    QCOMPARE(fractions->figures.first().value, 0.5);

    const Result<ContractProfile> standard = readProfileCsv(
        m_round, write("s.csv", kHeader + "2027-06,Local London,,first_contact,5\n"));
    QVERIFY(!standard);
    QVERIFY2(standard.errorMessage().contains("s.csv, line 2, field \u201cmeasure\u201d"),
             qPrintable(standard.errorMessage()));
    QVERIFY(standard.errorMessage().contains("contract profile"));

    QVERIFY(!readProfileCsv(m_round, write("e.csv", kHeader)));
    QVERIFY(!readProfileCsv(m_round, write("n.csv", kHeader + "2027-06,Local London,esa_wrag,"
                                                              "starts,-0.5\n")));
}

void TestReturnCsv::profileOutsideTheContractRefused()
{
    Round round = m_round;
    round.monitoring.profile = {};
    const Result<ContractProfile> read = readProfileCsv(
        round, write("long.csv", kHeader + "1900-01,Local London,esa_wrag,starts,1\n"
                                           "2000-01,Local London,esa_wrag,starts,1\n"));
    QVERIFY(!read);
    QVERIFY2(read.errorMessage().contains("1201 months"), qPrintable(read.errorMessage()));
}

void TestReturnCsv::profileWriteFailureReported()
{
    const QString path = m_dir.filePath("no/such/folder/profile.csv");
    const Status written = writeProfileCsv(m_round, m_round.monitoring.profile, path);
    QVERIFY(!written);
    QVERIFY(written.errorMessage().contains(path));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestReturnCsv)
#include "tst_returncsv.moc"
