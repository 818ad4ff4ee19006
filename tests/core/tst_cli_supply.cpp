#include "core/round/londonround.h"
#include "core/round/rounddocument.h"
#include "core/supply/coverage.h"
#include "core/supply/providercsv.h"
#include "core/supply/timeline.h"
#include "tests/support/testsupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace CoCommission;
using TestSupport::runCli;

/**
 * Stage 4 on the command line: the supply report (text and JSON) on the demo round with a small
 * register worked by hand, and the register's CSV exchange: export then import gives the same
 * register, an import merges by name, and a refused file changes nothing.
 */
class TestCliSupply : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportJson();
    void reportText();
    void demoRoundReport();
    void reportWithoutAnAdoptedPlan();
    void exportThenImportRoundTrips();
    void importMergesByName();
    void badCsvChangesNothing_data();
    void badCsvChangesNothing();
    void frozenStageChangesNothing();
    void exportFailures();
    void usage();

private:
    /** A demo round whose supply market is \a supply. */
    QString round(const QString &name, const SupplyMarket &supply);
    QString writeFile(const QString &name, const QByteArray &content);
    static QJsonObject json(const TestSupport::CliRun &run)
    {
        if (run.exitCode != 0)
            qWarning("%s", qPrintable(run.err));
        return QJsonDocument::fromJson(run.out.toUtf8()).object();
    }

    QTemporaryDir m_dir;
    Round m_demo;
    SupplyMarket m_supply;
};

void TestCliSupply::initTestCase()
{
    QVERIFY(m_dir.isValid());
    Result<Round> demo = LondonRound::demo();
    QVERIFY2(demo, qPrintable(demo.errorMessage()));
    m_demo = *demo;
    m_demo.supply = {};
    m_demo.decisions.clear(); // the demo's agreements decide each CPA's priorities
    const CpaPlan *plan = m_demo.adoptedPlan();
    QVERIFY(plan);
    QCOMPARE(plan->cpas[0].name, QStringLiteral("Central London Forward"));
    QCOMPARE(plan->cpas[1].name, QStringLiteral("Local London"));
    QVERIFY(plan->cpas[0].members.contains("E09000007")); // Camden
    QVERIFY(plan->cpas[1].members.contains("E09000002")); // Barking and Dagenham

    /*
     * Central London Forward's priorities (its agreement): health_condition, homelessness.
     * Local London's: esa_wrag, workless_families, young_never_worked.
     * Hope Housing serves homelessness in Central London Forward; MindWorks (mental_health)
     * serves health_condition and esa_wrag in both; nobody serves workless_families.
     */
    m_supply.providers = {
        {"Hope Housing",
         ProviderSector::VoluntaryCommunity,
         true,
         {"homelessness"},
         {"E09000007"},
         "info@hope.example"},
        {"MindWorks",
         ProviderSector::Private,
         false,
         {"mental_health"},
         {"E09000007", "E09000002"},
         {}},
    };
    m_supply.milestones = {
        {MilestoneKind::SupplyChainFormation, {}, QDate(2027, 1, 4), QDate(2027, 3, 8)},
        {MilestoneKind::TenderNotice, {}, QDate(2027, 3, 1), QDate(2027, 3, 1)},
        {MilestoneKind::BidDeadline, {}, QDate(2027, 3, 22), QDate(2027, 3, 22)},
    };
    m_supply.rules = defaultTimelineRules();
    m_supply.illustrativeProviders = true;
}

QString TestCliSupply::round(const QString &name, const SupplyMarket &supply)
{
    Round r = m_demo;
    r.supply = supply;
    const QString path = TestSupport::createRoundFile(m_dir.filePath(name), r);
    if (path.isEmpty())
        qFatal("cannot make %s", qPrintable(name));
    return path;
}

QString TestCliSupply::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void TestCliSupply::reportJson()
{
    const QString path = round("report.cocom", m_supply);
    const QJsonObject o = json(runCli({"supply", path, "--json"}));
    QCOMPARE(o.value("providers").toInt(), 2);
    QCOMPARE(o.value("illustrative").toBool(), true);

    const QJsonObject coverage = o.value("coverage").toObject();
    const QJsonArray groups = coverage.value("groups").toArray();
    QStringList keys;
    for (const QJsonValue &g : groups)
        keys << g["key"].toString();
    QCOMPARE(keys, (QStringList{"esa_wrag", "jsa_12_months", "lone_parents", "young_never_worked",
                                "workless_families", "health_condition", "multiple_disadvantages",
                                "homelessness"}));
    QCOMPARE(coverage.value("whole_catalogue").toBool(), false);
    const QJsonArray cpas = coverage.value("cpas").toArray();
    QCOMPARE(cpas.size(), 4);
    const QJsonObject clf = cpas[0].toObject();
    QCOMPARE(clf["name"].toString(), QStringLiteral("Central London Forward"));
    QCOMPARE(clf["provider_count"].toInt(), 2);
    QCOMPARE(clf["voluntary_community_share"].toDouble(), 0.5);
    QCOMPARE(clf["sme_share"].toDouble(), 0.5);
    QCOMPARE(cpas[1]["provider_count"].toInt(), 1);
    QCOMPARE(cpas[1]["voluntary_community_share"].toDouble(), 0.0);
    QCOMPARE(cpas[2]["provider_count"].toInt(), 0);

    const QJsonArray cells = coverage.value("cells").toArray();
    QCOMPARE(cells.size(), 8);
    const QJsonObject homelessClf = cells[7].toArray()[0].toObject();
    QCOMPARE(homelessClf["count"].toInt(), 1);
    QCOMPARE(homelessClf["providers"].toArray(), QJsonArray{"Hope Housing"});
    QCOMPARE(homelessClf["priority"].toBool(), true);
    QCOMPARE(homelessClf["gap"].toBool(), false);
    const QJsonObject esaLocal = cells[0].toArray()[1].toObject();
    QCOMPARE(esaLocal["providers"].toArray(), QJsonArray{"MindWorks"});
    const QJsonObject esaClf = cells[0].toArray()[0].toObject();
    QCOMPARE(esaClf["count"].toInt(), 1);
    QCOMPARE(esaClf["priority"].toBool(), false);
    const QJsonObject familiesLocal = cells[4].toArray()[1].toObject();
    QCOMPARE(familiesLocal["count"].toInt(), 0);
    QCOMPARE(familiesLocal["gap"].toBool(), true);

    // The same gaps as supplyCoverage() finds, with the CPA's name.
    const CoverageMatrix m = supplyCoverage(
        [&] {
            Round r = m_demo;
            r.supply = m_supply;
            return r;
        }(),
        m_supply);
    const QJsonArray gaps = o.value("gaps").toArray();
    QCOMPARE(gaps.size(), m.gaps.size());
    // The first gap: esa_wrag is a priority of South London Partnership, which nobody serves.
    QCOMPARE(gaps[0]["group"].toString(), QStringLiteral("esa_wrag"));
    QCOMPARE(gaps[0]["cpa"].toString(), QStringLiteral("South London Partnership"));
    QJsonObject families;
    for (const QJsonValue &g : gaps) {
        if (g["group"] == QStringLiteral("workless_families"))
            families = g.toObject();
    }
    QCOMPARE(families["cpa"].toString(), QStringLiteral("Local London"));
    QCOMPARE(families["message"].toString(),
             QStringLiteral("No specialist provider for workless families in Local London."));

    const QJsonArray timeline = o.value("timeline").toArray();
    QCOMPARE(timeline.size(), 4);
    const QJsonObject formation = timeline[0].toObject();
    QCOMPARE(formation["from"].toString(), QStringLiteral("supply_chain_formation"));
    QCOMPARE(formation["minimum_days"].toInt(), 56);
    QCOMPARE(formation["days"].toInt(), 63);
    QCOMPARE(formation["met"].toBool(), true);
    QCOMPARE(formation["description"].toString(),
             QStringLiteral("Supply-chain formation lasts at least 8 weeks"));
    const QJsonObject tender = timeline[1].toObject();
    QCOMPARE(tender["days"].toInt(), 21);
    QCOMPARE(tender["met"].toBool(), false);
    QCOMPARE(tender["start"].toString(), QStringLiteral("2027-03-01"));
    const QJsonObject standstill = timeline[2].toObject();
    QVERIFY(standstill["days"].isNull());
    QCOMPARE(standstill["explanation"].toString(),
             QStringLiteral("Not met: the timeline has no standstill."));
    QCOMPARE(o.value("span")["start"].toString(), QStringLiteral("2027-01-04"));
    QCOMPARE(o.value("span")["end"].toString(), QStringLiteral("2027-03-22"));
    QCOMPARE(o.value("milestones").toArray().size(), 3);
}

void TestCliSupply::demoRoundReport()
{
    // The demo's own illustrative market: its first rule is missed on purpose (7 weeks of 8).
    Result<Round> demo = LondonRound::demo();
    QVERIFY(demo);
    const QString path = TestSupport::createRoundFile(m_dir.filePath("demo.cocom"), *demo);
    QVERIFY(!path.isEmpty());
    const QJsonObject o = json(runCli({"supply", path, "--json"}));
    QCOMPARE(o.value("illustrative").toBool(), true);
    QCOMPARE(o.value("providers").toInt(), int(demo->supply.providers.size()));
    const QJsonObject formation = o.value("timeline")[0].toObject();
    QCOMPARE(formation["days"].toInt(), 49);
    QCOMPARE(formation["met"].toBool(), false);
    QCOMPARE(o.value("gaps").toArray().size(), supplyCoverage(*demo, demo->supply).gaps.size());
}

void TestCliSupply::reportText()
{
    const QString path = round("text.cocom", m_supply);
    const auto run = runCli({"supply", path});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    for (const char *part :
         {"ILLUSTRATIVE", "Provider register: 2 providers.", "Coverage", "Central London Forward",
          "GAP", "No specialist provider for workless families in Local London.",
          "Central London Forward: 2 providers, 50% voluntary and community, "
          "50% SME.",
          "Supply-chain formation lasts at least 8 weeks. Met: ",
          "Not met: the timeline has no standstill."}) {
        QVERIFY2(run.out.contains(QString::fromUtf8(part)), qPrintable(run.out));
    }
    QVERIFY(run.out.contains(QStringLiteral("(1)"))); // served, but not a priority there
}

void TestCliSupply::reportWithoutAnAdoptedPlan()
{
    Result<Round> blank = LondonRound::blank("Blank");
    QVERIFY(blank);
    const QString path = TestSupport::createRoundFile(m_dir.filePath("blank.cocom"), *blank);
    QVERIFY(!path.isEmpty());
    const auto run = runCli({"supply", path});
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.contains(QStringLiteral("no adopted CPA plan")), qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("No milestones yet.")));
    QVERIFY(run.out.contains(QStringLiteral("The board has set no timeline rules.")));
    const QJsonObject o = json(runCli({"supply", path, "--json"}));
    QVERIFY(o.value("coverage")["cpas"].toArray().isEmpty());
    QVERIFY(o.value("span").isNull());
}

void TestCliSupply::exportThenImportRoundTrips()
{
    const QString from = round("from.cocom", m_supply);
    const QString csv = m_dir.filePath("providers.csv");
    const auto exported = runCli({"supply", "export-providers", from, "-o", csv});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY(exported.out.contains(QStringLiteral("Wrote 2 providers to providers.csv.")));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), writeProvidersCsv(m_supply.providers));

    SupplyMarket empty = m_supply;
    empty.providers.clear();
    empty.illustrativeProviders = false;
    const QString to = round("to.cocom", empty);
    const auto imported = runCli({"supply", "import-providers", to, csv});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.contains(QStringLiteral(
                 "Read 2 providers from providers.csv: 2 added, 0 updated, 0 unchanged.")),
             qPrintable(imported.out));
    QVERIFY(!imported.out.contains(QStringLiteral("ILLUSTRATIVE")));
    {
        auto document = TestSupport::openRoundFile(to);
        QVERIFY(document);
        QCOMPARE(document->round().supply.providers, m_supply.providers);
        QCOMPARE(document->round().supply.milestones, m_supply.milestones); // untouched
    }

    // The same file again changes nothing, not even the file.
    const QByteArray before = TestSupport::fileHash(to);
    const auto again = runCli({"supply", "import-providers", to, csv});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains(QStringLiteral("0 added, 0 updated, 2 unchanged.")));
    QCOMPARE(TestSupport::fileHash(to), before);
}

void TestCliSupply::importMergesByName()
{
    SupplyMarket current = m_supply;
    current.illustrativeProviders = false;
    current.providers = {
        {"Alpha", ProviderSector::Private, false, {}, {}, {}},
        {"HOPE HOUSING", ProviderSector::Private, false, {}, {}, "old"},
        {"Omega", ProviderSector::Public, true, {}, {}, {}},
    };
    const QString path = round("merge.cocom", current);
    const QString csv = writeFile("merge.csv", "name,sector,sme,areas\n"
                                               "Hope Housing,vcs,yes,Central London Forward\n"
                                               "Alpha,private,no,\n"
                                               "New Start,voluntary,no,Camden\n");
    const auto run = runCli({"supply", "import-providers", path, csv});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral(
                 "Read 3 providers from merge.csv: 1 added, 1 updated, 1 unchanged.")),
             qPrintable(run.out));
    QVERIFY(run.out.contains(QStringLiteral("The register now holds 4 providers.")));
    auto document = TestSupport::openRoundFile(path);
    QVERIFY(document);
    const QList<Provider> &providers = document->round().supply.providers;
    QCOMPARE(providers.size(), 4);
    QCOMPARE(providers[0], current.providers[0]);
    QCOMPARE(providers[1].name, QStringLiteral("Hope Housing")); // the file's spelling
    QCOMPARE(providers[1].sector, ProviderSector::VoluntaryCommunity);
    QCOMPARE(providers[1].areas, m_demo.adoptedPlan()->cpas[0].members);
    QCOMPARE(providers[1].contact, QString()); // replaced whole
    QCOMPARE(providers[2].name, QStringLiteral("Omega"));
    QCOMPARE(providers[3].name, QStringLiteral("New Start"));
    QCOMPARE(providers[3].areas, QStringList{"E09000007"});
}

void TestCliSupply::badCsvChangesNothing_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("unknown area")
        << QByteArray("name,areas\nNew Start,Camden\nAcme,Narnia\n")
        << QStringList{"bad.csv, line 3, field \u201careas\u201d: \u201cNarnia\u201d is not an "
                       "authority or CPA of the round."};
    QTest::newRow("duplicate name") << QByteArray("name\nAcme\nACME\n")
                                    << QStringList{"bad.csv, line 3, field \u201cname\u201d"};
    QTest::newRow("missing name column")
        << QByteArray("sector\nprivate\n") << QStringList{"bad.csv, line 1"};
    QTest::newRow("unknown sector") << QByteArray("name,sector\nAcme,charity\n")
                                    << QStringList{"bad.csv, line 2, field \u201csector\u201d"};
    QTest::newRow("empty file") << QByteArray() << QStringList{"bad.csv is empty"};
}

void TestCliSupply::badCsvChangesNothing()
{
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    const QString path =
        round(QStringLiteral("bad-%1.cocom").arg(QString::number(qHash(QTest::currentDataTag()))),
              m_supply);
    const QString csv = writeFile("bad.csv", content);
    const QByteArray before = TestSupport::fileHash(path);
    const auto run = runCli({"supply", "import-providers", path, csv});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was imported")), qPrintable(run.err));
    for (const QString &part : expected)
        QVERIFY2(run.err.contains(part), qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(path), before);
}

void TestCliSupply::frozenStageChangesNothing()
{
    Round r = m_demo;
    r.supply = m_supply;
    r.stage(StageId::Supply).status = StageStatus::ReadyForSignOff;
    const QString path = TestSupport::createRoundFile(m_dir.filePath("frozen.cocom"), r);
    QVERIFY(!path.isEmpty());
    const QString csv = writeFile("frozen.csv", "name\nNew Start\n");
    const QByteArray before = TestSupport::fileHash(path);
    const auto run = runCli({"supply", "import-providers", path, csv});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("Nothing was imported: Stage 4")),
             qPrintable(run.err));
    QCOMPARE(TestSupport::fileHash(path), before);

    const auto missing = runCli({"supply", "import-providers", path, m_dir.filePath("no.csv")});
    QCOMPARE(missing.exitCode, 2);
}

void TestCliSupply::exportFailures()
{
    const QString path = round("export.cocom", m_supply);
    const auto noOutput = runCli({"supply", "export-providers", path});
    QCOMPARE(noOutput.exitCode, 2);
    QVERIFY(noOutput.err.contains(QStringLiteral("-o")));
    const auto badDir =
        runCli({"supply", "export-providers", path, "-o", m_dir.filePath("no/such/dir/x.csv")});
    QCOMPARE(badDir.exitCode, 2);
    QVERIFY2(badDir.err.contains(QStringLiteral("Could not write")), qPrintable(badDir.err));
    const auto noRound =
        runCli({"supply", "export-providers", m_dir.filePath("absent.cocom"), "-o", "x.csv"});
    QCOMPARE(noRound.exitCode, 2);
}

void TestCliSupply::usage()
{
    const QString help = runCli({"--help"}).out;
    QVERIFY(help.contains(QStringLiteral("supply FILE.cocom [--json]")));
    QVERIFY(help.contains(QStringLiteral("supply import-providers")));
    const auto none = runCli({"supply"});
    QCOMPARE(none.exitCode, 2);
    QVERIFY(none.err.contains(QStringLiteral("Usage:")));
    QCOMPARE(runCli({"supply", "a.cocom", "b.cocom"}).exitCode, 2);
    QCOMPARE(runCli({"supply", "a.cocom", "--csv"}).exitCode, 2);
    const auto oneFile = runCli({"supply", "import-providers", "a.cocom"});
    QCOMPARE(oneFile.exitCode, 2);
    QVERIFY(oneFile.err.contains(QStringLiteral("CSV file")));
}

QTEST_GUILESS_MAIN(TestCliSupply)
#include "tst_cli_supply.moc"
