// Bench::report() (bench/benchutil.h): the record each benchmark writes for the one table of
// bench/run-benchmarks.sh, whether a figure meets its target, and that the script reads what
// report() writes. The table the script makes of fixed records is checked by bench_table
// (bench/testdata/checktable.cmake).

#include "bench/benchutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission::Bench;

Q_DECLARE_METATYPE(CoCommission::Bench::Figure)

class TestBenchReport : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void record_data();
    void record();
    void fieldsStayOnOneLine();
    void nothingWrittenUnlessAsked();
    void recordsAreAppended();
    void scriptReadsTheRecords();

private:
    static QByteArray readAll(const QString &path);
    QTemporaryDir m_dir;
};

void TestBenchReport::init()
{
    qunsetenv("COCOMMISSION_BENCH_RESULTS");
}

void TestBenchReport::cleanup()
{
    qunsetenv("COCOMMISSION_BENCH_RESULTS");
}

QByteArray TestBenchReport::readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestBenchReport::record_data()
{
    QTest::addColumn<Figure>("figure");
    QTest::addColumn<QByteArray>("expected");

    const auto ms = QStringLiteral("ms");
    QTest::newRow("below, met")
        << Figure(QStringLiteral("move"), 0.0125, ms).withTarget(Target::below(2))
        << QByteArray("bench\tmove\t0.0125\tms\tvalue\t<\t2\t-\t-\t-\tyes\n");
    QTest::newRow("below, equal is not met")
        << Figure(QStringLiteral("move"), 2, ms).withTarget(Target::below(2))
        << QByteArray("bench\tmove\t2\tms\tvalue\t<\t2\t-\t-\t-\tno\n");
    QTest::newRow("at most, equal is met")
        << Figure(QStringLiteral("move"), 2, ms).withTarget(Target::atMost(2))
        << QByteArray("bench\tmove\t2\tms\tvalue\t<=\t2\t-\t-\t-\tyes\n");
    QTest::newRow("at least, not met")
        << Figure(QStringLiteral("rate"), 9.5, QStringLiteral("rows/s"))
               .withTarget(Target::atLeast(10))
        << QByteArray("bench\trate\t9.5\trows/s\tvalue\t>=\t10\t-\t-\t-\tno\n");
    QTest::newRow("above, met")
        << Figure(QStringLiteral("rate"), 4'000'000, QStringLiteral("rows/s"))
               .withTarget(Target::above(1e6))
        << QByteArray("bench\trate\t4000000\trows/s\tvalue\t>\t1000000\t-\t-\t-\tyes\n");
    QTest::newRow("no target") << Figure(QStringLiteral("peak memory"), 12.5, QStringLiteral("MiB"))
                               << QByteArray(
                                      "bench\tpeak memory\t12.5\tMiB\t-\t-\t-\t-\t-\t-\t-\n");
    QTest::newRow("peer, target on the value")
        << Figure(QStringLiteral("paper"), 600, ms)
               .withTarget(Target::below(1500))
               .withPeer(QStringLiteral("LibreOffice"), 4800)
        << QByteArray("bench\tpaper\t600\tms\tvalue\t<\t1500\tLibreOffice\t4800\t0.125\tyes\n");
    QTest::newRow("peer, target on the ratio, not met")
        << Figure(QStringLiteral("import"), 16000, ms)
               .withTarget(Target::ratioAtMost(1.5))
               .withPeer(QStringLiteral("sqlite3"), 10000)
        << QByteArray("bench\timport\t16000\tms\tratio\t<=\t1.5\tsqlite3\t10000\t1.6\tno\n");
    QTest::newRow("peer not measured: a ratio target is not judged")
        << Figure(QStringLiteral("import"), 16000, ms)
               .withTarget(Target::ratioAtMost(1.5))
               .withPeer(QStringLiteral("sqlite3"), kNotMeasured)
        << QByteArray("bench\timport\t16000\tms\tratio\t<=\t1.5\tsqlite3\t-\t-\t-\n");
    QTest::newRow("peer not measured: a value target still is")
        << Figure(QStringLiteral("paper"), 600, ms)
               .withTarget(Target::below(1500))
               .withPeer(QStringLiteral("LibreOffice"), kNotMeasured)
        << QByteArray("bench\tpaper\t600\tms\tvalue\t<\t1500\tLibreOffice\t-\t-\tyes\n");
    QTest::newRow("value not measured")
        << Figure(QStringLiteral("peak memory"), kNotMeasured, QStringLiteral("MiB"))
               .withTarget(Target::below(200))
        << QByteArray("bench\tpeak memory\t-\tMiB\tvalue\t<\t200\t-\t-\t-\t-\n");
    QTest::newRow("incomplete work does not meet its target")
        << Figure(QStringLiteral("suggestion"), 17, ms)
               .withTarget(Target::below(2000))
               .withComplete(false)
        << QByteArray("bench\tsuggestion\t17\tms\tvalue\t<\t2000\t-\t-\t-\tno\n");
}

void TestBenchReport::record()
{
    QFETCH(Figure, figure);
    QFETCH(QByteArray, expected);
    QCOMPARE(CoCommission::Bench::record(QStringLiteral("bench"), figure), expected);
}

void TestBenchReport::fieldsStayOnOneLine()
{
    const Figure figure = Figure(QStringLiteral("two\tcolumns\nand two lines\r"), 1, QString())
                              .withPeer(QStringLiteral(" "), kNotMeasured);
    const QByteArray line = CoCommission::Bench::record(QStringLiteral("b\tc"), figure);
    QCOMPARE(line, QByteArray("b c\ttwo columns and two lines\t1\t-\t-\t-\t-\t-\t-\t-\t-\n"));
    QCOMPARE(line.count('\t'), 10);
    QCOMPARE(line.count('\n'), 1);
}

void TestBenchReport::nothingWrittenUnlessAsked()
{
    const QString path = m_dir.filePath(QStringLiteral("unasked.tsv"));
    report(Figure(QStringLiteral("figure"), 1, QStringLiteral("ms")));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(m_dir.path()).isEmpty());
}

void TestBenchReport::recordsAreAppended()
{
    const QString path = m_dir.filePath(QStringLiteral("appended.tsv"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("earlier\n");
    }
    qputenv("COCOMMISSION_BENCH_RESULTS", QFile::encodeName(path));
    report(Figure(QStringLiteral("first"), 1, QStringLiteral("ms")));
    report(Figure(QStringLiteral("second"), 2, QStringLiteral("ms")).withTarget(Target::below(1)));
    QCOMPARE(readAll(path),
             QByteArray("earlier\n"
                        "tst_benchreport\tfirst\t1\tms\t-\t-\t-\t-\t-\t-\t-\n"
                        "tst_benchreport\tsecond\t2\tms\tvalue\t<\t1\t-\t-\t-\tno\n"));
}

void TestBenchReport::scriptReadsTheRecords()
{
    const QString bash = QStringLiteral(COCOMMISSION_BASH);
    if (bash.isEmpty())
        QSKIP("bash is not available: bench/run-benchmarks.sh cannot run here");
    const QString path = m_dir.filePath(QStringLiteral("for-the-script.tsv"));
    qputenv("COCOMMISSION_BENCH_RESULTS", QFile::encodeName(path));
    report(Figure(QStringLiteral("met figure"), 0.5, QStringLiteral("ms"))
               .withTarget(Target::below(2)));
    report(Figure(QStringLiteral("missed figure"), 2500, QStringLiteral("ms"))
               .withTarget(Target::ratioAtMost(1.5))
               .withPeer(QStringLiteral("the peer"), 1000));
    report(Figure(QStringLiteral("unmeasured figure"), kNotMeasured, QStringLiteral("MiB")));

    QProcess script;
    script.start(bash,
                 {QStringLiteral(COCOMMISSION_BENCH_SCRIPT), QStringLiteral("--format"), path});
    QVERIFY(script.waitForFinished(60000));
    const QString out = QString::fromUtf8(script.readAllStandardOutput());
    QVERIFY2(script.exitCode() == 0, script.readAllStandardError().constData());
    // The header, its rule, then one row per record: the columns are aligned with runs of
    // spaces, whose lengths the fixed tables of bench_table check.
    const QStringList lines = out.split(QLatin1Char('\n'));
    QVERIFY2(lines.size() > 5, qPrintable(out));
    const auto matches = [](const QString &line, const QString &pattern) {
        return QRegularExpression(pattern).match(line).hasMatch();
    };
    QVERIFY2(matches(lines.at(0), QStringLiteral("^benchmark +figure +value +target +peer +"
                                                 "ratio +meets$")),
             qPrintable(out));
    QVERIFY2(matches(lines.at(2), QStringLiteral("^tst_benchreport +met figure +0\\.5 ms +"
                                                 "< 2 ms +yes$")),
             qPrintable(out));
    QVERIFY2(matches(lines.at(3), QStringLiteral("^ +missed figure +2,500 ms +<= 1\\.5 × peer +"
                                                 "the peer: 1,000 ms +2\\.50 +NO$")),
             qPrintable(out));
    QVERIFY2(matches(lines.at(4), QStringLiteral("^ +unmeasured figure +not measured +—$")),
             qPrintable(out));
}

QTEST_GUILESS_MAIN(TestBenchReport)
#include "tst_benchreport.moc"
