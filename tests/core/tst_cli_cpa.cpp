#include "core/cpa/assignmentcsv.h"
#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;
using TestSupport::runCli;

/** The CPA editor's command line: cpa import, import-boundaries, cpa check with a plan's settings.
 */
class TestCliCpa : public QObject
{
    Q_OBJECT

private slots:
    void importThenExportRoundTrips();
    void importRefusesABadFileAndChangesNothing_data();
    void importRefusesABadFileAndChangesNothing();
    void importBoundariesPrintsWhatItDid();
    void importBoundariesRefusesUnknownCodes();
    void checkUsesImportedBoundariesAndExitsOneForABrokenPlan();
    void checkUsesThePlansStoredSettings();

private:
    QString demoRound(const QString &name);
    QString gridRound(const QString &name);
    static QString data(const QString &path) { return TestSupport::dataDir() + u'/' + path; }
    static QJsonObject json(const QString &text)
    {
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }

    QTemporaryDir m_dir;
};

QString TestCliCpa::demoRound(const QString &name)
{
    const QString path = m_dir.filePath(name);
    if (runCli({"new", path, "--demo"}).exitCode != 0)
        qFatal("cannot make %s", qPrintable(path));
    return path;
}

// Five authorities: A B / C D as in squares_2x2.geojson, and E, which that file lacks.
QString TestCliCpa::gridRound(const QString &name)
{
    Round round;
    round.title = QStringLiteral("Grid round");
    for (const char *code : {"A", "B", "C", "D", "E"})
        round.authorities.append(
            {QString::fromLatin1(code), QStringLiteral("Area %1").arg(QLatin1String(code))});
    CpaPlan diagonal;
    diagonal.name = QStringLiteral("Diagonal");
    diagonal.adopted = true;
    diagonal.cpas = {{CpaId(), QStringLiteral("One"), QStringLiteral("#1f6fb4"), {"A", "D"}},
                     {CpaId(), QStringLiteral("Two"), QStringLiteral("#c0392b"), {"B", "C", "E"}}};
    CpaPlan columns;
    columns.name = QStringLiteral("Columns");
    columns.cpas = {{CpaId(), QStringLiteral("West"), QStringLiteral("#1f6fb4"), {"A", "C"}},
                    {CpaId(), QStringLiteral("East"), QStringLiteral("#c0392b"), {"B", "D"}},
                    {CpaId(), QStringLiteral("Island"), QStringLiteral("#2e8b57"), {"E"}}};
    round.plans = {diagonal, columns};
    const QString path = m_dir.filePath(name);
    auto document = RoundDocument::create(path, round, QStringLiteral("tester"));
    if (!document)
        qFatal("%s", qPrintable(document.errorMessage()));
    return path;
}

void TestCliCpa::importThenExportRoundTrips()
{
    const QString path = demoRound(QStringLiteral("roundtrip.cocom"));
    const QString csv = data(QStringLiteral("cpa/assignment/partnerships.csv"));
    const auto imported = runCli({"cpa", "import", path, csv, "--plan", "From the file"});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY(imported.out.contains(QStringLiteral("new CPA plan \"From the file\"")));
    QVERIFY(imported.out.contains(QStringLiteral("33 authorities")));

    const QString exported = m_dir.filePath(QStringLiteral("exported.csv"));
    const auto written = runCli({"cpa", "export", path, exported, "--plan", "From the file"});
    QVERIFY2(written.exitCode == 0, qPrintable(written.err));

    const QList<Authority> authorities = LondonRound::blank(QStringLiteral("x"))->authorities;
    const auto original = AssignmentCsv::read(csv, authorities);
    const auto roundTripped = AssignmentCsv::read(exported, authorities);
    QVERIFY(original && roundTripped);
    QCOMPARE(*roundTripped, *original);

    // Importing what was exported changes nothing.
    const auto again = runCli({"cpa", "import", path, exported, "--plan", "From the file"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QVERIFY(again.out.contains(QStringLiteral("0 moved")));

    const auto info = json(runCli({"info", path, "--json"}).out);
    QCOMPARE(info.value("plans").toArray().size(), 2);
}

void TestCliCpa::importRefusesABadFileAndChangesNothing_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown code") << QStringList{data("cpa/assignment/unknown_code.csv"), "--plan",
                                                 "Sub-regional partnerships"}
                                  << "unknown_code.csv, line";
    QTest::newRow("duplicate code")
        << QStringList{data("cpa/assignment/duplicate_code.csv"), "--plan", "New plan"}
        << "duplicate_code.csv, line";
    QTest::newRow("missing authorities")
        << QStringList{data("cpa/assignment/missing_authorities.csv"), "--plan", "New plan"}
        << "missing_authorities.csv: these authorities have no CPA";
    QTest::newRow("no plan named")
        << QStringList{data("cpa/assignment/partnerships.csv")} << "--plan";
}

void TestCliCpa::importRefusesABadFileAndChangesNothing()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    const QString path = demoRound(QStringLiteral("refused-%1.cocom").arg(QTest::currentDataTag()));
    const QByteArray before = TestSupport::fileHash(path);
    const auto run = runCli(QStringList{"cpa", "import", path} + arguments);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliCpa::importBoundariesPrintsWhatItDid()
{
    const QString path = gridRound(QStringLiteral("boundaries.cocom"));
    const QString geojson = data(QStringLiteral("cpa/geojson/squares_2x2.geojson"));
    const auto text = runCli({"import-boundaries", path, geojson});
    QVERIFY2(text.exitCode == 0, qPrintable(text.err));
    QVERIFY2(text.out.contains(QStringLiteral("Imported 4 areas from squares_2x2.geojson")),
             qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("\"LAD23CD\"")));
    QVERIFY2(text.out.contains(QStringLiteral("1 authority has no area in the file: Area E (E).")),
             qPrintable(text.out));
    QVERIFY(text.out.contains(QStringLiteral("no neighbours")));

    const auto withJson =
        runCli({"import-boundaries", path, geojson, "--code-property", "lad23cd", "--json"});
    QVERIFY2(withJson.exitCode == 0, qPrintable(withJson.err));
    const QJsonObject o = json(withJson.out);
    QCOMPARE(o.value("areas").toInt(), 4);
    QCOMPARE(o.value("code_property").toString(), QStringLiteral("LAD23CD"));
    QCOMPARE(o.value("missing").toArray(), QJsonArray({"E"}));
    QCOMPARE(o.value("sha256").toString(), QString::fromLatin1(TestSupport::fileHash(geojson)));

    QVERIFY(runCli({"--help"}).out.contains(QStringLiteral("import-boundaries")));
    const auto usage = runCli({"import-boundaries", path});
    QCOMPARE(usage.exitCode, 2);
    QVERIFY(usage.err.contains(QStringLiteral("Usage:")));
}

void TestCliCpa::importBoundariesRefusesUnknownCodes()
{
    const QString path = gridRound(QStringLiteral("unknown.cocom"));
    const QByteArray before = TestSupport::fileHash(path);
    const auto run =
        runCli({"import-boundaries", path, data("cpa/geojson/squares_unknown_code.geojson")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("Z9")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QStringLiteral("1 area has a code that is not an authority")),
             qPrintable(run.err));
    QVERIFY(run.err.contains(QStringLiteral("squares_unknown_code.geojson")));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliCpa::checkUsesImportedBoundariesAndExitsOneForABrokenPlan()
{
    const QString path = gridRound(QStringLiteral("check.cocom"));
    // Without boundaries the built-in London adjacency knows none of these areas.
    QCOMPARE(runCli({"cpa", "check", path, "--plan", "Columns"}).exitCode, 1);

    QCOMPARE(runCli({"import-boundaries", path, data("cpa/geojson/squares_2x2.geojson")}).exitCode,
             0);
    const auto columns = runCli({"cpa", "check", path, "--plan", "Columns"});
    QVERIFY2(columns.exitCode == 0, qPrintable(columns.out + columns.err));
    QVERIFY(columns.out.contains(QStringLiteral("imported boundaries (squares_2x2.geojson)")));

    const auto diagonal = runCli({"cpa", "check", path, "--json"}); // the adopted plan
    QCOMPARE(diagonal.exitCode, 1);
    const QJsonObject o = json(diagonal.out);
    QCOMPARE(o.value("plan").toString(), QStringLiteral("Diagonal"));
    QCOMPARE(o.value("ok").toBool(true), false);
    const QJsonArray cpas = o.value("cpas").toArray();
    QCOMPARE(cpas.at(0)["contiguous"].toBool(true), false); // A and D touch at a corner only
    QCOMPARE(cpas.at(1)["components"].toInt(), 3);          // B, C and E apart
    QVERIFY(!o.value("problems").toArray().isEmpty());
}

void TestCliCpa::checkUsesThePlansStoredSettings()
{
    const QString path = demoRound(QStringLiteral("settings.cocom"));
    {
        auto document = RoundDocument::open(path);
        QVERIFY(document);
        const PlanId adopted = (*document)->round().adoptedPlan()->id;
        QVERIFY((*document)->setPlanSettings(adopted, AdjacencyRule::LandContactOnly,
                                             QStringLiteral("claimant_count"), std::nullopt));
    }
    const auto stored = runCli({"cpa", "check", path, "--json"});
    QCOMPARE(stored.exitCode, 1); // land contact only splits two partnerships
    QJsonObject o = json(stored.out);
    QCOMPARE(o.value("adjacency").toString(), QStringLiteral("land"));
    QVERIFY(o.value("cpas").toArray().at(0)["value"].isDouble()); // the stored indicator

    const auto overridden = runCli({"cpa", "check", path, "--adjacency", "legal", "--json"});
    QCOMPARE(overridden.exitCode, 0);
    o = json(overridden.out);
    QCOMPARE(o.value("adjacency").toString(), QStringLiteral("legal"));
    QCOMPARE(o.value("ok").toBool(), true);

    {
        auto document = RoundDocument::open(path);
        QVERIFY(document);
        const PlanId adopted = (*document)->round().adoptedPlan()->id;
        QVERIFY((*document)->setPlanSettings(adopted, AdjacencyRule::LegalBoundary,
                                             QStringLiteral("claimant_count"), 1e12));
    }
    const auto tooSmall = runCli({"cpa", "check", path});
    QCOMPARE(tooSmall.exitCode, 1);
    QVERIFY2(tooSmall.out.contains(QStringLiteral("Minimum size")), qPrintable(tooSmall.out));
}

QTEST_GUILESS_MAIN(TestCliCpa)
#include "tst_cli_cpa.moc"
