#include "core/cpa/assignmentcsv.h"
#include "core/round/londonround.h"
#include "tests/support/testsupport.h"

#include <QBuffer>
#include <QTest>

using namespace CoCommission;

namespace {

/** A device that accepts \a limit bytes and then fails, like a full disk. */
class FailingDevice : public QIODevice
{
public:
    explicit FailingDevice(qint64 limit)
        : m_limit(limit)
    {
        open(QIODevice::WriteOnly);
        setErrorString(QStringLiteral("No space left on device"));
    }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *, qint64 size) override
    {
        if (m_written + size > m_limit)
            return -1;
        m_written += size;
        return size;
    }

private:
    qint64 m_limit;
    qint64 m_written = 0;
};

} // namespace

class TestCpaAssignmentCsv : public QObject
{
    Q_OBJECT

private slots:
    void readsAPlanByPartnership();
    void readsExcelStyleFiles();
    void codesStayText();
    void badInput_data();
    void badInput();
    void writeAndReadBack_data();
    void writeAndReadBack();
    void writesInTheRoundsOrderWithCrlf();
    void byteOrderMarkOnRequest();
    void writeReportsAFailingDevice();
    void toPlanKeepsIdsAndColoursByName();

private:
    static QString fixture(const QString &name)
    {
        return TestSupport::dataDir() + QStringLiteral("/cpa/assignment/") + name;
    }
};

void TestCpaAssignmentCsv::readsAPlanByPartnership()
{
    const Round round = *LondonRound::demo();
    const Result<CpaAssignment> assignment =
        AssignmentCsv::read(fixture(QStringLiteral("partnerships.csv")), round.authorities);
    QVERIFY2(assignment.ok(), qPrintable(assignment.errorMessage()));
    QCOMPARE(assignment->cpaNames,
             (QStringList{QStringLiteral("Central London Forward"), QStringLiteral("Local London"),
                          QStringLiteral("West London Alliance"),
                          QStringLiteral("South London Partnership")}));
    QCOMPARE(assignment->cpaOf.size(), 33);
    QCOMPARE(assignment->toPlan(*round.adoptedPlan(), round.authorities), *round.adoptedPlan());
}

void TestCpaAssignmentCsv::readsExcelStyleFiles()
{
    // Byte-order mark, CRLF, the columns the other way round with an extra one, quoted names
    // holding a comma and doubled quotes, and spaces around a name.
    const Round round = *LondonRound::blank(QStringLiteral("t"));
    const Result<CpaAssignment> assignment =
        AssignmentCsv::read(fixture(QStringLiteral("excel_style.csv")), round.authorities);
    QVERIFY2(assignment.ok(), qPrintable(assignment.errorMessage()));
    QCOMPARE(assignment->cpaNames, (QStringList{QStringLiteral("Central, \"inner\" London"),
                                                QStringLiteral("Local London"),
                                                QStringLiteral("West"), QStringLiteral("South")}));
    QCOMPARE(assignment->cpaNameOf(QStringLiteral("E09000029")), QStringLiteral("South"));
    QCOMPARE(assignment->cpaNameOf(QStringLiteral("E09000099")), QString());
}

void TestCpaAssignmentCsv::codesStayText()
{
    const QList<Authority> authorities = {{QStringLiteral("0123"), QStringLiteral("Zero")},
                                          {QStringLiteral("123"), QStringLiteral("Plain")},
                                          {QStringLiteral("1E5"), QStringLiteral("Exponent")}};
    const QByteArray csv = "gss_code,cpa\n0123,North\n123,South\n1E5,007\n";
    const Result<CpaAssignment> assignment =
        AssignmentCsv::parse(csv, QStringLiteral("codes.csv"), authorities);
    QVERIFY2(assignment.ok(), qPrintable(assignment.errorMessage()));
    QCOMPARE(assignment->cpaNameOf(QStringLiteral("0123")), QStringLiteral("North"));
    QCOMPARE(assignment->cpaNameOf(QStringLiteral("123")), QStringLiteral("South"));
    QCOMPARE(assignment->cpaNameOf(QStringLiteral("1E5")), QStringLiteral("007"));
    QCOMPARE(AssignmentCsv::toCsv(*assignment, authorities),
             QByteArray("gss_code,cpa\r\n0123,North\r\n123,South\r\n1E5,007\r\n"));
}

void TestCpaAssignmentCsv::badInput_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("unknown code") << "unknown_code.csv"
                                  << QStringList{"unknown_code.csv, line 7, field gss_code: "
                                                 "E09000099 is not an authority of this round"};
    QTest::newRow("duplicate code") << "duplicate_code.csv"
                                    << QStringList{"duplicate_code.csv, line 35, field gss_code: "
                                                   "E09000007 is already assigned on line 8"};
    QTest::newRow("missing authorities")
        << "missing_authorities.csv"
        << QStringList{"missing_authorities.csv: these authorities have no CPA: Barnet "
                       "(E09000003), Kingston upon Thames (E09000021)."};
    QTest::newRow("empty CPA name")
        << "empty_cpa_name.csv"
        << QStringList{
               "empty_cpa_name.csv, line 5, field cpa: the CPA name for E09000004 is empty"};
    QTest::newRow("ragged row")
        << "ragged_row.csv"
        << QStringList{"ragged_row.csv, line 4: expected 2 fields as in the header, found 3"};
    QTest::newRow("no header") << "no_header.csv"
                               << QStringList{"no_header.csv, line 1: the first line must be the "
                                              "header gss_code,cpa"};
    QTest::newRow("unclosed quote")
        << "unclosed_quote.csv"
        << QStringList{"unclosed_quote.csv, line 6: a quoted field is not closed"};
    QTest::newRow("not UTF-8") << "not_utf8.csv"
                               << QStringList{"not_utf8.csv is not UTF-8 text", "CSV UTF-8"};
    QTest::newRow("empty file") << "empty.csv" << QStringList{"empty.csv is empty"};
    QTest::newRow("missing file") << "absent.csv" << QStringList{"Cannot open", "absent.csv"};
}

void TestCpaAssignmentCsv::badInput()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const Round round = *LondonRound::blank(QStringLiteral("t"));
    const Result<CpaAssignment> assignment = AssignmentCsv::read(fixture(file), round.authorities);
    QVERIFY(!assignment.ok());
    QVERIFY2(assignment.errorMessage().contains(fixture(file)),
             qPrintable(assignment.errorMessage()));
    for (const QString &fragment : expected)
        QVERIFY2(assignment.errorMessage().contains(fragment),
                 qPrintable(assignment.errorMessage()));
}

void TestCpaAssignmentCsv::writeAndReadBack_data()
{
    QTest::addColumn<QStringList>("names");
    QTest::newRow("partnership names")
        << QStringList{"Central London Forward", "Local London", "West London Alliance",
                       "South London Partnership"};
    QTest::newRow("awkward names")
        << QStringList{"North, east", "\"Inner\" London", "Line\nbreak", "Région sud"};
}

void TestCpaAssignmentCsv::writeAndReadBack()
{
    QFETCH(QStringList, names);
    const Round round = *LondonRound::demo();
    CpaPlan plan = *round.adoptedPlan();
    for (qsizetype i = 0; i < plan.cpas.size(); ++i)
        plan.cpas[i].name = names[i];

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QVERIFY(AssignmentCsv::write(&buffer, plan, round.authorities).ok());
    QCOMPARE(buffer.data(), AssignmentCsv::toCsv(plan, round.authorities));

    const Result<CpaAssignment> back =
        AssignmentCsv::parse(buffer.data(), QStringLiteral("round-trip.csv"), round.authorities);
    QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
    QCOMPARE(*back, CpaAssignment::fromPlan(plan));
    QCOMPARE(back->toPlan(plan, round.authorities), plan);
}

void TestCpaAssignmentCsv::writesInTheRoundsOrderWithCrlf()
{
    const Round round = *LondonRound::demo();
    CpaPlan plan = *round.adoptedPlan();
    std::reverse(plan.cpas.begin(), plan.cpas.end());
    plan.cpas[0].members.removeAll(QStringLiteral("E09000029")); // Sutton in no CPA: left out
    const QList<QByteArray> lines = AssignmentCsv::toCsv(plan, round.authorities).split('\n');
    QCOMPARE(lines.size(), 1 + 32 + 1);
    QCOMPARE(lines[0], QByteArray("gss_code,cpa\r"));
    QCOMPARE(lines[1], QByteArray("E09000001,Central London Forward\r"));
    QCOMPARE(lines[2], QByteArray("E09000002,Local London\r"));
    QCOMPARE(lines.last(), QByteArray());
}

void TestCpaAssignmentCsv::byteOrderMarkOnRequest()
{
    const Round round = *LondonRound::demo();
    AssignmentCsv::WriteOptions options;
    options.byteOrderMark = true;
    const QByteArray csv = AssignmentCsv::toCsv(*round.adoptedPlan(), round.authorities, options);
    QVERIFY(csv.startsWith("\xef\xbb\xbfgss_code,cpa\r\n"));
    QVERIFY(!AssignmentCsv::toCsv(*round.adoptedPlan(), round.authorities).startsWith("\xef"));
    QVERIFY(AssignmentCsv::parse(csv, QStringLiteral("bom.csv"), round.authorities).ok());
}

void TestCpaAssignmentCsv::writeReportsAFailingDevice()
{
    const Round round = *LondonRound::demo();
    FailingDevice device(100);
    const Status status = AssignmentCsv::write(&device, *round.adoptedPlan(), round.authorities);
    QVERIFY(!status.ok());
    QVERIFY2(status.errorMessage().contains(u"No space left on device"),
             qPrintable(status.errorMessage()));
}

void TestCpaAssignmentCsv::toPlanKeepsIdsAndColoursByName()
{
    const Round round = *LondonRound::demo();
    CpaPlan base = *round.adoptedPlan();
    base.id = PlanId(7);
    for (qsizetype i = 0; i < base.cpas.size(); ++i)
        base.cpas[i].id = CpaId(10 + i);
    CpaAssignment assignment = CpaAssignment::fromPlan(base);
    assignment.cpaNames[1] = QStringLiteral("East London"); // renamed: a new CPA
    const CpaPlan plan = assignment.toPlan(base, round.authorities);
    QCOMPARE(plan.id, PlanId(7));
    QCOMPARE(plan.name, base.name);
    QCOMPARE(plan.cpas[0].id, CpaId(10));
    QCOMPARE(plan.cpas[0].colour, base.cpas[0].colour);
    QCOMPARE(plan.cpas[1].id, CpaId());
    QCOMPARE(plan.cpas[1].members, base.cpas[1].members);
    for (const Cpa &kept : std::as_const(base.cpas))
        QVERIFY(kept.name == QLatin1String("Local London") || plan.cpas[1].colour != kept.colour);
}

QTEST_GUILESS_MAIN(TestCpaAssignmentCsv)
#include "tst_cpa_assignmentcsv.moc"
